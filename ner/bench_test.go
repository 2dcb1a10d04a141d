package ner

import (
	"github.com/eventwire/eventwire/internal/cputime"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/newscorpus"
	"github.com/eventwire/eventwire/text"
)

// BenchmarkRecognize labels the BBC News articles of ../shared/data/news,
// segmented and tagged before the timer starts, and reports words per
// second on one goroutine, by wall time and by CPU time.
func BenchmarkRecognize(b *testing.B) {
	arts := newscorpus.BBCOrSkip(b)
	tg, r := loadTagger(b), loadRecognizer(b)
	docs := make([]*eventwire.Doc, len(arts))
	words, size := 0, 0
	for i, a := range arts {
		docs[i] = eventwire.NewDoc(a)
		text.Segment(docs[i])
		tg.Tag(docs[i])
		size += len(a.Text)
		for _, s := range docs[i].Sentences {
			words += len(s.Tokens)
		}
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	cpu := cputime.Used()
	for b.Loop() {
		for _, d := range docs {
			r.Recognize(d)
		}
		n++
	}
	b.ReportMetric(float64(n*words)/b.Elapsed().Seconds(), "words/s")
	// On a loaded machine wall time understates the speed: CPU time
	// (of the whole process, the garbage collector included) does not.
	if c := cputime.Used() - cpu; c > 0 {
		b.ReportMetric(float64(n*words)/c.Seconds(), "words/cpu-s")
	}
}

// BenchmarkLoad decodes the embedded model (the gazetteer included).
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}
