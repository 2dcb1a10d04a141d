package conllu

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Reader reads sentences from CoNLL-U input.
type Reader struct {
	r    *bufio.Reader
	line int   // number of the last line read
	err  error // sticky read error, io.EOF at the end
	buf  []byte

	wordLines []int // the line of each word of the sentence being read
	tokenLine int   // the line of its last multiword token
}

// NewReader returns a Reader that reads from r.
func NewReader(r io.Reader) *Reader {
	return &Reader{r: bufio.NewReaderSize(r, 64<<10)}
}

// Open opens the CoNLL-U file at path for reading, un-gzipping it when it
// is gzip-compressed (whatever its name). Close the Closer when done.
func Open(path string) (*Reader, io.Closer, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	br := bufio.NewReaderSize(f, 64<<10)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			f.Close()
			return nil, nil, fmt.Errorf("%s: %w", path, err)
		}
		return NewReader(zr), closers{zr, f}, nil
	}
	return &Reader{r: br}, f, nil
}

type closers []io.Closer

func (cs closers) Close() error {
	var errs []error
	for _, c := range cs {
		errs = append(errs, c.Close())
	}
	return errors.Join(errs...)
}

// Next returns the next sentence, or io.EOF after the last one.
//
// A malformed line yields an *Error; the rest of its sentence is skipped
// and the following call goes on with the next sentence. Read errors are
// returned as they are, and again by every later call.
func (r *Reader) Next() (*Sentence, error) {
	var s *Sentence
	var bad error
	for {
		line, err := r.readLine()
		if err != nil {
			if bad != nil {
				return nil, bad
			}
			if s != nil && err == io.EOF {
				return r.finish(s) // no blank line after the last sentence
			}
			return nil, err
		}
		if strings.TrimSpace(line) == "" {
			if bad != nil {
				return nil, bad
			}
			if s != nil {
				return r.finish(s)
			}
			continue
		}
		if bad != nil {
			continue // skip the rest of a broken sentence
		}
		if s == nil {
			s = &Sentence{Line: r.line}
			r.wordLines = r.wordLines[:0]
		}
		if err := r.parseLine(s, line); err != nil {
			bad = &Error{Line: r.line, Err: err}
		}
	}
}

// readLine returns the next line without its line break.
func (r *Reader) readLine() (string, error) {
	if r.err != nil {
		return "", r.err
	}
	r.buf = r.buf[:0]
	for {
		chunk, err := r.r.ReadSlice('\n')
		r.buf = append(r.buf, chunk...)
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			if err != io.EOF || len(r.buf) == 0 {
				r.err = err
				return "", err
			}
			r.err = io.EOF // a last line without a line break
		}
		break
	}
	r.line++
	b := bytes.TrimSuffix(r.buf, []byte{'\n'})
	b = bytes.TrimSuffix(b, []byte{'\r'})
	if r.line == 1 {
		b = bytes.TrimPrefix(b, []byte("\uFEFF"))
	}
	return string(b), nil
}

func (r *Reader) parseLine(s *Sentence, line string) error {
	if line[0] == '#' {
		if len(s.Words) > 0 || len(s.Tokens) > 0 || len(s.Empty) > 0 {
			return fmt.Errorf("%w: comment after the words", ErrOrder)
		}
		c := strings.TrimPrefix(line[1:], " ")
		s.Comments = append(s.Comments, c)
		if v, ok := strings.CutPrefix(c, "sent_id = "); ok {
			s.ID = v
		} else if v, ok := strings.CutPrefix(c, "text = "); ok {
			s.Text = v
		}
		return nil
	}
	if n := strings.Count(line, "\t") + 1; n != 10 {
		return fmt.Errorf("%w: %d, want 10", ErrColumns, n)
	}
	var f [10]string
	rest := line
	for i := 0; i < 9; i++ {
		j := strings.IndexByte(rest, '\t')
		f[i], rest = rest[:j], rest[j+1:]
	}
	f[9] = rest
	for i, c := range f {
		if c == "" {
			return fmt.Errorf("%w: column %d is empty", ErrColumns, i+1)
		}
	}
	id := f[0]
	next := len(s.Words) + 1
	if a, b, ok := strings.Cut(id, "-"); ok {
		first, err1 := strconv.Atoi(a)
		last, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil || !plainInt(a) || !plainInt(b) || first >= last {
			return fmt.Errorf("%w: %q is not a range", ErrID, id)
		}
		if first != next {
			return fmt.Errorf("%w: range %q does not start at word %d", ErrID, id, next)
		}
		if k := len(s.Tokens) - 1; k >= 0 && s.Tokens[k].Last >= first {
			return fmt.Errorf("%w: range %q overlaps the one before", ErrID, id)
		}
		r.tokenLine = r.line
		s.Tokens = append(s.Tokens, Multiword{First: first, Last: last, Form: f[1], Misc: f[9]})
		return nil
	}
	if a, b, ok := strings.Cut(id, "."); ok {
		major, err1 := strconv.Atoi(a)
		minor, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil || !plainInt(a) || !plainInt(b) || minor < 1 {
			return fmt.Errorf("%w: %q is not an empty node", ErrID, id)
		}
		if major != next-1 {
			return fmt.Errorf("%w: empty node %q after word %d", ErrID, id, next-1)
		}
		if k := len(s.Empty) - 1; k >= 0 && s.Empty[k].Major == major && s.Empty[k].Minor >= minor {
			return fmt.Errorf("%w: empty node %q out of order", ErrID, id)
		}
		s.Empty = append(s.Empty, EmptyNode{Major: major, Minor: minor, Form: f[1], Lemma: f[2],
			UPOS: f[3], XPOS: f[4], Feats: f[5], Deps: f[8], Misc: f[9]})
		return nil
	}
	wid, err := strconv.Atoi(id)
	if err != nil || !plainInt(id) {
		return fmt.Errorf("%w: %q", ErrID, id)
	}
	if wid != next {
		return fmt.Errorf("%w: word %d where %d was expected", ErrID, wid, next)
	}
	head := NoHead
	if f[6] != "_" {
		h, err := strconv.Atoi(f[6])
		if err != nil || !plainInt(f[6]) {
			return fmt.Errorf("%w: %q", ErrHead, f[6])
		}
		if h == wid {
			return fmt.Errorf("%w: word %d is its own head", ErrHead, wid)
		}
		head = h
	}
	r.wordLines = append(r.wordLines, r.line)
	s.Words = append(s.Words, Word{ID: wid, Form: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4],
		Feats: f[5], Head: head, Deprel: f[7], Deps: f[8], Misc: f[9]})
	return nil
}

// plainInt reports whether s is a non-empty run of ASCII digits.
func plainInt(s string) bool {
	if s == "" || len(s) > 9 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// finish checks what can only be checked once the sentence is complete.
func (r *Reader) finish(s *Sentence) (*Sentence, error) {
	n := len(s.Words)
	if n == 0 {
		return nil, &Error{Line: s.Line, Err: fmt.Errorf("%w: sentence without words", ErrOrder)}
	}
	for i, w := range s.Words {
		if w.Head > n {
			return nil, &Error{Line: r.wordLines[i],
				Err: fmt.Errorf("%w: %d, the sentence has %d words", ErrHead, w.Head, n)}
		}
	}
	if k := len(s.Tokens) - 1; k >= 0 && s.Tokens[k].Last > n {
		return nil, &Error{Line: r.tokenLine, Err: fmt.Errorf("%w: range %d-%d past the last word %d",
			ErrID, s.Tokens[k].First, s.Tokens[k].Last, n)}
	}
	return s, nil
}
