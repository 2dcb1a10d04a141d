package actor

import (
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/newscorpus"
	"github.com/eventwire/eventwire/text"
)

// newsWords returns the words of the first n news articles, one slice per
// sentence, and their total size in bytes; it skips without ../shared.
func newsWords(b *testing.B, n int) (sents [][]string, words, bytes int) {
	return newsWordsT(b, n)
}

func newsWordsT(b testing.TB, n int) (sents [][]string, words, bytes int) {
	b.Helper()
	arts := newscorpus.BBCOrSkip(b)
	if len(arts) > n {
		arts = arts[:n]
	}
	for _, a := range arts {
		doc := eventwire.NewDoc(a)
		text.Segment(doc)
		bytes += len(a.Text)
		for _, s := range doc.Sentences {
			ws := make([]string, len(s.Tokens))
			for i, t := range s.Tokens {
				ws[i] = string(doc.Runes[t.Start:t.End])
			}
			words += len(ws)
			sents = append(sents, ws)
		}
	}
	return sents, words, bytes
}

// benchLookup calls f at every word of 500 BBC articles.
func benchLookup(b *testing.B, f func(ws []string, i int) int) {
	sents, words, bytes := newsWords(b, 500)
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	b.ResetTimer()
	hits := 0
	for b.Loop() {
		for _, ws := range sents {
			for i := range ws {
				hits += f(ws, i)
			}
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
	b.ReportMetric(float64(hits)/float64(b.N), "hits/op")
}

func BenchmarkOrg(b *testing.B) {
	c := newCoder(b)
	benchLookup(b, func(ws []string, i int) int {
		n, _, _ := c.Org(ws, i)
		return n
	})
}

func BenchmarkRole(b *testing.B) {
	c := newCoder(b)
	benchLookup(b, func(ws []string, i int) int {
		n, _, _ := c.Role(ws, i)
		return n
	})
}

// BenchmarkCode codes a mix of people, organisations and groups: the
// per-entity cost that Resolve pays once an entity is found.
func BenchmarkCode(b *testing.B) {
	c := newCoder(b)
	kb := NewKnowledge(Fact{Name: "Ivan Petrov", Surname: "Petrov", Actor: SplitCode("RUSGOV"), From: day("2013-01-01")})
	qs := []Query{
		{Name: "John Kerry", Type: eventwire.Person, Date: day("2013-04-23")},
		{Name: "Lavrov", Type: eventwire.Person, Date: day("2013-04-23")},
		{Name: "Petrov", Type: eventwire.Person, Date: day("2013-04-23")},
		{Name: "Jane Doe", Type: eventwire.Person, Date: day("2013-04-23")},
		{Name: "NATO", Type: eventwire.Org},
		{Name: "the al-Nusra Front", Type: eventwire.Org},
		{Name: "Syrian rebels", Type: eventwire.NORP, Affiliation: "SYR"},
		{Name: "Ivan Petrov", Type: eventwire.Person, Titles: []string{"Foreign Minister"}, Affiliation: "RUS"},
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, q := range qs {
			c.Code(q, kb)
		}
	}
	b.ReportMetric(float64(len(qs))*float64(b.N)/b.Elapsed().Seconds(), "queries/s")
}

func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
