// Package featurehash is the FNV-1a hashing of word forms that the
// statistical models (tag, ner) build their feature keys from. It is part
// of their model formats: a change here changes every key of every
// trained model.
package featurehash

import "unicode"

// FNV-1a parameters (64 bits).
const (
	Offset = 14695981039346656037
	Prime  = 1099511628211
)

// Runes is FNV-1a over the code points of rs, continuing from h.
func Runes(h uint64, rs []rune) uint64 {
	for _, r := range rs {
		h ^= uint64(r)
		h *= Prime
	}
	return h
}

// Lower is Runes over the lower-cased code points of rs.
func Lower(h uint64, rs []rune) uint64 {
	for _, r := range rs {
		h ^= uint64(ToLower(r))
		h *= Prime
	}
	return h
}

// ToLower is unicode.ToLower with a fast path for ASCII.
func ToLower(r rune) rune {
	if r < 0x80 {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	return unicode.ToLower(r)
}
