package conllu

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"strings"
	"testing"
)

const roundTrip = `# newdoc id = d1
# sent_id = s1
# text = We don't know.
1	We	we	PRON	PRP	_	3	nsubj	_	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	4	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
3.1	x	_	_	_	_	_	_	3:dep	_
4	know	know	VERB	VB	_	0	root	_	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	_	_

# sent_id = s2
1	Hi	_	_	_	_	_	_	_	_

`

func TestWriteRoundTrip(t *testing.T) {
	in := roundTrip
	r := NewReader(strings.NewReader(in))
	var out bytes.Buffer
	w := NewWriter(&out)
	for {
		s, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Write(s); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if out.String() != in {
		t.Errorf("round trip changed the text:\n%s\nwant\n%s", out.String(), in)
	}
}

// TestWriteRoundTripEWT writes the EWT dev file back and compares it with
// the original, line for line.
func TestWriteRoundTripEWT(t *testing.T) {
	const path = "../../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu.gz"
	if _, err := os.Stat(path); err != nil {
		t.Skipf("%s is absent (it lives in ../shared beside the repository)", path)
	}
	r, c, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var out bytes.Buffer
	w := NewWriter(&out)
	n := 0
	for ; ; n++ {
		s, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Write(s); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	want, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if n < 2000 {
		t.Errorf("read %d sentences, want about 2,001", n)
	}
	got := strings.Split(out.String(), "\n")
	for i, line := range strings.Split(string(want), "\n") {
		if i >= len(got) || got[i] != line {
			t.Fatalf("line %d written as %q, was %q", i+1, got[min(i, len(got)-1)], line)
		}
	}
}
