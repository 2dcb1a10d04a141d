package eval

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/eventwire/eventwire"
)

// petrarchGold is a small invented validation file in the layout of
// PETR2_GSR_validation.xml: a <Sentence> closed at once and one closed
// after its parse, a no-event sentence, a date not in YYYYMMDD and an
// empty text.
const petrarchGold = `<?xml version='1.0' encoding='utf-8'?>
<Validation>
# comments in the text, as the real file has
<Sentences>
<Sentence category="T" date="20150609" id="S1" evaluate="true"/>
<EventCoding eventcode="190" sourcecode="ELBMIL" targetcode="FRD" />
<EventCoding eventcode="042" sourcecode="ELBGOV" targetcode="FRDGOV" />
<Text>
Elbonian troops attacked
Freedonia.
</Text>
<Parse>
1	Elbonian	elbonian	ADJ	JJ	_	2	amod	_	_
</Parse>
</Sentence>

<Sentence category="T" date="121108" id="S2" evaluate="true">
<EventCoding noevents="True" />
<Text>Nothing happened.</Text>
<Parse>
</Parse></Sentence>

<Sentence category="T" date="20150609" id="S3" evaluate="true"/>
<EventCoding eventcode="111" sourcecode="FRD" targetcode="ELB" />
<Text>
</Text>
</Sentences>
</Validation>
`

func petrarchEvent(code, src, tgt string, negated bool) eventwire.Event {
	return eventwire.Event{CAMEO: code, Source: actorOf(src), Target: actorOf(tgt), Negated: negated}
}

func TestReadPetrarch(t *testing.T) {
	got, err := ReadPetrarch(strings.NewReader(petrarchGold), "gold.xml")
	if err != nil {
		t.Fatal(err)
	}
	want := []PetrarchSentence{
		{ID: "S1", Date: "2015-06-09", Text: "Elbonian troops attacked Freedonia.", Line: 5,
			Gold: []PetrarchTriple{{"ELBMIL", "FRD", "190"}, {"ELBGOV", "FRDGOV", "042"}}},
		{ID: "S2", Text: "Nothing happened.", Line: 17, NoEvents: true},
		{ID: "S3", Date: "2015-06-09", Line: 23, Gold: []PetrarchTriple{{"FRD", "ELB", "111"}}},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d sentences %+v, want %d", len(got), got, len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.ID != w.ID || g.Date != w.Date || g.Text != w.Text || g.Line != w.Line || g.NoEvents != w.NoEvents ||
			fmt.Sprint(g.Gold) != fmt.Sprint(w.Gold) {
			t.Errorf("sentence %d: got %+v, want %+v", i, g, w)
		}
	}
}

func TestPetrarch(t *testing.T) {
	const s1, s2 = "Elbonian troops attacked Freedonia.", "Nothing happened."
	tests := []struct {
		name                                   string
		events                                 map[string][]eventwire.Event
		pred, exact, root, exactCountry, rootC int // predicted (country+sector), then right at each level
	}{
		{"nothing", nil, 0, 0, 0, 0, 0},
		{"all right", map[string][]eventwire.Event{s1: {
			petrarchEvent("190", "ELBMIL", "FRD", false), petrarchEvent("042", "ELBGOV", "FRDGOV", false)}},
			2, 2, 2, 2, 2},
		{"duplicates count once, negated left out", map[string][]eventwire.Event{s1: {
			petrarchEvent("190", "ELBMIL", "FRD", false), petrarchEvent("190", "ELBMIL", "FRD", false),
			petrarchEvent("042", "ELBGOV", "FRDGOV", true)}},
			1, 1, 1, 1, 1},
		{"finer code and sector", map[string][]eventwire.Event{s1: {
			petrarchEvent("193", "ELBMILREB", "FRD", false), petrarchEvent("0421", "ELBGOV", "FRDMIL", false)}},
			2, 0, 1, 0, 2},
		{"missing target, reversed, spurious", map[string][]eventwire.Event{
			s1: {petrarchEvent("190", "ELBMIL", "", false), petrarchEvent("042", "FRDGOV", "ELBGOV", false)},
			s2: {petrarchEvent("010", "ELB", "FRD", false)}},
			3, 0, 0, 0, 0},
	}
	for _, tt := range tests {
		sc, err := Petrarch(strings.NewReader(petrarchGold), "gold.xml", byText(tt.events))
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if sc.Sentences != 2 || sc.NoEvents != 1 || sc.Skipped != 1 || sc.Exact.Gold != 2 {
			t.Errorf("%s: %+v, want 2 sentences, 1 with no event, 1 skipped, 2 gold triples", tt.name, sc)
		}
		got := [5]int{sc.Exact.Predicted, sc.Exact.Correct, sc.Root.Correct, sc.ExactCountry.Correct, sc.RootCountry.Correct}
		if want := [5]int{tt.pred, tt.exact, tt.root, tt.exactCountry, tt.rootC}; got != want {
			t.Errorf("%s: predicted and right (exact, root, exact by country, root by country) %v, want %v", tt.name, got, want)
		}
	}
}

func TestPetrarchScoresF1(t *testing.T) {
	code := byText(map[string][]eventwire.Event{"Elbonian troops attacked Freedonia.": {
		petrarchEvent("190", "ELBMIL", "FRD", false), petrarchEvent("020", "ELB", "FRD", false)}})
	sc, err := Petrarch(strings.NewReader(petrarchGold), "gold.xml", code)
	if err != nil {
		t.Fatal(err)
	}
	if e := sc.Exact; e.Precision != 0.5 || e.Recall != 0.5 || e.F1 != 0.5 {
		t.Errorf("exact %+v, want P = R = F1 = 0.5", e)
	}
	if !strings.Contains(sc.String(), "exact code, country+sector") {
		t.Errorf("String() lacks the exact row:\n%s", sc)
	}
}

func TestPetrarchFileErrors(t *testing.T) {
	const head = "<Validation>\n<Sentences>\n"
	tests := []fileErrorCase{
		{"not xml", head + "<Sentence id=\"a\"/>\n<EventCoding noevents=\"True\"/>\n<Text>x &bogus; y</Text>\n", "bad.xml:5:"},
		{"coding outside", head + "<EventCoding noevents=\"True\"/>\n", "bad.xml:3: bad PETRARCH validation file: <EventCoding> outside a <Sentence>"},
		{"text outside", head + "<Text>x</Text>\n", "bad.xml:3: bad PETRARCH validation file: <Text> outside"},
		{"no id", head + "\n<Sentence date=\"20150609\"/>\n", "bad.xml:4: bad PETRARCH validation file: <Sentence> without an id"},
		{"partial coding", head + "<Sentence id=\"a\"/>\n<EventCoding eventcode=\"190\" sourcecode=\"USA\"/>\n<Text>x</Text>\n", `bad.xml:4: bad PETRARCH validation file: sentence "a": <EventCoding> needs`},
		{"no coding", head + "<Sentence id=\"a\"/>\n<Text>x</Text>\n<Sentence id=\"b\"/>\n", `bad.xml:3: bad PETRARCH validation file: sentence "a" has no <EventCoding>`},
		{"no text", head + "<Sentence id=\"a\"/>\n<EventCoding noevents=\"True\"/>\n", `bad.xml:3: bad PETRARCH validation file: sentence "a" has no <Text>`},
		{"text not closed", head + "<Sentence id=\"a\"/>\n<EventCoding noevents=\"True\"/>\n<Text>x\n", `sentence "a": <Text> not closed`},
		{"both", head + "<Sentence id=\"a\"/>\n<EventCoding noevents=\"True\"/>\n<EventCoding eventcode=\"190\" sourcecode=\"USA\" targetcode=\"RUS\"/>\n<Text>x</Text>\n", `sentence "a" has noevents and events`},
	}
	checkFileErrors(t, "bad.xml", tests, func(path string) error {
		_, err := PetrarchFile(path, byText(nil))
		return err
	}, ErrPetrarch)
}

func FuzzReadPetrarch(f *testing.F) {
	f.Add([]byte(petrarchGold))
	f.Add([]byte("<Sentence id=\"a\"/><EventCoding noevents=\"True\"/><Text>x</Text>"))
	f.Add([]byte("<Sentence id=\"a\"><Text>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ss, err := ReadPetrarch(strings.NewReader(string(data)), "fuzz.xml")
		if err != nil {
			if !errors.Is(err, ErrPetrarch) {
				t.Errorf("error %v does not wrap ErrPetrarch", err)
			}
			return
		}
		for _, s := range ss {
			if s.ID == "" || s.NoEvents && len(s.Gold) > 0 {
				t.Errorf("bad sentence %+v", s)
			}
		}
	})
}

func ExamplePetrarch() {
	gold := `<Sentence id="S1" date="20150609"/>
<EventCoding eventcode="190" sourcecode="ELBMIL" targetcode="FRD" />
<Text>Elbonian troops attacked Freedonia.</Text>`
	code := func(a eventwire.Article) ([]eventwire.Event, error) {
		return []eventwire.Event{{CAMEO: "193",
			Source: &eventwire.EventActor{Actor: "ELBMIL", Country: "ELB", Sector: "MIL"},
			Target: &eventwire.EventActor{Actor: "FRD", Country: "FRD"}}}, nil
	}
	sc, err := Petrarch(strings.NewReader(gold), "gold.xml", code)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("exact F1 %.2f, root F1 %.2f\n", sc.Exact.F1, sc.Root.F1)
	// Output: exact F1 0.00, root F1 1.00
}

// petrarchValidation scores PETR2_GSR_validation.xml (77 sentences with
// text) with floors under the measured exact triple F1 (0.352, actors by
// country and sector) and root F1 by country (0.520). The issue's target,
// 0.75, is far off.
func petrarchValidation(t *testing.T, path string, code EventCoder) {
	sc, err := PetrarchFile(path, code)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(sc)
	if sc.Sentences != 77 || sc.Skipped != 1 || sc.Exact.Gold != 79 {
		t.Errorf("%d sentences, %d skipped, %d gold triples; want 77, 1, 79", sc.Sentences, sc.Skipped, sc.Exact.Gold)
	}
	if sc.Exact.F1 < 0.32 || sc.RootCountry.F1 < 0.48 {
		t.Errorf("exact F1 %.3f (floor 0.32), root by country %.3f (floor 0.48)", sc.Exact.F1, sc.RootCountry.F1)
	}
}
