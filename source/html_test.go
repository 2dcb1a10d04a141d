package source_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/newscorpus"
	"github.com/eventwire/eventwire/source"
)

// The pages, feeds and stories under testdata were written for these tests.

func readFile(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// paragraphCount counts the blank-line-separated paragraphs of s.
func paragraphCount(s string) int { return len(strings.Split(s, "\n\n")) }

func TestReadHTML(t *testing.T) {
	article := readFile(t, "testdata/article.html")
	tests := []struct {
		name    string
		file    string // written to a temporary directory; "-" for stdin
		content string
		opt     source.Options
		want    eventwire.Article // Text is checked by prefix
		paras   int
	}{
		{"metadata", "page.html", article, source.Options{},
			eventwire.Article{Title: "Harbour board approves new ferry route", URL: "https://courier.example.org/news/2024/03/harbour-ferry-route",
				Source: "The Northbay Courier", Published: "2024-03-14", Text: "Harbour board approves new ferry route\n\nNORTHBAY – The harbour board on Thursday approved"}, 5},
		{"sniffed without extension", "page", article, source.Options{},
			eventwire.Article{Title: "Harbour board approves new ferry route", URL: "https://courier.example.org/news/2024/03/harbour-ferry-route",
				Source: "The Northbay Courier", Published: "2024-03-14", Text: "Harbour board approves new ferry route\n\n"}, 5},
		{"sniffed on stdin", "-", article, source.Options{},
			eventwire.Article{Title: "Harbour board approves new ferry route", URL: "https://courier.example.org/news/2024/03/harbour-ferry-route",
				Source: "The Northbay Courier", Published: "2024-03-14", Text: "Harbour board approves new ferry route\n\n"}, 5},
		{"gzip", "page.htm.gz", gz(t, article), source.Options{},
			eventwire.Article{Title: "Harbour board approves new ferry route", URL: "https://courier.example.org/news/2024/03/harbour-ferry-route",
				Source: "The Northbay Courier", Published: "2024-03-14", Text: "Harbour board approves new ferry route\n\n"}, 5},
		{"forced on a .txt", "page.txt", article, source.Options{Format: "html"},
			eventwire.Article{Title: "Harbour board approves new ferry route", URL: "https://courier.example.org/news/2024/03/harbour-ferry-route",
				Source: "The Northbay Courier", Published: "2024-03-14", Text: "Harbour board approves new ferry route\n\n"}, 5},
		{"windows-1252 by meta charset", "cafe.html", readFile(t, "testdata/latin1.html"), source.Options{Published: "2024-03-16"},
			eventwire.Article{Title: "Café owners protest rent rise", Published: "2024-03-16",
				Text: "Café owners protest rent rise\n\nOwners of twelve cafés on the seafront closed their doors for an hour on Saturday in protest at a rent rise that the landlord, Brightstone Estates, announced in January. “We cannot pass this on to customers,”"}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rs []result
			if tt.file == "-" {
				rs = readStdin(t, tt.content, tt.opt)
			} else {
				p := write(t, t.TempDir(), tt.file, tt.content)
				rs = readAll(t, []string{p}, tt.opt)
				tt.want.Origin.Name = p
			}
			a := one(t, rs)
			if tt.file == "-" {
				tt.want.Origin.Name = "-"
			}
			if !strings.HasPrefix(a.Text, tt.want.Text) {
				t.Errorf("text %q\ndoes not start with %q", a.Text, tt.want.Text)
			}
			if n := paragraphCount(a.Text); n != tt.paras {
				t.Errorf("%d paragraphs, want %d: %q", n, tt.paras, a.Text)
			}
			for _, junk := range []string{"Privacy", "Related", "analytics", "font-family", "Sport", "All rights reserved", "Ada Quill"} {
				if strings.Contains(a.Text, junk) {
					t.Errorf("boilerplate %q in the text %q", junk, a.Text)
				}
			}
			a.Text, tt.want.Text = "", ""
			if a != tt.want {
				t.Errorf("got  %+v\nwant %+v", a, tt.want)
			}
		})
	}
}

func TestReadHTMLBad(t *testing.T) {
	tests := []struct {
		name, file, content string
		opt                 source.Options
		want                error
		msg                 string // NAME stands for the file name
	}{
		{"no article", "index.html", readFile(t, "testdata/index.html"), source.Options{}, source.ErrNoArticle,
			"NAME: no article text found: 43 letters of text, too few for an article (want 100)"},
		{"empty page", "empty.html", "<html><body></body></html>", source.Options{}, source.ErrNoArticle,
			"NAME: no article text found"},
		{"blank file", "blank.html", " \n", source.Options{}, source.ErrNoArticle,
			"NAME: no article text found: the page is empty"},
		{"empty file", "empty.html", "", source.Options{}, source.ErrNoArticle,
			"NAME: no article text found: the page is empty"},
		{"too large", "big.html", readFile(t, "testdata/article.html"), source.Options{MaxBytes: 1000}, source.ErrTooLarge,
			"NAME: article too large: page over the 1000-byte limit"},
		{"truncated gzip", "page.html.gz", gz(t, readFile(t, "testdata/article.html"))[:200], source.Options{}, source.ErrGzip,
			"NAME: corrupt gzip: unexpected EOF"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := write(t, t.TempDir(), tt.file, tt.content)
			rs := readAll(t, []string{p}, tt.opt)
			if len(rs) != 1 || rs[0].err == nil {
				t.Fatalf("want one error, got %v", rs)
			}
			if !errors.Is(rs[0].err, tt.want) {
				t.Errorf("%v is not %v", rs[0].err, tt.want)
			}
			if got, want := rs[0].err.Error(), strings.ReplaceAll(tt.msg, "NAME", p); got != want {
				t.Errorf("got  %q\nwant %q", got, want)
			}
		})
	}
	// A bad page is skipped: the next input is read.
	dir := t.TempDir()
	rs := readAll(t, []string{write(t, dir, "a.html", "<html></html>"), write(t, dir, "b.html", readFile(t, "testdata/article.html"))}, source.Options{})
	if got := strings.Join(rel(dir, origins(rs)), " "); got != "!a.html b.html" {
		t.Errorf("got %s", got)
	}
}

func ExampleRead_html() {
	for a, err := range source.Read(context.Background(), []string{"testdata/article.html"}, source.Options{}) {
		if err != nil {
			fmt.Println(err)
			continue
		}
		first, _, _ := strings.Cut(strings.TrimPrefix(a.Text, a.Title+"\n\n"), "\n\n")
		fmt.Println(a.Title)
		fmt.Println(a.Source, a.Published, a.URL)
		fmt.Println(first)
	}
	// Output:
	// Harbour board approves new ferry route
	// The Northbay Courier 2024-03-14 https://courier.example.org/news/2024/03/harbour-ferry-route
	// NORTHBAY – The harbour board on Thursday approved a ferry route linking Northbay with the island of Ostrell, ending three years of argument over the cost of the new landing stage.
}

func FuzzHTML(f *testing.F) {
	for _, name := range []string{"testdata/article.html", "testdata/latin1.html", "testdata/index.html"} {
		f.Add([]byte(readFile(f, name)))
	}
	f.Add([]byte("<p>" + strings.Repeat("word ", 40) + "</p>"))
	f.Add([]byte("<html><body><article><pre>\x00\xff</pre><table><tr><td>a<td>b</table>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		// Forced, the input is one page: one article or one error.
		opt := source.Options{Format: "html", Stdin: bytes.NewReader(data)}
		n := 0
		for a, err := range source.Read(context.Background(), []string{"-"}, opt) {
			n++
			checkResult(t, a, err)
			if err == nil && (strings.Contains(a.Text, "\n\n\n") || a.Text != strings.TrimSpace(a.Text)) {
				t.Fatalf("paragraphs not separated by one blank line: %q", a.Text)
			}
		}
		if n != 1 {
			t.Fatalf("%d results, want 1", n)
		}
		// Sniffed, it may be anything.
		opt = source.Options{Stdin: bytes.NewReader(data)}
		for a, err := range source.Read(context.Background(), []string{"-"}, opt) {
			checkResult(t, a, err)
		}
	})
}

// checkResult checks what Read yields for one article of a fuzzed input.
func checkResult(t *testing.T, a eventwire.Article, err error) {
	t.Helper()
	if err != nil {
		var e *source.Error
		if !errors.As(err, &e) || e.Origin.Name != "-" {
			t.Fatalf("error %v is not an *Error naming the input", err)
		}
		return
	}
	if !utf8.ValidString(a.Text) || strings.ContainsRune(a.Text, 0) || strings.TrimSpace(a.Text) == "" {
		t.Fatalf("bad text %q", a.Text)
	}
}

// bbcPage renders a BBC News article as a news site would serve it:
// navigation, the article with its date and paragraphs, related links, a
// footer, scripts.
func bbcPage(a eventwire.Article, i int) (page string, paras []string) {
	var b strings.Builder
	title := html.EscapeString(a.Title)
	fmt.Fprintf(&b, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>%s - Example News</title>
<meta property="og:title" content="%s"><meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2005-03-%02dT10:00:00Z">
<link rel="canonical" href="https://news.example.com/story/%d">
<script>var ads = []; function track(e) { ads.push(e); }</script></head><body>
<header><a href="/">Example News</a><nav><ul><li><a href="/world">World</a></li><li><a href="/business">Business</a></li>
<li><a href="/politics">Politics</a></li><li><a href="/tech">Technology</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="cookie">We use cookies to improve this site. <button>Accept</button></div>
<main><article><h1>%s</h1><p class="meta">Published <time datetime="2005-03-%02d">%d March 2005</time></p>
`, title, title, i%28+1, i, title, i%28+1, i%28+1)
	body := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(a.Text), a.Title))
	for _, p := range strings.Split(body, "\n\n") {
		p = strings.Join(strings.Fields(p), " ")
		if p == "" {
			continue
		}
		paras = append(paras, p)
		fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(p))
	}
	b.WriteString(`</article><aside><h2>More on this story</h2><ul><li><a href="/a">Markets rally on rate hopes</a></li>
<li><a href="/b">Strike talks to resume</a></li><li><a href="/c">Weather warning for the north</a></li></ul></aside></main>
<footer><ul><li><a href="/terms">Terms of use</a></li><li><a href="/privacy">Privacy policy</a></li><li><a href="/contact">Contact us</a></li></ul>
<p>Copyright 2005 Example News. All rights reserved.</p></footer><script>track("view");</script></body></html>
`)
	return b.String(), paras
}

// bbcPages renders the first n BBC News articles as pages in dir.
func bbcPages(tb testing.TB, n int) (names []string, paras [][]string, size int64) {
	tb.Helper()
	data, ok := newscorpus.DataDir()
	if !ok {
		tb.Skip("../shared/data is absent: the HTML pages are rendered from its BBC News articles")
	}
	arts, err := newscorpus.BBC(data)
	if err != nil {
		tb.Fatal(err)
	}
	dir := tb.TempDir()
	for i, a := range arts[:min(n, len(arts))] {
		page, ps := bbcPage(a, i)
		name := filepath.Join(dir, fmt.Sprintf("%04d.html", i))
		if err := os.WriteFile(name, []byte(page), 0o644); err != nil {
			tb.Fatal(err)
		}
		names = append(names, name)
		paras = append(paras, ps)
		size += int64(len(page))
	}
	return names, paras, size
}

// scorePages reads the pages and counts the source paragraphs found
// exactly as paragraphs of the extracted text, and the extracted
// paragraphs that are not in the source (boilerplate let through; the
// title, which the text repeats first, does not count).
func scorePages(tb testing.TB, names []string, paras [][]string) (found, total, extra, pages int) {
	tb.Helper()
	i := 0
	for a, err := range source.Read(context.Background(), names, source.Options{}) {
		if err != nil {
			tb.Errorf("%v", err)
			i++
			continue
		}
		pages++
		want := map[string]bool{a.Title: true}
		for _, p := range paras[i] {
			want[p] = true
		}
		got := map[string]bool{}
		for _, p := range strings.Split(a.Text, "\n\n") {
			got[p] = true
			if !want[p] {
				extra++
			}
		}
		for _, p := range paras[i] {
			total++
			if got[p] {
				found++
			}
		}
		i++
	}
	return found, total, extra, pages
}

// TestHTMLParagraphs holds the extraction of BBC News articles, rendered
// as pages with navigation, cookie notice, related links and footer, to a
// floor: nearly every paragraph comes out exactly, boilerplate does not.
func TestHTMLParagraphs(t *testing.T) {
	names, paras, _ := bbcPages(t, 60)
	found, total, extra, pages := scorePages(t, names, paras)
	recall := float64(found) / float64(total)
	t.Logf("%d pages: %d of %d paragraphs exact (%.3f), %d extra paragraphs", pages, found, total, recall, extra)
	if pages != len(names) || recall < 0.95 || extra > pages/10 {
		t.Errorf("paragraph recall %.3f (floor 0.95), %d extra paragraphs in %d pages (ceiling %d)", recall, extra, pages, pages/10)
	}
}

// BenchmarkReadHTML extracts BBC News articles rendered as pages.
func BenchmarkReadHTML(b *testing.B) {
	names, paras, size := bbcPages(b, 200)
	words := 0
	for _, ps := range paras {
		for _, p := range ps {
			words += len(strings.Fields(p))
		}
	}
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		for _, err := range source.Read(context.Background(), names, source.Options{}) {
			if err != nil {
				b.Fatal(err)
			}
		}
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(len(names)*b.N)/sec, "pages/s")
	b.ReportMetric(float64(words*b.N)/sec, "words/s")
}
