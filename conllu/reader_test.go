package conllu

import (
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

const sample = `# newdoc id = doc1
# sent_id = s1
# text = They don't agree.
1	They	they	PRON	PRP	Case=Nom|Number=Plur	3	nsubj	3:nsubj	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	Mood=Ind	3	aux	3:aux	_
3	n't	not	PART	RB	_	4	advmod	4:advmod	_
4	agree	agree	VERB	VB	VerbForm=Inf	0	root	0:root	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	4:punct	_

# sent_id = s2
# text = Kerry left, Lavrov too.
1	Kerry	Kerry	PROPN	NNP	Number=Sing	2	nsubj	2:nsubj	_
2	left	leave	VERB	VBD	Tense=Past	0	root	0:root	SpaceAfter=No
3	,	,	PUNCT	,	_	4	punct	4.1:punct	_
4	Lavrov	Lavrov	PROPN	NNP	Number=Sing	2	conj	2:conj|4.1:nsubj	_
4.1	left	leave	VERB	VBD	_	_	_	2:conj	CopyOf=2
5	too	too	ADV	RB	_	4	advmod	4.1:advmod	SpaceAfter=No
6	.	.	PUNCT	.	_	2	punct	2:punct	_
`

func readAll(t *testing.T, in string) ([]*Sentence, []error) {
	t.Helper()
	r := NewReader(strings.NewReader(in))
	var ss []*Sentence
	var errs []error
	for i := 0; ; i++ {
		if i > 100 {
			t.Fatal("Next never returned io.EOF")
		}
		s, err := r.Next()
		if err == io.EOF {
			return ss, errs
		}
		if err != nil {
			if s != nil {
				t.Errorf("Next returned a sentence with error %v", err)
			}
			errs = append(errs, err)
			continue
		}
		ss = append(ss, s)
	}
}

func TestReader(t *testing.T) {
	ss, errs := readAll(t, sample)
	if len(errs) > 0 || len(ss) != 2 {
		t.Fatalf("got %d sentences, errors %v", len(ss), errs)
	}
	s := ss[0]
	if s.ID != "s1" || s.Text != "They don't agree." || s.Line != 1 {
		t.Errorf("ID %q, Text %q, Line %d", s.ID, s.Text, s.Line)
	}
	if want := []string{"newdoc id = doc1", "sent_id = s1", "text = They don't agree."}; !reflect.DeepEqual(s.Comments, want) {
		t.Errorf("Comments %q, want %q", s.Comments, want)
	}
	if want := []Multiword{{First: 2, Last: 3, Form: "don't", Misc: "_"}}; !reflect.DeepEqual(s.Tokens, want) {
		t.Errorf("Tokens %+v", s.Tokens)
	}
	want := Word{ID: 1, Form: "They", Lemma: "they", UPOS: "PRON", XPOS: "PRP", Feats: "Case=Nom|Number=Plur",
		Head: 3, Deprel: "nsubj", Deps: "3:nsubj", Misc: "_"}
	if len(s.Words) != 5 || s.Words[0] != want {
		t.Errorf("Words %+v", s.Words)
	}
	if v, ok := s.Comment("newdoc"); !ok || v != "id = doc1" {
		t.Errorf("Comment(newdoc) = %q, %v", v, ok)
	}
	if v, ok := s.Comment("newdoc id"); !ok || v != "doc1" {
		t.Errorf("Comment(newdoc id) = %q, %v", v, ok)
	}
	if _, ok := s.Comment("newpar"); ok {
		t.Error("Comment(newpar) found")
	}
	if SpaceAfter(s.Words[3].Misc) || !SpaceAfter(s.Words[2].Misc) {
		t.Error("SpaceAfter wrong")
	}

	s = ss[1]
	if s.Line != 11 || len(s.Words) != 6 || len(s.Tokens) != 0 {
		t.Errorf("second sentence: line %d, %d words, %d tokens", s.Line, len(s.Words), len(s.Tokens))
	}
	if want := []EmptyNode{{Major: 4, Minor: 1, Form: "left", Lemma: "leave", UPOS: "VERB", XPOS: "VBD", Feats: "_",
		Deps: "2:conj", Misc: "CopyOf=2"}}; !reflect.DeepEqual(s.Empty, want) {
		t.Errorf("Empty %+v", s.Empty)
	}
	if s.Words[4].ID != 5 || s.Words[4].Form != "too" {
		t.Errorf("word after the empty node: %+v", s.Words[4])
	}
}

func TestReaderLenient(t *testing.T) {
	// CRLF, a byte-order mark, several blank lines, no final line break,
	// a HEAD of "_".
	in := "\uFEFF# text = Hi\r\n1\tHi\thi\tINTJ\tUH\t_\t_\t_\t_\t_\r\n\r\n\n\n1\tYo\tyo\tINTJ\tUH\t_\t0\troot\t_\t_"
	ss, errs := readAll(t, in)
	if len(errs) > 0 || len(ss) != 2 {
		t.Fatalf("got %d sentences, errors %v", len(ss), errs)
	}
	if ss[0].Text != "Hi" || ss[0].Words[0].Head != NoHead || ss[0].Words[0].Misc != "_" {
		t.Errorf("first sentence %+v", ss[0])
	}
	if ss[1].Words[0].Form != "Yo" || ss[1].Line != 6 {
		t.Errorf("second sentence %+v", ss[1])
	}
}

func TestReaderErrors(t *testing.T) {
	good := "1\tOK\tok\tINTJ\tUH\t_\t0\troot\t_\t_\n"
	for _, c := range []struct {
		in   string
		line int
		err  error
	}{
		{"1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\n", 1, ErrColumns},
		{"1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\textra\n", 1, ErrColumns},
		{"1\tHi\thi\tINTJ\t\t_\t0\troot\t_\t_\n", 1, ErrColumns},
		{"x\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n", 1, ErrID},
		{"2\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n", 1, ErrID},
		{"0\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n", 1, ErrID},
		{"-1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n", 1, ErrID},
		{"+1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n", 1, ErrID},
		{"2-1\tHi\t_\t_\t_\t_\t_\t_\t_\t_\n", 1, ErrID},
		{"2-3\tHi\t_\t_\t_\t_\t_\t_\t_\t_\n", 1, ErrID},
		{"1-2\tHi\t_\t_\t_\t_\t_\t_\t_\t_\n" + good, 1, ErrID},
		{"1.1\tHi\t_\t_\t_\t_\t_\t_\t_\t_\n", 1, ErrID},
		{"0.0\tHi\t_\t_\t_\t_\t_\t_\t_\t_\n", 1, ErrID},
		{"1\tHi\thi\tINTJ\tUH\t_\tx\troot\t_\t_\n", 1, ErrHead},
		{"1\tHi\thi\tINTJ\tUH\t_\t-1\troot\t_\t_\n", 1, ErrHead},
		{"1\tHi\thi\tINTJ\tUH\t_\t1\troot\t_\t_\n", 1, ErrHead},
		{good + "2\tHi\thi\tINTJ\tUH\t_\t7\troot\t_\t_\n", 2, ErrHead},
		{good + "# late comment\n", 2, ErrOrder},
		{"# only a comment\n", 1, ErrOrder},
	} {
		_, errs := readAll(t, c.in)
		if len(errs) != 1 {
			t.Errorf("%q: errors %v, want one", c.in, errs)
			continue
		}
		var e *Error
		if !errors.As(errs[0], &e) || e.Line != c.line || !errors.Is(errs[0], c.err) {
			t.Errorf("%q: error %v, want line %d: %v", c.in, errs[0], c.line, c.err)
		}
		if !strings.HasPrefix(errs[0].Error(), "line ") {
			t.Errorf("%q: message %q", c.in, errs[0])
		}
	}
}

// A malformed sentence is skipped and reading goes on with the next one.
func TestReaderRecovers(t *testing.T) {
	in := "1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n2\tbad\n3\tC\tc\tX\tX\t_\t0\troot\t_\t_\n\n" + sample
	ss, errs := readAll(t, in)
	if len(ss) != 2 || len(errs) != 1 || ss[0].ID != "s1" {
		t.Fatalf("got %d sentences and errors %v", len(ss), errs)
	}
	if err := errs[0].Error(); err != "line 2: wrong number of columns: 2, want 10" {
		t.Errorf("error %q", err)
	}
}

type failReader struct{ n int }

func (f *failReader) Read(p []byte) (int, error) {
	if f.n == 0 {
		return 0, errors.New("disk on fire")
	}
	f.n = 0
	return copy(p, "1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n"), nil
}

func TestReaderReadError(t *testing.T) {
	r := NewReader(&failReader{n: 1})
	for range 2 {
		if _, err := r.Next(); err == nil || err.Error() != "disk on fire" {
			t.Errorf("err = %v", err)
		}
	}
}

func TestLongLine(t *testing.T) {
	long := strings.Repeat("x", 200<<10)
	ss, errs := readAll(t, "# text = "+long+"\n1\t"+long+"\t_\tX\tX\t_\t0\troot\t_\t_\n")
	if len(errs) > 0 || len(ss) != 1 || ss[0].Words[0].Form != long || ss[0].Text != long {
		t.Fatalf("long line: %d sentences, errors %v", len(ss), errs)
	}
}

func TestOpen(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "a.conllu")
	if err := os.WriteFile(plain, []byte(sample), 0o644); err != nil {
		t.Fatal(err)
	}
	gz := filepath.Join(dir, "a.conllu.gz")
	f, err := os.Create(gz)
	if err != nil {
		t.Fatal(err)
	}
	zw := gzip.NewWriter(f)
	zw.Write([]byte(sample))
	zw.Close()
	f.Close()
	for _, path := range []string{plain, gz} {
		r, c, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for {
			_, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			n++
		}
		if err := c.Close(); err != nil {
			t.Error(err)
		}
		if n != 2 {
			t.Errorf("%s: %d sentences", path, n)
		}
	}
	if _, _, err := Open(filepath.Join(dir, "missing")); err == nil {
		t.Error("Open of a missing file succeeded")
	}
	bad := filepath.Join(dir, "bad.gz")
	os.WriteFile(bad, []byte{0x1f, 0x8b, 0, 0}, 0o644)
	if _, _, err := Open(bad); err == nil {
		t.Error("Open of a broken gzip file succeeded")
	}
}

func FuzzReader(f *testing.F) {
	f.Add(sample)
	f.Add("1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n\n1-2\ta\t_\t_\t_\t_\t_\t_\t_\t_\n")
	f.Add("0.1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n")
	f.Fuzz(func(t *testing.T, in string) {
		r := NewReader(strings.NewReader(in))
		for i := 0; ; i++ {
			if i > len(in)+1 {
				t.Fatal("Next never returned io.EOF")
			}
			s, err := r.Next()
			if err == io.EOF {
				return
			}
			if err != nil {
				var e *Error
				if !errors.As(err, &e) || e.Line < 1 || s != nil {
					t.Fatalf("error %v (%T) with sentence %v", err, err, s)
				}
				continue
			}
			// A sentence that was read is well formed.
			for k, w := range s.Words {
				if w.ID != k+1 || w.Head > len(s.Words) || w.Head < NoHead || w.Head == w.ID {
					t.Fatalf("bad word %+v in %q", w, in)
				}
			}
			last := 0
			for _, m := range s.Tokens {
				if m.First <= last || m.Last <= m.First || m.Last > len(s.Words) {
					t.Fatalf("bad multiword token %+v in %q", m, in)
				}
				last = m.Last
			}
			for _, e := range s.Empty {
				if e.Major < 0 || e.Major > len(s.Words) || e.Minor < 1 {
					t.Fatalf("bad empty node %+v in %q", e, in)
				}
			}
		}
	})
}
