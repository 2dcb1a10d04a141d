package clean

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/eventwire/eventwire"
)

// TestSurvey runs Clean over the news corpora and prints what it marked, for
// a person to read: CLEAN_SURVEY=1 go test ./clean -run TestSurvey -v
func TestSurvey(t *testing.T) {
	if os.Getenv("CLEAN_SURVEY") == "" {
		t.Skip("set CLEAN_SURVEY=1 to print a survey of the news corpora")
	}
	for _, c := range []struct {
		name string
		arts func(testing.TB) []eventwire.Article
	}{{"bbc", bbcArticles}, {"reuters21578", reutersArticles}, {"polnear", polnearArticles}} {
		arts := c.arts(t)
		counts := map[string]int{}
		samples := map[string][]string{}
		places := map[string]int{}
		agencies := map[string]int{}
		var noDateline []string
		datelines := 0
		for _, a := range arts {
			d := eventwire.NewDoc(a)
			Clean(d)
			if d.Dateline != nil {
				datelines++
				places[d.Dateline.Place]++
				agencies[d.Dateline.Agency]++
			} else {
				first := strings.TrimSpace(a.Text[len(a.Title)+1:])
				first, _, _ = strings.Cut(first, "\n")
				noDateline = append(noDateline, a.ID+": "+first)
			}
			for _, b := range d.Boilerplate {
				counts[b.Reason]++
				if txt := d.Slice(b.Span()); txt == "Reuter" || txt == "REUTER" {
					continue
				}
				samples[b.Reason] = append(samples[b.Reason], fmt.Sprintf("%s %q", a.ID, d.Slice(b.Span())))
			}
		}
		fmt.Printf("== %s: %d articles, %d datelines, boilerplate %v\n", c.name, len(arts), datelines, counts)
		fmt.Printf("agencies: %v\n", agencies)
		fmt.Printf("places: %d distinct\n", len(places))
		if os.Getenv("CLEAN_SURVEY") == "places" {
			keys := make([]string, 0, len(places))
			for k := range places {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			fmt.Println(strings.Join(keys, " | "))
		}
		fmt.Printf("no dateline: %d\n", len(noDateline))
		for i, s := range noDateline {
			if i >= 60 {
				break
			}
			fmt.Printf("   %.140s\n", s)
		}
		for r, ss := range samples {
			fmt.Printf("-- %s: %d\n", r, len(ss))
			for i, s := range ss {
				if i >= 100 {
					break
				}
				fmt.Printf("   %.200s\n", s)
			}
		}
	}
}
