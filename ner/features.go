package ner

import (
	"unicode"

	"github.com/eventwire/eventwire/internal/featurehash"
)

// Features are 48-bit hashes of a template number and attribute hashes
// that are computed once per word, as in package tag.

const (
	fnvOffset = featurehash.Offset
	fnvPrime  = featurehash.Prime
	keyMask   = 1<<48 - 1
)

func mix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

func hashString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// fkey is the key of a feature of template t with one attribute value.
func fkey(t uint64, a uint64) uint64 {
	k := mix(a^t*0x9e3779b97f4a7c15) & keyMask
	if k == 0 {
		k = 1
	}
	return k
}

// fkey2 is the key of a feature of template t with two attribute values.
func fkey2(t uint64, a, b uint64) uint64 {
	return fkey(t, mix(a)^b*0xc2b2ae3d27d4eb4f)
}

// fkey3 is the key of a feature of template t with three attribute values.
func fkey3(t uint64, a, b, c uint64) uint64 {
	return fkey(t, mix(mix(a)^b*0xc2b2ae3d27d4eb4f)^c*0x165667b19e3779f9)
}

// Feature templates. Their numbers are part of the model format: never
// renumber them; add new ones at the end.
const (
	tBias = iota + 1
	tLower
	tForm
	tShape
	tShort
	tPre1
	tPre2
	tPre3
	tPre4
	tSuf1
	tSuf2
	tSuf3
	tSuf4
	tFlags
	tLowerM1
	tLowerM2
	tLowerP1
	tLowerP2
	tLowerM1Lower
	tLowerLowerP1
	tShortM1
	tShortP1
	tShort3
	tPos
	tPosM1
	tPosP1
	tPosM1Pos
	tPosPosP1
	tCaseShape
	tCaseLower
	tPosShort
	tLowerM1Short
	tShortLowerP1
	tFormM1
	tFormP1
	tGaz
	tGazM1
	tGazP1
	tGazShort
	tTrans
	tR0
	tR3
	tDocMaj
	tDocMajShort
	tDocMajR0
	tDocMajCase
	tCluster
	tClusterM1
	tClusterP1
	tClusterShort
	tCoarse
	tCoarsePos
	tDocLower
)

// Word flags.
const (
	flDigit = 1 << iota
	flHyphen
	flUpper   // some upper-case letter
	flAllUp   // all letters upper case (and at least two)
	flInitCap // first rune upper case
	flFirst   // first word of the sentence
	flLetter  // some letter
	flPunct   // all runes punctuation or symbols
	flPeriod  // contains a full stop
	flAllDigit
	flInitial // one capital and a full stop: "J."
)

// tokAttr holds the attribute hashes of one word.
type tokAttr struct {
	form, lower  uint64
	shape, short uint64
	pre, suf     [4]uint64
	pos          uint64 // the Penn tag
	flags        uint64
	sentCase     uint64
	gaz          uint64 // gazetteer membership (see gazetteer.go), 0 when none
	cluster      uint64 // fine word cluster, 0 when none
	coarse       uint64 // coarse word cluster, 0 when none
}

// attrs computes the attributes of a word with Penn tag xpos.
func attrs(a *tokAttr, rs []rune, xpos string, first bool) {
	a.form = featurehash.Runes(fnvOffset, rs)
	a.lower = featurehash.Lower(fnvOffset, rs)
	n := len(rs)
	for k := 1; k <= 4; k++ {
		if n < k {
			a.pre[k-1] = featurehash.Lower(fnvOffset^0x5f5f, rs)
			a.suf[k-1] = a.pre[k-1]
			continue
		}
		a.pre[k-1] = featurehash.Lower(fnvOffset, rs[:k])
		a.suf[k-1] = featurehash.Lower(fnvOffset, rs[n-k:])
	}
	a.shape, a.short, a.flags = shapeOf(rs, first)
	a.pos = hashString(fnvOffset, xpos)
	a.gaz, a.cluster, a.coarse = 0, 0, 0
}

// shapeOf returns the hashes of a word's shape (character classes, runs
// cut at four) and short shape (runs cut at one), and its flags.
func shapeOf(rs []rune, first bool) (shape, short, flags uint64) {
	n := len(rs)
	if first {
		flags |= flFirst
	}
	shape, short = fnvOffset, fnvOffset
	var last rune = -1
	run := 0
	upper, lower, punct, digit := 0, 0, 0, 0
	for i, r := range rs {
		var c rune
		switch {
		case r < 0x80:
			switch {
			case 'a' <= r && r <= 'z':
				c = 'x'
				lower++
			case 'A' <= r && r <= 'Z':
				c = 'X'
				upper++
				if i == 0 {
					flags |= flInitCap
				}
			case '0' <= r && r <= '9':
				c = 'd'
				digit++
			default:
				c = r
				switch r {
				case '-':
					flags |= flHyphen
				case '.':
					flags |= flPeriod
				}
				if r != ' ' {
					punct++
				}
			}
		case unicode.IsUpper(r):
			c = 'X'
			upper++
			if i == 0 {
				flags |= flInitCap
			}
		case unicode.IsLower(r):
			c = 'x'
			lower++
		case unicode.IsLetter(r):
			c = 'o'
			lower++
		case unicode.IsDigit(r):
			c = 'd'
			digit++
		default:
			c = '*'
			if unicode.IsPunct(r) || unicode.IsSymbol(r) {
				punct++
			}
			if unicode.Is(unicode.Hyphen, r) || unicode.Is(unicode.Dash, r) {
				flags |= flHyphen
			}
		}
		if c == last {
			run++
		} else {
			run = 0
			short ^= uint64(c)
			short *= fnvPrime
		}
		if run < 4 {
			shape ^= uint64(c)
			shape *= fnvPrime
		}
		last = c
	}
	if upper > 0 {
		flags |= flUpper
		if upper >= 2 && lower == 0 {
			flags |= flAllUp
		}
	}
	if upper+lower > 0 {
		flags |= flLetter
	}
	if digit > 0 {
		flags |= flDigit
		if digit == n {
			flags |= flAllDigit
		}
	}
	if n > 0 && punct == n {
		flags |= flPunct
	}
	if n == 2 && upper == 1 && flags&flPeriod != 0 && flags&flInitCap != 0 {
		flags |= flInitial
	}
	return shape, short, flags
}

// Sentence capitalisation, from sentenceCase.
const (
	caseLower   = 1
	caseSome    = 2
	caseTitle   = 3
	caseAllCaps = 4
)

// sentenceCase classifies a sentence by how many of its words are
// capitalised: a headline in capitals or title case reads differently.
func sentenceCase(as []tokAttr) uint64 {
	letters, caps, allUp := 0, 0, 0
	for i := range as {
		f := as[i].flags
		if f&flLetter == 0 {
			continue
		}
		letters++
		if f&flInitCap != 0 {
			caps++
		}
		if f&flAllUp != 0 {
			allUp++
		}
	}
	switch {
	case letters == 0:
		return caseLower
	case allUp*10 >= letters*8 && letters > 1:
		return caseAllCaps
	case caps*10 >= letters*7:
		return caseTitle
	case caps*10 >= letters*3:
		return caseSome
	}
	return caseLower
}

// pad is the number of boundary tokens at each end of a sentence's
// attributes: word i is at as[i+pad].
const pad = 2

// finishSentence sets the boundary tokens of a sentence's attributes and
// the attributes that depend on the whole sentence.
func finishSentence(as []tokAttr) {
	n := len(as) - 2*pad
	c := sentenceCase(as[pad : pad+n])
	for j, k := range []int{0, 1, n + pad, n + pad + 1} {
		h := uint64(0x1001 + j)
		as[k] = tokAttr{form: h, lower: h, shape: h, short: h, pos: h, gaz: h, cluster: h, coarse: h}
	}
	for i := range as {
		as[i].sentCase = c
	}
}

// numStatic is the most features staticFeatures appends.
const numStatic = 45

// staticFeatures appends the keys of the features of word i, those that do
// not depend on labels; with clusters, those of the word clusters too.
func staticFeatures(dst []uint64, as []tokAttr, i int, clusters bool) []uint64 {
	m2, m1, w, p1, p2 := &as[i], &as[i+1], &as[i+2], &as[i+3], &as[i+4]
	dst = append(dst,
		fkey(tBias, 0),
		fkey(tLower, w.lower),
		fkey(tForm, w.form),
		fkey(tShape, w.shape),
		fkey(tShort, w.short),
		fkey(tPre1, w.pre[0]),
		fkey(tPre2, w.pre[1]),
		fkey(tPre3, w.pre[2]),
		fkey(tPre4, w.pre[3]),
		fkey(tSuf1, w.suf[0]),
		fkey(tSuf2, w.suf[1]),
		fkey(tSuf3, w.suf[2]),
		fkey(tSuf4, w.suf[3]),
		fkey(tFlags, w.flags),
		fkey(tLowerM1, m1.lower),
		fkey(tLowerM2, m2.lower),
		fkey(tLowerP1, p1.lower),
		fkey(tLowerP2, p2.lower),
		fkey2(tLowerM1Lower, m1.lower, w.lower),
		fkey2(tLowerLowerP1, w.lower, p1.lower),
		fkey(tShortM1, m1.short),
		fkey(tShortP1, p1.short),
		fkey3(tShort3, m1.short, w.short, p1.short),
		fkey(tPos, w.pos),
		fkey(tPosM1, m1.pos),
		fkey(tPosP1, p1.pos),
		fkey2(tPosM1Pos, m1.pos, w.pos),
		fkey2(tPosPosP1, w.pos, p1.pos),
		fkey2(tCaseShape, w.sentCase, w.shape),
		fkey2(tCaseLower, w.sentCase, w.lower),
		fkey2(tPosShort, w.pos, w.short),
		fkey2(tLowerM1Short, m1.lower, w.short),
		fkey2(tShortLowerP1, w.short, p1.lower),
		fkey(tFormM1, m1.form),
		fkey(tFormP1, p1.form),
		fkey(tGaz, w.gaz),
		fkey2(tGazM1, m1.gaz, w.gaz),
		fkey2(tGazP1, w.gaz, p1.gaz),
		fkey2(tGazShort, w.gaz, w.short),
		fkey(tCluster, w.cluster),
		fkey2(tClusterShort, w.cluster, w.short),
	)
	if !clusters {
		return dst
	}
	return append(dst,
		fkey(tClusterM1, m1.cluster),
		fkey(tClusterP1, p1.cluster),
		fkey(tCoarse, w.coarse),
		fkey2(tCoarsePos, w.coarse, w.pos),
	)
}

// docStats counts, for every lowercased word form of a document, the
// first-pass types of its occurrences: index 0 for O, 1+t for type t, and
// at lowerSeen its occurrences without a capital letter.
type docStats struct {
	keys   []uint64
	counts [][numTypes + 2]int32
	mask   uint64
}

func (d *docStats) reset(words int) {
	size := 16
	for size < 2*words {
		size *= 2
	}
	if cap(d.keys) < size {
		d.keys = make([]uint64, size)
		d.counts = make([][numTypes + 2]int32, size)
	} else {
		d.keys = d.keys[:size]
		d.counts = d.counts[:size]
		clear(d.keys)
		clear(d.counts)
	}
	d.mask = uint64(size - 1)
}

func (d *docStats) slot(key uint64) int {
	if key == 0 {
		key = 1
	}
	for s := mix(key) & d.mask; ; s = (s + 1) & d.mask {
		if d.keys[s] == key || d.keys[s] == 0 {
			d.keys[s] = key
			return int(s)
		}
	}
}

// add counts the first-pass labels of a sentence.
func (d *docStats) add(as []tokAttr, first []uint8) {
	for i, l := range first {
		a := &as[i+pad]
		if a.flags&flLetter == 0 {
			continue
		}
		c := &d.counts[d.slot(a.lower)]
		c[typeOf(l)+1]++
		if a.flags&flUpper == 0 {
			c[lowerSeen]++
		}
	}
}

const lowerSeen = numTypes + 1

// numDoc is the number of features docFeatures appends.
const numDoc = 7

// docFeatures appends the keys of the second pass's features of word i:
// the first pass's labels of the word and its neighbours, what the first
// pass said of the other occurrences of the word in the document, and
// whether the document has the word in lower case elsewhere.
func docFeatures(dst []uint64, as []tokAttr, i int, first []uint8, d *docStats) []uint64 {
	w := &as[i+pad]
	r0 := uint64(first[i]) + 1
	rm, rp := uint64(start)+1, uint64(start)+2
	if i > 0 {
		rm = uint64(first[i-1]) + 1
	}
	if i+1 < len(first) {
		rp = uint64(first[i+1]) + 1
	}
	maj := uint64(0) // 0: no other occurrence with a letter
	lower := uint64(0)
	if w.flags&flLetter != 0 {
		c := d.counts[d.slot(w.lower)]
		if w.flags&flUpper == 0 {
			c[lowerSeen]--
		}
		if c[lowerSeen] > 0 {
			lower = 1
		}
		c[typeOf(first[i])+1]-- // the others only
		others, bestT, bestN := int32(0), -1, int32(0)
		for t := range numTypes {
			others += c[t+1]
			if c[t+1] > bestN {
				bestT, bestN = t, c[t+1]
			}
		}
		switch {
		case others+c[0] == 0:
			maj = 0
		case bestT < 0:
			maj = 1 // all others O
		default:
			share := uint64(1) // the type has a minority of the others' names
			if bestN*2 > others {
				share = 2
			}
			if bestN*2 > others+c[0] {
				share = 3 // a majority of all the others
			}
			maj = 2 + uint64(bestT)*4 + share
		}
	}
	return append(dst,
		fkey(tR0, r0),
		fkey3(tR3, rm, r0, rp),
		fkey(tDocMaj, maj),
		fkey2(tDocMajShort, maj, w.short),
		fkey2(tDocMajR0, maj, r0),
		fkey2(tDocMajCase, maj, w.sentCase),
		fkey2(tDocLower, lower, w.flags&(flUpper|flAllUp|flInitCap|flFirst)),
	)
}
