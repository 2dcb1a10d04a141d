// Package source reads news articles from the inputs a user names: plain
// text files (one article a file), JSON Lines files (one article a line),
// directories of such files, and standard input. Gzip-compressed inputs are
// decompressed transparently.
//
// Read yields the articles in input order, one at a time, so that memory
// stays flat whatever the size of an input: a JSONL stream is read line by
// line and an article longer than Options.MaxBytes is skipped without being
// loaded whole. A bad article or an unreadable input yields an *Error that
// names the input (and the line, for JSONL) and reading goes on with the
// next article.
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
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/eventwire/eventwire"
)

// DefaultMaxBytes is the largest article accepted when Options.MaxBytes is 0.
const DefaultMaxBytes = 16 << 20

// Formats accepted in Options.Format.
const (
	FormatAuto  = "auto"
	FormatText  = "text"
	FormatJSONL = "jsonl"
)

// Options tune Read. The zero value is ready to use.
type Options struct {
	// Published is the publication date given to articles that carry none
	// (any form that ParseDate accepts; "" for unknown).
	Published string

	// Format is "auto" (or ""), "text" or "jsonl". Auto treats names ending
	// in .jsonl or .ndjson (optionally followed by .gz) as JSONL and sniffs
	// every other input: JSONL when its first non-whitespace byte is '{',
	// plain text otherwise.
	Format string

	// MaxBytes is the largest article accepted: the size of a text file or
	// the length of a JSONL line. 0 means DefaultMaxBytes.
	MaxBytes int64

	// Stdin is what the name "-" reads; nil means os.Stdin. Read never
	// closes it.
	Stdin io.Reader
}

// Read yields the articles of the named inputs in order. A name is a file,
// a directory (read recursively, files in lexical path order, skipping
// hidden files and directories, whose name starts with ".", and everything
// that is not a regular file, such as symbolic links), or "-" for standard
// input. No names, no articles.
//
// A bad article or an unreadable input yields a non-nil *Error (and a zero
// Article) and reading goes on with the next article; an input that fails
// part way through (a read error, corrupt gzip) ends after its error.
// Ranging stops early when the consumer breaks. When ctx is done, Read
// yields ctx.Err() (not wrapped) once and stops; a read that blocks, such
// as one from a terminal, is not interrupted.
//
// Plain-text articles get Title from their first non-empty line, Text
// exactly as read (less a leading byte-order mark), Origin.Line 0 and no ID.
// JSONL articles take "text" (or "body"), "id" (string or number), "title",
// "url", "source" and "published" from each line's object.
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
	stopped   bool
	line      []byte // JSONL line buffer, reused
}

func (r *reader) setOptions(opt Options) error {
	switch opt.Format {
	case "", FormatAuto:
		r.format = FormatAuto
	case FormatText, FormatJSONL:
		r.format = opt.Format
	default:
		return fmt.Errorf("%w: format %s: want auto, text or jsonl", ErrBadOption, quote(opt.Format))
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
		return r.readStream("-", r.stdin, -1)
	}
	fi, err := os.Stat(name)
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
	return r.readStream(name, f, size)
}

const bufSize = 64 << 10

var bom = []byte{0xEF, 0xBB, 0xBF}

// readStream reads one input: decompresses it, decides its format and reads
// its articles. size is the input's size in bytes when known, else -1.
func (r *reader) readStream(name string, rd io.Reader, size int64) bool {
	in := &input{name: name, src: &srcReader{ctx: r.ctx, r: rd}}
	br := bufio.NewReaderSize(in.src, bufSize)
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
	// stripped from the text (and ignored when sniffing JSONL). Offsets in
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
	jsonl := r.format == FormatJSONL
	if r.format == FormatAuto {
		if jsonl, err = isJSONL(name, br); err != nil {
			return r.readFailed(in, 0, err)
		}
	}
	if jsonl {
		return r.readJSONL(in, br)
	}
	return r.readText(in, br, size)
}

// input is what messages need to know about the input being read.
type input struct {
	name string
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

// isJSONL decides the format of an input in auto mode: by its name, else
// by its first non-whitespace byte. It reads no further than that byte (or
// one buffer of whitespace), so a slow stream is not held up.
func isJSONL(name string, br *bufio.Reader) (bool, error) {
	lower := strings.TrimSuffix(strings.ToLower(name), ".gz")
	if strings.HasSuffix(lower, ".jsonl") || strings.HasSuffix(lower, ".ndjson") {
		return true, nil
	}
	for i := 0; i < br.Size(); i++ {
		p, err := peek(br, i+1)
		if err != nil {
			return false, err
		}
		if len(p) <= i {
			return false, nil // only whitespace: an empty text article
		}
		switch p[i] {
		case ' ', '\t', '\r', '\n':
			continue
		case '{':
			return true, nil
		default:
			return false, nil
		}
	}
	return false, nil
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
