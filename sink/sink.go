// Package sink writes records out in the formats that `eventwire extract`
// offers: JSONL (one record a line) and JSON (one indented array); and,
// with NewEvents, events as table rows in the formats that `eventwire
// query` and `eventwire export` offer: JSONL, CSV, GDELT 2.0 Events
// columns and ICEWS columns.
//
// A sink writes each record whole or not at all: a record is encoded into a
// buffer first, so an error or an interrupted run never leaves half a
// record in the output.
package sink

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/eventwire/eventwire"
)

// ErrFormat is returned by New for a format it does not know.
var ErrFormat = errors.New("unknown output format")

// Formats lists the formats New accepts.
var Formats = []string{"jsonl", "json"}

// Sink receives records in order and is closed once at the end.
type Sink interface {
	Write(r *eventwire.Record) error
	// Close finishes the output (for JSON, the closing bracket) and
	// flushes it. It does not close the underlying writer.
	Close() error
}

// New returns a sink writing format to w.
func New(format string, w io.Writer) (Sink, error) {
	switch format {
	case "jsonl", "":
		return &jsonl{w: bufio.NewWriterSize(w, 64<<10)}, nil
	case "json":
		return &jsonArray{w: bufio.NewWriterSize(w, 64<<10)}, nil
	}
	return nil, fmt.Errorf("%w %q (want one of %v)", ErrFormat, format, Formats)
}

// encode renders r without HTML escaping: article text stays readable
// ("<", ">" and "&" as they are), which is valid JSON.
func encode(buf *bytes.Buffer, r *eventwire.Record, indent string) error {
	buf.Reset()
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if indent != "" {
		enc.SetIndent(indent, "  ")
	}
	return enc.Encode(r)
}

// writeWhole writes b so that the buffer never flushes part of it: what
// reaches w before a crash is always whole records.
func writeWhole(w *bufio.Writer, b []byte) error {
	if len(b) > w.Available() && w.Buffered() > 0 {
		if err := w.Flush(); err != nil {
			return err
		}
	}
	_, err := w.Write(b)
	return err
}

type jsonl struct {
	w   *bufio.Writer
	buf bytes.Buffer
}

func (s *jsonl) Write(r *eventwire.Record) error {
	if err := encode(&s.buf, r, ""); err != nil {
		return err
	}
	return writeWhole(s.w, s.buf.Bytes())
}

func (s *jsonl) Close() error { return s.w.Flush() }

type jsonArray struct {
	w   *bufio.Writer
	buf bytes.Buffer
	out []byte // separator and record, written together
	n   int
}

func (s *jsonArray) Write(r *eventwire.Record) error {
	if err := encode(&s.buf, r, "  "); err != nil {
		return err
	}
	sep := ",\n  "
	if s.n == 0 {
		sep = "[\n  "
	}
	s.n++
	s.out = append(append(s.out[:0], sep...), bytes.TrimRight(s.buf.Bytes(), "\n")...)
	return writeWhole(s.w, s.out)
}

func (s *jsonArray) Close() error {
	end := "\n]\n"
	if s.n == 0 {
		end = "[]\n"
	}
	if _, err := s.w.WriteString(end); err != nil {
		return err
	}
	return s.w.Flush()
}
