package parse

import "github.com/eventwire/eventwire/internal/hugepage"

// weights is the weight matrix of a trained parser in the form that
// scoring reads fastest.
//
// off[r] locates row r. For a sparse row it holds the row's start in ent
// in the low startBits bits and its length (in entries) in the next 8
// bits; each entry is a word with the action in the high 16 bits and the
// int16 weight in the low 16 bits. The rows are laid out in ent by
// decreasing length, which puts the rows of frequent features together:
// they share cache lines and pages, which matters because scoring is bound
// by the latency of memory. A zero word follows the last row, so that
// touching the first word of an empty row needs no branch.
//
// The rows of frequent features (tags, common words), those with weights
// for at least half of the actions, are dense: off[r] has the top bit set
// and holds in its low bits the row's start in dense, where it takes dw
// words of three 21-bit lanes, action 3j+k in lane k of word j. A lane
// holds the weight plus 1<<15, never negative, so that adding words adds
// three weights at once, without carries crossing lanes as long as at most
// 32 rows are summed (32 * 0xffff < 1<<21); subtracting the bias once per
// row at the end gives the exact integer sums.
type weights struct {
	off   []uint32
	ent   []uint32
	dense []uint64
	dw    int // words per dense row
	n     int // non-zero weights
}

const (
	startBits = 23
	startMask = 1<<startBits - 1
	denseBit  = 1 << 31
	// maxWeights is the most non-zero weights a model can have.
	maxWeights = startMask

	// Dense rows: lanes of laneBits bits, three to a word, each holding a
	// weight plus laneBias; at most maxLaneSums rows can be summed before
	// a lane could overflow.
	laneBits    = 21
	laneMask    = 1<<laneBits - 1
	laneBias    = 1 << 15
	maxLaneSums = laneMask / 0xffff
	// maxDenseWords is the most words a dense row can take: three actions
	// to a word, at most 255 actions.
	maxDenseWords = 85
)

// buildWeights converts a sparse matrix (row r holds the entries
// ent[off[r]:off[r+1]], action in the high 16 bits and weight in the low
// 16 bits) over nAct <= 255 actions.
func buildWeights(off, ent []uint32, nAct int) weights {
	rows := len(off) - 1
	dw := (nAct + 2) / 3
	isDense := func(r int) bool { return nAct > 1 && 2*int(off[r+1]-off[r]) >= nAct }
	nDense, nSparse := 0, 0
	for r := range rows {
		if isDense(r) {
			nDense++
		} else {
			nSparse += int(off[r+1] - off[r])
		}
	}
	w := weights{off: hugepage.Slice[uint32](rows), ent: hugepage.Slice[uint32](nSparse + 1), dense: make([]uint64, nDense*dw), dw: dw, n: len(ent)}
	// Order the sparse rows by decreasing length (a counting sort: lengths
	// are below 256), by row number within a length.
	var first [257]int
	for r := range rows {
		if !isDense(r) {
			first[255-int(off[r+1]-off[r])+1]++
		}
	}
	for i := 1; i < len(first); i++ {
		first[i] += first[i-1]
	}
	order := make([]int32, first[256])
	for r := range rows {
		if !isDense(r) {
			k := 255 - int(off[r+1]-off[r])
			order[first[k]] = int32(r)
			first[k]++
		}
	}
	start := 0
	for _, r32 := range order {
		r := int(r32)
		row := ent[off[r]:off[r+1]]
		copy(w.ent[start:], row)
		w.off[r] = uint32(len(row))<<startBits | uint32(start)
		start += len(row)
	}
	start = 0
	for r := range rows {
		if !isDense(r) {
			continue
		}
		row := w.dense[start : start+dw]
		var lane [3 * maxDenseWords]uint64 // by action
		for a := range lane {
			lane[a] = laneBias
		}
		for _, e := range ent[off[r]:off[r+1]] {
			lane[e>>16] = uint64(uint16(e) ^ laneBias) // the weight plus laneBias
		}
		for j := range row {
			row[j] = lane[3*j] | lane[3*j+1]<<laneBits | lane[3*j+2]<<(2*laneBits)
		}
		w.off[r] = denseBit | uint32(start)
		start += dw
	}
	return w
}

// each calls fn for every non-zero weight of row r.
func (w *weights) each(r int, fn func(a int, v int16)) {
	o := w.off[r]
	if o&denseBit == 0 {
		lo := o & startMask
		for _, e := range w.ent[lo : lo+o>>startBits&0xff] {
			fn(int(e>>16), int16(uint16(e)))
		}
		return
	}
	lo := int(o &^ denseBit)
	for j, x := range w.dense[lo : lo+w.dw] {
		for k := range 3 {
			if v := int16(uint16(x>>(laneBits*k)) - laneBias); v != 0 {
				fn(3*j+k, v)
			}
		}
	}
}

func (w *weights) rows() int { return len(w.off) }

// add adds the rows of the features fs to sc. span is scratch of at least
// len(fs) elements. It returns a value that depends on the prefetching
// loads, for the caller to keep so that the compiler keeps them.
func (w *weights) add(fs []uint32, span [][2]uint32, sc *[256]int32) uint32 {
	off, ent := w.off, w.ent
	span = span[:len(fs)]
	// Scoring waits on memory, so the loads are ordered for as many of
	// their cache misses as possible to be in flight at once: first the
	// locations of all the rows, in a loop without branches (a mispredicted
	// branch on a missing load would throw away the loads issued after
	// it); then the bounds of the sparse rows; then, in a tight loop, a
	// touch of each sparse row's first and last words (a row of up to 16
	// words spans at most two cache lines); then the dense rows, which are
	// few and hot, are summed while those loads complete; then the sparse
	// rows.
	for i, r := range fs {
		span[i][0] = off[r]
	}
	ns, nd := 0, len(fs)
	for i := range span {
		o := span[i][0]
		if o&denseBit != 0 {
			nd--
			span[nd][1] = o &^ denseBit
			continue
		}
		lo := o & startMask
		span[ns] = [2]uint32{lo, lo + o>>startBits&0xff}
		ns++
	}
	// ent has a word past its last row, so that an empty row needs no
	// branch.
	var touch uint32
	for _, sp := range span[:ns] {
		touch += ent[sp[0]] + ent[max(sp[1], sp[0]+1)-1]
	}
	if nd < len(fs) {
		w.addDense(span[nd:], sc)
	}
	for _, sp := range span[:ns] {
		for _, e := range ent[sp[0]:sp[1]] {
			sc[uint8(e>>16)] += int32(int16(uint16(e)))
		}
	}
	return touch
}

// addDense adds the dense rows starting at span[i][1] to sc.
func (w *weights) addDense(span [][2]uint32, sc *[256]int32) {
	var sum [maxDenseWords]uint64
	dw := w.dw
	acc := sum[:dw]
	for len(span) > 0 {
		k := min(len(span), maxLaneSums)
		// Four rows at a time: one load and store of each sum for four
		// rows' words.
		i := 0
		for ; i+4 <= k; i += 4 {
			r0 := w.dense[span[i][1] : int(span[i][1])+dw]
			r1 := w.dense[span[i+1][1] : int(span[i+1][1])+dw]
			r2 := w.dense[span[i+2][1] : int(span[i+2][1])+dw]
			r3 := w.dense[span[i+3][1] : int(span[i+3][1])+dw]
			r0, r1, r2, r3 = r0[:len(acc)], r1[:len(acc)], r2[:len(acc)], r3[:len(acc)]
			for j := range acc {
				acc[j] += r0[j] + r1[j] + r2[j] + r3[j]
			}
		}
		for _, sp := range span[i:k] {
			row := w.dense[sp[1] : int(sp[1])+dw]
			row = row[:len(acc)]
			for j, x := range row {
				acc[j] += x
			}
		}
		span = span[k:]
		bias := uint32(k) * laneBias
		for j, x := range acc {
			a := uint8(3 * j)
			sc[a] += int32(uint32(x&laneMask) - bias)
			sc[a+1] += int32(uint32(x>>laneBits&laneMask) - bias)
			sc[a+2] += int32(uint32(x>>(2*laneBits)) - bias)
			acc[j] = 0
		}
	}
}
