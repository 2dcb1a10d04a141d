package parse

// weights is the weight matrix of a trained parser in the form that
// scoring reads fastest. off[r] locates row r in ent: its start in the low
// startBits bits, its length (in words of ent) in the next 8 bits, and in
// the top bit whether it is dense. A sparse row holds one word per
// non-zero weight, the action in the high 16 bits and the int16 weight in
// the low 16 bits. A dense row holds the weights of all actions, two int16
// per word, action 2j in the low half of word j: the rows of frequent
// features (tags, common words) are dense, and reading them needs neither
// action numbers nor a branch per entry.
//
// The rows are laid out in ent by decreasing length, which puts the rows of
// frequent features together: they share cache lines and pages, which
// matters because scoring is bound by the latency of memory.
type weights struct {
	off []uint32
	ent []uint32
	n   int // non-zero weights
}

const (
	startBits = 23
	startMask = 1<<startBits - 1
	denseBit  = 1 << 31
	// maxWeights is the most non-zero weights a model can have.
	maxWeights = startMask
)

// span returns the start and end of row r in ent, and whether it is dense.
func (w *weights) span(r uint32) (lo, hi uint32, dense bool) {
	o := w.off[r]
	lo = o & startMask
	return lo, lo + o>>startBits&0xff, o&denseBit != 0
}

// buildWeights converts a sparse matrix (row r holds the entries
// ent[off[r]:off[r+1]], as above) over nAct <= 255 actions.
func buildWeights(off, ent []uint32, nAct int) weights {
	rows := len(off) - 1
	w := weights{off: make([]uint32, rows), ent: make([]uint32, 0, len(ent)), n: len(ent)}
	half := (nAct + 1) / 2
	dense := func(r int) bool { return nAct > 1 && 2*int(off[r+1]-off[r]) >= nAct }
	size := func(r int) int {
		if dense(r) {
			return half
		}
		return int(off[r+1] - off[r])
	}
	// Order the rows by decreasing size (a counting sort: sizes are below
	// 256), by row number within a size.
	var first [257]int
	for r := range rows {
		first[255-size(r)+1]++
	}
	for i := 1; i < len(first); i++ {
		first[i] += first[i-1]
	}
	order := make([]int32, rows)
	for r := range rows {
		k := 255 - size(r)
		order[first[k]] = int32(r)
		first[k]++
	}
	for _, r32 := range order {
		r := int(r32)
		row := ent[off[r]:off[r+1]]
		start := uint32(len(w.ent))
		if dense(r) {
			base := len(w.ent)
			w.ent = append(w.ent, make([]uint32, half)...)
			for _, e := range row {
				a := int(e >> 16)
				v := e & 0xffff
				if a&1 == 1 {
					v <<= 16
				}
				w.ent[base+a/2] |= v
			}
			w.off[r] = denseBit | uint32(half)<<startBits | start
			continue
		}
		w.ent = append(w.ent, row...)
		w.off[r] = uint32(len(row))<<startBits | start
	}
	return w
}

// each calls fn for every non-zero weight of row r.
func (w *weights) each(r int, fn func(a int, v int16)) {
	lo, hi, dense := w.span(uint32(r))
	row := w.ent[lo:hi]
	if !dense {
		for _, e := range row {
			fn(int(e>>16), int16(uint16(e)))
		}
		return
	}
	for j, e := range row {
		if v := int16(uint16(e)); v != 0 {
			fn(2*j, v)
		}
		if v := int16(uint16(e >> 16)); v != 0 {
			fn(2*j+1, v)
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
	// Three passes, so that the cache misses of the rows overlap: the row
	// bounds, a touch of each row's first word, then the sums.
	for i, r := range fs {
		o := off[r]
		lo := o & startMask
		span[i] = [2]uint32{lo | o&denseBit, lo + o>>startBits&0xff}
	}
	var touch uint32
	for _, sp := range span {
		if lo := sp[0] &^ denseBit; lo < sp[1] {
			touch += ent[lo]
		}
	}
	for _, sp := range span {
		row := ent[sp[0]&^denseBit : sp[1]]
		if sp[0]&denseBit != 0 {
			for j, e := range row {
				a := uint8(2 * j)
				sc[a] += int32(int16(uint16(e)))
				sc[a+1] += int32(int16(uint16(e >> 16)))
			}
			continue
		}
		for len(row) >= 4 {
			e0, e1, e2, e3 := row[0], row[1], row[2], row[3]
			sc[uint8(e0>>16)] += int32(int16(uint16(e0)))
			sc[uint8(e1>>16)] += int32(int16(uint16(e1)))
			sc[uint8(e2>>16)] += int32(int16(uint16(e2)))
			sc[uint8(e3>>16)] += int32(int16(uint16(e3)))
			row = row[4:]
		}
		for _, e := range row {
			sc[uint8(e>>16)] += int32(int16(uint16(e)))
		}
	}
	return touch
}
