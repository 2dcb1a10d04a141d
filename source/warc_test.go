package source_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/source"
)

// warcRecord is one record of a WARC file written for a test.
type warcRecord struct {
	typ, uri, ctype string
	block           string
}

// httpResponse is the block of a response record.
func httpResponse(status, ctype, encoding, body string) string {
	h := "HTTP/1.1 " + status + "\r\nContent-Type: " + ctype + "\r\n"
	if encoding != "" {
		h += "Content-Encoding: " + encoding + "\r\n"
	}
	return h + fmt.Sprintf("Content-Length: %d\r\n\r\n", len(body)) + body
}

func response(uri, block string) warcRecord {
	return warcRecord{"response", uri, "application/http; msgtype=response", block}
}

// warcFile writes records as a WARC file, each record its own gzip member
// when compress is set (as .warc.gz files are), and returns the offset of
// each record.
func warcFile(t testing.TB, recs []warcRecord, compress bool) (data []byte, offsets []int64) {
	t.Helper()
	var out bytes.Buffer
	for i, r := range recs {
		rec := fmt.Sprintf("WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>\r\nWARC-Date: 2024-03-%02dT22:30:00Z\r\n",
			r.typ, i, 10+i)
		if r.uri != "" {
			rec += "WARC-Target-URI: " + r.uri + "\r\n"
		}
		rec += fmt.Sprintf("Content-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", r.ctype, len(r.block), r.block)
		offsets = append(offsets, int64(out.Len()))
		if compress {
			z, err := gzipBytes(rec)
			if err != nil {
				t.Fatal(err)
			}
			out.Write(z)
		} else {
			out.WriteString(rec)
		}
	}
	return out.Bytes(), offsets
}

// crawl is a small crawl: the records a crawler writes around two pages.
func crawl(t testing.TB) []warcRecord {
	article := readFile(t, "testdata/article.html")
	cafe, err := gzipBytes(readFile(t, "testdata/latin1.html"))
	if err != nil {
		t.Fatal(err)
	}
	return []warcRecord{
		{"warcinfo", "", "application/warc-fields", "software: test\r\nformat: WARC File Format 1.1\r\n"},
		{"request", "https://courier.example.org/a", "application/http; msgtype=request", "GET /a HTTP/1.1\r\nHost: courier.example.org\r\n\r\n"},
		response("https://courier.example.org/a", httpResponse("200 OK", "text/html; charset=utf-8", "", article)),
		response("https://courier.example.org/gone", httpResponse("404 Not Found", "text/html", "", "<html><body><p>Not found</p></body></html>")),
		response("https://courier.example.org/logo.png", httpResponse("200 OK", "image/png", "", "\x89PNG\r\n\x1a\n")),
		response("https://courier.example.org/app", httpResponse("200 OK", "text/html", "", readFile(t, "testdata/index.html"))),
		response("<https://courier.example.org/cafe>", httpResponse("200 OK", "text/html", "gzip", string(cafe))),
		{"metadata", "https://courier.example.org/cafe", "application/warc-fields", "fetchTimeMs: 120\r\n"},
	}
}

func TestReadWARC(t *testing.T) {
	recs := crawl(t)
	plain, _ := warcFile(t, recs, false)
	packed, _ := warcFile(t, recs, true)
	want := []string{"NAME:3", "!NAME:6", "NAME:7"}
	for _, tt := range []struct {
		name, file string
		content    []byte
		opt        source.Options
	}{
		{"plain", "crawl.warc", plain, source.Options{}},
		{"gzip per record", "crawl.warc.gz", packed, source.Options{}},
		{"gzip whole", "crawl.warc.gz", []byte(gz(t, string(plain))), source.Options{}},
		{"sniffed", "crawl", plain, source.Options{}},
		{"sniffed gzip", "crawl.gz", packed, source.Options{}},
		{"forced", "crawl.bin", packed, source.Options{Format: "warc"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := write(t, t.TempDir(), tt.file, string(tt.content))
			rs := readAll(t, []string{p}, tt.opt)
			got := strings.ReplaceAll(strings.Join(origins(rs), " "), p, "NAME")
			if got != strings.Join(want, " ") {
				t.Fatalf("got %s, want %s (%v)", got, want, rs)
			}
			a := rs[0].a
			if a.Title != "Harbour board approves new ferry route" || a.Published != "2024-03-14" ||
				a.URL != "https://courier.example.org/news/2024/03/harbour-ferry-route" || paragraphCount(a.Text) != 5 {
				t.Errorf("record 3: %+v", a)
			}
			// The page gives no date or canonical URL: WARC-Date and
			// WARC-Target-URI stand in.
			a = rs[2].a
			if a.Title != "Café owners protest rent rise" || a.Published != "2024-03-16" || a.URL != "https://courier.example.org/cafe" ||
				!strings.Contains(a.Text, "“We cannot pass this on to customers,”") {
				t.Errorf("record 7: %+v", a)
			}
			if msg := rs[1].err.Error(); msg != p+":6: https://courier.example.org/app: no article text found: 43 letters of text, too few for an article (want 100)" {
				t.Errorf("record 6: %s", msg)
			}
			if !errors.Is(rs[1].err, source.ErrNoArticle) {
				t.Errorf("record 6: %v is not ErrNoArticle", rs[1].err)
			}
		})
	}
}

func TestReadWARCBad(t *testing.T) {
	recs := crawl(t)
	plain, _ := warcFile(t, recs, false)
	packed, offsets := warcFile(t, recs, true)
	big := append(recs[:2:2], response("https://courier.example.org/big", httpResponse("200 OK", "text/html", "", readFile(t, "testdata/article.html"))))
	bigWARC, _ := warcFile(t, big, true)
	tests := []struct {
		name, file string
		content    []byte
		opt        source.Options
		want       []string // origins
		err        error    // of the last result
		msg        string   // of the last result, NAME standing for the file name
	}{
		{"plain truncated in record 7", "crawl.warc", plain[:len(plain)-300], source.Options{},
			[]string{"NAME:3", "!NAME:6", "!NAME:7"}, source.ErrWARC,
			"NAME:7: corrupt WARC: record 7: truncated: copying content: EOF"},
		{"gzip truncated in record 7", "crawl.warc.gz", packed[:offsets[6]+100], source.Options{},
			[]string{"NAME:3", "!NAME:6", "!NAME:7"}, source.ErrWARC,
			fmt.Sprintf("NAME:7: corrupt WARC: record 7 at byte offset %d: truncated: reading header: unexpected EOF", offsets[6])},
		{"gzip cut between records", "crawl.warc.gz", packed[:offsets[4]], source.Options{},
			[]string{"NAME:3"}, nil, ""},
		{"garbage after records", "crawl.warc", append(plain[:len(plain):len(plain)], "GET / HTTP/1.1\r\n\r\n"...), source.Options{},
			[]string{"NAME:3", "!NAME:6", "NAME:7", "!NAME:9"}, source.ErrWARC,
			`NAME:9: corrupt WARC: record 9: parsing Content-Length: strconv.ParseInt: parsing "": invalid syntax`},
		{"garbage after gzip members", "crawl.warc.gz", append(packed[:len(packed):len(packed)], "trailing bytes, not gzip"...), source.Options{},
			[]string{"NAME:3", "!NAME:6", "NAME:7", "!NAME:9"}, source.ErrGzip,
			fmt.Sprintf("NAME:9: corrupt WARC: record 9 at byte offset %d: corrupt gzip: gzip: invalid header", len(packed))},
		{"not a WARC", "notes.warc", []byte("Minutes of the harbour board meeting\n\nPresent: all members.\n"), source.Options{},
			[]string{"!NAME"}, source.ErrWARC,
			`NAME: corrupt WARC: not a WARC file: starts with "Minutes of the harbour board mee"`},
		{"page too large", "big.warc.gz", bigWARC, source.Options{MaxBytes: 1000},
			[]string{"!NAME:3"}, source.ErrTooLarge,
			"NAME:3: https://courier.example.org/big: article too large: page over the 1000-byte limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := write(t, t.TempDir(), tt.file, string(tt.content))
			rs := readAll(t, []string{p}, tt.opt)
			got := strings.ReplaceAll(strings.Join(origins(rs), " "), p, "NAME")
			if got != strings.Join(tt.want, " ") {
				t.Fatalf("got %s, want %s (%v)", got, strings.Join(tt.want, " "), rs)
			}
			last := rs[len(rs)-1].err
			if tt.err == nil {
				if last != nil {
					t.Errorf("got %v", last)
				}
				return
			}
			if !errors.Is(last, tt.err) {
				t.Errorf("%v is not %v", last, tt.err)
			}
			if want := strings.ReplaceAll(tt.msg, "NAME", p); last.Error() != want {
				t.Errorf("got  %q\nwant %q", last, want)
			}
		})
	}
}

// BenchmarkReadWARC reads BBC News articles rendered as pages from a
// record-compressed WARC file, a crawl's request and metadata records
// around each response.
func BenchmarkReadWARC(b *testing.B) {
	names, paras, _ := bbcPages(b, 200)
	var recs []warcRecord
	for i, name := range names {
		uri := fmt.Sprintf("https://news.example.com/story/%d", i)
		recs = append(recs,
			warcRecord{"request", uri, "application/http; msgtype=request", "GET / HTTP/1.1\r\n\r\n"},
			response(uri, httpResponse("200 OK", "text/html; charset=utf-8", "", readFile(b, name))),
			warcRecord{"metadata", uri, "application/warc-fields", "fetchTimeMs: 120\r\n"})
	}
	data, _ := warcFile(b, recs, true)
	p := filepath.Join(b.TempDir(), "bbc.warc.gz")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		b.Fatal(err)
	}
	words := 0
	for _, ps := range paras {
		for _, p := range ps {
			words += len(strings.Fields(p))
		}
	}
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		n := 0
		for a, err := range source.Read(context.Background(), []string{p}, source.Options{}) {
			if err != nil {
				b.Fatal(err)
			}
			if a.Origin.Line != 3*n+2 {
				b.Fatalf("article from record %d, want %d", a.Origin.Line, 3*n+2)
			}
			n++
		}
		if n != len(names) {
			b.Fatalf("%d articles, want %d", n, len(names))
		}
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(len(names)*b.N)/sec, "pages/s")
	b.ReportMetric(float64(words*b.N)/sec, "words/s")
}
