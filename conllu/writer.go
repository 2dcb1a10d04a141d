package conllu

import (
	"bufio"
	"io"
	"strconv"
)

// Writer writes sentences in CoNLL-U. Columns are written as they are held
// (the Reader keeps "_" as "_"); an empty column is written as "_", and a
// Head of NoHead as "_".
type Writer struct {
	w   *bufio.Writer
	buf []byte
}

// NewWriter returns a writer to w. Call Flush when done.
func NewWriter(w io.Writer) *Writer { return &Writer{w: bufio.NewWriter(w)} }

// Write writes one sentence: its comments, then its words with each
// multiword token line before its first word and each empty node after
// its word, then a blank line.
func (w *Writer) Write(s *Sentence) error {
	b := w.buf[:0]
	for _, c := range s.Comments {
		b = append(b, "# "...)
		b = append(b, c...)
		b = append(b, '\n')
	}
	m, e := 0, 0
	for e < len(s.Empty) && s.Empty[e].Major == 0 {
		b = appendEmpty(b, &s.Empty[e])
		e++
	}
	for i := range s.Words {
		wd := &s.Words[i]
		for m < len(s.Tokens) && s.Tokens[m].First == wd.ID {
			t := &s.Tokens[m]
			b = strconv.AppendInt(b, int64(t.First), 10)
			b = append(b, '-')
			b = strconv.AppendInt(b, int64(t.Last), 10)
			b = appendCols(b, t.Form, "_", "_", "_", "_", "_", "_", "_", t.Misc)
			m++
		}
		b = strconv.AppendInt(b, int64(wd.ID), 10)
		head := "_"
		if wd.Head != NoHead {
			head = strconv.Itoa(wd.Head)
		}
		b = appendCols(b, wd.Form, wd.Lemma, wd.UPOS, wd.XPOS, wd.Feats, head, wd.Deprel, wd.Deps, wd.Misc)
		for e < len(s.Empty) && s.Empty[e].Major == wd.ID {
			b = appendEmpty(b, &s.Empty[e])
			e++
		}
	}
	b = append(b, '\n')
	w.buf = b
	_, err := w.w.Write(b)
	return err
}

// Flush writes any buffered data to the underlying writer.
func (w *Writer) Flush() error { return w.w.Flush() }

func appendEmpty(b []byte, n *EmptyNode) []byte {
	b = strconv.AppendInt(b, int64(n.Major), 10)
	b = append(b, '.')
	b = strconv.AppendInt(b, int64(n.Minor), 10)
	return appendCols(b, n.Form, n.Lemma, n.UPOS, n.XPOS, n.Feats, "_", "_", n.Deps, n.Misc)
}

// appendCols appends the nine columns after ID, tab-separated, and a
// newline.
func appendCols(b []byte, cols ...string) []byte {
	for _, c := range cols {
		b = append(b, '\t')
		if c == "" {
			c = "_"
		}
		b = append(b, c...)
	}
	return append(b, '\n')
}
