package parse_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/eventwire/eventwire/parse"
)

func Example() {
	p, err := parse.Load()
	if err != nil {
		log.Fatal(err)
	}
	words := strings.Fields("Kerry said he discussed the plan with Lavrov .")
	upos := strings.Fields("PROPN VERB PRON VERB DET NOUN ADP PROPN PUNCT")
	xpos := strings.Fields("NNP VBD PRP VBD DT NN IN NNP .")
	heads := make([]int, len(words))
	rels := make([]string, len(words))
	p.ParseWords(words, upos, xpos, heads, rels)
	for i, w := range words {
		head := "ROOT"
		if heads[i] >= 0 {
			head = words[heads[i]]
		}
		fmt.Printf("%-9s %-5s <- %s\n", w, rels[i], head)
	}
	// Output:
	// Kerry     nsubj <- said
	// said      root  <- ROOT
	// he        nsubj <- discussed
	// discussed ccomp <- said
	// the       det   <- plan
	// plan      obj   <- discussed
	// with      case  <- Lavrov
	// Lavrov    nmod  <- plan
	// .         punct <- said
}
