package quote

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/newscorpus"
)

func seedDoc(t *testing.T) *eventwire.Doc {
	t.Helper()
	dir, ok := newscorpus.DataDir()
	if !ok {
		t.Skip("../shared is absent: no seed article")
	}
	b, err := os.ReadFile(filepath.Join(dir, "..", "seed", "000_c30d04f4e9248130.txt"))
	if err != nil {
		t.Skipf("seed article: %v", err)
	}
	return testStages(t).Analyse(eventwire.Article{Text: string(b), Published: "2013-04-23"})
}

// TestSeed checks every quotation of Kerry, Lavrov and Rasmussen in the
// reference article, direct and indirect, for its kind and speaker entity.
func TestSeed(t *testing.T) {
	doc := seedDoc(t)
	testStages(t).Stage.Find(doc)
	checkQuotes(t, doc)
	if testing.Verbose() {
		for _, q := range doc.Quotes {
			t.Log(describe(doc, q))
		}
	}
	tests := []struct {
		words   string // words the quote's text holds
		kind    string
		speaker string // the speaker entity's name
	}{
		{"he and Lavrov had discussed ways", eventwire.Indirect, "Kerry"},
		{"We are both going to go back", eventwire.Direct, "Kerry"},
		{"I don’t think there’s a difference of opinion", eventwire.Mixed, "Kerry"},
		{"it’s a very difficult road", eventwire.Direct, "Kerry"},
		{"would increase the threats", eventwire.Indirect, "Lavrov"},
		{"not be interpreted in various ways", eventwire.Mixed, "Lavrov"},
		{"Everyday more people are killed", eventwire.Direct, "Lavrov"},
		{"to consider its role in the Syrian crisis", eventwire.Mixed, "Kerry"},
		{"We should also carefully and collectively consider", eventwire.Direct, "Kerry"},
		{"he had not called for more planning", eventwire.Indirect, "Kerry"},
		{"I didn’t ask for additional planning", eventwire.Direct, "Kerry"},
		{"What I did suggest to everybody", eventwire.Direct, "Kerry"}, // the multi-paragraph quote
		{"extremely concerned about the use of ballistic missiles", eventwire.Mixed, "Anders Fogh Rasmussen"},
		{"the alliance was worried", eventwire.Indirect, "Anders Fogh Rasmussen"},
		{"the alliance was willing to defend Turkey", eventwire.Indirect, "Anders Fogh Rasmussen"},
		{"We have all plans ready", eventwire.Direct, "Anders Fogh Rasmussen"},
		{"it has no intention of intervening", eventwire.Indirect, "NATO"},
	}
	for _, tt := range tests {
		q := quoteWith(doc, tt.words)
		switch {
		case q == nil:
			t.Errorf("no quote holds %q", tt.words)
		case q.Kind != tt.kind:
			t.Errorf("%q: kind %s, want %s", tt.words, q.Kind, tt.kind)
		case q.Speaker == nil || q.Speaker.Entity == "" || !strings.HasSuffix(entityName(doc, q.Speaker.Entity), tt.speaker):
			t.Errorf("%q: speaker %+v, want %s", tt.words, q.Speaker, tt.speaker)
		}
	}
}

func quoteWith(doc *eventwire.Doc, words string) *eventwire.Quote {
	for i := range doc.Quotes {
		if strings.Contains(doc.Quotes[i].Text, words) {
			return &doc.Quotes[i]
		}
	}
	return nil
}

func entityName(doc *eventwire.Doc, id string) string {
	for _, e := range doc.Entities {
		if e.ID == id {
			return e.Name
		}
	}
	return ""
}
