package clean

import (
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/newscorpus"
)

// The corpora of ../shared/data, read through internal/newscorpus. Tests
// that use them skip when ../shared is absent.

func corpus(tb testing.TB, load func(dataDir string) ([]eventwire.Article, error)) []eventwire.Article {
	tb.Helper()
	dir, ok := newscorpus.DataDir()
	if !ok {
		tb.Skip("skipping: ../shared/data is absent (it lives beside the repository)")
	}
	arts, err := load(dir)
	if err != nil {
		tb.Fatal(err)
	}
	return arts
}

func bbcArticles(tb testing.TB) []eventwire.Article     { return corpus(tb, newscorpus.BBC) }
func reutersArticles(tb testing.TB) []eventwire.Article { return corpus(tb, newscorpus.Reuters) }
func polnearArticles(tb testing.TB) []eventwire.Article { return corpus(tb, newscorpus.PolNeAR) }
