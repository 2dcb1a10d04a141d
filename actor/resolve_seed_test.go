package actor

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/newscorpus"
)

// TestSeed resolves the reference article, its names given by guessNames,
// and checks what the lead checks end to end: the people, organisations
// and governments, their codes, and the pronouns that refer to them.
func TestSeed(t *testing.T) {
	dir, ok := newscorpus.DataDir()
	if !ok {
		t.Skip("../shared is absent: no seed article")
	}
	b, err := os.ReadFile(filepath.Join(dir, "..", "seed", "000_c30d04f4e9248130.txt"))
	if err != nil {
		t.Skipf("seed article: %v", err)
	}
	s := loadStages(t)
	doc := analyse(t, eventwire.Article{Text: string(b), Published: "2013-04-23"}, s.recognise)
	s.coder.Resolve(doc, NewKnowledge())
	checkEntities(t, doc)
	if testing.Verbose() {
		for _, e := range doc.Entities {
			t.Logf("%s %s %q %v %v", e.ID, e.Type, e.Name, e.Actor, e.Titles)
			for _, m := range e.Mentions {
				t.Logf("    %d %q %s", m.Start, m.Text, m.Kind)
			}
		}
	}
	tests := []struct {
		mention string
		nth     int
		typ     string
		code    string
		name    string // "" for any
	}{
		{"Kerry", 3, eventwire.Person, "USAGOV", "Kerry"}, // 1 and 2 are in a photo caption, boilerplate
		{"Lavrov", 1, eventwire.Person, "RUSGOV", "Lavrov"},
		{"Anders Fogh Rasmussen", 1, eventwire.Person, "IGOWSTNAT", ""},
		{"Assad", 2, eventwire.Person, "SYRGOV", ""},
		{"NATO", 3, eventwire.Org, "IGOWSTNAT", "NATO"},
		{"State Department", 1, eventwire.Org, "USAGOV", ""},
		{"Moscow", 1, eventwire.GPE, "RUSGOV", ""},
		{"Washington", 1, eventwire.GPE, "USAGOV", ""},
		{"Brussels", 3, eventwire.GPE, "BEL", ""},
		{"Turkey", 1, eventwire.GPE, "TUR", ""},
		{"Russia", 2, eventwire.GPE, "RUS", ""},
		{"He", 1, eventwire.Person, "USAGOV", "Kerry"},  // He said that while ...
		{"his", 1, eventwire.Person, "SYRGOV", ""},      // his leaving (Assad, inside Kerry's quotation)
		{"he", 4, eventwire.Person, "RUSGOV", "Lavrov"}, // ..., he said (after Lavrov's quotation)
		{"He", 2, eventwire.Person, "IGOWSTNAT", ""},    // He said the alliance was worried
		{"alliance", 2, eventwire.Org, "IGOWSTNAT", "NATO"},
	}
	for _, tt := range tests {
		e, m := mentionOf(doc, tt.mention, tt.nth)
		if tt.mention == "alliance" {
			e, m = mentionOf(doc, "the alliance", tt.nth)
		}
		if m == nil {
			t.Errorf("%q (%d) is in no entity", tt.mention, tt.nth)
			continue
		}
		if e.Type != tt.typ || codeOf(e) != tt.code || tt.name != "" && e.Name != tt.name {
			t.Errorf("%q (%d) is in %s %s %q, want %s %s %q", tt.mention, tt.nth, e.Type, codeOf(e), e.Name, tt.typ, tt.code, tt.name)
		}
	}
	if _, m := mentionOf(doc, "Moscow", 1); m != nil && m.Kind != eventwire.MentionMetonym {
		t.Errorf("Moscow has kind %q, want a metonym", m.Kind)
	}
	if e := entityNamed(doc, "Kerry"); e == nil || !slices.Contains(e.Titles, "Secretary of State") {
		t.Errorf("Kerry's entity is %+v, want the title Secretary of State", e)
	}
	if e := entityNamed(doc, "Anders Fogh Rasmussen"); e == nil || !slices.Contains(e.Titles, "Secretary-General") {
		t.Errorf("Rasmussen's entity is %+v, want the title Secretary-General", e)
	}
}
