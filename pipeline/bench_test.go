package pipeline

import (
	"github.com/eventwire/eventwire/internal/cputime"
	"sync"
	"testing"
	"time"

	"github.com/clipperhouse/uax29/v2/sentences"
	"github.com/clipperhouse/uax29/v2/words"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/actor"
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

// extractSlice is the slice of the news corpora BenchmarkExtract runs on:
// every 25th BBC article and every 250th Reuters story, about 90 and 80
// articles, so that both the long BBC features and the short wire stories
// weigh in.
func extractSlice(arts []eventwire.Article) []eventwire.Article {
	var out []eventwire.Article
	bbc, reu := 0, 0
	for _, a := range arts {
		switch a.Source {
		case "BBC":
			if bbc%25 == 0 {
				out = append(out, a)
			}
			bbc++
		default:
			if reu%250 == 0 {
				out = append(out, a)
			}
			reu++
		}
	}
	return out
}

// BenchmarkExtract measures the whole pipeline on one core, raw text to
// entities, quotes and events (Process with Options{Entities: true}), over
// a slice of the news corpora. The target is at least 3,000 sentences/s.
// It reports what came out per sentence, so that a speed-up that loses
// output shows. The actor stage's knowledge starts empty on every pass, so
// every pass codes the same.
func BenchmarkExtract(b *testing.B) {
	all, _ := news(b)
	arts := extractSlice(all)
	var size int64
	for _, a := range arts {
		size += int64(len(a.Text))
	}
	p, err := New(Options{Entities: true})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	var sents, words, events, quotes int
	var cpu time.Duration
	for b.Loop() {
		if cpu == 0 { // b.Loop starts the timer on its first call
			cpu = cputime.Used()
		}
		p.kb = actor.NewKnowledge()
		for _, a := range arts {
			d, err := p.Process(a)
			if err != nil {
				b.Fatal(err)
			}
			sents += len(d.Sentences)
			for _, s := range d.Sentences {
				words += len(s.Tokens)
			}
			events += len(d.Events)
			quotes += len(d.Quotes)
		}
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(sents)/sec, "sentences/s")
	b.ReportMetric(float64(words)/sec, "words/s")
	if cpu := cputime.Used() - cpu; cpu > 0 {
		// The same on a loaded machine: per second of CPU.
		b.ReportMetric(float64(sents)/cpu.Seconds(), "sentences/cpu-s")
	}
	b.ReportMetric(float64(events)/float64(sents), "events/sentence")
	b.ReportMetric(float64(quotes)/float64(sents), "quotes/sentence")
}
