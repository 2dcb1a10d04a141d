package parse

// weights is the weight matrix of a trained parser in the form that
// scoring reads fastest. Row r is ent[off[r]&offMask : off[r+1]&offMask].
// A sparse row holds one entry per non-zero weight, the action in the high
// 16 bits and the int16 weight in the low 16 bits. A dense row (off[r]
// has denseBit set) holds the weights of all actions, two int16 per
// uint32, action 2j in the low half of ent[j]: the rows of frequent
// features (tags, common words) are dense, and reading them needs neither
// action numbers nor a branch per entry.
type weights struct {
	off []uint32
	ent []uint32
	n   int // non-zero weights
}

const (
	denseBit = 1 << 31
	offMask  = denseBit - 1
)

// buildWeights converts a sparse matrix (rows off, entries ent as above)
// over nAct actions.
func buildWeights(off, ent []uint32, nAct int) weights {
	w := weights{off: make([]uint32, len(off)), ent: make([]uint32, 0, len(ent)), n: len(ent)}
	half := (nAct + 1) / 2
	for r := range len(off) - 1 {
		row := ent[off[r]:off[r+1]]
		start := uint32(len(w.ent))
		if 2*len(row) >= nAct && nAct > 1 {
			start |= denseBit
			base := len(w.ent)
			for range half {
				w.ent = append(w.ent, 0)
			}
			for _, e := range row {
				a := int(e >> 16)
				v := e & 0xffff
				if a&1 == 1 {
					v <<= 16
				}
				w.ent[base+a/2] |= v
			}
		} else {
			w.ent = append(w.ent, row...)
		}
		w.off[r] |= start
		w.off[r+1] = uint32(len(w.ent))
	}
	return w
}

// each calls fn for every non-zero weight of row r.
func (w *weights) each(r int, fn func(a int, v int16)) {
	lo, hi := w.off[r], w.off[r+1]&offMask
	row := w.ent[lo&offMask : hi]
	if lo&denseBit == 0 {
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

func (w *weights) rows() int { return len(w.off) - 1 }

// add adds the rows of the features fs to sc. span is scratch of at least
// len(fs) elements.
func (w *weights) add(fs []uint32, span [][2]uint32, sc *[256]int32) uint32 {
	off, ent := w.off, w.ent
	span = span[:len(fs)]
	// Three passes, so that the cache misses of the rows overlap: the row
	// bounds, a touch of each row's first word, then the sums.
	for i, r := range fs {
		span[i] = [2]uint32{off[r], off[r+1] & offMask}
	}
	var touch uint32
	for _, sp := range span {
		if lo := sp[0] & offMask; lo < sp[1] {
			touch += ent[lo]
		}
	}
	for _, sp := range span {
		row := ent[sp[0]&offMask : sp[1]]
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
