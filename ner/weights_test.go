package ner

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestWriteEmbedded checks that the embedded model, read into the
// in-memory layout of scoring (sparse entries and dense rows) and written
// back, gives its own bytes: the layout loses no weight.
func TestWriteEmbedded(t *testing.T) {
	r := loadRecognizer(t)
	var buf bytes.Buffer
	if err := r.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), model) {
		t.Error("the embedded model, read and written, gives other bytes")
	}
}

// TestScoreLayouts checks score and scoreWords against plain sums over
// features of every layout: sparse, dense, and the ones that must stay
// sparse (a zero weight, few entries).
func TestScoreLayouts(t *testing.T) {
	row := func(n int, w func(i int) int32) []int32 {
		var ents []int32
		for i := range n {
			ents = append(ents, w(i)<<8|int32(i))
		}
		return ents
	}
	feats := []feature{
		{key: 11, ents: row(2*numLabels, func(i int) int32 { return int32(i*997%65535) - 32768 })}, // dense, extremes
		{key: 12, ents: row(2*numLabels, func(int) int32 { return 32767 })},                        // dense
		{key: 13, ents: row(denseMin, func(i int) int32 { return int32(i) - 100 })},                // dense, the fewest
		{key: 14, ents: row(denseMin, func(i int) int32 { return int32(i) - 5 })},                  // a zero: sparse
		{key: 15, ents: row(3, func(i int) int32 { return -7 })},                                   // sparse
		{key: 16, ents: row(denseMin-1, func(i int) int32 { return 1000 })},                        // sparse
	}
	w := newWeights(feats)
	if got := w.features(); !slices.EqualFunc(got, feats, func(a, b feature) bool { return a.key == b.key && slices.Equal(a.ents, b.ents) }) {
		t.Errorf("features() = %v, want %v", got, feats)
	}
	sum := func(keys []uint64) (s [2 * numLabels]int32) {
		for _, k := range keys {
			for _, f := range feats {
				if f.key == k {
					for _, e := range f.ents {
						s[uint8(e)] += e >> 8
					}
				}
			}
		}
		return s
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for it := range 200 {
		// Up to maxWords words of up to 60 keys, some absent (17).
		words := 1 + it%maxWords
		var keys []uint64
		var ends []int
		for range words {
			for range rng.IntN(61) {
				keys = append(keys, uint64(11+rng.IntN(7)))
			}
			ends = append(ends, len(keys))
		}
		var sc [maxWords][2 * numLabels]int32
		var scp []*[2 * numLabels]int32
		for j := range words {
			scp = append(scp, &sc[j])
		}
		w.scoreWords(keys, ends, scp)
		lo := 0
		for j, hi := range ends {
			if want := sum(keys[lo:hi]); sc[j] != want {
				t.Fatalf("iteration %d, word %d: scoreWords %v, want %v", it, j, sc[j], want)
			}
			var one [2 * numLabels]int32
			w.score(keys[lo:hi], &one)
			if want := sum(keys[lo:hi]); one != want {
				t.Fatalf("iteration %d, word %d: score %v, want %v", it, j, one, want)
			}
			lo = hi
		}
	}
}

// TestViterbiReference checks viterbi against viterbiRef on random scores,
// small ones (many ties), wide ones and masks.
func TestViterbiReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for it := range 20000 {
		val := func() int32 {
			switch it % 3 {
			case 0:
				return int32(rng.Uint32())
			case 1:
				return int32(rng.IntN(5)) - 2
			}
			return int32(rng.IntN(20000)) - 10000
		}
		n := 1 + rng.IntN(40)
		em := make([]int32, n*numLabels)
		for i := range em {
			em[i] = val()
		}
		var trans [numLabels + 1][numLabels]int32
		for p := range trans {
			for l := range trans[p] {
				trans[p][l] = val()
			}
		}
		var mask []uint32
		if it%2 == 0 {
			mask = make([]uint32, n)
			for i := range mask {
				mask[i] = rng.Uint32()&(1<<numLabels-1) | 1<<rng.IntN(numLabels)
			}
		}
		got, want := make([]uint8, n), make([]uint8, n)
		viterbi(em, &trans, mask, nil, got)
		viterbiRef(em, &trans, mask, nil, want)
		if !slices.Equal(got, want) {
			t.Fatalf("iteration %d: %v, want %v", it, got, want)
		}
	}
}

// viterbiRef is the textbook decoder, with a branch on whether each
// predecessor has a path: the reference viterbi must agree with.
func viterbiRef(em []int32, trans *[numLabels + 1][numLabels]int32, mask []uint32, back, out []uint8) []uint8 {
	n := len(out)
	if n == 0 {
		return back
	}
	back = grow(back, n*numLabels)
	var prev, cur [numLabels]int64
	for l := range numLabels {
		prev[l] = negInf
		if validTrans[start][l] && (mask == nil || mask[0]&(1<<l) != 0) {
			prev[l] = int64(em[l]) + int64(trans[start][l])
		}
	}
	for i := 1; i < n; i++ {
		e := em[i*numLabels : (i+1)*numLabels]
		for l := range numLabels {
			cur[l] = negInf
			if mask != nil && mask[i]&(1<<l) == 0 {
				continue
			}
			best, arg := int64(negInf), uint8(0)
			for _, p := range preds[l] {
				if v := prev[p] + int64(trans[p][l]); prev[p] != negInf && v > best {
					best, arg = v, p
				}
			}
			if best != negInf {
				cur[l] = best + int64(e[l])
			}
			back[i*numLabels+l] = arg
		}
		prev = cur
	}
	best, arg := int64(negInf), 0
	for l := range numLabels {
		if prev[l] != negInf && canEnd(uint8(l)) && prev[l] > best {
			best, arg = prev[l], l
		}
	}
	if best == negInf {
		clear(out)
		return back
	}
	out[n-1] = uint8(arg)
	for i := n - 1; i > 0; i-- {
		out[i-1] = back[i*numLabels+int(out[i])]
	}
	return back
}
