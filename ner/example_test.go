package ner_test

import (
	"fmt"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/ner"
	"github.com/eventwire/eventwire/tag"
	"github.com/eventwire/eventwire/text"
)

func Example() {
	tagger, err := tag.Load() // once; share them between goroutines
	if err != nil {
		fmt.Println(err)
		return
	}
	rec, err := ner.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	doc := eventwire.NewDoc(eventwire.Article{Text: "Angela Merkel met Vladimir Putin in Berlin. Merkel said the talks were useful."})
	text.Segment(doc)
	tagger.Tag(doc)
	rec.Recognize(doc)
	for _, n := range doc.Names {
		toks := doc.Sentences[n.Sentence].Tokens
		fmt.Println(n.Type, string(doc.Runes[toks[n.Start].Start:toks[n.End-1].End]))
	}
	// Output:
	// PER Angela Merkel
	// PER Vladimir Putin
	// LOC Berlin
	// PER Merkel
}

func ExampleRecognizer_TagWords() {
	rec, err := ner.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	words := []string{"Kerry", "met", "Lavrov", "in", "Brussels", "."}
	xpos := []string{"NNP", "VBD", "NNP", "IN", "NNP", "."}
	fmt.Println(rec.TagWords(words, xpos))
	// Output: [B-PER O B-PER O B-LOC O]
}
