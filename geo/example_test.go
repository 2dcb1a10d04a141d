package geo_test

import (
	"fmt"
	"strings"

	"github.com/eventwire/eventwire/geo"
)

func ExampleGazetteer_Match() {
	g, err := geo.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	words := strings.Fields("Moscow and the U.S. - led coalition met in Côte d' Ivoire , the Kremlin said")
	for i := 0; i < len(words); i++ {
		n, es := g.Match(words, i)
		if n == 0 {
			continue
		}
		e := es[0]
		fmt.Printf("%s: %s %s", strings.Join(words[i:i+n], " "), e.Kind, e.ISO3)
		if e.Sector != "" {
			fmt.Printf(" %s", e.Sector)
		}
		fmt.Println()
		i += n - 1
	}
	// Output:
	// Moscow: capital RUS
	// U.S.: country USA
	// Côte d' Ivoire: country CIV
	// Kremlin: seat RUS GOV
}

func ExampleGazetteer_Country() {
	g, err := geo.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	c, _ := g.Country("NLD")
	fmt.Println(c.Name, c.ISO2, c.Capital, c.Seat)
	fmt.Println(g.Lookup("Holland")[0].ISO3, g.Lookup("Dutch")[0].Kind)
	// Output:
	// Netherlands NL Amsterdam The Hague
	// NLD demonym
}
