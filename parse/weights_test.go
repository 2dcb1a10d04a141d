package parse

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// refScores sums the rows fs of w the plain way, weight by weight.
func refScores(w *weights, fs []uint32) *[256]int32 {
	var sc [256]int32
	for _, r := range fs {
		w.each(int(r), func(a int, v int16) { sc[a] += int32(v) })
	}
	return &sc
}

// fastScores sums the rows fs of w as parsing does.
func fastScores(w *weights, fs []uint32) *[256]int32 {
	var sc [256]int32
	w.add(fs, make([][2]uint32, len(fs)), &sc)
	return &sc
}

// TestWeightsAdd checks that the scores parsing computes (sparse rows,
// and dense rows summed three weights to a word, with the lane sums
// flushed every maxLaneSums rows) are exactly the sums of the weights.
func TestWeightsAdd(t *testing.T) {
	emb, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []*Parser{emb, tinyParser(t)} {
		w := &p.w
		var dense, sparse []uint32
		for r := range w.rows() {
			if w.off[r]&denseBit != 0 {
				dense = append(dense, uint32(r))
			} else {
				sparse = append(sparse, uint32(r))
			}
		}
		if len(dense) == 0 || len(sparse) == 0 {
			t.Fatalf("%d actions: %d dense and %d sparse rows, want both", p.nAct, len(dense), len(sparse))
		}
		rng := rand.New(rand.NewPCG(1, uint64(p.nAct)))
		pick := func(rows []uint32, n int) []uint32 {
			fs := make([]uint32, n)
			for i := range fs {
				fs[i] = rows[rng.IntN(len(rows))]
			}
			return fs
		}
		tests := []struct {
			name string
			fs   []uint32
		}{
			{"none", nil},
			{"one dense", dense[:1]},
			{"one sparse", sparse[len(sparse)-1:]},
			{"random rows", pick(slices.Concat(dense, sparse), maxFeatures)},
			{"dense rows, more than one flush", pick(dense, 3*maxLaneSums+1)},
			{"seven dense rows (four and three)", pick(dense, 7)},
			{"the same dense row", slices.Repeat(dense[len(dense)-1:], maxFeatures)},
			{"sparse rows", pick(sparse, maxFeatures)},
		}
		for _, tt := range tests {
			if got, want := fastScores(w, tt.fs), refScores(w, tt.fs); *got != *want {
				t.Errorf("%d actions, %s: scores %v, want %v", p.nAct, tt.name, got[:p.nAct], want[:p.nAct])
			}
		}
	}
}

// TestWeightsRoundTrip checks that rebuilding the matrix from the weights
// that each reads gives the same layout, so that Save writes what Read
// read.
func TestWeightsRoundTrip(t *testing.T) {
	p, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	off := make([]uint32, p.w.rows()+1)
	var ent []uint32
	for r := range p.w.rows() {
		p.w.each(r, func(a int, v int16) { ent = append(ent, uint32(a)<<16|uint32(uint16(v))) })
		off[r+1] = uint32(len(ent))
	}
	q := buildWeights(off, ent, p.nAct)
	if len(ent) != p.w.n || !slices.Equal(q.off, p.w.off) || !slices.Equal(q.ent, p.w.ent) || !slices.Equal(q.dense, p.w.dense) {
		t.Errorf("rebuilt matrix differs: %d weights, want %d", len(ent), p.w.n)
	}
}
