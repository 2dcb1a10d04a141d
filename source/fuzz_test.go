package source_test

import (
	"bytes"
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/source"
)

var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// checkArticle checks what every article that Read yields must satisfy.
func checkArticle(t *testing.T, a eventwire.Article) {
	t.Helper()
	if !utf8.ValidString(a.Text) || strings.TrimSpace(a.Text) == "" || strings.IndexByte(a.Text, 0) >= 0 {
		t.Fatalf("bad text %q", a.Text)
	}
	for _, s := range []string{a.ID, a.Title, a.URL, a.Source} {
		if !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8 in %+v", a)
		}
	}
	if a.Title == "" || a.Title != strings.TrimSpace(a.Title) {
		t.Fatalf("bad title %q", a.Title)
	}
	if a.Published != "" && !isoDate.MatchString(a.Published) {
		t.Fatalf("bad published %q", a.Published)
	}
}

// checkError checks what every error that Read yields must satisfy.
func checkError(t *testing.T, a eventwire.Article, err error) *source.Error {
	t.Helper()
	var e *source.Error
	if !errors.As(err, &e) {
		t.Fatalf("%T %v is not a *source.Error", err, err)
	}
	if e.Origin.Name != "-" || a != (eventwire.Article{}) || e.Err == nil || err.Error() == "" {
		t.Fatalf("bad error %v with %+v", err, a)
	}
	return e
}

func FuzzJSONL(f *testing.F) {
	for _, s := range []string{
		`{"id": 12, "title": "Talks resume", "text": "GENEVA (Reuters) - Talks resumed.", "published": "Tue, 23 Apr 2013 10:00:00 GMT"}`,
		`{"body": "a\nb", "url": "https://example.com", "source": "Reuters"}` + "\n\n" + `{"text": ""}`,
		`{"text": "\u0000\ud800 x", "id": [1]}` + "\r\n" + `[1, 2]`,
		"{\"text\": \"\xff\"}\n{\"text\": 1e400}\n{\"text\": \"a\", \"published\": \"2013-02-29\"}",
		"\ufeff{\"text\":\"bom\"}\n   \n\x00",
		`{"text":"a","text":"b","TEXT":"c","id":-0.5e+3}`,
		"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff",
		string(must(gzipBytes(`{"text":"zipped"}` + "\n"))),
		"",
		"\n\n\n",
	} {
		f.Add([]byte(s), uint16(0))
		f.Add([]byte(s), uint16(16))
	}
	f.Fuzz(func(t *testing.T, data []byte, max uint16) {
		opt := source.Options{Stdin: bytes.NewReader(data), Format: "jsonl", MaxBytes: int64(max), Published: "2013-04-24"}
		line := 0
		lines := bytes.Count(data, []byte("\n")) + 1
		for a, err := range source.Read(context.Background(), []string{"-"}, opt) {
			var o eventwire.Origin
			if err != nil {
				o = checkError(t, a, err).Origin
				if o.Line == 0 && line == 0 {
					continue // a gzip stream that does not open
				}
			} else {
				checkArticle(t, a)
				o = a.Origin
			}
			if o.Name != "-" || o.Line <= line {
				t.Fatalf("origin %v after line %d", o, line)
			}
			line = o.Line
			if len(data) < 2 || data[0] != 0x1f || data[1] != 0x8b {
				if line > lines {
					t.Fatalf("line %d of %d", line, lines)
				}
				if err == nil && int64(max) > 0 && int64(len(a.Text)) > int64(max) {
					t.Fatalf("text of %d bytes from lines of at most %d", len(a.Text), max)
				}
			}
		}
	})
}

func FuzzText(f *testing.F) {
	for _, s := range []string{
		"Ministers agree\n\nGENEVA (Reuters) - Talks resumed.\n",
		"\ufeff\r\n  Title  \r\n\u00a0",
		"\ufeff",
		"a\x00b",
		"ab\xc3(",
		" \t\n",
		"",
		`{"text": "not JSONL here"}`,
		string(must(gzipBytes("zipped story\n"))),
	} {
		f.Add([]byte(s), uint16(0))
		f.Add([]byte(s), uint16(8))
	}
	f.Fuzz(func(t *testing.T, data []byte, max uint16) {
		for _, format := range []string{"text", "auto"} {
			opt := source.Options{Stdin: bytes.NewReader(data), Format: format, MaxBytes: int64(max)}
			n := 0
			for a, err := range source.Read(context.Background(), []string{"-"}, opt) {
				n++
				if err != nil {
					checkError(t, a, err)
					continue
				}
				checkArticle(t, a)
				gzipped := len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b
				if format == "text" {
					if n > 1 {
						t.Fatalf("%d results from one text", n)
					}
					if !gzipped && a.Text != strings.TrimPrefix(string(data), "\ufeff") {
						t.Fatalf("text %q read as %q", data, a.Text)
					}
					if max > 0 && len(a.Text) > int(max) {
						t.Fatalf("text of %d bytes, limit %d", len(a.Text), max)
					}
				}
			}
			if format == "text" && n != 1 {
				t.Fatalf("%d results from one text", n)
			}
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"2013-04-23", "2013-04-23T10:00:00.5+02:00", "Tue, 23 Apr 2013 10:00:00 GMT", "23 Apr 13 10:00 +0000",
		"April 23, 2013", "23 April 2013", "yesterday", "", "2013-02-29", "Tuesday, 23-Apr-13 10:00:00 UTC",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := source.ParseDate(s)
		if err != nil {
			if d != "" || !errors.Is(err, source.ErrBadDate) {
				t.Fatalf("ParseDate(%q) = %q, %v", s, d, err)
			}
			return
		}
		if !isoDate.MatchString(d) {
			t.Fatalf("ParseDate(%q) = %q", s, d)
		}
		if again, err := source.ParseDate(d); again != d || err != nil {
			t.Fatalf("ParseDate(%q) = %q, %v; not idempotent", d, again, err)
		}
	})
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
