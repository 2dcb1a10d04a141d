package quote

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/newscorpus"
)

func TestLexicon(t *testing.T) {
	f, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if len(f.lex) < 300 {
		t.Errorf("lexicon has %d lemmas, want a few hundred", len(f.lex))
	}
	tests := []struct {
		lemma string
		use   Use
	}{
		{"say", DirectUse | IndirectUse},
		{"deny", DirectUse | IndirectUse},
		{"accuse", IndirectUse},
		{"shout", DirectUse},
	}
	for _, tt := range tests {
		if got := f.lex[tt.lemma]; got != tt.use {
			t.Errorf("%s: use %b, want %b", tt.lemma, got, tt.use)
		}
	}
}

func TestReadLexiconErrors(t *testing.T) {
	tests := []struct{ in, line string }{
		{"say di\nsay d\n", ":2:"},
		{"# c\n\ntell\n", ":3:"},
		{"warn dx\n", ":1:"},
	}
	for _, tt := range tests {
		_, err := ReadLexicon(strings.NewReader(tt.in), "lex")
		if !errors.Is(err, ErrLexicon) || !strings.Contains(err.Error(), "lex"+tt.line) {
			t.Errorf("%q: error %v, want ErrLexicon at line %s", tt.in, err, tt.line)
		}
	}
}

// TestMarks checks the quote-mark reader alone: what it pairs, what it
// leaves, and where an open quote stops.
func TestMarks(t *testing.T) {
	tests := []struct {
		text string
		want []string // the quoted words of each segment
	}{
		{`He said “yes” and “no”.`, []string{"yes", "no"}},
		{`He said "yes, we can" today.`, []string{"yes, we can"}},
		{`“I heard ‘go home’ twice,” she said.`, []string{"I heard ‘go home’ twice,"}},
		{`Rock 'n' roll and the 90's, don't.`, nil},
		{`The 'big deal' fell through.`, []string{"big deal"}},
		{"“Left open\n\nPlain text.", []string{"Left open"}},
		{"“First part.\n\n“Second part.”", []string{"First part.", "Second part."}},
		{`A stray ” mark and “a quote”.`, []string{"a quote"}},
	}
	for _, tt := range tests {
		doc := eventwire.NewDoc(eventwire.Article{Text: tt.text})
		doc.Paragraphs = paragraphs(doc.Runes)
		var got []string
		for _, s := range marks(doc, nil) {
			got = append(got, doc.Slice(s.inner()))
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

func paragraphs(rs []rune) []eventwire.Span {
	var ps []eventwire.Span
	start := 0
	for i := 0; i <= len(rs); i++ {
		if i == len(rs) || i+1 < len(rs) && rs[i] == '\n' && rs[i+1] == '\n' {
			if i > start {
				ps = append(ps, eventwire.Span{Start: start, End: i})
			}
			start = i + 2
			i++
		}
	}
	return ps
}

// FuzzFind runs the stage on any text followed by a long plain article:
// no panic, quotes and spans inside the text and ordered, and no quote
// that reaches into the plain paragraphs after a stray mark.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		`“Yes,” he said, “and no.”`,
		`He said "the deal is off`,
		"“First.\n\n“Second,” she said.",
		`Kerry said: “We will try.” 'Odd' quote ' marks '' ""`,
		"“\n\n”\n\n\"",
	} {
		f.Add(s)
	}
	tail := strings.Repeat("\n\nThe ministers met again on Friday and agreed to talk next week in Geneva.", 20)
	s := testStages(f)
	f.Fuzz(func(t *testing.T, in string) {
		if !utf8.ValidString(in) || len(in) > 2000 {
			return
		}
		doc := s.Analyse(eventwire.Article{Text: in + tail})
		s.Stage.Find(doc)
		limit := utf8.RuneCountInString(in) + 2
		for _, q := range doc.Quotes {
			if q.Start < 0 || q.End > len(doc.Runes) || q.Start >= q.End {
				t.Fatalf("quote [%d,%d) outside the text of %d", q.Start, q.End, len(doc.Runes))
			}
			if len(q.Spans) > 0 && q.End > limit {
				t.Fatalf("quote %q runs into the plain paragraphs", q.Text)
			}
			prev := q.Start
			for _, sp := range q.Spans {
				if sp.Start < prev || sp.End > q.End || sp.Start > sp.End {
					t.Fatalf("span [%d,%d) not ordered inside [%d,%d)", sp.Start, sp.End, q.Start, q.End)
				}
				prev = sp.End
			}
		}
	})
}

// BenchmarkFind measures the stage alone on news articles that the
// earlier stages have already analysed.
func BenchmarkFind(b *testing.B) {
	dir, ok := newscorpus.DataDir()
	if !ok {
		b.Skip("../shared is absent: no news corpus")
	}
	arts, err := newscorpus.All(dir)
	if err != nil {
		b.Fatal(err)
	}
	if len(arts) > 300 {
		arts = arts[:300]
	}
	s := testStages(b)
	var docs []*eventwire.Doc
	words, bytes := 0, 0
	for _, a := range arts {
		d := s.Analyse(a)
		for _, st := range d.Sentences {
			words += len(st.Tokens)
		}
		bytes += len(a.Text)
		docs = append(docs, d)
	}
	b.SetBytes(int64(bytes))
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			s.Stage.Find(d)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
