package source

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	nurl "net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/eventwire/eventwire"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// ErrNoArticle is wrapped by the error of an HTML page in which neither
// extractor found article text (an index page, a login wall, a page of
// scripts).
var ErrNoArticle = errors.New("no article text found")

// page is an HTML page to extract, with what its container knows of it.
type page struct {
	body      []byte
	ctype     string // Content-Type of the response, "" when unknown
	url       string // where the page was fetched from, "" when unknown
	published string // YYYY-MM-DD from the container (WARC-Date), used when the page gives none
}

// readHTML reads one HTML page (at most r.max bytes) and yields its article.
func (r *reader) readHTML(in *input, br *bufio.Reader, pg page) bool {
	body, ok := r.readAllLimited(in, br, "page")
	if !ok || body == nil {
		return ok
	}
	pg.body = body
	a, err := extractHTML(pg)
	if err != nil {
		return r.fail(in.name, 0, err)
	}
	if r.done() {
		return false
	}
	if a.Published == "" {
		a.Published = r.published
	}
	a.Origin = eventwire.Origin{Name: in.name}
	return r.emit(a, nil)
}

// readAllLimited reads the rest of an input whole, up to r.max bytes. When
// the input is larger it yields ErrTooLarge and returns a nil slice; it
// returns ok false when the iteration must stop. what names the input in
// messages ("page", "feed"). An empty input gives an empty, non-nil slice.
func (r *reader) readAllLimited(in *input, br *bufio.Reader, what string) (body []byte, ok bool) {
	var buf bytes.Buffer
	n, err := buf.ReadFrom(io.LimitReader(br, r.max+1))
	if err != nil {
		return nil, r.readFailed(in, 0, err)
	}
	if n > r.max {
		return nil, r.fail(in.name, 0, fmt.Errorf("%w: %s over the %d-byte limit", ErrTooLarge, what, r.max))
	}
	if r.done() {
		return nil, false
	}
	if n == 0 {
		return []byte{}, true // empty, not nil
	}
	return buf.Bytes(), true
}

// extractHTML finds the article in an HTML page: its main text with
// trafilatura, else with readability, and its title, date, canonical URL
// and site name from the page's metadata.
func extractHTML(pg page) (a eventwire.Article, err error) {
	defer func() {
		// The extractors are third-party code run on untrusted input: a
		// panic in them is a bad page, not a crash.
		if p := recover(); p != nil {
			a, err = eventwire.Article{}, fmt.Errorf("%w: the extractor failed: %v", ErrNoArticle, p)
		}
	}()
	if len(bytes.TrimSpace(pg.body)) == 0 {
		return a, fmt.Errorf("%w: the page is empty", ErrNoArticle)
	}
	doc, err := parseHTML(pg.body, pg.ctype)
	if err != nil {
		return a, fmt.Errorf("%w: %w", ErrNoArticle, err)
	}
	var base *nurl.URL
	if pg.url != "" {
		if u, err := nurl.Parse(pg.url); err == nil && u.IsAbs() {
			base = u
		}
	}
	res, terr := trafilatura.ExtractDocument(doc, trafilatura.Options{
		OriginalURL:     base,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Fast,
	})
	var text string
	if terr == nil && res != nil {
		text = paragraphs(res.ContentNode)
	}
	n := letters(text)
	if n < minLetters {
		// Fall back to readability, which scores the page's blocks
		// differently and finds some articles that trafilatura misses.
		ra, rerr := readability.FromDocument(doc, base)
		if rerr == nil && ra.Node != nil {
			if rtext := paragraphs(ra.Node); letters(rtext) > n {
				text, n = rtext, letters(rtext)
				if res == nil {
					a.Title = clip(ra.Title())
					a.Source = clip(ra.SiteName())
					if t, err := ra.PublishedTime(); err == nil && !t.IsZero() {
						a.Published = day(t)
					}
				}
			}
		}
	}
	switch {
	case n == 0:
		return eventwire.Article{}, ErrNoArticle
	case n < minLetters:
		return eventwire.Article{}, fmt.Errorf("%w: %d letters of text, too few for an article (want %d)", ErrNoArticle, n, minLetters)
	}
	if err := checkText(text, 0, " of the extracted text"); err != nil {
		return eventwire.Article{}, err
	}
	a.Text = text
	if res != nil {
		m := res.Metadata
		a.Title = clip(m.Title)
		a.URL = m.URL
		a.Source = clip(m.Sitename)
		if a.Source == "" {
			a.Source = m.Hostname
		}
		if !m.Date.IsZero() {
			a.Published = day(m.Date)
		}
	}
	if a.URL == "" {
		a.URL = pg.url
	}
	if a.Published == "" {
		a.Published = pg.published
	}
	if a.Title == "" {
		a.Title = firstLine(text)
	}
	return a, nil
}

// minLetters is the fewest letters that the text of an HTML page must
// have to be an article: about 20 words of English. What extractors find
// in a page without an article ("Please enable JavaScript", a cookie
// notice, a list of section names) is shorter.
const minLetters = 100

// letters counts the letters in s.
func letters(s string) int {
	n := 0
	for _, c := range s {
		if unicode.IsLetter(c) {
			n++
		}
	}
	return n
}

// parseHTML decodes a page to UTF-8 (by its Content-Type, byte-order mark
// or <meta charset>, else as UTF-8 when it is valid and Windows-1252 when
// not) and parses it.
func parseHTML(body []byte, ctype string) (*html.Node, error) {
	rd, err := charset.NewReader(bytes.NewReader(body), ctype)
	if err != nil {
		return nil, fmt.Errorf("character set: %w", err)
	}
	doc, err := html.Parse(rd)
	if err != nil {
		return nil, fmt.Errorf("parsing HTML: %w", err)
	}
	return doc, nil
}

// day formats a time as YYYY-MM-DD, in its own zone; years outside
// 1..9999 give "".
func day(t time.Time) string {
	if y := t.Year(); y < 1 || y > 9999 {
		return ""
	}
	return t.Format("2006-01-02")
}

// clip collapses the white space of a metadata value and cuts it at 1,000
// bytes (on a rune boundary): a title is a line, not a page.
func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 1000 {
		cut := 1000
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	return s
}

// paragraphs renders the text of an HTML tree as paragraphs separated by
// blank lines, the form in which package text finds paragraphs: every
// block element (p, div, h1-h6, li, blockquote, pre, tr, ...) starts a new
// paragraph, <br> a new line, and runs of white space inside a paragraph
// collapse to one space (except in <pre>). Scripts, styles, forms and other
// non-text elements are skipped.
func paragraphs(n *html.Node) string {
	if n == nil {
		return ""
	}
	var w paraWriter
	w.walk(n, false)
	w.endPara()
	return w.sb.String()
}

// paraWriter accumulates the paragraphs of a tree.
type paraWriter struct {
	sb      strings.Builder
	inPara  bool // a paragraph has text
	space   bool // white space is pending inside the paragraph
	newline bool // a <br> is pending
}

func (w *paraWriter) walk(n *html.Node, pre bool) {
	block := false
	switch n.Type {
	case html.TextNode:
		w.text(n.Data, pre)
		return
	case html.CommentNode, html.DoctypeNode:
		return
	case html.ElementNode:
		// By name, not by DataAtom: trafilatura renames the elements it
		// keeps (h1 becomes "head", li "item") and leaves DataAtom as it
		// was.
		switch n.Data {
		case "script", "style", "noscript", "template", "form", "button",
			"select", "textarea", "input", "svg", "math", "iframe", "object",
			"canvas", "nav", "title", "meta", "link":
			return
		case "br", "lb":
			if w.inPara {
				w.newline, w.space = true, false
			}
			return
		case "pre", "code":
			pre = pre || n.Data == "pre"
		}
		block = isBlock(n.Data)
	}
	if block {
		w.endPara()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, pre)
	}
	switch {
	case block:
		w.endPara()
	case w.inPara && (n.Data == "td" || n.Data == "th" || n.Data == "cell"):
		w.space = true // cells of a row are words apart
	}
}

// text adds a text node's data to the current paragraph.
func (w *paraWriter) text(s string, pre bool) {
	for len(s) > 0 {
		c, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		switch {
		case c == 0:
			continue
		case pre && (c == '\n' || c == '\r'):
			if c == '\r' && strings.HasPrefix(s, "\n") {
				s = s[1:]
			}
			if w.inPara {
				w.newline, w.space = true, false
			}
			continue
		case isHTMLSpace(c):
			if w.inPara {
				w.space = true
			}
			continue
		}
		switch {
		case !w.inPara:
			if w.sb.Len() > 0 {
				w.sb.WriteString("\n\n")
			}
			w.inPara = true
		case w.newline:
			w.sb.WriteByte('\n')
		case w.space:
			w.sb.WriteByte(' ')
		}
		w.newline, w.space = false, false
		w.sb.WriteRune(c)
	}
}

// endPara closes the current paragraph, if any.
func (w *paraWriter) endPara() {
	w.inPara, w.space, w.newline = false, false, false
}

// isHTMLSpace reports white space that HTML collapses, with the
// no-break and other Unicode spaces that pages use between words.
func isHTMLSpace(c rune) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '\f', '\v', 0xA0, 0x2028, 0x2029, 0x200B, 0xFEFF, 0x3000:
		return true
	}
	return c >= 0x2000 && c <= 0x200A
}

// isBlock reports elements that start and end a paragraph, in HTML and in
// trafilatura's output (which names headings "head", lists "list", items
// "item", quotes "quote", rows "row" and cells "cell").
func isBlock(tag string) bool {
	switch tag {
	case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl",
		"dt", "dd", "blockquote", "pre", "table", "tr", "caption", "article",
		"section", "main", "header", "footer", "aside", "figure", "figcaption",
		"address", "hr", "body", "html", "details", "summary", "fieldset",
		"legend", "center", "head", "list", "item", "quote", "row", "doc":
		return true
	}
	return false
}
