package event

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/geo"
	"github.com/eventwire/eventwire/internal/newscorpus"
	"github.com/eventwire/eventwire/internal/stagetest"
)

// geoCoder is the embedded coder with the gazetteer, loaded once.
var geoCoder = sync.OnceValues(func() (*Coder, error) {
	g, err := geo.Load()
	if err != nil {
		return nil, err
	}
	return embeddedCoder(g)
})

// places codes text with the gazetteer and returns, for each event's
// trigger (repeats once), "trigger name ISO3 [words]", or "trigger -".
func places(tb testing.TB, text string) []string {
	tb.Helper()
	c, err := geoCoder()
	if err != nil {
		tb.Fatal(err)
	}
	doc := testStages(tb).Analyse(eventwire.Article{Text: text, Published: "2013-04-23"})
	c.Code(doc)
	out := []string{}
	for _, e := range doc.Events {
		x := e.Trigger.Text + " -"
		if l := e.Location; l != nil {
			x = fmt.Sprintf("%s %s %s [%s]", e.Trigger.Text, l.Name, l.Country, l.Text)
		}
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

func TestWhere(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"in a city", "Egypt criticized Israel in Cairo.", []string{"criticized Cairo EGY [Cairo]"}},
		{"at a place inside a phrase", "Kerry met Lavrov at NATO headquarters in Brussels.", []string{"met Brussels BEL [Brussels]"}},
		{"light verb's object", "Pakistan held talks with India in Islamabad on Monday.", []string{"held Islamabad PAK [Islamabad]"}},
		{"noun trigger under its verb", "Pakistan and India began talks in Geneva.", []string{"talks Genève CHE [Geneva]"}},
		{"near", "Russian troops attacked targets near Aleppo.", []string{"attacked Aleppo SYR [Aleppo]"}},
		{"a country", "Russia deployed troops in Syria.", []string{"deployed Syria SYR [Syria]"}},
		{"a multiword name", "Egypt criticized Israel in New York.", []string{"criticized New York City USA [New York]"}},
		{"a month is not a place", "Egypt criticized Israel in June.", []string{"criticized -"}},
		{"a common noun is not a place", "Egypt criticized Israel in a statement.", []string{"criticized -"}},
		{"no place", "Russia attacked Ukraine.", []string{"attacked -"}},
		{"the dateline", "KIEV (Reuters) - Russia attacked Ukraine.", []string{"attacked Kyiv UKR [KIEV]"}},
		{"a phrase beats the dateline", "KIEV (Reuters) - Russia attacked Ukraine in Donetsk.", []string{"attacked Donetsk UKR [Donetsk]"}},
		{"a target is not the place", "Russia attacked Ukraine on Monday.", []string{"attacked -"}},
		{"the city of", "Iraqi students demonstrated in the northern city of Kirkuk.", []string{"demonstrated Kirkuk IRQ [Kirkuk]"}},
		{"a kind of place and its name", "Indonesian troops attacked a jail in the capital Dili.", []string{"attacked Dili TLS [Dili]"}},
		{"not a kind of place", "Iran attacked Kuwait in the Gulf war.", []string{"attacked -"}},
		{"three levels down", "Israeli jets killed five Syrians in an attack on a depot in Homs.", []string{"killed Homs SYR [Homs]", "attack Homs SYR [Homs]"}},
		{"the subject's phrase", "Albanians in Serbia demanded help from the United Nations.", []string{"demanded Serbia SRB [Serbia]"}},
		{"the most populous town", "Iraqi troops attacked students in Valencia.", []string{"attacked Valencia VEN [Valencia]"}},
		{"the dateline's country decides between towns", "MADRID (Reuters) - Iraqi troops attacked students in Valencia.", []string{"attacked Valencia ESP [Valencia]"}},
		{"but not against a country", "ATLANTA (Reuters) - Russian troops attacked students in Georgia.", []string{"attacked Georgia GEO [Georgia]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := places(t, tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("%q:\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestWhereFields checks every field of a location: the words, their
// offsets and the gazetteer's point; a region takes its country's centre.
func TestWhereFields(t *testing.T) {
	c, err := geoCoder()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want eventwire.Location
	}{
		{"Égypte: Egypt criticized Israel in Brussels.", eventwire.Location{Name: "Brussels", Country: "BEL", Lat: 50.85045, Lon: 4.34878, Text: "Brussels", Start: 35, End: 43}},
		{"Russia deployed troops in Syria.", eventwire.Location{Name: "Syria", Country: "SYR", Lat: 35, Lon: 38, Text: "Syria", Start: 26, End: 31}},
	}
	for _, tt := range tests {
		doc := testStages(t).Analyse(eventwire.Article{Text: tt.text})
		c.Code(doc)
		if len(doc.Events) == 0 || doc.Events[0].Location == nil {
			t.Errorf("%q: no located event: %+v", tt.text, doc.Events)
			continue
		}
		if got := *doc.Events[0].Location; got != tt.want {
			t.Errorf("%q:\n got %+v\nwant %+v", tt.text, got, tt.want)
		}
	}
	g, err := geo.Load()
	if err != nil {
		t.Fatal(err)
	}
	w := walker{c: c, doc: &eventwire.Doc{Runes: []rune("in Texas")}}
	usa, _ := g.Country("USA")
	texas := g.Lookup("Texas")
	if len(texas) == 0 || texas[0].Kind != geo.KindRegion {
		t.Fatalf("the gazetteer's Texas is %+v, want a region", texas)
	}
	if got := w.location(texas[0], 3, 8); got.Lat != usa.Lat || got.Lon != usa.Lon || got.Text != "Texas" {
		t.Errorf("region: %+v, want the centre of %+v", *got, usa)
	}
}

// TestWhereWithoutGazetteer: a coder built without a gazetteer places
// nothing.
func TestWhereWithoutGazetteer(t *testing.T) {
	s := testStages(t)
	doc := s.Analyse(eventwire.Article{Text: "KIEV (Reuters) - Egypt criticized Israel in Cairo."})
	s.Stage.Code(doc)
	for _, e := range doc.Events {
		if e.Location != nil {
			t.Errorf("%s: location %+v without a gazetteer", summary(e), *e.Location)
		}
	}
	if len(doc.Events) == 0 {
		t.Error("no event")
	}
}

// BenchmarkCodeWithPlaces is BenchmarkCode with a publication date and
// the gazetteer, so that every event is dated and placed: compare the two
// for the cost of when and where.
func BenchmarkCodeWithPlaces(b *testing.B) {
	arts := newscorpus.BBCOrSkip(b)
	arts = arts[:min(len(arts), benchArticles)]
	s := testStages(b)
	c, err := geoCoder()
	if err != nil {
		b.Fatal(err)
	}
	docs := make([]*eventwire.Doc, len(arts))
	words, sents, size := 0, 0, 0
	for i, a := range arts {
		a.Published = "2005-03-02"
		docs[i] = s.Analyse(a)
		size += len(a.Text)
		sents += len(docs[i].Sentences)
		for _, se := range docs[i].Sentences {
			words += len(se.Tokens)
		}
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	dated, placed := 0, 0
	for b.Loop() {
		dated, placed = 0, 0
		for _, d := range docs {
			c.Code(d)
			for _, e := range d.Events {
				if e.DateText != nil {
					dated++
				}
				if e.Location != nil {
					placed++
				}
			}
		}
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(words)*float64(b.N)/sec, "words/s")
	b.ReportMetric(float64(sents)*float64(b.N)/sec, "sentences/s")
	b.ReportMetric(float64(dated)/float64(sents), "dated/sentence")
	b.ReportMetric(float64(placed)/float64(sents), "placed/sentence")
}

// The coder dates an event from the words of its clause, resolved
// against the publication date, and places it from an "in" or "at"
// phrase, or else the dateline, with the gazetteer given to New.
func ExampleCoder_Code_whenAndWhere() {
	stages, err := stagetest.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	ont, err := LoadOntology()
	if err != nil {
		fmt.Println(err)
		return
	}
	dict, err := LoadDictionary()
	if err != nil {
		fmt.Println(err)
		return
	}
	g, err := geo.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err := New(ont, dict, g)
	if err != nil {
		fmt.Println(err)
		return
	}
	doc := stages.Analyse(eventwire.Article{
		Text:      "KIEV (Reuters) - Russia attacked Ukraine on Sunday.\n\nEgypt criticized Israel in Cairo last June.",
		Published: "2013-04-23",
	})
	c.Code(doc)
	for _, e := range doc.Events {
		words := "(publication date)"
		if e.DateText != nil {
			words = e.DateText.Text
		}
		l := e.Location
		fmt.Printf("%s %s: %s from %q; %s, %s (%.2f, %.2f) from %q\n", e.CAMEO, e.Trigger.Text, *e.Date, words, l.Name, l.Country, l.Lat, l.Lon, l.Text)
	}
	// Output:
	// 190 attacked: 2013-04-21 from "Sunday"; Kyiv, UKR (50.45, 30.52) from "KIEV"
	// 111 criticized: 2012-06-01 from "last June"; Cairo, EGY (30.06, 31.25) from "Cairo"
}
