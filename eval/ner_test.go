package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// nnp tags every word NNP.
type nnp struct{}

func (nnp) TagWords(words []string, upos, xpos, lemma []string) {
	for i := range words {
		xpos[i] = "NNP"
	}
}

// fixedLabels is a "recogniser" that answers the labels it was given,
// sentence by sentence in order.
type fixedLabels struct{ out [][]string }

func (f *fixedLabels) TagDocument(words, xpos [][]string) [][]string {
	out := f.out[:len(words)]
	f.out = f.out[len(words):]
	return out
}

const nerSample = `-DOCSTART- -X- -X- O

John NNP B-NP B-PER
Smith NNP I-NP I-PER
visited VBD B-VP O
New NNP B-NP B-LOC
York NNP I-NP I-LOC
. . O O

-DOCSTART- -X- -X- O

EU NNP B-NP B-ORG
rejects VBZ B-VP O
German JJ B-NP B-MISC
beef NN I-NP O
`

func TestNERScores(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sample.txt")
	if err := os.WriteFile(path, []byte(nerSample), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name              string
		pred              [][]string
		all, core, misc   [3]int // gold, predicted, correct
		bySentence        bool
		wantDocs, wantF1x int // documents, 1000 × F1 over all
	}{
		{"perfect", [][]string{{"B-PER", "I-PER", "O", "B-LOC", "I-LOC", "O"}, {"B-ORG", "O", "B-MISC", "O"}},
			[3]int{4, 4, 4}, [3]int{3, 3, 3}, [3]int{1, 1, 1}, false, 2, 1000},
		{"boundary and type errors", [][]string{{"B-PER", "O", "O", "B-LOC", "I-LOC", "O"}, {"B-LOC", "O", "B-MISC", "I-MISC"}},
			[3]int{4, 4, 1}, [3]int{3, 3, 1}, [3]int{1, 1, 0}, true, 2, 250},
		{"nothing found", [][]string{{"O", "O", "O", "O", "O", "O"}, {"O", "O", "O", "O"}},
			[3]int{4, 0, 0}, [3]int{3, 0, 0}, [3]int{1, 0, 0}, false, 2, 0},
	} {
		sc, err := NERFile(path, nnp{}, &fixedLabels{out: c.pred}, c.bySentence)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		got := func(p PRF) [3]int { return [3]int{p.Gold, p.Predicted, p.Correct} }
		if got(sc.All) != c.all || got(sc.Core) != c.core || got(sc.ByType["MISC"]) != c.misc {
			t.Errorf("%s: all %v core %v misc %v, want %v %v %v", c.name, got(sc.All), got(sc.Core), got(sc.ByType["MISC"]), c.all, c.core, c.misc)
		}
		if sc.Documents != c.wantDocs || int(1000*sc.All.F1+0.5) != c.wantF1x || !sc.GoldMISC || sc.Words != 10 {
			t.Errorf("%s: %d documents, F1 %.3f, MISC %v, %d words", c.name, sc.Documents, sc.All.F1, sc.GoldMISC, sc.Words)
		}
		if !strings.Contains(sc.String(), "PER/ORG/LOC") {
			t.Errorf("%s: the report has no PER/ORG/LOC row:\n%s", c.name, sc)
		}
	}
}

func TestNERFileErrors(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ name, in, want string }{
		{"no labels", "John NNP B-NP\n", "no gold label column"},
		{"bad label", "John NNP B-NP Q-PER\n", ":1: bad label"},
	} {
		path := filepath.Join(dir, c.name)
		if err := os.WriteFile(path, []byte(c.in), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := NERFile(path, nnp{}, &fixedLabels{}, false)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
	}
}
