package tag

import (
	"cmp"
	"slices"
)

// weights is the averaged perceptron's weight table, read-only: feature
// key -> the classes it votes for, with quantised weights. A flat
// open-addressing table of 8-byte slots, so that scoring a token is a few
// probes into two arrays and no map lookups.
//
// A feature's home slot is given by the top bits of its key, so that
// features in key order fill the table from start to end. A slot holds
// the low 32 bits of the key in its upper half (with the home slot, 48
// bits of the key are checked in a table of 2^16 slots or more, 42 in the
// smallest) and in its lower half a reference: the offset in ents of a count followed by that
// many entries int32(weight)<<8 | index, or, with denseBit set, the
// number of a row of rowLen weights in rows. Features that vote for many
// classes (the bias, the tag history) get a row, so that a word with few
// candidate classes reads only their weights. The index of a weight is the
// class for the first pass and nc plus the class for the second.
type weights struct {
	slots  []uint64
	high   []uint16 // bits 32-47 of the key of each slot, for features
	shift  uint     // a key's home slot is key >> shift
	mask   uint64
	ents   []int32
	rows   []int32
	rowLen int
	scale  float32 // a weight of 1 is worth scale in the trained model
	n      int     // number of features
}

const (
	denseBit    = 1 << 31
	denseMin    = 16 // features with more weights than this get a row
	minSlotBits = 10
)

// feature is one feature of a model being built or read: its key and its
// weights by index, sorted.
type feature struct {
	key  uint64
	ents []int32
}

// newWeights builds the table of feats, whose indexes are below rowLen and
// whose keys are non-zero and at most keyMask.
func newWeights(feats []feature, rowLen int, scale float32) *weights {
	bits := uint(minSlotBits)
	for 1<<bits < 2*len(feats) {
		bits++
	}
	size := 1 << bits
	total, dense := 1, 0
	for _, f := range feats {
		if len(f.ents) <= denseMin {
			total += 1 + len(f.ents)
		} else {
			dense++
		}
	}
	w := &weights{slots: make([]uint64, size), high: make([]uint16, size), shift: 48 - bits, mask: uint64(size - 1), rowLen: rowLen, scale: scale}
	w.ents = make([]int32, 1, total) // offset 0 is never used: a zero slot is empty
	w.rows = make([]int32, 0, dense*rowLen)
	for _, f := range feats {
		if f.key == 0 || len(f.ents) == 0 {
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
		var ref uint64
		if len(f.ents) > denseMin {
			ref = uint64(len(w.rows)/rowLen) | denseBit
			w.rows = w.rows[:len(w.rows)+rowLen]
			row := w.rows[len(w.rows)-rowLen:]
			for _, e := range f.ents {
				row[uint8(e)] += e >> 8
			}
		} else {
			ref = uint64(len(w.ents))
			w.ents = append(w.ents, int32(len(f.ents)))
			w.ents = append(w.ents, f.ents...)
		}
		w.slots[s] = f.key<<32 | ref
		w.high[s] = uint16(f.key >> 32)
		w.n++
	}
	return w
}

// score adds the weights of the features keys to scores. When cands is
// not empty, only the weights of those classes (and of the same classes
// of the second pass, nc on) are sure to be added. refs is scratch space;
// touch receives a sum of prefetching loads, for the caller to keep so that
// the compiler keeps them.
//
// The keys are looked up first and the weights added after, so that the
// processor can have many of the lookups' cache misses in flight at once.
func (w *weights) score(keys []uint64, scores *[256]int32, cands []uint8, nc int, refs []uint32, touch *int32) []uint32 {
	slots, mask, shift := w.slots, w.mask, w.shift
	refs = refs[:0]
	// The home slots of a batch of keys are loaded in a loop without
	// branches (a mispredicted branch on a missing load would throw away
	// the loads issued after it), then the keys are resolved, probing on
	// where the home slot holds another key.
	var home [64]uint64
	for len(keys) > 0 {
		batch := keys[:min(len(keys), len(home))]
		keys = keys[len(batch):]
		for i, k := range batch {
			home[i] = slots[k>>shift&mask]
		}
		for i, k := range batch {
			fp := k & 0xffffffff
			v := home[i]
			for s := k >> shift & mask; v != 0; {
				if v>>32 == fp {
					refs = append(refs, uint32(v))
					break
				}
				s = (s + 1) & mask
				v = slots[s]
			}
		}
	}
	ents, rows, rowLen := w.ents, w.rows, w.rowLen
	// A touch of every row before the sums, for the same reason.
	var c0, c1 int
	if len(cands) > 0 {
		c0 = int(cands[0])
		c1 = min(c0+nc, rowLen-1)
	}
	for _, ref := range refs {
		if ref&denseBit == 0 {
			*touch += ents[ref]
			continue
		}
		i := int(ref&^denseBit) * rowLen
		row := rows[i : i+rowLen]
		*touch += row[c0] + row[c1]
	}
	for _, ref := range refs {
		if ref&denseBit == 0 {
			n := uint32(ents[ref])
			for _, e := range ents[ref+1 : ref+1+n] {
				scores[uint8(e)] += e >> 8
			}
			continue
		}
		i := int(ref&^denseBit) * rowLen
		row := rows[i : i+rowLen]
		if len(cands) == 0 {
			for j, x := range row {
				scores[uint8(j)] += x
			}
			continue
		}
		for _, c := range cands {
			scores[c] += row[c]
			if j := int(c) + nc; j < len(row) {
				scores[uint8(j)] += row[j]
			}
		}
	}
	return refs
}

// features returns the features of the table in increasing key order.
func (w *weights) features() []feature {
	feats := make([]feature, 0, w.n)
	for s, v := range w.slots {
		if v == 0 {
			continue
		}
		key := uint64(w.high[s])<<32 | v>>32
		ref := uint32(v)
		var ents []int32
		if ref&denseBit == 0 {
			n := uint32(w.ents[ref])
			ents = slices.Clone(w.ents[ref+1 : ref+1+n])
		} else {
			i := int(ref&^denseBit) * w.rowLen
			for j, x := range w.rows[i : i+w.rowLen] {
				if x != 0 {
					ents = append(ents, x<<8|int32(j))
				}
			}
		}
		feats = append(feats, feature{key: key, ents: ents})
	}
	sortFeatures(feats)
	return feats
}

func sortFeatures(feats []feature) {
	slices.SortFunc(feats, func(a, b feature) int { return cmp.Compare(a.key, b.key) })
}
