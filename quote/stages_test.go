package quote

import (
	"sync"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/stagetest"
)

// stages are the real stages before this one and this one, loaded once
// per test binary.
type stages struct {
	before *stagetest.Stages
	finder *Finder
}

var loadStages = sync.OnceValues(func() (*stages, error) {
	before, err := stagetest.Load()
	if err != nil {
		return nil, err
	}
	f, err := New()
	if err != nil {
		return nil, err
	}
	return &stages{before, f}, nil
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
