// Package stagetest runs the real stages up to the entity layer (clean,
// text, tag, parse, ner, actor) over an article, for the tests of the
// stages after them (quote, event). Those tests cannot use pipeline, which
// imports the packages they test.
package stagetest

import (
	"sync"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/actor"
	"github.com/eventwire/eventwire/clean"
	"github.com/eventwire/eventwire/geo"
	"github.com/eventwire/eventwire/ner"
	"github.com/eventwire/eventwire/parse"
	"github.com/eventwire/eventwire/tag"
	"github.com/eventwire/eventwire/text"
)

// Stages holds the loaded models and tables. Load it once per test binary
// (sync.OnceValues) and share it: it is read-only.
type Stages struct {
	tagger *tag.Tagger
	parser *parse.Parser
	ner    *ner.Recognizer
	actors *actor.Coder
}

// Load loads the embedded models and tables.
func Load() (*Stages, error) {
	s := &Stages{}
	var err error
	if s.tagger, err = tag.Load(); err != nil {
		return nil, err
	}
	if s.parser, err = parse.Load(); err != nil {
		return nil, err
	}
	g, err := geo.Load()
	if err != nil {
		return nil, err
	}
	if s.ner, err = ner.LoadWith(g); err != nil {
		return nil, err
	}
	if s.actors, err = actor.New(actor.Options{Geo: g}); err != nil {
		return nil, err
	}
	return s, nil
}

// Analyse runs the stages over one article, with knowledge of its own.
func (s *Stages) Analyse(a eventwire.Article) *eventwire.Doc {
	doc := eventwire.NewDoc(a)
	clean.Clean(doc)
	text.Segment(doc)
	s.tagger.Tag(doc)
	s.parser.Parse(doc)
	s.ner.Recognize(doc)
	s.actors.Resolve(doc, actor.NewKnowledge())
	return doc
}

// Loaded is the stages before a tested stage, with that stage.
type Loaded[T any] struct {
	*Stages
	Stage T
}

// Cached returns a test helper that loads the stages and, with load, the
// tested stage once per test binary, and fails the test when they do not
// load.
func Cached[T any](load func() (T, error)) func(testing.TB) *Loaded[T] {
	once := sync.OnceValues(func() (*Loaded[T], error) {
		s, err := Load()
		if err != nil {
			return nil, err
		}
		st, err := load()
		if err != nil {
			return nil, err
		}
		return &Loaded[T]{s, st}, nil
	})
	return func(tb testing.TB) *Loaded[T] {
		tb.Helper()
		l, err := once()
		if err != nil {
			tb.Fatal(err)
		}
		return l
	}
}
