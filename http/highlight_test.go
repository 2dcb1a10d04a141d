package http

import (
	"strings"
	"testing"

	"github.com/eventwire/eventwire"
)

// Record builders for the highlight tests: offsets are code points.
func ent(id, name, typ, code string, spans ...eventwire.Span) eventwire.Entity {
	e := eventwire.Entity{ID: id, Name: name, Type: typ}
	if code != "" {
		e.Actor = &eventwire.Actor{Code: code}
	}
	for _, s := range spans {
		e.Mentions = append(e.Mentions, eventwire.Mention{Start: s.Start, End: s.End, Kind: eventwire.MentionName})
	}
	return e
}

func quote(id, speaker string, start, end int) eventwire.Quote {
	return eventwire.Quote{ID: id, Kind: eventwire.Direct, Start: start, End: end,
		Speaker: &eventwire.Speaker{Name: speaker}, Cue: &eventwire.Cue{Text: "said"}}
}

func evt(cameo, plover string, start, end int) eventwire.Event {
	return eventwire.Event{CAMEO: cameo, PLOVER: plover, Trigger: eventwire.Mention{Start: start, End: end},
		Source: &eventwire.EventActor{Name: "Russia", Actor: "RUS"}}
}

func span(start, end int) eventwire.Span { return eventwire.Span{Start: start, End: end} }

const (
	qOpen  = `<span id="quote-Q1" class="quote quote-direct" data-speaker="Lavrov" title="Lavrov — said">`
	qOpen2 = `<span class="quote quote-direct" data-speaker="Lavrov" title="Lavrov — said">` // a quote's second piece
	rus    = `<a class="ent ent-gpe actor-link" href="/actors/RUS" data-actor="RUS" data-entity="E1" title="Russia · GPE · RUS">`
	kyiv   = `<span class="ent ent-gpe" data-entity="E2" title="Kyiv · GPE">`
	trig   = `<span class="trigger" data-cameo="112" title="112 ACCUSE · Russia (RUS) → —">`
)

func TestHighlight(t *testing.T) {
	tests := []struct {
		name string
		rec  eventwire.Record
		want string
	}{
		{"plain text escaped",
			eventwire.Record{Text: `a <b> & "c" 'd'`},
			`a &lt;b&gt; &amp; &#34;c&#34; &#39;d&#39;`},
		{"script in text and in a quote",
			eventwire.Record{Text: `"<script>alert(1)</script>" x`, Quotes: []eventwire.Quote{quote("Q1", "Lavrov", 0, 27)}},
			qOpen + `&#34;&lt;script&gt;alert(1)&lt;/script&gt;&#34;</span> x`},
		{"hostile speaker name and entity type",
			eventwire.Record{Text: `ab`, Quotes: []eventwire.Quote{quote(`"><i>`, `<img src=x onerror=alert(1)>`, 0, 2)}},
			`<span id="quote-&#34;&gt;&lt;i&gt;" class="quote quote-direct" data-speaker="&lt;img src=x onerror=alert(1)&gt;" title="&lt;img src=x onerror=alert(1)&gt; — said">ab</span>`},
		{"spans at both ends",
			eventwire.Record{Text: "Russia x Kyiv", Entities: []eventwire.Entity{
				ent("E1", "Russia", "GPE", "RUS", span(0, 6)), ent("E2", "Kyiv", "GPE", "", span(9, 13))}},
			rus + `Russia</a> x ` + kyiv + `Kyiv</span>`},
		{"mention and trigger inside a quote",
			eventwire.Record{Text: `"Russia accused" he said`,
				Quotes:   []eventwire.Quote{quote("Q1", "Lavrov", 0, 16)},
				Entities: []eventwire.Entity{ent("E1", "Russia", "GPE", "RUS", span(1, 7))},
				Events:   []eventwire.Event{evt("112", "ACCUSE", 8, 15)}},
			qOpen + `&#34;` + rus + `Russia</a> ` + trig + `accused</span>&#34;</span> he said`},
		{"mention crossing a quote's end is split",
			eventwire.Record{Text: `"a Russia" x`,
				Quotes:   []eventwire.Quote{quote("Q1", "Lavrov", 0, 6)},
				Entities: []eventwire.Entity{ent("E1", "Russia", "GPE", "RUS", span(3, 9))}},
			qOpen + `&#34;a ` + rus + `Rus</a></span>` + rus + `sia</a>&#34; x`},
		{"mention crossing a quote's start is split, the quote's id once",
			eventwire.Record{Text: `Russia "x"`,
				Quotes:   []eventwire.Quote{quote("Q1", "Lavrov", 3, 10)},
				Entities: []eventwire.Entity{ent("E1", "Russia", "GPE", "RUS", span(0, 6))}},
			rus + `Rus</a>` + qOpen + rus + `sia</a> &#34;x&#34;</span>`},
		{"trigger inside a mention nests",
			eventwire.Record{Text: `Russia`,
				Entities: []eventwire.Entity{ent("E1", "Russia", "GPE", "RUS", span(0, 6))},
				Events:   []eventwire.Event{evt("112", "ACCUSE", 2, 4)}},
			rus + `Ru` + trig + `ss</span>ia</a>`},
		{"overlapping mentions: the earlier, longer one wins",
			eventwire.Record{Text: `Kyiv Russia`,
				Entities: []eventwire.Entity{ent("E1", "Russia", "GPE", "RUS", span(2, 11)), ent("E2", "Kyiv", "GPE", "", span(0, 4))}},
			kyiv + `Kyiv</span> Russia`},
		{"nested mentions: the outer one only",
			eventwire.Record{Text: `Kyiv Russia`,
				Entities: []eventwire.Entity{ent("E1", "Russia", "GPE", "RUS", span(5, 11)), ent("E2", "Kyiv", "GPE", "", span(0, 11))}},
			kyiv + `Kyiv Russia</span>`},
		{"overlapping quotes: the first one only",
			eventwire.Record{Text: `abcdef`, Quotes: []eventwire.Quote{quote("Q2", "Lavrov", 2, 6), quote("Q1", "Lavrov", 0, 4)}},
			qOpen + `abcd</span>ef`},
		{"two events on one trigger merge",
			eventwire.Record{Text: `agreed`, Events: []eventwire.Event{evt("030", "AGREE", 0, 6), evt("036", "AGREE", 0, 6), evt("030", "AGREE", 0, 6)}},
			"<span class=\"trigger\" data-cameo=\"030 036\" title=\"030 AGREE · Russia (RUS) → —\n036 AGREE · Russia (RUS) → —\">agreed</span>"},
		{"astral characters: offsets are code points",
			eventwire.Record{Text: "🇺🇦 Kyiv 😀 Russia",
				Entities: []eventwire.Entity{ent("E2", "Kyiv", "GPE", "", span(3, 7)), ent("E1", "Russia", "GPE", "RUS", span(10, 16))}},
			"🇺🇦 " + kyiv + `Kyiv</span> 😀 ` + rus + `Russia</a>`},
		{"spans outside the text are clipped or dropped",
			eventwire.Record{Text: `Kyiv`,
				Entities: []eventwire.Entity{ent("E2", "Kyiv", "GPE", "", span(-3, 2), span(3, 99))},
				Events:   []eventwire.Event{evt("112", "ACCUSE", 10, 12), evt("112", "ACCUSE", 2, 2)}},
			kyiv + `Ky</span>i` + kyiv + `v</span>`},
		{"an actor code without a page is not linked",
			eventwire.Record{Text: `the opposition`, Entities: []eventwire.Entity{ent("E3", "opposition", "NORP", "---OPP", span(4, 14))}},
			`the <a class="ent ent-norp actor-link" href="/actors/---OPP" data-actor="---OPP" data-entity="E3" title="opposition · NORP · ---OPP">opposition</a>`},
		{"empty text", eventwire.Record{Quotes: []eventwire.Quote{quote("Q1", "Lavrov", 0, 3)}}, ``},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(highlight(tt.rec)); got != tt.want {
				t.Errorf("highlight:\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestHighlightSpans(t *testing.T) {
	tests := []struct {
		text  string
		spans []eventwire.Span
		want  string
	}{
		{"a <b>", nil, "a &lt;b&gt;"},
		{"😀 talks <x>", []eventwire.Span{span(2, 7)}, `😀 <mark class="hit">talks</mark> &lt;x&gt;`},
		{"ab", []eventwire.Span{span(0, 1), span(0, 2), span(1, 5)}, `<mark class="hit">ab</mark>`},
	}
	for _, tt := range tests {
		if got := string(highlightSpans(tt.text, tt.spans, "hit")); got != tt.want {
			t.Errorf("highlightSpans(%q, %v):\n got %s\nwant %s", tt.text, tt.spans, got, tt.want)
		}
	}
}

// FuzzHighlight checks that any record renders to balanced markup with no
// raw '<' from the text.
func FuzzHighlight(f *testing.F) {
	f.Add("<script>x</script> Russia 😀", 0, 8, 3, 12, 5, 6)
	f.Fuzz(func(t *testing.T, text string, qs, qe, ms, me, ts, te int) {
		rec := eventwire.Record{Text: text,
			Quotes:   []eventwire.Quote{quote("Q1", "Lavrov", qs, qe)},
			Entities: []eventwire.Entity{ent("E1", "Russia", "GPE", "RUS", span(ms, me))},
			Events:   []eventwire.Event{evt("112", "ACCUSE", ts, te)}}
		got := string(highlight(rec))
		depth := 0
		for _, tok := range strings.SplitAfter(got, ">") {
			i := strings.IndexByte(tok, '<')
			if i < 0 {
				continue
			}
			if strings.Contains(tok[:i], ">") || strings.IndexByte(tok[i+1:], '<') >= 0 {
				t.Fatalf("raw < in text: %s", got)
			}
			if strings.HasPrefix(tok[i:], "</") {
				depth--
			} else {
				depth++
			}
			if depth < 0 {
				t.Fatalf("unbalanced: %s", got)
			}
		}
		if depth != 0 {
			t.Fatalf("unbalanced: %s", got)
		}
	})
}
