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
	words := strings.Fields("Kerry held talks with Lavrov in Brussels .")
	upos := strings.Fields("PROPN VERB NOUN ADP PROPN ADP PROPN PUNCT")
	xpos := strings.Fields("NNP VBD NNS IN NNP IN NNP .")
	heads := make([]int, len(words))
	rels := make([]string, len(words))
	p.ParseWords(words, upos, xpos, heads, rels)
	for i, w := range words {
		head := "ROOT"
		if heads[i] >= 0 {
			head = words[heads[i]]
		}
		fmt.Printf("%-8s %-6s <- %s\n", w, rels[i], head)
	}
	// Output:
	// Kerry    nsubj  <- held
	// held     root   <- ROOT
	// talks    obj    <- held
	// with     case   <- Lavrov
	// Lavrov   nmod   <- talks
	// in       case   <- Brussels
	// Brussels nmod   <- Lavrov
	// .        punct  <- held
}
