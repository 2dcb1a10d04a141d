package event

import (
	"os"
	"strings"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/newscorpus"
	"github.com/eventwire/eventwire/text"
)

// BenchmarkLookup looks up every token of the BBC News articles of
// ../shared/data/news (segmented before the timer starts, lowercased) as a
// verb and as a noun in the embedded dictionary, and reports words per
// second on one goroutine. It measures the trigger lookup the coder does
// per token, not the matching of slots.
func BenchmarkLookup(b *testing.B) {
	arts := newscorpus.BBCOrSkip(b)
	var words []string
	size := 0
	for _, a := range arts {
		doc := eventwire.NewDoc(a)
		text.Segment(doc)
		size += len(a.Text)
		for _, s := range doc.Sentences {
			for _, t := range s.Tokens {
				words = append(words, strings.ToLower(string(doc.Runes[t.Start:t.End])))
			}
		}
	}
	d := mustDictionary(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	hits := 0
	for b.Loop() {
		for _, w := range words {
			hits += len(d.Verb(w)) + len(d.Noun(w))
		}
	}
	b.ReportMetric(float64(len(words))*float64(b.N)/b.Elapsed().Seconds(), "words/s")
	b.ReportMetric(float64(hits)/float64(b.N)/float64(len(words)), "patterns/word")
}

// BenchmarkLoadDictionary reads the embedded dictionary.
func BenchmarkLoadDictionary(b *testing.B) {
	b.SetBytes(int64(len(dictionaryTXT)))
	b.ReportAllocs()
	for b.Loop() {
		mustDictionary(b)
	}
}

// BenchmarkReadPetrarchVerbs reads PETRARCH-2's CAMEO.2.0.txt.
func BenchmarkReadPetrarchVerbs(b *testing.B) {
	data, err := os.ReadFile(petrarchFile(b))
	if err != nil {
		b.Fatal(err)
	}
	o := mustOntology(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := ReadPetrarchVerbs(strings.NewReader(string(data)), "CAMEO.2.0.txt", o); err != nil {
			b.Fatal(err)
		}
	}
}

// benchArticles is how many BBC News articles BenchmarkCode prepares: the
// stages before this one run before the timer starts, and on all 2,225
// articles they would take longer than the benchmark itself.
const benchArticles = 400

// BenchmarkCode codes events in the first benchArticles BBC News articles
// of ../shared/data/news, run through clean, text, tag, parse, ner and
// actor before the timer starts, on one goroutine. words/s counts tokens.
func BenchmarkCode(b *testing.B) {
	arts := newscorpus.BBCOrSkip(b)
	arts = arts[:min(len(arts), benchArticles)]
	s := testStages(b)
	docs := make([]*eventwire.Doc, len(arts))
	words, sents, size := 0, 0, 0
	for i, a := range arts {
		docs[i] = s.Analyse(a)
		size += len(a.Text)
		sents += len(docs[i].Sentences)
		for _, se := range docs[i].Sentences {
			words += len(se.Tokens)
		}
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	events := 0
	for b.Loop() {
		events = 0
		for _, d := range docs {
			s.Stage.Code(d)
			events += len(d.Events)
		}
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(words)*float64(b.N)/sec, "words/s")
	b.ReportMetric(float64(sents)*float64(b.N)/sec, "sentences/s")
	b.ReportMetric(float64(events)/float64(sents), "events/sentence")
}
