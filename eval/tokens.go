package eval

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/conllu"
	"github.com/eventwire/eventwire/text"
)

// PRF counts matches between gold and predicted items.
type PRF struct {
	Gold, Predicted, Correct int
	Precision, Recall, F1    float64
}

func (p *PRF) add(gold, predicted, correct int) {
	p.Gold += gold
	p.Predicted += predicted
	p.Correct += correct
}

func (p *PRF) compute() {
	p.Precision = ratio(p.Correct, p.Predicted)
	p.Recall = ratio(p.Correct, p.Gold)
	if p.Precision+p.Recall > 0 {
		p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// TokenScores are the scores of text.Tokenize (and text.Segment) against a
// CoNLL-U gold set.
//
// The main figures (Gold, Predicted, Correct, Precision, Recall, F1) count
// surface tokens as UD does: a multiword token such as "don't" is one gold
// token, and the predicted tokens that lie inside it ("do", "n't") count
// as one predicted token, correct when together they cover it exactly.
type TokenScores struct {
	Sentences int
	Gold      int
	Predicted int
	Correct   int
	Precision float64
	Recall    float64
	F1        float64

	// Unaligned counts the gold tokens whose form was not found in the
	// sentence text; they count as gold tokens that were missed.
	Unaligned int

	// Words scores the tokens against the syntactic words: the words of
	// a multiword token count one by one when their forms spell the token
	// ("do" + "n't"), as one item otherwise.
	Words PRF

	// Boundaries scores text.Segment's sentence boundaries: the sentence
	// texts of each document ("# newdoc") are joined with spaces and
	// segmented again; a boundary is the end of a sentence other than the
	// last of its document.
	Documents  int
	Boundaries PRF
}

// String prints the scores as a small table.
func (s TokenScores) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-10s %8s %10s %8s %10s %8s %8s\n", "", "gold", "predicted", "correct", "precision", "recall", "F1")
	row := func(name string, p PRF) {
		fmt.Fprintf(&b, "%-10s %8d %10d %8d %9.2f%% %7.2f%% %7.2f%%\n", name, p.Gold, p.Predicted, p.Correct,
			100*p.Precision, 100*p.Recall, 100*p.F1)
	}
	row("tokens", PRF{s.Gold, s.Predicted, s.Correct, s.Precision, s.Recall, s.F1})
	row("words", s.Words)
	row("boundaries", s.Boundaries)
	fmt.Fprintf(&b, "%d sentences, %d documents, %d gold tokens not found in the text\n",
		s.Sentences, s.Documents, s.Unaligned)
	return b.String()
}

// Tokens scores Tokenize against gold tokens: for every sentence of the
// CoNLL-U input, tokenize its `# text` and compare token boundaries
// (character spans in the sentence text) with the gold tokens aligned to
// the text (a multiword token counts by its surface span; gold words are
// aligned by their FORM, tolerating differences). Returns precision,
// recall, F1 of exact span matches plus counts.
//
// A sentence without a "# text" comment is rebuilt from its forms and
// their SpaceAfter=No marks. Sentence boundaries are scored too; see
// TokenScores. A malformed sentence stops the scoring with its error,
// returned with the scores so far.
func Tokens(r io.Reader) (TokenScores, error) {
	return tokens(conllu.NewReader(r))
}

// TokensFile is Tokens on the CoNLL-U file at path, gzip-compressed or not.
func TokensFile(path string) (TokenScores, error) {
	rd, c, err := conllu.Open(path)
	if err != nil {
		return TokenScores{}, err
	}
	defer c.Close()
	sc, err := tokens(rd)
	if err != nil {
		err = fmt.Errorf("%s: %w", path, err)
	}
	return sc, err
}

func tokens(rd *conllu.Reader) (TokenScores, error) {
	var sc TokenScores
	var tok PRF
	var sb sentenceBoundaries
	var a aligner
	for {
		s, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			sb.flush(&sc)
			sc.finish(tok)
			return sc, err
		}
		txt := s.Text
		if txt == "" {
			txt = rebuild(s)
		}
		if _, ok := s.Comment("newdoc"); ok {
			sb.flush(&sc)
		}
		sb.add(txt)
		sc.Sentences++
		a.score(s, txt, &tok, &sc)
	}
	sb.flush(&sc)
	sc.finish(tok)
	return sc, nil
}

func (sc *TokenScores) finish(tok PRF) {
	tok.compute()
	sc.Gold, sc.Predicted, sc.Correct = tok.Gold, tok.Predicted, tok.Correct
	sc.Precision, sc.Recall, sc.F1 = tok.Precision, tok.Recall, tok.F1
	sc.Words.compute()
	sc.Boundaries.compute()
}

// rebuild writes the text of a sentence from its surface forms.
func rebuild(s *conllu.Sentence) string {
	var b strings.Builder
	for _, u := range surface(s) {
		b.WriteString(u.form)
		if conllu.SpaceAfter(u.misc) {
			b.WriteByte(' ')
		}
	}
	return strings.TrimSpace(b.String())
}

// unit is a surface token: a multiword token or a word outside one.
type unit struct {
	form  string
	misc  string
	words []conllu.Word // the words of a multiword token
}

func surface(s *conllu.Sentence) []unit {
	units := make([]unit, 0, len(s.Words))
	m := 0
	for i := 0; i < len(s.Words); i++ {
		for m < len(s.Tokens) && s.Tokens[m].Last < i+1 {
			m++
		}
		if m < len(s.Tokens) && s.Tokens[m].First == i+1 {
			t := s.Tokens[m]
			units = append(units, unit{form: t.Form, misc: t.Misc, words: s.Words[t.First-1 : t.Last]})
			i = t.Last - 1
			continue
		}
		units = append(units, unit{form: s.Words[i].Form, misc: s.Words[i].Misc})
	}
	return units
}

// aligner holds the buffers of one scoring run.
type aligner struct {
	pred   []eventwire.Token
	gold   []eventwire.Span // surface tokens
	multi  []eventwire.Span // the multiword tokens among them
	words  []eventwire.Span
	merged []eventwire.Span
}

// alignWindow is how far ahead of the expected position a gold form is
// looked for when the text differs from the forms.
const alignWindow = 64

func (a *aligner) score(s *conllu.Sentence, txt string, tok *PRF, sc *TokenScores) {
	rs := []rune(txt)
	a.gold, a.multi, a.words = a.gold[:0], a.multi[:0], a.words[:0]
	pos := 0
	for _, u := range surface(s) {
		form := []rune(u.form)
		for pos < len(rs) && unicode.IsSpace(rs[pos]) {
			pos++
		}
		at := find(rs, form, pos)
		if at < 0 {
			sc.Unaligned++
			tok.Gold++
			sc.Words.Gold++
			continue
		}
		sp := eventwire.Span{Start: at, End: at + len(form)}
		pos = sp.End
		a.gold = append(a.gold, sp)
		if u.words == nil {
			a.words = append(a.words, sp)
			continue
		}
		a.multi = append(a.multi, sp)
		n := 0
		for _, w := range u.words {
			n += len([]rune(w.Form))
		}
		if n != len(form) || !spells(u.words, u.form) {
			a.words = append(a.words, sp)
			continue
		}
		p := sp.Start
		for _, w := range u.words {
			l := len([]rune(w.Form))
			a.words = append(a.words, eventwire.Span{Start: p, End: p + l})
			p += l
		}
	}
	a.pred = text.Tokenize(a.pred[:0], rs, 0, len(rs))

	// The predicted tokens inside one multiword token count as one.
	a.merged = a.merged[:0]
	m := 0
	last := -1 // the multiword token of the last merged item
	for _, t := range a.pred {
		for m < len(a.multi) && a.multi[m].End <= t.Start {
			m++
		}
		if m < len(a.multi) && a.multi[m].Start <= t.Start && t.End <= a.multi[m].End {
			if last == m {
				a.merged[len(a.merged)-1].End = t.End
				continue
			}
			last = m
		}
		a.merged = append(a.merged, eventwire.Span{Start: t.Start, End: t.End})
	}
	tok.add(len(a.gold), len(a.merged), matches(a.gold, a.merged))

	a.merged = a.merged[:0]
	for _, t := range a.pred {
		a.merged = append(a.merged, eventwire.Span{Start: t.Start, End: t.End})
	}
	sc.Words.add(len(a.words), len(a.merged), matches(a.words, a.merged))
}

// spells reports whether the forms of the words make up form.
func spells(words []conllu.Word, form string) bool {
	for _, w := range words {
		var ok bool
		if form, ok = strings.CutPrefix(form, w.Form); !ok {
			return false
		}
	}
	return form == ""
}

// find returns where form occurs in rs at or after pos, looking at most
// alignWindow code points ahead, or -1.
func find(rs, form []rune, pos int) int {
	if len(form) == 0 {
		return -1
	}
	for at := pos; at <= pos+alignWindow && at+len(form) <= len(rs); at++ {
		if runesEqual(rs[at:at+len(form)], form) {
			return at
		}
	}
	return -1
}

func runesEqual(a, b []rune) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// matches counts the spans that occur in both sorted lists.
func matches(gold, pred []eventwire.Span) int {
	n, i, j := 0, 0, 0
	for i < len(gold) && j < len(pred) {
		g, p := gold[i], pred[j]
		switch {
		case g == p:
			n++
			i++
			j++
		case g.Start < p.Start || g.Start == p.Start && g.End < p.End:
			i++
		default:
			j++
		}
	}
	return n
}

// sentenceBoundaries collects the sentences of one document.
type sentenceBoundaries struct {
	text strings.Builder
	ends []int // gold sentence ends, in code points
	n    int   // code points so far
}

func (b *sentenceBoundaries) add(s string) {
	if b.n > 0 {
		b.text.WriteByte(' ')
		b.n++
	}
	b.text.WriteString(s)
	b.n += len([]rune(s))
	b.ends = append(b.ends, b.n)
}

// flush scores the document collected so far and starts a new one.
func (b *sentenceBoundaries) flush(sc *TokenScores) {
	if len(b.ends) == 0 {
		return
	}
	doc := eventwire.NewDoc(eventwire.Article{Text: b.text.String()})
	text.Segment(doc)
	gold := b.ends[:len(b.ends)-1]
	var pred []int
	for _, s := range doc.Sentences[:max(len(doc.Sentences)-1, 0)] {
		pred = append(pred, s.End)
	}
	correct, i, j := 0, 0, 0
	for i < len(gold) && j < len(pred) {
		switch {
		case gold[i] == pred[j]:
			correct++
			i++
			j++
		case gold[i] < pred[j]:
			i++
		default:
			j++
		}
	}
	sc.Documents++
	sc.Boundaries.add(len(gold), len(pred), correct)
	b.text.Reset()
	b.ends = b.ends[:0]
	b.n = 0
}
