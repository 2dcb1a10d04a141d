package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/source"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// fixtures are the articles with golden output: ours under testdata, and
// the README's example.
func fixtures(t *testing.T) []string {
	t.Helper()
	names, err := filepath.Glob("testdata/articles/*")
	if err != nil {
		t.Fatal(err)
	}
	return append(names, "../examples/geneva-talks.txt")
}

// read returns the articles of one input file, failing the test on any
// source error.
func read(t *testing.T, name string, opt source.Options) []eventwire.Article {
	t.Helper()
	var arts []eventwire.Article
	for a, err := range source.Read(context.Background(), []string{name}, opt) {
		if err != nil {
			t.Fatalf("reading %s: %v", name, err)
		}
		arts = append(arts, a)
	}
	return arts
}

func compile(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(eventwire.Schema()))
	if err != nil {
		t.Fatalf("schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("record.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("record.schema.json")
	if err != nil {
		t.Fatalf("schema does not compile: %v", err)
	}
	return s
}

// validate checks a record as a consumer would see it: encoded to JSON,
// against the schema, and its offsets against its text.
func validate(t *testing.T, schema *jsonschema.Schema, name string, r *eventwire.Record) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(v); err != nil {
		t.Errorf("%s: record does not follow the schema: %v", name, err)
	}
	if err := r.CheckOffsets(); err != nil {
		t.Errorf("%s: %v", name, err)
	}
	return buf.Bytes()
}

// sentenceView renders the sentences and tokens of a record for people:
// one sentence a line with its paragraph, tokens separated by " | ".
func sentenceView(r *eventwire.Record) []byte {
	runes := []rune(r.Text)
	var b strings.Builder
	for _, s := range r.Sentences {
		fmt.Fprintf(&b, "p%d [%d,%d)", s.Paragraph, s.Start, s.End)
		for i, tok := range s.Tokens {
			sep := " | "
			if i == 0 {
				sep = " "
			}
			b.WriteString(sep + string(runes[tok.Start:tok.End]))
		}
		b.WriteString("\n")
	}
	return []byte(b.String())
}

func TestGolden(t *testing.T) {
	schema := compile(t)
	p := newPipeline(t, Options{Entities: true})
	for _, name := range fixtures(t) {
		for i, a := range read(t, name, source.Options{Published: "2024-03-14"}) {
			base := filepath.Base(name)
			if i > 0 || strings.HasSuffix(name, ".jsonl") {
				base = fmt.Sprintf("%s-%d", base, i+1)
			}
			t.Run(base, func(t *testing.T) {
				d, err := p.Process(a)
				if err != nil {
					t.Fatal(err)
				}
				r := d.Record(eventwire.RecordOptions{Sentences: true})
				view := sentenceView(&r)
				r.Sentences = nil
				got := validate(t, schema, name, &r)
				golden(t, filepath.Join("testdata", "golden", base+".json"), got)
				golden(t, filepath.Join("testdata", "golden", base+".sentences.txt"), view)
			})
		}
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./pipeline -run TestGolden -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output; if the change is right, run go test ./pipeline -run TestGolden -update and review the diff\n%s",
			path, firstDiff(string(want), string(got)))
	}
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(wl), len(gl)) {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\nwant %s\n got %s", i+1, w, g)
		}
	}
	return ""
}

// TestSeed checks the reference article end to end: the "done when".
func TestSeed(t *testing.T) {
	const seed = "../../shared/seed/000_c30d04f4e9248130.txt"
	if _, err := os.Stat(seed); err != nil {
		t.Skipf("the seed article is absent (%v); it lives in ../shared beside the repository", err)
	}
	a := read(t, seed, source.Options{})[0]
	d, err := newPipeline(t, Options{}).Process(a)
	if err != nil {
		t.Fatal(err)
	}
	r := d.Record(eventwire.RecordOptions{Sentences: true})
	validate(t, compile(t), seed, &r)
	if r.Title != "United States, Russia Agree to Try to Revive Syria Plan" {
		t.Errorf("title = %q", r.Title)
	}
	if dl := r.Dateline; dl == nil || dl.Place != "BRUSSELS" || dl.Agency != "Reuters" || d.Slice(eventwire.Span{Start: dl.Start, End: dl.End}) != "BRUSSELS (Reuters) -" {
		t.Errorf("dateline = %+v", dl)
	}
	if r.Source == nil || *r.Source != "Reuters" {
		t.Errorf("source = %v, want Reuters from the dateline", r.Source)
	}
	// The photo caption appears twice: the second copy is a duplicate line.
	caption := "Secretary of State John Kerry gestures during a news conference at the NATO headquarters in Brussels Tuesday. (REUTERS/Evan Vucci/Pool)"
	first := strings.Index(r.Text, caption)
	second := strings.Index(r.Text[first+1:], caption) + first + 1
	start := len([]rune(r.Text[:second]))
	dup := eventwire.Boilerplate{Start: start, End: start + len([]rune(caption)), Reason: eventwire.ReasonDuplicateLine}
	found := false
	for _, b := range r.Boilerplate {
		found = found || b == dup
	}
	if !found {
		t.Errorf("boilerplate %+v lacks the repeated caption %+v", r.Boilerplate, dup)
	}
	// No sentence contains the caption or the dateline.
	for _, s := range r.Sentences {
		txt := d.Slice(eventwire.Span{Start: s.Start, End: s.End})
		if strings.Contains(txt, "REUTERS/") || strings.Contains(txt, "(Reuters)") {
			t.Errorf("sentence %q holds text that cleaning marked", txt)
		}
	}
}

// seedRecord runs the whole pipeline over the reference article, published
// on 2013-04-23, and returns its record, checked against the schema; it
// skips the test when ../shared is absent.
func seedRecord(t *testing.T) eventwire.Record {
	t.Helper()
	const seed = "../../shared/seed/000_c30d04f4e9248130.txt"
	if _, err := os.Stat(seed); err != nil {
		t.Skipf("the seed article is absent (%v); it lives in ../shared beside the repository", err)
	}
	a := read(t, seed, source.Options{Published: "2013-04-23"})[0]
	d, err := newPipeline(t, Options{Entities: true}).Process(a)
	if err != nil {
		t.Fatal(err)
	}
	r := d.Record(eventwire.RecordOptions{})
	validate(t, compile(t), seed, &r)
	return r
}

// TestSeedSyntax checks the parse the event stage will read: in the seed,
// Kerry is the subject of "said", and Lavrov sits inside "talks with
// Lavrov".
func TestSeedSyntax(t *testing.T) {
	const seed = "../../shared/seed/000_c30d04f4e9248130.txt"
	if _, err := os.Stat(seed); err != nil {
		t.Skipf("the seed article is absent (%v); it lives in ../shared beside the repository", err)
	}
	d, err := newPipeline(t, Options{Syntax: true}).Process(read(t, seed, source.Options{})[0])
	if err != nil {
		t.Fatal(err)
	}
	word := func(s eventwire.Sentence, i int) string {
		return d.Slice(eventwire.Span{Start: s.Tokens[i].Start, End: s.Tokens[i].End})
	}
	var kerrySaid, talksWithLavrov bool
	for _, s := range d.Sentences {
		if !s.Tagged || !s.Parsed {
			t.Fatalf("sentence at %d not tagged and parsed", s.Start)
		}
		for i, tok := range s.Tokens {
			if tok.Head < 0 {
				continue
			}
			head := word(s, tok.Head)
			if word(s, i) == "Kerry" && tok.Deprel == "nsubj" && head == "said" {
				kerrySaid = true
			}
			// "talks with Lavrov": Lavrov lies inside the phrase that
			// "talks" heads (its head, or its head's head, ... is "talks").
			if word(s, i) == "Lavrov" && i > 1 && word(s, i-1) == "with" && word(s, i-2) == "talks" {
				for h, n := tok.Head, 0; h >= 0 && n < len(s.Tokens); h, n = s.Tokens[h].Head, n+1 {
					if h == i-2 {
						talksWithLavrov = true
						break
					}
				}
			}
		}
	}
	if !kerrySaid {
		t.Error(`no sentence has Kerry as the nsubj of "said"`)
	}
	if !talksWithLavrov {
		t.Error(`"Lavrov" is not inside the phrase headed by "talks" in "talks with Lavrov"`)
	}
}

// TestSeedEntities checks the entity stages end to end on the seed: the
// people, organisations and places it names, with the actor codes an
// event-data user would give them. Lavrov is only ever "Lavrov" there, so
// his code must come from the office-holder table.
func TestSeedEntities(t *testing.T) {
	r := seedRecord(t)
	byMention := map[string]*eventwire.Entity{}
	for i := range r.Entities {
		for _, m := range r.Entities[i].Mentions {
			byMention[m.Text] = &r.Entities[i]
		}
	}
	for _, c := range []struct{ mention, typ, code string }{
		{"Kerry", eventwire.Person, "USAGOV"},
		{"Lavrov", eventwire.Person, "RUSGOV"},
		{"Anders Fogh Rasmussen", eventwire.Person, "IGOWSTNAT"},
		{"Assad", eventwire.Person, "SYRGOV"},
		{"NATO", eventwire.Org, "IGOWSTNAT"},
		{"al-Nusra Front", eventwire.Org, "SYRREB"},
		{"State Department", eventwire.Org, "USAGOV"},
		{"Moscow", eventwire.GPE, "RUSGOV"}, // "Moscow has for months been calling for ..."
		{"Russia", eventwire.GPE, "RUS"},
		{"Brussels", eventwire.GPE, "BEL"},
		{"Turkey", eventwire.GPE, "TUR"},
	} {
		e := byMention[c.mention]
		switch {
		case e == nil:
			t.Errorf("no entity has the mention %q", c.mention)
		case e.Type != c.typ || e.Actor == nil || e.Actor.Code != c.code:
			t.Errorf("%q: entity %s %q type %s actor %+v, want type %s code %s", c.mention, e.ID, e.Name, e.Type, e.Actor, c.typ, c.code)
		}
	}
	// "he" in "suggesting he was calling for ..." is Kerry.
	if e := byMention["Kerry"]; e != nil {
		he := false
		for _, m := range e.Mentions {
			he = he || m.Kind == eventwire.MentionPronoun && strings.EqualFold(m.Text, "he")
		}
		if !he {
			t.Errorf("no pronoun resolves to Kerry: %+v", e.Mentions)
		}
	}
}
