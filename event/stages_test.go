package event

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

// stages are the real stages before this one, loaded once per test binary
// (the event package must not import pipeline).
type stages struct {
	tagger *tag.Tagger
	parser *parse.Parser
	ner    *ner.Recognizer
	actors *actor.Coder
	coder  *Coder
}

var loadStages = sync.OnceValues(func() (*stages, error) {
	s := &stages{}
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
	ont, err := LoadOntology()
	if err != nil {
		return nil, err
	}
	dict, err := LoadDictionary()
	if err != nil {
		return nil, err
	}
	if s.coder, err = New(ont, dict); err != nil {
		return nil, err
	}
	return s, nil
})

func testStages(tb testing.TB) *stages {
	tb.Helper()
	s, err := loadStages()
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// analyse runs the stages before this one over an article.
func (s *stages) analyse(a eventwire.Article) *eventwire.Doc {
	doc := eventwire.NewDoc(a)
	clean.Clean(doc)
	text.Segment(doc)
	s.tagger.Tag(doc)
	s.parser.Parse(doc)
	s.ner.Recognize(doc)
	s.actors.Resolve(doc, actor.NewKnowledge())
	return doc
}
