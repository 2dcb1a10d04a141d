package main

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/actor"
	"github.com/eventwire/eventwire/event"
	"github.com/eventwire/eventwire/pipeline"
	"github.com/eventwire/eventwire/sink"
	"github.com/eventwire/eventwire/source"
)

type extractCmd struct {
	Inputs     []string `arg:"" optional:"" name:"input" help:"Files, directories (read recursively), http(s) URLs, or - for standard input (the default). Plain text, JSONL, HTML, RSS/Atom, WARC; gzip too."`
	Format     string   `enum:"jsonl,json" default:"jsonl" help:"Output format: jsonl (one record a line) or json (one indented array)."`
	Workers    int      `default:"0" help:"Worker goroutines; 0 uses every core."`
	Sentences  bool     `help:"Add each article's sentences and tokens to its record."`
	Syntax     bool     `help:"Tag, lemmatize and parse every sentence; implies --sentences (each token gets tag, xpos, lemma, head and relation)."`
	Entities   bool     `default:"true" negatable:"" help:"Find people, organisations and places, resolve their mentions and code their actors (on by default; --no-entities skips the models)."`
	Knowledge  string   `type:"path" placeholder:"FILE" help:"JSON file of what the actor stage has learned about people (\"Lavrov is RUSGOV\"): read before the run when it exists, written back after it."`
	Progress   bool     `help:"Show progress on stderr (on by default when stderr is a terminal)."`
	inputFlags `embed:""`
	dictFlags  `embed:""`
}

// inputFlags are how extract and ingest read their inputs.
type inputFlags struct {
	Published   string        `placeholder:"DATE" help:"Publication date (YYYY-MM-DD) for articles whose input gives none."`
	InputFormat string        `enum:"auto,text,jsonl,html,feed,warc" default:"auto" help:"How to read inputs: auto (by name, then by content or Content-Type), text, jsonl, html, feed (RSS, Atom) or warc."`
	MaxBytes    int64         `default:"16777216" help:"Largest input accepted, in bytes: a text file, a JSONL line, an HTML page, a feed, a WARC record or a fetched URL's body."`
	Timeout     time.Duration `default:"30s" help:"How long fetching one http(s) URL may take."`
}

// options returns the source options the flags ask for.
func (f *inputFlags) options(stdin io.Reader) (source.Options, error) {
	opt := source.Options{Format: f.InputFormat, MaxBytes: f.MaxBytes, Timeout: f.Timeout, Stdin: stdin}
	if f.Published != "" {
		d, err := source.ParseDate(f.Published)
		if err != nil {
			return opt, fmt.Errorf("--published: %w", err)
		}
		opt.Published = d
	}
	return opt, nil
}

// dictFlags are the user's dictionaries, read before the built-in tables.
type dictFlags struct {
	Actors []string `type:"existingfile" placeholder:"FILE" help:"A PETRARCH/Phoenix actor or agent dictionary (plain or .gz), consulted before the built-in tables; repeat for more."`
	Verbs  []string `type:"existingfile" placeholder:"FILE" help:"An event dictionary tried before the built-in one: PETRARCH-2 verb dictionary (such as CAMEO.2.0.txt) or eventwire's format (event/dictionary.md), plain or .gz; repeat for more."`
}

// read reads the dictionaries, reporting on stderr what they skip.
func (f *dictFlags) read(e *env) ([]*actor.Dict, []*event.Dictionary, error) {
	dicts, err := readDicts(e, f.Actors)
	if err != nil {
		return nil, nil, err
	}
	verbs, err := readVerbs(e, f.Verbs)
	if err != nil {
		return nil, nil, err
	}
	return dicts, verbs, nil
}

func (c *extractCmd) Run(e *env) error {
	opt, err := c.options(e.stdin)
	if err != nil {
		return err
	}
	inputs := c.Inputs
	if len(inputs) == 0 {
		inputs = []string{"-"}
	}
	out, err := sink.New(c.Format, e.stdout)
	if err != nil {
		return err
	}
	dicts, verbs, err := c.read(e)
	if err != nil {
		return err
	}
	kb, err := readKnowledge(c.Knowledge)
	if err != nil {
		return err
	}
	p, err := pipeline.New(pipeline.Options{Syntax: c.Syntax, Entities: c.Entities, Actors: dicts, Verbs: verbs, Knowledge: kb})
	if err != nil {
		return err
	}
	recOpt := eventwire.RecordOptions{Sentences: c.Sentences || c.Syntax}
	emit := func(d *eventwire.Doc) error {
		r := d.Record(recOpt)
		return out.Write(&r)
	}
	fail := func(err error) { fmt.Fprintf(e.stderr, "eventwire: %v\n", err) }

	var prog *progress
	if c.Progress || e.stderrTTY {
		prog = newProgress(e.stderr, time.Second)
	}
	st, runErr := p.Run(e.ctx, source.Read(e.ctx, inputs, opt), c.Workers, emit, fail, prog.update)
	closeErr := out.Close()
	prog.done(st)
	if c.Knowledge != "" && kb != nil {
		if err := writeKnowledge(c.Knowledge, kb); err != nil {
			return fmt.Errorf("--knowledge: %w", err)
		}
	}
	switch {
	case runErr != nil && e.ctx.Err() != nil:
		fmt.Fprintf(e.stderr, "eventwire: interrupted after %d articles; the output holds every one of them, whole\n", st.Articles)
		return failed{exitFailed}
	case runErr != nil:
		return fmt.Errorf("writing output: %w", runErr)
	case closeErr != nil:
		return fmt.Errorf("writing output: %w", closeErr)
	case st.Failed > 0:
		fmt.Fprintf(e.stderr, "eventwire: %d input(s) failed, %d article(s) written\n", st.Failed, st.Articles)
		return failed{exitFailed}
	}
	return nil
}

// readDicts reads the user's actor dictionaries, gzip or plain, and prints
// the entries each one had to skip.
func readDicts(e *env, names []string) ([]*actor.Dict, error) {
	var dicts []*actor.Dict
	for _, name := range names {
		d, err := readDict(name)
		if err != nil {
			return nil, err
		}
		for _, w := range d.Warnings {
			fmt.Fprintf(e.stderr, "eventwire: %v\n", w)
		}
		dicts = append(dicts, d)
	}
	return dicts, nil
}

func readDict(name string) (*actor.Dict, error) {
	var d *actor.Dict
	err := readMaybeGzip(name, func(r io.Reader) (err error) {
		d, err = actor.ReadDict(r, name)
		return err
	})
	return d, err
}

// readMaybeGzip opens the file name and gives read its content, unzipped
// when it starts with gzip's magic bytes.
func readMaybeGzip(name string, read func(io.Reader) error) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	br := bufio.NewReader(f)
	var r io.Reader = br
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		defer zr.Close()
		r = zr
	}
	return read(r)
}

// readVerbs reads the user's event dictionaries: PETRARCH-2 verb
// dictionaries, known by their "--- NAME [code] ---" block lines, or
// eventwire's own format. What a PETRARCH file had to skip is summed up on
// stderr, and each malformed code named.
func readVerbs(e *env, names []string) ([]*event.Dictionary, error) {
	if len(names) == 0 {
		return nil, nil
	}
	ont, err := event.LoadOntology()
	if err != nil {
		return nil, err
	}
	var dicts []*event.Dictionary
	for _, name := range names {
		var d *event.Dictionary
		err := readMaybeGzip(name, func(r io.Reader) error {
			data, err := io.ReadAll(r)
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			if !petrarchVerbs(data) {
				d, err = event.ReadDictionary(bytes.NewReader(data), name)
				return err
			}
			var rep *event.PetrarchReport
			d, rep, err = event.ReadPetrarchVerbs(bytes.NewReader(data), name, ont)
			if err != nil {
				return err
			}
			for _, w := range rep.Warnings {
				fmt.Fprintf(e.stderr, "eventwire: %s\n", w)
			}
			fmt.Fprintf(e.stderr, "eventwire: %s: %d patterns used, %d lines skipped%s\n",
				name, rep.Entries, rep.SkippedTotal(), skipReasons(rep.Skipped))
			return nil
		})
		if err != nil {
			return nil, err
		}
		dicts = append(dicts, d)
	}
	return dicts, nil
}

// skipReasons lists why lines were skipped, most frequent first:
// " (no code: 12, unsupported pattern: 3)".
func skipReasons(m map[string]int) string {
	if len(m) == 0 {
		return ""
	}
	reasons := slices.Collect(maps.Keys(m))
	slices.SortFunc(reasons, func(a, b string) int {
		if c := cmp.Compare(m[b], m[a]); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	parts := make([]string, len(reasons))
	for i, r := range reasons {
		parts[i] = fmt.Sprintf("%s: %d", r, m[r])
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

// petrarchVerbs reports whether data looks like a PETRARCH verb
// dictionary: a line that opens a verb block with "---".
func petrarchVerbs(data []byte) bool {
	for line := range bytes.Lines(data) {
		if bytes.HasPrefix(line, []byte("---")) {
			return true
		}
	}
	return false
}

// readKnowledge loads the facts a previous run saved; a file that does not
// exist yet is an empty start. It returns nil when no file is named.
func readKnowledge(name string) (*actor.Knowledge, error) {
	if name == "" {
		return nil, nil
	}
	b, err := os.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		return actor.NewKnowledge(), nil
	}
	if err != nil {
		return nil, fmt.Errorf("--knowledge: %w", err)
	}
	var facts []actor.Fact
	if err := json.Unmarshal(b, &facts); err != nil {
		return nil, fmt.Errorf("--knowledge: %s: not a JSON array of facts: %w", name, err)
	}
	return actor.NewKnowledge(facts...), nil
}

// writeKnowledge saves what the run knows, whole or not at all.
func writeKnowledge(name string, kb *actor.Knowledge) error {
	return writeAtomic(name, func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(kb.Facts())
	})
}
