package event

import (
	"sync"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/stagetest"
)

// stages are the real stages before this one and this one, loaded once
// per test binary (the event package must not import pipeline).
type stages struct {
	before *stagetest.Stages
	coder  *Coder
}

var loadStages = sync.OnceValues(func() (*stages, error) {
	before, err := stagetest.Load()
	if err != nil {
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
	c, err := New(ont, dict)
	if err != nil {
		return nil, err
	}
	return &stages{before, c}, nil
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
func (s *stages) analyse(a eventwire.Article) *eventwire.Doc { return s.before.Analyse(a) }
