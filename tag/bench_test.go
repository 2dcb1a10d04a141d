package tag

import (
	"bytes"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/newscorpus"
	"github.com/eventwire/eventwire/text"
)

// BenchmarkTag tags the BBC News articles of ../shared/data/news, segmented
// by text.Segment before the timer starts, and reports words per second on
// one goroutine. Lemmas included.
func BenchmarkTag(b *testing.B) {
	arts := newscorpus.BBCOrSkip(b)
	tg := loadTagger(b)
	docs := make([]*eventwire.Doc, len(arts))
	words := 0
	for i, a := range arts {
		docs[i] = eventwire.NewDoc(a)
		text.Segment(docs[i])
		for _, s := range docs[i].Sentences {
			words += len(s.Tokens)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for _, d := range docs {
			tg.Tag(d)
		}
		n++
	}
	b.ReportMetric(float64(n*words)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkLoad decodes the embedded model.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// loadTagger loads the embedded model, failing the test when it cannot.
func loadTagger(tb testing.TB) *Tagger {
	tb.Helper()
	tg, err := Load()
	if err != nil {
		tb.Fatal(err)
	}
	return tg
}

var _ = bytes.NewReader
