package text_test

import (
	"fmt"
	"strings"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/text"
)

func ExampleSegment() {
	doc := eventwire.NewDoc(eventwire.Article{
		Text: "Talks resume in Geneva\n\nGENEVA (Reuters) - Talks resumed in the U.S. The envoys didn't meet.",
	})
	// The clean stage marks the dateline; Segment skips it.
	doc.Dateline = &eventwire.Dateline{Place: "GENEVA", Agency: "Reuters", Start: 24, End: 42}
	text.Segment(doc)
	for _, s := range doc.Sentences {
		var toks []string
		for _, t := range s.Tokens {
			toks = append(toks, doc.Slice(eventwire.Span{Start: t.Start, End: t.End}))
		}
		fmt.Printf("%d [%d,%d) %s\n", s.Paragraph, s.Start, s.End, strings.Join(toks, "|"))
	}
	// Output:
	// 0 [0,22) Talks|resume|in|Geneva
	// 1 [43,68) Talks|resumed|in|the|U.S|.
	// 1 [69,92) The|envoys|did|n't|meet|.
}
