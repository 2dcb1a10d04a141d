package clean

import "unicode"

// Small helpers over []rune. Patterns are ASCII and, where folded, lower
// case; only ASCII letters are folded.

func lowerASCII(r rune) rune {
	if 'A' <= r && r <= 'Z' {
		return r + 'a' - 'A'
	}
	return r
}

// hasPrefix reports whether t starts with p, exactly.
func hasPrefix(t []rune, p string) bool {
	if len(p) > len(t) {
		return false
	}
	for k := 0; k < len(p); k++ {
		if t[k] != rune(p[k]) {
			return false
		}
	}
	return true
}

// hasPrefixFold reports whether t starts with the lower-case ASCII p,
// ignoring ASCII case.
func hasPrefixFold(t []rune, p string) bool {
	if len(p) > len(t) {
		return false
	}
	for k := 0; k < len(p); k++ {
		if lowerASCII(t[k]) != rune(p[k]) {
			return false
		}
	}
	return true
}

// hasSuffixFold reports whether t ends with the lower-case ASCII p, ignoring
// ASCII case.
func hasSuffixFold(t []rune, p string) bool {
	if len(p) > len(t) {
		return false
	}
	return hasPrefixFold(t[len(t)-len(p):], p)
}

// indexFold returns the first index of the lower-case ASCII p in t,
// ignoring ASCII case, or -1.
func indexFold(t []rune, p string) int {
	for i := 0; i+len(p) <= len(t); i++ {
		if lowerASCII(t[i]) == rune(p[0]) && hasPrefixFold(t[i:], p) {
			return i
		}
	}
	return -1
}

// equalFold reports whether t is the lower-case ASCII p, ignoring ASCII
// case.
func equalFold(t []rune, p string) bool {
	return len(t) == len(p) && hasPrefixFold(t, p)
}

func isAlnum(r rune) bool {
	if r < 0x80 {
		return classTable[r]&clLetter != 0 || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isLetter(r rune) bool {
	if r < 0x80 {
		return classTable[r]&clLetter != 0
	}
	return unicode.IsLetter(r)
}

func isUpper(r rune) bool {
	if r < 0x80 {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

func isLower(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z'
	}
	return unicode.IsLower(r)
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

// boundary reports whether position k of t ends a word: the end of t or a
// code point that is neither letter nor digit.
func boundary(t []rune, k int) bool { return k >= len(t) || !isAlnum(t[k]) }

func skipSpaces(t []rune, k int) int {
	for k < len(t) && isSpace(t[k]) {
		k++
	}
	return k
}

func trimSpaces(t []rune) []rune {
	i, j := 0, len(t)
	for i < j && isSpace(t[i]) {
		i++
	}
	for j > i && isSpace(t[j-1]) {
		j--
	}
	return t[i:j]
}

// nextWord returns the bounds of the next run of non-space code points at
// or after k, or (len(t), len(t)) when there is none.
func nextWord(t []rune, k int) (int, int) {
	k = skipSpaces(t, k)
	e := k
	for e < len(t) && !isSpace(t[e]) {
		e++
	}
	return k, e
}

// trimPunct trims everything but letters, digits and '@' from both ends of
// a word.
func trimPunct(w []rune) []rune {
	i, j := 0, len(w)
	for i < j && !isAlnum(w[i]) && w[i] != '@' {
		i++
	}
	for j > i && !isAlnum(w[j-1]) && w[j-1] != '@' {
		j--
	}
	return w[i:j]
}

// inFold reports whether w equals one of the lower-case ASCII words in set,
// ignoring ASCII case.
func inFold(w []rune, set []string) bool {
	for _, s := range set {
		if equalFold(w, s) {
			return true
		}
	}
	return false
}
