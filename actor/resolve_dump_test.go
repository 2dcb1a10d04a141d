package actor

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/newscorpus"
)

// TestDump prints the entities of a few news articles, for reading by eye,
// and checks the invariants of each (checkEntities):
// EVENTWIRE_DUMP=N prints N articles of the BBC corpus (of Reuters-21578
// with EVENTWIRE_DUMP_CORPUS=reuters).
func TestDump(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("EVENTWIRE_DUMP"))
	if n == 0 {
		t.Skip("set EVENTWIRE_DUMP=N to print the entities of N BBC articles")
	}
	dir, ok := newscorpus.DataDir()
	if !ok {
		t.Skip("../shared/data is absent")
	}
	read := newscorpus.BBC
	if os.Getenv("EVENTWIRE_DUMP_CORPUS") == "reuters" {
		read = newscorpus.Reuters
	}
	arts, err := read(dir)
	if err != nil {
		t.Skip(err)
	}
	s := loadStages(t)
	kb := NewKnowledge()
	step := len(arts) / n
	for i := 0; i < len(arts) && n > 0; i += step {
		n--
		doc := analyse(t, arts[i], s.recognise)
		s.coder.Resolve(doc, kb)
		checkEntities(t, doc)
		var b strings.Builder
		fmt.Fprintf(&b, "== %s %s\n", doc.ID, doc.Title)
		for _, e := range doc.Entities {
			code := "-"
			if e.Actor != nil {
				code = e.Actor.Code
			}
			fmt.Fprintf(&b, "%s %s %q %s %q:", e.ID, e.Type, e.Name, code, e.Titles)
			for _, m := range e.Mentions {
				if m.Kind != eventwire.MentionName {
					ctx := string(doc.Runes[max(0, m.Start-30):min(len(doc.Runes), m.End+20)])
					fmt.Fprintf(&b, "\n     %s %q  [%s]", m.Kind, m.Text, strings.ReplaceAll(ctx, "\n", " "))
				}
			}
			b.WriteString("\n")
		}
		t.Log(b.String())
	}
}
