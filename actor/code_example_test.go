package actor_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/actor"
)

func ExampleCoder_Code() {
	c, err := actor.New(actor.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	date := time.Date(2013, 4, 23, 0, 0, 0, 0, time.UTC)
	for _, q := range []actor.Query{
		{Name: "Kerry", Type: eventwire.Person, Date: date},
		{Name: "Lavrov", Type: eventwire.Person, Date: date},
		{Name: "the al-Nusra Front", Type: eventwire.Org, Date: date},
		{Name: "Syrian rebels", Type: eventwire.NORP, Affiliation: "SYR", Date: date},
	} {
		a := c.Code(q, nil)
		fmt.Printf("%s: %s (country %s, sector %s)\n", q.Name, a.Code, a.Country, a.Sector)
	}
	// Output:
	// Kerry: USAGOV (country USA, sector GOV)
	// Lavrov: RUSGOV (country RUS, sector GOV)
	// the al-Nusra Front: SYRREB (country SYR, sector REB)
	// Syrian rebels: SYRREB (country SYR, sector REB)
}

func ExampleKnowledge() {
	c, _ := actor.New(actor.Options{})
	kb := actor.NewKnowledge()

	// Article 1: "Russian Foreign Minister Ivan Petrov said ..." (a minister
	// the office-holders table does not know).
	first := time.Date(2031, 3, 1, 0, 0, 0, 0, time.UTC)
	a := c.Code(actor.Query{Name: "Ivan Petrov", Type: eventwire.Person, Titles: []string{"Foreign Minister"},
		Affiliation: "RUS", Date: first}, kb)
	kb.Learn(actor.Fact{Name: "Ivan Petrov", Surname: "Petrov", Actor: *a, Title: "Foreign Minister", From: first})

	// Article 2, a week later: "Petrov said ..."
	b := c.Code(actor.Query{Name: "Petrov", Type: eventwire.Person, Date: first.AddDate(0, 0, 7)}, kb)
	fmt.Println(b.Code)
	// Output: RUSGOV
}

func ExampleCoder_Role() {
	c, _ := actor.New(actor.Options{})
	words := strings.Fields("NATO Secretary - General Anders Fogh Rasmussen")
	n, r, ok := c.Role(words, 1)
	fmt.Println(n, r.Title, r.Sector, r.Person, ok)
	n, org, ok := c.Org(words, 0)
	fmt.Println(n, org.Name, org.Code, org.Nouns, ok)
	// Output:
	// 3 Secretary-General GOV true true
	// 1 NATO IGOWSTNAT [alliance bloc] true
}

func ExampleReadDict() {
	src := `SERGEY_LAVROV_
+LAVROV
	[RUSGOV >20040309]
	[RUSELI]
`
	d, err := actor.ReadDict(strings.NewReader(src), "my.actors")
	if err != nil {
		fmt.Println(err)
		return
	}
	c, _ := actor.New(actor.Options{Dicts: []*actor.Dict{d}})
	for _, y := range []int{2003, 2013} {
		a := c.Code(actor.Query{Name: "Lavrov", Type: eventwire.Person, Date: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)}, nil)
		fmt.Println(y, a.Code)
	}
	// Output:
	// 2003 RUSELI
	// 2013 RUSGOV
}
