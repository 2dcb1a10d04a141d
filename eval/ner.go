package eval

import (
	"fmt"
	"slices"
	"strings"

	"github.com/eventwire/eventwire/ner"
)

// NERRecognizer labels the sentences of one document with IOB2 labels,
// given the words and their Penn tags (ner.Recognizer does).
type NERRecognizer interface {
	TagDocument(words, xpos [][]string) [][]string
}

// NERScores are the figures of `eventwire eval ner`: exact-span names, as
// conlleval counts them (a predicted name is correct when its first word,
// last word and type all match a gold name's).
type NERScores struct {
	Format                      ner.Format
	Documents, Sentences, Words int

	// ByType holds the scores of each type that the gold set or the
	// predictions have, Types their names in order.
	Types  []string
	ByType map[string]PRF
	// All is the score over every name; Core over PER, ORG and LOC only
	// (MISC names left out of both the gold set and the predictions), the
	// figure that compares with a gold set without MISC such as Universal
	// NER's.
	All, Core PRF
	// GoldMISC says whether the gold set has MISC names.
	GoldMISC bool
}

func (s NERScores) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d documents, %d sentences, %d words\n", s.Format, s.Documents, s.Sentences, s.Words)
	fmt.Fprintf(&b, "%-18s %7s %7s %7s %7s %7s\n", "", "gold", "pred", "P", "R", "F1")
	row := func(name string, p PRF) {
		fmt.Fprintf(&b, "%-18s %7d %7d %6.2f%% %6.2f%% %6.2f%%\n", name, p.Gold, p.Predicted,
			100*p.Precision, 100*p.Recall, 100*p.F1)
	}
	for _, t := range s.Types {
		row(t, s.ByType[t])
	}
	row("all", s.All)
	row("PER/ORG/LOC", s.Core)
	if !s.GoldMISC {
		b.WriteString("The gold set has no MISC names: its figure is PER/ORG/LOC; \"all\" counts every predicted MISC as wrong.\n")
	}
	b.WriteString("Exact spans (conlleval); Penn tags from eventwire's tagger, not the file's.")
	return b.String()
}

// NERFile scores a recogniser on a CoNLL-2003 or IOB2 file (gzip or plain,
// detected). The words are tagged by t; each document (-DOCSTART-, "#
// newdoc") is one context for the recogniser, a file without document
// marks one document; with bySentence every sentence is its own.
func NERFile(path string, t Tagger, r NERRecognizer, bySentence bool) (NERScores, error) {
	sents, format, err := ner.ReadFile(path)
	if err != nil {
		return NERScores{}, err
	}
	for _, s := range sents {
		if len(s.Words) > 0 && s.Labels == nil {
			return NERScores{}, fmt.Errorf("%s: line %d: no gold label column", path, s.Line)
		}
	}
	docs := ner.Documents(sents)
	if bySentence {
		var split []ner.Document
		for _, d := range docs {
			for _, s := range d.Sentences {
				split = append(split, ner.Document{Sentences: []*ner.Sentence{s}})
			}
		}
		docs = split
	}
	sc := NER(docs, t, r)
	sc.Format = format
	return sc, nil
}

// NER scores a recogniser on gold documents, tagging their words with t.
func NER(docs []ner.Document, t Tagger, r NERRecognizer) NERScores {
	sc := NERScores{ByType: map[string]PRF{}, Documents: len(docs)}
	var words, xpos [][]string
	var upos, lemma []string
	for _, d := range docs {
		words, xpos = words[:0], xpos[:0]
		for _, s := range d.Sentences {
			x := make([]string, len(s.Words))
			upos, lemma = grow(upos, len(s.Words)), grow(lemma, len(s.Words))
			t.TagWords(s.Words, upos, x, lemma)
			words = append(words, s.Words)
			xpos = append(xpos, x)
		}
		out := r.TagDocument(words, xpos)
		for i, s := range d.Sentences {
			sc.Sentences++
			sc.Words += len(s.Words)
			sc.addNER(s.Labels, out[i])
		}
	}
	for t, p := range sc.ByType {
		p.compute()
		sc.ByType[t] = p
		sc.Types = append(sc.Types, t)
	}
	slices.Sort(sc.Types)
	sc.All.compute()
	sc.Core.compute()
	return sc
}

func (sc *NERScores) addNER(gold, pred []string) {
	g, p := ner.Chunks(gold), ner.Chunks(pred)
	isCore := func(t string) bool { return t != "MISC" }
	for _, c := range g {
		if c.Type == "MISC" {
			sc.GoldMISC = true
		}
	}
	count := func(t string, gold, predicted, correct int) {
		x := sc.ByType[t]
		x.add(gold, predicted, correct)
		sc.ByType[t] = x
		sc.All.add(gold, predicted, correct)
		if isCore(t) {
			sc.Core.add(gold, predicted, correct)
		}
	}
	for _, c := range g {
		count(c.Type, 1, 0, 0)
	}
	for _, c := range p {
		correct := 0
		if slices.Contains(g, c) {
			correct = 1
		}
		count(c.Type, 0, 1, correct)
	}
}

func grow(s []string, n int) []string {
	if cap(s) < n {
		return make([]string, n)
	}
	return s[:n]
}
