package ner

import (
	"cmp"
	"github.com/eventwire/eventwire/internal/hugepage"
	"slices"
)

// weights is the perceptron's weight table, read-only: feature key -> the
// labels it votes for, with quantised weights. A flat open-addressing
// table of 8-byte slots, as in package tag, so that scoring a word is a
// few probes into one array and no map lookups.
//
// A feature's home slot is given by the top bits of its 48-bit key. A
// slot holds the low 32 bits of the key in its upper half and, in its
// lower half, a reference: the offset in ents of a count followed by that
// many entries int32(weight)<<8 | index, where the index is the label for
// the first pass and numLabels plus the label for the second; or, with
// denseRef set, the number of a row of dense. high holds bits 32-47 of
// the keys, for writing the model out.
//
// The features with many weights (at least denseMin, none zero), which
// are the frequent ones, get a dense row of denseWords words, index 3j+k
// in the 21-bit lane k of word j, holding the weight plus laneBias, never
// negative: adding words adds three weights at once, with no carry
// crossing lanes as long as at most maxLaneSums rows are summed; taking
// off the bias once per row at the end gives the exact sums (as the
// parser's dense rows do). Summing a row is a dozen additions, with no
// branch on how many weights it has.
type weights struct {
	slots []uint64
	high  []uint16
	shift uint
	mask  uint64
	ents  []int32
	dense []uint64
	n     int
}

const (
	minSlotBits = 10

	denseRef    = 1 << 31
	denseMin    = 16
	denseWords  = (2*numLabels + 2) / 3
	laneBits    = 21
	laneMask    = 1<<laneBits - 1
	laneBias    = 1 << 15
	maxLaneSums = laneMask / 0xffff
)

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
	total, rows := 1, 0
	for _, f := range feats {
		if isDense(f.ents) {
			rows++
		} else {
			total += 1 + len(f.ents)
		}
	}
	w := &weights{slots: hugepage.Slice[uint64](size), high: make([]uint16, size), shift: 48 - bits, mask: uint64(size - 1)}
	w.ents = hugepage.Slice[int32](total)[:1] // offset 0 is never used: a zero slot is empty
	w.dense = hugepage.Slice[uint64](rows * denseWords)[:0]
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
		var ref uint64
		if isDense(f.ents) {
			ref = denseRef | uint64(len(w.dense)/denseWords)
			var lane [3 * denseWords]uint64
			for i := range lane {
				lane[i] = laneBias
			}
			for _, e := range f.ents {
				lane[uint8(e)] = uint64(e>>8 + laneBias)
			}
			for j := range denseWords {
				w.dense = append(w.dense, lane[3*j]|lane[3*j+1]<<laneBits|lane[3*j+2]<<(2*laneBits))
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

// isDense reports whether a feature's entries get a dense row: there are
// at least denseMin, their weights fit in 16 bits and none is zero (which
// a dense row could not tell from a missing one), and their indexes are
// below 3*denseWords.
func isDense(ents []int32) bool {
	if len(ents) < denseMin {
		return false
	}
	for _, e := range ents {
		v := e >> 8
		if v == 0 || v < -laneBias || v >= laneBias || int(uint8(e)) >= 3*denseWords {
			return false
		}
	}
	return true
}

// entries returns the entries of the feature with reference ref, in
// increasing index order.
func (w *weights) entries(ref uint32) []int32 {
	if ref&denseRef == 0 {
		return w.ents[ref+1 : ref+1+uint32(w.ents[ref])]
	}
	var ents []int32
	i := int(ref&^denseRef) * denseWords
	for j, x := range w.dense[i : i+denseWords] {
		for k := range 3 {
			if v := int32(x>>(laneBits*k)&laneMask) - laneBias; v != 0 {
				ents = append(ents, v<<8|int32(3*j+k))
			}
		}
	}
	return ents
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
			return w.entries(uint32(v))
		}
	}
}

// maxKeys is the most keys score takes at once.
const maxKeys = 64

// maxWords is the most words scoreWords takes at once, and maxBatch the
// most keys.
const (
	maxWords = 4
	maxBatch = maxWords * maxKeys
)

// score adds the weights of the features keys (at most maxKeys) to
// scores, indexed as the entries are. It returns a value that depends on
// the prefetching loads, for the caller to keep so that the compiler keeps
// them.
func (w *weights) score(keys []uint64, scores *[2 * numLabels]int32) int32 {
	keys = keys[:min(len(keys), maxKeys)]
	var refs [maxKeys]uint32
	var count [maxKeys]uint32
	ends := [1]int{len(keys)}
	var refEnds [1]int
	n := w.resolve(keys, ends[:], refs[:len(keys)], refEnds[:])
	touch := w.counts(refs[:n], count[:n])
	w.addEntries(refs[:n], count[:n], scores[:])
	return touch
}

// scoreWords is score for the features of up to maxWords words at once,
// the keys of word j being keys[ends[j-1]:ends[j]] (from 0 for the first)
// and going to scores[j], with the loads of all the words in flight
// together. keys holds at most maxBatch keys.
func (w *weights) scoreWords(keys []uint64, ends []int, scores []*[2 * numLabels]int32) int32 {
	var refs [maxBatch]uint32
	var count [maxBatch]uint32
	var refEnds [maxWords]int
	keys = keys[:min(len(keys), maxBatch)]
	ends = ends[:min(len(ends), maxWords)]
	n := w.resolve(keys, ends, refs[:len(keys)], refEnds[:len(ends)])
	touch := w.counts(refs[:n], count[:n])
	lo := 0
	for j, hi := range refEnds[:len(ends)] {
		hi = max(lo, hi)
		w.addEntries(refs[lo:hi], count[lo:hi], scores[j][:])
		lo = hi
	}
	return touch
}

// resolve writes to refs the references in ents of the keys that the
// table has, in the order of the keys, and returns how many; refEnds[j]
// gets how many of them are of keys[:ends[j]]. refs must be as long as
// keys, and keys at most maxBatch long.
//
// Scoring waits on memory, so the loads are ordered for as many of their
// cache misses as possible to be in flight at once (as in package tag):
// the home slots of all the keys are loaded in a loop without branches (a
// mispredicted branch on a missing load would throw away the loads issued
// after it), then the keys are resolved, probing on where the home slot
// holds another key.
func (w *weights) resolve(keys []uint64, ends []int, refs []uint32, refEnds []int) int {
	var home [maxBatch]uint64
	slots, mask, shift := w.slots, w.mask, w.shift
	for i, k := range keys {
		home[i] = slots[k>>shift&mask]
	}
	n, lo := 0, 0
	for j, hi := range ends {
		hi = min(max(lo, hi), len(keys))
		for i := lo; i < hi; i++ {
			k := keys[i]
			fp := k & 0xffffffff
			v := home[i]
			for s := k >> shift & mask; v != 0; {
				if v>>32 == fp {
					refs[n] = uint32(v)
					n++
					break
				}
				s = (s + 1) & mask
				v = slots[s]
			}
		}
		refEnds[j] = n
		lo = hi
	}
	return n
}

// counts loads the number of entries of each sparse reference into
// count, again in a loop without branches on the loaded values, then
// touches each one's last entry (a feature's entries can span two or three
// cache lines), and the first and last words of each dense row (which
// spans two); it returns a value that depends on those loads.
func (w *weights) counts(refs, count []uint32) int32 {
	ents, dense := w.ents, w.dense
	count = count[:len(refs)]
	var touch int32
	for j, ref := range refs {
		if ref&denseRef != 0 {
			count[j] = 0
			i := int(ref&^denseRef) * denseWords
			touch += int32(dense[i] + dense[i+denseWords-1])
			continue
		}
		count[j] = uint32(ents[ref])
	}
	for j, ref := range refs {
		if ref&denseRef == 0 {
			touch += ents[ref+count[j]]
		}
	}
	return touch
}

// addEntries adds the weights of the references to scores.
func (w *weights) addEntries(refs, count []uint32, scores []int32) {
	ents, dense := w.ents, w.dense
	count = count[:len(refs)]
	var acc [denseWords]uint64
	rows := 0
	for j, ref := range refs {
		if ref&denseRef != 0 {
			i := int(ref&^denseRef) * denseWords
			row := (*[denseWords]uint64)(dense[i : i+denseWords])
			for k, x := range row {
				acc[k] += x
			}
			if rows++; rows == maxLaneSums {
				addLanes(&acc, rows, scores)
				rows = 0
			}
			continue
		}
		for _, e := range ents[ref+1 : ref+1+count[j]] {
			scores[uint8(e)] += e >> 8
		}
	}
	if rows > 0 {
		addLanes(&acc, rows, scores)
	}
}

// addLanes adds to scores the sums in acc of rows dense rows, less their
// biases, and clears acc.
func addLanes(acc *[denseWords]uint64, rows int, scores []int32) {
	bias := int32(rows) * laneBias
	for j, x := range acc {
		for k := range 3 {
			if i := 3*j + k; i < len(scores) {
				scores[i] += int32(x>>(laneBits*k)&laneMask) - bias
			}
		}
		acc[j] = 0
	}
}

// features returns the features of the table in increasing key order.
func (w *weights) features() []feature {
	feats := make([]feature, 0, w.n)
	for s, v := range w.slots {
		if v == 0 {
			continue
		}
		key := uint64(w.high[s])<<32 | v>>32
		feats = append(feats, feature{key: key, ents: w.entries(uint32(v))})
	}
	slices.SortFunc(feats, func(a, b feature) int { return cmp.Compare(a.key, b.key) })
	return feats
}
