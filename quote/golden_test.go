package quote

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire"
)

var update = flag.Bool("update", false, "rewrite the .golden.json files of the golden tests")

// goldenQuote is what a golden file records of a quote: the words rather
// than the offsets, so that a file reads as a review of the output.
type goldenQuote struct {
	Kind    string   `json:"kind"`
	Text    string   `json:"text"`
	Spans   []string `json:"spans,omitempty"`
	Speaker string   `json:"speaker"` // words, then "=" and the entity's name when resolved
	Cue     string   `json:"cue"`
}

func golden(doc *eventwire.Doc) []goldenQuote {
	out := []goldenQuote{}
	for _, q := range doc.Quotes {
		g := goldenQuote{Kind: q.Kind, Text: q.Text}
		for _, s := range q.Spans {
			g.Spans = append(g.Spans, doc.Slice(s))
		}
		if q.Speaker != nil {
			g.Speaker = q.Speaker.Text
			if q.Speaker.Entity != "" {
				g.Speaker += "=" + q.Speaker.Name
			}
		}
		if q.Cue != nil {
			g.Cue = q.Cue.Text
		}
		out = append(out, g)
	}
	return out
}

// TestGolden runs the stage over the invented articles in testdata and
// compares the quotes with the .golden.json beside each (go test -update
// rewrites them; review the diff).
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden articles: %v", err)
	}
	s := testStages(t)
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".txt"), func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			doc := s.Analyse(eventwire.Article{Text: string(b)})
			s.Stage.Find(doc)
			checkQuotes(t, doc)
			got, err := json.MarshalIndent(golden(doc), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			gf := strings.TrimSuffix(f, ".txt") + ".golden.json"
			if *update {
				if err := os.WriteFile(gf, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(gf)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("quotes differ from %s (go test -update rewrites it):\ngot:\n%s", gf, got)
			}
		})
	}
}

// checkQuotes checks what holds for every output: offsets inside the text,
// spans ordered inside the quote, IDs in text order, and the record's
// offset check.
func checkQuotes(t *testing.T, doc *eventwire.Doc) {
	t.Helper()
	prev := 0
	for i, q := range doc.Quotes {
		if q.ID != "Q"+itoa(i+1) || q.Start < prev || q.Start >= q.End || q.End > len(doc.Runes) {
			t.Errorf("quote %d: id %s [%d,%d) out of order or outside the text", i, q.ID, q.Start, q.End)
		}
		prev = q.Start
	}
	r := doc.Record(eventwire.RecordOptions{})
	if err := r.CheckOffsets(); err != nil {
		t.Error(err)
	}
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }
