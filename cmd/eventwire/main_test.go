package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/eventwire/eventwire"
)

// ew runs one command line in process and returns its exit status,
// stdout and stderr.
func ew(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errs bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errs, false)
	return code, out.String(), errs.String()
}

func records(t *testing.T, jsonl string) []eventwire.Record {
	t.Helper()
	var rs []eventwire.Record
	dec := json.NewDecoder(strings.NewReader(jsonl))
	for dec.More() {
		var r eventwire.Record
		if err := dec.Decode(&r); err != nil {
			t.Fatalf("output is not JSONL: %v\n%s", err, jsonl)
		}
		rs = append(rs, r)
	}
	return rs
}

func TestExtractExample(t *testing.T) {
	code, out, errs := ew(t, "", "extract", "--published", "2024-03-14", "../../examples/geneva-talks.txt")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	rs := records(t, out)
	if len(rs) != 1 || strings.Count(out, "\n") != 1 {
		t.Fatalf("want one JSON line, got %d records:\n%s", len(rs), out)
	}
	r := rs[0]
	if r.Title != "U.N. Envoy Says Yemen Truce Talks to Resume in Geneva Next Week" || *r.Published != "2024-03-14" {
		t.Errorf("title %q, published %v", r.Title, *r.Published)
	}
	if r.Dateline == nil || r.Dateline.Place != "GENEVA" || r.Dateline.Agency != "Reuters" {
		t.Errorf("dateline %+v", r.Dateline)
	}
	if r.Sentences != nil {
		t.Errorf("sentences written without --sentences")
	}
	if err := r.CheckOffsets(); err != nil {
		t.Error(err)
	}
}

func TestExtractJSONArrayWithSentences(t *testing.T) {
	in := `{"id":"a","text":"One. Two."}` + "\n" + `{"id":"b","text":"Three."}` + "\n"
	code, out, errs := ew(t, in, "extract", "--format", "json", "--sentences", "--workers", "2", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rs []eventwire.Record
	if err := json.Unmarshal([]byte(out), &rs); err != nil {
		t.Fatalf("not a JSON array: %v\n%s", err, out)
	}
	if len(rs) != 2 || rs[0].ID != "a" || rs[1].ID != "b" || len(rs[0].Sentences) != 2 {
		t.Errorf("got %+v", rs)
	}
}

func TestExtractBadInputGoesOn(t *testing.T) {
	in := "{\"text\":\"Good one.\"}\nnot json\n{\"title\":\"no text\"}\n{\"text\":\"Good two.\"}\n"
	code, out, errs := ew(t, in, "extract")
	if code != exitFailed {
		t.Errorf("exit %d, want %d", code, exitFailed)
	}
	if rs := records(t, out); len(rs) != 2 {
		t.Errorf("want the 2 good articles written, got %d", len(rs))
	}
	for _, want := range []string{"eventwire: -:2: ", "eventwire: -:3: ", "2 input(s) failed"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"extract", "--published", "yesterday-ish"},
		{"extract", "--format", "xml"},
		{"extract", "--no-such-flag"},
		{"frobnicate"},
	} {
		code, out, errs := ew(t, "", args...)
		if code != exitUsage || out != "" || errs == "" {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit %d and a message", args, code, out, errs, exitUsage)
		}
	}
}

func TestMissingFile(t *testing.T) {
	code, _, errs := ew(t, "", "extract", "no/such/file.txt")
	if code != exitFailed || !strings.Contains(errs, "no/such/file.txt") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}

func TestHelpAndSchema(t *testing.T) {
	if code, out, _ := ew(t, "", "--help"); code != 0 || !strings.Contains(out, "extract") {
		t.Errorf("--help: exit %d\n%s", code, out)
	}
	code, out, _ := ew(t, "", "schema")
	if code != 0 || !json.Valid([]byte(out)) {
		t.Errorf("schema: exit %d, valid JSON %v", code, json.Valid([]byte(out)))
	}
}

func TestParseCoNLLU(t *testing.T) {
	in := "# sent_id = 1\n# text = Kerry met Lavrov.\n1\tKerry\t_\t_\t_\t_\t_\t_\t_\t_\n2\tmet\t_\t_\t_\t_\t_\t_\t_\t_\n3\tLavrov\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n4\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n"
	code, out, errs := ew(t, in, "parse", "--conllu")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(out, "\n")
	if lines[0] != "# sent_id = 1" || lines[1] != "# text = Kerry met Lavrov." || !strings.HasSuffix(lines[4], "SpaceAfter=No") {
		t.Errorf("comments or columns not kept:\n%s", out)
	}
	roots := 0
	for _, l := range lines[2:6] {
		cols := strings.Split(l, "\t")
		if len(cols) != 10 || cols[3] == "_" || cols[2] == "_" || cols[6] == "_" || cols[7] == "_" {
			t.Errorf("columns not filled: %q", l)
		}
		if len(cols) == 10 && cols[6] == "0" {
			roots++
		}
	}
	if roots != 1 {
		t.Errorf("%d roots, want 1:\n%s", roots, out)
	}
}

func TestParseCoNLLUMalformed(t *testing.T) {
	code, _, errs := ew(t, "1\tKerry\t_\n", "parse", "--conllu")
	if code == 0 || !strings.Contains(errs, "line 1") {
		t.Errorf("exit %d, stderr %q; want a failure naming line 1", code, errs)
	}
}

func TestExtractSyntax(t *testing.T) {
	code, out, errs := ew(t, `{"text":"Kerry met Lavrov in Brussels."}`+"\n", "extract", "--syntax")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	rs := records(t, out)
	if len(rs) != 1 || len(rs[0].Sentences) != 1 {
		t.Fatalf("want one record with one sentence:\n%s", out)
	}
	s := rs[0].Sentences[0]
	if !s.Tagged || !s.Parsed || len(s.Tokens) != 6 {
		t.Fatalf("sentence not tagged and parsed: %+v", s)
	}
	if tok := s.Tokens[1]; tok.Lemma != "meet" || tok.Head != -1 || tok.Deprel != "root" {
		t.Errorf("met = %+v, want lemma meet at the root", tok)
	}
}

func TestTrainNeedsATreebank(t *testing.T) {
	dir := t.TempDir()
	code, _, errs := ew(t, "", "train", "tagger", "--data", dir, "--out", dir+"/m.gz")
	if code != exitUsage || !strings.Contains(errs, "not a UD treebank") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}

// TestExtractKnowledge checks that --knowledge carries what one run
// learned into the next, and that a broken file stops the run before it
// starts.
func TestExtractKnowledge(t *testing.T) {
	dir := t.TempDir()
	kb := filepath.Join(dir, "kb.json")
	first := filepath.Join(dir, "first.txt")
	later := filepath.Join(dir, "later.txt")
	write(t, first, "Minister visits\n\nMoldovan Foreign Minister Amara Velkova arrived in Kiev on Monday.\n")
	write(t, later, "Talks\n\nVelkova met officials in Paris on Tuesday.\n")

	code := func(r eventwire.Record) string {
		for _, e := range r.Entities {
			if strings.HasSuffix(e.Name, "Velkova") && e.Actor != nil {
				return e.Actor.Code
			}
		}
		return ""
	}
	_, out, _ := ew(t, "", "extract", "--published", "2024-05-07", later)
	if c := code(records(t, out)[0]); c != "" {
		t.Fatalf("Velkova coded %q with nothing learned", c)
	}
	if n, _, errs := ew(t, "", "extract", "--published", "2024-05-06", "--knowledge", kb, first); n != 0 {
		t.Fatalf("exit %d: %s", n, errs)
	}
	n, out, errs := ew(t, "", "extract", "--published", "2024-05-07", "--knowledge", kb, later)
	if n != 0 {
		t.Fatalf("exit %d: %s", n, errs)
	}
	if c := code(records(t, out)[0]); c != "MDAGOV" {
		t.Errorf("Velkova coded %q after the first run, want MDAGOV", c)
	}

	write(t, kb, "[not json")
	if n, _, errs := ew(t, "", "extract", "--knowledge", kb, later); n != exitUsage || !strings.Contains(errs, kb) {
		t.Errorf("broken knowledge file: exit %d, stderr %q", n, errs)
	}
}

func write(t *testing.T, name, s string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

const conllSample = "-DOCSTART- -X- -X- O\n\nKerry NNP B-NP B-PER\nmet VBD B-VP O\nLavrov NNP B-NP B-PER\nin IN B-PP O\nBrussels NNP B-NP B-LOC\n. . O O\n"

func TestTagCoNLL(t *testing.T) {
	code, out, errs := ew(t, conllSample, "tag", "--conll")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	want := []string{"-DOCSTART- -X- -X- O O", "", "Kerry NNP B-NP B-PER B-PER", "met VBD B-VP O O"}
	if len(lines) != 8 || !slices.Equal(lines[:4], want) {
		t.Errorf("tag --conll wrote\n%s\nwant 8 lines starting\n%s", out, strings.Join(want, "\n"))
	}
	if code, _, errs := ew(t, "1\tKerry\tO\n3\tmet\tO\n", "tag", "--conll"); code == 0 || !strings.Contains(errs, "stdin:2:") {
		t.Errorf("a token index out of order: exit %d, stderr %q", code, errs)
	}
}

func TestEvalNER(t *testing.T) {
	gold := filepath.Join(t.TempDir(), "gold.conll")
	write(t, gold, conllSample)
	code, out, errs := ew(t, "", "eval", "ner", "--data", gold)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, w := range []string{"PER ", "LOC ", "PER/ORG/LOC"} {
		if !strings.Contains(out, w) {
			t.Errorf("eval ner output lacks %q:\n%s", w, out)
		}
	}
}

// TestExtractVerbs checks that --verbs reads a PETRARCH-2 verb dictionary
// before the built-in one, and that a malformed code is named and
// skipped, never emitted.
func TestExtractVerbs(t *testing.T) {
	dict := filepath.Join(t.TempDir(), "verbs.txt")
	write(t, dict, "####### VERB PATTERNS #######\n---  HUG   [051]  ---\nHUG\n\n---  SNUB   [120]---  ---\nSNUB\n")
	const in = "Russia hugged Ukraine.\n"
	codes := func(out string) []string {
		var cs []string
		for _, r := range records(t, out) {
			for _, v := range r.Events {
				cs = append(cs, v.CAMEO+" "+v.Trigger.Text)
			}
		}
		return cs
	}
	code, out, errs := ew(t, in, "extract")
	if code != 0 || len(codes(out)) != 0 {
		t.Fatalf("without --verbs: exit %d, events %v, stderr %q", code, codes(out), errs)
	}
	code, out, errs = ew(t, in, "extract", "--verbs", dict)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if got := codes(out); !slices.Equal(got, []string{"051 hugged"}) {
		t.Errorf("events %v, want [051 hugged]", got)
	}
	if !strings.Contains(errs, dict+`:5: malformed code "[120]---" skipped`) {
		t.Errorf("stderr does not name the malformed code: %q", errs)
	}
	code, _, errs = ew(t, in, "extract", "--verbs", filepath.Join(t.TempDir(), "missing.txt"))
	if code != 2 || !strings.Contains(errs, "missing.txt") {
		t.Errorf("missing dictionary: exit %d, stderr %q", code, errs)
	}
}
