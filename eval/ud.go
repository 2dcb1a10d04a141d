package eval

import (
	"fmt"
	"io"
	"strings"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/conllu"
	"github.com/eventwire/eventwire/text"
)

// Tagger tags one sentence given as words (tag.Tagger does).
type Tagger interface {
	TagWords(words []string, upos, xpos, lemma []string)
}

// Parser parses one tagged sentence; heads are 0-based word indexes, -1
// for the root (parse.Parser does).
type Parser interface {
	ParseWords(words, upos, xpos []string, heads []int, rels []string)
}

// Syntax is the score of one layer of annotation.
type Syntax struct {
	UPOS, XPOS, Lemma, UAS, LAS PRF
}

// UDScores are the figures of `eventwire eval ud`.
type UDScores struct {
	Sentences int

	// Gold holds the scores on gold tokens: every PRF has Gold ==
	// Predicted, so precision, recall and F1 all equal accuracy.
	Gold Syntax

	// Raw holds the scores from the raw sentence text, tokenized by
	// text.Tokenize: a predicted word counts as correct for a layer when
	// its span matches a gold word's and its annotation matches too (for
	// UAS and LAS, its head is the word aligned to the gold head), as in
	// the CoNLL 2018 shared task. Words holds the word segmentation score.
	Raw   Syntax
	Words PRF
}

func (s UDScores) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-22s %8s %8s %8s %8s %8s\n", "", "UPOS", "XPOS", "lemma", "UAS", "LAS")
	row := func(name string, x Syntax, f func(PRF) float64) {
		fmt.Fprintf(&b, "%-22s %7.2f%% %7.2f%% %7.2f%% %7.2f%% %7.2f%%\n", name,
			100*f(x.UPOS), 100*f(x.XPOS), 100*f(x.Lemma), 100*f(x.UAS), 100*f(x.LAS))
	}
	row("gold tokens", s.Gold, func(p PRF) float64 { return p.F1 })
	row("raw text (F1)", s.Raw, func(p PRF) float64 { return p.F1 })
	fmt.Fprintf(&b, "%d sentences, %d words; raw-text words: P %.2f%% R %.2f%% F1 %.2f%%\n",
		s.Sentences, s.Gold.UPOS.Gold, 100*s.Words.Precision, 100*s.Words.Recall, 100*s.Words.F1)
	b.WriteString("LAS counts the full relation, subtypes included (nmod:poss); punctuation counts.")
	return b.String()
}

// UD scores a tagger and a parser against a CoNLL-U gold file: on the gold
// words, and from each sentence's raw text with our own tokenizer. Gold
// sentence boundaries are used in both.
func UD(r io.Reader, t Tagger, p Parser) (UDScores, error) {
	return ud(conllu.NewReader(r), t, p)
}

// UDFile is UD on the CoNLL-U file at path, gzip-compressed or not.
func UDFile(path string, t Tagger, p Parser) (UDScores, error) {
	rd, c, err := conllu.Open(path)
	if err != nil {
		return UDScores{}, err
	}
	defer c.Close()
	sc, err := ud(rd, t, p)
	if err != nil {
		err = fmt.Errorf("%s: %w", path, err)
	}
	return sc, err
}

// annotation is one sentence as the tagger and parser see it and leave it.
type annotation struct {
	words, upos, xpos, lemma, rels []string
	heads                          []int
}

func (a *annotation) run(words []string, t Tagger, p Parser) {
	n := len(words)
	a.words = words
	a.upos, a.xpos, a.lemma, a.rels = resize(a.upos, n), resize(a.xpos, n), resize(a.lemma, n), resize(a.rels, n)
	a.heads = resize(a.heads, n)
	t.TagWords(words, a.upos, a.xpos, a.lemma)
	p.ParseWords(words, a.upos, a.xpos, a.heads, a.rels)
}

func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

func ud(rd *conllu.Reader, t Tagger, p Parser) (UDScores, error) {
	var sc UDScores
	var ann annotation
	var words []string
	var spans []eventwire.Span
	var toks []eventwire.Token
	for {
		s, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return sc.finish(), err
		}
		sc.Sentences++

		// Gold tokens.
		words = words[:0]
		for _, w := range s.Words {
			words = append(words, w.Form)
		}
		ann.run(words, t, p)
		for i, w := range s.Words {
			head := w.Head - 1 // -1 for the root, as the parser writes it
			uas := ann.heads[i] == head
			sc.Gold.UPOS.add(1, 1, b2i(ann.upos[i] == w.UPOS))
			sc.Gold.XPOS.add(1, 1, b2i(ann.xpos[i] == w.XPOS))
			sc.Gold.Lemma.add(1, 1, b2i(ann.lemma[i] == w.Lemma))
			sc.Gold.UAS.add(1, 1, b2i(uas))
			sc.Gold.LAS.add(1, 1, b2i(uas && ann.rels[i] == w.Deprel))
		}

		// Raw text.
		txt := s.Text
		if txt == "" {
			txt = rebuild(s)
		}
		rs := []rune(txt)
		spans = wordSpans(spans[:0], s, rs)
		toks = text.Tokenize(toks[:0], rs, 0, len(rs))
		words = words[:0]
		for _, tk := range toks {
			words = append(words, string(rs[tk.Start:tk.End]))
		}
		ann.run(words, t, p)
		sc.scoreRaw(s, spans, toks, &ann)
	}
	return sc.finish(), nil
}

// scoreRaw aligns predicted tokens with gold words by span and counts.
func (sc *UDScores) scoreRaw(s *conllu.Sentence, gold []eventwire.Span, toks []eventwire.Token, ann *annotation) {
	n := len(s.Words)
	// goldOf[i] is the gold word whose span equals predicted token i, or -1.
	goldOf := make([]int, len(toks))
	predOf := make([]int, n) // and back
	for i := range predOf {
		predOf[i] = -1
	}
	g := 0
	for i, tk := range toks {
		goldOf[i] = -1
		for g < n && (gold[g].Start < tk.Start || gold[g].Start == tk.Start && gold[g].End < tk.End) {
			g++
		}
		if g < n && gold[g].Start == tk.Start && gold[g].End == tk.End {
			goldOf[i] = g
			predOf[g] = i
		}
	}
	var c Syntax
	words := 0
	for i, gi := range goldOf {
		if gi < 0 {
			continue
		}
		w := s.Words[gi]
		words++
		c.UPOS.Correct += b2i(ann.upos[i] == w.UPOS)
		c.XPOS.Correct += b2i(ann.xpos[i] == w.XPOS)
		c.Lemma.Correct += b2i(ann.lemma[i] == w.Lemma)
		var uas bool
		if w.Head == 0 {
			uas = ann.heads[i] == -1
		} else {
			uas = ann.heads[i] >= 0 && ann.heads[i] == predOf[w.Head-1]
		}
		c.UAS.Correct += b2i(uas)
		c.LAS.Correct += b2i(uas && ann.rels[i] == w.Deprel)
	}
	sc.Words.add(n, len(toks), words)
	for _, x := range []struct {
		dst *PRF
		ok  int
	}{{&sc.Raw.UPOS, c.UPOS.Correct}, {&sc.Raw.XPOS, c.XPOS.Correct}, {&sc.Raw.Lemma, c.Lemma.Correct},
		{&sc.Raw.UAS, c.UAS.Correct}, {&sc.Raw.LAS, c.LAS.Correct}} {
		x.dst.add(n, len(toks), x.ok)
	}
}

func (sc UDScores) finish() UDScores {
	for _, p := range []*PRF{&sc.Gold.UPOS, &sc.Gold.XPOS, &sc.Gold.Lemma, &sc.Gold.UAS, &sc.Gold.LAS,
		&sc.Raw.UPOS, &sc.Raw.XPOS, &sc.Raw.Lemma, &sc.Raw.UAS, &sc.Raw.LAS, &sc.Words} {
		p.compute()
	}
	return sc
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// wordSpans appends to dst the span of every gold word of s in rs, in
// order: len(s.Words) spans. A word whose form is not found in the text
// gets {-1, -1}; so do the words of a multiword token that its word forms
// do not spell out ("won't" = "wo" + "n't" is spelled out; "gonna" = "gon"
// + "na" too; "du" = "de" + "le" is not), except the first, which gets the
// whole token.
func wordSpans(dst []eventwire.Span, s *conllu.Sentence, rs []rune) []eventwire.Span {
	none := eventwire.Span{Start: -1, End: -1}
	pos := 0
	for _, u := range surface(s) {
		for pos < len(rs) && (rs[pos] == ' ' || rs[pos] == '\t' || rs[pos] == '\u00a0') {
			pos++
		}
		form := []rune(u.form)
		at := find(rs, form, pos)
		n := max(len(u.words), 1)
		if at < 0 {
			for range n {
				dst = append(dst, none)
			}
			continue
		}
		sp := eventwire.Span{Start: at, End: at + len(form)}
		pos = sp.End
		switch {
		case u.words == nil:
			dst = append(dst, sp)
		case spells(u.words, u.form):
			p := sp.Start
			for _, w := range u.words {
				l := len([]rune(w.Form))
				dst = append(dst, eventwire.Span{Start: p, End: p + l})
				p += l
			}
		default:
			dst = append(dst, sp)
			for range n - 1 {
				dst = append(dst, none)
			}
		}
	}
	return dst
}
