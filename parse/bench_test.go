package parse

import (
	"github.com/eventwire/eventwire/internal/cputime"
	"os"
	"testing"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/newscorpus"
	"github.com/eventwire/eventwire/tag"
	"github.com/eventwire/eventwire/text"
)

// benchArticles is how many BBC articles the benchmarks parse (about
// 200,000 words).
const benchArticles = 500

// newsDocs segments and tags the first BBC articles of
// ../shared/data/news.
func newsDocs(b testing.TB) ([]*eventwire.Doc, int) {
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
//
// EVENTWIRE_PARSE_MODEL names a model file to use instead of the embedded
// one.
func BenchmarkParse(b *testing.B) {
	p, err := Load()
	if path := os.Getenv("EVENTWIRE_PARSE_MODEL"); path != "" {
		var f *os.File
		if f, err = os.Open(path); err == nil {
			p, err = Read(f)
			f.Close()
		}
	}
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
		cpu := cputime.Used()
		for b.Loop() {
			for _, d := range docs {
				p.Parse(d)
			}
		}
		reportSpeed(b, words, cpu)
	})
	b.Run("tag+parse", func(b *testing.B) {
		b.ReportAllocs()
		cpu := cputime.Used()
		for b.Loop() {
			for _, d := range docs {
				tg.Tag(d)
				p.Parse(d)
			}
		}
		reportSpeed(b, words, cpu)
	})
}

// reportSpeed reports words/s of wall time and, because the benchmark
// may share its core with other work, words per second of the process's
// CPU time (the run is single-threaded, so this is the speed of one
// core).
func reportSpeed(b *testing.B, words int, cpu0 time.Duration) {
	n := float64(b.N * words)
	b.ReportMetric(n/b.Elapsed().Seconds(), "words/s")
	if cpu := cputime.Used() - cpu0; cpu > 0 {
		b.ReportMetric(n/cpu.Seconds(), "words/cpu-s")
	}
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
