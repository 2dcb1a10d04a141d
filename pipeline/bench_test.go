package pipeline

import (
	"sync"
	"testing"

	"github.com/clipperhouse/uax29/v2/sentences"
	"github.com/clipperhouse/uax29/v2/words"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/clean"
	"github.com/eventwire/eventwire/internal/newscorpus"
	"github.com/eventwire/eventwire/text"
)

var corpus = sync.OnceValues(func() ([]eventwire.Article, error) {
	dir, ok := newscorpus.DataDir()
	if !ok {
		return nil, nil
	}
	return newscorpus.All(dir)
})

// news returns the BBC and Reuters-21578 articles and their size in bytes,
// skipping the benchmark when ../shared is absent.
func news(b *testing.B) ([]eventwire.Article, int64) {
	b.Helper()
	arts, err := corpus()
	if err != nil {
		b.Fatal(err)
	}
	if len(arts) == 0 {
		b.Skip("../shared/data is absent; the benchmarks run on its corpora")
	}
	var n int64
	for _, a := range arts {
		n += int64(len(a.Text))
	}
	return arts, n
}

// BenchmarkSegment measures the text layer on one core: decoding to code
// points, cleaning (dateline, boilerplate), and paragraphs, sentences and
// tokens, over every article of the news corpora. The target is at least
// 20 MB/s.
func BenchmarkSegment(b *testing.B) {
	arts, size := news(b)
	b.SetBytes(size)
	b.ReportAllocs()
	sents := 0
	for b.Loop() {
		for _, a := range arts {
			d := eventwire.NewDoc(a)
			clean.Clean(d)
			text.Segment(d)
			sents += len(d.Sentences)
		}
	}
	b.ReportMetric(float64(sents)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkSegmentUAX29 is the baseline run beside BenchmarkSegment: the
// Unicode (UAX #29) sentence and word boundaries of
// github.com/clipperhouse/uax29 over the same articles, with no cleaning,
// no abbreviation handling and no code-point offsets.
func BenchmarkSegmentUAX29(b *testing.B) {
	arts, size := news(b)
	b.SetBytes(size)
	b.ReportAllocs()
	sents := 0
	for b.Loop() {
		for _, a := range arts {
			it := sentences.FromString(a.Text)
			for it.Next() {
				sents++
				w := words.FromString(it.Value())
				for w.Next() {
				}
			}
		}
	}
	b.ReportMetric(float64(sents)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkEntities measures the entity stages on one core: name
// recognition (ner), then mentions, coreference and actor coding (actor),
// over 300 BBC articles that were segmented, tagged and parsed beforehand,
// outside the timer. The target is at least 50,000 words/s.
func BenchmarkEntities(b *testing.B) {
	arts, _ := news(b)
	p, err := New(Options{Entities: true})
	if err != nil {
		b.Fatal(err)
	}
	var docs []*eventwire.Doc
	var size int64
	words := 0
	for _, a := range arts[:min(300, len(arts))] {
		d, err := p.process(a)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
		size += int64(len(a.Text))
		for _, s := range d.Sentences {
			words += len(s.Tokens)
		}
	}
	b.SetBytes(size)
	b.ReportAllocs()
	entities := 0
	for b.Loop() {
		for _, d := range docs {
			p.ner.Recognize(d)
			p.coder.Resolve(d, p.kb)
			entities += len(d.Entities)
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
	b.ReportMetric(float64(entities)/b.Elapsed().Seconds(), "entities/s")
}
