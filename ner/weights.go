package ner

import (
	"cmp"
	"slices"
)

// weights is the perceptron's weight table, read-only: feature key -> the
// labels it votes for, with quantised weights. A flat open-addressing
// table of 8-byte slots, as in package tag, so that scoring a word is a
// few probes into one array and no map lookups.
//
// A feature's home slot is given by the top bits of its 48-bit key. A
// slot holds the low 32 bits of the key in its upper half and, in its
// lower half, the offset in ents of a count followed by that many entries
// int32(weight)<<8 | index, where the index is the label for the first
// pass and numLabels plus the label for the second. high holds bits 32-47
// of the keys, for writing the model out.
type weights struct {
	slots []uint64
	high  []uint16
	shift uint
	mask  uint64
	ents  []int32
	n     int
}

const minSlotBits = 10

// feature is one feature of a model being built or read: its key and its
// entries, sorted by index.
type feature struct {
	key  uint64
	ents []int32
}

func newWeights(feats []feature) *weights {
	bits := uint(minSlotBits)
	for 1<<bits < 2*len(feats) {
		bits++
	}
	size := 1 << bits
	total := 1
	for _, f := range feats {
		total += 1 + len(f.ents)
	}
	w := &weights{slots: make([]uint64, size), high: make([]uint16, size), shift: 48 - bits, mask: uint64(size - 1)}
	w.ents = make([]int32, 1, total) // offset 0 is never used: a zero slot is empty
	for _, f := range feats {
		if f.key == 0 || f.key > keyMask || len(f.ents) == 0 {
			continue
		}
		s := f.key >> w.shift & w.mask
		for ; w.slots[s] != 0; s = (s + 1) & w.mask {
			if w.slots[s]>>32 == f.key&0xffffffff && uint64(w.high[s]) == f.key>>32 {
				break // a duplicate key: keep the first
			}
		}
		if w.slots[s] != 0 {
			continue
		}
		w.slots[s] = f.key<<32 | uint64(len(w.ents))
		w.high[s] = uint16(f.key >> 32)
		w.ents = append(w.ents, int32(len(f.ents)))
		w.ents = append(w.ents, f.ents...)
		w.n++
	}
	return w
}

// lookup returns the entries of a feature, nil when it has none.
func (w *weights) lookup(key uint64) []int32 {
	fp := key & 0xffffffff
	for s := key >> w.shift & w.mask; ; s = (s + 1) & w.mask {
		v := w.slots[s]
		if v == 0 {
			return nil
		}
		if v>>32 == fp && uint64(w.high[s]) == key>>32 {
			ref := uint32(v)
			return w.ents[ref+1 : ref+1+uint32(w.ents[ref])]
		}
	}
}

// maxKeys is the most keys score takes at once.
const maxKeys = 64

// score adds the weights of the features keys (at most maxKeys) to
// scores, indexed as the entries are. The keys are looked up first and the
// weights added after, so that the processor can have many of the
// lookups' cache misses in flight at once.
func (w *weights) score(keys []uint64, scores *[2 * numLabels]int32) {
	var refs [maxKeys]uint32
	n := 0
	slots, mask, shift := w.slots, w.mask, w.shift
	for _, k := range keys[:min(len(keys), maxKeys)] {
		fp := k & 0xffffffff
		for s := k >> shift & mask; ; s = (s + 1) & mask {
			v := slots[s]
			if v == 0 {
				break
			}
			if v>>32 == fp {
				refs[n] = uint32(v)
				n++
				break
			}
		}
	}
	ents := w.ents
	for _, ref := range refs[:n] {
		c := uint32(ents[ref])
		for _, e := range ents[ref+1 : ref+1+c] {
			scores[uint8(e)] += e >> 8
		}
	}
}

// features returns the features of the table in increasing key order.
func (w *weights) features() []feature {
	feats := make([]feature, 0, w.n)
	for s, v := range w.slots {
		if v == 0 {
			continue
		}
		ref := uint32(v)
		key := uint64(w.high[s])<<32 | v>>32
		feats = append(feats, feature{key: key, ents: w.ents[ref+1 : ref+1+uint32(w.ents[ref])]})
	}
	slices.SortFunc(feats, func(a, b feature) int { return cmp.Compare(a.key, b.key) })
	return feats
}
