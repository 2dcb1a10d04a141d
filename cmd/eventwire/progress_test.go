package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func writeFile(t *testing.T, path, content string) string {
	t.Helper()
	if strings.HasSuffix(path, ".gz") {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(content))
		zw.Close()
		content = b.String()
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// waitTotal waits for the background count of articles.
func waitTotal(t *testing.T, p *ingestProgress) {
	t.Helper()
	for start := time.Now(); p.total.Load() == 0; time.Sleep(time.Millisecond) {
		if time.Since(start) > 10*time.Second {
			t.Fatal("articles not counted")
		}
	}
}

func TestCountArticles(t *testing.T) {
	dir := t.TempDir()
	jsonl := writeFile(t, filepath.Join(dir, "a.jsonl"), "{\"text\":\"a\"}\n\n  \n{\"text\":\"b\"}\n{\"text\":\"c\"}")
	gz := writeFile(t, filepath.Join(dir, "b.JSONL.gz"), "{\"text\":\"a\"}\n{\"text\":\"b\"}\n")
	txt := writeFile(t, filepath.Join(dir, "c.txt"), "One\n\nTwo\n")
	html := writeFile(t, filepath.Join(dir, "d.html"), "<p>x</p>")
	long := writeFile(t, filepath.Join(dir, "e.jsonl"), "{\"text\":\""+strings.Repeat("x", 100000)+"\"}\n{}\n")
	for _, tt := range []struct {
		inputs []string
		format string
		n      int64
		ok     bool
	}{
		{[]string{jsonl}, "auto", 3, true},
		{[]string{jsonl, gz, txt}, "", 6, true},
		{[]string{long}, "auto", 2, true},
		{[]string{txt}, "jsonl", 2, true},
		{[]string{html}, "auto", 0, false},
		{[]string{jsonl, dir}, "auto", 0, false},
		{[]string{"-"}, "jsonl", 0, false},
		{[]string{"https://example.com/feed.jsonl"}, "auto", 0, false},
		{[]string{filepath.Join(dir, "missing.jsonl")}, "auto", 0, false},
		{nil, "auto", 0, false},
	} {
		ok := countable(tt.inputs, tt.format)
		var n int64
		if ok {
			n, ok = countArticles(context.Background(), tt.inputs, tt.format)
		}
		if n != tt.n || ok != tt.ok {
			t.Errorf("count %q (%s) = %d, %v; want %d, %v", tt.inputs, tt.format, n, ok, tt.n, tt.ok)
		}
	}
}

// Off a terminal, progress is a log line every interval, with the ETA
// once the articles are counted.
func TestIngestProgressLines(t *testing.T) {
	in := writeFile(t, filepath.Join(t.TempDir(), "a.jsonl"), strings.Repeat("{\"text\":\"a\"}\n", 10))
	var buf bytes.Buffer
	p := newIngestProgress(context.Background(), &buf, false, 0, []string{in}, "auto")
	waitTotal(t, p)
	p.update(4)
	p.finish(10, false)
	if got := buf.String(); !strings.Contains(got, "eventwire: ingest: 4 of 10 articles (40%)") || !strings.Contains(got, "ETA") {
		t.Errorf("log line %q", got)
	}
	var none *ingestProgress // off: nothing, and no panic
	none.update(1)
	none.finish(1, true)
	if none.writer(&buf) != &buf {
		t.Error("writer of no progress is not stderr")
	}
}

// On a terminal, progress is a bar with the count and the rate: a
// spinner when the number of articles is unknown.
func TestIngestProgressBar(t *testing.T) {
	in := writeFile(t, filepath.Join(t.TempDir(), "a.jsonl"), strings.Repeat("{\"text\":\"a\"}\n", 10))
	for _, tt := range []struct {
		inputs []string
		want   string
	}{
		{[]string{"-"}, "ingest 7 articles "},
		{[]string{in}, "ingest 7/7 articles ["},
	} {
		var buf bytes.Buffer
		p := newIngestProgress(context.Background(), &buf, true, 0, tt.inputs, "auto")
		if tt.inputs[0] != "-" {
			waitTotal(t, p)
		}
		p.update(7)
		p.finish(7, false)
		if got := buf.String(); !strings.Contains(got, tt.want) || !strings.Contains(got, "articles/s") {
			t.Errorf("%q: bar %q, want %q", tt.inputs, got, tt.want)
		}
	}
}
