package tag

import (
	"strings"
	"unicode"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/featurehash"
)

// Headlines are title-cased: "Russia Agree to Try to Revive Syria Plan".
// The tagger's features lean on capitals, so it would take "Agree",
// "Revive" and "Plan" for proper nouns. Tag therefore shows it a
// title-cased headline as running text would have it: a capitalised word
// that the lexicon knows better in lower case, and not as a name, is seen
// in lower case. The tokens' text and offsets do not change.

// titleParagraph reports whether the first paragraph of doc is its title.
func titleParagraph(doc *eventwire.Doc) bool {
	if doc.Title == "" || len(doc.Paragraphs) == 0 {
		return false
	}
	p := doc.Paragraphs[0]
	if p.Start < 0 || p.End > len(doc.Runes) || p.Start > p.End {
		return false
	}
	return equalTrimmed(doc.Runes[p.Start:p.End], doc.Title)
}

// equalTrimmed reports whether rs and s are equal once white space is
// trimmed from both ends of each.
func equalTrimmed(rs []rune, s string) bool {
	for len(rs) > 0 && unicode.IsSpace(rs[0]) {
		rs = rs[1:]
	}
	for len(rs) > 0 && unicode.IsSpace(rs[len(rs)-1]) {
		rs = rs[:len(rs)-1]
	}
	s = strings.TrimSpace(s)
	for _, r := range s {
		if len(rs) == 0 || rs[0] != r {
			return false
		}
		rs = rs[1:]
	}
	return len(rs) == 0
}

// titleCased reports whether a sentence is title-cased: it has at least
// three words of four letters or more, and all of them are capitalised.
func titleCased(runes []rune, toks []eventwire.Token) bool {
	long := 0
	for _, tok := range toks {
		rs := tokenRunes(runes, tok)
		letters := 0
		for _, r := range rs {
			if unicode.IsLetter(r) {
				letters++
			}
		}
		if letters < 4 {
			continue
		}
		if !unicode.IsUpper(rs[0]) {
			return false
		}
		long++
	}
	return long >= 3
}

// nameOdds is how many times more often the lexicon must have seen a
// word as a common lower-case word than as a capitalised name for
// lowerInTitle to lowercase it. On the titles of the BBC archive
// title-cased, 2, 3 and 4 agree with the tags of the sentence-case titles
// on 88.3%, 87.5% and 87.1% of the words, and keep 92.7%, 93.3% and 93.8%
// of their proper nouns (see TestHeadlineFloor).
const nameOdds = 3

// lowerInTitle reports whether a capitalised word of a title-cased
// headline, not its first word, would be written in lower case in running
// text. It would when all of these hold:
//
//   - it is capitalised and not all capitals (acronyms keep their form);
//   - the lexicon knows its lowercased form as a common word (tagged other
//     than NNP/NNPS) more often than it saw the capitalised form at all,
//     so that the word is not one written mostly with a capital ("United",
//     "States", "I");
//   - the lowercased form's common uses outnumber the capitalised form's
//     uses as a name (NNP, NNPS) more than nameOdds times ("House",
//     "President", "New" stay; "Plan", "Review", "Office" do not).
//
// a holds the word's attributes as computed by attrs.
func (t *Tagger) lowerInTitle(a *tokAttr) bool {
	if a.flags&flInitCap == 0 || a.flags&flAllUp != 0 || a.lexLower < 0 || a.lexLower == a.lex {
		return false
	}
	common := t.properCount(a.lexLower, false)
	var capTotal, capName uint32
	if a.lex >= 0 {
		capTotal = t.lex.entries[a.lex].total
		capName = t.properCount(a.lex, true)
	}
	if common <= capTotal {
		return false
	}
	return common > nameOdds*capName
}

// properCount returns how often lexicon entry i was tagged as a proper
// noun (NNP, NNPS) when proper is true, or as anything else when it is
// false.
func (t *Tagger) properCount(i int32, proper bool) uint32 {
	var n uint32
	for _, lt := range t.lex.entries[i].tags {
		x := t.classes[lt.class].xpos
		if (x == "NNP" || x == "NNPS") == proper {
			n += lt.count
		}
	}
	return n
}

// headlineView fills s.view with the runes the tagger sees for the tokens
// of a title-cased headline: each token's own, lowercased when
// lowerInTitle says so. s.bounds[i] and s.bounds[i+1] delimit token i,
// and s.lowered[i] says whether it was lowercased. It returns whether any
// was.
func (t *Tagger) headlineView(s *scratch, runes []rune, toks []eventwire.Token) bool {
	s.view = s.view[:0]
	s.bounds = append(s.bounds[:0], 0)
	s.lowered = grow(s.lowered, len(toks))
	any := false
	var a tokAttr
	for i, tok := range toks {
		rs := tokenRunes(runes, tok)
		s.lowered[i] = false
		if i > 0 {
			t.attrs(&a, rs, false)
			s.lowered[i] = t.lowerInTitle(&a)
		}
		if s.lowered[i] {
			any = true
			for _, r := range rs {
				s.view = append(s.view, featurehash.ToLower(r))
			}
		} else {
			s.view = append(s.view, rs...)
		}
		s.bounds = append(s.bounds, len(s.view))
	}
	return any
}
