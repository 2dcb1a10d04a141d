package quote_test

import (
	"fmt"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/pipeline"
	"github.com/eventwire/eventwire/quote"
)

func Example() {
	p, err := pipeline.New(pipeline.Options{Entities: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	f, err := quote.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	doc, err := p.Process(eventwire.Article{Text: "“We will rebuild the bridge,” Mayor Ingrid Dahl said on Monday.\n\nDahl told reporters that the work would start in June."})
	if err != nil {
		fmt.Println(err)
		return
	}
	f.Find(doc)
	for _, q := range doc.Quotes {
		fmt.Printf("%s %s: %q (%s, %q)\n", q.ID, q.Kind, q.Text, q.Speaker.Name, q.Cue.Text)
	}
	// Output:
	// Q1 direct: "We will rebuild the bridge," (Ingrid Dahl, "said")
	// Q2 indirect: "that the work would start in June" (Ingrid Dahl, "told")
}
