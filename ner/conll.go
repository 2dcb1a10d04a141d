package ner

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

// Format is the layout of a token-per-line NER file.
type Format int

// The formats that Reader reads.
const (
	// FormatUnknown is the format of a file that had no token line yet.
	FormatUnknown Format = iota
	// FormatCoNLL is CoNLL-2003: space-separated columns token, POS, chunk
	// and, optionally, the NER label last; "-DOCSTART-" lines start
	// documents.
	FormatCoNLL
	// FormatIOB2 is the Universal NER layout: tab-separated columns
	// index, token, label, ...; "#" comment lines, "# newdoc" starting a
	// document.
	FormatIOB2
)

func (f Format) String() string {
	switch f {
	case FormatCoNLL:
		return "CoNLL-2003"
	case FormatIOB2:
		return "IOB2"
	}
	return "unknown"
}

// Sentinel errors of the reader, wrapped in *ParseError.
var (
	// ErrColumns: a token line has too few columns, or an empty one.
	ErrColumns = errors.New("bad columns")
	// ErrLabel: a label is not O, B-TYPE or I-TYPE (E-, S-, L- and U- are
	// accepted too).
	ErrLabel = errors.New("bad label")
	// ErrMixed: a file mixes the CoNLL-2003 and IOB2 layouts.
	ErrMixed = errors.New("mixed formats")
	// ErrIndex: an IOB2 token index is not the next number.
	ErrIndex = errors.New("bad token index")
)

// ParseError is a malformed line of a token-per-line file.
type ParseError struct {
	Name string // the file name, "" when unknown
	Line int    // 1-based
	Err  error
}

func (e *ParseError) Error() string {
	if e.Name != "" {
		return e.Name + ":" + strconv.Itoa(e.Line) + ": " + e.Err.Error()
	}
	return "line " + strconv.Itoa(e.Line) + ": " + e.Err.Error()
}

func (e *ParseError) Unwrap() error { return e.Err }

// Sentence is one sentence of a token-per-line file, or a -DOCSTART- line.
type Sentence struct {
	Line int // the line of its first token (or of -DOCSTART-)

	// DocStart is set for a CoNLL-2003 -DOCSTART- line, which Reader
	// returns as a sentence of its own without words, and for the first
	// sentence of an IOB2 document ("# newdoc").
	DocStart bool

	Comments []string // IOB2 comment lines before the tokens, "#" included
	Words    []string
	POS      []string // the CoNLL-2003 POS column; nil in IOB2
	// Labels are the gold labels as written (IOB1 or IOB2), nil when the
	// input has no label column.
	Labels []string
	// Raw holds the token lines as read (and the -DOCSTART- line), so that
	// a writer can append a column.
	Raw []string
}

// Reader reads sentences of CoNLL-2003 or IOB2 files, detecting which from
// the first token line.
type Reader struct {
	r      *bufio.Reader
	name   string
	line   int
	err    error
	format Format
	buf    []byte
	// pending is set when buf holds a line handed back by unread.
	pending bool
}

// NewReader returns a Reader of r; name is used in errors ("" for none).
func NewReader(r io.Reader, name string) *Reader {
	return &Reader{r: bufio.NewReaderSize(r, 64<<10), name: name}
}

// Format returns the format detected so far.
func (r *Reader) Format() Format { return r.format }

// Next returns the next sentence, or io.EOF after the last one. A
// malformed line yields a *ParseError and the rest of its sentence is
// skipped; the next call goes on after it.
func (r *Reader) Next() (*Sentence, error) {
	var s *Sentence
	var bad error
	for {
		line, err := r.readLine()
		if err != nil {
			if bad != nil {
				return nil, bad
			}
			if err == io.EOF && s != nil && len(s.Words) > 0 {
				return s, nil
			}
			if err == io.EOF && s != nil && len(s.Comments) > 0 {
				return nil, r.fail(s.Line, fmt.Errorf("%w: comments without tokens", ErrColumns))
			}
			return nil, err
		}
		if strings.TrimSpace(line) == "" {
			if bad != nil {
				return nil, bad
			}
			if s != nil && len(s.Words) > 0 {
				return s, nil
			}
			continue
		}
		if bad != nil {
			continue
		}
		if s == nil {
			s = &Sentence{Line: r.line}
		}
		if strings.HasPrefix(line, "-DOCSTART-") {
			if r.format == FormatIOB2 {
				bad = r.fail(r.line, fmt.Errorf("%w: -DOCSTART- in an IOB2 file", ErrMixed))
				continue
			}
			r.format = FormatCoNLL
			if len(s.Words) > 0 {
				// A -DOCSTART- line right after a sentence: hand the
				// sentence back and the line at the next call.
				r.unread(line)
				return s, nil
			}
			return &Sentence{Line: r.line, DocStart: true, Raw: []string{line}}, nil
		}
		if line[0] == '#' && len(s.Words) == 0 && r.format != FormatCoNLL {
			s.Comments = append(s.Comments, line)
			if strings.HasPrefix(line, "# newdoc") {
				s.DocStart = true
			}
			continue
		}
		if len(s.Words) == 0 {
			s.Line = r.line
		}
		if err := r.token(s, line); err != nil {
			bad = r.fail(r.line, err)
		}
	}
}

func (r *Reader) fail(line int, err error) error {
	return &ParseError{Name: r.name, Line: line, Err: err}
}

// unread hands a line back: readLine returns it again.
func (r *Reader) unread(line string) {
	r.buf = append(r.buf[:0], line...)
	r.line--
	r.pending = true
}

func (r *Reader) readLine() (string, error) {
	if r.pending {
		r.pending = false
		r.line++
		return string(r.buf), nil
	}
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
			r.err = io.EOF
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

// token parses one token line into s.
func (r *Reader) token(s *Sentence, line string) error {
	f := r.format
	if f == FormatUnknown {
		f = detect(line)
	}
	switch f {
	case FormatIOB2:
		cols := strings.Split(line, "\t")
		if len(cols) < 3 {
			if r.format == FormatUnknown {
				return fmt.Errorf("%w: %d tab-separated columns, want index, token, label", ErrColumns, len(cols))
			}
			return fmt.Errorf("%w: %d tab-separated columns, want index, token, label", ErrMixed, len(cols))
		}
		if want := strconv.Itoa(len(s.Words) + 1); cols[0] != want {
			return fmt.Errorf("%w: %q, want %s", ErrIndex, cols[0], want)
		}
		if cols[1] == "" {
			return fmt.Errorf("%w: empty token", ErrColumns)
		}
		if !validLabel(cols[2]) {
			return fmt.Errorf("%w: %q", ErrLabel, cols[2])
		}
		s.Words = append(s.Words, cols[1])
		s.Labels = append(s.Labels, cols[2])
	default:
		cols := strings.Fields(line)
		if len(cols) == 0 {
			return fmt.Errorf("%w: no token", ErrColumns)
		}
		if strings.ContainsRune(line, '\t') && isIndex(cols[0]) && len(cols) >= 3 {
			return fmt.Errorf("%w: an IOB2 line in a CoNLL-2003 file", ErrMixed)
		}
		hasLabel := len(cols) >= 4
		if len(s.Words) > 0 && hasLabel != (s.Labels != nil) {
			return fmt.Errorf("%w: %d columns: some tokens of the sentence have a label column and some not", ErrColumns, len(cols))
		}
		if hasLabel {
			if !validLabel(cols[len(cols)-1]) {
				return fmt.Errorf("%w: %q", ErrLabel, cols[len(cols)-1])
			}
			s.Labels = append(s.Labels, cols[len(cols)-1])
		}
		pos := ""
		if len(cols) >= 2 {
			pos = cols[1]
		}
		s.Words = append(s.Words, cols[0])
		s.POS = append(s.POS, pos)
	}
	s.Raw = append(s.Raw, line)
	r.format = f
	return nil
}

// detect guesses the format from the first token line: an IOB2 line has
// tabs and a number first.
func detect(line string) Format {
	cols := strings.Split(line, "\t")
	if len(cols) >= 3 && isIndex(cols[0]) {
		return FormatIOB2
	}
	return FormatCoNLL
}

func isIndex(s string) bool {
	if s == "" || len(s) > 6 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// validLabel reports whether s is O or PREFIX-TYPE with a known prefix.
func validLabel(s string) bool {
	if s == "O" {
		return true
	}
	if len(s) < 3 || s[1] != '-' {
		return false
	}
	switch s[0] {
	case 'B', 'I', 'E', 'S', 'L', 'U':
	default:
		return false
	}
	for _, r := range s[2:] {
		if r <= ' ' {
			return false
		}
	}
	return true
}

// Open opens a token-per-line file, un-gzipping it when it is
// gzip-compressed. Close the Closer when done.
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
		return NewReader(zr, path), closers{zr, f}, nil
	}
	return &Reader{r: br, name: path}, f, nil
}

type closers []io.Closer

func (cs closers) Close() error {
	var errs []error
	for _, c := range cs {
		errs = append(errs, c.Close())
	}
	return errors.Join(errs...)
}

// ReadFile reads all the sentences of a file (gzip or plain), -DOCSTART-
// items included, and returns them with the format detected. The first
// malformed line stops it.
func ReadFile(path string) ([]*Sentence, Format, error) {
	r, c, err := Open(path)
	if err != nil {
		return nil, FormatUnknown, err
	}
	defer c.Close()
	var out []*Sentence
	for {
		s, err := r.Next()
		if err == io.EOF {
			return out, r.Format(), nil
		}
		if err != nil {
			return nil, r.Format(), err
		}
		out = append(out, s)
	}
}

// Writer writes sentences back with one more column, as read.
type Writer struct {
	w *bufio.Writer
}

// NewWriter returns a Writer to w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: bufio.NewWriter(w)} }

// Write writes the sentence's comments and lines, each token line with
// labels[i] appended (a space before it in CoNLL-2003, a tab in IOB2),
// then a blank line. A -DOCSTART- line gets "O".
func (w *Writer) Write(s *Sentence, format Format, labels []string) error {
	sep := " "
	if format == FormatIOB2 {
		sep = "\t"
	}
	for _, c := range s.Comments {
		w.w.WriteString(c)
		w.w.WriteByte('\n')
	}
	for i, line := range s.Raw {
		l := "O"
		if i < len(labels) && !(s.DocStart && len(s.Words) == 0) {
			l = labels[i]
		}
		w.w.WriteString(line)
		w.w.WriteString(sep)
		w.w.WriteString(l)
		w.w.WriteByte('\n')
	}
	return w.w.WriteByte('\n')
}

// Flush writes what is buffered.
func (w *Writer) Flush() error { return w.w.Flush() }
