package text

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/eventwire/eventwire"
)

// checkTokens checks the tokens of rs[start:end]: in range, ordered, not
// empty, without white space, and covering every other code point.
func checkTokens(t *testing.T, rs []rune, start, end int, toks []eventwire.Token) {
	t.Helper()
	prev := start
	for _, tk := range toks {
		if tk.Start < prev || tk.End <= tk.Start || tk.End > end {
			t.Fatalf("token %v out of order or range [%d, %d) after %d in %q", tk, start, end, prev, string(rs))
		}
		for i := prev; i < tk.Start; i++ {
			if !isSpace(rs[i]) {
				t.Fatalf("code point %d %q is in no token: %q", i, rs[i], string(rs))
			}
		}
		for _, r := range rs[tk.Start:tk.End] {
			if isSpace(r) || unicode.IsSpace(r) {
				t.Fatalf("token %v %q holds white space: %q", tk, string(rs[tk.Start:tk.End]), string(rs))
			}
		}
		prev = tk.End
	}
	for i := prev; i < end; i++ {
		if !isSpace(rs[i]) {
			t.Fatalf("code point %d %q is in no token: %q", i, rs[i], string(rs))
		}
	}
}

// checkDoc checks the invariants of Segment's output.
func checkDoc(t *testing.T, d *eventwire.Doc) {
	t.Helper()
	rs := d.Runes
	skips := mergeSpans(d.Skipped(), len(rs))
	skipped := func(i int) bool {
		for _, s := range skips {
			if s.Contains(i) {
				return true
			}
		}
		return false
	}
	visible := func(i int) bool { return !isSpace(rs[i]) && !skipped(i) }
	prev := 0
	for k, p := range d.Paragraphs {
		if p.Start < prev || p.End <= p.Start || p.End > len(rs) {
			t.Fatalf("paragraph %d %v out of order or range in %q", k, p, d.Text)
		}
		if !visible(p.Start) || !visible(p.End-1) {
			t.Fatalf("paragraph %d %v is not trimmed in %q", k, p, d.Text)
		}
		for i := prev; i < p.Start; i++ {
			if visible(i) {
				t.Fatalf("code point %d %q is in no paragraph: %q", i, rs[i], d.Text)
			}
		}
		prev = p.End
	}
	for i := prev; i < len(rs); i++ {
		if visible(i) {
			t.Fatalf("code point %d %q is in no paragraph: %q", i, rs[i], d.Text)
		}
	}

	// Sentences: ordered, inside their paragraph, made of their tokens,
	// and with the tokens covering every visible code point.
	covered := 0
	prev, para := 0, 0
	for k, s := range d.Sentences {
		if s.Paragraph < para || s.Paragraph >= len(d.Paragraphs) {
			t.Fatalf("sentence %d has paragraph %d after %d of %d", k, s.Paragraph, para, len(d.Paragraphs))
		}
		para = s.Paragraph
		p := d.Paragraphs[para]
		if s.Start < prev || s.Start < p.Start || s.End > p.End || s.End <= s.Start {
			t.Fatalf("sentence %d [%d, %d) out of order or outside paragraph %v in %q", k, s.Start, s.End, p, d.Text)
		}
		if len(s.Tokens) == 0 || s.Tokens[0].Start != s.Start || s.Tokens[len(s.Tokens)-1].End != s.End {
			t.Fatalf("sentence %d [%d, %d) does not span its tokens %v", k, s.Start, s.End, s.Tokens)
		}
		checkTokens(t, rs, s.Start, s.End, s.Tokens)
		for i := s.Start; i < s.End; i++ {
			if skipped(i) {
				t.Fatalf("sentence %d [%d, %d) holds skipped code point %d in %q", k, s.Start, s.End, i, d.Text)
			}
			if !isSpace(rs[i]) {
				covered++
			}
		}
		prev = s.End
	}
	want := 0
	for i := range rs {
		if visible(i) {
			want++
		}
	}
	if covered != want {
		t.Fatalf("sentences cover %d visible code points of %d in %q", covered, want, d.Text)
	}
}

// fragments of news-like text, joined at random by randomText.
var fragments = []string{
	"The", "U.S.", "said", "Mr.", "Kerry", "talks", "in", "Geneva.", "The", "“We", "will", "win,”",
	"he", "said.", "(Reuters)", "-", "—", "…", "...", "?", "!", "?!", "don't", "Assad’s", "officials'",
	"3.5%", "$2.5", "1,400", "10:30", "a.m.", "e.g.", "www.example.com", "press@example.org",
	"al-Assad", "non-profit", "555-0123", "9/11", "1st", "Москва", "北京。", "👍🏽", "🇺🇸", "'", "\"",
	"(", ")", "[", "]", ":)", "--", "#1", "@x", "O'Brien", "'90s", "No.", "5", "J.", "F.", "etc.",
	"\u0301", "\u200d", "\ufeff", "\u00ad", "\x00", "\x7f", "http://", "@", ".", ",", ";", ":",
	"\n", "\n\n", "\r\n", "\t", "    ", "\u00a0", "\u2028", "\u2029", "1.", "-", "*", "\ufffd",
}

func randomText(r *rand.Rand) string {
	var b strings.Builder
	n := r.IntN(60)
	for range n {
		b.WriteString(fragments[r.IntN(len(fragments))])
		switch r.IntN(4) {
		case 0:
		case 1:
			b.WriteString("\n")
		default:
			b.WriteString(" ")
		}
	}
	return b.String()
}

func TestSegmentRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		text := randomText(r)
		d := eventwire.NewDoc(eventwire.Article{Text: text})
		if n := len(d.Runes); n > 0 && r.IntN(2) == 0 {
			a := r.IntN(n)
			d.Boilerplate = append(d.Boilerplate, eventwire.Boilerplate{Start: a, End: a + r.IntN(n-a+1), Reason: eventwire.ReasonLink})
			if r.IntN(2) == 0 {
				b := r.IntN(n)
				d.Dateline = &eventwire.Dateline{Start: b, End: b + r.IntN(20)}
			}
		}
		Segment(d)
		checkDoc(t, d)
		rs := d.Runes
		start, end := 0, len(rs)
		if len(rs) > 0 {
			start = r.IntN(len(rs))
			end = start + r.IntN(len(rs)-start+1)
		}
		checkTokens(t, rs, start, end, Tokenize(nil, rs, start, end))
	}
}

func TestSegmentNews(t *testing.T) {
	bbc, reuters := newsCorpora(t)
	for _, texts := range [][]string{bbc, reuters} {
		for i := 0; i < len(texts); i += 7 {
			d := eventwire.NewDoc(eventwire.Article{Text: texts[i]})
			Segment(d)
			checkDoc(t, d)
		}
	}
}

func TestTokenizeBounds(t *testing.T) {
	rs := []rune("Talks end.")
	for _, c := range []struct{ start, end int }{{-3, 4}, {2, 100}, {7, 3}, {10, 10}, {0, 0}} {
		toks := Tokenize(nil, rs, c.start, c.end)
		checkTokens(t, rs, max(c.start, 0), max(min(c.end, len(rs)), max(c.start, 0)), toks)
	}
	// Tokenize appends.
	dst := []eventwire.Token{{Start: 0, End: 1}}
	if got := Tokenize(dst, rs, 0, 5); len(got) != 2 || got[0] != dst[0] {
		t.Errorf("Tokenize did not append: %v", got)
	}
	// Tokenize reads nothing past end: the full stop of "U.S." is
	// punctuation at the end of the range, whatever follows.
	rs = []rune("in the U.S. The")
	if got := join(Tokenize(nil, rs, 0, 11), rs, " "); got != "in the U.S ." {
		t.Errorf("got %q", got)
	}
	// Runes outside Unicode do not panic.
	rs = []rune{-1, 'a', 0x7fffffff, ' ', unicode.MaxRune + 1, '.', utf8.RuneError, 'w', -5, ':', -1, '/', '/', -7, '@', -3, 0xd800, '.', -2}
	checkTokens(t, rs, 0, len(rs), Tokenize(nil, rs, 0, len(rs)))
}

func TestSegmentResets(t *testing.T) {
	d := eventwire.NewDoc(eventwire.Article{Text: "One. Two."})
	Segment(d)
	Segment(d)
	if len(d.Sentences) != 2 || len(d.Paragraphs) != 1 {
		t.Errorf("second Segment gave %d sentences, %d paragraphs", len(d.Sentences), len(d.Paragraphs))
	}
	d.Runes = nil
	Segment(d)
	if d.Sentences != nil || d.Paragraphs != nil {
		t.Errorf("empty text kept sentences or paragraphs")
	}
}

func FuzzSegment(f *testing.F) {
	for _, c := range sentenceCases {
		f.Add(c.in, 0, 0, 0, 0)
	}
	for _, c := range paragraphCases {
		f.Add(c.in, 1, 5, 3, 9)
	}
	f.Add("BRUSSELS (Reuters) - The talks ended.\nPhoto: x\nMore text.", 0, 20, 38, 46)
	f.Fuzz(func(t *testing.T, text string, a, b, c, e int) {
		d := eventwire.NewDoc(eventwire.Article{Text: text})
		if n := len(d.Runes); n > 0 {
			d.Dateline = &eventwire.Dateline{Start: a % (n + 2), End: b % (n + 2)}
			d.Boilerplate = []eventwire.Boilerplate{{Start: c % (n + 2), End: e % (n + 2)}}
		}
		Segment(d)
		checkDoc(t, d)
		if d.Text != text {
			t.Fatal("Segment changed the text")
		}
	})
}

func FuzzTokenize(f *testing.F) {
	for _, c := range tokenCases {
		f.Add(c.in, 0, len(c.in), false)
	}
	// Negative code points inside a chunk once indexed a table.
	f.Add("w\x00\x00\x00\xff\xff\xff\xff:\x00\x00\x00\xff\xff\xff\xff", 0, 9, true)
	f.Fuzz(func(t *testing.T, text string, start, end int, raw bool) {
		rs := []rune(text)
		if raw {
			// Any int32 values, not only valid code points.
			rs = rs[:0]
			for i := 0; i+4 <= len(text); i += 4 {
				rs = append(rs, rune(uint32(text[i])|uint32(text[i+1])<<8|uint32(text[i+2])<<16|uint32(text[i+3])<<24))
			}
		}
		toks := Tokenize(nil, rs, start, end)
		s, e := max(start, 0), min(end, len(rs))
		if s >= e {
			if len(toks) != 0 {
				t.Fatalf("tokens %v for the empty range [%d, %d)", toks, start, end)
			}
			return
		}
		checkTokens(t, rs, s, e, toks)
	})
}
