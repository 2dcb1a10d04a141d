package parse

import (
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/newscorpus"
	"github.com/eventwire/eventwire/tag"
	"github.com/eventwire/eventwire/text"
)

// benchArticles is how many BBC articles the benchmarks parse (about
// 200,000 words).
const benchArticles = 500

// newsDocs segments the first BBC articles of ../shared/data/news.
func newsDocs(b *testing.B) ([]*eventwire.Doc, int) {
	b.Helper()
	dir, ok := newscorpus.DataDir()
	if !ok {
		b.Skip("../shared/data is absent: no news corpus to benchmark on")
	}
	arts, err := newscorpus.BBC(dir)
	if err != nil {
		b.Skipf("BBC corpus: %v", err)
	}
	arts = arts[:min(len(arts), benchArticles)]
	docs := make([]*eventwire.Doc, len(arts))
	words := 0
	for i, a := range arts {
		docs[i] = eventwire.NewDoc(a)
		text.Segment(docs[i])
		for _, s := range docs[i].Sentences {
			words += len(s.Tokens)
		}
	}
	return docs, words
}

// BenchmarkParse parses BBC news articles, segmented beforehand, and
// reports words/s: "parse" with the tags computed beforehand, "tag+parse"
// tagging (package tag) and parsing, as the pipeline does.
func BenchmarkParse(b *testing.B) {
	p, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	tg, err := tag.Load()
	if err != nil {
		b.Fatal(err)
	}
	docs, words := newsDocs(b)
	for _, d := range docs {
		tg.Tag(d)
	}
	b.Run("parse", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, d := range docs {
				p.Parse(d)
			}
		}
		b.ReportMetric(float64(b.N*words)/b.Elapsed().Seconds(), "words/s")
	})
	b.Run("tag+parse", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, d := range docs {
				tg.Tag(d)
				p.Parse(d)
			}
		}
		b.ReportMetric(float64(b.N*words)/b.Elapsed().Seconds(), "words/s")
	})
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
