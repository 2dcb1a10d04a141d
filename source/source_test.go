package source_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/source"
)

// Short wire-style texts written for these tests.
const (
	storyA = "Ministers agree to resume talks\n\nGENEVA (Reuters) - Foreign ministers agreed on Monday to resume talks next week, officials said.\n"
	storyB = "Port strike enters second day\n\nLAGOS (Reuters) - Dock workers stayed off the job for a second day on Tuesday.\n"
)

// result is one pair that Read yielded.
type result struct {
	a   eventwire.Article
	err error
}

func readAll(t *testing.T, names []string, opt source.Options) []result {
	t.Helper()
	var out []result
	for a, err := range source.Read(context.Background(), names, opt) {
		out = append(out, result{a, err})
	}
	return out
}

func readStdin(t *testing.T, in string, opt source.Options) []result {
	t.Helper()
	opt.Stdin = strings.NewReader(in)
	return readAll(t, []string{"-"}, opt)
}

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func gz(t *testing.T, s string) string {
	t.Helper()
	b, err := gzipBytes(s)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// gzipBytes compresses s.
func gzipBytes(s string) ([]byte, error) {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	if _, err := w.Write([]byte(s)); err != nil {
		return nil, err
	}
	err := w.Close()
	return b.Bytes(), err
}

// origins lists where each result came from, "!" marking an error.
func origins(rs []result) []string {
	var o []string
	for _, r := range rs {
		if r.err != nil {
			var e *source.Error
			if errors.As(r.err, &e) {
				o = append(o, "!"+e.Origin.String())
			} else {
				o = append(o, "!"+r.err.Error())
			}
			continue
		}
		o = append(o, r.a.Origin.String())
	}
	return o
}

func rel(dir string, names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = strings.ReplaceAll(n, dir+string(filepath.Separator), "")
	}
	return out
}

func one(t *testing.T, rs []result) eventwire.Article {
	t.Helper()
	if len(rs) != 1 || rs[0].err != nil {
		t.Fatalf("want one article, got %v", rs)
	}
	return rs[0].a
}

func TestReadText(t *testing.T) {
	tests := []struct {
		name, content     string
		opt               source.Options
		title, text, date string
	}{
		{"plain", storyA, source.Options{}, "Ministers agree to resume talks", storyA, ""},
		{"leading blank lines", "\n  \n\t  Port strike enters second day  \r\nLAGOS (Reuters) -", source.Options{},
			"Port strike enters second day", "\n  \n\t  Port strike enters second day  \r\nLAGOS (Reuters) -", ""},
		{"bom", "\ufeff" + storyB, source.Options{}, "Port strike enters second day", storyB, ""},
		{"no final newline", "One line only", source.Options{}, "One line only", "One line only", ""},
		{"default date", storyA, source.Options{Published: "April 23, 2013"}, "Ministers agree to resume talks", storyA, "2013-04-23"},
		{"forced text", `{"text": "looks like JSON"}`, source.Options{Format: "text"}, `{"text": "looks like JSON"}`, `{"text": "looks like JSON"}`, ""},
		{"exactly the limit", "12345", source.Options{MaxBytes: 5}, "12345", "12345", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := write(t, t.TempDir(), "story.txt", tt.content)
			a := one(t, readAll(t, []string{p}, tt.opt))
			want := eventwire.Article{Title: tt.title, Text: tt.text, Published: tt.date, Origin: eventwire.Origin{Name: p}}
			if a != want {
				t.Errorf("got  %+v\nwant %+v", a, want)
			}
			// Standard input reads the same.
			a = one(t, readStdin(t, tt.content, tt.opt))
			want.Origin.Name = "-"
			if a != want {
				t.Errorf("stdin: got  %+v\nwant %+v", a, want)
			}
		})
	}
}

func TestReadDirectory(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "b.txt", storyB)
	write(t, dir, "a.txt", storyA)
	write(t, dir, "sub/c.txt", storyA)
	write(t, dir, "sub/deeper/d.txt", storyB)
	write(t, dir, "sub.txt", storyB)
	write(t, dir, "sub/.hidden.txt", storyA)
	write(t, dir, ".git/config.txt", storyA)
	write(t, dir, "z.jsonl", `{"text":"one"}`+"\n\n"+`{"text":"two"}`+"\n")
	write(t, dir, "bad.txt", "  \n")
	if err := os.Symlink(filepath.Join(dir, "a.txt"), filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	got := rel(dir, origins(readAll(t, []string{dir}, source.Options{})))
	want := []string{"a.txt", "b.txt", "!bad.txt", "sub/c.txt", "sub/deeper/d.txt", "sub.txt", "z.jsonl:1", "z.jsonl:3"}
	for i := range want {
		want[i] = filepath.FromSlash(want[i])
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got  %q\nwant %q", got, want)
	}

	// Names are read in the order given; a hidden file or a symbolic link
	// named outright is read.
	got = rel(dir, origins(readAll(t, []string{filepath.Join(dir, "sub/.hidden.txt"), filepath.Join(dir, "link.txt"), filepath.Join(dir, "sub/deeper")}, source.Options{})))
	want = []string{filepath.FromSlash("sub/.hidden.txt"), "link.txt", filepath.FromSlash("sub/deeper/d.txt")}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got  %q\nwant %q", got, want)
	}

	// A symbolic link to a directory, named outright, is walked.
	if err := os.Symlink(filepath.Join(dir, "sub"), filepath.Join(dir, "linkdir")); err != nil {
		t.Fatal(err)
	}
	got = rel(dir, origins(readAll(t, []string{filepath.Join(dir, "linkdir")}, source.Options{})))
	want = []string{filepath.FromSlash("linkdir/c.txt"), filepath.FromSlash("linkdir/deeper/d.txt")}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestReadGlob checks that a pattern the shell left unexpanded is read as
// the names it matches, in lexical order, and that one that matches
// nothing or is malformed is a failed input.
func TestReadGlob(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "b.txt", storyB)
	write(t, dir, "a.txt", storyA)
	write(t, dir, "c.jsonl", `{"text":"one"}`+"\n")
	write(t, dir, "sub/d.txt", storyA)
	tests := []struct {
		pattern string
		want    []string
	}{
		{"*.txt", []string{"a.txt", "b.txt"}},
		{"[ab].txt", []string{"a.txt", "b.txt"}},
		{"s*", []string{"sub/d.txt"}},
		{"*.jsonl", []string{"c.jsonl:1"}},
		{"*.xml", []string{"!*.xml"}},
		{"[a.txt", []string{"![a.txt"}},
	}
	for _, tt := range tests {
		got := rel(dir, origins(readAll(t, []string{filepath.Join(dir, tt.pattern)}, source.Options{})))
		for i := range tt.want {
			tt.want[i] = filepath.FromSlash(tt.want[i])
		}
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("%s: got %q, want %q", tt.pattern, got, tt.want)
		}
	}
}

func TestReadGzip(t *testing.T) {
	dir := t.TempDir()
	jsonl := `{"id":"x1","text":"` + "GENEVA (Reuters) - Talks resumed." + `"}` + "\n"
	tests := []struct {
		name, content string
		want          []string // origins, then Text of the first article
		text          string
	}{
		{"story.txt.gz", gz(t, storyA), []string{"story.txt.gz"}, storyA},
		{"story.gz", gz(t, "\ufeff"+storyB), []string{"story.gz"}, storyB},
		{"no-extension", gz(t, storyA), []string{"no-extension"}, storyA},
		{"feed.jsonl.gz", gz(t, jsonl+jsonl), []string{"feed.jsonl.gz:1", "feed.jsonl.gz:2"}, "GENEVA (Reuters) - Talks resumed."},
		{"feed.gz", gz(t, "\n"+jsonl), []string{"feed.gz:2"}, "GENEVA (Reuters) - Talks resumed."},
		{"feed.NDJSON.GZ", gz(t, jsonl), []string{"feed.NDJSON.GZ:1"}, "GENEVA (Reuters) - Talks resumed."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := write(t, dir, tt.name, tt.content)
			rs := readAll(t, []string{p}, source.Options{})
			if got := rel(dir, origins(rs)); strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			if rs[0].a.Text != tt.text {
				t.Errorf("text %q, want %q", rs[0].a.Text, tt.text)
			}
		})
	}
	// Standard input is decompressed too.
	if a := one(t, readStdin(t, gz(t, jsonl), source.Options{})); a.ID != "x1" {
		t.Errorf("stdin gzip: got %+v", a)
	}
}

func TestReadJSONL(t *testing.T) {
	tests := []struct {
		name, line string
		opt        source.Options
		want       eventwire.Article // Origin is -:1
	}{
		{"id as number", `{"id": 12345, "text": "a"}`, source.Options{},
			eventwire.Article{ID: "12345", Title: "a", Text: "a"}},
		{"id as big number", `{"id": 123456789012345678901, "text": "a"}`, source.Options{},
			eventwire.Article{ID: "123456789012345678901", Title: "a", Text: "a"}},
		{"id as string", `{"id": "rtr-0001", "text": "a"}`, source.Options{},
			eventwire.Article{ID: "rtr-0001", Title: "a", Text: "a"}},
		{"text wins over body", `{"body": "B", "text": "T"}`, source.Options{},
			eventwire.Article{Title: "T", Text: "T"}},
		{"body", `{"body": "B\nmore"}`, source.Options{},
			eventwire.Article{Title: "B", Text: "B\nmore"}},
		{"empty text falls back to body", `{"text": "", "body": "B"}`, source.Options{},
			eventwire.Article{Title: "B", Text: "B"}},
		{"null text falls back to body", `{"text": null, "body": "B"}`, source.Options{},
			eventwire.Article{Title: "B", Text: "B"}},
		{"title from text", `{"text": "\n\n  Ministers agree  \nGENEVA (Reuters) - ..."}`, source.Options{},
			eventwire.Article{Title: "Ministers agree", Text: "\n\n  Ministers agree  \nGENEVA (Reuters) - ..."}},
		{"all fields", `{"id":"r1","title":" Port strike ","url":"https://example.com/a","source":"Reuters","published":"2013-04-23","text":"LAGOS (Reuters) - Strike.","extra":[1,{"x":2}]}`, source.Options{},
			eventwire.Article{ID: "r1", Title: "Port strike", URL: "https://example.com/a", Source: "Reuters", Published: "2013-04-23", Text: "LAGOS (Reuters) - Strike."}},
		{"published normalised", `{"text":"a","published":"Tue, 23 Apr 2013 10:00:00 GMT"}`, source.Options{},
			eventwire.Article{Title: "a", Text: "a", Published: "2013-04-23"}},
		{"published default", `{"text":"a"}`, source.Options{Published: "2013-04-24T08:00:00Z"},
			eventwire.Article{Title: "a", Text: "a", Published: "2013-04-24"}},
		{"published null takes default", `{"text":"a","published":null}`, source.Options{Published: "24 April 2013"},
			eventwire.Article{Title: "a", Text: "a", Published: "2013-04-24"}},
		{"published wins over default", `{"text":"a","published":"April 22, 2013"}`, source.Options{Published: "2013-04-24"},
			eventwire.Article{Title: "a", Text: "a", Published: "2013-04-22"}},
		{"escapes", `{"text":"caf\u00e9 \"quoted\"\ttab"}`, source.Options{},
			eventwire.Article{Title: "café \"quoted\"\ttab", Text: "café \"quoted\"\ttab"}},
		{"CRLF", "{\"text\":\"a\"}\r\n", source.Options{},
			eventwire.Article{Title: "a", Text: "a"}},
		{"BOM", "\ufeff{\"text\":\"a\"}\n", source.Options{},
			eventwire.Article{Title: "a", Text: "a"}},
		{"forced jsonl", ` {"text":"a"}`, source.Options{Format: "jsonl"},
			eventwire.Article{Title: "a", Text: "a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := one(t, readStdin(t, tt.line, tt.opt))
			tt.want.Origin = eventwire.Origin{Name: "-", Line: 1}
			if a != tt.want {
				t.Errorf("got  %+v\nwant %+v", a, tt.want)
			}
		})
	}
}

func TestReadJSONLLines(t *testing.T) {
	in := "\n" + `{"text":"one"}` + "\n   \n\t\r\n" + `{"text":"two"}` + "\r\n" + `{"text":"three"}`
	got := origins(readStdin(t, in, source.Options{}))
	want := []string{"-:2", "-:5", "-:6"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got %q, want %q", got, want)
	}
	// Lines longer than the read buffer, up to exactly the limit.
	long := strings.Repeat("Talks resumed. ", 20000)
	in = `{"text":"` + long + `"}` + "\n" + `{"text":"short"}` + "\n" + `{"text":"` + long[:100000] + `"}` + "\r\n"
	rs := readStdin(t, in, source.Options{MaxBytes: int64(len(long) + 11)})
	if len(rs) != 3 || rs[0].a.Text != long || rs[1].a.Text != "short" || rs[2].a.Text != long[:100000] {
		t.Errorf("long lines: got %d results %v", len(rs), origins(rs))
	}
	rs = readStdin(t, in, source.Options{MaxBytes: int64(len(long) + 10)})
	if got := strings.Join(origins(rs), " "); got != "!-:1 -:2 -:3" {
		t.Errorf("long lines one byte over: got %s", got)
	}

	// An empty JSONL input holds no article and is no error.
	if rs := readStdin(t, "", source.Options{Format: "jsonl"}); len(rs) != 0 {
		t.Errorf("empty JSONL: got %v", rs)
	}
}

func TestBadInput(t *testing.T) {
	const big = 1 << 10
	tests := []struct {
		name     string
		file     string // the input's file name; "-" for stdin
		content  string
		opt      source.Options
		want     error
		msg      string // the whole message, NAME standing for the file name
		articles int    // good articles read as well
	}{
		// Plain text.
		{"text invalid UTF-8", "a.txt", "Title\nab\xffcd", source.Options{}, source.ErrInvalidUTF8,
			"NAME: invalid UTF-8 at byte offset 8", 0},
		{"text invalid UTF-8 after BOM", "a.txt", "\ufeffab\xc3(", source.Options{}, source.ErrInvalidUTF8,
			"NAME: invalid UTF-8 at byte offset 5", 0},
		{"text invalid UTF-8 on stdin", "-", "\xe2\x82", source.Options{}, source.ErrInvalidUTF8,
			"-: invalid UTF-8 at byte offset 0", 0},
		{"text UTF-16", "a.txt", "\xff\xfeT\x00i\x00", source.Options{}, source.ErrInvalidUTF8,
			"NAME: invalid UTF-8 at byte offset 0: a UTF-16 byte-order mark (convert the input to UTF-8)", 0},
		{"jsonl UTF-16", "a.jsonl", "\xfe\xff\x00{\x00}", source.Options{}, source.ErrInvalidUTF8,
			"NAME:1: invalid UTF-8 at byte offset 0 of the line: a UTF-16 byte-order mark (convert the input to UTF-8)", 0},
		{"text NUL", "a.bin", "abc\x00def", source.Options{}, source.ErrNUL,
			"NAME: NUL byte at byte offset 3 (binary file?)", 0},
		{"text empty", "a.txt", "", source.Options{}, source.ErrEmpty,
			"NAME: empty article: no text", 0},
		{"text whitespace", "a.txt", " \n\t\r\n\u00a0\n", source.Options{}, source.ErrEmpty,
			"NAME: empty article: only whitespace", 0},
		{"text BOM only", "a.txt", "\ufeff", source.Options{}, source.ErrEmpty,
			"NAME: empty article: no text", 0},
		{"text too large", "a.txt", "12345678901", source.Options{MaxBytes: 10}, source.ErrTooLarge,
			"NAME: article too large: 11 bytes, over the 10-byte limit", 0},
		{"text too large on stdin", "-", "12345678901", source.Options{MaxBytes: 10}, source.ErrTooLarge,
			"-: article too large: over the 10-byte limit", 0},
		{"text too large gzip", "a.txt.gz", gz(t, strings.Repeat("x", big+1)), source.Options{MaxBytes: big}, source.ErrTooLarge,
			"NAME: article too large: over the 1024-byte limit", 0},

		// Gzip.
		{"gzip corrupt", "a.gz", gz(t, storyA)[:20] + "garbage garbage garbage", source.Options{}, source.ErrGzip,
			"NAME: corrupt gzip: flate: corrupt input before offset 22", 0},
		{"gzip truncated", "a.txt.gz", gz(t, storyA)[:30], source.Options{}, source.ErrGzip,
			"NAME: corrupt gzip: unexpected EOF", 0},
		{"gzip bad header", "a.gz", "\x1f\x8b\x00\x00", source.Options{}, source.ErrGzip,
			"NAME: corrupt gzip: unexpected EOF", 0},
		{"gzip bad checksum", "a.jsonl.gz", corruptCRC(gz(t, `{"text":"a"}`)), source.Options{}, source.ErrGzip,
			"NAME:1: corrupt gzip: gzip: invalid checksum", 0},

		// JSONL.
		{"jsonl invalid UTF-8", "a.jsonl", `{"text":"ok"}` + "\n" + `{"text":"ab` + "\xff" + `"}`, source.Options{}, source.ErrInvalidUTF8,
			"NAME:2: invalid UTF-8 at byte offset 11 of the line", 1},
		{"jsonl invalid UTF-8 after BOM", "a.jsonl", "\ufeff{\"text\":\"\xc0\xaf\"}", source.Options{}, source.ErrInvalidUTF8,
			"NAME:1: invalid UTF-8 at byte offset 12 of the line", 0},
		{"jsonl NUL", "a.jsonl", "{\"text\":\"a\x00\"}\n{\"text\":\"ok\"}", source.Options{}, source.ErrNUL,
			"NAME:1: NUL byte at byte offset 10 of the line (binary file?)", 1},
		{"jsonl escaped NUL", "a.jsonl", `{"text":"ab\u0000"}`, source.Options{}, source.ErrNUL,
			"NAME:1: NUL byte at byte offset 2 of the text", 0},
		{"jsonl not JSON", "a.jsonl", "BRUSSELS (Reuters) -\n{\"text\":\"ok\"}", source.Options{}, source.ErrNotJSON,
			"NAME:1: not a JSON object: invalid character 'B' looking for beginning of value at byte offset 0 of the line", 1},
		{"jsonl trailing comma", "a.jsonl", `{"text": "a",}`, source.Options{}, source.ErrNotJSON,
			"NAME:1: not a JSON object: invalid character '}' looking for beginning of object key string at byte offset 13 of the line", 0},
		{"jsonl truncated", "a.jsonl", `{"text": "a"`, source.Options{}, source.ErrNotJSON,
			"NAME:1: not a JSON object: unexpected end of JSON input", 0},
		{"jsonl two values", "a.jsonl", `{"text": "a"} {}`, source.Options{}, source.ErrNotJSON,
			"NAME:1: not a JSON object: invalid character '{' after top-level value at byte offset 14 of the line", 0},
		{"jsonl array", "a.jsonl", `[{"text": "a"}]`, source.Options{}, source.ErrNotJSON,
			"NAME:1: not a JSON object: the line is an array", 0},
		{"jsonl string", "a.jsonl", `"text"`, source.Options{}, source.ErrNotJSON,
			"NAME:1: not a JSON object: the line is a string", 0},
		{"jsonl null", "a.jsonl", `null`, source.Options{}, source.ErrNotJSON,
			"NAME:1: not a JSON object: the line is null", 0},
		{"jsonl no text", "a.jsonl", `{"title": "Only a title"}`, source.Options{}, source.ErrNoText,
			`NAME:1: no article text: no "text" or "body" field`, 0},
		{"jsonl empty text", "a.jsonl", `{"text": "", "body": null}`, source.Options{}, source.ErrNoText,
			`NAME:1: no article text: "text" and "body" are empty`, 0},
		{"jsonl text not a string", "a.jsonl", `{"text": 42}`, source.Options{}, source.ErrNoText,
			`NAME:1: no article text: field "text" is a number, not a string`, 0},
		{"jsonl body not a string", "a.jsonl", `{"body": ["a"]}`, source.Options{}, source.ErrNoText,
			`NAME:1: no article text: field "body" is an array, not a string`, 0},
		{"jsonl whitespace text", "a.jsonl", `{"text": " \n\t "}`, source.Options{}, source.ErrEmpty,
			"NAME:1: empty article: only whitespace", 0},
		{"jsonl bad title", "a.jsonl", `{"text": "a", "title": 7}`, source.Options{}, source.ErrBadField,
			`NAME:1: bad field "title": want a string, got a number`, 0},
		{"jsonl bad url", "a.jsonl", `{"text": "a", "url": {"href": "x"}}`, source.Options{}, source.ErrBadField,
			`NAME:1: bad field "url": want a string, got an object`, 0},
		{"jsonl bad source", "a.jsonl", `{"text": "a", "source": true}`, source.Options{}, source.ErrBadField,
			`NAME:1: bad field "source": want a string, got a boolean`, 0},
		{"jsonl bad id", "a.jsonl", `{"text": "a", "id": [1]}`, source.Options{}, source.ErrBadField,
			`NAME:1: bad field "id": want a string or number, got an array`, 0},
		{"jsonl bad published type", "a.jsonl", `{"text": "a", "published": 20130423}`, source.Options{}, source.ErrBadField,
			`NAME:1: bad field "published": want a string, got a number`, 0},
		{"jsonl bad date", "a.jsonl", `{"text": "a", "published": "yesterday"}` + "\n" + `{"text": "b"}`, source.Options{}, source.ErrBadDate,
			`NAME:1: field "published": bad date "yesterday" (want YYYY-MM-DD, RFC 3339, RFC 1123, "April 23, 2013" or "23 April 2013")`, 1},
		{"jsonl line too large", "a.jsonl", `{"text":"a"}` + "\n" + `{"text":"` + strings.Repeat("x", 30) + `"}` + "\n" + `{"text":"c"}`, source.Options{MaxBytes: 20}, source.ErrTooLarge,
			"NAME:2: article too large: line of 41 bytes, over the 20-byte limit", 2},
		{"jsonl line too large by CR", "a.jsonl", `{"text":"abcdefgh"}` + "\r\n" + `{"text":"abcdefghij"}` + "\r\n", source.Options{MaxBytes: 20}, source.ErrTooLarge,
			"NAME:2: article too large: line of 21 bytes, over the 20-byte limit", 1},
		{"jsonl read error", "-", "", source.Options{}, source.ErrRead,
			"-:2: read error: disk on fire", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rs []result
			name := "-"
			if tt.file == "-" {
				opt := tt.opt
				opt.Stdin = strings.NewReader(tt.content)
				if tt.want == source.ErrRead {
					opt.Stdin = io.MultiReader(strings.NewReader(`{"text":"ok"}`+"\n{\"te"), iotest.ErrReader(errors.New("disk on fire")))
				}
				rs = readAll(t, []string{"-"}, opt)
			} else {
				dir := t.TempDir()
				name = write(t, dir, tt.file, tt.content)
				// A good file after the bad one is still read.
				rs = readAll(t, []string{name, write(t, dir, "good.txt", "Short.\n")}, tt.opt)
				tt.articles++
			}
			var errs []error
			articles := 0
			for _, r := range rs {
				if r.err != nil {
					errs = append(errs, r.err)
					if r.a != (eventwire.Article{}) {
						t.Errorf("error with an article: %+v", r.a)
					}
				} else {
					articles++
				}
			}
			if len(errs) != 1 {
				t.Fatalf("got errors %v, want one", errs)
			}
			err := errs[0]
			var se *source.Error
			if !errors.As(err, &se) {
				t.Fatalf("%T is not a *source.Error", err)
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("%v is not %v", err, tt.want)
			}
			if want := strings.Replace(tt.msg, "NAME", name, 1); err.Error() != want {
				t.Errorf("message\n got %s\nwant %s", err, want)
			}
			if articles != tt.articles {
				t.Errorf("got %d articles, want %d", articles, tt.articles)
			}
		})
	}
}

// corruptCRC flips a bit of the CRC-32 in a gzip stream's trailer.
func corruptCRC(s string) string {
	b := []byte(s)
	b[len(b)-8] ^= 1
	return string(b)
}

func TestReadUnreadable(t *testing.T) {
	dir := t.TempDir()
	good := write(t, dir, "good.txt", storyA)
	file := write(t, dir, "file.txt", storyB)
	missing := filepath.Join(dir, "missing.txt")
	rs := readAll(t, []string{missing, file + "/x", good}, source.Options{})
	if got := rel(dir, origins(rs)); strings.Join(got, " ") != "!missing.txt !file.txt/x good.txt" {
		t.Fatalf("got %q", got)
	}
	err := rs[0].err
	var pe *fs.PathError
	if !errors.Is(err, fs.ErrNotExist) || !errors.As(err, &pe) {
		t.Errorf("%v: not fs.ErrNotExist or not an *fs.PathError", err)
	}
	if want := missing + ": no such file or directory"; err.Error() != want {
		t.Errorf("got %q, want %q", err, want)
	}
	if want := file + "/x: not a directory"; rs[1].err.Error() != want {
		t.Errorf("got %q, want %q", rs[1].err, want)
	}

	if os.Geteuid() == 0 {
		t.Skip("permissions do not bind root")
	}
	locked := write(t, dir, "tree/locked.txt", storyA)
	write(t, dir, "tree/open.txt", storyA)
	write(t, dir, "tree/sealed/x.txt", storyA)
	for _, p := range []string{locked, filepath.Join(dir, "tree/sealed")} {
		if err := os.Chmod(p, 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(p, 0o755) })
	}
	rs = readAll(t, []string{filepath.Join(dir, "tree")}, source.Options{})
	if got := rel(dir, origins(rs)); strings.Join(got, " ") != filepath.FromSlash("!tree/locked.txt tree/open.txt !tree/sealed") {
		t.Fatalf("got %q", got)
	}
	if !errors.Is(rs[0].err, fs.ErrPermission) || !strings.HasSuffix(rs[0].err.Error(), "locked.txt: permission denied") {
		t.Errorf("got %v", rs[0].err)
	}
}

func TestReadOptions(t *testing.T) {
	tests := []struct {
		opt  source.Options
		want []error
		msg  string
	}{
		{source.Options{Format: "xml"}, []error{source.ErrBadOption}, `bad option: format "xml": want auto, text, jsonl, html, feed or warc`},
		{source.Options{Timeout: -1}, []error{source.ErrBadOption}, `bad option: Timeout -1ns is negative`},
		{source.Options{MaxBytes: -1}, []error{source.ErrBadOption}, `bad option: MaxBytes -1 is negative`},
		{source.Options{Published: "soon"}, []error{source.ErrBadOption, source.ErrBadDate}, `bad option: default published date: bad date "soon" (want YYYY-MM-DD, RFC 3339, RFC 1123, "April 23, 2013" or "23 April 2013")`},
	}
	for _, tt := range tests {
		rs := readStdin(t, storyA, tt.opt)
		if len(rs) != 1 || rs[0].err == nil {
			t.Fatalf("%+v: got %v, want one error", tt.opt, rs)
		}
		for _, w := range tt.want {
			if !errors.Is(rs[0].err, w) {
				t.Errorf("%v is not %v", rs[0].err, w)
			}
		}
		if rs[0].err.Error() != tt.msg {
			t.Errorf("got %q, want %q", rs[0].err, tt.msg)
		}
	}
	if rs := readAll(t, nil, source.Options{}); len(rs) != 0 {
		t.Errorf("no names: got %v", rs)
	}
}

func TestReadStopsEarly(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"a.txt", "b.txt", "c/d.txt", "e.jsonl"} {
		write(t, dir, n, storyA)
	}
	write(t, dir, "f.jsonl", strings.Repeat(`{"text":"a"}`+"\n", 10))
	fds := openFiles(t)
	for _, stop := range []int{1, 2, 3, 4, 5, 8} {
		n := 0
		for range source.Read(context.Background(), []string{dir, dir}, source.Options{}) {
			n++
			if n == stop {
				break
			}
		}
		if n != stop {
			t.Errorf("stop at %d: ranged %d times", stop, n)
		}
	}
	readAll(t, []string{dir, "-"}, source.Options{Stdin: strings.NewReader(storyA)})
	if got := openFiles(t); got != fds {
		t.Errorf("%d files open after reading, %d before", got, fds)
	}
}

// openFiles counts the open file descriptors of the process, where it can.
func openFiles(t *testing.T) int {
	t.Helper()
	ents, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		return -1
	}
	return len(ents)
}

func TestReadCancel(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"a.txt", "b.txt", "c.txt"} {
		write(t, dir, n, storyA)
	}
	write(t, dir, "d.jsonl", strings.Repeat(`{"text":"a"}`+"\n", 10))

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	rs := []result{}
	for a, err := range source.Read(ctx, []string{dir}, source.Options{}) {
		rs = append(rs, result{a, err})
	}
	if len(rs) != 1 || rs[0].err != context.Canceled {
		t.Errorf("cancelled before: got %v", rs)
	}

	for _, after := range []int{1, 2, 3, 5} {
		ctx, cancel := context.WithCancel(context.Background())
		var got []string
		for a, err := range source.Read(ctx, []string{dir, "-"}, source.Options{Stdin: strings.NewReader(storyB)}) {
			if err != nil {
				got = append(got, err.Error())
				continue
			}
			got = append(got, filepath.Base(a.Origin.String()))
			if len(got) == after {
				cancel()
			}
		}
		cancel()
		if len(got) != after+1 || got[after] != context.Canceled.Error() {
			t.Errorf("cancelled after %d: got %q", after, got)
		}
	}
}

// repeat is an endless stream of one byte.
type repeat byte

func (r repeat) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}

func TestReadHugeLine(t *testing.T) {
	const huge = 50 << 20
	tests := []struct {
		max, alloc int64 // MaxBytes; most bytes allocated
		format     string
	}{
		{1 << 20, 2 << 20, ""},
		{1 << 20, 2 << 20, "jsonl"},
		{0, 20 << 20, ""}, // the line is buffered up to the 16 MiB limit
	}
	for _, tt := range tests {
		in := io.MultiReader(
			strings.NewReader(`{"text":"first"}`+"\n"+`{"text":"`),
			io.LimitReader(repeat('a'), huge),
			strings.NewReader(`"}`+"\n"+`{"text":"next"}`+"\n"),
		)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		var got []string
		for a, err := range source.Read(context.Background(), []string{"-"}, source.Options{Stdin: in, MaxBytes: tt.max, Format: tt.format}) {
			if err != nil {
				if !errors.Is(err, source.ErrTooLarge) {
					t.Errorf("got %v, want ErrTooLarge", err)
				}
				got = append(got, err.Error())
				continue
			}
			got = append(got, a.Text)
		}
		runtime.ReadMemStats(&after)
		limit := tt.max
		if limit == 0 {
			limit = source.DefaultMaxBytes
		}
		want := []string{"first", "-:2: article too large: line of 52428811 bytes, over the " + itoa(limit) + "-byte limit", "next"}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("got %q\nwant %q", got, want)
		}
		if d := after.TotalAlloc - before.TotalAlloc; d > uint64(tt.alloc) {
			t.Errorf("MaxBytes %d: allocated %d bytes reading a %d-byte line, want at most %d", tt.max, d, huge, tt.alloc)
		} else {
			t.Logf("MaxBytes %d: allocated %d bytes reading a %d-byte line", tt.max, d, huge)
		}
	}
}

func TestReadHugeText(t *testing.T) {
	const huge = 50 << 20
	for _, max := range []int64{1 << 20, 0} {
		in := io.MultiReader(strings.NewReader("Title\n"), io.LimitReader(repeat('a'), huge))
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		rs := readAll(t, []string{"-"}, source.Options{Stdin: in, MaxBytes: max})
		runtime.ReadMemStats(&after)
		if len(rs) != 1 || !errors.Is(rs[0].err, source.ErrTooLarge) {
			t.Fatalf("got %v", rs)
		}
		limit := max
		if limit == 0 {
			limit = source.DefaultMaxBytes
		}
		// The text is read up to the limit, doubling its buffer.
		d := after.TotalAlloc - before.TotalAlloc
		if d > uint64(3*limit) {
			t.Errorf("MaxBytes %d: allocated %d bytes reading a %d-byte text", max, d, huge)
		} else {
			t.Logf("MaxBytes %d: allocated %d bytes reading a %d-byte text", max, d, huge)
		}
	}
}

func itoa(n int64) string {
	var b []byte
	for {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
		if n == 0 {
			return string(b)
		}
	}
}

func TestParseDate(t *testing.T) {
	good := []struct{ in, want string }{
		{"2013-04-23", "2013-04-23"},
		{" 2013-04-23\n", "2013-04-23"},
		{"2013-04-23T10:00:00Z", "2013-04-23"},
		{"2013-04-23T10:00:00.123456Z", "2013-04-23"},
		{"2013-04-23T23:30:00-05:00", "2013-04-23"}, // the date written, not UTC's
		{"2013-04-23T00:30:00+09:00", "2013-04-23"},
		{"2013-04-23T10:00:00+0200", "2013-04-23"},
		{"2013-04-23T10:00:00", "2013-04-23"},
		{"2013-04-23T10:00", "2013-04-23"},
		{"2013-04-23 10:00:00", "2013-04-23"},
		{"2013-04-23 10:00:00.5", "2013-04-23"},
		{"2013-04-23 10:00:00+00:00", "2013-04-23"},
		{"2013-04-23 10:00", "2013-04-23"},
		{"Tue, 23 Apr 2013 10:00:00 GMT", "2013-04-23"},
		{"Tue, 23 Apr 2013 10:00:00 +0000", "2013-04-23"},
		{"Tue, 23 Apr 2013 10:00 EDT", "2013-04-23"},
		{"Tue, 2 Apr 2013 10:00:00 -0400", "2013-04-02"},
		{"Tue, 23 Apr 13 10:00:00 GMT", "2013-04-23"},
		{"23 Apr 13 10:00 MST", "2013-04-23"},
		{"23 Apr 2013 10:00:00 +0100", "2013-04-23"},
		{"Tue, 23 Apr 2013", "2013-04-23"},
		{"Tuesday, 23-Apr-13 10:00:00 UTC", "2013-04-23"},
		{"Tue Apr 23 10:00:00 2013", "2013-04-23"},
		{"April 23, 2013", "2013-04-23"},
		{"april 3, 2013", "2013-04-03"},
		{"APRIL 23 2013", "2013-04-23"},
		{"Apr 23, 2013", "2013-04-23"},
		{"Tuesday, April 23, 2013", "2013-04-23"},
		{"23 April 2013", "2013-04-23"},
		{"3 April 2013", "2013-04-03"},
		{"23 Apr 2013", "2013-04-23"},
		{"Tuesday 23 April 2013", "2013-04-23"},
		{"April 23, 2013 10:05 PM", "2013-04-23"},
		{"2012-02-29", "2012-02-29"},
	}
	for _, tt := range good {
		got, err := source.ParseDate(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	bad := []string{
		"", "   ", "yesterday", "2013", "2013-04", "2013-4-23", "2013/04/23", "23/04/2013", "04/23/2013",
		"2013-02-29", "2013-13-01", "2013-04-31", "2013-04-23junk", "0000-01-01", "April 31, 2013",
		"Tue, 23 Apr 2013 25:00:00 GMT", "Smarch 23, 2013", "2013-04-23T10:00:00Zjunk",
		strings.Repeat("9", 200),
	}
	for _, in := range bad {
		got, err := source.ParseDate(in)
		if err == nil || !errors.Is(err, source.ErrBadDate) || got != "" {
			t.Errorf("ParseDate(%q) = %q, %v; want ErrBadDate", in, got, err)
		}
	}
	_, err := source.ParseDate(strings.Repeat("x", 100))
	if want := `bad date "` + strings.Repeat("x", 64) + `"... (want`; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("long date: got %q", err)
	}
}

func TestErrorMessage(t *testing.T) {
	for _, tt := range []struct {
		e    source.Error
		want string
	}{
		{source.Error{Origin: eventwire.Origin{Name: "feed.jsonl", Line: 7}, Err: source.ErrNoText}, "feed.jsonl:7: no article text"},
		{source.Error{Origin: eventwire.Origin{Name: "story.txt"}, Err: source.ErrEmpty}, "story.txt: empty article"},
		{source.Error{Err: source.ErrBadOption}, "bad option"},
	} {
		if got := tt.e.Error(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
		if tt.e.Unwrap() != tt.e.Err {
			t.Error("Unwrap")
		}
	}
}
