package quote

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/eventwire/eventwire"
)

// Finder finds quotations. It is read-only after New and safe for
// concurrent use.
type Finder struct {
	lex Lexicon
}

// New loads the embedded reporting-verb lexicon.
func New() (*Finder, error) {
	lex, err := ReadLexicon(strings.NewReader(lexiconText), "lexicon.txt")
	if err != nil {
		return nil, err
	}
	return &Finder{lex: lex}, nil
}

// NewWith returns a Finder that uses the given lexicon.
func NewWith(lex Lexicon) *Finder { return &Finder{lex: lex} }

// cue is a reporting verb (or "according to") with its speaker and the
// reported content it governs.
type cue struct {
	sent       int
	tok        int    // the verb, or "according"
	cueEnd     int    // last token of the cue phrase (inclusive)
	subj       int    // head token of the speaker, -1 if none
	subjSent   int    // sentence of subj
	content    [2]int // token range [a, b) of the content in sent; a == b if none
	lemma      string
	use        Use
	quoteAfter bool // a quote mark opens right after the cue phrase
}

// state is the per-document work of Find.
type state struct {
	f        *Finder
	doc      *eventwire.Doc
	segs     []seg
	mentions []mref
	quotes   []eventwire.Quote
	depth    int // of subject's calls through issuer and conjunctions
}

// maxSubjectDepth bounds subject's recursion: a parse whose clauses lead
// back to themselves ("saying" under a noun that is the object of the
// verb it hangs from) gives no speaker rather than a stack overflow.
const maxSubjectDepth = 8

type mref struct {
	start, end int
	ent        int
	kind       string
}

// Find fills doc.Quotes with the document's quotations, in text order,
// replacing what was there. It needs the tag and parse layers; sentences
// that are not parsed only yield direct quotations.
func (f *Finder) Find(doc *eventwire.Doc) {
	st := &state{f: f, doc: doc}
	st.segs = marks(doc, nil)
	for ei, e := range doc.Entities {
		for _, m := range e.Mentions {
			st.mentions = append(st.mentions, mref{m.Start, m.End, ei, m.Kind})
		}
	}
	slices.SortFunc(st.mentions, func(a, b mref) int { return a.start - b.start })
	cues := st.cues()
	st.fromCues(cues)
	st.fromSegs(cues)
	slices.SortStableFunc(st.quotes, func(a, b eventwire.Quote) int { return a.Start - b.Start })
	for i := range st.quotes {
		q := &st.quotes[i]
		q.ID = "Q" + strconv.Itoa(i+1)
		q.Text = string(doc.Runes[q.Start:q.End])
	}
	doc.Quotes = st.quotes
}

// inSeg returns the index of the segment whose marked span holds the token,
// or -1.
func (st *state) inSeg(t eventwire.Token) int {
	i, _ := slices.BinarySearchFunc(st.segs, t.Start, func(s seg, off int) int {
		o := s.outer()
		switch {
		case o.End <= off:
			return -1
		case o.Start > off:
			return 1
		}
		return 0
	})
	if i < len(st.segs) {
		o := st.segs[i].outer()
		if o.Start <= t.Start && t.End <= o.End {
			return i
		}
	}
	return -1
}

func (st *state) word(t eventwire.Token) string { return string(st.doc.Runes[t.Start:t.End]) }

func isPunct(t eventwire.Token) bool { return t.UPOS == "PUNCT" }

// cues finds the reporting verbs outside quote marks and what they govern.
func (st *state) cues() []cue {
	var cues []cue
	for si := range st.doc.Sentences {
		s := &st.doc.Sentences[si]
		if !s.Parsed {
			continue
		}
		toks := s.Tokens
		for ti, t := range toks {
			if st.inSeg(t) >= 0 {
				continue
			}
			c := cue{sent: si, tok: ti, cueEnd: ti, subj: -1, subjSent: si}
			switch {
			case strings.EqualFold(st.word(t), "according") && ti+1 < len(toks) && strings.EqualFold(st.word(toks[ti+1]), "to"):
				c.lemma, c.cueEnd, c.use = "according to", ti+1, IndirectUse|DirectUse
				if h := t.Head; h > ti+1 && h < len(toks) && isNominal(toks[h]) {
					c.subj = h
				} else {
					continue
				}
				c.content = st.outside(si, ti, st.subtree(si, t.Head))
			case t.UPOS == "VERB" && !st.inLex(t) && st.afterQuoteVerb(si, ti):
				// "“...,” Bennett shot back": any verb right after a
				// quote that ends in a comma and its speaker's name.
				c.lemma, c.use, c.subj = strings.ToLower(t.Lemma), DirectUse, ti-1
			case t.UPOS == "VERB" || t.UPOS == "AUX" && t.Lemma == "say":
				use, ok := st.f.lex[strings.ToLower(t.Lemma)]
				if !ok {
					continue
				}
				if t.XPOS == "VBN" && st.hasChild(si, ti, "aux:pass") && !st.hasParticiple(si, ti) && st.quoteBetween(si, ti, len(toks)) && st.reportsAfter(si, ti) {
					// "The appeal was worded well when she said, “...”":
					// the passive verb leaves the quote to the active one.
					continue
				}
				c.lemma, c.use = strings.ToLower(t.Lemma), use
				c.subj = st.subject(si, ti)
				if c.subj >= 0 && c.subj < ti && use&DirectUse != 0 && st.quoteBetween(si, c.subj, ti) {
					// "Clinton’s reaction “could be ...,” said Jon
					// Doggett": the parse took the words before the
					// quote for the subject of an inverted attribution.
					if sb := st.surfaceSubject(si, ti); sb > ti {
						c.subj = sb
					}
				}
				if c.subj < 0 && use&DirectUse != 0 {
					c.subj = st.surfaceSubject(si, ti)
				}
				if c.subj < 0 {
					c.subj = st.nearestName(si, ti)
				}
				st.content(&c)
			case st.taggedNoun(si, ti):
				// "“...,” he notes": a reporting verb the tagger took for
				// a plural noun, right after a quote and its speaker.
				c.lemma, c.use, c.subj = strings.ToLower(t.Lemma), DirectUse, ti-1
			default:
				continue
			}
			if c.content[0] == c.content[1] && !c.quoteAfter && (c.use&DirectUse == 0 || c.subj < 0) {
				continue
			}
			cues = append(cues, c)
		}
	}
	return cues
}

// taggedNoun reports whether token ti is a reporting verb for direct
// speech tagged as a plural noun, with a pronoun or a name before it and a
// closing quote before that, ending the sentence or its clause.
func (st *state) taggedNoun(si, ti int) bool {
	toks := st.doc.Sentences[si].Tokens
	t := toks[ti]
	if t.XPOS != "NNS" || ti < 2 || ti+1 < len(toks) && !isPunct(toks[ti+1]) && toks[ti+1].UPOS != "ADV" && toks[ti+1].UPOS != "ADP" {
		return false
	}
	if use, ok := st.f.lex[strings.ToLower(t.Lemma)]; !ok || use&DirectUse == 0 {
		return false
	}
	s := toks[ti-1]
	if s.UPOS != "PROPN" && !(s.UPOS == "PRON" && s.XPOS == "PRP") {
		return false
	}
	q := toks[ti-2]
	return isQuoteTok(q) || st.inSeg(q) >= 0
}

func (st *state) inLex(t eventwire.Token) bool {
	_, ok := st.f.lex[strings.ToLower(t.Lemma)]
	return ok
}

// afterQuoteVerb reports whether verb ti, not a reporting verb, follows
// a name or personal pronoun that follows a quote closed after a comma,
// question or exclamation mark: "“...,” Bennett shot back".
func (st *state) afterQuoteVerb(si, ti int) bool {
	toks := st.doc.Sentences[si].Tokens
	if ti < 2 || toks[ti].XPOS != "VBD" && toks[ti].XPOS != "VBZ" {
		return false
	}
	s := toks[ti-1]
	if s.UPOS != "PROPN" && !(s.UPOS == "PRON" && s.XPOS == "PRP") || s.Head != ti {
		return false
	}
	q := toks[ti-2]
	if !isQuoteTok(q) && st.inSeg(q) < 0 {
		return false
	}
	rs := st.doc.Runes
	k := q.Start - 1
	for k > 0 && unicode.IsSpace(rs[k]) {
		k--
	}
	if k < 0 || rs[k] != ',' && rs[k] != '?' && rs[k] != '!' {
		return false
	}
	for _, t := range toks[ti+1:] {
		if t.Head == ti && (t.Deprel == "obj" || t.Deprel == "ccomp" || t.Deprel == "xcomp") {
			return false
		}
	}
	return true
}

// concessive lists the words that open a clause hung on a reporting verb
// that is not what was reported.
var concessive = map[string]bool{"though": true, "although": true, "because": true, "since": true, "unless": true, "whereas": true}

var objectPronoun = map[string]bool{"them": true, "him": true, "her": true, "us": true, "me": true, "you": true, "reporters": true}

func isNominal(t eventwire.Token) bool {
	return t.UPOS == "NOUN" || t.UPOS == "PROPN" || t.UPOS == "PRON"
}

// subject finds the head of the verb's subject, through conjunctions
// ("he said ... and said ...") and relative clauses ("Kerry, who said").
func (st *state) subject(si, ti int) int {
	if st.depth >= maxSubjectDepth {
		return -1
	}
	st.depth++
	defer func() { st.depth-- }()
	return st.subjectOf(si, ti)
}

func (st *state) subjectOf(si, ti int) int {
	toks := st.doc.Sentences[si].Tokens
	for hop := 0; hop < 4; hop++ {
		for k, t := range toks {
			if t.Head == ti && (t.Deprel == "nsubj" || t.Deprel == "nsubj:outer") && st.inSeg(t) < 0 {
				if n := st.nextSubject(si, k, ti); n > k {
					// "Clinton, a top aide said, “...”": of two subjects
					// the one next to the verb speaks.
					continue
				}
				w := strings.ToLower(st.word(t))
				if (w == "who" || w == "that" || w == "which") && strings.HasPrefix(toks[ti].Deprel, "acl") {
					// "Graham, who has vowed": the relative pronoun is the
					// mention; speaker resolves it through its noun.
					return k
				}
				if strings.HasSuffix(w, "self") && k > 1 && isPunct(toks[k-1]) && (toks[k-2].UPOS == "PROPN" || toks[k-2].UPOS == "NOUN") {
					return k - 2 // "Tester, himself up for reelection, said"
				}
				if w == "it" && st.itSpeaks(si, ti) {
					return k // "It added, “...”": an organisation named before
				}
				if t.UPOS == "PRON" && (w == "it" || w == "this" || w == "that" || w == "what" || w == "there") || timeWord[w] {
					return -1
				}
				if st.hasChild(si, k, "case") {
					// "At the news conference, Kerry, ... said": a
					// preposition's object is no subject; its apposition may be,
					// or a name that opens after a comma before the verb.
					for a, u := range toks {
						if u.Head == k && u.Deprel == "appos" && u.UPOS == "PROPN" {
							return a
						}
					}
					for a := k + 2; a < ti; a++ {
						if toks[a].UPOS == "PROPN" && st.word(toks[a-1]) == "," && st.inSeg(toks[a]) < 0 {
							return a
						}
					}
					return -1
				}
				return k
			}
		}
		// "They were quoted saying", "Republicans could be heard
		// grousing": the passive subject of a reporting verb with a
		// participle speaks.
		if _, ok := st.f.lex[strings.ToLower(toks[ti].Lemma)]; ok && toks[ti].UPOS == "VERB" && toks[ti].XPOS == "VBN" && st.hasParticiple(si, ti) {
			for k, t := range toks {
				if t.Head == ti && t.Deprel == "nsubj:pass" && st.inSeg(t) < 0 {
					return k
				}
			}
		}
		// "In an interview, Steve Huhn, a former vice president, said":
		// the parse hung the name on the phrase before it.
		for k, t := range toks[:ti] {
			if t.Head == ti && t.Deprel == "obl" && st.hasChild(si, k, "case") {
				for a := k + 1; a < ti; a++ {
					if toks[a].Head == k && toks[a].Deprel == "appos" && toks[a].UPOS == "PROPN" && st.inSeg(toks[a]) < 0 {
						return a
					}
				}
			}
		}
		d := toks[ti].Deprel
		if d == "conj" && hop == 0 {
			// "He added that ... and insisted ...": the parser may hang the
			// second verb on the first one's clause; its subject is that of
			// the reporting verb before it.
			for k := ti - 1; k >= 0; k-- {
				if _, ok := st.f.lex[toks[k].Lemma]; ok && toks[k].UPOS == "VERB" && st.inSeg(toks[k]) < 0 {
					if sb := st.subject(si, k); sb >= 0 {
						return sb
					}
					break
				}
			}
		}
		if (d == "acl" && toks[ti].XPOS == "VBG" || d == "acl:relcl") && toks[ti].Head >= 0 && isNominal(toks[toks[ti].Head]) && toks[ti].Head < ti {
			// "an email saying ...": the noun speaks, unless someone
			// sent it: "the campaign issued a statement saying ...".
			n := toks[ti].Head
			if sb := st.issuer(si, n); sb >= 0 {
				return sb
			}
			return n
		}
		if (d == "conj" || d == "xcomp" || d == "advcl") && toks[ti].Head >= 0 {
			ti = toks[ti].Head
			continue
		}
		return -1
	}
	return -1
}

// issuer returns the subject of the verb whose object or oblique is the
// thing n ("the campaign issued a statement", "the council voted for the
// resolution"), when n is no person; or -1.
func (st *state) issuer(si, n int) int {
	toks := st.doc.Sentences[si].Tokens
	if n < 0 || n >= len(toks) {
		return -1
	}
	d := toks[n].Deprel
	if v := toks[n].Head; v >= 0 && toks[v].UPOS == "VERB" && (d == "obj" || d == "obl" || d == "iobj") && !st.isPerson(toks[n]) && toks[n].UPOS != "PRON" {
		return st.subject(si, v)
	}
	return -1
}

// isPerson reports whether a token lies in a mention of a person.
func (st *state) isPerson(t eventwire.Token) bool {
	for _, m := range st.mentions {
		if m.start > t.Start {
			break
		}
		if t.End <= m.end && st.doc.Entities[m.ent].Type == eventwire.Person {
			return true
		}
	}
	return false
}

// reportsAfter reports whether an active reporting verb for direct speech
// follows token ti in its sentence, outside quote marks.
func (st *state) reportsAfter(si, ti int) bool {
	toks := st.doc.Sentences[si].Tokens
	for k := ti + 1; k < len(toks); k++ {
		t := toks[k]
		if t.UPOS == "VERB" && t.XPOS != "VBN" && st.inSeg(t) < 0 {
			if use, ok := st.f.lex[strings.ToLower(t.Lemma)]; ok && use&DirectUse != 0 {
				return true
			}
		}
	}
	return false
}

// hasParticiple reports whether verb ti governs a present participle
// ("quoted as saying", "heard grousing").
func (st *state) hasParticiple(si, ti int) bool {
	for _, t := range st.doc.Sentences[si].Tokens {
		if t.Head == ti && t.XPOS == "VBG" && (t.Deprel == "xcomp" || t.Deprel == "advcl" || t.Deprel == "ccomp") {
			return true
		}
	}
	return false
}

// agentOf returns the author named by "by" in a speaker that is a
// written or computed thing ("calculations by Amy Glasmeier", "a court
// document filed by state attorney Dave Aronberg"), or -1.
func (st *state) agentOf(si, h int) int {
	toks := st.doc.Sentences[si].Tokens
	if toks[h].UPOS != "NOUN" || st.isPerson(toks[h]) {
		return -1
	}
	for k := h + 1; k < len(toks) && k <= h+4; k++ {
		t := toks[k]
		a := -1
		switch {
		case t.Head == h && t.Deprel == "nmod":
			a = k
		case t.Head == h && t.Deprel == "acl" && t.XPOS == "VBN":
			for j := k + 1; j < len(toks) && j <= k+6; j++ {
				if toks[j].Head == k && strings.HasPrefix(toks[j].Deprel, "obl") {
					a = j
					break
				}
			}
			if a < 0 {
				continue
			}
		default:
			continue
		}
		if toks[a].UPOS != "PROPN" && !st.isPerson(toks[a]) {
			continue
		}
		for j := h + 1; j < a; j++ {
			if toks[j].Head == a && toks[j].Deprel == "case" && strings.EqualFold(st.word(toks[j]), "by") {
				return a
			}
		}
	}
	return -1
}

// nextSubject returns the next subject of verb ti after token k that
// still comes before the verb, or -1.
func (st *state) nextSubject(si, k, ti int) int {
	toks := st.doc.Sentences[si].Tokens
	for a := k + 1; a < ti; a++ {
		if toks[a].Head == ti && (toks[a].Deprel == "nsubj" || toks[a].Deprel == "nsubj:outer") && st.inSeg(toks[a]) < 0 {
			return a
		}
	}
	return -1
}

// itSpeaks reports whether "it" as the subject of verb ti may be a
// speaker: the verb reports speech in the active voice and the sentence
// holds a quote ("It added, “...”", "it said in a statement: “...”").
func (st *state) itSpeaks(si, ti int) bool {
	t := st.doc.Sentences[si].Tokens[ti]
	use, ok := st.f.lex[strings.ToLower(t.Lemma)]
	return ok && use&DirectUse != 0 && t.UPOS == "VERB" && t.XPOS != "VBN" && !st.hasChild(si, ti, "aux:pass") && st.hasQuote(si)
}

func (st *state) hasChild(si, h int, deprel string) bool {
	for _, t := range st.doc.Sentences[si].Tokens {
		if t.Head == h && t.Deprel == deprel {
			return true
		}
	}
	return false
}

// timeWord lists words that the parser may take for a subject in "Tuesday
// at the convention, Warren said" but that never speak.
var timeWord = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "today": true, "yesterday": true, "tonight": true,
	"week": true, "month": true, "year": true, "day": true, "night": true, "morning": true,
	"afternoon": true, "evening": true, "time": true, "weekend": true,
}

// nearestName finds the speaker of a verb whose subject the parse missed:
// the last name of a person or organisation before it in the clause, with
// nothing but its apposition or parenthesis in between ("Sen. Elizabeth
// Warren (D-MA) said").
func (st *state) nearestName(si, ti int) int {
	toks := st.doc.Sentences[si].Tokens
	for k := ti - 1; k >= 0 && k >= ti-8; k-- {
		t := toks[k]
		if st.inSeg(t) >= 0 || t.UPOS == "VERB" || t.UPOS == "SCONJ" || st.word(t) == "“" {
			return -1
		}
		if t.UPOS != "PROPN" {
			continue
		}
		for _, m := range st.mentions {
			if m.start > t.Start {
				break
			}
			if m.start <= t.Start && t.End <= m.end && m.kind == eventwire.MentionName {
				if ty := st.doc.Entities[m.ent].Type; ty == eventwire.Person || ty == eventwire.Org {
					return k
				}
			}
		}
	}
	return -1
}

// surfaceSubject finds the speaker of an attribution next to a quote when
// the parse gives none: "...,” Viguerie tells" or "...,” said Viguerie".
func (st *state) surfaceSubject(si, ti int) int {
	toks := st.doc.Sentences[si].Tokens
	nominal := func(t eventwire.Token) bool {
		return st.inSeg(t) < 0 && (isNominal(t) || t.UPOS == "DET" || t.UPOS == "ADJ" || t.UPOS == "NUM" || t.XPOS == "POS")
	}
	quoteBefore := func(k int) bool {
		for ; k >= 0 && isPunct(toks[k]); k-- {
			if st.inSeg(toks[k]) >= 0 || isQuoteTok(toks[k]) {
				return true
			}
		}
		return false
	}
	// Left: the words between the quote and the verb.
	k := ti - 1
	for k >= 0 && nominal(toks[k]) {
		k--
	}
	if k < ti-1 && quoteBefore(k) && isNominal(toks[ti-1]) {
		return ti - 1
	}
	// Left, past an apposition: "“...,” Jenna Golden, Twitter’s director
	// of political advertising, said": the phrase that opens right after
	// the quote.
	if f := st.afterQuote(si, ti); f >= 0 {
		return f
	}
	// Right: the verb straight after the quote, its subject after it, or
	// "Continued Stone:".
	e := ti + 1
	for e < len(toks) && (nominal(toks[e]) || e > ti+1 && toks[e].XPOS == "VBN" && e+1 < len(toks) && nominal(toks[e+1])) {
		e++ // "said the printed slate card"
	}
	colon := e < len(toks) && e > ti+1 && (st.word(toks[e]) == ":" ||
		st.word(toks[e]) == "," && e+1 < len(toks) && st.inSeg(toks[e+1]) >= 0)
	if quoteBefore(ti-1) || colon {
		for h := e - 1; h > ti; h-- {
			if isNominal(toks[h]) && toks[h].XPOS != "POS" {
				return h
			}
		}
		// "..., said Small, who": a name the tagger took for another
		// word, capitalised mid-sentence and closing the phrase.
		if e == ti+2 && e < len(toks) && isPunct(toks[e]) && ti+1 > 0 && upperInitial(st.word(toks[ti+1])) {
			return ti + 1
		}
	}
	return -1
}

// quoteBetween reports whether a quoted token lies between tokens a and b.
func (st *state) quoteBetween(si, a, b int) bool {
	toks := st.doc.Sentences[si].Tokens
	for k := a + 1; k < b; k++ {
		if st.inSeg(toks[k]) >= 0 {
			return true
		}
	}
	return false
}

func upperInitial(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

// afterQuote returns the head of the noun phrase that opens right after a
// quote closes and before the verb ti, at most 20 tokens before it, with
// no quote mark or other clause verb in between; or -1.
func (st *state) afterQuote(si, ti int) int {
	toks := st.doc.Sentences[si].Tokens
	q := -1
	for k := ti - 1; k >= 0 && k >= ti-20; k-- {
		if st.inSeg(toks[k]) >= 0 || isQuoteTok(toks[k]) {
			q = k
			break
		}
	}
	if q < 0 {
		return -1
	}
	f := q + 1
	for f < ti && isPunct(toks[f]) {
		f++
	}
	if f >= ti-1 {
		return -1
	}
	for k := f; k < ti; k++ {
		// A verb of its own clause ends the phrase; one inside the
		// apposition ("attorney for a group that filed suit") does not.
		if _, ok := st.f.lex[strings.ToLower(toks[k].Lemma)]; ok && toks[k].UPOS == "VERB" && !st.dominates(si, f, k) {
			return -1
		}
	}
	if toks[f].UPOS == "PROPN" {
		return f
	}
	e := f
	for e < ti && (isNominal(toks[e]) || toks[e].UPOS == "DET" || toks[e].UPOS == "ADJ" || toks[e].UPOS == "NUM") {
		e++
	}
	if e == f || e >= ti || !isNominal(toks[e-1]) || toks[e-1].UPOS == "PRON" {
		return -1
	}
	return e - 1
}

// subtree returns the token range [a, b) covered by the subtree of token h.
func (st *state) subtree(si, h int) [2]int {
	toks := st.doc.Sentences[si].Tokens
	a, b := h, h+1
	changed := true
	// Mark descendants: walk each token up to the root.
	for changed {
		changed = false
		for k := range toks {
			if k >= a && k < b {
				continue
			}
			if st.dominates(si, h, k) {
				if k < a {
					a = k
				}
				if k >= b {
					b = k + 1
				}
				changed = true
			}
		}
	}
	return [2]int{a, b}
}

func (st *state) dominates(si, h, k int) bool {
	toks := st.doc.Sentences[si].Tokens
	for n := 0; k >= 0 && n < len(toks); n++ {
		if k == h {
			return true
		}
		k = toks[k].Head
	}
	return false
}

// outside returns the sentence's tokens outside the range r, when r is at
// one end of the sentence: the content around a sentence-final or initial
// attribution. The cue token itself must lie in r.
func (st *state) outside(si, ti int, r [2]int) [2]int {
	toks := st.doc.Sentences[si].Tokens
	lo, hi := r[0], r[1]
	if ti < lo {
		lo = ti
	}
	switch {
	case lo == 0 || lo <= 2 && allPunctOrCC(toks[:lo]):
		return trim(toks, hi, len(toks))
	case hi >= len(toks)-1:
		return trim(toks, 0, lo)
	}
	return [2]int{}
}

func allPunctOrCC(ts []eventwire.Token) bool {
	for _, t := range ts {
		if t.UPOS != "PUNCT" && t.UPOS != "CCONJ" && t.UPOS != "ADV" {
			return false
		}
	}
	return true
}

// trim drops punctuation other than quote marks from both ends of [a, b).
func trim(toks []eventwire.Token, a, b int) [2]int {
	for a < b && isPunct(toks[a]) && !isQuoteTok(toks[a]) {
		a++
	}
	for b > a && isPunct(toks[b-1]) && !isQuoteTok(toks[b-1]) {
		b--
	}
	return [2]int{a, b}
}

func isQuoteTok(t eventwire.Token) bool { return t.XPOS == "``" || t.XPOS == "''" }

// content finds what a reporting verb governs.
func (st *state) content(c *cue) {
	si, ti := c.sent, c.tok
	toks := st.doc.Sentences[si].Tokens
	v := toks[ti]
	// A clausal complement.
	if c.use&IndirectUse != 0 || c.use&DirectUse != 0 {
		for k, t := range toks {
			if t.Head != ti {
				continue
			}
			if t.Deprel == "ccomp" || t.Deprel == "xcomp" && c.use&IndirectUse != 0 && k > ti ||
				t.Deprel == "parataxis" && k > ti && c.use&DirectUse != 0 {
				r := st.subtree(si, k)
				if r[0] <= ti && r[1] > ti {
					r[0] = ti + 1
				}
				r = trim(toks, r[0], r[1])
				if r[0] < r[1] && concessive[strings.ToLower(st.word(toks[r[0]]))] {
					continue // "..., they say, though that is not unusual"
				}
				c.content = r
				break
			}
		}
	}
	// An attribution attached to what was said: "..., Kerry said."
	if c.content[0] == c.content[1] && (v.Deprel == "parataxis" || v.Deprel == "root" && st.hasQuote(si)) && c.subj >= 0 {
		c.content = st.outside(si, ti, st.subtree(si, ti))
	}
	// "said in a statement to ministers that ...", when the parse hangs
	// the clause elsewhere.
	if c.content[0] == c.content[1] && c.subj >= 0 && c.use&IndirectUse != 0 {
		for k := ti + 1; k < len(toks) && k <= ti+12; k++ {
			t := toks[k]
			if st.inSeg(t) >= 0 || t.UPOS == "VERB" || t.UPOS == "AUX" || st.word(t) == ";" {
				break
			}
			if strings.EqualFold(st.word(t), "that") && (t.UPOS == "SCONJ" || t.Deprel == "mark" || k+1 < len(toks) && toks[k+1].UPOS != "NOUN") {
				c.content = trim(toks, k, len(toks))
				break
			}
		}
	}
	// Quoted words in what the verb governs: "called them “deplorables”".
	if c.content[0] == c.content[1] && c.subj >= 0 {
		r := st.subtree(si, ti)
		for k := ti + 1; k < r[1]; k++ {
			if _, ok := st.f.lex[toks[k].Lemma]; ok && toks[k].UPOS == "VERB" {
				break // a reporting verb of its own governs the quote
			}
			if st.inSeg(toks[k]) >= 0 && st.dominates(si, ti, k) {
				c.content = trim(toks, ti+1, r[1])
				break
			}
		}
	}
	// A quote mark right after the cue phrase: "he said: “...”".
	for k := ti + 1; k < len(toks) && k <= ti+4; k++ {
		t := toks[k]
		if st.inSeg(t) >= 0 {
			c.quoteAfter = c.use&DirectUse != 0
			break
		}
		if !isPunct(t) && t.Deprel != "obj" && t.Deprel != "iobj" && t.Deprel != "mark" && t.Deprel != "det" {
			break
		}
	}
	if c.content[0] < c.content[1] {
		// Content must not contain the subject.
		if c.subj >= 0 && c.subjSent == si && c.subj >= c.content[0] && c.subj < c.content[1] {
			c.content = [2]int{}
		}
	}
}

func (st *state) hasQuote(si int) bool {
	for _, t := range st.doc.Sentences[si].Tokens {
		if st.inSeg(t) >= 0 {
			return true
		}
	}
	return false
}

// chain returns the segments of the quote that segment i belongs to.
func (st *state) chain(i int) []int {
	for st.segs[i].prev >= 0 {
		i = st.segs[i].prev
	}
	var out []int
	for ; i >= 0; i = st.segs[i].next {
		out = append(out, i)
	}
	return out
}

// fromCues makes a quote of each reporting verb with content.
func (st *state) fromCues(cues []cue) {
	// A reporting verb inside another's content, joined by "and", starts a
	// quote of its own: "He added that ... and insisted ...".
	for i := range cues {
		a := &cues[i]
		for j := range cues {
			b := cues[j]
			toks := st.doc.Sentences[a.sent].Tokens
			if j == i || b.sent != a.sent || b.tok <= a.content[0] || b.tok >= a.content[1] || toks[b.tok].Deprel != "conj" || b.subj < 0 {
				continue
			}
			e := b.tok
			for e > a.content[0] && (isPunct(toks[e-1]) || toks[e-1].UPOS == "CCONJ" || b.subj == e-1) {
				e--
			}
			a.content[1] = e
		}
	}
	for i, c := range cues {
		if c.content[0] >= c.content[1] || st.nested(cues, i) {
			continue
		}
		s := st.doc.Sentences[c.sent]
		toks := s.Tokens[c.content[0]:c.content[1]]
		// "telling them, “...”": the hearer is not what was said.
		for k, t := range toks {
			if st.inSeg(t) >= 0 {
				toks = toks[k:]
				break
			}
			if !isPunct(t) && !objectPronoun[strings.ToLower(st.word(t))] {
				break
			}
		}
		span := eventwire.Span{Start: toks[0].Start, End: toks[len(toks)-1].End}
		var segIdx []int
		bare := 0 // content words outside quote marks
		for _, t := range toks {
			i := st.inSeg(t)
			if i < 0 {
				if !isPunct(t) {
					bare++
				}
				continue
			}
			for _, j := range st.chain(i) {
				if !slices.Contains(segIdx, j) {
					segIdx = append(segIdx, j)
				}
			}
		}
		if len(segIdx) == 0 && c.use&IndirectUse == 0 {
			continue
		}
		if len(segIdx) == 0 && len(toks) < 2 {
			continue
		}
		taken := false
		for _, j := range segIdx {
			taken = taken || st.segs[j].used
		}
		if taken {
			continue
		}
		slices.Sort(segIdx)
		q := eventwire.Quote{Kind: eventwire.Indirect}
		switch {
		case len(segIdx) > 0 && bare == 0:
			q.Kind = eventwire.Direct
			span = eventwire.Span{Start: st.segs[segIdx[0]].inner().Start, End: st.segs[segIdx[len(segIdx)-1]].inner().End}
		case len(segIdx) > 0:
			q.Kind = eventwire.Mixed
			span.Start = min(span.Start, st.segs[segIdx[0]].inner().Start)
			span.End = max(span.End, st.segs[segIdx[len(segIdx)-1]].inner().End)
		}
		for _, j := range segIdx {
			st.segs[j].used = true
			q.Spans = append(q.Spans, st.segs[j].inner())
		}
		if q.Kind == eventwire.Direct {
			// A split quote: "...," he said, "...".
			if k := st.splitAfter(segIdx[len(segIdx)-1], c); k >= 0 {
				for _, j := range st.chain(k) {
					st.segs[j].used = true
					q.Spans = append(q.Spans, st.segs[j].inner())
				}
				span.End = q.Spans[len(q.Spans)-1].End
			}
		}
		q.Start, q.End = span.Start, span.End
		if q.Start >= q.End {
			continue
		}
		if q.Kind == eventwire.Mixed && c.use&DirectUse == 0 {
			// "Babar says he contacted the family, which planned a
			// “paint over” ceremony": a verb of thought or plan inside
			// reported speech; the one who says it is the source.
			st.outerCue(&c)
		}
		q.Speaker = st.speaker(c)
		if q.Speaker == nil && q.Kind == eventwire.Mixed {
			q.Speaker = st.highSubject(c.sent, c.tok)
		}
		if q.Kind == eventwire.Indirect && q.Speaker == nil {
			continue // reported speech with no one reporting it
		}
		q.Cue = st.cueOf(c)
		st.quotes = append(st.quotes, q)
	}
}

// governed makes a mixed quote of a quoted fragment that sits deep in the
// clause of a reporting verb ("said the campaign would “compete
// vigorously”"), and reports whether it did.
func (st *state) governed(i int) bool {
	sg := st.segs[i]
	si := st.sentOf(sg.open)
	if si < 0 || !st.doc.Sentences[si].Parsed || si != st.sentOf(max(sg.close-1, sg.open)) {
		return false
	}
	toks := st.doc.Sentences[si].Tokens
	// The fragment's head: its token whose head lies outside it.
	h := -1
	for k, t := range toks {
		if st.inSeg(t) == i && !isPunct(t) && (t.Head < 0 || st.inSeg(toks[t.Head]) != i) {
			h = k
			break
		}
	}
	if h < 0 {
		return false
	}
	child := h
	for k, n := toks[h].Head, 0; k >= 0 && n < len(toks); k, n = toks[k].Head, n+1 {
		t := toks[k]
		if st.inSeg(t) >= 0 {
			return false
		}
		use, ok := st.f.lex[strings.ToLower(t.Lemma)]
		if ok && t.UPOS == "VERB" && use&IndirectUse != 0 && t.Start < sg.open {
			subj := st.subject(si, k)
			if subj < 0 || subj > k && subj < h {
				return false
			}
			r := st.subtree(si, child)
			if r[0] <= k {
				r[0] = k + 1
			}
			r = trim(toks, r[0], r[1])
			if r[0] >= r[1] {
				return false
			}
			c := cue{sent: si, tok: k, cueEnd: k, subj: subj, subjSent: si, lemma: strings.ToLower(t.Lemma), use: use}
			if use&DirectUse == 0 {
				st.outerCue(&c)
			}
			q := eventwire.Quote{Kind: eventwire.Mixed, Start: min(toks[r[0]].Start, sg.open+1), End: max(toks[r[1]-1].End, sg.close)}
			for j := range st.segs {
				o := st.segs[j].outer()
				if !st.segs[j].used && st.segs[j].prev < 0 && st.segs[j].next < 0 && o.Start >= toks[r[0]].Start && o.End <= toks[r[1]-1].End || j == i {
					st.segs[j].used = true
					q.Spans = append(q.Spans, st.segs[j].inner())
				}
			}
			q.Start = min(q.Start, q.Spans[0].Start)
			q.End = max(q.End, q.Spans[len(q.Spans)-1].End)
			q.Speaker = st.speaker(c)
			q.Cue = st.cueOf(c)
			st.quotes = append(st.quotes, q)
			return true
		}
		child = k
	}
	return false
}

// outerCue replaces a reporting verb by the outermost reporting verb
// above it that has a subject: in "Cruz said he is certain Rubio will
// continue to be “a champion”", Cruz is the one reported.
func (st *state) outerCue(c *cue) {
	toks := st.doc.Sentences[c.sent].Tokens
	for k, n := toks[c.tok].Head, 0; k >= 0 && n < len(toks); k, n = toks[k].Head, n+1 {
		t := toks[k]
		if st.inSeg(t) >= 0 {
			return
		}
		use, ok := st.f.lex[strings.ToLower(t.Lemma)]
		if !ok || t.UPOS != "VERB" || use&IndirectUse == 0 {
			continue
		}
		if subj := st.subject(c.sent, k); subj >= 0 && (subj < c.tok || subj > c.content[1]) {
			c.tok, c.cueEnd, c.subj, c.lemma, c.use = k, k, subj, strings.ToLower(t.Lemma), use
		}
	}
}

// nested reports whether cue i lies inside the content of another cue of
// its sentence (what someone said someone else agreed): the outer one is
// the attribution.
func (st *state) nested(cues []cue, i int) bool {
	b := cues[i]
	for j, a := range cues {
		if j != i && a.sent == b.sent && a.content[0] <= b.tok && b.tok < a.content[1] {
			return true
		}
	}
	return false
}

// fromSegs makes direct quotes of the quoted stretches no reporting verb
// claimed, finding their attribution around them.
func (st *state) fromSegs(cues []cue) {
	var last *eventwire.Quote // the last direct quote with a speaker
	lastPara := -2
	for i := range st.segs {
		sg := st.segs[i]
		if sg.used || sg.prev >= 0 {
			if sg.used && sg.prev < 0 {
				if q := st.quoteWithSpan(sg.inner()); q != nil && q.Speaker != nil {
					last, lastPara = q, st.segs[st.chain(i)[len(st.chain(i))-1]].para
				}
			}
			continue
		}
		ch := st.chain(i)
		if st.words(sg.inner()) == 0 {
			continue
		}
		if len(ch) == 1 && st.governed(i) {
			if q := &st.quotes[len(st.quotes)-1]; q.Speaker != nil {
				last, lastPara = q, sg.para
			}
			continue
		}
		q := eventwire.Quote{Kind: eventwire.Direct}
		for _, j := range ch {
			st.segs[j].used = true
			q.Spans = append(q.Spans, st.segs[j].inner())
		}
		c := st.nearCue(cues, ch)
		if c != nil {
			q.Speaker = st.speaker(*c)
			q.Cue = st.cueOf(*c)
			// A split quote: "...," he said, "...".
			if k := st.splitAfter(ch[len(ch)-1], *c); k >= 0 {
				for _, j := range st.chain(k) {
					st.segs[j].used = true
					q.Spans = append(q.Spans, st.segs[j].inner())
				}
			}
		} else if sp := st.colonSpeaker(sg); sp != nil {
			q.Speaker = sp
		} else if c, ok := st.colonClause(sg); ok {
			q.Speaker = st.speaker(c)
			q.Cue = st.cueOf(c)
		} else if c := st.prevCue(cues, sg); c != nil {
			q.Speaker = st.speaker(*c)
			q.Cue = st.cueOf(*c)
		} else if !st.segs[ch[len(ch)-1]].closed {
			// no attribution for a quote left open
		} else if last != nil && (st.paraIsQuote(sg) && sg.para-lastPara == 1 || sg.para == lastPara) {
			sp := *last.Speaker
			st.latestMention(&sp, sg.open)
			q.Speaker = &sp
		} else if sp := st.paraSubject(sg); sp != nil {
			q.Speaker = sp
		}
		q.Start, q.End = q.Spans[0].Start, q.Spans[len(q.Spans)-1].End
		if !st.segs[ch[len(ch)-1]].closed && q.Cue == nil {
			// A mark left open with no continuation and no attribution is
			// more likely stray than speech.
			continue
		}
		if q.Speaker == nil && q.Cue == nil && len(ch) == 1 && !st.saying(sg.inner()) && !(sg.para == 0 && st.words(sg.inner()) >= 2) {
			// A title, a nickname or scare quotes, not speech.
			continue
		}
		if q.Speaker == nil && (st.titleCase(q.Spans[0]) || st.words(q.Spans[0]) < 8) {
			continue // a headline or a title
		}
		if q.Speaker == nil {
			q.Speaker = st.clauseSpeaker(i)
		}
		st.quotes = append(st.quotes, q)
		if q.Speaker != nil {
			last = &st.quotes[len(st.quotes)-1]
			lastPara = st.segs[ch[len(ch)-1]].para
		}
	}
}

func (st *state) quoteWithSpan(sp eventwire.Span) *eventwire.Quote {
	for i := range st.quotes {
		if slices.Contains(st.quotes[i].Spans, sp) {
			return &st.quotes[i]
		}
	}
	return nil
}

// words counts the letters-or-digits words in a span.
func (st *state) words(sp eventwire.Span) int {
	n, in := 0, false
	for _, r := range st.doc.Runes[sp.Start:sp.End] {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// saying reports whether quoted words look like something said: a few
// words at least, or a sentence of their own.
func (st *state) saying(sp eventwire.Span) bool {
	n := st.words(sp)
	if n >= 8 {
		return true
	}
	if n < 3 {
		return false
	}
	rs := st.doc.Runes[sp.Start:sp.End]
	for len(rs) > 0 && unicode.IsSpace(rs[len(rs)-1]) {
		rs = rs[:len(rs)-1]
	}
	return len(rs) > 0 && (rs[len(rs)-1] == '.' || rs[len(rs)-1] == '!' || rs[len(rs)-1] == '?' || rs[len(rs)-1] == ',') && unicode.IsUpper(rs[0])
}

// titleCase reports whether most words of a span start with a capital
// letter, as the titles of shows, books and headlines do.
func (st *state) titleCase(sp eventwire.Span) bool {
	words, caps, start := 0, 0, true
	for _, r := range st.doc.Runes[sp.Start:sp.End] {
		if unicode.IsSpace(r) {
			start = true
			continue
		}
		if start && unicode.IsLetter(r) {
			words++
			if unicode.IsUpper(r) {
				caps++
			}
		}
		start = false
	}
	return words > 0 && 4*caps >= 3*words
}

// latestMention moves a speaker carried over from an earlier quote to the
// entity's last mention before offset off outside quote marks.
func (st *state) latestMention(sp *eventwire.Speaker, off int) {
	if sp.Entity == "" {
		return
	}
	for _, m := range st.mentions {
		if m.start >= off {
			break
		}
		if m.start > sp.Start && st.doc.Entities[m.ent].ID == sp.Entity && m.kind == eventwire.MentionName &&
			st.inSeg(eventwire.Token{Start: m.start, End: m.end}) < 0 {
			sp.Start, sp.End = m.start, m.end
		}
	}
	sp.Text = string(st.doc.Runes[sp.Start:sp.End])
}

// paraIsQuote reports whether the segment opens its paragraph.
func (st *state) paraIsQuote(sg seg) bool {
	p := st.doc.Paragraphs
	if sg.para >= len(p) {
		return false
	}
	return firstNonSpace(st.doc.Runes, p[sg.para]) == sg.open
}

// sentOf returns the sentence holding offset off, or -1.
func (st *state) sentOf(off int) int {
	ss := st.doc.Sentences
	i, _ := slices.BinarySearchFunc(ss, off, func(s eventwire.Sentence, off int) int {
		switch {
		case s.End <= off:
			return -1
		case s.Start > off:
			return 1
		}
		return 0
	})
	if i < len(ss) && ss[i].Start <= off && off < ss[i].End {
		return i
	}
	return -1
}

// clauseSpeaker finds the speaker of a quoted fragment that no reporting
// verb governs but that sits inside a clause outside quote marks ("Paul
// Ryan worried that the safety net was becoming “a hammock ...”"): the
// subject of the highest clause above the fragment.
func (st *state) clauseSpeaker(i int) *eventwire.Speaker {
	sg := st.segs[i]
	si := st.sentOf(sg.open)
	if si < 0 || !st.doc.Sentences[si].Parsed {
		return nil
	}
	toks := st.doc.Sentences[si].Tokens
	h := -1
	for k, t := range toks {
		if st.inSeg(t) == i && !isPunct(t) && (t.Head < 0 || st.inSeg(toks[t.Head]) != i) {
			h = k
			break
		}
	}
	if h < 0 {
		return nil
	}
	return st.highSubject(si, toks[h].Head)
}

// highSubject returns the speaker named by the subject of the highest
// clause at or above token k of sentence si, outside quote marks, or nil.
func (st *state) highSubject(si, k int) *eventwire.Speaker {
	toks := st.doc.Sentences[si].Tokens
	subj, top := -1, k
	for n := 0; k >= 0 && n < len(toks); k, n = toks[k].Head, n+1 {
		if st.inSeg(toks[k]) >= 0 {
			return nil
		}
		if sb := st.subject(si, k); sb >= 0 && st.inSeg(toks[sb]) < 0 {
			subj = sb
		}
	}
	if subj < 0 {
		return nil
	}
	return st.speaker(cue{sent: si, tok: top, subj: subj, subjSent: si})
}

// nearCue finds the attribution of a quote: a direct-speech cue with a
// speaker in the sentence where the quote closes or opens, the nearest
// first, else in a short sentence right after it ("He said.").
func (st *state) nearCue(cues []cue, ch []int) *cue {
	first, lastSeg := st.segs[ch[0]], st.segs[ch[len(ch)-1]]
	endSent := st.sentOf(max(lastSeg.close-1, lastSeg.open))
	startSent := st.sentOf(first.open)
	var best *cue
	bestD := 1 << 30
	for k := range cues {
		c := &cues[k]
		if c.use&DirectUse == 0 || c.subj < 0 {
			continue
		}
		t := st.doc.Sentences[c.sent].Tokens[c.tok]
		var d int
		switch {
		case c.sent == endSent && t.Start >= lastSeg.close:
			d = t.Start - lastSeg.close
		case c.sent == startSent && t.End <= first.open:
			d = first.open - t.End + 1
			if !st.onlyAttribution(c.sent, c, first.open) {
				continue
			}
		case c.sent == endSent+1 && endSent >= 0 && st.doc.Sentences[c.sent].Paragraph == lastSeg.para &&
			(len(st.doc.Sentences[c.sent].Tokens) <= 12 || c.content[0] == c.content[1] && c.subj < c.tok) && t.Start >= lastSeg.close:
			d = 1000 + t.Start - lastSeg.close
		case c.sent == startSent-1 && startSent > 0 && st.endsWithColon(c.sent) && (c.content[0] == c.content[1] || c.content[1] == len(st.doc.Sentences[c.sent].Tokens)):
			// "Cruz told Breitbart News:" and the quote in the next
			// sentence or paragraph.
			d = 2000
		default:
			continue
		}
		if d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// prevCue finds the attribution of a quote that opens a sentence with no
// attribution of its own: a reporting verb with a named speaker in the
// sentence before, in the same paragraph and outside quote marks ("Bolton
// said he would back the nominee. “I’m going to support him.”").
func (st *state) prevCue(cues []cue, sg seg) *cue {
	si := st.sentOf(sg.open)
	if si <= 0 || st.doc.Sentences[si-1].Paragraph != sg.para || st.hasQuote(si-1) {
		return nil
	}
	toks := st.doc.Sentences[si].Tokens
	if len(toks) == 0 || toks[0].Start < sg.open-1 && !isPunct(toks[0]) {
		return nil
	}
	var best *cue
	for k := range cues {
		c := &cues[k]
		if c.sent != si-1 || c.subj < 0 || c.subjSent != c.sent {
			continue
		}
		if t := st.doc.Sentences[c.sent].Tokens[c.subj]; t.UPOS == "PROPN" || st.isPerson(t) {
			if best == nil {
				best = c
			}
		}
	}
	return best
}

func (st *state) endsWithColon(si int) bool {
	toks := st.doc.Sentences[si].Tokens
	return len(toks) > 0 && st.word(toks[len(toks)-1]) == ":"
}

// onlyAttribution reports whether the text between the cue and a quote
// that opens after it is a bare attribution ("he said:", "he told reporters,").
func (st *state) onlyAttribution(si int, c *cue, open int) bool {
	toks := st.doc.Sentences[si].Tokens
	for k := c.tok + 1; k < len(toks) && toks[k].Start < open; k++ {
		t := toks[k]
		if isPunct(t) {
			continue
		}
		if c.subj >= 0 && c.subjSent == si && (k == c.subj || st.dominates(si, c.subj, k)) && c.lemma == "according to" {
			continue
		}
		if t.Head == c.tok && (t.Deprel == "obj" || t.Deprel == "iobj" || t.Deprel == "obl" || t.Deprel == "advmod" || t.Deprel == "mark") {
			continue
		}
		if st.dominates(si, c.tok, k) && k-c.tok <= 6 && t.Deprel != "ccomp" {
			continue
		}
		return false
	}
	return true
}

// splitAfter returns the segment that continues a split quote after its
// attribution, or -1.
func (st *state) splitAfter(i int, c cue) int {
	j := i + 1
	if j >= len(st.segs) || st.segs[j].used || st.segs[j].prev >= 0 || c.sent != st.sentOf(st.segs[i].open) {
		return -1
	}
	if st.segs[j].para != st.segs[i].para {
		return -1
	}
	toks := st.doc.Sentences[c.sent].Tokens
	cueStart := toks[c.tok].Start
	if c.subj >= 0 && c.subjSent == c.sent {
		cueStart = min(cueStart, toks[c.subj].Start)
	}
	if cueStart < st.segs[i].close {
		return -1
	}
	// The continuation must not have an attribution of its own: "“...,”
	// she said. “...,” she said."
	if sj := st.sentOf(max(st.segs[j].close-1, st.segs[j].open)); sj > c.sent && st.doc.Sentences[sj].Parsed {
		for _, t := range st.doc.Sentences[sj].Tokens {
			if t.Start < st.segs[j].close || st.inSeg(t) >= 0 || t.UPOS != "VERB" {
				continue
			}
			if use, ok := st.f.lex[strings.ToLower(t.Lemma)]; ok && use&DirectUse != 0 {
				return -1
			}
		}
	}
	// Only the attribution and punctuation between the two: in the
	// sentences after the cue's, nothing but punctuation ("...," Ward
	// said. If they leak, hackers are “...,” he added" is another
	// attribution).
	for si := c.sent + 1; si < len(st.doc.Sentences) && st.doc.Sentences[si].Start < st.segs[j].open; si++ {
		for _, t := range st.doc.Sentences[si].Tokens {
			if t.Start < st.segs[j].open && !isPunct(t) {
				return -1
			}
		}
	}
	for k := range toks {
		t := toks[k]
		if t.Start < st.segs[i].outer().End || t.Start >= st.segs[j].open {
			continue
		}
		if isPunct(t) || k == c.tok || k == c.subj || st.dominates(c.sent, c.tok, k) && st.dominatesOrIs(c.sent, c.subj, k) {
			continue
		}
		if c.subj >= 0 && st.dominates(c.sent, c.subj, k) {
			continue
		}
		if t.Head == c.tok && t.Deprel != "ccomp" && t.Deprel != "parataxis" {
			continue
		}
		return -1
	}
	return j
}

func (st *state) dominatesOrIs(si, h, k int) bool { return h >= 0 && st.dominates(si, h, k) }

// paraSubject finds the speaker of a paragraph that is all quotation
// with no attribution: the person that the previous paragraph's last
// sentence is about ("Viguerie is upbeat about Cruz’s chances.").
func (st *state) paraSubject(sg seg) *eventwire.Speaker {
	if !st.paraIsQuote(sg) || sg.para == 0 {
		return nil
	}
	si := st.sentOf(sg.open) - 1
	if si < 0 || st.doc.Sentences[si].Paragraph != sg.para-1 || !st.doc.Sentences[si].Parsed || st.hasQuote(si) {
		return nil
	}
	toks := st.doc.Sentences[si].Tokens
	for k, t := range toks {
		if t.Head >= 0 || t.UPOS != "VERB" && t.UPOS != "ADJ" && t.UPOS != "NOUN" && t.UPOS != "AUX" {
			continue
		}
		subj := st.subject(si, k)
		if subj < 0 {
			return nil
		}
		sp := st.speaker(cue{sent: si, tok: k, subj: subj, subjSent: si})
		if sp == nil || sp.Entity == "" {
			return nil
		}
		for _, e := range st.doc.Entities {
			if e.ID == sp.Entity && e.Type == eventwire.Person {
				return sp
			}
		}
		return nil
	}
	return nil
}

// colonClause finds the clause that a colon before a quote ends ("Cruz
// called them on it:", "the headline reads:") and returns its verb as a
// cue, with its subject.
func (st *state) colonClause(sg seg) (cue, bool) {
	rs := st.doc.Runes
	i := sg.open - 1
	for i >= 0 && unicode.IsSpace(rs[i]) {
		i--
	}
	if i < 0 || rs[i] != ':' && rs[i] != ',' {
		return cue{}, false
	}
	comma := rs[i] == ','
	si := st.sentOf(i)
	if si < 0 || !st.doc.Sentences[si].Parsed {
		return cue{}, false
	}
	toks := st.doc.Sentences[si].Tokens
	k := len(toks) - 1
	for k >= 0 && toks[k].Start > i {
		k--
	}
	if comma {
		// "Hillary shot back, “...”": only a verb (and its particle) right
		// before the comma.
		k--
		for k > 0 && (toks[k].UPOS == "ADP" || toks[k].UPOS == "ADV" || toks[k].UPOS == "PART") {
			k--
		}
		if k < 0 || toks[k].UPOS != "VERB" {
			return cue{}, false
		}
	}
	// Up from the colon to the first verb.
	for n := 0; k >= 0 && n < len(toks); n++ {
		if toks[k].UPOS == "VERB" && st.inSeg(toks[k]) < 0 {
			break
		}
		k = toks[k].Head
	}
	if k < 0 {
		return cue{}, false
	}
	c := cue{sent: si, tok: k, cueEnd: k, subj: st.subject(si, k), subjSent: si, lemma: strings.ToLower(toks[k].Lemma), use: DirectUse}
	if c.subj < 0 {
		return cue{}, false
	}
	return c, true
}

// colonSpeaker finds "Name: “...”", a speaker named right before a colon
// that introduces the quote.
func (st *state) colonSpeaker(sg seg) *eventwire.Speaker {
	rs := st.doc.Runes
	i := sg.open - 1
	for i >= 0 && unicode.IsSpace(rs[i]) {
		i--
	}
	if i < 0 || rs[i] != ':' {
		return nil
	}
	for _, m := range st.mentions {
		if m.end == i && (m.kind == eventwire.MentionName || m.kind == eventwire.MentionNominal) {
			e := st.doc.Entities[m.ent]
			if e.Type != eventwire.Person && e.Type != eventwire.Org && e.Type != eventwire.GPE {
				return nil
			}
			return &eventwire.Speaker{Entity: e.ID, Name: e.Name, Text: string(rs[m.start:m.end]), Start: m.start, End: m.end}
		}
	}
	// A name the recogniser missed: "Philip Bump:" after a dash or at
	// the start of a paragraph.
	si := st.sentOf(i)
	if si < 0 {
		return nil
	}
	toks := st.doc.Sentences[si].Tokens
	k := len(toks) - 1
	for k >= 0 && toks[k].Start >= i {
		k--
	}
	e := k
	for k >= 0 && toks[k].UPOS == "PROPN" && e-k < 4 {
		k--
	}
	if k < e && (k < 0 || isPunct(toks[k])) {
		a, b := toks[k+1].Start, toks[e].End
		return &eventwire.Speaker{Text: string(rs[a:b]), Start: a, End: b}
	}
	return nil
}

// speaker builds the speaker of a cue from its subject.
func (st *state) speaker(c cue) *eventwire.Speaker {
	if c.subj < 0 {
		return nil
	}
	toks := st.doc.Sentences[c.subjSent].Tokens
	if a := st.agentOf(c.subjSent, c.subj); a >= 0 {
		c.subj = a
	}
	h := toks[c.subj]
	w := strings.ToLower(st.word(h))
	// The phrase: the head with its name parts and determiners.
	a, b := c.subj, c.subj+1
	for k := c.subj - 1; k >= 0; k-- {
		t := toks[k]
		if t.Head >= a && t.Head < b && isModifier(t.Deprel) || t.XPOS == "POS" && k > 0 && toks[k-1].Head >= a && toks[k-1].Head < b {
			a = k
			continue
		}
		break
	}
	for k := b; k < len(toks); k++ {
		t := toks[k]
		if t.Head >= a && t.Head < b && (t.Deprel == "flat" || t.Deprel == "flat:name" || t.Deprel == "compound") {
			b = k + 1
			continue
		}
		break
	}
	sp := &eventwire.Speaker{Start: toks[a].Start, End: toks[b-1].End}
	// The entity: a mention that holds the head word (for a relative
	// pronoun, the noun it refers to).
	if h.UPOS == "PRON" && (w == "who" || w == "which" || w == "that") {
		for v := h.Head; v >= 0 && v < len(toks); v = toks[v].Head {
			if toks[v].Deprel == "acl:relcl" {
				if n := toks[v].Head; n >= 0 && n < c.subj {
					h = toks[n]
					// The speaker is the noun phrase the pronoun stands
					// for, named or not: "a campaign surrogate who said".
					sp.Start = toks[st.phraseStart(c.subjSent, n)].Start
				}
				break
			}
			if toks[v].Deprel != "conj" && toks[v].Deprel != "xcomp" {
				break
			}
		}
	}
	best := -1
	for k, m := range st.mentions {
		if m.start > h.Start {
			break
		}
		if m.start <= h.Start && h.End <= m.end {
			best = k
		}
	}
	if best < 0 && h.UPOS != "PRON" {
		// A description with the name beside it: "Houthi negotiator
		// Abdulrahman al-Sayed", "a spokesman for the coalition, Col.
		// Faisal al-Harbi,": the person or organisation its apposition or
		// name part names.
		best = st.namedBeside(c.subjSent, c.subj)
	}
	if best >= 0 {
		m := st.mentions[best]
		e := st.doc.Entities[m.ent]
		sp.Entity, sp.Name = e.ID, e.Name
		// For a relative pronoun this covers "Graham, who".
		sp.Start, sp.End = min(sp.Start, m.start), max(sp.End, m.end)
	} else if h.UPOS == "PRON" && (w == "you" || w == "one") {
		return nil
	}
	sp.Text = string(st.doc.Runes[sp.Start:sp.End])
	return sp
}

// namedBeside returns the mention (an index into st.mentions) of the
// person that names the noun at token h of sentence si from after it,
// through an apposition or a name part ("Houthi negotiator Abdulrahman
// al-Sayed", "a spokesman for the coalition, Col. Faisal al-Harbi,"), or
// -1. Organisations before the noun ("the United Nations envoy") are who
// the speaker works for, not the speaker.
func (st *state) namedBeside(si, h int) int {
	toks := st.doc.Sentences[si].Tokens
	for k := h + 1; k < len(toks); k++ {
		t := toks[k]
		if t.Head != h || t.Deprel != "appos" && t.Deprel != "flat" && t.Deprel != "compound" {
			continue
		}
		// The child with its own name parts: "Col. Faisal al-Harbi".
		end := t.End
		for j := k + 1; j < len(toks) && (toks[j].Head == k && (toks[j].Deprel == "flat" || toks[j].Deprel == "punct")); j++ {
			end = toks[j].End
		}
		for i, m := range st.mentions {
			if m.start >= end {
				break
			}
			if m.end > t.Start && st.doc.Entities[m.ent].Type == eventwire.Person {
				return i
			}
		}
	}
	return -1
}

// phraseStart returns the first token of the noun phrase headed by token
// h: its modifiers and determiners before it.
func (st *state) phraseStart(si, h int) int {
	toks := st.doc.Sentences[si].Tokens
	a := h
	for k := h - 1; k >= 0; k-- {
		t := toks[k]
		if t.Head >= a && t.Head <= h && isModifier(t.Deprel) || t.XPOS == "POS" && k > 0 && toks[k-1].Head >= a && toks[k-1].Head <= h {
			a = k
			continue
		}
		break
	}
	return a
}

func isModifier(d string) bool {
	switch d {
	case "compound", "flat", "flat:name", "det", "amod", "nmod:poss", "nummod", "det:poss":
		return true
	}
	return false
}

func (st *state) cueOf(c cue) *eventwire.Cue {
	toks := st.doc.Sentences[c.sent].Tokens
	a, b := toks[c.tok], toks[c.cueEnd]
	return &eventwire.Cue{Text: string(st.doc.Runes[a.Start:b.End]), Lemma: c.lemma, Start: a.Start, End: b.End}
}

// describe writes a quote on one line, for tests and debugging.
func describe(doc *eventwire.Doc, q eventwire.Quote) string {
	sp, cu := "-", "-"
	if q.Speaker != nil {
		sp = q.Speaker.Text + "=" + q.Speaker.Entity
	}
	if q.Cue != nil {
		cu = q.Cue.Text
	}
	return fmt.Sprintf("%s %s [%s] %s %q", q.ID, q.Kind, sp, cu, q.Text)
}
