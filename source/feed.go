package source

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/eventwire/eventwire"
	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
)

// ErrFeed is wrapped by the error of a feed that cannot be read: not XML
// (nor a JSON Feed), or XML that is not RSS or Atom.
var ErrFeed = errors.New("bad feed")

// readFeed reads an RSS, Atom or JSON feed (at most r.max bytes) and
// yields one article an item, Origin.Line being the item's number.
func (r *reader) readFeed(in *input, br *bufio.Reader) bool {
	body, ok := r.readAllLimited(in, br, "feed")
	if !ok || body == nil {
		return ok
	}
	feed, err := parseFeed(body)
	if err != nil {
		return r.fail(in.name, 0, err)
	}
	for i, item := range feed.Items {
		if r.done() {
			return false
		}
		if item == nil {
			continue
		}
		a, err := feedArticle(feed, item)
		if err != nil {
			if !r.fail(in.name, i+1, err) {
				return false
			}
			continue
		}
		if a.Published == "" {
			a.Published = r.published
		}
		a.Origin = eventwire.Origin{Name: in.name, Line: i + 1}
		if !r.emit(a, nil) {
			return false
		}
	}
	return true
}

// parseFeed parses an RSS, Atom or JSON feed.
func parseFeed(body []byte) (feed *gofeed.Feed, err error) {
	defer func() {
		// gofeed is third-party code run on untrusted input.
		if p := recover(); p != nil {
			feed, err = nil, fmt.Errorf("%w: the parser failed: %v", ErrFeed, p)
		}
	}()
	t := bytes.TrimLeft(body, " \t\r\n\ufeff")
	if len(t) == 0 {
		return nil, fmt.Errorf("%w: empty", ErrFeed)
	}
	if t[0] != '<' && t[0] != '{' {
		return nil, fmt.Errorf("%w: not XML: starts with %s", ErrFeed, quote(string(firstBytes(t, 24))))
	}
	feed, err = gofeed.NewParser().Parse(bytes.NewReader(body))
	switch {
	case errors.Is(err, gofeed.ErrFeedTypeNotDetected):
		return nil, fmt.Errorf("%w: not an RSS, Atom or JSON feed", ErrFeed)
	case err != nil:
		return nil, fmt.Errorf("%w: %w", ErrFeed, err)
	}
	return feed, nil
}

// firstBytes returns up to n bytes of p, cut on a rune boundary.
func firstBytes(p []byte, n int) []byte {
	if len(p) <= n {
		return p
	}
	for n > 0 && p[n]&0xC0 == 0x80 {
		n--
	}
	return p[:n]
}

// feedArticle turns one feed item into an article (without Origin): its
// content, else its description, as text; title, link, GUID as ID, date
// (published, else updated) and the feed's title as Source.
func feedArticle(feed *gofeed.Feed, item *gofeed.Item) (eventwire.Article, error) {
	raw := item.Content
	if strings.TrimSpace(raw) == "" {
		raw = item.Description
	}
	text := markupText(raw)
	if text == "" {
		return eventwire.Article{}, fmt.Errorf("%w: the item has no content or description", ErrNoText)
	}
	if err := checkText(text, 0, " of the item's text"); err != nil {
		return eventwire.Article{}, err
	}
	a := eventwire.Article{
		ID:     strings.TrimSpace(item.GUID),
		Title:  clip(markupText(item.Title)),
		URL:    strings.TrimSpace(item.Link),
		Source: clip(markupText(feed.Title)),
		Text:   text,
	}
	if a.URL == "" && len(item.Links) > 0 {
		a.URL = strings.TrimSpace(item.Links[0])
	}
	if a.Title == "" {
		a.Title = firstLine(text)
	}
	if d, err := ParseDate(item.Published); err == nil {
		a.Published = d
	} else if item.PublishedParsed != nil {
		a.Published = day(*item.PublishedParsed)
	} else if d, err := ParseDate(item.Updated); err == nil {
		a.Published = d
	} else if item.UpdatedParsed != nil {
		a.Published = day(*item.UpdatedParsed)
	}
	return a, nil
}

// markupText turns a feed's HTML (or plain) text into paragraphs of plain
// text, entities decoded; "" when nothing but white space remains.
func markupText(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	if !strings.ContainsAny(s, "<&") {
		return strings.TrimSpace(collapseLines(s))
	}
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return ""
	}
	return paragraphs(doc)
}

// collapseLines keeps the blank-line paragraph breaks of plain text and
// collapses every other run of white space to one space.
func collapseLines(s string) string {
	var w paraWriter
	for _, para := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		w.text(para, false)
		w.endPara()
	}
	return w.sb.String()
}
