package simhash

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// Shingle is the number of consecutive words hashed together.
const Shingle = 3

// Hash is a 64-bit SimHash fingerprint.
type Hash uint64

// FNV-1a, 64-bit.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// mix is the 64-bit finaliser of SplitMix64: it spreads FNV's weak high
// bits over the whole word.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// Sum returns the fingerprint of text and the number of shingles it was
// made from. A text of fewer than Shingle words is one shingle of the
// words it has; a text without words has fingerprint 0 and no shingles.
// Sum does not allocate.
func Sum(text string) (Hash, int) {
	// ones[i] counts the shingles with bit i set: bit 8k+j is counted in
	// byte j of packed[k] until that byte could overflow, then in ones.
	var ones [64]int32
	var packed [8]uint64
	var win [Shingle]uint64 // hashes of the last words, oldest first
	words, shingles := 0, 0
	unpack := func() {
		for k, p := range packed {
			for j := range 8 {
				ones[8*k+j] += int32(p >> (8 * j) & 0xff)
			}
		}
		packed = [8]uint64{}
	}
	add := func(n int) {
		s := uint64(0x9e3779b97f4a7c15)
		for _, w := range win[Shingle-n:] {
			s = mix(s ^ w)
		}
		for k := range packed {
			packed[k] += spread[s>>(8*k)&0xff]
		}
		shingles++
		if shingles%255 == 0 {
			unpack()
		}
	}
	h := uint64(fnvOffset)
	inWord := false
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf { // ASCII: no decoding
			i++
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
				if !inWord {
					h, inWord = fnvOffset, true
				}
				h = (h ^ uint64(c)) * fnvPrime
				continue
			}
		} else {
			r, size := utf8.DecodeRuneInString(text[i:])
			i += size
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				if !inWord {
					h, inWord = fnvOffset, true
				}
				var buf [utf8.UTFMax]byte
				n := utf8.EncodeRune(buf[:], unicode.ToLower(r))
				for _, b := range buf[:n] {
					h = (h ^ uint64(b)) * fnvPrime
				}
				continue
			}
		}
		if inWord {
			inWord = false
			words = push(&win, h, words)
			if words >= Shingle {
				add(Shingle)
			}
		}
	}
	if inWord {
		words = push(&win, h, words)
		if words >= Shingle {
			add(Shingle)
		}
	}
	if words > 0 && words < Shingle {
		add(words)
	}
	if shingles == 0 {
		return 0, 0
	}
	unpack()
	var out uint64
	for i, c := range ones {
		if 2*int(c) > shingles { // more shingles vote for the bit than against
			out |= 1 << i
		}
	}
	return Hash(out), shingles
}

// spread maps a byte to a word whose byte j is bit j of it.
var spread = func() (t [256]uint64) {
	for b := range t {
		for j := range 8 {
			t[b] |= uint64(b>>j&1) << (8 * j)
		}
	}
	return t
}()

// push appends a word's hash to the window and returns the word count.
func push(win *[Shingle]uint64, h uint64, words int) int {
	copy(win[:], win[1:])
	win[Shingle-1] = h
	return words + 1
}

// Distance is the number of bits in which a and b differ (their Hamming
// distance), from 0 to 64.
func Distance(a, b Hash) int { return bits.OnesCount64(uint64(a ^ b)) }

// Blocks splits h in four 16-bit blocks, lowest bits first. Two hashes
// within distance 3 have at least one block in common.
func (h Hash) Blocks() [4]uint16 {
	return [4]uint16{uint16(h), uint16(h >> 16), uint16(h >> 32), uint16(h >> 48)}
}
