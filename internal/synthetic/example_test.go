package synthetic_test

import (
	"fmt"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/synthetic"
)

func ExampleGenerator_Docs() {
	g, err := synthetic.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	for d := range g.Docs(2, 1) {
		r := d.Record(eventwire.RecordOptions{})
		fmt.Printf("%s (%s, %s)\n", r.Title, *r.Source, *r.Published)
		fmt.Printf("  %d entities, %d quotes, %d events; offsets: %v\n", len(r.Entities), len(r.Quotes), len(r.Events), r.CheckOffsets())
		v := r.Events[0]
		fmt.Printf("  %s %q %s %s (%s, %s, %v)\n", v.Source.Actor, v.Trigger.Text, v.Target.Actor, v.CAMEO, v.PLOVER, *v.Date, v.Goldstein)
	}
	// Output:
	// Brekoğlu accuses United Kingdom of violating ceasefire (Atlantic Wire, 2024-09-16)
	//   7 entities, 2 quotes, 3 events; offsets: <nil>
	//   ETHGOV "accused" GBR 112 (ACCUSE, 2024-09-16, -2)
	// American military and Palestinian military clash near frontier (Pacific Wire, 2024-05-02)
	//   13 entities, 2 quotes, 7 events; offsets: <nil>
	//   USAMIL "clashed" PSEMIL 190 (ASSAULT, 2024-04-05, -10)
}
