package tag

import (
	"slices"
)

// lexParams are the thresholds that turn the counts of the lexicon into
// the tag dictionary, the candidate sets and the ambiguity classes. They
// are saved with the model.
type lexParams struct {
	DirectMin   uint32  // a form seen at least this often ...
	DirectRatio float32 // ... with one class at least this share of the time gets it directly
	CandMin     uint32  // a form seen at least this often is tagged only with classes it was seen with
	AmbMin      uint32  // a form seen at least this often has an ambiguity class feature
	AmbShare    float32 // classes under this share of a form's count are left out of its ambiguity class
}

// defaultLexParams returns the thresholds chosen on EWT dev.
func defaultLexParams() lexParams {
	return lexParams{DirectMin: 20, DirectRatio: 0.97, CandMin: 5, AmbMin: 2, AmbShare: 0.05}
}

// lexTag is one class a form was seen with: how often, and its most
// frequent lemma. Count 0 marks a lemma that came from the built-in list of
// irregular forms rather than the training data; it plays no part in
// tagging.
type lexTag struct {
	class uint8
	count uint32
	lemma string
}

// lexEntry is one word form of the training data.
type lexEntry struct {
	form  string
	tags  []lexTag // sorted by class
	total uint32   // sum of counts

	amb    uint64 // ambiguity class hash, 0 when none
	direct int16  // class given directly, -1 when none
	cands  uint32 // candidate classes: lexicon.cands[cands:cands+candsN]
	candsN uint32
}

// lexicon maps word forms to what the training data says about them.
type lexicon struct {
	params  lexParams
	entries []lexEntry
	cands   []uint8  // candidate classes of the entries; the open classes first
	open    []uint8  // the classes that a word missing from the lexicon may have
	keys    []uint64 // open addressing on the form hash; 0 is empty
	idx     []int32
	mask    uint64
}

const (
	ambUnknown = 0x2001
	ambLowered = 0x2002
)

// newLexicon indexes entries (whose tags are sorted by class) and derives
// the tag dictionary, candidate sets and ambiguity classes.
func newLexicon(p lexParams, entries []lexEntry) *lexicon {
	lx := &lexicon{params: p, entries: entries}
	size := 16
	for size < 2*len(entries) {
		size *= 2
	}
	lx.keys = make([]uint64, size)
	lx.idx = make([]int32, size)
	lx.mask = uint64(size - 1)
	lx.open = openClasses(entries)
	lx.cands = append(lx.cands, lx.open...)
	for i := range entries {
		e := &entries[i]
		e.direct = -1
		e.amb, e.cands, e.candsN = 0, 0, 0
		var best lexTag
		for _, t := range e.tags {
			if t.count > best.count {
				best = t
			}
		}
		if e.total >= p.DirectMin && float32(best.count) >= p.DirectRatio*float32(e.total) {
			e.direct = int16(best.class)
		}
		e.cands = uint32(len(lx.cands))
		for _, t := range e.tags {
			if t.count > 0 {
				lx.cands = append(lx.cands, t.class)
			}
		}
		if e.total < p.CandMin {
			// A rare form may have any open class too.
			for _, c := range lx.open {
				if !slices.Contains(lx.cands[e.cands:], c) {
					lx.cands = append(lx.cands, c)
				}
			}
		}
		e.candsN = uint32(len(lx.cands)) - e.cands
		if e.total >= p.AmbMin {
			h := uint64(fnvOffset)
			for _, t := range e.tags {
				if t.count > 0 && float32(t.count) >= p.AmbShare*float32(e.total) {
					h ^= uint64(t.class) + 1
					h *= fnvPrime
				}
			}
			e.amb = h
		}
		lx.insert(hashString(fnvOffset, e.form), int32(i))
	}
	return lx
}

func (lx *lexicon) insert(key uint64, i int32) {
	if key == 0 {
		key = 1
	}
	for s := key & lx.mask; ; s = (s + 1) & lx.mask {
		switch lx.keys[s] {
		case 0:
			lx.keys[s] = key
			lx.idx[s] = i
			return
		case key:
			return // a hash collision between two forms: keep the first
		}
	}
}

// find returns the index of the entry whose form hashes to key, or -1.
func (lx *lexicon) find(key uint64) int32 {
	if key == 0 {
		key = 1
	}
	for s := key & lx.mask; ; s = (s + 1) & lx.mask {
		switch lx.keys[s] {
		case 0:
			return -1
		case key:
			return lx.idx[s]
		}
	}
}

// lookup fills the lexical attributes of a token whose form and lowercase
// hashes are set.
func (lx *lexicon) lookup(a *tokAttr, rs []rune) {
	a.lex = lx.find(a.form)
	a.lexLower = a.lex
	if a.lower != a.form {
		a.lexLower = lx.find(a.lower)
	}
	a.direct = -1
	a.cands, a.candsN = 0, uint32(len(lx.open))
	a.amb = ambUnknown
	if a.lex >= 0 {
		e := &lx.entries[a.lex]
		a.direct = e.direct
		a.cands, a.candsN = e.cands, e.candsN
		if e.amb != 0 {
			a.amb = e.amb
			return
		}
	}
	if a.lexLower >= 0 && a.lexLower != a.lex {
		if e := &lx.entries[a.lexLower]; e.amb != 0 {
			a.amb = mix(e.amb ^ ambLowered)
		}
	}
}

// lemma returns the lemma that the lexicon gives the form of entry i with
// class c.
func (lx *lexicon) lemma(i int32, c uint8) (string, bool) {
	if i < 0 {
		return "", false
	}
	tags := lx.entries[i].tags
	k, ok := slices.BinarySearchFunc(tags, c, func(t lexTag, c uint8) int { return int(t.class) - int(c) })
	if !ok {
		return "", false
	}
	return tags[k].lemma, true
}

// openClasses returns the classes of the rare forms of the lexicon (seen
// once or twice): those that new words have. A class must account for
// one in a thousand of their tokens.
func openClasses(entries []lexEntry) []uint8 {
	var counts [256]int
	total := 0
	for _, e := range entries {
		if e.total == 0 || e.total > 2 {
			continue
		}
		for _, t := range e.tags {
			counts[t.class] += int(t.count)
			total += int(t.count)
		}
	}
	var open []uint8
	for c, n := range counts {
		if n > 0 && n*1000 >= total {
			open = append(open, uint8(c))
		}
	}
	return open
}
