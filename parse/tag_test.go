package parse

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/tag"
)

// predictedTags replaces the tags of sents with those of the embedded
// tagger. With EVENTWIRE_EVAL_TAGS set (a directory), the tags of each
// split are cached there, so that experiments can fix the tags while
// the tagger changes.
func predictedTags(tb testing.TB, split string, sents []*sentence) {
	tb.Helper()
	cache := ""
	if dir := os.Getenv("EVENTWIRE_EVAL_TAGS"); dir != "" {
		cache = filepath.Join(dir, split+".tags")
		if b, err := os.ReadFile(cache); err == nil {
			lines := strings.Split(string(b), "\n")
			k := 0
			for _, s := range sents {
				for i := range s.words {
					s.upos[i], s.xpos[i], _ = strings.Cut(lines[k], "\t")
					k++
				}
			}
			return
		}
	}
	tg, err := tag.Load()
	if err != nil {
		tb.Fatal(err)
	}
	var b strings.Builder
	lemma := make([]string, 0, 64)
	for _, s := range sents {
		lemma = append(lemma[:0], make([]string, len(s.words))...)
		tg.TagWords(s.words, s.upos, s.xpos, lemma)
		for i := range s.words {
			b.WriteString(s.upos[i] + "\t" + s.xpos[i] + "\n")
		}
	}
	if cache != "" {
		if err := os.WriteFile(cache, []byte(b.String()), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}
