package clean

import (
	"testing"

	"github.com/eventwire/eventwire"
)

// BenchmarkClean runs Clean over the news corpora of ../shared/data/news.
// The baseline sub-benchmark only counts the lines of the same documents,
// the least any line scan must do, to put the figure in proportion.
//
//	go test ./clean -run '^$' -bench Clean -benchmem
func BenchmarkClean(b *testing.B) {
	for _, c := range []struct {
		name string
		arts func(testing.TB) []eventwire.Article
	}{{"bbc", bbcArticles}, {"reuters21578", reutersArticles}} {
		var docs []*eventwire.Doc
		var size int64
		loaded := false
		load := func(b *testing.B) {
			if !loaded {
				for _, a := range c.arts(b) {
					docs = append(docs, eventwire.NewDoc(a))
					size += int64(len(a.Text))
				}
				loaded = true
			}
		}
		b.Run(c.name, func(b *testing.B) {
			load(b)
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				for _, d := range docs {
					Clean(d)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(docs)), "ns/article")
		})
		b.Run(c.name+"/baseline", func(b *testing.B) {
			load(b)
			b.SetBytes(size)
			n := 0
			for b.Loop() {
				for _, d := range docs {
					for _, r := range d.Runes {
						if r == '\n' {
							n++
						}
					}
				}
			}
			if n < 0 {
				b.Fatal(n)
			}
		})
	}
}
