package text

import (
	"sync"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/newscorpus"
)

// The news corpora of ../shared/data/news, read once per test binary.
var corpora = sync.OnceValues(func() ([2][]string, error) {
	var texts [2][]string
	dir, ok := newscorpus.DataDir()
	if !ok {
		return texts, nil
	}
	for i, load := range []func(string) ([]eventwire.Article, error){newscorpus.BBC, newscorpus.Reuters} {
		arts, err := load(dir)
		if err != nil {
			return texts, err
		}
		for _, a := range arts {
			texts[i] = append(texts[i], a.Text)
		}
	}
	return texts, nil
})

// newsCorpora returns the texts of the BBC and of the Reuters-21578
// articles, or skips the test when ../shared is absent.
func newsCorpora(tb testing.TB) (bbc, reuters []string) {
	tb.Helper()
	texts, err := corpora()
	if err != nil {
		tb.Fatal(err)
	}
	if len(texts[0]) == 0 {
		tb.Skip("news corpora not found: they live in ../shared/data/news, beside the project")
	}
	return texts[0], texts[1]
}
