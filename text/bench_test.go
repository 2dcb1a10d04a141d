package text

import (
	"testing"

	"github.com/eventwire/eventwire"
)

// BenchmarkSegment runs Segment alone on the news corpora in
// ../shared/data/news: the 2,225 BBC articles and the Reuters-21578 stories
// that have a body. The code points are decoded before the timer runs, as
// the pipeline does once per article. The target for the whole text layer
// (decoding, cleaning, segmenting) is measured by BenchmarkSegment in
// ./pipeline.
func BenchmarkSegment(b *testing.B) {
	bbc, reuters := newsCorpora(b)
	for _, c := range []struct {
		name  string
		texts []string
	}{{"bbc", bbc}, {"reuters", reuters}} {
		b.Run(c.name, func(b *testing.B) {
			docs := make([]*eventwire.Doc, len(c.texts))
			size := 0
			for i, t := range c.texts {
				docs[i] = eventwire.NewDoc(eventwire.Article{Text: t})
				size += len(t)
			}
			b.SetBytes(int64(size))
			b.ReportAllocs()
			b.ResetTimer()
			sentences := 0
			for b.Loop() {
				for _, d := range docs {
					Segment(d)
					sentences += len(d.Sentences)
				}
			}
			b.ReportMetric(float64(sentences)/b.Elapsed().Seconds(), "sentences/s")
		})
	}
}
