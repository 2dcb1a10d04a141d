package eventwire_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/eventwire/eventwire"
)

func TestNewDocID(t *testing.T) {
	a := eventwire.NewDoc(eventwire.Article{Text: "Same text."})
	b := eventwire.NewDoc(eventwire.Article{Text: "Same text."})
	c := eventwire.NewDoc(eventwire.Article{ID: "given", Text: "Same text."})
	if a.ID != b.ID || len(a.ID) != 16 || c.ID != "given" {
		t.Errorf("ids %q %q %q", a.ID, b.ID, c.ID)
	}
}

func TestRecordNullsAndEmptyLists(t *testing.T) {
	r := eventwire.NewDoc(eventwire.Article{Text: "x"}).Record(eventwire.RecordOptions{})
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"url":null`, `"source":null`, `"published":null`, `"dateline":null`,
		`"boilerplate":[]`, `"entities":[]`, `"quotes":[]`, `"events":[]`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("record lacks %s: %s", want, b)
		}
	}
	if strings.Contains(string(b), `"sentences"`) {
		t.Errorf("sentences written without being asked for: %s", b)
	}
}

func TestSourceFromDateline(t *testing.T) {
	d := eventwire.NewDoc(eventwire.Article{Text: "PARIS (AFP) - x"})
	d.Dateline = &eventwire.Dateline{Place: "PARIS", Agency: "AFP", Start: 0, End: 13}
	if r := d.Record(eventwire.RecordOptions{}); r.Source == nil || *r.Source != "AFP" {
		t.Errorf("source = %v, want the dateline's agency", r.Source)
	}
	d.Source = "Le Monde"
	if r := d.Record(eventwire.RecordOptions{}); *r.Source != "Le Monde" {
		t.Errorf("source = %v, want the input's", *r.Source)
	}
}

func TestCheckOffsets(t *testing.T) {
	ok := eventwire.Record{Text: "Kerry met Lavrov.", Sentences: []eventwire.Sentence{{Start: 0, End: 17, Tokens: []eventwire.Token{{Start: 0, End: 5}, {Start: 6, End: 9}}}},
		Entities: []eventwire.Entity{{ID: "E1", Mentions: []eventwire.Mention{{Start: 0, End: 5, Text: "Kerry"}}}}}
	if err := ok.CheckOffsets(); err != nil {
		t.Errorf("good record: %v", err)
	}
	for name, bad := range map[string]func(r *eventwire.Record){
		"span past the end":    func(r *eventwire.Record) { r.Boilerplate = []eventwire.Boilerplate{{Start: 3, End: 99}} },
		"end before start":     func(r *eventwire.Record) { r.Dateline = &eventwire.Dateline{Start: 5, End: 2} },
		"mention text differs": func(r *eventwire.Record) { r.Entities[0].Mentions[0].Text = "Kerr" },
		"tokens out of order":  func(r *eventwire.Record) { r.Sentences[0].Tokens[1] = eventwire.Token{Start: 2, End: 4} },
	} {
		r := ok
		r.Entities = []eventwire.Entity{{ID: "E1", Mentions: []eventwire.Mention{{Start: 0, End: 5, Text: "Kerry"}}}}
		r.Sentences = []eventwire.Sentence{{Start: 0, End: 17, Tokens: []eventwire.Token{{Start: 0, End: 5}, {Start: 6, End: 9}}}}
		bad(&r)
		if err := r.CheckOffsets(); !errors.Is(err, eventwire.ErrOffset) {
			t.Errorf("%s: err = %v, want ErrOffset", name, err)
		}
	}
}

func TestSchemaIsJSON(t *testing.T) {
	if !json.Valid([]byte(eventwire.Schema())) {
		t.Error("the embedded schema is not valid JSON")
	}
}

// Offsets count code points, so they match Python's text[start:end] even
// after non-ASCII letters.
func ExampleDoc_Slice() {
	d := eventwire.NewDoc(eventwire.Article{Text: "ZÜRICH — Talks résumé today."})
	fmt.Println(d.Slice(eventwire.Span{Start: 9, End: 14}))
	fmt.Println(d.ID)
	// Output:
	// Talks
	// 20162f53c356afc1
}

func TestSentenceJSON(t *testing.T) {
	s := eventwire.Sentence{Start: 0, End: 11, Paragraph: 2, Tagged: true, Parsed: true, Tokens: []eventwire.Token{
		{Start: 0, End: 5, UPOS: "PROPN", XPOS: "NNP", Lemma: "Kerry \"K\"", Head: 1, Deprel: "nsubj"},
		{Start: 6, End: 10, UPOS: "VERB", XPOS: "VBD", Lemma: "say", Head: -1, Deprel: "root"},
	}}
	b, err := json.Marshal(s)
	if err != nil || !json.Valid(b) {
		t.Fatalf("%v: %s", err, b)
	}
	want := `{"start":0,"end":11,"paragraph":2,"tokens":[{"start":0,"end":5,"tag":"PROPN","xpos":"NNP","lemma":"Kerry \"K\"","head":1,"relation":"nsubj"},{"start":6,"end":10,"tag":"VERB","xpos":"VBD","lemma":"say","head":-1,"relation":"root"}]}`
	if string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
	var back eventwire.Sentence
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !back.Tagged || !back.Parsed || back.Tokens[1] != s.Tokens[1] || back.Tokens[0] != s.Tokens[0] {
		t.Errorf("round trip: %+v", back)
	}
	// Untagged sentences carry offsets only.
	s.Tagged, s.Parsed = false, false
	if b, _ := json.Marshal(s); strings.Contains(string(b), "tag") || strings.Contains(string(b), "head") {
		t.Errorf("untagged sentence has syntax fields: %s", b)
	}
}
