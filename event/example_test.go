package event_test

import (
	"fmt"
	"strings"

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
