package tag

import (
	"fmt"
	"strings"
	"testing"
	"unicode"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/newscorpus"
	"github.com/eventwire/eventwire/text"
)

// headlineDoc returns a segmented article whose first paragraph is
// headline and whose title is title.
func headlineDoc(title, headline string) *eventwire.Doc {
	d := eventwire.NewDoc(eventwire.Article{Title: title, Text: headline + "\n\nThe talks were held in private."})
	text.Segment(d)
	return d
}

// sentenceTags returns "word/XPOS/lemma" for each token of sentence si.
func sentenceTags(d *eventwire.Doc, si int) string {
	var b []string
	for _, tok := range d.Sentences[si].Tokens {
		b = append(b, fmt.Sprintf("%s/%s/%s", d.Slice(eventwire.Span{Start: tok.Start, End: tok.End}), tok.XPOS, tok.Lemma))
	}
	return strings.Join(b, " ")
}

func TestLowerInTitle(t *testing.T) {
	tg := loadTagger(t)
	for _, c := range []struct {
		word string
		want bool
	}{
		{"Plan", true},     // "plan" is a common word; "Plan" rarely a name
		{"Agree", true},    // only "agree" is known
		{"Revive", true},   // only "revive" is known, once
		{"To", true},       // "To" is mostly sentence-initial "to"
		{"Over", true},     //
		{"Russia", false},  // no lower-case form
		{"United", false},  // known mostly capitalised
		{"States", false},  // known mostly as a name
		{"House", false},   // mostly a name ("White House")
		{"I", false},       // always capitalised
		{"NATO", false},    // all capitals
		{"plan", false},    // not capitalised
		{"Zqxvian", false}, // unknown in both forms
	} {
		var a tokAttr
		tg.attrs(&a, []rune(c.word), false)
		if got := tg.lowerInTitle(&a); got != c.want {
			t.Errorf("lowerInTitle(%q) = %v, want %v", c.word, got, c.want)
		}
	}
}

func TestTitleCased(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Russia Agree to Try to Revive Syria Plan", true},
		{"NATO Chiefs Meet in Brussels", true},
		{"Russia agrees to try to revive Syria plan", false}, // sentence case
		{"Kerry Meets Him", false},                           // only two long words
		{"Talks Resume in Geneva on 2013 Deal", true},        // numbers are not words
	} {
		d := eventwire.NewDoc(eventwire.Article{Text: c.text})
		text.Segment(d)
		if got := titleCased(d.Runes, d.Sentences[0].Tokens); got != c.want {
			t.Errorf("titleCased(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

func TestEqualTrimmed(t *testing.T) {
	for _, c := range []struct {
		rs, s string
		want  bool
	}{
		{" Plan Agreed \n", "Plan Agreed", true},
		{"Plan Agreed", " Plan Agreed ", true},
		{"Plan Agreed", "Plan Agreed Today", false},
		{"Plan Agreed Today", "Plan Agreed", false},
		{"", "", true},
	} {
		if got := equalTrimmed([]rune(c.rs), c.s); got != c.want {
			t.Errorf("equalTrimmed(%q, %q) = %v, want %v", c.rs, c.s, got, c.want)
		}
	}
}

// TestHeadline tags invented headlines: as running text when the first
// paragraph is the title and is title-cased, as written otherwise. want
// lists tokens as "text/XPOS/lemma" that the headline's tags must include;
// the text is the token's own, capitals and all.
func TestHeadline(t *testing.T) {
	tg := loadTagger(t)
	const h = "Ministers Agree to Revive Budget Plan"
	const g = "France and Germany Agree to Try to Rescue Trade Deal"
	for _, c := range []struct {
		name, title, headline, want string
	}{
		{"title", h, h, "Ministers/NNS/minister Agree/VBP/agree to/TO/to Revive/VB/revive Budget/NN/budget Plan/NN/plan"},
		{"title 2", g, g, "France/NNP/France and/CC/and Germany/NNP/Germany Agree/VBP/agree to/TO/to Try/VB/try to/TO/to Rescue/VB/rescue Trade/NN/trade Deal/NN/deal"},
		{"names and acronyms kept", "Police in Ohio Question NATO Official Over New York Raid",
			"Police in Ohio Question NATO Official Over New York Raid", "Ohio/NNP/Ohio NATO/NNP/NATO New/NNP/New York/NNP/York"},
		{"not the title", "Budget Talks", h, "Budget/NNP/Budget Plan/NNP/Plan"},
		{"no title", "", h, "Budget/NNP/Budget Plan/NNP/Plan"},
		{"sentence case", "Ministers agree to revive budget plan", "Ministers agree to revive budget plan",
			"Ministers/NNS/minister agree/VBP/agree to/TO/to revive/VB/revive budget/NN/budget plan/NN/plan"},
	} {
		d := headlineDoc(c.title, c.headline)
		tg.Tag(d)
		got := sentenceTags(d, 0)
		for _, w := range strings.Fields(c.want) {
			if !strings.Contains(" "+got+" ", " "+w+" ") {
				t.Errorf("%s: got %s\nwant %s among them", c.name, got, w)
			}
		}
	}
}

// TestHeadlineBody checks that only the title paragraph is affected: a
// title-cased sentence later in the article is tagged as written.
func TestHeadlineBody(t *testing.T) {
	tg := loadTagger(t)
	const h = "Ministers Agree to Review Budget Plan"
	with := eventwire.NewDoc(eventwire.Article{Title: h, Text: h + "\n\n" + h + "."})
	without := eventwire.NewDoc(eventwire.Article{Text: h + "\n\n" + h + "."})
	text.Segment(with)
	text.Segment(without)
	tg.Tag(with)
	tg.Tag(without)
	if got, want := sentenceTags(with, 1), sentenceTags(without, 1); got != want {
		t.Errorf("body sentence: got  %s\nwant %s", got, want)
	}
	if sentenceTags(with, 0) == sentenceTags(without, 0) {
		t.Errorf("title sentence tagged as written: %s", sentenceTags(with, 0))
	}
}

// TestHeadlineFloor title-cases the sentence-case titles of the first 300
// BBC articles and checks that their XPOS tags agree with those of the
// sentence-case titles far more often than without the headline rule.
func TestHeadlineFloor(t *testing.T) {
	arts := newscorpus.BBCOrSkip(t)
	tg := loadTagger(t)
	words, plain, rule := 0, 0, 0
	for _, a := range arts[:min(300, len(arts))] {
		tc := titleCase(a.Title)
		ref, with, without := headlineDoc("", a.Title), headlineDoc(tc, tc), headlineDoc("", tc)
		if len(ref.Sentences[0].Tokens) != len(with.Sentences[0].Tokens) || !titleCased(with.Runes, with.Sentences[0].Tokens) {
			continue
		}
		tg.Tag(ref)
		tg.Tag(with)
		tg.Tag(without)
		for i, r := range ref.Sentences[0].Tokens {
			words++
			if with.Sentences[0].Tokens[i].XPOS == r.XPOS {
				rule++
			}
			if without.Sentences[0].Tokens[i].XPOS == r.XPOS {
				plain++
			}
		}
	}
	p, r := 100*float64(plain)/float64(words), 100*float64(rule)/float64(words)
	t.Logf("%d words: XPOS agreement with the sentence-case title %.2f%% as written, %.2f%% with the headline rule", words, p, r)
	if words < 1000 || r < 78 || r < p+10 {
		t.Errorf("%d words: agreement %.2f%% with the rule, %.2f%% without; want at least 78%% and 10 points better", words, r, p)
	}
}

// titleCase capitalises the words of s except short function words, as
// headline style does.
func titleCase(s string) string {
	f := strings.Fields(s)
	for i, w := range f {
		switch w {
		case "a", "an", "the", "and", "but", "or", "for", "nor", "on", "at", "to", "by", "of", "in", "up", "as", "is":
			continue
		}
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		f[i] = string(r)
	}
	return strings.Join(f, " ")
}
