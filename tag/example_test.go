package tag_test

import (
	"fmt"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/tag"
	"github.com/eventwire/eventwire/text"
)

func Example() {
	tagger, err := tag.Load() // once; share it between goroutines
	if err != nil {
		panic(err)
	}
	doc := eventwire.NewDoc(eventwire.Article{Text: "Kerry met Lavrov in Brussels. The talks were held in private."})
	text.Segment(doc)
	tagger.Tag(doc)
	for _, s := range doc.Sentences {
		for _, t := range s.Tokens {
			fmt.Printf("%-8s %-5s %-4s %s\n", string(doc.Runes[t.Start:t.End]), t.UPOS, t.XPOS, t.Lemma)
		}
	}
	// Output:
	// Kerry    PROPN NNP  Kerry
	// met      VERB  VBD  meet
	// Lavrov   PROPN NNP  Lavrov
	// in       ADP   IN   in
	// Brussels PROPN NNP  Brussels
	// .        PUNCT .    .
	// The      DET   DT   the
	// talks    NOUN  NNS  talk
	// were     AUX   VBD  be
	// held     VERB  VBN  hold
	// in       ADP   IN   in
	// private  ADJ   JJ   private
	// .        PUNCT .    .
}
