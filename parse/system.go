package parse

// state is a configuration of the arc-hybrid system for one sentence of n
// words, with the artificial ROOT at index n (the last item of the buffer)
// and the index n+1 standing for "no such item" in features. The buffer is
// always the suffix b0..n of the sentence.
//
// A state is scratch memory: it is reset for every sentence and reused.
type state struct {
	n     int32
	stack []int32
	b0    int32

	head []int32 // head of each word (n = ROOT), -1 until attached
	lab  []uint8 // label id + 1 of the arc to the head, 0 until attached

	lc1, lc2, rc1, rc2 []int32  // two leftmost and two rightmost children
	nl, nr             []uint8  // number of left and right children
	lset, rset         []uint64 // left and right children's labels, as bits

	// Atoms: word form, XPOS, UPOS; indices n (ROOT) and n+1 (none) hold
	// special values.
	W, T, U []uint64
	S       []uint64 // suffix atoms
	A       []uint64 // ambiguity classes
	V       []uint64 // distance to the next verb

	feats  []uint32    // the feature rows of the current configuration
	span   [][2]uint32 // scratch for inference: the entries of each row
	touch  uint32      // keeps the prefetching pass of run from being removed
	scores [256]int32  // scratch for inference
	fscore []float32   // scratch for training
}

// maxFeatures is at least the number of features of a configuration.
const maxFeatures = 160

// Special atoms.
const (
	atomRoot = 0x5a5a5a5a5a5a5a5a
	atomNone = 0x3c3c3c3c3c3c3c3c
	// atomUnknown is the ambiguity class of an unknown word.
	atomUnknown = 0x1e1e1e1e1e1e1e1e
)

func grow32(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n, n+n/2)
	}
	return s[:n]
}

func grow64(s []uint64, n int) []uint64 {
	if cap(s) < n {
		return make([]uint64, n, n+n/2)
	}
	return s[:n]
}

func grow8(s []uint8, n int) []uint8 {
	if cap(s) < n {
		return make([]uint8, n, n+n/2)
	}
	return s[:n]
}

// reset prepares the state for a sentence of n words. The caller fills
// W, T and U for indices 0..n-1.
func (st *state) reset(n int) {
	m := n + 2
	st.n = int32(n)
	st.stack = st.stack[:0]
	st.b0 = 0
	st.head = grow32(st.head, m)
	st.lab = grow8(st.lab, m)
	st.lc1 = grow32(st.lc1, m)
	st.lc2 = grow32(st.lc2, m)
	st.rc1 = grow32(st.rc1, m)
	st.rc2 = grow32(st.rc2, m)
	st.nl = grow8(st.nl, m)
	st.nr = grow8(st.nr, m)
	st.lset = grow64(st.lset, m)
	st.rset = grow64(st.rset, m)
	st.W = grow64(st.W, m)
	st.T = grow64(st.T, m)
	st.U = grow64(st.U, m)
	st.S = grow64(st.S, m)
	st.A = grow64(st.A, m)
	st.V = grow64(st.V, m)
	none := int32(n + 1)
	for i := range m {
		st.head[i] = -1
		st.lab[i] = 0
		st.lc1[i], st.lc2[i], st.rc1[i], st.rc2[i] = none, none, none, none
		st.nl[i], st.nr[i] = 0, 0
		st.lset[i], st.rset[i] = 0, 0
	}
	for _, a := range [][]uint64{st.W, st.T, st.U, st.S, st.A, st.V} {
		a[n], a[n+1] = atomRoot, atomNone
	}
}

func (st *state) terminal() bool { return st.b0 >= st.n && len(st.stack) == 0 }

func (st *state) shift() {
	st.stack = append(st.stack, st.b0)
	st.b0++
}

// left attaches s0 to b0 with label l and pops it.
func (st *state) left(l uint8) {
	k := len(st.stack) - 1
	d := st.stack[k]
	st.stack = st.stack[:k]
	h := st.b0
	st.attach(h, d, l)
	// d lies left of every earlier left child of h.
	st.lc2[h] = st.lc1[h]
	st.lc1[h] = d
	if st.nl[h] < 255 {
		st.nl[h]++
	}
	st.lset[h] |= 1 << (l & 63)
}

// right attaches s0 to s1 with label l and pops it.
func (st *state) right(l uint8) {
	k := len(st.stack) - 1
	d := st.stack[k]
	h := st.stack[k-1]
	st.stack = st.stack[:k]
	st.attach(h, d, l)
	// d lies right of every earlier right child of h.
	st.rc2[h] = st.rc1[h]
	st.rc1[h] = d
	if st.nr[h] < 255 {
		st.nr[h]++
	}
	st.rset[h] |= 1 << (l & 63)
}

func (st *state) attach(h, d int32, l uint8) {
	st.head[d] = h
	st.lab[d] = l + 1
}

// Feature hashing: a template number and up to four atoms are folded
// FNV-style into 64 bits, finalised, and the top bits select a row of the
// weight matrix.

func h1(t, a uint64) uint64 {
	return ((t*0x9e3779b97f4a7c15)^a)*fnvPrime + 1
}

func h2(t, a, b uint64) uint64 { return (h1(t, a) ^ b) * fnvPrime }

func h3(t, a, b, c uint64) uint64 { return (h2(t, a, b) ^ c) * fnvPrime }

func h4(t, a, b, c, d uint64) uint64 { return (h3(t, a, b, c) ^ d) * fnvPrime }

func dist(d int32) uint64 {
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 6:
		return 5
	case d <= 9:
		return 6
	case d <= 14:
		return 7
	}
	return 8
}

func capv(v uint8) uint64 {
	if v > 5 {
		return 5
	}
	return uint64(v)
}

// features computes the feature rows of the current configuration into
// st.feats, for a weight matrix of 1<<bits rows.
func (st *state) features(bits uint) []uint32 {
	none := st.n + 1
	s0, s1, s2 := none, none, none
	if k := len(st.stack); k > 0 {
		s0 = st.stack[k-1]
		if k > 1 {
			s1 = st.stack[k-2]
			if k > 2 {
				s2 = st.stack[k-3]
			}
		}
	}
	b0, b1, b2 := st.b0, st.b0+1, st.b0+2
	if b1 > st.n {
		b1 = none
	}
	if b2 > st.n {
		b2 = none
	}
	W, T, U, L := st.W, st.T, st.U, st.lab
	s0l, s0l2, s0r, s0r2 := st.lc1[s0], st.lc2[s0], st.rc1[s0], st.rc2[s0]
	s1l, s1r := st.lc1[s1], st.rc1[s1]
	b0l, b0l2 := st.lc1[b0], st.lc2[b0]

	s0w, s0t, s0u := W[s0], T[s0], U[s0]
	s1w, s1t, s1u := W[s1], T[s1], U[s1]
	s2w, s2t := W[s2], T[s2]
	b0w, b0t, b0u := W[b0], T[b0], U[b0]
	b1w, b1t := W[b1], T[b1]
	b2w, b2t := W[b2], T[b2]

	var d, d1 uint64 = 9, 9
	if s0 != none {
		d = dist(b0 - s0)
		if b0 == st.n {
			d = 10
		}
		if s1 != none {
			d1 = dist(s0 - s1)
		}
	}

	fs := st.feats[:0]
	sh := 64 - bits
	var t uint64
	add := func(h uint64) {
		fs = append(fs, uint32(mix64(h)>>sh))
	}
	next := func() uint64 { t++; return t }

	// Single items.
	add(h1(next(), s0w))
	add(h1(next(), s0t))
	add(h2(next(), s0w, s0t))
	add(h1(next(), s0u))
	add(h1(next(), s1w))
	add(h1(next(), s1t))
	add(h2(next(), s1w, s1t))
	add(h1(next(), s1u))
	add(h1(next(), b0w))
	add(h1(next(), b0t))
	add(h2(next(), b0w, b0t))
	add(h1(next(), b0u))
	add(h1(next(), b1w))
	add(h1(next(), b1t))
	add(h2(next(), b1w, b1t))
	add(h1(next(), b2w))
	add(h1(next(), b2t))
	add(h2(next(), b2w, b2t))
	add(h1(next(), s2w))
	add(h1(next(), s2t))

	// Pairs s0-b0 (LEFT decisions) and s1-s0 (RIGHT decisions).
	add(h4(next(), s0w, s0t, b0w, b0t))
	add(h3(next(), s0w, s0t, b0w))
	add(h3(next(), s0w, b0w, b0t))
	add(h3(next(), s0w, s0t, b0t))
	add(h3(next(), s0t, b0w, b0t))
	add(h2(next(), s0w, b0w))
	add(h2(next(), s0t, b0t))
	add(h2(next(), s0u, b0u))
	add(h4(next(), s1w, s1t, s0w, s0t))
	add(h3(next(), s1w, s1t, s0w))
	add(h3(next(), s1w, s0w, s0t))
	add(h3(next(), s1w, s1t, s0t))
	add(h3(next(), s1t, s0w, s0t))
	add(h2(next(), s1w, s0w))
	add(h2(next(), s1t, s0t))
	add(h2(next(), s1u, s0u))
	add(h2(next(), b0t, b1t))
	add(h2(next(), b0w, b1w))
	add(h2(next(), s1w, b0w))
	add(h2(next(), s1t, b0t))

	// Triples of tags.
	add(h3(next(), b0t, b1t, b2t))
	add(h3(next(), s0t, b0t, b1t))
	add(h3(next(), s1t, s0t, b0t))
	add(h3(next(), s2t, s1t, s0t))
	add(h3(next(), s1t, s0t, b1t))
	add(h3(next(), s0w, b0t, b1t))
	add(h3(next(), s0t, b0w, b1t))
	add(h3(next(), s1t, s0w, b0t))
	add(h3(next(), s1t, s0t, b0w))

	// Distance.
	add(h2(next(), s0w, d))
	add(h2(next(), s0t, d))
	add(h2(next(), b0w, d))
	add(h2(next(), b0t, d))
	add(h3(next(), s0w, b0w, d))
	add(h3(next(), s0t, b0t, d))
	add(h2(next(), s1w, d1))
	add(h2(next(), s1t, d1))
	add(h2(next(), s0w, d1))
	add(h3(next(), s1t, s0t, d1))
	add(h3(next(), s1w, s0w, d1))
	add(h4(next(), s1t, s0t, d1, d))

	// Valency.
	vl0, vr0, vl1, vr1, vlb := capv(st.nl[s0]), capv(st.nr[s0]), capv(st.nl[s1]), capv(st.nr[s1]), capv(st.nl[b0])
	add(h2(next(), s0w, vr0))
	add(h2(next(), s0t, vr0))
	add(h2(next(), s0w, vl0))
	add(h2(next(), s0t, vl0))
	add(h2(next(), b0w, vlb))
	add(h2(next(), b0t, vlb))
	add(h2(next(), s1w, vr1))
	add(h2(next(), s1t, vr1))
	add(h2(next(), s1t, vl1))

	// Children.
	lb := func(i int32) uint64 { return uint64(L[i]) }
	add(h1(next(), W[s0l]))
	add(h1(next(), T[s0l]))
	add(h1(next(), lb(s0l)))
	add(h1(next(), W[s0r]))
	add(h1(next(), T[s0r]))
	add(h1(next(), lb(s0r)))
	add(h1(next(), W[b0l]))
	add(h1(next(), T[b0l]))
	add(h1(next(), lb(b0l)))
	add(h1(next(), W[s1r]))
	add(h1(next(), T[s1r]))
	add(h1(next(), lb(s1r)))
	add(h1(next(), W[s1l]))
	add(h1(next(), T[s1l]))
	add(h1(next(), lb(s1l)))
	add(h1(next(), W[s0l2]))
	add(h1(next(), T[s0l2]))
	add(h1(next(), lb(s0l2)))
	add(h1(next(), W[s0r2]))
	add(h1(next(), T[s0r2]))
	add(h1(next(), lb(s0r2)))
	add(h1(next(), W[b0l2]))
	add(h1(next(), T[b0l2]))
	add(h1(next(), lb(b0l2)))
	add(h3(next(), s0t, T[s0l], b0t))
	add(h3(next(), s0t, T[s0r], b0t))
	add(h3(next(), s0t, b0t, T[b0l]))
	add(h3(next(), s1t, T[s1r], s0t))
	add(h3(next(), s1t, T[s1l], s0t))
	add(h3(next(), s1t, s0t, T[s0l]))
	add(h3(next(), s1t, s0t, T[s0r]))
	add(h3(next(), s0w, lb(s0l), lb(s0r)))
	add(h3(next(), b0w, lb(b0l), lb(b0l2)))
	add(h3(next(), s0t, T[s0l], T[s0l2]))
	add(h3(next(), s0t, T[s0r], T[s0r2]))
	add(h3(next(), b0t, T[b0l], T[b0l2]))
	add(h3(next(), s1t, lb(s1r), s0t))
	add(h3(next(), s0t, lb(s0l), b0t))

	// UPOS, which the tagger gets right more often than XPOS.
	add(h3(next(), s1u, s0u, b0u))
	add(h3(next(), s0u, b0u, U[b1]))
	add(h2(next(), s0w, b0u))
	add(h2(next(), s0u, b0w))
	add(h2(next(), s1w, s0u))
	add(h2(next(), s1u, s0w))

	// Suffixes.
	S := st.S
	add(h1(next(), S[s0]))
	add(h1(next(), S[b0]))
	add(h1(next(), S[b1]))
	add(h1(next(), S[s1]))
	add(h2(next(), S[s0], b0t))
	add(h2(next(), s0t, S[b0]))
	add(h2(next(), S[b0], b0t))

	// Ambiguity classes: the XPOS tags seen with the word in training,
	// which do not depend on the tagger being right.
	A := st.A
	add(h1(next(), A[s0]))
	add(h1(next(), A[b0]))
	add(h1(next(), A[s1]))
	add(h1(next(), A[b1]))
	add(h2(next(), A[s0], A[b0]))
	add(h2(next(), A[s1], A[s0]))
	add(h2(next(), A[s0], b0t))
	add(h2(next(), s0t, A[b0]))

	// How far the next verb after b0 is.
	vb := st.V[b0]
	add(h2(next(), b0t, vb))
	add(h3(next(), s0t, b0t, vb))
	add(h3(next(), s1t, s0t, vb))

	// Label sets.
	add(h2(next(), s0w, st.rset[s0]))
	add(h2(next(), s0t, st.rset[s0]))
	add(h2(next(), s0w, st.lset[s0]))
	add(h2(next(), s0t, st.lset[s0]))
	add(h2(next(), b0w, st.lset[b0]))
	add(h2(next(), b0t, st.lset[b0]))
	add(h2(next(), s1t, st.rset[s1]))
	add(h2(next(), s1w, st.rset[s1]))

	st.feats = fs
	return fs
}
