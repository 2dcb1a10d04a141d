// Package source reads news articles from the inputs a user names: plain
// text files (one article a file), JSON Lines files (one article a line),
// HTML pages (one article a page), RSS and Atom feeds (one article an
// item), WARC files (one article an HTML response record), directories of
// such files, glob patterns the shell left unexpanded ("news/*.jsonl.gz"),
// http(s) URLs of pages and feeds, and standard input.
// Gzip-compressed inputs are decompressed transparently.
//
// Read yields the articles in input order, one at a time, so that memory
// stays flat whatever the size of an input: a JSONL stream is read line by
// line, a WARC file record by record, and an article, page or feed longer
// than Options.MaxBytes is skipped without being loaded whole. A bad
// article or an unreadable input yields an *Error that names the input (and
// the line, item or record) and reading goes on with the next article.
//
// The main text of an HTML page is found with trafilatura (a Go port of
// the Python library), falling back to readability when trafilatura finds
// none; its paragraphs are kept, separated by blank lines. Title, date,
// canonical URL and site name come from the page's metadata. Feed items
// usually carry only a summary of the article they link to: that summary
// (or the item's full content, when the feed has it) is the article's
// text, and the linked pages are not fetched.
package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/eventwire/eventwire"
)

// DefaultMaxBytes is the largest article accepted when Options.MaxBytes is 0.
const DefaultMaxBytes = 16 << 20

// DefaultTimeout bounds the fetch of a URL when Options.Timeout is 0.
const DefaultTimeout = 30 * time.Second

// Formats accepted in Options.Format.
const (
	FormatAuto  = "auto"
	FormatText  = "text"
	FormatJSONL = "jsonl"
	FormatHTML  = "html"
	FormatFeed  = "feed" // RSS, Atom or JSON Feed
	FormatWARC  = "warc"
)

// Options tune Read. The zero value is ready to use.
type Options struct {
	// Published is the publication date given to articles that carry none
	// (any form that ParseDate accepts; "" for unknown).
	Published string

	// Format is "auto" (or ""), "text", "jsonl", "html", "feed" or "warc".
	// Auto decides by the name, before any .gz: .jsonl and .ndjson are
	// JSONL, .html, .htm and .xhtml HTML, .rss and .atom feeds, .warc WARC.
	// Other inputs are sniffed: JSONL when the first non-whitespace byte
	// is '{'; WARC when they start with "WARC/"; a feed when the first
	// element is <rss>, <feed> or <rdf:RDF>; HTML when it is <html> (or a
	// doctype html, <head>, <body>, <div>, <p>, ...); plain text otherwise.
	// A .xml name that is not HTML is read as a feed. A URL is read by its
	// Content-Type, then sniffed.
	Format string

	// MaxBytes is the largest article accepted: the size of a text file,
	// HTML page or feed, the length of a JSONL line, the payload of a WARC
	// record, the body of a fetched URL. 0 means DefaultMaxBytes.
	MaxBytes int64

	// Timeout bounds the fetch of a URL, redirects and body included.
	// 0 means DefaultTimeout.
	Timeout time.Duration

	// Stdin is what the name "-" reads; nil means os.Stdin. Read never
	// closes it.
	Stdin io.Reader
}

// Read yields the articles of the named inputs in order. A name is a file,
// a directory (read recursively, files in lexical path order, skipping
// hidden files and directories, whose name starts with ".", and everything
// that is not a regular file, such as symbolic links), an http:// or
// https:// URL (fetched within Options.Timeout, following at most
// MaxRedirects redirects, with the User-Agent UserAgent()), or "-" for
// standard input. No names, no articles.
//
// A bad article or an unreadable input yields a non-nil *Error (and a zero
// Article) and reading goes on with the next article; an input that fails
// part way through (a read error, corrupt gzip, a truncated WARC file, a
// fetch that times out) ends after its error. Ranging stops early when the
// consumer breaks. When ctx is done, Read yields ctx.Err() (not wrapped)
// once and stops; a read that blocks, such as one from a terminal, is not
// interrupted, but a fetch is.
//
// Plain-text articles get Title from their first non-empty line, Text
// exactly as read (less a leading byte-order mark), Origin.Line 0 and no ID.
// JSONL articles take "text" (or "body"), "id" (string or number), "title",
// "url", "source" and "published" from each line's object. An HTML page's
// article has its main text as paragraphs separated by blank lines, and
// Title, URL (the canonical URL, else the one fetched), Source (the site's
// name, else its host name) and Published from the page's metadata; no ID.
// A feed item's article has the item's content or description as text, its
// GUID as ID, its title, link and date, and the feed's title as Source;
// Origin.Line is the item's number. A WARC response record's article is
// its page's, the record's WARC-Target-URI and WARC-Date standing in for
// the URL and date that the page lacks; Origin.Line is the record's number.
func Read(ctx context.Context, names []string, opt Options) iter.Seq2[eventwire.Article, error] {
	return func(yield func(eventwire.Article, error) bool) {
		r := &reader{ctx: ctx, yield: yield, stdin: opt.Stdin}
		if err := r.setOptions(opt); err != nil {
			r.emit(eventwire.Article{}, &Error{Err: err})
			return
		}
		for _, name := range names {
			if !r.readName(name) {
				return
			}
		}
	}
}

// reader is the state of one iteration. Every method that reads returns
// false when the iteration must stop: the consumer broke or ctx is done.
type reader struct {
	ctx       context.Context
	yield     func(eventwire.Article, error) bool
	stdin     io.Reader
	published string // normalised Options.Published
	format    string
	max       int64
	timeout   time.Duration
	client    *http.Client // made on the first URL
	stopped   bool
	line      []byte // JSONL line buffer, reused
}

func (r *reader) setOptions(opt Options) error {
	switch opt.Format {
	case "", FormatAuto:
		r.format = FormatAuto
	case FormatText, FormatJSONL, FormatHTML, FormatFeed, FormatWARC:
		r.format = opt.Format
	default:
		return fmt.Errorf("%w: format %s: want auto, text, jsonl, html, feed or warc", ErrBadOption, quote(opt.Format))
	}
	switch {
	case opt.Timeout == 0:
		r.timeout = DefaultTimeout
	case opt.Timeout < 0:
		return fmt.Errorf("%w: Timeout %v is negative", ErrBadOption, opt.Timeout)
	default:
		r.timeout = opt.Timeout
	}
	switch {
	case opt.MaxBytes == 0:
		r.max = DefaultMaxBytes
	case opt.MaxBytes < 0:
		return fmt.Errorf("%w: MaxBytes %d is negative", ErrBadOption, opt.MaxBytes)
	default:
		r.max = min(opt.MaxBytes, 1<<62) // no overflow in r.max+2
	}
	if opt.Published != "" {
		d, err := ParseDate(opt.Published)
		if err != nil {
			return fmt.Errorf("%w: default published date: %w", ErrBadOption, err)
		}
		r.published = d
	}
	if r.stdin == nil {
		r.stdin = os.Stdin
	}
	return nil
}

// emit hands one result to the consumer; it reports whether to go on.
func (r *reader) emit(a eventwire.Article, err error) bool {
	if r.stopped {
		return false
	}
	if !r.yield(a, err) {
		r.stopped = true
	}
	return !r.stopped
}

// fail yields an *Error for origin name:line.
func (r *reader) fail(name string, line int, err error) bool {
	return r.emit(eventwire.Article{}, &Error{Origin: eventwire.Origin{Name: name, Line: line}, Err: err})
}

// done reports whether ctx is done; the first time it is, it yields
// ctx.Err() and stops the iteration.
func (r *reader) done() bool {
	if r.stopped {
		return true
	}
	err := r.ctx.Err()
	if err == nil {
		return false
	}
	r.emit(eventwire.Article{}, err)
	r.stopped = true
	return true
}

func (r *reader) readName(name string) bool {
	if r.done() {
		return false
	}
	if name == "-" {
		return r.readStream(&input{name: "-"}, r.stdin, -1, "")
	}
	if isURL(name) {
		return r.readURL(name)
	}
	fi, err := os.Stat(name)
	if errors.Is(err, fs.ErrNotExist) && strings.ContainsAny(name, "*?[") {
		return r.readGlob(name)
	}
	if err != nil {
		return r.fail(name, 0, osError(err))
	}
	if !fi.IsDir() {
		// A name given outright is read whatever it is (a regular file,
		// a named pipe, /dev/stdin ...); only directory entries are
		// restricted to regular files.
		return r.readFile(name)
	}
	root := name
	if li, err := os.Lstat(name); err == nil && li.Mode()&fs.ModeSymlink != 0 {
		// WalkDir does not follow a symbolic link at its root; a
		// trailing separator makes it do so.
		root = name + string(filepath.Separator)
	}
	ok := true
	// WalkDir visits entries in lexical order and errors only if we do.
	_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if err != nil {
			// The root cannot be read, or a directory cannot be listed;
			// report it and go on with what can be read.
			ok = r.fail(path, 0, osError(err))
		} else if d.Type().IsRegular() {
			ok = !r.done() && r.readFile(path)
		}
		if !ok {
			return filepath.SkipAll
		}
		return nil
	})
	return ok
}

// readGlob reads the files and directories a pattern such as
// "news/*.jsonl.gz" matches (for a shell that did not expand it, or a
// list of inputs kept in a file), in lexical order. A pattern that
// matches nothing, or is malformed, is a failed input.
func (r *reader) readGlob(pattern string) bool {
	names, err := filepath.Glob(pattern)
	switch {
	case err != nil:
		return r.fail(pattern, 0, fmt.Errorf("bad pattern: %w", err))
	case len(names) == 0:
		return r.fail(pattern, 0, errors.New("no file matches the pattern"))
	}
	for _, n := range names {
		if !r.readName(n) {
			return false
		}
	}
	return true
}

// readFile reads one named input; it closes it before returning.
func (r *reader) readFile(name string) bool {
	f, err := os.Open(name)
	if err != nil {
		return r.fail(name, 0, osError(err))
	}
	defer f.Close()
	size := int64(-1)
	if fi, err := f.Stat(); err == nil {
		if fi.IsDir() { // replaced by a directory since it was listed
			return r.fail(name, 0, fmt.Errorf("%w: is a directory", ErrNotArticle))
		}
		if fi.Mode().IsRegular() {
			size = fi.Size()
		}
	}
	return r.readStream(&input{name: name}, f, size, "")
}

const bufSize = 64 << 10

var bom = []byte{0xEF, 0xBB, 0xBF}

// readStream reads one input: decompresses it, decides its format and reads
// its articles. size is the input's size in bytes when known, else -1;
// ctype is its Content-Type when fetched from a URL, else "".
func (r *reader) readStream(in *input, rd io.Reader, size int64, ctype string) bool {
	in.src = &srcReader{ctx: r.ctx, r: rd}
	br := bufio.NewReaderSize(in.src, bufSize)
	format := r.format
	if format == FormatAuto {
		if in.url == "" {
			format = formatByName(in.name)
		} else if format = formatByType(ctype); format == FormatAuto {
			// Served as text/plain or application/octet-stream: the
			// path may tell (a .warc.gz), else the content will.
			format = formatByName(urlPath(in.url))
		}
	}
	if format == FormatWARC {
		// gowarc decompresses a .warc.gz itself, record by record, and
		// so knows each record's offset in the file.
		return r.readWARC(in, br)
	}
	p, err := peek(br, 2)
	if err != nil {
		return r.readFailed(in, 0, err)
	}
	if len(p) == 2 && p[0] == 0x1f && p[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			in.gzip = true
			return r.readFailed(in, 0, err)
		}
		defer zr.Close()
		in.gzip = true
		br = bufio.NewReaderSize(zr, bufSize)
		size = -1
	}
	// A leading UTF-8 byte-order mark is no part of the article: it is
	// stripped from the text (and ignored when sniffing). Offsets in
	// messages still count it, so that they are offsets into the input.
	p, err = peek(br, len(bom))
	if err != nil {
		return r.readFailed(in, 0, err)
	}
	if bytes.Equal(p, bom) {
		_, _ = br.Discard(len(bom))
		in.bom = len(bom)
		if size >= 0 {
			size -= int64(len(bom))
		}
	}
	if format == FormatAuto {
		if format, err = sniff(br, ctype); err != nil {
			return r.readFailed(in, 0, err)
		}
		if format == FormatText && in.url == "" && isXMLName(in.name) {
			format = FormatFeed
		}
	}
	switch format {
	case FormatJSONL:
		return r.readJSONL(in, br)
	case FormatHTML:
		return r.readHTML(in, br, page{ctype: ctype, url: in.url})
	case FormatFeed:
		return r.readFeed(in, br)
	case FormatWARC:
		return r.readWARC(in, br)
	}
	return r.readText(in, br, size)
}

// formatByName decides the format of an input from its name, ignoring a
// final .gz; "auto" when the name does not tell.
func formatByName(name string) string {
	lower := strings.TrimSuffix(strings.ToLower(name), ".gz")
	switch filepath.Ext(lower) {
	case ".jsonl", ".ndjson":
		return FormatJSONL
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".rss", ".atom":
		return FormatFeed
	case ".warc":
		return FormatWARC
	}
	return FormatAuto
}

// urlPath returns the path of a URL, "" when it has none.
func urlPath(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return p.Path
}

// isXMLName reports a name ending in .xml (before any .gz).
func isXMLName(name string) bool {
	return strings.HasSuffix(strings.TrimSuffix(strings.ToLower(name), ".gz"), ".xml")
}

// input is what messages need to know about the input being read.
type input struct {
	name string
	url  string // the final URL of a fetched input, else ""
	src  *srcReader
	gzip bool
	bom  int // length of the byte-order mark stripped, 0 if none
}

// peek returns up to n bytes without consuming them; at the end of the
// input it returns fewer and no error.
func peek(br *bufio.Reader, n int) ([]byte, error) {
	p, err := br.Peek(n)
	if err == io.EOF {
		err = nil
	}
	return p, err
}

// sniff decides the format of an input in auto mode: by its Content-Type
// when fetched, else by its first bytes. It reads no further than the
// first non-whitespace byte (or one buffer of whitespace) unless that byte
// is '<' or 'W', so a slow stream is not held up.
func sniff(br *bufio.Reader, ctype string) (string, error) {
	if f := formatByType(ctype); f != FormatAuto {
		return f, nil
	}
	for i := 0; i < br.Size(); i++ {
		p, err := peek(br, i+1)
		if err != nil {
			return "", err
		}
		if len(p) <= i {
			return FormatText, nil // only whitespace: an empty text article
		}
		switch p[i] {
		case ' ', '\t', '\r', '\n':
			continue
		case '{':
			return FormatJSONL, nil
		case 'W':
			if p, err = peek(br, i+len(warcMagic)); err != nil {
				return "", err
			}
			if bytes.HasPrefix(p[i:], warcMagic) {
				return FormatWARC, nil
			}
			return FormatText, nil
		case '<':
			if p, err = peek(br, min(i+sniffLen, br.Size())); err != nil {
				return "", err
			}
			return markupFormat(p[i:]), nil
		default:
			return FormatText, nil
		}
	}
	return FormatText, nil
}

var warcMagic = []byte("WARC/")

// sniffLen is how many bytes of markup sniffing looks at.
const sniffLen = 1024

// formatByType decides the format of a fetched input from its
// Content-Type; "auto" when the type does not tell (text/xml, text/plain,
// application/octet-stream ...).
func formatByType(ctype string) string {
	if ctype == "" {
		return FormatAuto
	}
	mt, _, _ := strings.Cut(ctype, ";")
	switch strings.ToLower(strings.TrimSpace(mt)) {
	case "text/html", "application/xhtml+xml":
		return FormatHTML
	case "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json":
		return FormatFeed
	case "application/warc":
		return FormatWARC
	case "application/x-ndjson", "application/jsonl", "application/x-jsonlines":
		return FormatJSONL
	}
	return FormatAuto
}

// markupFormat classifies an input that starts with '<' by its first
// element, past any XML declaration, processing instructions, comments and
// doctype: feed for <rss>, <feed> and <rdf:RDF>; HTML for a doctype html
// and for the elements that open HTML pages and fragments; feed for other
// XML (a document with an XML declaration), so that the feed reader says
// what is wrong with it; plain text otherwise.
func markupFormat(p []byte) string {
	xml := false
	for {
		p = bytes.TrimLeft(p, " \t\r\n")
		switch {
		case len(p) < 2 || p[0] != '<':
			// Not markup, or the end of what was peeked.
		case bytes.HasPrefix(p, []byte("<?")):
			xml = xml || hasPrefixFold(p, "<?xml")
			p = skipPast(p, "?>")
			continue
		case bytes.HasPrefix(p, []byte("<!--")):
			p = skipPast(p, "-->")
			continue
		case hasPrefixFold(p, "<!doctype"):
			rest := bytes.TrimLeft(p[len("<!doctype"):], " \t\r\n")
			if hasPrefixFold(rest, "html") {
				return FormatHTML
			}
			p = skipPast(p, ">")
			continue
		default:
			end := 1
			for end < len(p) && (isNameByte(p[end])) {
				end++
			}
			switch strings.ToLower(string(p[1:end])) {
			case "rss", "feed", "rdf:rdf":
				return FormatFeed
			case "html", "head", "body", "meta", "title", "link", "script", "style",
				"div", "p", "article", "section", "main", "header", "table", "h1", "h2",
				"h3", "h4", "h5", "h6", "span", "a", "ul", "ol", "b", "i", "em", "strong",
				"br", "img", "nav", "form", "base", "noscript":
				return FormatHTML
			}
		}
		if xml {
			return FormatFeed
		}
		return FormatText
	}
}

func isNameByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == ':' || c == '-' || c == '_'
}

// hasPrefixFold reports whether p starts with the lower-case ASCII prefix,
// in any case.
func hasPrefixFold(p []byte, prefix string) bool {
	return len(p) >= len(prefix) && strings.EqualFold(string(p[:len(prefix)]), prefix)
}

// skipPast returns p after the first occurrence of end, or nothing.
func skipPast(p []byte, end string) []byte {
	if i := bytes.Index(p, []byte(end)); i >= 0 {
		return p[i+len(end):]
	}
	return nil
}

// readFailed reports an input that failed part way through; ctx being done
// stops the iteration instead.
func (r *reader) readFailed(in *input, line int, err error) bool {
	if r.done() {
		return false
	}
	switch {
	case in.src.err != nil && errors.Is(err, in.src.err):
		// The input itself failed.
		err = fmt.Errorf("%w: %w", ErrRead, osError(err))
	case in.gzip:
		err = fmt.Errorf("%w: %w", ErrGzip, err)
	default:
		err = fmt.Errorf("%w: %w", ErrRead, osError(err))
	}
	return r.fail(in.name, line, err)
}

// readText reads a plain-text input as one article.
func (r *reader) readText(in *input, br *bufio.Reader, size int64) bool {
	if size > r.max {
		return r.fail(in.name, 0, fmt.Errorf("%w: %d bytes, over the %d-byte limit", ErrTooLarge, size, r.max))
	}
	var sb strings.Builder
	if size >= 0 && int64(int(size)) == size {
		sb.Grow(int(size)) // one allocation for a file of known size
	}
	n, err := io.Copy(growWriter{&sb}, io.LimitReader(br, r.max+1))
	if err != nil {
		return r.readFailed(in, 0, err)
	}
	if n > r.max {
		return r.fail(in.name, 0, fmt.Errorf("%w: over the %d-byte limit", ErrTooLarge, r.max))
	}
	if r.done() {
		return false
	}
	text := sb.String()
	if err := checkText(text, in.bom, ""); err != nil {
		return r.fail(in.name, 0, err)
	}
	return r.emit(eventwire.Article{
		Title:     firstLine(text),
		Published: r.published,
		Text:      text,
		Origin:    eventwire.Origin{Name: in.name},
	}, nil)
}

// growWriter writes to a strings.Builder, doubling its capacity when it
// must grow (its Write alone grows large buffers by a quarter, copying the
// text many times over).
type growWriter struct{ sb *strings.Builder }

func (w growWriter) Write(p []byte) (int, error) {
	w.sb.Grow(len(p))
	return w.sb.Write(p)
}

// checkText returns the first problem of an article text: a NUL byte,
// invalid UTF-8 or nothing but whitespace. base is added to offsets in
// messages, where says what they count ("" for the input).
func checkText(s string, base int, where string) error {
	if i := strings.IndexByte(s, 0); i >= 0 && !(base == 0 && isUTF16(s)) {
		if where == "" {
			where = " (binary file?)"
		}
		return fmt.Errorf("%w at byte offset %d%s", ErrNUL, base+i, where)
	}
	if i := invalidUTF8(s); i >= 0 {
		if i == 0 && base == 0 && isUTF16(s) {
			return fmt.Errorf("%w at byte offset 0: a UTF-16 byte-order mark (convert the input to UTF-8)", ErrInvalidUTF8)
		}
		return fmt.Errorf("%w at byte offset %d%s", ErrInvalidUTF8, base+i, where)
	}
	if strings.TrimSpace(s) == "" {
		if s == "" {
			return fmt.Errorf("%w: no text", ErrEmpty)
		}
		return fmt.Errorf("%w: only whitespace", ErrEmpty)
	}
	return nil
}

// isUTF16 reports whether s starts with a UTF-16 byte-order mark.
func isUTF16[T string | []byte](s T) bool {
	return len(s) >= 2 && (s[0] == 0xFF && s[1] == 0xFE || s[0] == 0xFE && s[1] == 0xFF)
}

// invalidUTF8 returns the byte offset of the first invalid UTF-8 sequence
// in s, or -1.
func invalidUTF8(s string) int {
	if utf8.ValidString(s) {
		return -1
	}
	for i := 0; i < len(s); {
		c, n := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// firstLine returns the first line of s that is not blank, trimmed.
func firstLine(s string) string {
	for line := range strings.Lines(s) {
		if t := strings.TrimSpace(line); t != "" {
			return t
		}
	}
	return ""
}

// readJSONL reads a JSONL input line by line.
func (r *reader) readJSONL(in *input, br *bufio.Reader) bool {
	for n := 1; ; n++ {
		if r.done() {
			return false
		}
		line, size, err := r.readLine(br)
		if err != nil && err != io.EOF {
			return r.readFailed(in, n, err)
		}
		if size > r.max {
			if !r.fail(in.name, n, fmt.Errorf("%w: line of %d bytes, over the %d-byte limit", ErrTooLarge, size, r.max)) {
				return false
			}
		} else if len(bytes.TrimSpace(line)) > 0 {
			base := 0
			if n == 1 {
				base = in.bom
			}
			a, err := r.parseLine(line, base)
			if err != nil {
				if !r.fail(in.name, n, err) {
					return false
				}
			} else {
				a.Origin = eventwire.Origin{Name: in.name, Line: n}
				if !r.emit(a, nil) {
					return false
				}
			}
		}
		if err == io.EOF {
			return true
		}
	}
}

// readLine reads the next line, without its "\n" or "\r\n". size is the
// length of the line; when it is over r.max, line is nil and the rest of
// the line has been skipped, not kept in memory. err is io.EOF for the last
// line (which may be empty). line is valid until the next call.
func (r *reader) readLine(br *bufio.Reader) (line []byte, size int64, err error) {
	if r.line == nil {
		r.line = make([]byte, 0, bufSize)
	}
	buf := r.line[:0] // holds a line that fits
	var more [][]byte // a longer line, in chunks: no copying as it grows
	over := false
	var last, beforeLast byte
	for {
		chunk, err := br.ReadSlice('\n')
		size += int64(len(chunk))
		switch {
		case len(chunk) == 0:
		case over:
		case size > r.max+2: // room for "\r\n"
			over, buf, more = true, nil, nil
		case more == nil && len(buf)+len(chunk) <= cap(buf):
			buf = append(buf, chunk...)
		default:
			more = append(more, bytes.Clone(chunk))
		}
		if n := len(chunk); n >= 2 {
			beforeLast, last = chunk[n-2], chunk[n-1]
		} else if n == 1 {
			beforeLast, last = last, chunk[0]
		}
		if err == bufio.ErrBufferFull {
			if err := r.ctx.Err(); err != nil {
				return nil, 0, err
			}
			continue
		}
		if err != nil && err != io.EOF {
			return nil, size, err
		}
		if size > 0 && last == '\n' {
			size--
			if size > 0 && beforeLast == '\r' {
				size--
			}
		}
		if over || size > r.max {
			return nil, size, err
		}
		if more != nil {
			line = make([]byte, 0, size+2)
			line = append(line, buf...)
			for _, m := range more {
				line = append(line, m...)
			}
		} else {
			line = buf
		}
		return line[:size], size, err
	}
}

// srcReader is an input as read: it fails once ctx is done, and it
// remembers its own error, to tell a failing input from corrupt gzip data.
type srcReader struct {
	ctx context.Context
	r   io.Reader
	err error
}

func (s *srcReader) Read(p []byte) (int, error) {
	if err := s.ctx.Err(); err != nil {
		s.err = err
		return 0, err
	}
	n, err := s.r.Read(p)
	if err != nil && err != io.EOF {
		s.err = err
	}
	return n, err
}
