package tag

import (
	"unicode"

	"github.com/eventwire/eventwire/internal/featurehash"
)

// Feature keys are 48-bit hashes. A feature is a template number mixed
// with one or two attribute hashes of the tokens around the one being
// tagged; the attribute hashes are computed once per token (tokAttr), so
// extracting the features of a token costs a few multiplications and no
// allocation.

const keyMask = 1<<48 - 1

// mix is the splitmix64 finaliser.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

const (
	fnvOffset = featurehash.Offset
	fnvPrime  = featurehash.Prime
)

func hashString(h uint64, s string) uint64 {
	for _, r := range s {
		h ^= uint64(r)
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

// Feature templates. Their numbers are part of the model format: never
// renumber them; add new ones at the end.
const (
	tBias = iota + 1
	tLower
	tForm
	tSuf1
	tSuf2
	tSuf3
	tSuf4
	tPre1
	tPre2
	tPre3
	tShape
	tShortShape
	tFlags
	tLowerM1
	tLowerM2
	tLowerP1
	tLowerP2
	tSuf3M1
	tSuf3P1
	tShapeM1
	tShapeP1
	tLowerM1Lower
	tLowerLowerP1
	tAmb
	tAmbM1
	tAmbP1
	tAmbP2
	tAmbAmbP1
	tTagM1
	tTagM2
	tTagM1M2
	tTagM1Lower
	tTagM1AmbP1
	tTagM1Suf3
	tLowerM2LowerM1
	tLowerP1LowerP2
	tR1
	tR2
	tR1R2
	tR1Lower
	tTagM1R1
	tR1LowerP1
	tR0
	tR0R1
	tTagM1R0
	tTagM1LowerP1
	tSentCaseFlags
	tSentCaseLower
)

// Token flags.
const (
	flDigit = 1 << iota
	flHyphen
	flUpper   // some upper-case letter
	flAllUp   // all letters upper case (and at least two)
	flInitCap // first rune upper case
	flFirst   // first token of the sentence
	flLetter  // some letter
	flPunct   // all runes punctuation or symbols
	flNonLatin
)

// tokAttr holds the attribute hashes of one token.
type tokAttr struct {
	form, lower       uint64
	shape, shortShape uint64
	suf1, suf2, suf3  uint64
	suf4              uint64
	pre1, pre2, pre3  uint64
	amb               uint64
	sentCase          uint64 // how much of the sentence is capitalised (see finishSentence)
	flags             uint64
	lex               int32  // index of the lexicon entry of the exact form, -1 when none
	lexLower          int32  // index of the lexicon entry of the lowercased form, -1 when none
	direct            int16  // class given by the tag dictionary, -1 when none
	cands, candsN     uint32 // candidate classes: lex.cands[cands:cands+candsN]; all when candsN == 0
}

// attrs computes the attributes of a token.
func (t *Tagger) attrs(a *tokAttr, rs []rune, first bool) {
	n := len(rs)
	a.form = featurehash.Runes(fnvOffset, rs)
	a.lower = featurehash.Lower(fnvOffset, rs)
	a.suf1 = suffixHash(rs, 1)
	a.suf2 = suffixHash(rs, 2)
	a.suf3 = suffixHash(rs, 3)
	a.suf4 = suffixHash(rs, 4)
	a.pre1 = featurehash.Lower(fnvOffset, rs[:min(n, 1)])
	a.pre2 = featurehash.Lower(fnvOffset, rs[:min(n, 2)])
	a.pre3 = featurehash.Lower(fnvOffset, rs[:min(n, 3)])
	a.shape, a.shortShape, a.flags = shapeOf(rs, first)
	t.lex.lookup(a, rs)
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
	upper, lower, punct := 0, 0, 0
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
				flags |= flDigit
			default:
				c = r
				if r == '-' {
					flags |= flHyphen
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
			c = 'o' // a letter of a script without case
			lower++
			flags |= flNonLatin
		case unicode.IsDigit(r):
			c = 'd'
			flags |= flDigit
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
	if n > 0 && punct == n {
		flags |= flPunct
	}
	return shape, short, flags
}

// suffixHash is the hash of the last k lowercased runes of rs (all of rs
// when it is shorter), marked by k so that suffixes of different lengths
// never share a key.
func suffixHash(rs []rune, k int) uint64 {
	if len(rs) < k {
		return featurehash.Lower(fnvOffset^0x5f5f, rs)
	}
	return featurehash.Lower(fnvOffset, rs[len(rs)-k:])
}

// Tag values for the positions before and after the sentence.
const (
	histStart1 = 255
	histStart2 = 254
	histEnd1   = 253
	histEnd2   = 252
)

// The attributes of a sentence of n words are held in a slice of n+4:
// two boundary tokens, the words, two boundary tokens. Word i is at i+2.

// pad is the number of boundary tokens at each end of a sentence's
// attributes.
const pad = 2

// finishSentence completes the attributes of a sentence, words at
// as[pad:len(as)-pad]: it sets the boundary tokens and the attributes that
// depend on the whole sentence.
func finishSentence(as []tokAttr) {
	n := len(as) - 2*pad
	for j, k := range []int{0, 1, n + pad, n + pad + 1} {
		h := uint64(0x1001 + j)
		as[k] = tokAttr{form: h, lower: h, shape: h, shortShape: h, suf3: h, amb: h, lex: -1, lexLower: -1, direct: -1}
	}
	c := sentenceCase(n, func(i int) uint64 { return as[i+pad].flags })
	for i := range as {
		as[i].sentCase = c
	}
}

// staticFeatures appends the keys of the features of word i that do not
// depend on predicted tags.
func staticFeatures(dst []uint64, as []tokAttr, i int) []uint64 {
	m2, m1, w, p1, p2 := &as[i], &as[i+1], &as[i+2], &as[i+3], &as[i+4]
	dst = append(dst,
		fkey(tBias, 0),
		fkey(tLower, w.lower),
		fkey(tForm, w.form),
		fkey(tSuf1, w.suf1),
		fkey(tSuf2, w.suf2),
		fkey(tSuf3, w.suf3),
		fkey(tSuf4, w.suf4),
		fkey(tPre1, w.pre1),
		fkey(tPre2, w.pre2),
		fkey(tPre3, w.pre3),
		fkey(tShape, w.shape),
		fkey(tShortShape, w.shortShape),
		fkey(tFlags, w.flags),
		fkey(tLowerM1, m1.lower),
		fkey(tLowerM2, m2.lower),
		fkey(tLowerP1, p1.lower),
		fkey(tLowerP2, p2.lower),
		fkey(tSuf3M1, m1.suf3),
		fkey(tSuf3P1, p1.suf3),
		fkey(tShapeM1, m1.shortShape),
		fkey(tShapeP1, p1.shortShape),
		fkey2(tLowerM1Lower, m1.lower, w.lower),
		fkey2(tLowerLowerP1, w.lower, p1.lower),
		fkey(tAmb, w.amb),
		fkey(tAmbM1, m1.amb),
		fkey(tAmbP1, p1.amb),
		fkey(tAmbP2, p2.amb),
		fkey2(tAmbAmbP1, w.amb, p1.amb),
		fkey2(tLowerM2LowerM1, m2.lower, m1.lower),
		fkey2(tLowerP1LowerP2, p1.lower, p2.lower),
		fkey2(tSentCaseFlags, w.sentCase, w.flags),
		fkey2(tSentCaseLower, w.sentCase, w.lower),
	)
	return dst
}

// numDynamic is the number of features that dynamicFeatures appends.
const numDynamic = 7

// dynamicFeatures appends the keys of the features of position i that
// depend on the tags predicted for the two positions before it.
func dynamicFeatures(dst []uint64, as []tokAttr, i int, t1, t2 uint8) []uint64 {
	w, p1 := &as[i+pad], &as[i+pad+1]
	h1, h2 := uint64(t1)+1, uint64(t2)+1
	return append(dst,
		fkey(tTagM1, h1),
		fkey(tTagM2, h2),
		fkey(tTagM1M2, h1<<8|h2),
		fkey2(tTagM1Lower, h1, w.lower),
		fkey2(tTagM1AmbP1, h1, p1.amb),
		fkey2(tTagM1Suf3, h1, w.suf3),
		fkey2(tTagM1LowerP1, h1, p1.lower),
	)
}

// numDynamic2 is the number of features that dynamicFeatures2 appends.
const numDynamic2 = numDynamic + 9

// dynamicFeatures2 appends the keys of the features of position i in the
// second pass: those of dynamicFeatures for the tags that the second pass
// predicted for the two positions before i, and features of the tags that
// the first pass predicted for i and the two positions after it.
func dynamicFeatures2(dst []uint64, as []tokAttr, i int, t1, t2 uint8, first []uint8) []uint64 {
	dst = dynamicFeatures(dst, as, i, t1, t2)
	w, p1 := &as[i+pad], &as[i+pad+1]
	r0 := uint64(first[i]) + 1
	r1, r2 := uint64(histEnd1)+1, uint64(histEnd2)+1
	if i+1 < len(first) {
		r1 = uint64(first[i+1]) + 1
	}
	if i+2 < len(first) {
		r2 = uint64(first[i+2]) + 1
	}
	h1 := uint64(t1) + 1
	return append(dst,
		fkey(tR1, r1),
		fkey(tR2, r2),
		fkey(tR1R2, r1<<8|r2),
		fkey2(tR1Lower, r1, w.lower),
		fkey(tTagM1R1, h1<<8|r1),
		fkey2(tR1LowerP1, r1, p1.lower),
		fkey(tR0, r0),
		fkey(tR0R1, r0<<8|r1),
		fkey(tTagM1R0, h1<<8|r0),
	)
}

// Sentence capitalisation, from sentenceCase.
const (
	caseLower   = 1
	caseSome    = 2
	caseTitle   = 3
	caseAllCaps = 4
)

// sentenceCase classifies a sentence of n words, with flags(i) the flags
// of word i.
func sentenceCase(n int, flags func(i int) uint64) uint64 {
	letters, caps, allUp := 0, 0, 0
	for i := range n {
		f := flags(i)
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
