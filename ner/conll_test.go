package ner

import (
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
)

// readAll reads every sentence of a string.
func readAll(s string) ([]*Sentence, Format, error) {
	r := NewReader(strings.NewReader(s), "test")
	var out []*Sentence
	for {
		x, err := r.Next()
		if err == io.EOF {
			return out, r.Format(), nil
		}
		if err != nil {
			return out, r.Format(), err
		}
		out = append(out, x)
	}
}

// words renders sentences as "w/label w/label | ..." with D for -DOCSTART-.
func render(ss []*Sentence) string {
	var parts []string
	for _, s := range ss {
		var ws []string
		if s.DocStart {
			ws = append(ws, "D")
		}
		for i, w := range s.Words {
			if s.Labels != nil {
				w += "/" + s.Labels[i]
			}
			ws = append(ws, w)
		}
		parts = append(parts, strings.Join(ws, " "))
	}
	return strings.Join(parts, " | ")
}

func TestReader(t *testing.T) {
	for _, c := range []struct {
		name, in, want string
		format         Format
	}{
		{"conll", "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\nPeter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\n",
			"D | EU/B-ORG rejects/O | Peter/B-PER Blackburn/I-PER", FormatCoNLL},
		{"conll without labels", "EU NNP B-NP\nrejects VBZ B-VP\n\n\n", "EU rejects", FormatCoNLL},
		{"docstart after a sentence", "a DT O O\n-DOCSTART- -X- -X- O\nb DT O O\n", "a/O | D | b/O", FormatCoNLL},
		{"crlf and no final newline", "a DT O B-LOC\r\nb DT O I-LOC", "a/B-LOC b/I-LOC", FormatCoNLL},
		{"iob2", "# newdoc id = x\n# sent_id = 1\n1\tAl\tB-ORG\t-\t-\n2\t-\tI-ORG\t-\t-\n\n# sent_id = 2\n1\tok\tO\t-\t-\n",
			"D Al/B-ORG -/I-ORG | ok/O", FormatIOB2},
		{"empty", "\n\n", "", FormatUnknown},
	} {
		ss, f, err := readAll(c.in)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if got := render(ss); got != c.want || f != c.format {
			t.Errorf("%s: got %q (%v), want %q (%v)", c.name, got, f, c.want, c.format)
		}
	}
}

func TestReaderErrors(t *testing.T) {
	for _, c := range []struct {
		name, in string
		line     int
		err      error
	}{
		{"bad label", "a DT O O\nb DT O X-PER\n", 2, ErrLabel},
		{"label without type", "a DT O B-\n", 1, ErrLabel},
		{"label column missing", "a DT O O\nb DT O\n", 2, ErrColumns},
		{"iob2 index", "1\ta\tO\n3\tb\tO\n", 2, ErrIndex},
		{"iob2 label", "1\ta\tPER\n", 1, ErrLabel},
		{"iob2 then conll", "1\ta\tO\n\nb DT O O\n", 3, ErrMixed},
		{"docstart in iob2", "1\ta\tO\n\n-DOCSTART- -X- -X- O\n", 3, ErrMixed},
		{"comments alone", "# newdoc\n", 1, ErrColumns},
	} {
		_, _, err := readAll(c.in)
		var pe *ParseError
		if !errors.As(err, &pe) || !errors.Is(err, c.err) || pe.Line != c.line {
			t.Errorf("%s: error %v, want line %d: %v", c.name, err, c.line, c.err)
		}
	}
}

// TestReaderGoesOn checks that a bad sentence is skipped and the next read.
func TestReaderGoesOn(t *testing.T) {
	r := NewReader(strings.NewReader("a DT O Z\nb DT O O\n\nc DT O O\n"), "")
	if _, err := r.Next(); err == nil {
		t.Fatal("no error for a bad label")
	}
	s, err := r.Next()
	if err != nil || render([]*Sentence{s}) != "c/O" {
		t.Fatalf("after the error: %v, %v", s, err)
	}
}

func TestChunks(t *testing.T) {
	for _, c := range []struct {
		labels string
		want   []Chunk
	}{
		{"O B-PER I-PER O B-LOC", []Chunk{{1, 3, "PER"}, {4, 5, "LOC"}}},
		{"I-PER I-PER B-PER", []Chunk{{0, 2, "PER"}, {2, 3, "PER"}}}, // IOB1
		{"B-ORG I-LOC", []Chunk{{0, 1, "ORG"}, {1, 2, "LOC"}}},
		{"O I-MISC", []Chunk{{1, 2, "MISC"}}},
		{"U-PER B-LOC L-LOC S-ORG", []Chunk{{0, 1, "PER"}, {1, 3, "LOC"}, {3, 4, "ORG"}}},
		{"B-LOC E-LOC I-LOC", []Chunk{{0, 2, "LOC"}, {2, 3, "LOC"}}},
		{"O O", nil},
	} {
		if got := Chunks(strings.Fields(c.labels)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Chunks(%s) = %v, want %v", c.labels, got, c.want)
		}
	}
}

func TestEncode(t *testing.T) {
	got := encode(nil, strings.Fields("B-PER I-PER I-PER O B-LOC B-OTH I-ORG"))
	want := []uint8{label(0, posB), label(0, posI), label(0, posL), labelO, label(2, posU), labelO, label(1, posU)}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("encode = %v, want %v", got, want)
	}
	for _, l := range got {
		if l != labelO && iob2[l] == "" {
			t.Errorf("label %d has no IOB2 name", l)
		}
	}
}

func TestWriter(t *testing.T) {
	in := "-DOCSTART- -X- -X- O\n\nEU NNP B-NP\nrejects VBZ B-VP\n\n"
	ss, f, err := readAll(in)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	w := NewWriter(&b)
	w.Write(ss[0], f, nil)
	w.Write(ss[1], f, []string{"B-ORG", "O"})
	w.Flush()
	want := "-DOCSTART- -X- -X- O O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

// FuzzReader feeds the reader arbitrary input: it must return sentences
// or *ParseError values, never panic, and every sentence it returns must
// be consistent.
func FuzzReader(f *testing.F) {
	f.Add("-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n")
	f.Add("# newdoc id = x\n1\tAl\tB-ORG\t-\t-\n2\t-\tI-ORG\t-\t-\n\n")
	f.Add("a DT O Z\nb\n\n1\tx\tO\n")
	f.Add("\xff\xfe\n#\n\t\t\t\n")
	f.Fuzz(func(t *testing.T, in string) {
		r := NewReader(strings.NewReader(in), "fuzz")
		for range 10000 {
			s, err := r.Next()
			if err == io.EOF {
				return
			}
			if err != nil {
				var pe *ParseError
				if !errors.As(err, &pe) {
					t.Fatalf("error %v is not a *ParseError", err)
				}
				continue
			}
			if s.Labels != nil && len(s.Labels) != len(s.Words) {
				t.Fatalf("%d labels for %d words", len(s.Labels), len(s.Words))
			}
			if len(s.Words) == 0 && !s.DocStart {
				t.Fatal("a sentence without words")
			}
			Chunks(s.Labels)
		}
		t.Fatal("the reader does not end")
	})
}
