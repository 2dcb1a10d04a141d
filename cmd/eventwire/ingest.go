package main

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/actor"
	"github.com/eventwire/eventwire/pipeline"
	"github.com/eventwire/eventwire/source"
	"github.com/eventwire/eventwire/sqlite"
)

type ingestCmd struct {
	Inputs     []string `arg:"" name:"source" help:"Files, directories (read recursively), http(s) URLs or - for standard input: plain text, JSONL, HTML, feeds, WARC, gzip (as extract reads them)."`
	DB         string   `name:"db" required:"" type:"path" placeholder:"FILE" help:"SQLite database to add the articles to; created when missing."`
	Workers    int      `default:"0" help:"Worker goroutines; 0 uses every core."`
	Entities   bool     `default:"true" negatable:"" help:"Find entities, quotes and events (on by default; --no-entities stores the articles alone)."`
	Knowledge  string   `type:"path" placeholder:"FILE" help:"JSON file of what the actor stage has learned, added to what the database knows before the run, and written back after it."`
	Progress   bool     `default:"true" negatable:"" help:"Report progress on stderr: a bar on a terminal, elsewhere a line every 5 seconds (on by default; --no-progress turns it off)."`
	inputFlags `embed:""`
	dictFlags  `embed:""`
}

// ingestStats counts what an ingest did.
type ingestStats struct {
	added, present, failed int
	events, quotes         int // in the articles added
	duplicates, sameEvents int // near-duplicate articles, events reported before (sqlite.Saved)
}

func (c *ingestCmd) Run(e *env) error {
	opt, err := c.options(e.stdin)
	if err != nil {
		return err
	}
	dicts, verbs, err := c.read(e)
	if err != nil {
		return err
	}
	fileKB, err := readKnowledge(c.Knowledge)
	if err != nil {
		return err
	}
	db, err := sqlite.Open(e.ctx, c.DB, sqlite.Options{})
	if err != nil {
		return fmt.Errorf("--db: %w", err)
	}
	defer db.Close()

	var kb *actor.Knowledge
	if c.Entities {
		// What earlier runs learned, then what the --knowledge file adds.
		facts, err := db.Knowledge(e.ctx)
		if err != nil {
			return fmt.Errorf("--db: %w", err)
		}
		if fileKB != nil {
			facts = append(facts, fileKB.Facts()...)
		}
		kb = actor.NewKnowledge(facts...)
	}
	p, err := pipeline.New(pipeline.Options{Entities: c.Entities, Actors: dicts, Verbs: verbs, Knowledge: kb})
	if err != nil {
		return err
	}

	var prog *ingestProgress
	if c.Progress {
		prog = newIngestProgress(e.ctx, e.stderr, e.stderrTTY, 5*time.Second, c.Inputs, c.InputFormat)
	}
	msgs := prog.writer(e.stderr) // messages go above the bar

	var st ingestStats
	// Documents are saved batchSize at a time, or after batchAge, in one
	// transaction (sqlite.SaveAll: each article whole or not at all) with
	// what the actor stage learned up to the last of them. A killed run
	// loses at most the batches not yet committed: a rerun skips the
	// articles stored, starts from the knowledge stored with them, and so
	// ends as an uninterrupted run. An article being saved when the run
	// is interrupted is saved whole: its transaction does not see the
	// cancellation.
	//
	// One goroutine saves while the run goes on resolving the next batch
	// (the stages that run in input order and the store are the run's
	// narrowest part); at most one batch waits for it.
	const batchSize, batchAge = 64, time.Second
	saveCtx := context.WithoutCancel(e.ctx)
	var msgMu sync.Mutex // the saver and the run both write messages
	say := func(format string, args ...any) {
		msgMu.Lock()
		defer msgMu.Unlock()
		fmt.Fprintf(msgs, format, args...)
	}
	type saveJob struct {
		docs  []*eventwire.Doc
		facts []actor.Fact // knowledge new or changed since the last batch
	}
	jobs := make(chan saveJob, 1)
	saverDone := make(chan struct{})
	var saved ingestStats // counted by the saver
	var saveErr atomic.Pointer[error]
	go func() {
		defer close(saverDone)
		for j := range jobs {
			if saveErr.Load() != nil {
				continue // the database failed: drain
			}
			res := db.SaveAll(saveCtx, j.docs, j.facts...)
			var errs []error
			for i, r := range res {
				d := j.docs[i]
				switch {
				case r.Err != nil:
					saved.failed++
					errs = append(errs, r.Err)
					say("eventwire: %v\n", r.Err)
				case r.Added:
					saved.added++
					saved.events += len(d.Events)
					saved.quotes += len(d.Quotes)
					saved.sameEvents += r.SameEvents
					if r.DuplicateOf != 0 {
						saved.duplicates++
					}
				default:
					saved.present++
				}
			}
			if len(errs) > 0 && len(errs) == len(res) {
				// Not one article could be saved: the database is the
				// problem (a full disk, say), not the articles.
				saveErr.Store(&errs[0])
			}
		}
	}()
	var batch []*eventwire.Doc
	var batchStart time.Time
	var savedFacts []actor.Fact // the knowledge as last handed to the saver
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		var changed []actor.Fact
		if kb != nil {
			facts := kb.Facts()
			changed = changedFacts(savedFacts, facts)
			savedFacts = facts
		}
		jobs <- saveJob{batch, changed}
		batch = nil
		if err := saveErr.Load(); err != nil {
			return *err
		}
		return nil
	}
	// finishSaving waits for the saver and adds what it counted.
	finishSaving := func() error {
		close(jobs)
		<-saverDone
		st.added, st.present, st.events, st.quotes = saved.added, saved.present, saved.events, saved.quotes
		st.duplicates, st.sameEvents = saved.duplicates, saved.sameEvents
		st.failed += saved.failed
		if err := saveErr.Load(); err != nil {
			return *err
		}
		return nil
	}
	emit := func(d *eventwire.Doc) error {
		if len(batch) == 0 {
			batchStart = time.Now()
		}
		batch = append(batch, d)
		if len(batch) >= batchSize || time.Since(batchStart) >= batchAge {
			return flush()
		}
		return nil
	}
	fail := func(err error) {
		st.failed++
		say("eventwire: %v\n", err)
	}
	start := time.Now()
	// Articles already stored are not processed again.
	var present, piped atomic.Int64 // skipped, and through the pipeline (stored or failed)
	in := func(yield func(eventwire.Article, error) bool) {
		for a, err := range source.Read(e.ctx, c.Inputs, opt) {
			if err == nil {
				has, herr := db.Has(e.ctx, &a)
				if herr != nil && e.ctx.Err() != nil {
					return // interrupted: Run reports it
				}
				if herr != nil {
					err = herr
				} else if has {
					prog.update(piped.Load() + present.Add(1))
					continue
				}
			}
			if !yield(a, err) {
				return
			}
		}
	}
	update := func(pst pipeline.Stats) {
		piped.Store(int64(pst.Articles + pst.Failed))
		prog.update(piped.Load() + present.Load())
	}
	if prog == nil {
		update = nil
	}
	pst, runErr := p.Run(e.ctx, in, c.Workers, emit, fail, update)
	if err := flush(); err != nil && runErr == nil {
		runErr = err
	}
	if err := finishSaving(); err != nil && runErr == nil {
		runErr = err
	}
	prog.finish(int64(pst.Articles+pst.Failed)+present.Load(), runErr != nil)
	secs := time.Since(start).Seconds()
	st.present += int(present.Load())

	if kb != nil {
		if err := db.SaveKnowledge(saveCtx, kb.Facts()); err != nil {
			return fmt.Errorf("--db: %w", err)
		}
		if c.Knowledge != "" {
			if err := writeKnowledge(c.Knowledge, kb); err != nil {
				return fmt.Errorf("--knowledge: %w", err)
			}
		}
	}
	fmt.Fprintf(e.stderr, "eventwire: ingest: %d articles added, %d already present, %d failed; %d events, %d quotes added; %d near-duplicate articles, %d events reported before; %.1fs, %.1f articles/s\n",
		st.added, st.present, st.failed, st.events, st.quotes, st.duplicates, st.sameEvents, secs, float64(st.added+st.present)/max(secs, 1e-9))
	switch {
	case runErr != nil && e.ctx.Err() != nil:
		fmt.Fprintf(e.stderr, "eventwire: interrupted; the database holds every article added, whole: run again to go on\n")
		return failed{exitFailed}
	case runErr != nil:
		return fmt.Errorf("--db: %w", runErr)
	case st.failed > 0:
		fmt.Fprintf(e.stderr, "eventwire: %d input(s) failed\n", st.failed)
		return failed{exitFailed}
	}
	return nil
}

// changedFacts returns the facts of now that are not in was, the
// knowledge as last saved: Knowledge only appends facts and updates them
// in place, so a fact at an index of was is the same fact, maybe updated.
func changedFacts(was, now []actor.Fact) []actor.Fact {
	var changed []actor.Fact
	for i, f := range now {
		if i >= len(was) || f != was[i] {
			changed = append(changed, f)
		}
	}
	return changed
}
