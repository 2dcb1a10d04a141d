package actor

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eventwire/eventwire/text"
)

// Case rules for matching a phrase word against a token.
const (
	// foldCase compares words case-insensitively (titles, role nouns,
	// dictionary entries written in capitals).
	foldCase = iota
	// nameCase compares names: an acronym ("UN", "WHO", "U.N.") matches
	// only itself, so the pronoun "who" is never the World Health
	// Organization; a capitalised word ("Front") matches a capitalised or
	// all-capital token; a lower-case particle ("al") matches any case.
	nameCase
)

// maxKey is the longest first word (in bytes, folded) the index keys on.
// Longer words are never names or titles.
const maxKey = 48

// phraseIndex finds the longest known phrase starting at a token. Phrases
// are tokenized exactly as text.Tokenize splits article text, so "al-Nusra
// Front" is the four tokens "al" "-" "Nusra" "Front" on both sides.
// It is read-only after building and safe for concurrent use.
type phraseIndex struct {
	rule    int
	byFirst map[string][]int32 // folded first word -> phrase ids, longest first
	words   [][]string         // phrase id -> its words
	vals    []int32            // phrase id -> caller's value
}

func newPhraseIndex(rule int) *phraseIndex {
	return &phraseIndex{rule: rule, byFirst: make(map[string][]int32)}
}

// splitWords tokenizes a phrase as article text is tokenized. The phrase
// is tokenized as if a word followed it, as it does in a sentence: at the
// very end of a text the tokenizer would split the full stop off a final
// abbreviation ("U.N" "."), which no mid-sentence "U.N." would match.
func splitWords(s string) []string {
	rs := []rune(s + " x")
	toks := text.Tokenize(nil, rs, 0, len(rs))
	toks = toks[:max(0, len(toks)-1)]
	w := make([]string, len(toks))
	for i, t := range toks {
		w[i] = string(rs[t.Start:t.End])
	}
	return w
}

// add indexes phrase (plain text, tokenized here) with value v. Duplicate
// phrases keep the first value added. It reports whether the phrase was
// new.
func (x *phraseIndex) add(phrase string, v int32) bool {
	return x.addWords(splitWords(phrase), v)
}

func (x *phraseIndex) addWords(w []string, v int32) bool {
	if len(w) == 0 {
		return false
	}
	var buf [maxKey]byte
	k, ok := fold(buf[:0], w[0])
	if !ok {
		return false
	}
	key := string(k)
	ids := x.byFirst[key]
	for _, id := range ids {
		if sameWords(x.words[id], w, x.rule) {
			return false
		}
	}
	id := int32(len(x.words))
	x.words = append(x.words, w)
	x.vals = append(x.vals, v)
	// Keep the list sorted longest first, stable for equal lengths.
	pos := len(ids)
	for pos > 0 && len(x.words[ids[pos-1]]) < len(w) {
		pos--
	}
	ids = append(ids, 0)
	copy(ids[pos+1:], ids[pos:])
	ids[pos] = id
	x.byFirst[key] = ids
	return true
}

func sameWords(a, b []string, rule int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if rule == foldCase && !strings.EqualFold(a[i], b[i]) || rule == nameCase && a[i] != b[i] {
			return false
		}
	}
	return true
}

// match returns the length and value of the longest phrase that starts at
// words[i], or n == 0. It does not allocate.
func (x *phraseIndex) match(words []string, i int) (n int, v int32) {
	if x == nil || i < 0 || i >= len(words) {
		return 0, 0
	}
	var buf [maxKey]byte
	k, ok := fold(buf[:0], words[i])
	if !ok {
		return 0, 0
	}
	for _, id := range x.byFirst[string(k)] {
		pw := x.words[id]
		if i+len(pw) > len(words) {
			continue
		}
		okAll := true
		for j, w := range pw {
			if !wordMatch(w, words[i+j], x.rule) {
				okAll = false
				break
			}
		}
		if okAll {
			return len(pw), x.vals[id]
		}
	}
	return 0, 0
}

// matchAll is match for a whole name: the phrase must cover all of words.
func (x *phraseIndex) matchAll(words []string) (v int32, ok bool) {
	n, v := x.match(words, 0)
	if n == 0 || n != len(words) {
		return 0, false
	}
	return v, true
}

// wordMatch compares a phrase word with a token under a case rule.
func wordMatch(w, tok string, rule int) bool {
	if rule == foldCase {
		return strings.EqualFold(w, tok)
	}
	if isAcronym(w) {
		return w == tok
	}
	if !strings.EqualFold(w, tok) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(r) {
		t, _ := utf8.DecodeRuneInString(tok)
		return unicode.IsUpper(t) || !unicode.IsLetter(t)
	}
	return true
}

// isAcronym reports whether w is written in capitals with at least two
// letters ("UN", "WHO", "U.N.", "ISIS").
func isAcronym(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// fold appends the lower-case form of s to dst; ok is false when it would
// not fit in maxKey bytes. For a dst with capacity maxKey it never
// allocates.
func fold(dst []byte, s string) ([]byte, bool) {
	if len(s) > maxKey {
		return dst, false
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		r = unicode.ToLower(r)
		if len(dst)+utf8.RuneLen(r) > maxKey {
			return dst, false
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst, true
}
