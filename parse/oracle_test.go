package parse

import (
	"math/rand/v2"
	"path/filepath"
	"testing"
)

// oracleSentences returns the tiny treebank and, when ../shared is there,
// the first 500 sentences of EWT dev, prepared for training.
func oracleSentences(t *testing.T) (*Parser, []*sentence) {
	t.Helper()
	sents, err := readSentences(writeTemp(t, tinyTreebank))
	if err != nil {
		t.Fatal(err)
	}
	if d, ok := sharedUD("ewt"); ok {
		dev, err := readSentences(filepath.Join(d, "en_ewt-ud-dev.conllu.gz"))
		if err != nil {
			t.Fatal(err)
		}
		sents = append(sents, dev[:500]...)
	}
	cfg := defaultConfig()
	cfg.minArcs = 1
	cfg.bits = 8
	p := newParserFor(sents, cfg)
	for _, s := range sents {
		p.atoms(s)
	}
	return p, sents
}

// TestOracle checks the dynamic oracle: following zero-cost actions from
// the start builds the projectivised gold tree; after random actions, the
// least-cost continuation loses exactly as many arcs as the costs said.
func TestOracle(t *testing.T) {
	p, sents := oracleSentences(t)
	tr := &trainer{p: p, A: p.nAct, cost: make([]int, p.nAct)}
	rng := rand.New(rand.NewPCG(1, 2))
	mismatch, runs := 0, 0
	for si, s := range sents {
		for _, explore := range []float64{0, 0.2, 0.5} {
			runs++
			var st state
			st.load(s)
			lost := 0
			for !st.terminal() {
				k := len(st.stack)
				if k == 0 {
					st.shift()
					continue
				}
				if st.b0 == st.n && k == 1 {
					st.left(p.root)
					continue
				}
				minCost := tr.actionCosts(&st, s, tr.cost)
				var valid, best []int
				for a, c := range tr.cost {
					if c >= 0 {
						valid = append(valid, a)
						if c == minCost {
							best = append(best, a)
						}
					}
				}
				a := best[rng.IntN(len(best))]
				if rng.Float64() < explore {
					a = valid[rng.IntN(len(valid))]
				}
				lost += tr.cost[a]
				if explore == 0 && minCost != 0 {
					t.Fatalf("sentence %d: no zero-cost action on the gold path", si)
				}
				p.apply(&st, a)
			}
			wrong := 0
			for i := range s.words {
				if st.head[i] != s.proj[i] || st.lab[i] != s.lab[i]+1 {
					wrong++
				}
			}
			if explore == 0 && wrong != 0 {
				t.Fatalf("sentence %d: the oracle's path has %d wrong arcs", si, wrong)
			}
			if lost != wrong {
				mismatch++
			}
		}
	}
	if mismatch > 0 {
		t.Errorf("%d of %d paths lost a number of arcs other than their costs", mismatch, runs)
	}
}
