package actor

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/clean"
	"github.com/eventwire/eventwire/geo"
	"github.com/eventwire/eventwire/ner"
	"github.com/eventwire/eventwire/parse"
	"github.com/eventwire/eventwire/tag"
	"github.com/eventwire/eventwire/text"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json")

// stages are the models the tests run articles through, loaded once.
var stages = sync.OnceValues(func() (*testStages, error) {
	var s testStages
	var err error
	if s.tagger, err = tag.Load(); err != nil {
		return nil, err
	}
	if s.parser, err = parse.Load(); err != nil {
		return nil, err
	}
	if s.geo, err = geo.Load(); err != nil {
		return nil, err
	}
	if s.coder, err = New(Options{Geo: s.geo}); err != nil {
		return nil, err
	}
	// The recogniser is optional: without it, names come from guessNames.
	s.ner, s.nerErr = ner.LoadWith(s.geo)
	return &s, nil
})

type testStages struct {
	tagger *tag.Tagger
	parser *parse.Parser
	geo    *geo.Gazetteer
	coder  *Coder
	ner    *ner.Recognizer // nil when it failed to load (nerErr)
	nerErr error
}

// recognise is the names function of the tests that read real news (the
// seed, PLOVER, the benchmark): the ner stage's recogniser, or guessNames
// when it is not available.
func (s *testStages) recognise(doc *eventwire.Doc) {
	if s.ner != nil {
		s.ner.Recognize(doc)
		return
	}
	guessNames(doc, s.coder, s.geo)
}

func loadStages(tb testing.TB) *testStages {
	tb.Helper()
	s, err := stages()
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// analyse runs an article through the stages before actor (clean, text,
// tag, parse) and marks its names with names.
func analyse(tb testing.TB, a eventwire.Article, names func(*eventwire.Doc)) *eventwire.Doc {
	tb.Helper()
	s := loadStages(tb)
	doc := eventwire.NewDoc(a)
	clean.Clean(doc)
	text.Segment(doc)
	s.tagger.Tag(doc)
	s.parser.Parse(doc)
	names(doc)
	return doc
}

// markNames returns a names function that marks every token-aligned
// occurrence of the given names (class, then the name as written: "PER
// John Kerry"), longest first. It stands in for the ner stage in the
// golden tests; to test with the recogniser instead, replace the names
// function that testArticle passes to analyse.
func markNames(list [][2]string) func(*eventwire.Doc) {
	return func(doc *eventwire.Doc) {
		doc.Names = doc.Names[:0]
		for si, s := range doc.Sentences {
			words := make([]string, len(s.Tokens))
			for i, t := range s.Tokens {
				words[i] = string(doc.Runes[t.Start:t.End])
			}
			taken := make([]bool, len(words))
			var found []eventwire.Name
			for _, n := range longestFirst(list) {
				for i := range words {
					k := matchAt(words, i, n[1], doc, s.Tokens)
					if k == 0 || anyTaken(taken[i:i+k]) {
						continue
					}
					for j := i; j < i+k; j++ {
						taken[j] = true
					}
					found = append(found, eventwire.Name{Sentence: si, Start: i, End: i + k, Type: n[0]})
				}
			}
			for i := 1; i < len(found); i++ {
				for j := i; j > 0 && found[j].Start < found[j-1].Start; j-- {
					found[j], found[j-1] = found[j-1], found[j]
				}
			}
			doc.Names = append(doc.Names, found...)
		}
	}
}

// matchAt is the number of tokens from token i whose text, with the
// spaces between them, is name; 0 when they are not.
func matchAt(words []string, i int, name string, doc *eventwire.Doc, toks []eventwire.Token) int {
	rest := name
	for k := i; k < len(words); k++ {
		if k > i && toks[k].Start > toks[k-1].End {
			if !strings.HasPrefix(rest, " ") {
				return 0
			}
			rest = rest[1:]
		}
		if !strings.HasPrefix(rest, words[k]) {
			return 0
		}
		rest = rest[len(words[k]):]
		if rest == "" {
			return k + 1 - i
		}
	}
	return 0
}

func anyTaken(t []bool) bool {
	for _, b := range t {
		if b {
			return true
		}
	}
	return false
}

func longestFirst(list [][2]string) [][2]string {
	out := append([][2]string(nil), list...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && len(out[j][1]) > len(out[j-1][1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// testArticle is one article of a golden file: header lines ("#
// published 2013-04-23", "# PER John Kerry") and the text, whose first
// line is the title.
type testArticle struct {
	article eventwire.Article
	names   [][2]string
}

// readCase reads a golden test case: articles separated by lines "=====",
// resolved in order with one Knowledge.
func readCase(t *testing.T, path string) []testArticle {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []testArticle
	for n, part := range strings.Split(string(b), "\n=====\n") {
		var ta testArticle
		var body []string
		for _, line := range strings.SplitAfter(part, "\n") {
			if h, ok := strings.CutPrefix(line, "# "); ok && len(body) == 0 {
				f := strings.SplitN(strings.TrimSpace(h), " ", 2)
				if len(f) != 2 {
					t.Fatalf("%s: article %d: bad header %q", path, n+1, line)
				}
				if f[0] == "published" {
					ta.article.Published = f[1]
				} else {
					ta.names = append(ta.names, [2]string{f[0], f[1]})
				}
				continue
			}
			body = append(body, line)
		}
		ta.article.Text = strings.Join(body, "")
		ta.article.Title, _, _ = strings.Cut(ta.article.Text, "\n")
		out = append(out, ta)
	}
	return out
}

// goldenArticle is what a golden file records of each article.
type goldenArticle struct {
	Title    string             `json:"title"`
	Entities []eventwire.Entity `json:"entities"`
}

// TestGolden resolves the articles of each testdata/*.txt and compares
// the entities with testdata/*.golden.json (go test -update rewrites them).
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test cases: %v", err)
	}
	for _, path := range files {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txt"), func(t *testing.T) {
			s := loadStages(t)
			kb := NewKnowledge()
			var got []goldenArticle
			for _, ta := range readCase(t, path) {
				doc := analyse(t, ta.article, markNames(ta.names))
				s.coder.Resolve(doc, kb)
				checkEntities(t, doc)
				got = append(got, goldenArticle{Title: doc.Title, Entities: nonNilEntities(doc.Entities)})
			}
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(got); err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(path, ".txt") + ".golden.json"
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("entities differ from %s (go test -update rewrites it; review the diff):\n%s", golden, buf.String())
			}
		})
	}
}

func nonNilEntities(es []eventwire.Entity) []eventwire.Entity {
	if es == nil {
		return []eventwire.Entity{}
	}
	return es
}

// checkEntities checks the invariants of Resolve's output: IDs E1.. in
// order of first mention, mentions sorted, inside the text and spelling
// what they say, no mention in two entities.
func checkEntities(t *testing.T, doc *eventwire.Doc) {
	t.Helper()
	seen := map[eventwire.Span]string{}
	prev := -1
	for i, e := range doc.Entities {
		if want := "E" + itoa(i+1); e.ID != want {
			t.Errorf("entity %d has ID %s, want %s", i, e.ID, want)
		}
		if len(e.Mentions) == 0 {
			t.Errorf("%s has no mentions", e.ID)
			continue
		}
		if e.Mentions[0].Start < prev {
			t.Errorf("%s is out of order of first mention", e.ID)
		}
		prev = e.Mentions[0].Start
		for j, m := range e.Mentions {
			if m.Start < 0 || m.End > len(doc.Runes) || m.Start >= m.End {
				t.Errorf("%s: mention %d has span [%d,%d)", e.ID, j, m.Start, m.End)
				continue
			}
			if got := string(doc.Runes[m.Start:m.End]); got != m.Text {
				t.Errorf("%s: mention %q spells %q", e.ID, m.Text, got)
			}
			if j > 0 && m.Start < e.Mentions[j-1].Start {
				t.Errorf("%s: mentions are not sorted", e.ID)
			}
			sp := eventwire.Span{Start: m.Start, End: m.End}
			if other, dup := seen[sp]; dup {
				t.Errorf("mention %q is in %s and %s", m.Text, other, e.ID)
			}
			seen[sp] = e.ID
		}
	}
}

func itoa(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}

// FuzzResolve checks that Resolve survives any text and any names (the
// recogniser's output is trusted no more than the text) and keeps its
// invariants.
func FuzzResolve(f *testing.F) {
	f.Add("Russian Foreign Minister Ivan Petrovsky met reporters in Oslo. He said Moscow would not change its position.", []byte{0, 3, 2, 0, 0, 8, 1, 2, 1, 2, 1, 2})
	f.Add("\u201cWe will win,\u201d the minister said. It is clear. They left, and the alliance said so.", []byte{0, 0, 9, 1, 7, 1, 1, 3})
	f.Add("", []byte{})
	f.Fuzz(func(t *testing.T, text string, spec []byte) {
		s := loadStages(t)
		classes := [...]string{eventwire.NamePER, eventwire.NameORG, eventwire.NameLOC, eventwire.NameMISC, "X"}
		names := func(doc *eventwire.Doc) {
			for i := 0; i+3 < len(spec); i += 4 {
				n := eventwire.Name{Sentence: int(spec[i]), Start: int(spec[i+1]), End: int(spec[i+1]) + int(spec[i+2]),
					Type: classes[int(spec[i+3])%len(classes)]}
				if spec[i]&0x80 != 0 {
					n.Sentence, n.Start = -n.Sentence, -n.Start
				}
				doc.Names = append(doc.Names, n)
			}
		}
		doc := analyse(t, eventwire.Article{Text: text}, names)
		s.coder.Resolve(doc, NewKnowledge())
		checkEntities(t, doc)
	})
}

// TestUntagged checks that Resolve works, with less evidence, on sentences
// that were neither tagged nor parsed.
func TestUntagged(t *testing.T) {
	s := loadStages(t)
	doc := eventwire.NewDoc(eventwire.Article{Text: "Russian Foreign Minister Ivan Petrovsky met NATO officials. He said Moscow would wait."})
	clean.Clean(doc)
	text.Segment(doc)
	markNames([][2]string{{"PER", "Ivan Petrovsky"}, {"LOC", "Moscow"}})(doc)
	s.coder.Resolve(doc, NewKnowledge())
	checkEntities(t, doc)
	if got := refersTo(doc, "He", 1); got != "Ivan Petrovsky" {
		t.Errorf("He refers to %q, want Ivan Petrovsky", got)
	}
	if e := entityNamed(doc, "Ivan Petrovsky"); codeOf(e) != "RUSGOV" {
		t.Errorf("Petrovsky is coded %q, want RUSGOV", codeOf(e))
	}
}
