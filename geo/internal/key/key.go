package key

import (
	"unicode"
	"unicode/utf8"
)

// Skip reports whether r is left out of keys.
func Skip(r rune) bool {
	switch r {
	case ' ', '.', '-', '\'', '`',
		'\u00a0', // no-break space
		'\u00b4', // acute accent
		'\u02bb', // modifier letter turned comma (ʻ)
		'\u02bc', // modifier letter apostrophe (ʼ)
		'\u02be', // modifier letter right half ring (ʾ)
		'\u02bf', // modifier letter left half ring (ʿ)
		'\u2010', // hyphen
		'\u2011', // non-breaking hyphen
		'\u2018', // left single quotation mark
		'\u2019', // right single quotation mark
		'\u2032': // prime
		return true
	}
	return r >= 0x300 && r <= 0x36f // combining diacritical marks
}

// SkipASCII is Skip for an ASCII byte.
func SkipASCII(c byte) bool {
	return c == ' ' || c == '.' || c == '-' || c == '\'' || c == '`'
}

// AppendRune appends r to dst as keys spell it: folded, and lowercased
// unless keepCase.
func AppendRune(dst []byte, r rune, keepCase bool) []byte {
	if r < utf8.RuneSelf {
		if !keepCase && 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(dst, byte(r))
	}
	var f string
	switch {
	case r >= 0xc0 && r <= 0x24f:
		f = foldLatin[r-0xc0]
	case r >= 0x1e00 && r <= 0x1eff:
		f = foldLatinAdditional[r-0x1e00]
	}
	if f != "" {
		for i := 0; i < len(f); i++ {
			c := f[i]
			if !keepCase && 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
		}
		return dst
	}
	if !keepCase {
		r = unicode.ToLower(r)
	}
	return utf8.AppendRune(dst, r)
}

// Append appends the key of s to dst.
func Append(dst []byte, s string) []byte {
	first := true
	for _, r := range s {
		if Skip(r) {
			continue
		}
		dst = AppendRune(dst, r, first)
		first = false
	}
	return dst
}

// AppendExact appends the exact form of s to dst: its key with every
// letter's case kept.
func AppendExact(dst []byte, s string) []byte {
	for _, r := range s {
		if !Skip(r) {
			dst = AppendRune(dst, r, true)
		}
	}
	return dst
}

// IsAcronym reports whether name is written in capitals only, with at
// least two letters ("US", "U.K.", "DRC"): such names match only exactly.
func IsAcronym(name string) bool {
	letters := 0
	for _, r := range name {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}
