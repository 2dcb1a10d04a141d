package eval

import (
	"strings"
	"testing"
)

// copyGold is a "tagger and parser" that knows the gold answer for the
// test sentence, so the scorer can be checked against known figures.
type copyGold struct {
	upos, xpos, lemma, rels map[string]string
	heads                   map[string]string
}

func (c copyGold) TagWords(words []string, upos, xpos, lemma []string) {
	for i, w := range words {
		upos[i], xpos[i], lemma[i] = c.upos[w], c.xpos[w], c.lemma[w]
	}
}

func (c copyGold) ParseWords(words, upos, xpos []string, heads []int, rels []string) {
	idx := map[string]int{}
	for i, w := range words {
		idx[w] = i
	}
	for i, w := range words {
		if h, ok := idx[c.heads[w]]; ok {
			heads[i] = h
		} else {
			heads[i] = -1
		}
		rels[i] = c.rels[w]
	}
}

const udSample = `# text = We don't agree.
1	We	we	PRON	PRP	_	4	nsubj	_	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	4	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	agree	agree	VERB	VB	_	0	root	_	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	_	_

`

func TestUD(t *testing.T) {
	g := copyGold{
		upos:  map[string]string{"We": "PRON", "do": "AUX", "n't": "PART", "agree": "VERB", ".": "PUNCT"},
		xpos:  map[string]string{"We": "PRP", "do": "VBP", "n't": "RB", "agree": "VB", ".": "."},
		lemma: map[string]string{"We": "we", "do": "do", "n't": "not", "agree": "agree", ".": "."},
		heads: map[string]string{"We": "agree", "do": "agree", "n't": "agree", ".": "agree"},
		rels:  map[string]string{"We": "nsubj", "do": "aux", "n't": "advmod", "agree": "root", ".": "punct"},
	}
	sc, err := UD(strings.NewReader(udSample), g, g)
	if err != nil {
		t.Fatal(err)
	}
	for name, p := range map[string]PRF{"gold UPOS": sc.Gold.UPOS, "gold LAS": sc.Gold.LAS, "raw LAS": sc.Raw.LAS, "raw words": sc.Words} {
		if p.F1 != 1 {
			t.Errorf("%s = %+v, want F1 1", name, p)
		}
	}
	// A wrong relation costs LAS, not UAS.
	g.rels["We"] = "obj"
	sc, _ = UD(strings.NewReader(udSample), g, g)
	if sc.Gold.UAS.F1 != 1 || sc.Gold.LAS.Correct != 4 || sc.Raw.LAS.Correct != 4 {
		t.Errorf("UAS %+v LAS %+v raw LAS %+v", sc.Gold.UAS, sc.Gold.LAS, sc.Raw.LAS)
	}
}
