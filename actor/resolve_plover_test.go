package actor

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/newscorpus"
)

// TestPLOVERActors measures how many of the gold source and target actors
// of the PLOVER GSR dev sentences the actor stage finds and codes: a gold
// actor is found when some entity of its sentence has its country and, when
// the gold gives one, its sector. Names come from guessNames until the ner
// stage is wired in. By default it scores the first 50 sentences against a
// floor; EVENTWIRE_PLOVER=1 scores all of them (-v lists the misses).
func TestPLOVERActors(t *testing.T) {
	limit, floor := 50, 0.50
	if os.Getenv("EVENTWIRE_PLOVER") != "" {
		limit, floor = 1<<30, 0
	}
	dir, ok := newscorpus.DataDir()
	if !ok {
		t.Skip("../shared/data is absent")
	}
	b, err := os.ReadFile(filepath.Join(dir, "plover", "PLOVER_GSR_dev.json"))
	if err != nil {
		t.Skip(err)
	}
	var records []struct {
		Text   string          `json:"text"`
		Date   string          `json:"date"`
		Source json.RawMessage `json:"source"`
		Target json.RawMessage `json:"target"`
	}
	if err := json.Unmarshal(b, &records); err != nil {
		t.Fatal(err)
	}
	type actor struct {
		ActorText string `json:"actorText"`
		Code      string `json:"code"`
		Sector    string `json:"sector"`
	}
	s := loadStages(t)
	kb := NewKnowledge()
	found, total, n := 0, 0, 0
	for _, rec := range records {
		if rec.Text == "" {
			continue
		}
		if n++; n > limit {
			break
		}
		doc := analyse(t, eventwire.Article{Text: rec.Text, Published: rec.Date}, s.recognise)
		s.coder.Resolve(doc, kb)
		for _, raw := range []json.RawMessage{rec.Source, rec.Target} {
			var as []actor
			if json.Unmarshal(raw, &as) != nil {
				continue
			}
			for _, a := range as {
				total++
				hit := false
				for _, e := range doc.Entities {
					if e.Actor != nil && e.Actor.Country == a.Code && (a.Sector == "" || strings.HasPrefix(a.Sector, e.Actor.Sector) && e.Actor.Sector != "") {
						hit = true
					}
				}
				if hit {
					found++
				} else {
					var got []string
					for _, e := range doc.Entities {
						if e.Actor != nil {
							got = append(got, e.Name+"="+e.Actor.Code)
						}
					}
					t.Logf("missed %s %s%s in %q; have %v", a.ActorText, a.Code, a.Sector, rec.Text, got)
				}
			}
		}
	}
	recall := float64(found) / float64(total)
	t.Logf("PLOVER GSR dev (%d sentences): %d of %d gold actors found and coded (%.1f%%)", min(n, limit), found, total, 100*recall)
	if recall < floor {
		t.Errorf("actor recall %.3f is below the floor %.2f", recall, floor)
	}
}
