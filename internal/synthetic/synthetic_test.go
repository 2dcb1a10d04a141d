package synthetic

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/actor"
	"github.com/eventwire/eventwire/event"
)

// generator is built once per test binary: it is read-only.
var generator = sync.OnceValues(New)

func newGenerator(t testing.TB) *Generator {
	t.Helper()
	g, err := generator()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func record(d *eventwire.Doc) eventwire.Record { return d.Record(eventwire.RecordOptions{}) }

func TestOffsets(t *testing.T) {
	g := newGenerator(t)
	for _, seed := range []uint64{1, 2, 99} {
		for d := range g.Docs(200, seed) {
			r := record(d)
			if err := r.CheckOffsets(); err != nil {
				t.Fatalf("seed %d %s: %v", seed, d.URL, err)
			}
			if got := utf8.RuneCountInString(d.Text); got != len(d.Runes) {
				t.Fatalf("%s: Runes has %d code points, Text %d", d.URL, len(d.Runes), got)
			}
		}
	}
}

// TestSpans checks what CheckOffsets does not: triggers and quote spans
// inside their sentences and quotes, speakers and event actors naming
// entities of the record, ids in text order.
func TestSpans(t *testing.T) {
	g := newGenerator(t)
	for d := range g.Docs(300, 7) {
		ids := map[string]string{}
		for _, e := range d.Entities {
			ids[e.ID] = e.Name
			if len(e.Mentions) == 0 {
				t.Errorf("%s: entity %s has no mention", d.URL, e.ID)
			}
		}
		for i, v := range d.Events {
			if !contains(v.Sentence, v.Trigger.Start, v.Trigger.End) {
				t.Errorf("%s: event %s trigger %v outside its sentence %v", d.URL, v.ID, v.Trigger, v.Sentence)
			}
			if i > 0 && v.Sentence.Start < d.Events[i-1].Sentence.Start {
				t.Errorf("%s: events not in text order", d.URL)
			}
			for _, ea := range []*eventwire.EventActor{v.Source, v.Target} {
				if ea != nil && ids[ea.Entity] != ea.Name {
					t.Errorf("%s: event %s names entity %s %q, which the record does not have", d.URL, v.ID, ea.Entity, ea.Name)
				}
			}
		}
		for i, q := range d.Quotes {
			if q.Speaker == nil || q.Cue == nil || ids[q.Speaker.Entity] != q.Speaker.Name {
				t.Errorf("%s: quote %s without a known speaker and cue", d.URL, q.ID)
			}
			if i > 0 && q.Start < d.Quotes[i-1].Start {
				t.Errorf("%s: quotes not in text order", d.URL)
			}
			if (q.Kind == eventwire.Indirect) != (len(q.Spans) == 0) {
				t.Errorf("%s: quote %s of kind %s has %d spans", d.URL, q.ID, q.Kind, len(q.Spans))
			}
			for _, s := range q.Spans {
				if strings.ContainsRune(d.Slice(s), '"') || d.Runes[s.Start-1] != '"' || d.Runes[s.End] != '"' {
					t.Errorf("%s: quote %s span %q is not what the quotation marks hold", d.URL, q.ID, d.Slice(s))
				}
			}
		}
	}
}

func contains(s eventwire.Span, start, end int) bool { return s.Start <= start && end <= s.End }

// TestOntology checks that every event's codes agree with the ontology.
func TestOntology(t *testing.T) {
	g := newGenerator(t)
	ont, err := event.LoadOntology()
	if err != nil {
		t.Fatal(err)
	}
	for d := range g.Docs(200, 3) {
		for _, v := range d.Events {
			c, ok := ont.Lookup(v.CAMEO)
			if !ok || c.Root != v.CAMEORoot || c.PLOVER != v.PLOVER || c.QuadClass != v.QuadClass || c.Goldstein != v.Goldstein {
				t.Fatalf("%s: event %s %s/%s/%s/%d/%v disagrees with the ontology %+v", d.URL, v.ID, v.CAMEO, v.CAMEORoot, v.PLOVER, v.QuadClass, v.Goldstein, c)
			}
			for _, ea := range []*eventwire.EventActor{v.Source, v.Target} {
				if ea != nil && actor.SplitCode(ea.Actor) != (eventwire.Actor{Code: ea.Actor, Country: ea.Country, Sector: ea.Sector}) {
					t.Fatalf("%s: event %s actor %+v not split as actor.SplitCode does", d.URL, v.ID, ea)
				}
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	g := newGenerator(t)
	g2, err := New()
	if err != nil {
		t.Fatal(err)
	}
	encode := func(g *Generator, n int, seed uint64) []string {
		var out []string
		for d := range g.Docs(n, seed) {
			js, err := json.Marshal(record(d))
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, d.URL+"\n"+string(js))
		}
		return out
	}
	a, b := encode(g, 50, 5), encode(g2, 50, 5)
	if !slices.Equal(a, b) {
		t.Error("the same seed gave different documents")
	}
	if c := encode(g, 50, 6); slices.Equal(a, c) {
		t.Error("seeds 5 and 6 gave the same documents")
	}
	if d := g.Doc(17, 5); d.URL+"\n"+mustJSON(t, record(d)) != a[17] {
		t.Error("Doc(17) differs from the 18th document of Docs")
	}
}

func mustJSON(t *testing.T, v any) string {
	js, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(js)
}

// TestShape checks that the collection looks like the news it stands
// for: article lengths, annotation counts, Zipf-like actor frequencies,
// dates over two years, distinct URLs and ids, names beyond ASCII.
func TestShape(t *testing.T) {
	g := newGenerator(t)
	const n = 600
	var words, entities, quotes, events, dated, nonASCII int
	urls, ids, sources := map[string]bool{}, map[string]bool{}, map[string]bool{}
	actorCount := map[string]int{}
	first, last := "9999", "0000"
	for d := range g.Docs(n, 11) {
		w := len(strings.Fields(d.Text))
		if w < 200 || w > 600 {
			t.Errorf("%s: %d words", d.URL, w)
		}
		words += w
		entities += len(d.Entities)
		quotes += len(d.Quotes)
		events += len(d.Events)
		if d.Published != "" {
			dated++
			first, last = min(first, d.Published), max(last, d.Published)
		}
		if urls[d.URL] || ids[d.ID] {
			t.Errorf("%s: URL or id %s repeated", d.URL, d.ID)
		}
		urls[d.URL], ids[d.ID], sources[d.Source] = true, true, true
		for _, v := range d.Events {
			actorCount[v.Source.Actor]++
		}
		for _, e := range d.Entities {
			if !isASCII(e.Name) {
				nonASCII++
			}
		}
	}
	check := func(what string, got, lo, hi float64) {
		t.Helper()
		if got < lo || got > hi {
			t.Errorf("%s = %.1f, want %.0f to %.0f", what, got, lo, hi)
		}
	}
	check("words per article", float64(words)/n, 260, 380)
	check("entities per article", float64(entities)/n, 6, 14)
	check("quotes per article", float64(quotes)/n, 2, 4)
	check("events per article", float64(events)/n, 3.5, 7)
	check("dated articles %", float64(dated)*100/n, 95, 100)
	check("publishers", float64(len(sources)), 40, 50)
	check("source actors", float64(len(actorCount)), 120, 300)
	check("entities with names beyond ASCII", float64(nonASCII), 20, float64(entities))
	if first > "2024-01-31" || last < "2025-12-01" {
		t.Errorf("published from %s to %s, want all of 2024 and 2025", first, last)
	}
	// Zipf: the most frequent source actor makes many times the events
	// of the median one.
	counts := make([]int, 0, len(actorCount))
	for _, c := range actorCount {
		counts = append(counts, c)
	}
	slices.Sort(counts)
	if top, median := counts[len(counts)-1], counts[len(counts)/2]; top < 8*median {
		t.Errorf("top source actor has %d events, the median %d: not Zipf-like", top, median)
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func TestActors(t *testing.T) {
	g := newGenerator(t)
	as := g.Actors()
	if len(as) < 200 {
		t.Errorf("%d actors, want at least 200", len(as))
	}
	astral := false
	for _, a := range as {
		if a.Code == "" || a.Name == "" || a.Type == "" {
			t.Errorf("incomplete actor %+v", a)
		}
		if a.Type == eventwire.Person && (a.Title == "" || !strings.HasSuffix(a.Name, " "+a.Surname)) {
			t.Errorf("person %+v without title or surname", a)
		}
		for _, c := range a.Name {
			astral = astral || c > 0xFFFF
		}
	}
	if !astral {
		t.Error("no actor name has a code point beyond the Basic Multilingual Plane")
	}
}

func TestFacts(t *testing.T) {
	g := newGenerator(t)
	for d := range g.Docs(50, 1) {
		for _, f := range Facts(d) {
			if f.Name == "" || f.Title == "" || f.Actor.Code == "" || f.DocID != d.ID || !strings.HasSuffix(f.Name, " "+f.Surname) {
				t.Errorf("%s: bad fact %+v", d.URL, f)
			}
			if d.Published != "" && f.From.Format("2006-01-02") != d.Published {
				t.Errorf("%s: fact from %v, article published %s", d.URL, f.From, d.Published)
			}
		}
	}
}

func TestCompile(t *testing.T) {
	for _, tc := range []struct {
		in    string
		kinds []byte
		err   bool
	}{
		{"plain", []byte{segLit}, false},
		{"{S} [said] {a|b}", []byte{segSlot, segLit, segTrigger, segLit, segAlt}, false},
		{"was «{x|y}»", []byte{segLit, segOpen, segAlt, segClose}, false},
		{"{S", nil, true},
		{"[said", nil, true},
	} {
		got, err := compile(tc.in)
		if tc.err {
			if !errors.Is(err, ErrTable) {
				t.Errorf("compile(%q): error %v, want ErrTable", tc.in, err)
			}
			continue
		}
		var kinds []byte
		for _, s := range got {
			kinds = append(kinds, s.kind)
		}
		if err != nil || !slices.Equal(kinds, tc.kinds) {
			t.Errorf("compile(%q) = %v, %v; want kinds %v", tc.in, kinds, err, tc.kinds)
		}
	}
}

func BenchmarkDoc(b *testing.B) {
	g := newGenerator(b)
	words := 0
	i := 0
	for b.Loop() {
		d := g.Doc(i, 1)
		words += len(strings.Fields(d.Text))
		i++
	}
	b.ReportMetric(float64(words)/b.Elapsed().Seconds(), "words/s")
}
