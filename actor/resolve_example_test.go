package actor_test

import (
	"fmt"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/actor"
	"github.com/eventwire/eventwire/clean"
	"github.com/eventwire/eventwire/geo"
	"github.com/eventwire/eventwire/parse"
	"github.com/eventwire/eventwire/tag"
	"github.com/eventwire/eventwire/text"
)

func ExampleCoder_Resolve() {
	// Load once; share between goroutines.
	tagger, err := tag.Load()
	if err != nil {
		panic(err)
	}
	parser, err := parse.Load()
	if err != nil {
		panic(err)
	}
	gaz, err := geo.Load()
	if err != nil {
		panic(err)
	}
	coder, err := actor.New(actor.Options{Geo: gaz})
	if err != nil {
		panic(err)
	}
	kb := actor.NewKnowledge() // one per run

	doc := eventwire.NewDoc(eventwire.Article{
		Published: "2021-05-10",
		Text:      "Russian Foreign Minister Ivan Petrovsky met reporters in Oslo. He said Moscow would not change its position.",
	})
	clean.Clean(doc)
	text.Segment(doc)
	tagger.Tag(doc)
	parser.Parse(doc)
	// The ner stage finds the names; here they are given by hand.
	doc.Names = []eventwire.Name{
		{Sentence: 0, Start: 3, End: 5, Type: eventwire.NamePER}, // Ivan Petrovsky
		{Sentence: 0, Start: 8, End: 9, Type: eventwire.NameLOC}, // Oslo
		{Sentence: 1, Start: 2, End: 3, Type: eventwire.NameLOC}, // Moscow
	}
	coder.Resolve(doc, kb)
	for _, e := range doc.Entities {
		code := "-"
		if e.Actor != nil {
			code = e.Actor.Code
		}
		fmt.Printf("%s %-6s %-14s %-6s %q\n", e.ID, e.Type, e.Name, code, e.Titles)
		for _, m := range e.Mentions {
			fmt.Printf("   %-8s %s\n", m.Kind, m.Text)
		}
	}
	// Output:
	// E1 NORP   Russian        RUS    []
	//    name     Russian
	// E2 PERSON Ivan Petrovsky RUSGOV ["Foreign Minister"]
	//    name     Ivan Petrovsky
	//    pronoun  He
	// E3 GPE    Oslo           NOR    []
	//    name     Oslo
	// E4 GPE    Moscow         RUSGOV []
	//    metonym  Moscow
	//    pronoun  its
}
