package main

import (
	"bytes"
	"context"
	"encoding/json"
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
