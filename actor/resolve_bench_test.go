package actor

import (
	"slices"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/clean"
	"github.com/eventwire/eventwire/geo"
	"github.com/eventwire/eventwire/internal/newscorpus"
	"github.com/eventwire/eventwire/text"
)

// guessNames marks names with a capitalised-run heuristic, in place of the
// ner stage for the benchmark and the seed test. A run of proper nouns
// (with "al-" joins) is cut at titles ("Syrian President | Bashar
// al-Assad") and after countries and nationalities ("NATO", "Russian");
// each piece is a place or nationality when the gazetteer knows it, an
// organisation when the tables do, a person when it starts with a known
// first name, follows an honorific or a title, or is one word followed by
// a verb of saying; other pieces of two or more words are organisations.
// A one-word piece left over is a person when it is the last word of a
// person's name found elsewhere in the article.
func guessNames(doc *eventwire.Doc, c *Coder, g *geo.Gazetteer) {
	doc.Names = doc.Names[:0]
	var words []string
	var left []eventwire.Name
	for si, s := range doc.Sentences {
		words = words[:0]
		for _, t := range s.Tokens {
			words = append(words, string(doc.Runes[t.Start:t.End]))
		}
		for i := 0; i < len(words); i++ {
			if !nameToken(s.Tokens[i], words[i]) {
				continue
			}
			j := i + 1
			for j < len(words) {
				if nameToken(s.Tokens[j], words[j]) {
					j++
					continue
				}
				if j+1 < len(words) && (words[j] == "-" || particle(words[j])) && nameToken(s.Tokens[j+1], words[j+1]) {
					j += 2
					continue
				}
				if j+2 < len(words) && particle(words[j]) && words[j+1] == "-" && nameToken(s.Tokens[j+2], words[j+2]) {
					j += 3
					continue
				}
				break
			}
			for k := i; k < j; {
				if n, r, ok := c.Role(words, k); ok && r.Person && k+n < j {
					k += n
					continue
				}
				n, es := g.Match(words, k)
				if n > 0 && k+n <= j && len(es) > 0 && (es[0].Kind == geo.KindCountry || es[0].Kind == geo.KindDemonym) {
					doc.Names = append(doc.Names, eventwire.Name{Sentence: si, Start: k, End: k + n, Type: guessClass(words, k, k+n, c, g)})
					k += n
					continue
				}
				if n, _, ok := c.Org(words, k); ok && k+n <= j {
					doc.Names = append(doc.Names, eventwire.Name{Sentence: si, Start: k, End: k + n, Type: eventwire.NameORG})
					k += n
					continue
				}
				if class := guessClass(words, k, j, c, g); class != "" {
					doc.Names = append(doc.Names, eventwire.Name{Sentence: si, Start: k, End: j, Type: class})
				} else if j-k == 1 {
					left = append(left, eventwire.Name{Sentence: si, Start: k, End: j, Type: eventwire.NamePER})
				}
				break
			}
			i = j - 1
		}
	}
	people := map[string]bool{}
	for _, n := range doc.Names {
		if n.Type == eventwire.NamePER {
			t := doc.Sentences[n.Sentence].Tokens[n.End-1]
			people[string(doc.Runes[t.Start:t.End])] = true
		}
	}
	for _, n := range left {
		t := doc.Sentences[n.Sentence].Tokens[n.Start]
		if people[string(doc.Runes[t.Start:t.End])] {
			doc.Names = append(doc.Names, n)
		}
	}
	slices.SortFunc(doc.Names, func(a, b eventwire.Name) int {
		if a.Sentence != b.Sentence {
			return a.Sentence - b.Sentence
		}
		return a.Start - b.Start
	})
}

func particle(w string) bool {
	switch w {
	case "al", "el", "bin", "ibn", "de", "van", "von", "da", "di", "du", "der", "den":
		return true
	}
	return false
}

func nameToken(t eventwire.Token, w string) bool {
	return isCapitalised(w) && (t.UPOS == "PROPN" || t.XPOS == "NNP" || t.XPOS == "NNPS" || t.UPOS == "ADJ" && len(w) > 3)
}

func guessClass(words []string, i, j int, c *Coder, g *geo.Gazetteer) string {
	if n, es := g.Match(words, i); n == j-i && len(es) > 0 {
		if es[0].Kind == geo.KindDemonym {
			return eventwire.NameMISC
		}
		return eventwire.NameLOC
	}
	if n, _, ok := c.Org(words, i); ok && n == j-i {
		return eventwire.NameORG
	}
	if firstNameGender(words[i]) != 0 {
		return eventwire.NamePER
	}
	if _, ok := honorifics[words[i]]; ok && j-i > 1 {
		return eventwire.NamePER
	}
	if i > 0 {
		if _, ok := honorifics[words[i-1]]; ok {
			return eventwire.NamePER
		}
		for k := max(0, i-4); k < i; k++ {
			if n, r, ok := c.Role(words, k); ok && k+n == i && r.Person {
				return eventwire.NamePER
			}
		}
	}
	if j < len(words) {
		switch words[j] {
		case "said", "says", "told", "added", ",":
			if j-i == 1 {
				return eventwire.NamePER
			}
		}
	}
	if j-i >= 2 {
		return eventwire.NameORG
	}
	return ""
}

// BenchmarkResolve measures Resolve on BBC news articles, tagged, parsed
// and given names by the recogniser (guessNames without it) beforehand,
// outside the timer.
func BenchmarkResolve(b *testing.B) {
	dir, ok := newscorpus.DataDir()
	if !ok {
		b.Skip("../shared/data is absent: no news corpus to benchmark on")
	}
	arts, err := newscorpus.BBC(dir)
	if err != nil {
		b.Skipf("BBC corpus: %v", err)
	}
	s := loadStages(b)
	if len(arts) > 300 {
		arts = arts[:300]
	}
	docs := make([]*eventwire.Doc, len(arts))
	bytes, words := 0, 0
	for i, a := range arts {
		doc := eventwire.NewDoc(a)
		clean.Clean(doc)
		text.Segment(doc)
		s.tagger.Tag(doc)
		s.parser.Parse(doc)
		s.recognise(doc)
		docs[i] = doc
		bytes += len(a.Text)
		for _, st := range doc.Sentences {
			words += len(st.Tokens)
		}
	}
	b.SetBytes(int64(bytes))
	b.ResetTimer()
	n := 0
	for b.Loop() {
		kb := NewKnowledge()
		for _, doc := range docs {
			s.coder.Resolve(doc, kb)
		}
		n++
	}
	b.ReportMetric(float64(words)*float64(n)/b.Elapsed().Seconds(), "words/s")
}
