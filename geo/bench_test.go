package geo

import (
	"github.com/eventwire/eventwire/internal/cputime"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/newscorpus"
	"github.com/eventwire/eventwire/text"
)

// newsSentences returns the sentences of the BBC News articles of
// ../shared/data/news as token texts, segmented by text.Segment, and their
// size in bytes; it skips the benchmark when the data is absent.
func newsSentences(b *testing.B) (sents [][]string, size int) {
	b.Helper()
	arts := newscorpus.BBCOrSkip(b)
	for _, a := range arts {
		doc := eventwire.NewDoc(a)
		text.Segment(doc)
		for _, s := range doc.Sentences {
			words := make([]string, len(s.Tokens))
			for i, t := range s.Tokens {
				words[i] = string(doc.Runes[t.Start:t.End])
				size += len(words[i]) + 1
			}
			sents = append(sents, words)
		}
	}
	return sents, size
}

// BenchmarkMatch matches at every token of the BBC News articles, on one
// goroutine, and reports tokens per second.
func BenchmarkMatch(b *testing.B) {
	sents, size := newsSentences(b)
	g := load(b)
	tokens := 0
	for _, s := range sents {
		tokens += len(s)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cputime.Used()
	n, found := 0, 0
	for b.Loop() {
		for _, s := range sents {
			for i := range s {
				if m, _ := g.Match(s, i); m > 0 {
					found++
				}
			}
		}
		n++
	}
	b.ReportMetric(float64(n*tokens)/b.Elapsed().Seconds(), "tokens/s")
	if cpu1 := cputime.Used(); cpu1 > cpu0 {
		// Per CPU second: the wall clock counts the time other processes
		// took on a shared machine.
		b.ReportMetric(float64(n*tokens)/(cpu1-cpu0).Seconds(), "tokens/cpu-s")
	}
	b.ReportMetric(float64(found)/float64(n*tokens), "matches/token")
}

// BenchmarkLoad decodes the embedded gazetteer, and reports the CPU time
// per load (garbage collection included) besides the wall clock.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	cpu0 := cputime.Used()
	n := 0
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
		n++
	}
	if cpu1 := cputime.Used(); cpu1 > cpu0 {
		b.ReportMetric(float64((cpu1-cpu0).Milliseconds())/float64(n), "cpu-ms/op")
	}
}
