package event

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func mustDictionary(tb testing.TB) *Dictionary {
	tb.Helper()
	d, err := LoadDictionary()
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

func TestReadDictionaryLine(t *testing.T) {
	tests := []struct {
		line string
		want []Pattern
	}{
		{"190 verb attack", []Pattern{{Kind: Verb, Lemma: "attack", Code: "190", Source: "subj", Target: "obj"}}},
		{"163 verb impose obj=sanction|embargo on|against=+  # comment", []Pattern{
			{Kind: Verb, Lemma: "impose", Code: "163", Source: "subj", Target: "on",
				Slots: []Slot{{Rel: "obj", Words: []string{"sanction", "embargo"}}, {Rel: "on"}}},
			{Kind: Verb, Lemma: "impose", Code: "163", Source: "subj", Target: "against",
				Slots: []Slot{{Rel: "obj", Words: []string{"sanction", "embargo"}}, {Rel: "against"}}},
		}},
		{"042:043 noun visit to=+", []Pattern{{Kind: Noun, Lemma: "visit", Code: "042", Reverse: "043", Target: "to",
			Slots: []Slot{{Rel: "to"}}}}},
		{":173 verb appear in=court", []Pattern{{Kind: Verb, Lemma: "appear", Reverse: "173", Source: "subj", Target: "obj",
			Slots: []Slot{{Rel: "in", Words: []string{"court"}}}}}},
		{"070 verb receive subj=+ obj=aid from=$", []Pattern{{Kind: Verb, Lemma: "receive", Code: "070", Source: "from", Target: "subj",
			Slots: []Slot{{Rel: "subj"}, {Rel: "obj", Words: []string{"aid"}}, {Rel: "from"}}}}},
		{"138 verb threaten xcomp=attack|strike", []Pattern{{Kind: Verb, Lemma: "threaten", Code: "138", Source: "subj", Target: "obj",
			Slots: []Slot{{Rel: "xcomp", Words: []string{"attack", "strike"}}}}}},
		{"175 verb crack prt=down on=+", []Pattern{{Kind: Verb, Lemma: "crack", Code: "175", Source: "subj", Target: "on",
			Slots: []Slot{{Rel: "prt", Words: []string{"down"}}, {Rel: "on"}}}}},
		{"195 noun strike mod=air on=+", []Pattern{{Kind: Noun, Lemma: "strike", Code: "195", Target: "on",
			Slots: []Slot{{Rel: "mod", Words: []string{"air"}, Of: -1}, {Rel: "on"}}}}},
		{"072 verb send obj=aid mod=military to|iobj=+", []Pattern{
			{Kind: Verb, Lemma: "send", Code: "072", Source: "subj", Target: "to",
				Slots: []Slot{{Rel: "obj", Words: []string{"aid"}}, {Rel: "mod", Words: []string{"military"}, Of: 0}, {Rel: "to"}}},
			{Kind: Verb, Lemma: "send", Code: "072", Source: "subj", Target: "iobj",
				Slots: []Slot{{Rel: "obj", Words: []string{"aid"}}, {Rel: "mod", Words: []string{"military"}, Of: 0}, {Rel: "iobj"}}},
		}},
		{"- verb back prt=away", []Pattern{{Kind: Verb, Lemma: "back", Source: "subj", Target: "obj",
			Slots: []Slot{{Rel: "prt", Words: []string{"away"}}}}}},
		{"020 verb call for", []Pattern{{Kind: Verb, Lemma: "call", Code: "020", Source: "subj", Target: "obj",
			Slots: []Slot{{Rel: "for"}}}}},
	}
	for _, tt := range tests {
		d, err := ReadDictionary(strings.NewReader("# header\n\n"+tt.line+"\n"), "t.txt")
		if err != nil {
			t.Errorf("%q: %v", tt.line, err)
			continue
		}
		got := d.Patterns()
		for i := range got {
			if got[i].Origin != "t.txt:3" {
				t.Errorf("%q: origin %q, want t.txt:3", tt.line, got[i].Origin)
			}
			got[i].Origin = ""
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q:\n got %+v\nwant %+v", tt.line, got, tt.want)
		}
	}
}

func TestReadDictionaryErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"190 verb", "x.txt:1:"},
		{"19a verb attack", "bad code"},
		{"190: verb attack", "bad code"},
		{"-- verb attack", "bad code"},
		{"190 adj attack", "bad kind"},
		{"190 verb Attack", "bad lemma"},
		{"# c\n190 verb attack obj=Army", "x.txt:2:"},
		{"190 verb attack OBJ=+", "bad relation"},
		{"190 verb attack obj=+ obj=$", "given twice"},
		{"190 verb attack obj=+ on=+", "second target"},
		{"190 verb attack subj=$ on=$", "second source"},
		{"190 verb crack prt", "prt needs a word"},
		{"190 noun strike mod", "mod needs a word"},
		{"190 noun strike mod=$", "mod needs a word"},
		{"190 noun strike on|mod=air", "cannot be an alternative"},
		{"190 verb threaten xcomp=+", "cannot name an actor"},
		{"190 verb x a|b|c|d|e|f|g|h=* i|j|k|l|m|n|o|p=* q|r=*", "more than 64"},
	}
	for _, tt := range tests {
		_, err := ReadDictionary(strings.NewReader(tt.in), "x.txt")
		if !errors.Is(err, ErrDictionary) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: err = %v, want ErrDictionary containing %q", tt.in, err, tt.want)
		}
	}
}

// TestDictionaryCodesExist checks every code of the embedded dictionary
// against the ontology.
func TestDictionaryCodesExist(t *testing.T) {
	if err := mustDictionary(t).Check(mustOntology(t)); err != nil {
		t.Error(err)
	}
	bad, err := ReadDictionary(strings.NewReader("999 verb x\n042:1214 verb y\n"), "bad.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := bad.Check(mustOntology(t)); !errors.Is(err, ErrUnknownCode) || !strings.Contains(err.Error(), "bad.txt:2: 1214") {
		t.Errorf("Check = %v, want ErrUnknownCode naming bad.txt:2: 1214", err)
	}
}

// TestDictionaryCoverage checks that every CAMEO root has verb patterns
// and that the dictionary is of the size promised.
func TestDictionaryCoverage(t *testing.T) {
	d := mustDictionary(t)
	roots := map[string]int{}
	lines := map[string]bool{}
	for _, p := range d.Patterns() {
		c := p.Code + p.Reverse
		if c == "" {
			continue // NoEvent
		}
		roots[c[:2]]++
		lines[p.Origin] = true
	}
	for _, r := range mustOntology(t).Roots() {
		if roots[r] < 3 {
			t.Errorf("root %s: %d patterns, want at least 3", r, roots[r])
		}
	}
	if len(lines) < 400 {
		t.Errorf("%d dictionary lines, want at least 400", len(lines))
	}
}

func TestDictionaryLookup(t *testing.T) {
	d := mustDictionary(t)
	tests := []struct {
		kind  Kind
		lemma string
		want  string // the code of a pattern with these slots, "rel=words;..."
		slots string
	}{
		{Verb, "attack", "190", ""},
		{Verb, "impose", "163", "obj=sanction|embargo|tariff|boycott|penalty|duty;on"},
		{Verb, "hold", "040", "obj=talk|meeting|consultation|discussion|conversation;with"},
		{Verb, "call", "020", "on"},
		{Verb, "sign", "057", "obj=agreement|accord|treaty|deal|pact|memorandum|protocol|declaration|contract|charter|convention;with"},
		{Verb, "threaten", "138", "xcomp=attack|strike|bomb|retaliate|use|fight|kill|destroy|hit|shoot|respond"},
		{Verb, "deploy", "074", "obj=battery|patriot|peacekeeper|missile|interceptor|shield;to"},
		{Verb, "disagree", "110", "with"},
		{Noun, "talk", "040", "with"},
		{Noun, "sanction", "163", "against"},
		{Noun, "attack", "190", "on"},
		{Noun, "agreement", "057", "with"},
		{Verb, "back", "", "prt=away"}, // NoEvent
		{Noun, "strike", "142", "mod=hunger"},
	}
	for _, tt := range tests {
		var ps []Pattern
		if tt.kind == Verb {
			ps = d.Verb(tt.lemma)
		} else {
			ps = d.Noun(tt.lemma)
		}
		found := false
		for _, p := range ps {
			if p.Code == tt.want && slotString(p.Slots) == tt.slots {
				found = true
			}
		}
		if !found {
			t.Errorf("%v %q: no pattern %s [%s]", tt.kind, tt.lemma, tt.want, tt.slots)
		}
	}
	// The most specific pattern comes first.
	if ps := d.Verb("impose"); len(ps) == 0 || len(ps[0].Slots) < 2 {
		t.Errorf("Verb(impose)[0] = %+v, want a two-slot pattern first", ps)
	}
}

func slotString(ss []Slot) string {
	var parts []string
	for _, s := range ss {
		if s.Words != nil {
			parts = append(parts, s.Rel+"="+strings.Join(s.Words, "|"))
		} else {
			parts = append(parts, s.Rel)
		}
	}
	return strings.Join(parts, ";")
}

// TestPatternStringRoundTrip reads every embedded pattern back from its
// String form.
func TestPatternStringRoundTrip(t *testing.T) {
	for _, p := range mustDictionary(t).Patterns() {
		checkRoundTrip(t, p)
	}
}

func checkRoundTrip(t *testing.T, p Pattern) {
	t.Helper()
	d, err := ReadDictionary(strings.NewReader(p.String()), "rt")
	if err != nil {
		t.Fatalf("%s (from %s): %v", p, p.Origin, err)
	}
	got := d.Patterns()
	p.Origin = "rt:1"
	if len(got) != 1 || !reflect.DeepEqual(got[0], p) {
		t.Fatalf("round trip of %s:\n got %+v\nwant %+v", p, got, p)
	}
}

func TestMerge(t *testing.T) {
	a, _ := ReadDictionary(strings.NewReader("190 verb attack\n"), "a")
	b, _ := ReadDictionary(strings.NewReader("180 verb attack\n111 verb slam\n"), "b")
	m := a.Merge(b)
	if m.Len() != 3 || m.Verb("attack")[0].Code != "190" || m.Verb("slam")[0].Code != "111" {
		t.Errorf("Merge: %+v", m.Patterns())
	}
}

func FuzzReadDictionary(f *testing.F) {
	f.Add("190 verb attack\n163 verb impose obj=sanction on|against=+\n")
	f.Add("042:043 noun visit to=+ # c\n:173 verb appear in=court\n")
	f.Add("070 verb receive subj=+ obj=aid from=$\n175 verb crack prt=down on=+\n")
	f.Add("bad\n\x00=\n")
	f.Fuzz(func(t *testing.T, in string) {
		d, err := ReadDictionary(strings.NewReader(in), "fuzz")
		if err != nil {
			if !errors.Is(err, ErrDictionary) && !strings.HasPrefix(err.Error(), "fuzz:") {
				t.Fatalf("error %v neither wraps ErrDictionary nor names the input", err)
			}
			return
		}
		for _, p := range d.Patterns() {
			checkRoundTrip(t, p)
		}
	})
}
