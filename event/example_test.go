package event_test

import (
	"fmt"
	"strings"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/event"
)

func ExampleOntology_Lookup() {
	o, err := event.LoadOntology()
	if err != nil {
		fmt.Println(err)
		return
	}
	c, _ := o.Lookup("1041")
	fmt.Printf("%s %q root %s, Goldstein %v, QuadClass %d, PLOVER %s\n", c.Code, c.Name, c.Root, c.Goldstein, c.QuadClass, c.PLOVER)
	// Output: 1041 "Demand change in leadership" root 10, Goldstein -5, QuadClass 3, PLOVER REQUEST
}

func ExampleLoadDictionary() {
	d, err := event.LoadDictionary()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range d.Verb("impose") {
		if p.Code == "163" {
			fmt.Println(p, "| target:", p.Target)
			break
		}
	}
	// Output: 163 verb impose obj=sanction|embargo|tariff|boycott|penalty|duty on=+ | target: on
}

func ExampleReadDictionary() {
	src := `# my additions
111 verb  castigate
046 noun  parley  with=+
`
	d, err := event.ReadDictionary(strings.NewReader(src), "mine.txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	o, _ := event.LoadOntology()
	fmt.Println(d.Len(), d.Check(o), d.Noun("parley")[0].Origin)
	_, err = event.ReadDictionary(strings.NewReader("46 noun parley with=Y\n"), "bad.txt")
	fmt.Println(err)
	// Output:
	// 2 <nil> mine.txt:3
	// bad.txt:1: event: bad dictionary line: element "with=Y": bad word "Y"
}

// The coder reads the layers earlier stages add: tagged and parsed
// sentences, and entities with their mentions' offsets. Here they are
// written by hand for "Russia did not attack Ukraine".
func ExampleCoder_Code() {
	ont, err := event.LoadOntology()
	if err != nil {
		fmt.Println(err)
		return
	}
	dict, err := event.LoadDictionary()
	if err != nil {
		fmt.Println(err)
		return
	}
	coder, err := event.New(ont, dict, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	doc := eventwire.NewDoc(eventwire.Article{Text: "Russia did not attack Ukraine"})
	doc.Sentences = []eventwire.Sentence{{Start: 0, End: 29, Tagged: true, Parsed: true, Tokens: []eventwire.Token{
		{Start: 0, End: 6, UPOS: "PROPN", Lemma: "Russia", Head: 3, Deprel: "nsubj"},
		{Start: 7, End: 10, UPOS: "AUX", Lemma: "do", Head: 3, Deprel: "aux"},
		{Start: 11, End: 14, UPOS: "PART", Lemma: "not", Head: 3, Deprel: "advmod"},
		{Start: 15, End: 21, UPOS: "VERB", Lemma: "attack", Head: -1, Deprel: "root"},
		{Start: 22, End: 29, UPOS: "PROPN", Lemma: "Ukraine", Head: 3, Deprel: "obj"},
	}}}
	doc.Entities = []eventwire.Entity{
		{ID: "E1", Name: "Russia", Actor: &eventwire.Actor{Code: "RUS", Country: "RUS"},
			Mentions: []eventwire.Mention{{Start: 0, End: 6, Text: "Russia"}}},
		{ID: "E2", Name: "Ukraine", Actor: &eventwire.Actor{Code: "UKR", Country: "UKR"},
			Mentions: []eventwire.Mention{{Start: 22, End: 29, Text: "Ukraine"}}},
	}
	coder.Code(doc)
	for _, e := range doc.Events {
		fmt.Printf("%s %s %s→%s %s %s negated=%v trigger=%q\n", e.ID, e.CAMEO, e.Source.Actor, e.Target.Actor, e.PLOVER, e.CAMEORoot, e.Negated, e.Trigger.Text)
	}
	// Output: V1 190 RUS→UKR ASSAULT 19 negated=true trigger="attack"
}
