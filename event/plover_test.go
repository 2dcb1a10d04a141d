package event

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire"
)

// ploverRecord is one record of PLOVER_GSR_dev.json: the sentence, the
// gold event type and actors. Source and target are lists of actors or, in
// a few records, a string; those are read as no actor.
type ploverRecord struct {
	Event string          `json:"event"`
	Text  string          `json:"text"`
	Src   json.RawMessage `json:"source"`
	Tgt   json.RawMessage `json:"target"`
}

type ploverActor struct {
	Code string `json:"code"`
}

// ploverLabels maps the file's older labels to the PLOVER 2021 types.
var ploverLabels = map[string]string{"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}

// TestPLOVERDev codes each sentence of ../shared/data/plover/
// PLOVER_GSR_dev.json on its own and checks floors under the measured
// type recall (an event of the gold type) and type-with-actors recall
// (that event's source and target countries among the gold ones, where
// the record gives them). The floors catch regressions; the issue's
// targets (0.70 and 0.55) are not met yet.
func TestPLOVERDev(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "data", "plover", "PLOVER_GSR_dev.json")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("skipping: %v", err)
	}
	var recs []ploverRecord
	if err := json.Unmarshal(data, &recs); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	s := testStages(t)
	n, typ, both := 0, 0, 0
	for _, r := range recs {
		if r.Event == "DOCUMENT" {
			continue
		}
		gold := r.Event
		if m, ok := ploverLabels[gold]; ok {
			gold = m
		}
		var srcs, tgts []ploverActor
		_ = json.Unmarshal(r.Src, &srcs) // a string means no actor
		_ = json.Unmarshal(r.Tgt, &tgts)
		n++
		doc := s.analyse(eventwire.Article{Text: r.Text})
		s.coder.Code(doc)
		okType, okBoth := false, false
		for _, e := range doc.Events {
			if e.PLOVER == gold {
				okType = true
				okBoth = okBoth || ploverActorIn(e.Source, srcs) && ploverActorIn(e.Target, tgts)
			}
		}
		if okType {
			typ++
		}
		if okBoth {
			both++
		}
	}
	rType, rBoth := float64(typ)/float64(n), float64(both)/float64(n)
	t.Logf("PLOVER dev: %d records, type recall %.3f, type with source and target %.3f", n, rType, rBoth)
	if rType < 0.42 || rBoth < 0.16 {
		t.Errorf("type recall %.3f (floor 0.42), with actors %.3f (floor 0.16)", rType, rBoth)
	}
}

// ploverActorIn reports whether a is one of the gold actors, by the first
// three letters of the code (country or IGO); any actor will do when the
// record gives none.
func ploverActorIn(a *eventwire.EventActor, gold []ploverActor) bool {
	if len(gold) == 0 {
		return true
	}
	if a == nil {
		return false
	}
	for _, g := range gold {
		if len(g.Code) >= 3 && (a.Country == g.Code[:3] || strings.HasPrefix(a.Actor, g.Code[:3])) {
			return true
		}
	}
	return false
}
