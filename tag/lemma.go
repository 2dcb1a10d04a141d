package tag

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/eventwire/eventwire/internal/featurehash"
)

// The lemmatizer has these layers, tried in order:
//
//  1. the lexicon: the most frequent lemma of each (form, class) pair of
//     the training data, plus a built-in list of irregular verbs and nouns;
//  2. numbers with thousands separators lose them, as in EWT;
//  3. the lexicon for the lowercased form, when the word is capitalised
//     and the casing rule of its class, position and sentence (learned
//     from the training tokens) says that such words are lowercased;
//  4. suffix rules: for the class and the longest suffix of the lowercased
//     form seen in at least two training word types, the most frequent
//     edits "strip n code points, append s", learned from the word types
//     of the training data. For nouns, verbs, adjectives and adverbs the
//     first edit whose result is a lemma of the lexicon wins (provoking ->
//     provoke rather than provok), trying shorter suffixes too; else the
//     most frequent edit of the longest suffix.

// lemmaRule is an edit from a form to its lemma.
type lemmaRule struct {
	strip uint8
	add   string
}

// ruleEntry is a suffix rule as saved: for words of the class whose
// lowercased form ends in suffix, apply rule. A suffix may have several
// rules, the more frequent first.
type ruleEntry struct {
	class  uint8
	suffix string
	rule   lemmaRule
}

// lemmatizer holds the suffix rules and the casing decisions.
type lemmatizer struct {
	maxSuffix int
	rules     []ruleEntry
	keys      []uint64 // open addressing on ruleKey; 0 is empty
	idx       []int32  // the first rule of the key
	n         []int32  // the number of rules of the key
	mask      uint64
	known     *hashSet // the hashes of the lowercased lemmas of inflecting classes in the lexicon
	// lower[c] has bit casingBit(first, allCaps, sentence case) set when
	// capitalised words of class c get a lowercased lemma.
	lower    []uint16
	num      []bool // by class: a number, whose lemma drops thousands separators
	inflects []bool // by class: a noun, verb, adjective or adverb
}

const (
	defaultMaxSuffix = 6
	rulesPerSuffix   = 3
)

func ruleKey(c uint8, h uint64) uint64 { return fkey2(0x7e57, uint64(c)+1, h) }

func newLemmatizer(maxSuffix int, rules []ruleEntry, lower []uint16, classes []class, lx *lexicon) *lemmatizer {
	l := &lemmatizer{maxSuffix: maxSuffix, rules: rules, lower: lower}
	for _, c := range classes {
		l.num = append(l.num, c.upos == "NUM")
		switch c.upos {
		case "NOUN", "VERB", "AUX", "ADJ", "ADV":
			l.inflects = append(l.inflects, true)
		default:
			l.inflects = append(l.inflects, false)
		}
	}
	size := 16
	for size < 2*len(rules) {
		size *= 2
	}
	l.keys = make([]uint64, size)
	l.idx = make([]int32, size)
	l.n = make([]int32, size)
	l.mask = uint64(size - 1)
	for i, r := range rules {
		key := ruleKey(r.class, hashString(fnvOffset, r.suffix))
		for s := key & l.mask; ; s = (s + 1) & l.mask {
			if l.keys[s] == key {
				if l.idx[s]+l.n[s] == int32(i) {
					l.n[s]++ // the next rule of the same suffix
				}
				break
			}
			if l.keys[s] == 0 {
				l.keys[s], l.idx[s], l.n[s] = key, int32(i), 1
				break
			}
		}
	}
	var lemmas []uint64
	for _, e := range lx.entries {
		for _, t := range e.tags {
			if int(t.class) < len(l.inflects) && l.inflects[t.class] {
				lemmas = append(lemmas, featurehash.Lower(fnvOffset, []rune(t.lemma)))
			}
		}
	}
	l.known = newHashSet(lemmas)
	return l
}

// rule returns the rule for a form of class c. For a class that inflects
// it is, walking from the longest suffix of rs with rules to the
// shortest, the first rule whose result is the lemma of some word of the
// lexicon; for other classes, and when no result is a known lemma, it is
// the most frequent rule of the longest suffix that applies.
func (l *lemmatizer) rule(rs []rune, c uint8) (lemmaRule, bool) {
	var first lemmaRule
	found := false
	check := int(c) < len(l.inflects) && l.inflects[c]
	for k := min(len(rs), l.maxSuffix); k >= 0; k-- {
		key := ruleKey(c, featurehash.Lower(fnvOffset, rs[len(rs)-k:]))
		var rules []ruleEntry
		for s := key & l.mask; ; s = (s + 1) & l.mask {
			if l.keys[s] == 0 {
				break
			}
			if l.keys[s] == key {
				rules = l.rules[l.idx[s] : l.idx[s]+l.n[s]]
				break
			}
		}
		for _, r := range rules {
			if int(r.rule.strip) > len(rs) {
				continue
			}
			if !found {
				first, found = r.rule, true
				if !check {
					return first, true
				}
			}
			h := featurehash.Lower(fnvOffset, rs[:len(rs)-int(r.rule.strip)])
			if l.known.has(hashString(h, r.rule.add)) {
				return r.rule, true
			}
		}
	}
	return first, found
}

// casingBit is the bit of lemmatizer.lower for a capitalised word that is
// first in its sentence or not, all capitals or not, in a sentence of the
// given case (sentenceCase).
func casingBit(first, allCaps bool, sentCase uint64) uint {
	bit := uint(sentCase&3) << 2
	if first {
		bit |= 1
	}
	if allCaps {
		bit |= 2
	}
	return bit
}

func (l *lemmatizer) lowers(c uint8, first, allCaps bool, sentCase uint64) bool {
	if int(c) >= len(l.lower) {
		return true
	}
	return l.lower[c]&(1<<casingBit(first, allCaps, sentCase)) != 0
}

// hashSet is a set of non-zero 64-bit hashes.
type hashSet struct {
	keys []uint64
	mask uint64
}

func newHashSet(hs []uint64) *hashSet {
	size := 16
	for size < 2*len(hs) {
		size *= 2
	}
	set := &hashSet{keys: make([]uint64, size), mask: uint64(size - 1)}
	for _, h := range hs {
		h = max(h, 1)
		for s := h & set.mask; ; s = (s + 1) & set.mask {
			if set.keys[s] == h {
				break
			}
			if set.keys[s] == 0 {
				set.keys[s] = h
				break
			}
		}
	}
	return set
}

func (set *hashSet) has(h uint64) bool {
	h = max(h, 1)
	for s := h & set.mask; ; s = (s + 1) & set.mask {
		switch set.keys[s] {
		case 0:
			return false
		case h:
			return true
		}
	}
}

// number returns the lemma of a number written with thousands separators
// ("1,200" -> "1200", as EWT has it), and false for any other word.
func number(rs []rune) (string, bool) {
	commas, digits := 0, 0
	for i, r := range rs {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == ',' && i > 0 && len(rs)-i > 3:
			commas++
		case r == '.' || r == '-' || r == '+':
		default:
			return "", false
		}
	}
	if commas == 0 || digits == 0 {
		return "", false
	}
	b := make([]rune, 0, len(rs)-commas)
	for _, r := range rs {
		if r != ',' {
			b = append(b, r)
		}
	}
	return string(b), true
}

// lemma returns the lemma of a token of class c, and false when the lemma
// is the form itself.
func (t *Tagger) lemma(s *scratch, a *tokAttr, rs []rune, c uint8, first bool) (string, bool) {
	if l, ok := t.lex.lemma(a.lex, c); ok {
		return l, true
	}
	if int(c) < len(t.lem.num) && t.lem.num[c] {
		if l, ok := number(rs); ok {
			return l, true
		}
	}
	lower := a.flags&flUpper != 0 && t.lem.lowers(c, first, a.flags&flAllUp != 0, a.sentCase)
	if lower {
		if l, ok := t.lex.lemma(a.lexLower, c); ok {
			return l, true
		}
	}
	r, ok := t.lem.rule(rs, c)
	if !ok || r.strip == 0 && r.add == "" && !lower {
		return "", false
	}
	b := append(s.lbuf[:0], rs[:len(rs)-int(r.strip)]...)
	if lower {
		for i, x := range b {
			b[i] = featurehash.ToLower(x)
		}
	}
	for _, x := range r.add {
		b = append(b, x)
	}
	s.lbuf = b
	return string(b), true
}

// lowerRunes returns the code points of s lowercased one by one, as
// hashLower sees them.
func lowerRunes(s string) []rune {
	rs := []rune(s)
	for i, r := range rs {
		rs[i] = featurehash.ToLower(r)
	}
	return rs
}

// edit returns the rule that turns form into lemma, both lowercased.
func edit(form, lemma string) (lemmaRule, bool) {
	f, l := lowerRunes(form), lowerRunes(lemma)
	p := 0
	for p < len(f) && p < len(l) && f[p] == l[p] {
		p++
	}
	if len(f)-p > 255 {
		return lemmaRule{}, false
	}
	return lemmaRule{strip: uint8(len(f) - p), add: string(l[p:])}, true
}

// learnRules learns the suffix rules from the word types of the lexicon.
// A rule is kept only where it differs from the rule of the next shorter
// suffix, which the lookup would fall back on anyway.
//
// A suffix longer than nothing needs at least minTypes word types behind
// it: one odd word ("Sept." -> "September") makes no rule.
func learnRules(entries []lexEntry, maxSuffix, minTypes int) []ruleEntry {
	type key struct {
		class  uint8
		suffix string
	}
	counts := map[key]map[lemmaRule]int{}
	for _, e := range entries {
		lf := lowerRunes(e.form)
		for _, t := range e.tags {
			if t.count == 0 || t.lemma == "" {
				continue
			}
			r, ok := edit(e.form, t.lemma)
			if !ok {
				continue
			}
			for k := 0; k <= min(len(lf), maxSuffix); k++ {
				kk := key{t.class, string(lf[len(lf)-k:])}
				m := counts[kk]
				if m == nil {
					m = map[lemmaRule]int{}
					counts[kk] = m
				}
				m[r]++
			}
		}
	}
	// The rules of each suffix, the more frequent first.
	ranked := map[key][]lemmaRule{}
	keys := make([]key, 0, len(counts))
	for k, m := range counts {
		types := 0
		rs := make([]lemmaRule, 0, len(m))
		for r, n := range m {
			types += n
			rs = append(rs, r)
		}
		if k.suffix != "" && types < minTypes {
			continue
		}
		slices.SortFunc(rs, func(a, b lemmaRule) int {
			if c := cmp.Compare(m[b], m[a]); c != 0 {
				return c
			}
			if c := cmp.Compare(a.strip, b.strip); c != 0 {
				return c
			}
			return cmp.Compare(a.add, b.add)
		})
		// Keep the runners-up that are frequent enough to matter.
		n := 1
		for n < len(rs) && n < rulesPerSuffix && m[rs[n]]*10 >= m[rs[0]] {
			n++
		}
		ranked[k] = rs[:n]
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b key) int {
		if c := cmp.Compare(a.class, b.class); c != 0 {
			return c
		}
		return cmp.Compare(a.suffix, b.suffix)
	})
	var out []ruleEntry
	for _, k := range keys {
		rs := ranked[k]
		if k.suffix != "" {
			// Fall back on the longest shorter suffix with rules.
			p := k.suffix
			for p != "" {
				_, size := utf8.DecodeRuneInString(p)
				p = p[size:]
				if _, ok := ranked[key{k.class, p}]; ok {
					break
				}
			}
			if slices.Equal(ranked[key{k.class, p}], rs) {
				continue
			}
		}
		for _, r := range rs {
			out = append(out, ruleEntry{class: k.class, suffix: k.suffix, rule: r})
		}
	}
	return out
}

// irregularVerbs lists English irregular verbs: the base form, the past
// tense and the past participle, variants separated by "/". Their past
// forms get their lemma from here whatever the training data says.
const irregularVerbs = `arise arose arisen
awake awoke awoken
bear bore borne/born
beat beat beaten
become became become
befall befell befallen
begin began begun
behold beheld beheld
bend bent bent
bet bet bet
bid bid bid
bind bound bound
bite bit bitten
bleed bled bled
blow blew blown
break broke broken
breed bred bred
bring brought brought
broadcast broadcast broadcast
build built built
burn burnt burnt
burst burst burst
buy bought bought
cast cast cast
catch caught caught
choose chose chosen
cling clung clung
come came come
cost cost cost
creep crept crept
cut cut cut
deal dealt dealt
dig dug dug
draw drew drawn
dream dreamt dreamt
drink drank drunk
drive drove driven
dwell dwelt dwelt
eat ate eaten
fall fell fallen
feed fed fed
feel felt felt
fight fought fought
find found found
flee fled fled
fling flung flung
fly flew flown
forbid forbade forbidden
forecast forecast forecast
foresee foresaw foreseen
forget forgot forgotten
forgive forgave forgiven
forsake forsook forsaken
freeze froze frozen
get got gotten/got
give gave given
go went gone
grind ground ground
grow grew grown
hang hung hung
hear heard heard
hide hid hidden
hit hit hit
hold held held
hurt hurt hurt
keep kept kept
kneel knelt knelt
know knew known
lay laid laid
lead led led
leap leapt leapt
leave left left
lend lent lent
let let let
lie lay lain
light lit lit
lose lost lost
make made made
mean meant meant
meet met met
mislead misled misled
mistake mistook mistaken
misunderstand misunderstood misunderstood
outdo outdid outdone
overcome overcame overcome
override overrode overridden
overrun overran overrun
oversee oversaw overseen
overtake overtook overtaken
overthrow overthrew overthrown
partake partook partaken
pay paid paid
put put put
quit quit quit
read read read
rebuild rebuilt rebuilt
redo redid redone
rewrite rewrote rewritten
rid rid rid
ride rode ridden
ring rang rung
rise rose risen
run ran run
say said said
see saw seen
seek sought sought
sell sold sold
send sent sent
set set set
sew sewed sewn
shake shook shaken
shed shed shed
shine shone shone
shoot shot shot
shrink shrank shrunk
shut shut shut
sing sang sung
sink sank sunk
sit sat sat
slay slew slain
sleep slept slept
slide slid slid
sling slung slung
slit slit slit
smite smote smitten
sow sowed sown
speak spoke spoken
speed sped sped
spend spent spent
spin spun spun
spit spat spat
split split split
spread spread spread
spring sprang sprung
stand stood stood
steal stole stolen
stick stuck stuck
sting stung stung
stink stank stunk
stride strode stridden
strike struck struck/stricken
string strung strung
strive strove striven
swear swore sworn
sweep swept swept
swell swelled swollen
swim swam swum
swing swung swung
take took taken
teach taught taught
tear tore torn
tell told told
think thought thought
throw threw thrown
thrust thrust thrust
tread trod trodden
undergo underwent undergone
understand understood understood
undertake undertook undertaken
uphold upheld upheld
upset upset upset
wake woke woken
wear wore worn
weave wove woven
weep wept wept
win won won
wind wound wound
withdraw withdrew withdrawn
withhold withheld withheld
withstand withstood withstood
wring wrung wrung
write wrote written`

// irregularNouns lists English plurals that no suffix rule derives: the
// singular, then the plural.
const irregularNouns = `child children
man men
woman women
foot feet
tooth teeth
mouse mice
goose geese
ox oxen
criterion criteria
phenomenon phenomena
crisis crises
analysis analyses
thesis theses
hypothesis hypotheses
diagnosis diagnoses
index indices
appendix appendices
matrix matrices
alumnus alumni
fungus fungi
nucleus nuclei
stimulus stimuli
larva larvae
knife knives
wife wives
wolf wolves
half halves
shelf shelves
thief thieves
loaf loaves
calf calves`

// irregular calls f for every irregular form of the built-in lists: the
// form, the lemma and the UPOS and XPOS it has.
func irregular(f func(form, lemma, upos, xpos string)) {
	for line := range strings.Lines(irregularVerbs) {
		fs := strings.Fields(line)
		if len(fs) != 3 {
			continue
		}
		for _, v := range strings.Split(fs[1], "/") {
			f(v, fs[0], "VERB", "VBD")
		}
		for _, v := range strings.Split(fs[2], "/") {
			f(v, fs[0], "VERB", "VBN")
		}
	}
	for line := range strings.Lines(irregularNouns) {
		fs := strings.Fields(line)
		if len(fs) == 2 {
			f(fs[1], fs[0], "NOUN", "NNS")
		}
	}
}
