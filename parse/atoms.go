package parse

import (
	"unicode"
	"unicode/utf8"
)

// Word forms enter the features as 64-bit atoms: the FNV-1a hash of the
// form's code points after lower-casing and mapping every decimal digit to
// '0'. Forms that were rare in the training data (not in the model's
// vocabulary) are replaced by an atom for their shape, so that unseen names
// and numbers share what was learnt about rare words.

const (
	fnvOffset = 0xcbf29ce484222325
	fnvPrime  = 0x100000001b3
)

// normRune lower-cases a code point and maps decimal digits to '0'.
func normRune(r rune) rune {
	if r < utf8.RuneSelf {
		switch {
		case 'A' <= r && r <= 'Z':
			return r + ('a' - 'A')
		case '0' <= r && r <= '9':
			return '0'
		}
		return r
	}
	if unicode.IsDigit(r) {
		return '0'
	}
	return unicode.ToLower(r)
}

// Shape bits of a form.
const (
	shUpperFirst = 1 << iota
	shAllUpper
	shDigit
	shHyphen
	shLetter
	shPunct
	shLong
	shPeriod
)

type formKey struct {
	hash   uint64
	shape  uint64
	suffix uint64 // hash of the last three normalised code points
	last   [3]rune
}

func addRune(k *formKey, r rune, i int, letters, uppers *int) {
	nr := normRune(r)
	k.hash = (k.hash ^ uint64(uint32(nr))) * fnvPrime
	k.last[0], k.last[1], k.last[2] = k.last[1], k.last[2], nr
	switch {
	case unicode.IsUpper(r):
		*letters++
		*uppers++
		if i == 0 {
			k.shape |= shUpperFirst
		}
	case unicode.IsLetter(r):
		*letters++
	case '0' <= r && r <= '9' || r >= utf8.RuneSelf && unicode.IsDigit(r):
		k.shape |= shDigit
	case r == '-':
		k.shape |= shHyphen
	case r == '.':
		k.shape |= shPeriod
	case unicode.IsPunct(r) || unicode.IsSymbol(r):
		k.shape |= shPunct
	}
}

func finishKey(k *formKey, n, letters, uppers int) {
	if letters > 0 {
		k.shape |= shLetter
		if letters == uppers && n > 1 {
			k.shape |= shAllUpper
		}
	}
	if n > 6 {
		k.shape |= shLong
	}
	k.suffix = ((uint64(uint32(k.last[0]))*fnvPrime^uint64(uint32(k.last[1])))*fnvPrime ^ uint64(uint32(k.last[2]))) * fnvPrime
}

// keyRunes computes the form key of a token's code points.
func keyRunes(rs []rune) formKey {
	k := formKey{hash: fnvOffset}
	letters, uppers := 0, 0
	for i, r := range rs {
		addRune(&k, r, i, &letters, &uppers)
	}
	finishKey(&k, len(rs), letters, uppers)
	return k
}

// keyString computes the same key from a string; it equals
// keyRunes([]rune(s)) and allocates nothing.
func keyString(s string) formKey {
	k := formKey{hash: fnvOffset}
	letters, uppers, i := 0, 0, 0
	for _, r := range s {
		addRune(&k, r, i, &letters, &uppers)
		i++
	}
	finishKey(&k, i, letters, uppers)
	return k
}

// unknownAtom is the word atom of a form outside the vocabulary.
func unknownAtom(shape uint64) uint64 { return 0x9e3779b97f4a7c15 ^ shape<<1 | 1<<63 }

// wordIndex maps form hashes to their index in the vocabulary with open
// addressing; read-only once built.
type wordIndex struct {
	keys []uint64 // 0 marks an empty slot; hashes of 0 are stored as 1
	vals []int32
	mask uint64
}

func newWordIndex(hashes []uint64) wordIndex {
	size := 16
	for size < 2*len(hashes) {
		size <<= 1
	}
	x := wordIndex{keys: make([]uint64, size), vals: make([]int32, size), mask: uint64(size - 1)}
	for v, h := range hashes {
		h = fixZero(h)
		for i := mix64(h) & x.mask; ; i = (i + 1) & x.mask {
			if x.keys[i] == h {
				break
			}
			if x.keys[i] == 0 {
				x.keys[i], x.vals[i] = h, int32(v)
				break
			}
		}
	}
	return x
}

func fixZero(h uint64) uint64 {
	if h == 0 {
		return 1
	}
	return h
}

// get returns the index of a form hash, or -1.
func (x *wordIndex) get(h uint64) int32 {
	if len(x.keys) == 0 {
		return -1
	}
	h = fixZero(h)
	for i := mix64(h) & x.mask; ; i = (i + 1) & x.mask {
		switch x.keys[i] {
		case h:
			return x.vals[i]
		case 0:
			return -1
		}
	}
}

// mix64 is a 64-bit finaliser (from the splitmix64 family).
func mix64(h uint64) uint64 {
	h ^= h >> 31
	h *= 0xd6e8feb86659fd93
	h ^= h >> 32
	h *= 0xd6e8feb86659fd93
	h ^= h >> 32
	return h
}
