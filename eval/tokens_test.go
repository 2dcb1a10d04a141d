package eval

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/conllu"
)

const ewtDir = "../../shared/data/ud-english-ewt"

// ewt returns the first n sentences (all when n is 0) of an EWT file, or
// skips the test when ../shared is absent.
func ewt(tb testing.TB, name string, n int) io.Reader {
	tb.Helper()
	f, err := os.Open(ewtDir + "/" + name)
	if errors.Is(err, os.ErrNotExist) {
		tb.Skipf("UD English EWT not found (%v): it lives in ../shared, beside the project", err)
	}
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		buf.Write(sc.Bytes())
		buf.WriteByte('\n')
		if sc.Text() == "" {
			if n--; n == 0 {
				break
			}
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return &buf
}

func TestTokensEWTDev(t *testing.T) {
	sc, err := Tokens(ewt(t, "en_ewt-ud-dev.conllu.gz", 300))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("first 300 sentences of en_ewt-ud-dev:\n%s", sc)
	if sc.Sentences != 300 {
		t.Errorf("scored %d sentences, want 300", sc.Sentences)
	}
	if sc.F1 < 0.97 {
		t.Errorf("token F1 %.4f < 0.97", sc.F1)
	}
	if sc.Words.F1 < 0.97 {
		t.Errorf("word F1 %.4f < 0.97", sc.Words.F1)
	}
}

const small = `# newdoc id = d1
# sent_id = 1
# text = They don't agree.
1	They	they	PRON	PRP	_	3	nsubj	_	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	3	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	agree	agree	VERB	VB	_	0	root	_	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	_	_

# sent_id = 2
# text = Al-Zaman reported it.
1	Al	Al	PROPN	NNP	_	0	root	_	SpaceAfter=No
2	-	-	PUNCT	HYPH	_	3	punct	_	SpaceAfter=No
3	Zaman	Zaman	PROPN	NNP	_	1	flat	_	_
4	reported	report	VERB	VBD	_	1	parataxis	_	_
5	it	it	PRON	PRP	_	4	obj	_	SpaceAfter=No
6	.	.	PUNCT	.	_	1	punct	_	_

# sent_id = 3
1	Lots	lot	NOUN	NNS	_	0	root	_	_
2	ofmoney	money	NOUN	NN	_	1	nmod	_	SpaceAfter=No
3	!	!	PUNCT	.	_	1	punct	_	_

`

func TestTokens(t *testing.T) {
	sc, err := Tokens(strings.NewReader(small))
	if err != nil {
		t.Fatal(err)
	}
	// Gold tokens: They don't agree . | Al - Zaman reported it . |
	// Lots ofmoney ! (the last sentence has no # text and is rebuilt).
	if sc.Sentences != 3 || sc.Gold != 13 || sc.Predicted != 13 || sc.Correct != 13 || sc.F1 != 1 {
		t.Errorf("scores %+v", sc)
	}
	if sc.Words.Gold != 14 || sc.Words.Correct != 14 || sc.Words.F1 != 1 {
		t.Errorf("word scores %+v", sc.Words)
	}
	// One document of three sentences: two boundaries.
	if sc.Documents != 1 || sc.Boundaries.Gold != 2 || sc.Boundaries.Correct != 2 {
		t.Errorf("boundary scores %+v", sc.Boundaries)
	}
	if s := sc.String(); !strings.Contains(s, "tokens") || !strings.Contains(s, "100.00%") {
		t.Errorf("String() = %q", s)
	}
}

func TestTokensMismatch(t *testing.T) {
	// The gold "New York-based" splits the hyphen; a form that is not in
	// the text counts as missed.
	in := "# text = New York-based firms\n" +
		"1\tNew\t_\t_\t_\t_\t0\troot\t_\t_\n" +
		"2\tYork-based\t_\t_\t_\t_\t1\tx\t_\t_\n" +
		"3\tfirmz\t_\t_\t_\t_\t1\tx\t_\t_\n\n"
	sc, err := Tokens(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	// Gold: New, York-based, (firmz: unaligned). Predicted: New York - based firms.
	if sc.Gold != 3 || sc.Predicted != 5 || sc.Correct != 1 || sc.Unaligned != 1 {
		t.Errorf("scores %+v", sc)
	}
}

func TestTokensError(t *testing.T) {
	sc, err := Tokens(strings.NewReader(small + "1\tbroken\n"))
	var e *conllu.Error
	if !errors.As(err, &e) || !errors.Is(err, conllu.ErrColumns) {
		t.Fatalf("err = %v", err)
	}
	if sc.Sentences != 3 || sc.F1 != 1 {
		t.Errorf("scores before the error %+v", sc)
	}
}

// BenchmarkTokensEWT scores the tokenizer on the whole EWT test set and
// reports its figures, as in
//
//	go test ./eval -run '^$' -bench TokensEWT -benchtime 1x
func BenchmarkTokensEWT(b *testing.B) {
	in := ewt(b, "en_ewt-ud-test.conllu.gz", 0).(*bytes.Buffer).Bytes()
	var sc TokenScores
	for b.Loop() {
		var err error
		if sc, err = Tokens(bytes.NewReader(in)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(100*sc.F1, "token-F1-%")
	b.ReportMetric(100*sc.Words.F1, "word-F1-%")
	b.ReportMetric(100*sc.Boundaries.F1, "sentence-F1-%")
	b.Logf("en_ewt-ud-test:\n%s", sc)
}
