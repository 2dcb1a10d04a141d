package sink

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/eventwire/eventwire"
)

func write(t *testing.T, format string, ids ...string) string {
	t.Helper()
	var buf bytes.Buffer
	s, err := New(format, &buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		r := eventwire.NewDoc(eventwire.Article{ID: id, Text: "x <b> & y"}).Record(eventwire.RecordOptions{})
		if err := s.Write(&r); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestJSONL(t *testing.T) {
	out := write(t, "jsonl", "a", "b", "c")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("want 3 lines, got %d:\n%s", len(lines), out)
	}
	for i, l := range lines {
		var r eventwire.Record
		if err := json.Unmarshal([]byte(l), &r); err != nil || r.ID != "abc"[i:i+1] {
			t.Errorf("line %d: %v, id %q", i, err, r.ID)
		}
	}
	if !strings.Contains(out, `"text":"x <b> & y"`) {
		t.Errorf("text is HTML-escaped: %s", out)
	}
	if write(t, "jsonl") != "" {
		t.Error("no records should write nothing")
	}
}

func TestJSONArray(t *testing.T) {
	for _, ids := range [][]string{nil, {"a"}, {"a", "b"}} {
		var rs []eventwire.Record
		out := write(t, "json", ids...)
		if err := json.Unmarshal([]byte(out), &rs); err != nil || len(rs) != len(ids) {
			t.Errorf("%d records: %v, got %d\n%s", len(ids), err, len(rs), out)
		}
	}
}

func TestUnknownFormat(t *testing.T) {
	if _, err := New("xml", &bytes.Buffer{}); !errors.Is(err, ErrFormat) {
		t.Errorf("err = %v, want ErrFormat", err)
	}
}

// failAfter accepts n bytes, then fails: what it accepted must be whole
// records.
type failAfter struct {
	bytes.Buffer
	n int
}

func (w *failAfter) Write(p []byte) (int, error) {
	if w.Len()+len(p) > w.n {
		return 0, errors.New("disk full")
	}
	return w.Buffer.Write(p)
}

func TestOnlyWholeRecordsReachTheWriter(t *testing.T) {
	w := &failAfter{n: 200 << 10}
	s, _ := New("jsonl", w)
	long := strings.Repeat("word ", 3000)
	var err error
	for i := 0; err == nil && i < 1000; i++ {
		r := eventwire.NewDoc(eventwire.Article{Text: long}).Record(eventwire.RecordOptions{})
		err = s.Write(&r)
	}
	if err == nil {
		t.Fatal("the writer never failed")
	}
	out := w.String()
	if !strings.HasSuffix(out, "}\n") {
		t.Errorf("output ends mid-record: ...%q", out[max(0, len(out)-40):])
	}
	for l := range strings.Lines(out) {
		if !json.Valid([]byte(l)) {
			t.Fatalf("a line is not a whole record: %.60q", l)
		}
	}
}
