package ner

import (
	"unicode/utf8"

	"github.com/eventwire/eventwire/geo"
)

// gazAttrs sets the gazetteer attribute of the words of a sentence, whose
// attributes are as (with boundary tokens): every word of the longest
// place name that starts at a word gets the kinds of the name's entries
// (country, demonym, capital, seat, city, region; and whether one is a
// place of a million people or more) and its position in the name (B, I,
// L or U).
func gazAttrs(g *geo.Gazetteer, as []tokAttr, words []string) {
	for i := 0; i < len(words); {
		n, es := g.Match(words, i)
		if n == 0 {
			i++
			continue
		}
		var kinds uint64
		for _, e := range es {
			kinds |= 1 << (e.Kind & 7)
			if e.Population >= 1_000_000 {
				kinds |= 1 << 8
			}
		}
		for k := range n {
			pos := uint64(posI)
			switch {
			case n == 1:
				pos = posU
			case k == 0:
				pos = posB
			case k == n-1:
				pos = posL
			}
			as[pad+i+k].gaz = 1<<16 | kinds<<2 | pos
		}
		i += n
	}
}

// sentenceWords returns the words of a sentence as strings that share one
// allocation, for the gazetteer.
func (s *scratch) sentenceWords(n int, word func(i int) []rune) []string {
	s.bytes = s.bytes[:0]
	s.wbounds = append(s.wbounds[:0], 0)
	for i := range n {
		for _, r := range word(i) {
			s.bytes = utf8.AppendRune(s.bytes, r)
		}
		s.wbounds = append(s.wbounds, len(s.bytes))
	}
	all := string(s.bytes)
	s.wstr = grow(s.wstr, n)
	for i := range n {
		s.wstr[i] = all[s.wbounds[i]:s.wbounds[i+1]]
	}
	return s.wstr
}
