package parse

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/clean"
	"github.com/eventwire/eventwire/internal/newscorpus"
	"github.com/eventwire/eventwire/tag"
	"github.com/eventwire/eventwire/text"
)

// TestSeed parses the reference article and checks the relations that
// event coding reads off it: Kerry is the subject of "said", and Lavrov
// is inside "talks with Lavrov".
func TestSeed(t *testing.T) {
	dir, ok := newscorpus.DataDir()
	if !ok {
		t.Skip("../shared is absent: no seed article")
	}
	b, err := os.ReadFile(filepath.Join(dir, "..", "seed", "000_c30d04f4e9248130.txt"))
	if err != nil {
		t.Skipf("seed article: %v", err)
	}
	tg, err := tag.Load()
	if err != nil {
		t.Fatal(err)
	}
	p, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	doc := eventwire.NewDoc(eventwire.Article{Text: string(b)})
	clean.Clean(doc)
	text.Segment(doc)
	tg.Tag(doc)
	p.Parse(doc)
	word := func(s *eventwire.Sentence, i int) string {
		if i < 0 {
			return "ROOT"
		}
		tok := s.Tokens[i]
		return string(doc.Runes[tok.Start:tok.End])
	}
	var kerrySaid, lavrovTalks bool
	for si := range doc.Sentences {
		s := &doc.Sentences[si]
		for i, tok := range s.Tokens {
			w, h := word(s, i), word(s, tok.Head)
			if w == "Kerry" && h == "said" && tok.Deprel == "nsubj" {
				kerrySaid = true
			}
			if w == "Lavrov" && h == "talks" {
				lavrovTalks = true
			}
			if testing.Verbose() && (w == "Kerry" || w == "Lavrov") {
				t.Logf("%s -%s-> %s", w, tok.Deprel, h)
			}
		}
	}
	if !kerrySaid {
		t.Error("Kerry is not the nsubj of said")
	}
	if !lavrovTalks {
		t.Error("Lavrov does not hang from talks")
	}
}
