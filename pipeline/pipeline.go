// Package pipeline runs the stages over articles: it turns an Article into
// an annotated Doc (Process) and runs many articles through a pool of
// workers while keeping the output in input order and memory flat (Run).
//
// The stages, in order, are:
//
//	clean.Clean     dateline and boilerplate
//	text.Segment    paragraphs, sentences, tokens
//	tag.Tag         part of speech and lemma        (when Options.Syntax or Entities)
//	parse.Parse     dependency heads and relations  (when Options.Syntax or Entities)
//	ner.Recognize   names of people, organisations, places (when Options.Entities)
//	actor.Resolve   entities, coreference, actor codes     (when Options.Entities)
//	quote.Find      quotations, their speakers and cues    (when Options.Entities)
//	event.Code      who did what to whom, when and where   (when Options.Entities)
//
// The actor stage learns from each article ("Russian Foreign Minister
// Sergei Lavrov" teaches that Lavrov is RUSGOV) and applies it to later
// ones, so Run resolves the articles one at a time, in input order, after
// the workers have done the rest: a run's output does not depend on the
// number of workers.
//
// Later stages are added here, and nowhere else, as they land. A stage runs
// only when something asked for needs it, so extracting without --syntax
// neither loads the models nor pays for them.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"runtime/debug"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/actor"
	"github.com/eventwire/eventwire/clean"
	"github.com/eventwire/eventwire/event"
	"github.com/eventwire/eventwire/geo"
	"github.com/eventwire/eventwire/ner"
	"github.com/eventwire/eventwire/parse"
	"github.com/eventwire/eventwire/quote"
	"github.com/eventwire/eventwire/tag"
	"github.com/eventwire/eventwire/text"
)

// ErrInternal marks an article that a stage failed on: a bug, reported for
// that article alone so that a long run goes on.
var ErrInternal = errors.New("internal error")

// Error is a failure to process one article.
type Error struct {
	Origin eventwire.Origin
	Err    error
}

func (e *Error) Error() string { return e.Origin.String() + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Pipeline holds what the stages share. It is safe for concurrent use: the
// models are loaded once by New and only read afterwards.
type Pipeline struct {
	tagger *tag.Tagger      // nil when no stage needs tags
	parser *parse.Parser    // nil when no stage needs a parse
	ner    *ner.Recognizer  // nil unless Options.Entities
	coder  *actor.Coder     // nil unless Options.Entities
	kb     *actor.Knowledge // what the actor stage has learned; nil unless Options.Entities
	quotes *quote.Finder    // nil unless Options.Entities
	events *event.Coder     // nil unless Options.Entities
}

// Options says what the caller needs from the pipeline.
type Options struct {
	// Syntax tags, lemmatizes and parses every sentence.
	Syntax bool
	// Entities finds names, groups every mention into entities and codes
	// their actors, then finds the quotations and who said them, and codes
	// the events. It needs the syntax stages, and so runs them.
	Entities bool
	// Actors are the user's actor dictionaries (actor.ReadDict), consulted
	// before the embedded tables.
	Actors []*actor.Dict
	// Knowledge is what the actor stage knows before the run; it learns
	// into it as the articles go by. Nil starts from nothing.
	Knowledge *actor.Knowledge
	// Verbs are the user's event dictionaries (event.ReadDictionary,
	// event.ReadPetrarchVerbs), tried before the embedded one, the first
	// given first.
	Verbs []*event.Dictionary
}

// New loads what the asked-for stages need and returns the pipeline.
func New(opt Options) (*Pipeline, error) {
	p := &Pipeline{}
	if opt.Syntax || opt.Entities {
		var err error
		if p.tagger, err = tag.Load(); err != nil {
			return nil, fmt.Errorf("loading the tagger: %w", err)
		}
		if p.parser, err = parse.Load(); err != nil {
			return nil, fmt.Errorf("loading the parser: %w", err)
		}
	}
	if opt.Entities {
		g, err := geo.Load()
		if err != nil {
			return nil, fmt.Errorf("loading the gazetteer: %w", err)
		}
		if p.ner, err = ner.LoadWith(g); err != nil {
			return nil, fmt.Errorf("loading the name recogniser: %w", err)
		}
		if p.coder, err = actor.New(actor.Options{Geo: g, Dicts: opt.Actors}); err != nil {
			return nil, fmt.Errorf("loading the actor tables: %w", err)
		}
		if p.quotes, err = quote.New(); err != nil {
			return nil, fmt.Errorf("loading the reporting verbs: %w", err)
		}
		if p.events, err = newEventCoder(g, opt.Verbs); err != nil {
			return nil, fmt.Errorf("loading the event dictionaries: %w", err)
		}
		p.kb = opt.Knowledge
		if p.kb == nil {
			p.kb = actor.NewKnowledge()
		}
	}
	return p, nil
}

// newEventCoder builds the event coder from the embedded ontology and
// dictionary, with the user's dictionaries before the embedded one.
func newEventCoder(g *geo.Gazetteer, verbs []*event.Dictionary) (*event.Coder, error) {
	ont, err := event.LoadOntology()
	if err != nil {
		return nil, err
	}
	dict, err := event.LoadDictionary()
	if err != nil {
		return nil, err
	}
	for i := len(verbs) - 1; i >= 0; i-- {
		dict = verbs[i].Merge(dict)
	}
	return event.New(ont, dict, g)
}

// Knowledge returns what the actor stage has learned so far (nil when the
// pipeline does not resolve entities), for a caller that keeps it.
func (p *Pipeline) Knowledge() *actor.Knowledge { return p.kb }

// Process runs every stage over one article. A stage that panics (a bug)
// does not bring the run down: Process returns an *Error wrapping
// ErrInternal for that article. Concurrent calls are safe, but what one
// article teaches the actor stage reaches another only if it was processed
// first: use Run for output that does not depend on timing.
func (p *Pipeline) Process(a eventwire.Article) (*eventwire.Doc, error) {
	doc, err := p.process(a)
	if err != nil {
		return nil, err
	}
	if err := p.resolve(doc); err != nil {
		return nil, err
	}
	return doc, nil
}

// process runs the stages that look at one article alone.
func (p *Pipeline) process(a eventwire.Article) (doc *eventwire.Doc, err error) {
	defer recoverInternal(a.Origin, &err)
	doc = eventwire.NewDoc(a)
	clean.Clean(doc)
	text.Segment(doc)
	if p.tagger != nil {
		p.tagger.Tag(doc)
	}
	if p.parser != nil {
		p.parser.Parse(doc)
	}
	if p.ner != nil {
		p.ner.Recognize(doc)
	}
	return doc, nil
}

// resolve runs the actor stage, which reads and feeds the run's knowledge,
// and the quote and event stages, which need its entities.
func (p *Pipeline) resolve(doc *eventwire.Doc) (err error) {
	if p.coder == nil {
		return nil
	}
	defer recoverInternal(doc.Origin, &err)
	p.coder.Resolve(doc, p.kb)
	p.quotes.Find(doc) // speakers are entities: after Resolve
	p.events.Code(doc)
	return nil
}

// recoverInternal turns a panic in a stage into an *Error for the article.
func recoverInternal(o eventwire.Origin, err *error) {
	if r := recover(); r != nil {
		*err = &Error{o, fmt.Errorf("%w: %v\n%s", ErrInternal, r, debug.Stack())}
	}
}

// Stats counts what a Run did.
type Stats struct {
	Articles  int   // processed and emitted
	Failed    int   // input errors and articles a stage failed on
	Sentences int   // in the emitted articles
	Bytes     int64 // of emitted article text
}

// Run processes the articles of in with workers goroutines (all cores when
// workers < 1) and calls emit with each Doc in input order. An error that in
// yields, or that Process returns, goes to fail, also in input order, and
// the run goes on. At most a few articles per worker are in flight, so
// memory stays flat whatever the size of the input. progress, when not nil,
// is called after every article with the running totals.
//
// Run returns when in is exhausted, when emit returns an error (which Run
// returns), or when ctx is done (ctx.Err()).
func (p *Pipeline) Run(ctx context.Context, in iter.Seq2[eventwire.Article, error], workers int,
	emit func(*eventwire.Doc) error, fail func(error), progress func(Stats)) (Stats, error) {
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		article eventwire.Article
		err     error               // from the source
		done    chan *eventwire.Doc // the worker's result, or nil when err is set below
		failure chan error          // the worker's error
	}
	order := make(chan *job, 2*workers) // every job, in input order
	work := make(chan *job)             // jobs that need a worker

	go func() {
		defer close(order)
		defer close(work)
		for a, err := range in {
			j := &job{article: a, err: err}
			if err == nil {
				j.done = make(chan *eventwire.Doc, 1)
				j.failure = make(chan error, 1)
			}
			select {
			case order <- j:
			case <-ctx.Done():
				return
			}
			if err != nil {
				continue
			}
			select {
			case work <- j:
			case <-ctx.Done():
				return
			}
		}
	}()

	for range workers {
		go func() {
			for j := range work {
				doc, err := p.process(j.article)
				if err != nil {
					j.failure <- err
					continue
				}
				j.done <- doc
			}
		}()
	}

	var st Stats
	for j := range order {
		if j.err == nil {
			select {
			case doc := <-j.done:
				if err := p.resolve(doc); err != nil {
					st.Failed++
					fail(err)
					break
				}
				if err := emit(doc); err != nil {
					cancel()
					drain(order)
					return st, err
				}
				st.Articles++
				st.Sentences += len(doc.Sentences)
				st.Bytes += int64(len(doc.Text))
			case err := <-j.failure:
				st.Failed++
				fail(err)
			case <-ctx.Done():
				drain(order)
				return st, ctx.Err()
			}
		} else {
			st.Failed++
			fail(j.err)
		}
		if progress != nil {
			progress(st)
		}
	}
	return st, ctx.Err()
}

// drain empties the order channel so that the reading goroutine, which
// selects on the cancelled context, can finish.
func drain[T any](c <-chan T) {
	for range c {
	}
}
