package event

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/eventwire/eventwire"
)

// slotMatch holds the token that fills each slot of a pattern, -1 for
// none.
type slotMatch [maxSlots]int

// trigger tries the patterns of token t, most specific first, and codes
// the events of the first that matches.
func (w *walker) trigger(t int, ps []Pattern) {
	if len(ps) == 0 {
		return
	}
	if ps[0].Kind == Noun && w.toks[t].Deprel == "compound" {
		// "riot police", "peace envoy", "aid workers": a noun that
		// classifies an actor is no event
		if h := w.head(t); h >= 0 && w.entity(h) >= 0 {
			return
		}
	}
	if ps[0].Kind == Noun && w.pastYear(t) {
		// "the 1994 genocide", "the 2003 invasion": a noun dated to an
		// earlier year recalls history, not an event of the story
		return
	}
	passive := ps[0].Kind == Verb && w.isPassive(t)
	if passive && w.toks[t].Deprel == "acl" && w.subjOf(t, true) < 0 {
		// "a Hamas member jailed a year ago", "the civilians imprisoned
		// for acting against Moscow": a participle that describes a
		// noun of the clause, naming no agent, recalls a state in
		// passing (a headline's "Five soldiers killed in Kashmir",
		// under the root, is still coded, and so are counted victims)
		// "There were ten soldiers killed": counted victims are news
		if h := w.head(t); h >= 0 && w.toks[h].Deprel != "root" && w.child(h, "nummod") < 0 {
			return
		}
	}
	for pi := range ps {
		p := &ps[pi]
		if len(p.Slots) > maxSlots {
			continue
		}
		var m slotMatch
		if !w.match(t, p, passive, &m) {
			continue
		}
		for k := range p.Slots {
			// A word the pattern names ("launched an attack on") is
			// part of this event, not one of its own; a line coding
			// nothing leaves it to carry its own ("were engaged in
			// ethnic cleansing").
			if m[k] >= 0 && p.Slots[k].Words != nil && (p.Code != "" || p.Reverse != "") {
				w.used[m[k]] = true
				if c := w.childWith(m[k], "compound", p.Slots[k].Words); c >= 0 {
					w.used[c] = true // "aid" of "aid deliveries"
				}
			}
		}
		if p.Code != "" || p.Reverse != "" {
			w.emit(t, p, passive, &m)
		}
		return
	}
}

// pastYear reports whether noun t has a year modifier ("the 1994
// genocide", "the 2003 invasion of Iraq") before the year of publication;
// without a publication date, any year modifier.
func (w *walker) pastYear(t int) bool {
	pub := 0
	if p := w.doc.Published; len(p) >= 4 {
		if y, err := strconv.Atoi(p[:4]); err == nil {
			pub = y
		}
	}
	for _, c := range w.children(t) {
		switch w.toks[c].Deprel {
		case "nummod", "compound", "amod", "nmod:tmod", "nmod:unmarked":
		default:
			continue
		}
		if w.toks[c].Start+4 != w.toks[c].End || w.digits(int(c)) != 4 {
			continue
		}
		y, err := strconv.Atoi(string(w.doc.Runes[w.toks[c].Start:w.toks[c].End]))
		if err == nil && y >= 1800 && y <= 2199 && (pub == 0 || y < pub) {
			return true
		}
	}
	return false
}

// match fills m with a dependent of t for each slot of p, or reports
// false.
func (w *walker) match(t int, p *Pattern, passive bool, m *slotMatch) bool {
	for k := range p.Slots {
		m[k] = -1
	}
	for k := range p.Slots {
		s := &p.Slots[k]
		actor := s.Rel == p.Source || s.Rel == p.Target
		ok := func(i int) bool {
			switch {
			case i < 0:
				return false
			case s.Words != nil:
				// "suspended aid deliveries", "arms sales": the word may
				// be a compound modifier of the object or phrase
				return w.wordIs(i, s.Words) || s.Rel != "mod" && s.Rel != "prt" && s.Rel != "xcomp" && w.childWith(i, "compound", s.Words) >= 0
			case actor:
				return w.hasActor(i)
			}
			return true
		}
		found := -1
		switch s.Rel {
		case "subj":
			found = w.subjOf(t, passive)
		case "obj":
			found = w.objOf(t, passive)
			if found < 0 && !passive && s.Words == nil {
				// "asked Obama to help" parsed with Obama as iobj
				found = w.child(t, "iobj")
			}
			if x := w.child(t, "xcomp"); found < 0 && !passive && s.Words != nil && x >= 0 && w.toks[x].UPOS == "NOUN" {
				// "called off a strike" parsed with the strike as xcomp
				found = x
			}
			if found >= 0 && s.Words != nil && !ok(found) {
				// "provided 70 million dollars of aid", "sent thousands
				// of troops": the quantity's "of" phrase
				for _, c := range w.children(found) {
					if w.toks[c].Deprel == "nmod" && w.hasCase(int(c), "of") && ok(int(c)) {
						found = int(c)
						break
					}
				}
			}
		case "iobj":
			found = w.child(t, "iobj")
		case "prt":
			found = w.childWith(t, "compound:prt", s.Words)
		case "xcomp":
			found = w.child(t, "xcomp")
			if found >= 0 && s.Words == nil && (w.toks[found].UPOS != "VERB" || w.childWith(found, "mark", toWords) < 0 && !bareInfinitive(p.Lemma)) {
				// any word is any act, said in an infinitive: "wanted
				// the UK to be prosperous", "want the embargo lifted",
				// "don't want people thinking" name no act asked for
				// ("let them go" needs no "to")
				found = -1
			}
		case "mod":
			of := t
			if s.Of >= 0 && s.Of < k {
				of = m[s.Of]
			}
			if of >= 0 {
				found = w.childWith(of, "compound", s.Words)
				if found < 0 {
					found = w.childWith(of, "amod", s.Words)
				}
			}
		default:
			found = w.prepOf(t, p, m, s.Rel, ok)
			if found < 0 && actor && s.Words == nil {
				// "disagreed with Washington's assertion", "praised
				// Haiti's efforts": a phrase naming no actor speaks for
				// its owner
				owned := func(i int) bool { return w.nounOwner(i) >= 0 || w.placeIn(i) >= 0 }
				if x := w.prepOf(t, p, m, s.Rel, owned); x >= 0 {
					if found = w.nounOwner(x); found < 0 {
						// "fired shells at targets in Jericho"
						found = w.placeIn(x)
					}
				}
			}
		}
		if !ok(found) {
			return false
		}
		m[k] = found
	}
	return true
}

// prepOf finds a phrase headed by the preposition prep that satisfies ok:
// an oblique or nominal modifier of the trigger, of the pattern's object,
// or, for a noun that is a verb's object ("held talks with Sharif"), of
// that verb.
func (w *walker) prepOf(t int, p *Pattern, m *slotMatch, prep string, ok func(int) bool) int {
	if i := w.prepChild(t, prep, ok); i >= 0 {
		return i
	}
	for k := range p.Slots {
		// "imposed sanctions on Iran", "called for sanctions against
		// Nigeria": on a noun an earlier element names
		if m[k] >= 0 && (p.Slots[k].Rel == "obj" || p.Slots[k].Words != nil && isPrep(p.Slots[k].Rel)) {
			if i := w.prepChild(m[k], prep, ok); i >= 0 {
				return i
			}
		}
	}
	if p.Kind == Noun && w.toks[t].Deprel == "obj" {
		if h := w.head(t); h >= 0 {
			return w.prepChild(h, prep, ok)
		}
	}
	if p.Kind == Noun && w.toks[t].Deprel == "compound" {
		// "a mediation effort between the Emirates and Saudi Arabia"
		if h := w.head(t); h >= 0 && w.toks[h].UPOS == "NOUN" {
			if i := w.prepChild(h, prep, ok); i >= 0 {
				return i
			}
			if w.toks[h].Deprel == "obj" {
				if v := w.head(h); v >= 0 {
					return w.prepChild(v, prep, ok)
				}
			}
		}
	}
	if p.Kind == Verb {
		// "fired rockets at Israel" parsed with the phrase on the
		// object
		if o := w.child(t, "obj"); o >= 0 {
			return w.prepChild(o, prep, ok)
		}
	}
	return -1
}

// prepChild returns the first obl or nmod child of x whose case word is
// prep ("on", or "because_of" for "because" with the fixed "of") and
// that satisfies ok.
func (w *walker) prepChild(x int, prep string, ok func(int) bool) int {
	for _, c := range w.children(x) {
		switch base(w.toks[c].Deprel) {
		case "obl", "nmod":
		default:
			continue
		}
		if w.hasCase(int(c), prep) && ok(int(c)) {
			return int(c)
		}
	}
	return -1
}

// hasCase reports whether token x has a case marker spelling prep, whose
// parts after the first ("because_of") are the marker's fixed
// dependents.
func (w *walker) hasCase(x int, prep string) bool {
	head, rest, multi := strings.Cut(prep, "_")
	for _, c := range w.children(x) {
		if d := w.toks[c].Deprel; (d == "nummod" || d == "det") && !multi {
			// "to 18 Rwandan rebels" parsed with the case word on the
			// number
			if w.child(int(c), "case") >= 0 && w.lemmas[w.child(int(c), "case")] == head {
				return true
			}
		}
		if w.toks[c].Deprel != "case" || w.lemmas[c] != head {
			continue
		}
		if !multi {
			return true
		}
		r := rest
		for _, f := range w.children(int(c)) {
			if w.toks[f].Deprel != "fixed" {
				continue
			}
			part, more, _ := strings.Cut(r, "_")
			if w.lemmas[f] != part {
				break
			}
			r = more
			if r == "" {
				return true
			}
		}
	}
	return false
}

// isPassive reports whether verb t is passive: it has a passive subject
// or auxiliary, or is a participle modifying a noun ("the convoy attacked
// by rebels").
func (w *walker) isPassive(t int) bool {
	by, perfect := false, false
	for _, c := range w.children(t) {
		switch w.toks[c].Deprel {
		case "nsubj:pass", "aux:pass", "csubj:pass", "obl:agent":
			return true
		case "obl":
			by = by || w.hasCase(int(c), "by") && w.hasActor(int(c))
		case "aux":
			perfect = perfect || w.lemmas[c] == "have"
		}
	}
	if by && !perfect && (w.toks[t].XPOS == "VBN" || w.toks[t].XPOS == "VBD") && w.child(t, "obj") < 0 {
		// a headline's passive without its auxiliary, the "by" phrase
		// naming an actor: "Ukraine attacked by Russia"
		return true
	}
	// a participle modifying a noun, unless it has an object ("Israeli
	// troops seized the town" parsed with the verb under its subject) or
	// modifies the root of a full sentence ("Kenyan students
	// demonstrated." parsed the same way; a headline has no full stop)
	if w.toks[t].Deprel != "acl" || w.toks[t].XPOS != "VBN" || w.child(t, "obj") >= 0 {
		return false
	}
	h := w.head(t)
	return h < 0 || w.toks[h].Deprel != "root" || !w.fullStop()
}

// fullStop reports whether the current sentence ends with a full stop.
func (w *walker) fullStop() bool {
	n := len(w.toks)
	return n > 0 && w.toks[n-1].UPOS == "PUNCT" && w.lemmas[n-1] == "."
}

// subjOf returns the token that does t's action: the subject, the agent
// of a passive, or the subject t shares with the verb it depends on
// ("Iran threatened to strike", "urged Iran to stop", "attacked and
// burned").
func (w *walker) subjOf(t int, passive bool) int {
	if passive {
		for _, c := range w.children(t) {
			if d := w.toks[c].Deprel; (d == "obl:agent" || d == "obl") && w.hasCase(int(c), "by") {
				return int(c)
			}
		}
		for _, c := range w.children(t) {
			// "were killed in a Russian air strike": the act that did
			// it names the agent
			if w.toks[c].Deprel == "obl" && w.toks[c].UPOS == "NOUN" && w.hasCase(int(c), "in") && len(w.c.dict.Noun(w.lemmas[c])) > 0 {
				if s := w.nounOwner(int(c)); s >= 0 {
					return s
				}
			}
		}
		return -1
	}
	if s := w.slipSubject(t); s >= 0 {
		return s
	}
	for depth := 0; depth < 4; depth++ {
		if s := w.child(t, "nsubj"); s >= 0 {
			return w.relative(t, s)
		}
		if s := w.child(t, "expl"); s >= 0 && depth > 0 {
			// "it is willing to withdraw" parsed with an expletive
			return s
		}
		h := w.head(t)
		if h < 0 {
			return -1
		}
		switch w.toks[t].Deprel {
		case "ccomp":
			if o := w.child(h, "obj"); o >= 0 && h < o && o < t && w.child(t, "mark") < 0 {
				// "announced it would free the prisoners" parsed with
				// the clause's subject as the object of its governor
				return o
			}
			return -1
		case "xcomp":
			if o := w.child(h, "obj"); o >= 0 && (w.hasActor(o) || w.toks[o].UPOS == "PRON" || w.toks[o].UPOS == "PROPN") {
				// "urged Iran to stop"; not "used tear gas to disperse"
				return o
			}
			if o := w.child(h, "iobj"); o >= 0 {
				// "asking Obama to help Iran" parsed with Obama as iobj
				return o
			}
			if o := w.child(h, "nsubj:pass"); o >= 0 {
				return o
			}
		case "conj", "advcl":
			if o := w.child(h, "obj"); w.toks[t].Deprel == "advcl" && o >= 0 && w.childWith(t, "mark", forWords) >= 0 {
				// "jailed a student for helping militants": the one
				// punished, thanked or blamed did it
				return o
			}
			if w.isPassive(h) {
				if w.toks[t].Deprel == "conj" && finite(w.toks[t].XPOS) && w.reducedParticiple(h) {
					// "has been calling for the declaration agreed by
					// world powers, but disagrees with": a finite verb
					// coordinated with a bare participle belongs to the
					// clause above it
					t = h
					continue
				}
				return -1
			}
		case "acl":
			// "has no intention of intervening": the intention's owner
			if !intentNoun(w.lemmas[h]) {
				return h
			}
			if w.toks[h].Deprel != "obj" || w.head(h) < 0 {
				return -1
			}
			h = w.head(h)
		default:
			return -1
		}
		t = h
	}
	return -1
}

// slipSubject returns the actor before verb t when t is a main verb the
// parser made a modifier of its own object ("U.S. agents sexually abused
// Mexican immigrants", "A U.S. official today praised Haiti's efforts",
// parsed with the verb as an amod of the noun after it): the word just
// before the verb, skipping its adverbs and time words, is a noun or name
// that names an actor and no determiner, adjective or hyphen joins the
// verb to the noun it modifies. Otherwise -1.
func (w *walker) slipSubject(t int) int {
	h := w.head(t)
	if w.toks[t].Deprel != "amod" || h <= t || w.toks[t].UPOS != "VERB" {
		return -1
	}
	p := t - 1
	for p >= 0 && w.head(p) == t {
		// "sexually abused", "today praised"
		p--
	}
	if p < 0 || w.head(p) == t {
		return -1
	}
	switch w.toks[p].UPOS {
	case "NOUN", "PROPN":
	case "ADJ":
		if w.entity(p) < 0 {
			return -1
		}
	default:
		return -1
	}
	if !w.hasActor(p) {
		return -1
	}
	for i := t + 1; i < h; i++ {
		// the object after the verb may have its own words ("Haiti's
		// efforts", "illegal Mexican immigrants"), but not an article
		if w.toks[i].UPOS == "DET" && w.head(i) == h && i == t+1 {
			return -1
		}
	}
	return p
}

// adjObject returns the object of an adjective the tagger made of a verb
// ("it would free 150 prisoners"): its obj, or, after a modal or "to",
// a noun phrase with no preposition ("would free the prisoners" parsed
// as an oblique); -1 when it has none, and so is an adjective.
func (w *walker) adjObject(t int) int {
	if o := w.child(t, "obj"); o >= 0 {
		return o
	}
	if w.child(t, "aux") < 0 && w.child(t, "mark") < 0 {
		return -1
	}
	for _, c := range w.children(t) {
		if int(c) > t && w.toks[c].Deprel == "obl" && w.child(int(c), "case") < 0 && (w.toks[c].UPOS == "NOUN" || w.toks[c].UPOS == "PROPN") && !w.isTime(int(c)) {
			return int(c)
		}
	}
	return -1
}

// bareInfinitive reports verbs whose infinitive complement has no "to"
// ("let them return", "made him resign", "helped them escape").
func bareInfinitive(l string) bool {
	switch l {
	case "let", "make", "have", "help", "see", "hear", "watch":
		return true
	}
	return false
}

// finite reports Penn tags of a finite verb, and of a plural noun, which
// is what the tagger makes of many a third-person verb ("disagrees").
func finite(xpos string) bool {
	switch xpos {
	case "VBZ", "VBD", "VBP", "NNS":
		return true
	}
	return false
}

// reducedParticiple reports whether h is a past participle with no
// auxiliary of its own ("the declaration agreed by world powers").
func (w *walker) reducedParticiple(h int) bool {
	if w.toks[h].XPOS != "VBN" {
		return false
	}
	for _, c := range w.children(h) {
		switch w.toks[c].Deprel {
		case "aux", "aux:pass", "nsubj", "nsubj:pass":
			return false
		}
	}
	return true
}

// objOf returns the token that undergoes t's action: the object, or the
// subject of a passive.
func (w *walker) objOf(t int, passive bool) int {
	if !passive && w.toks[t].UPOS == "ADJ" {
		return w.adjObject(t)
	}
	if !passive && w.slipSubject(t) >= 0 {
		// "U.S. agents abused Mexican immigrants" parsed with the verb
		// as a modifier of its object
		return w.head(t)
	}
	if !passive {
		if o := w.child(t, "obj"); o >= 0 {
			return w.relative(t, o)
		}
		for _, c := range w.children(t) {
			// "hosted Japanese Prime Minister Ryutaro Hashimoto" parsed
			// as an oblique without a preposition
			if int(c) > t && w.toks[c].Deprel == "obl" && w.toks[c].UPOS == "PROPN" && w.child(int(c), "case") < 0 && w.entity(int(c)) >= 0 && !w.isTime(int(c)) {
				return int(c)
			}
		}
		return -1
	}
	if s := w.child(t, "nsubj:pass"); s >= 0 {
		return w.relative(t, s)
	}
	if s := w.child(t, "nsubj"); s >= 0 {
		// "Convoy attacked by rebels": a headline's subject
		return w.relative(t, s)
	}
	switch w.toks[t].Deprel {
	case "acl":
		return w.head(t)
	case "conj":
		// "The civilians imprisoned ... were released by Putin": a
		// conjunct shares its head's subject
		if h := w.head(t); h >= 0 {
			if s := w.child(h, "nsubj:pass"); s >= 0 {
				return w.relative(h, s)
			}
			if s := w.child(h, "nsubj"); s >= 0 {
				return w.relative(h, s)
			}
		}
	}
	return -1
}

// relative replaces a relative pronoun dependent d of a relative clause
// t ("the rebels who attacked") with the noun the clause modifies.
func (w *walker) relative(t, d int) int {
	if w.toks[t].Deprel == "acl:relcl" && w.toks[d].UPOS == "PRON" {
		switch w.lemmas[d] {
		case "who", "which", "that", "whom":
			h := w.head(t)
			if h >= 0 && w.lemmas[d] != "who" && w.lemmas[d] != "whom" && (w.hasCase(h, "in") || w.hasCase(h, "at")) {
				// "a plan agreed in Geneva that called for": a clause
				// hung on a place phrase speaks of what happened there
				return d
			}
			return h
		}
	}
	return d
}

// nounOwner returns the possessive, actor modifier, or "by" or "from"
// phrase of noun n that names an entity, or -1.
func (w *walker) nounOwner(n int) int {
	for _, c := range w.children(n) {
		switch w.toks[c].Deprel {
		case "nmod:poss", "amod", "compound":
			if w.hasActor(int(c)) {
				return int(c)
			}
		case "nmod":
			if (w.hasCase(int(c), "by") || w.hasCase(int(c), "from")) && w.hasActor(int(c)) {
				return int(c)
			}
		case "acl":
			// "the demonstration staged by students", "the proposal
			// put forward by Egypt": the author of the noun
			if !authorVerb(w.lemmas[c]) {
				continue
			}
			for _, a := range w.children(int(c)) {
				if d := w.toks[a].Deprel; (d == "obl:agent" || d == "obl") && w.hasCase(int(a), "by") && w.hasActor(int(a)) {
					return int(a)
				}
			}
		}
	}
	return -1
}

// placeIn returns the "in" phrase of token x that names a coded country,
// city or region ("targets in Jericho", "facilities in central Iran"),
// or -1.
func (w *walker) placeIn(x int) int {
	return w.prepChild(x, "in", w.isPlace)
}

// aimedPlace returns the coded country, city or region of an "in" phrase of
// token x ("in Beijing"), or of the "of" phrase of a place noun in it
// ("in the northern city of Kirkuk"), or -1.
func (w *walker) aimedPlace(x int) int {
	if i := w.prepChild(x, "in", w.isPlace); i >= 0 {
		return i
	}
	for _, c := range w.children(x) {
		if base(w.toks[c].Deprel) != "obl" && base(w.toks[c].Deprel) != "nmod" || !w.hasCase(int(c), "in") {
			continue
		}
		if i := w.prepChild(int(c), "of", w.isPlace); i >= 0 {
			return i
		}
	}
	return -1
}

// anyCoded reports whether one of the entities has an actor code.
func (w *walker) anyCoded(es []int32) bool {
	for _, e := range es {
		if w.doc.Entities[e].Actor != nil {
			return true
		}
	}
	return false
}

// conditionSubject returns the subject, naming an actor, of an "unless"
// or "if" clause on trigger t or on the infinitive it governs, or -1.
func (w *walker) conditionSubject(t int) int {
	try := func(v int) int {
		for _, c := range w.children(v) {
			if w.toks[c].Deprel != "advcl" || w.childWith(int(c), "mark", conditionWords) < 0 {
				continue
			}
			if s := w.child(int(c), "nsubj"); s >= 0 && w.hasActor(s) {
				return s
			}
		}
		return -1
	}
	if s := try(t); s >= 0 {
		return s
	}
	// "threatened to stop negotiations to reduce arms if the United
	// States goes ahead": the condition may hang lower in what is
	// threatened, but not inside a clause of its own
	x := w.child(t, "xcomp")
	for depth := 0; x >= 0 && depth < 3; depth++ {
		if s := try(x); s >= 0 {
			return s
		}
		next := -1
		for _, c := range w.children(x) {
			if d := w.toks[c].Deprel; d == "xcomp" || d == "obj" || d == "acl" {
				next = int(c)
				if d == "xcomp" {
					break
				}
			}
		}
		if next >= 0 && w.toks[next].Deprel == "obj" {
			// the object's infinitive ("negotiations to reduce")
			next = w.child(next, "acl")
		}
		x = next
	}
	return -1
}

var conditionWords = []string{"unless", "if"}

// nounSource returns the token that names who does a noun's action: a
// possessive ("Russia's attack"), a modifier naming an actor ("Russian
// attack", "U.S. aid"), a "by" phrase, or the subject of the verb the
// noun is the object of ("Modi held talks").
func (w *walker) nounSource(t int) int {
	for _, c := range w.children(t) {
		switch w.toks[c].Deprel {
		case "nmod:poss":
			return int(c)
		case "amod", "compound":
			if w.entity(int(c)) >= 0 {
				return int(c)
			}
		case "nmod":
			if w.hasCase(int(c), "by") {
				return int(c)
			}
		}
	}
	if w.toks[t].Deprel == "obj" {
		if h := w.head(t); h >= 0 && w.toks[h].UPOS == "VERB" && (lightVerb(w.lemmas[h]) || intentVerb(w.lemmas[h])) {
			return w.subjOf(h, w.isPassive(h))
		}
	}
	if w.toks[t].Deprel == "compound" {
		// "launched a mediation effort", "peace talks were held": the
		// noun it modifies stands in its place
		if h := w.head(t); h >= 0 && w.toks[h].UPOS == "NOUN" && w.toks[h].Deprel != "compound" {
			return w.nounSource(h)
		}
	}
	if w.toks[t].Deprel == "obl" && w.hasCase(t, "in") {
		// "were engaged in ethnic cleansing", "took part in the attack"
		if h := w.head(t); h >= 0 && participateVerb(w.lemmas[h]) {
			if s := w.child(h, "nsubj"); s >= 0 {
				return s
			}
			if s := w.child(h, "nsubj:pass"); s >= 0 {
				return s
			}
			if w.toks[h].Deprel == "acl" {
				// "troops engaged in ethnic cleansing" parsed as a
				// participle of its subject
				return w.head(h)
			}
		}
	}
	if h := w.head(t); h >= 0 && w.hasCase(t, "for") && (w.lemmas[h] == "responsibility" || w.lemmas[h] == "credit") {
		// "al-Shabab claimed responsibility for the attack": who claims
		// an act says they did it
		if v := w.head(h); v >= 0 && w.toks[v].UPOS == "VERB" && w.toks[h].Deprel == "obj" {
			switch w.lemmas[v] {
			case "claim", "admit", "acknowledge", "accept", "take":
				return w.subjOf(v, w.isPassive(v))
			}
		}
	}
	if w.toks[t].Deprel == "obl" && visitNoun(w.lemmas[t]) {
		// "held talks during a visit to Beirut", "said on a trip to
		// Kabul": the one who acts there is the visitor
		if h := w.head(t); h >= 0 && w.toks[h].UPOS == "VERB" {
			for _, prep := range visitPreps {
				if w.hasCase(t, prep) {
					return w.subjOf(h, w.isPassive(h))
				}
			}
		}
	}
	if w.toks[t].Deprel == "obl" && reciprocal(w.lemmas[t]) {
		// "Kerry, speaking after talks with Lavrov", "said at a meeting
		// with Putin", "return to Geneva for talks": whoever acts at
		// the meeting, or comes for it, took part in it
		if h := w.head(t); h >= 0 && w.toks[h].UPOS == "VERB" {
			for _, prep := range meetingPreps {
				if w.hasCase(t, prep) {
					return w.subjOf(h, w.isPassive(h))
				}
			}
		}
	}
	return -1
}

// visitNoun reports nouns of a journey to a place or a host.
func visitNoun(l string) bool {
	switch l {
	case "visit", "trip", "tour", "stopover", "journey":
		return true
	}
	return false
}

// visitPreps introduce a journey during which the traveller acts.
var visitPreps = []string{"during", "on", "after", "following", "before", "for", "at", "in"}

// meetingPreps introduce a meeting during which its participants act.
var meetingPreps = []string{"after", "during", "at", "following", "before", "in", "for"}

// nounTarget returns the phrase, a dependent of n with relation rel, that
// names the target of an event noun ("talks with Israel", "sanctions on
// Iran", "aid to Greece"), or -1.
func (w *walker) nounTarget(n int, rel string) int {
	for _, c := range w.children(n) {
		if w.toks[c].Deprel != rel {
			continue
		}
		for _, prep := range targetPreps {
			if w.hasCase(int(c), prep) && w.hasActor(int(c)) {
				return int(c)
			}
		}
	}
	return -1
}

// targetPreps are the prepositions that introduce an event noun's target.
var targetPreps = []string{"with", "on", "against", "to", "for", "toward", "towards", "into", "of"}

// lightVerb reports verbs whose object noun carries the event and whose
// subject is its source: "held talks", "launched an attack", "signed a
// deal".
func lightVerb(l string) bool {
	switch l {
	case "hold", "have", "conduct", "launch", "carry", "begin", "start", "continue",
		"resume", "stage", "mount", "make", "give", "provide", "send", "sign",
		"reach", "conclude", "open", "join", "host", "deliver", "extend", "issue",
		"announce", "order", "lead", "pay", "seal", "strike", "broker", "step",
		"intensify", "escalate", "renew", "finalize", "finalise", "complete",
		"speed", "accelerate", "hasten", "finish", "declare", "organize", "organise":
		return true
	}
	return false
}

// actorsOf appends to dst the entities that token h names: its own
// entity or, for a head noun that is none ("Hungarian and Romanian
// officials", "U.S. officials"), those of its modifiers; and those of its
// conjuncts ("the United States and Russia").
func (w *walker) actorsOf(h int, dst []int32) []int32 {
	return w.collect(h, dst, 0)
}

func (w *walker) collect(h int, dst []int32, depth int) []int32 {
	if h < 0 || depth > 4 {
		return dst
	}
	if e := w.entity(h); e >= 0 && (w.doc.Entities[e].Actor != nil || !w.describedActors(h)) {
		dst = addUnique(dst, e)
		// "Hungarian and Romanian officials": one mention may cover the
		// head and the last modifier only.
		for _, c := range w.children(h) {
			if d := w.toks[c].Deprel; (d == "amod" || d == "compound") && w.child(int(c), "conj") >= 0 {
				dst = w.modifierActors(int(c), dst)
			}
		}
	} else {
		self := w.entity(h) // an uncoded name described by coded words
		for _, c := range w.children(h) {
			if self >= 0 && w.entity(int(c)) == self {
				continue
			}
			switch w.toks[c].Deprel {
			case "amod", "compound", "nmod:poss", "flat":
				dst = w.modifierActors(int(c), dst)
			case "nmod:desc", "appos":
				// "Syrian President Bashar Assad", "its leader, Kim
				// Jong Un": the title or the apposition names it
				dst = w.collect(int(c), dst, depth+1)
			case "nmod":
				if w.hasCase(int(c), "of") || w.hasCase(int(c), "from") || w.hasCase(int(c), "include") || w.hasCase(int(c), "including") {
					dst = w.collect(int(c), dst, depth+1)
				} else if self < 0 && w.toks[h].XPOS == "NNS" && len(w.c.dict.Noun(w.lemmas[h])) == 0 && (w.hasCase(int(c), "throughout") || w.hasCase(int(c), "across")) && w.isPlace(int(c)) {
					// "students throughout Indonesia", "farmers across
					// Kenya": people are coded by the country they are
					// spread over (not events: "talks across Europe";
					// an "in" phrase is as often the verb's place: "signed
					// by EU members in Rome")
					dst = w.collect(int(c), dst, depth+1)
				}
			}
		}
	}
	for _, c := range w.children(h) {
		if w.toks[c].Deprel == "conj" {
			dst = w.collect(int(c), dst, depth+1)
		}
	}
	return dst
}

// describedActors reports whether a name h whose entity has no actor
// code is described by modifiers that have one ("Syrian President
// Michel Suleiman"); collect then takes those instead.
func (w *walker) describedActors(h int) bool {
	for _, c := range w.children(h) {
		switch w.toks[c].Deprel {
		case "appos":
			// "Salaheddine Sidhoum, Algeria's leading human rights
			// activist": the apposition describes the name
			if w.entity(int(c)) == w.entity(h) {
				continue
			}
			var buf [4]int32
			if w.anyCoded(w.collect(int(c), buf[:0], 1)) {
				return true
			}
		case "amod", "compound", "nmod:desc", "nmod:poss":
			if e := w.entity(int(c)); e >= 0 && e != w.entity(h) && w.doc.Entities[e].Actor != nil {
				return true
			}
			for _, cc := range w.children(int(c)) {
				if d := w.toks[cc].Deprel; d == "amod" || d == "compound" {
					if e := w.entity(int(cc)); e >= 0 && e != w.entity(h) && w.doc.Entities[e].Actor != nil {
						return true
					}
				}
			}
		}
	}
	return false
}

// modifierActors appends the entities of modifier c and of its
// conjuncts.
func (w *walker) modifierActors(c int, dst []int32) []int32 {
	if e := w.entity(c); e >= 0 {
		dst = addUnique(dst, e)
		for _, cc := range w.children(c) {
			if w.toks[cc].Deprel == "conj" {
				if e := w.entity(int(cc)); e >= 0 {
					dst = addUnique(dst, e)
				}
			}
		}
	}
	return dst
}

// hasActor reports whether token h names at least one entity.
func (w *walker) hasActor(h int) bool {
	w.other = w.actorsOf(h, w.other[:0])
	return len(w.other) > 0
}

func addUnique(dst []int32, e int32) []int32 {
	for _, x := range dst {
		if x == e {
			return dst
		}
	}
	return append(dst, e)
}

// emit codes the events of a matched pattern.
func (w *walker) emit(t int, p *Pattern, passive bool, m *slotMatch) {
	srcTok, tgtTok := -1, -1
	between := false
	for k := range p.Slots {
		switch p.Slots[k].Rel {
		case p.Source:
			srcTok = m[k]
		case p.Target:
			tgtTok = m[k]
			between = p.Slots[k].Rel == "between"
		}
	}
	if p.Kind == Verb {
		if srcTok < 0 && p.Source == "subj" {
			srcTok = w.subjOf(t, passive)
		}
		if tgtTok < 0 && p.Target == "obj" {
			tgtTok = w.objOf(t, passive)
			if tgtTok < 0 && !passive {
				// "would attack Israel" parsed with Israel as iobj
				tgtTok = w.child(t, "iobj")
			}
			for k := range p.Slots {
				// "threatened to strike Israel": the infinitive's object
				if tgtTok < 0 && p.Slots[k].Rel == "xcomp" && m[k] >= 0 {
					tgtTok = w.objOf(m[k], w.isPassive(m[k]))
				}
			}
		}
	} else if srcTok < 0 && p.Source == "" {
		srcTok = w.nounSource(t)
	}
	if tgtTok < 0 && p.Kind == Verb && (p.Target == "obj" || p.Target == "") {
		// "rejected talks with Israel", "imposed sanctions against
		// Iran": the object the pattern names takes its own target.
		for k := range p.Slots {
			named := p.Slots[k].Rel != p.Source && p.Slots[k].Rel != p.Target // a word, not an actor ("reneged on its commitment to")
			if tgtTok < 0 && m[k] >= 0 && named && (p.Slots[k].Rel == "obj" || isPrep(p.Slots[k].Rel)) {
				tgtTok = w.nounTarget(m[k], "nmod")
				if tgtTok < 0 {
					// "sent troops to Lithuania"
					tgtTok = w.nounTarget(t, "obl")
				}
				if tgtTok < 0 {
					// "rejected an Indian proposal", "accepted demands
					// from the rebels": who made it
					tgtTok = w.nounOwner(m[k])
				}
				if tgtTok < 0 && len(p.Code) >= 2 && p.Code[:2] > "05" {
					// "re-examine the refineries in Iran", "suspended
					// aid deliveries in Baghdad": where it is aimed (not
					// for meetings: "talks in Geneva")
					tgtTok = w.placeIn(m[k])
				}
			}
		}
	}
	if tgtTok < 0 && p.Kind == Verb && p.Target == "obj" {
		// "threatened to impose restrictions against German goods"
		if x := w.child(t, "xcomp"); x >= 0 {
			if tgtTok = w.objOf(x, w.isPassive(x)); tgtTok < 0 || !w.hasActor(tgtTok) {
				tgtTok = w.nounTarget(x, "obl")
			}
			if tgtTok < 0 {
				if o := w.child(x, "obj"); o >= 0 {
					tgtTok = w.nounTarget(o, "nmod")
				}
			}
		}
	}
	if tgtTok >= 0 && p.Kind == Verb && p.Target == "obj" && w.toks[tgtTok].UPOS == "NOUN" && !w.hasActor(tgtTok) {
		// "endorsed an agreement with the EU", "condemned the
		// allegations by Rwanda": an object that names no actor gives
		// its own target, or its owner
		owner := w.nounOwner(tgtTok)
		if x := w.nounTarget(tgtTok, "nmod"); x >= 0 && (owner < 0 || !strings.HasPrefix(p.Code, "11")) {
			if w.nounSource(tgtTok) < 0 {
				// the noun is this event's object, not an event of its
				// own with no source ("057 ->EU" of "an agreement with
				// the EU")
				w.used[tgtTok] = true
			}
			tgtTok = x
		} else if x := owner; x >= 0 {
			// "condemned the attack on Tanzania by Somali rebels": the
			// disapproval is aimed at who did it
			tgtTok = x
		}
	}
	if tgtTok < 0 && p.Kind == Verb && p.Target == "obj" && clauseTarget(p.Code) {
		// "demanded that the US cancel its plans", "warned that Iran
		// would pay": the subject of the clause
		if c := w.child(t, "ccomp"); c >= 0 {
			if s := w.child(c, "nsubj"); s >= 0 && w.hasActor(s) {
				tgtTok = s
			}
		}
	}
	if tgtTok < 0 && p.Kind == Verb && p.Code == "015" {
		// "claimed responsibility for the attack on the embassy", "...
		// for an attack at a mall in Kenya's capital": the claim is
		// aimed at whom, or where, the act it claims struck
		tgtTok = w.claimTarget(t, p, m)
	}
	if tgtTok < 0 && strings.HasPrefix(p.Code, "14") {
		// "staged demonstrations to demand reforms by Suharto's
		// government", "blocked roads to press demands on the
		// government": a protest is aimed at whom its purpose names
		tgtTok = w.purposeTarget(t, p.Kind)
	}
	if tgtTok < 0 && placeTarget(p.Code) {
		// "staged a protest in Beijing", "held exercises in Alaska":
		// protests and shows of force are aimed at where they happen
		tgtTok = w.aimedPlace(t)
		if o := w.child(t, "obj"); tgtTok < 0 && o >= 0 && p.Kind == Verb {
			// "blocked roads in the capital city of Algiers"
			tgtTok = w.aimedPlace(o)
		}
		for _, c := range w.children(t) {
			// "demonstrated on Tuesday in Serbia": a place one phrase
			// down
			if tgtTok >= 0 {
				break
			}
			if base(w.toks[c].Deprel) == "obl" && !w.hasCase(int(c), "in") {
				tgtTok = w.aimedPlace(int(c))
			}
		}
		if h := w.head(t); tgtTok < 0 && h >= 0 && p.Kind == Noun && w.toks[t].Deprel == "obj" {
			tgtTok = w.prepChild(h, "in", w.isPlace)
		}
	}
	w.actors = w.actorsOf(srcTok, w.actors[:0])
	if len(w.actors) == 0 && srcTok >= 0 && w.toks[srcTok].UPOS == "PRON" {
		// "Obama said he would attack": a pronoun coreference left
		// unresolved is the speaker of the clause
		w.actors = w.actorsOf(w.speaker(t), w.actors[:0])
		if len(w.actors) == 0 {
			// "'I didn't ask for more planning,' he said": a first
			// person in a quotation is its speaker
			if e := w.quoteSpeaker(srcTok); e >= 0 {
				w.actors = append(w.actors, e)
			}
		}
	}
	if srcTok >= 0 && w.toks[srcTok].Deprel == "nsubj" {
		// "Japan and South Korea signed" parsed as two subjects
		// (with an "and" on the verb or a subject: "Georgian President
		// Eduard Shevardnadze resigned" parsed the same way is one)
		list := false
		for _, c := range w.children(w.head(srcTok)) {
			if int(c) != srcTok && w.toks[c].Deprel == "nsubj" && w.ccBetween(srcTok, int(c)) {
				w.actors = w.actorsOf(int(c), w.actors)
				list = true
			}
		}
		if !list {
			// the subject nearest the verb is the real one
			near := srcTok
			for _, c := range w.children(w.head(srcTok)) {
				if w.toks[c].Deprel == "nsubj" && int(c) > near && int(c) < w.head(srcTok) && !w.commaBetween(near, int(c)) && w.hasActor(int(c)) {
					near = int(c)
				}
			}
			if near != srcTok {
				srcTok = near
				w.actors = w.actorsOf(srcTok, w.actors[:0])
			}
		}
		if list {
			// "The US, Russia, and Switzerland met", the middle name
			// parsed as an apposition of the first
			for _, c := range w.children(srcTok) {
				if w.toks[c].Deprel == "appos" && w.toks[c].UPOS == "PROPN" {
					w.actors = w.actorsOf(int(c), w.actors)
				}
			}
		}
	}
	w.targets = w.actorsOf(tgtTok, w.targets[:0])
	if tgtTok >= 0 && !w.anyCoded(w.targets) {
		// "dispatched inspectors to the Esfahan facilities in central
		// Iran": a target with no actor code gives way to its place
		if x := w.placeIn(tgtTok); x >= 0 {
			w.targets = w.actorsOf(x, w.targets[:0])
		}
	}
	if len(w.targets) == 0 && p.Kind == Verb && (w.toks[t].Deprel == "xcomp" || w.toks[t].Deprel == "advcl") {
		// "sent 21 observers to Bosnia to investigate": an act of
		// purpose is aimed where its governor sends or takes someone
		if h := w.head(t); h >= 0 && motionVerb(w.lemmas[h]) && w.childWith(t, "mark", toWords) >= 0 {
			for _, v := range [2]int{h, w.child(h, "obj")} {
				// the phrase may hang on the verb or on its object
				if x := w.prepChild(v, "to", w.isPlace); len(w.targets) == 0 && x >= 0 {
					w.targets = w.actorsOf(x, w.targets[:0])
				} else if x := w.prepChild(v, "in", w.isPlace); len(w.targets) == 0 && x >= 0 {
					w.targets = w.actorsOf(x, w.targets[:0])
				}
			}
		}
	}
	if len(w.targets) == 0 && p.Kind == Verb && reciprocal(p.Lemma) && (w.toks[t].Deprel == "xcomp" || w.toks[t].Deprel == "advcl") && w.childWith(t, "mark", toWords) >= 0 {
		// "met with Assad to discuss the crisis", "called Lavrov to
		// discuss": the talks are with whoever the governing verb met
		if h := w.head(t); h >= 0 && w.toks[h].UPOS == "VERB" {
			x := w.prepChild(h, "with", w.hasActor)
			if x < 0 {
				if o := w.objOf(h, w.isPassive(h)); o >= 0 && w.hasActor(o) {
					x = o
				}
			}
			if x >= 0 {
				w.targets = w.actorsOf(x, w.targets[:0])
			}
		}
	}
	if len(w.targets) == 0 && p.Kind == Verb && len(p.Code) >= 2 && p.Code[:2] == "13" {
		// "threatened to launch an offensive unless Baghdad accepted
		// its conditions": the threat is aimed at whoever must comply
		if x := w.conditionSubject(t); x >= 0 {
			w.targets = w.actorsOf(x, w.targets[:0])
		}
	}
	srcs, tgts := w.actors, w.targets
	neg, hyp := w.modality(t)
	// "Turkey will allow the refugees to return", "NATO is willing to
	// defend Turkey": the announcement is an event of its own (an intent
	// to cooperate, a threat, or a refusal), the announced act is not yet
	// one.
	intent := ""
	if fut, futNeg := w.announced(t); fut && p.Code != "" && !passive {
		// ("would be indicted" announces nothing of its agent's)
		switch {
		case futNeg:
			intent = refusalCode(p.Code)
		case !neg:
			intent = intentCode(p.Code)
			if (intent == "" || intent[:2] != "13") && w.ultimatum(t) {
				// "will withdraw its force from Chad unless ...": a
				// conditional promise is an ultimatum
				intent = "139"
			}
		}
		hyp = true
	}
	ev := eventwire.Event{
		Negated:      neg,
		Hypothetical: hyp,
		Trigger:      w.mention(t),
		Sentence:     eventwire.Span{Start: w.doc.Sentences[w.si].Start, End: w.doc.Sentences[w.si].End},
	}
	pairs := 0
	add := func(a, b int32) {
		if pairs >= maxPairs || a >= 0 && a == b {
			return
		}
		if p.Code != "" && w.add(ev, p.Code, a, b) {
			pairs++
		}
		if p.Reverse != "" && w.add(ev, p.Reverse, b, a) {
			pairs++
		}
		if intent != "" {
			said := ev
			said.Negated, said.Hypothetical = false, false
			if w.add(said, intent, a, b) {
				pairs++
			}
		}
	}
	switch {
	case len(tgts) == 0 && len(srcs) >= 2 && (reciprocal(p.Lemma) || mutualCode(p.Code)),
		len(srcs) == 0 && len(tgts) >= 2 && between:
		// "Russia and the United States agreed", "talks between Russia
		// and the United States": each to each other.
		xs := srcs
		if len(xs) == 0 {
			xs = tgts
		}
		for _, a := range xs {
			for _, b := range xs {
				if a != b {
					add(a, b)
				}
			}
		}
	default:
		none := [1]int32{-1} // a missing source or target
		if len(srcs) == 0 {
			srcs = none[:]
		}
		// "Syria will withdraw its troops": a target that is only the
		// source itself leaves the event without a target
		if k := 0; len(srcs) == 1 && len(tgts) > 0 {
			for _, b := range tgts {
				if !slices.Contains(srcs, b) {
					tgts[k] = b
					k++
				}
			}
			tgts = tgts[:k]
		}
		if len(tgts) == 0 {
			tgts = none[:]
		}
		for _, a := range srcs {
			for _, b := range tgts {
				add(a, b)
			}
		}
	}
}

// claimTarget returns the target of the act a claim of responsibility
// names in its "for" phrase: that act's own target, else a coded place
// the act, or the claim, is said to have happened in or at ("at a mall
// in Kenya's capital"); -1 if none.
func (w *walker) claimTarget(t int, p *Pattern, m *slotMatch) int {
	any := func(int) bool { return true }
	act := w.prepOf(t, p, m, "for", any)
	if act < 0 {
		return -1
	}
	if x := w.nounTarget(act, "nmod"); x >= 0 {
		return x
	}
	// the act, a participle of it ("an attack targeting shoppers at a
	// mall in Nairobi"), or the claim
	for _, v := range [3]int{act, w.child(act, "acl"), t} {
		for _, c := range w.children(v) {
			if d := base(w.toks[c].Deprel); d != "obl" && d != "nmod" || !w.hasCase(int(c), "in") && !w.hasCase(int(c), "at") {
				continue
			}
			if x := w.codedPlace(int(c)); x >= 0 {
				return x
			}
			for _, cc := range w.children(int(c)) {
				// "at a mall in Nairobi"
				if base(w.toks[cc].Deprel) == "nmod" && w.hasCase(int(cc), "in") {
					if x := w.codedPlace(int(cc)); x >= 0 {
						return x
					}
				}
			}
		}
	}
	return -1
}

// codedPlace returns x when it names a coded place, or the place that owns
// or names a place noun x ("Kenya's capital", "the city of Kirkuk"), or
// -1.
func (w *walker) codedPlace(x int) int {
	if w.isPlace(x) {
		return x
	}
	if w.entity(x) >= 0 || w.toks[x].UPOS != "NOUN" {
		return -1
	}
	if c := w.child(x, "nmod:poss"); c >= 0 && w.isPlace(c) {
		return c
	}
	return w.prepChild(x, "of", w.isPlace)
}

// purposeTarget returns the actor that the purpose clause ("to demand
// ...", "to protest ...") of trigger t, or of the verb whose object the
// noun trigger is, is aimed at: the clause's object naming an actor, or
// that object's target or owner, or a from/against/on phrase of the
// clause; -1 if none.
func (w *walker) purposeTarget(t int, kind Kind) int {
	v := t
	if h := w.head(t); kind == Noun && w.toks[t].Deprel == "obj" && h >= 0 && w.toks[h].UPOS == "VERB" {
		v = h
	}
	for _, c := range w.children(v) {
		if d := w.toks[c].Deprel; d != "xcomp" && d != "advcl" || w.childWith(int(c), "mark", toWords) < 0 {
			continue
		}
		if o := w.objOf(int(c), w.isPassive(int(c))); o >= 0 {
			if w.hasActor(o) {
				return o
			}
			if x := w.nounTarget(o, "nmod"); x >= 0 {
				return x
			}
			if x := w.nounOwner(o); x >= 0 {
				return x
			}
		}
		for _, prep := range [...]string{"from", "against", "on"} {
			if x := w.prepChild(int(c), prep, w.hasActor); x >= 0 {
				return x
			}
		}
	}
	return -1
}

// ccBetween reports whether a coordinating conjunction lies between
// tokens a and b.
func (w *walker) ccBetween(a, b int) bool {
	if a > b {
		a, b = b, a
	}
	for i := a + 1; i < b; i++ {
		if w.toks[i].Deprel == "cc" {
			return true
		}
	}
	return false
}

// commaBetween reports whether a comma lies between tokens a < b.
func (w *walker) commaBetween(a, b int) bool {
	for i := a + 1; i < b; i++ {
		if w.lemmas[i] == "," {
			return true
		}
	}
	return false
}

// speaker returns the subject of the verb whose complement clause holds
// verb t ("Obama said he would not attack"), or -1.
func (w *walker) speaker(t int) int {
	for depth := 0; depth < 4 && t >= 0; depth++ {
		switch w.toks[t].Deprel {
		case "xcomp", "conj":
			t = w.head(t)
		case "ccomp":
			h := w.head(t)
			return w.subjOf(h, w.isPassive(h))
		default:
			return -1
		}
	}
	return -1
}

// placeTarget reports codes whose events with no named target are aimed
// at the place where they happen: protests (14), military posture (15)
// and administrative sanctions such as curfews and states of emergency
// (172).
func placeTarget(code string) bool {
	return len(code) >= 2 && (code[:2] == "14" || code[:2] == "15") || len(code) >= 3 && code[:3] == "172"
}

// isPlace reports whether token i names a country, city or region.
func (w *walker) isPlace(i int) bool {
	e := w.entity(i)
	if e < 0 {
		return false
	}
	switch w.doc.Entities[e].Type {
	case eventwire.GPE, eventwire.Loc:
		return w.doc.Entities[e].Actor != nil
	}
	return false
}

// clauseTarget reports codes whose verbs name their target as the
// subject of a that-clause: appeals (02), demands (10), disapproval (11)
// and threats (13).
func clauseTarget(code string) bool {
	if len(code) < 2 {
		return false
	}
	switch code[:2] {
	case "02", "10", "11", "13":
		return true
	}
	return false
}

// reciprocal reports whether a verb or noun with coordinated subjects and
// no object says the subjects acted on each other ("Russia and the United
// States agreed", "Israel and Lebanon renewed negotiations").
func reciprocal(lemma string) bool {
	switch lemma {
	case "agree", "meet", "talk", "negotiate", "cooperate", "clash", "fight",
		"reconcile", "sign", "discuss", "confer", "consult",
		"meeting", "negotiation", "dialogue", "agreement", "treaty", "deal", "summit":
		return true
	}
	return false
}

// mutualCode reports codes of cooperation that coordinated actors with
// no other partner do with each other: meetings (04, but visits, which
// have a host, and mediation, which has parties), ties (050: "Brazil and
// the United States are seeking to deepen their partnership") and
// material cooperation (06). Praise, aid or offers by several actors
// ("Japan and Germany offered support") are not to each other.
func mutualCode(code string) bool {
	if len(code) < 3 {
		return false
	}
	switch code[:2] {
	case "04":
		return code[:3] != "042" && code[:3] != "043" && code[:3] != "045"
	case "06":
		return true
	}
	return code == "050"
}

// add appends an event from entity a to entity b (-1 for none) with the
// given code, unless neither has an actor code or the sentence already
// has that event; it reports whether it added one.
func (w *walker) add(ev eventwire.Event, code string, a, b int32) bool {
	ev.Source, ev.Target = w.eventActor(a), w.eventActor(b)
	if !coded(ev.Source) && !coded(ev.Target) {
		return false
	}
	c, ok := w.c.ont.Lookup(code)
	if !ok {
		return false
	}
	ev.CAMEO, ev.CAMEORoot, ev.PLOVER = c.Code, c.Root, c.PLOVER
	ev.QuadClass, ev.Goldstein = c.QuadClass, c.Goldstein
	for _, e := range w.doc.Events[w.start:] {
		if e.CAMEO == ev.CAMEO && sameActor(e.Source, ev.Source) && sameActor(e.Target, ev.Target) {
			return false
		}
	}
	w.doc.Events = append(w.doc.Events, ev)
	return true
}

func coded(a *eventwire.EventActor) bool { return a != nil && a.Actor != "" }

func sameActor(a, b *eventwire.EventActor) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Entity == b.Entity
}

func (w *walker) eventActor(e int32) *eventwire.EventActor {
	if e < 0 {
		return nil
	}
	ent := &w.doc.Entities[e]
	a := &eventwire.EventActor{Entity: ent.ID, Name: ent.Name}
	if ent.Actor != nil {
		a.Actor, a.Country, a.Sector = ent.Actor.Code, ent.Actor.Country, ent.Actor.Sector
	}
	return a
}

func (w *walker) mention(t int) eventwire.Mention {
	tok := &w.toks[t]
	return eventwire.Mention{Start: tok.Start, End: tok.End, Text: string(w.doc.Runes[tok.Start:tok.End])}
}

// children returns the dependents of token x, in text order.
func (w *walker) children(x int) []int32 {
	if x < 0 || x >= len(w.toks) {
		return nil
	}
	return w.kids[w.first[x]:w.first[x+1]]
}

// child returns the first dependent of x with relation rel, or -1.
func (w *walker) child(x int, rel string) int {
	for _, c := range w.children(x) {
		if w.toks[c].Deprel == rel {
			return int(c)
		}
	}
	return -1
}

// childWith returns the first dependent of x with relation rel whose word
// is one of words, or -1.
func (w *walker) childWith(x int, rel string, words []string) int {
	for _, c := range w.children(x) {
		if w.toks[c].Deprel == rel && w.wordIs(int(c), words) {
			return int(c)
		}
	}
	return -1
}

// wordIs reports whether token i's lemma or lowercased text is one of
// words.
func (w *walker) wordIs(i int, words []string) bool {
	tok := &w.toks[i]
	text := w.doc.Runes[tok.Start:tok.End]
	// A plural the tagger left unlemmatized ("troops") also matches.
	plural := len(text) > 3 && text[len(text)-1] == 's' && tok.UPOS == "NOUN"
	for _, x := range words {
		if w.lemmas[i] == x || equalFold(text, x) || plural && equalFold(text[:len(text)-1], x) {
			return true
		}
	}
	return false
}

// equalFold reports whether the runes, lowercased, spell s.
func equalFold(rs []rune, s string) bool {
	i := 0
	for _, r := range s {
		if i >= len(rs) || unicode.ToLower(rs[i]) != r {
			return false
		}
		i++
	}
	return i == len(rs)
}

// isPrep reports whether a slot relation is a preposition.
func isPrep(rel string) bool {
	switch rel {
	case "subj", "obj", "iobj", "prt", "xcomp", "mod":
		return false
	}
	return true
}

// base is a relation without its subtype: "obl" for "obl:tmod".
func base(rel string) string {
	if i := strings.IndexByte(rel, ':'); i >= 0 {
		return rel[:i]
	}
	return rel
}

// head returns the head of token i, or -1 for the root or a head out of
// range.
func (w *walker) head(i int) int {
	h := w.toks[i].Head
	if h < 0 || h >= len(w.toks) || h == i {
		return -1
	}
	return h
}

// headline codes a sentence in title case ("United States, Russia Agree
// to Try to Revive Syria Plan"), whose words the tagger takes for proper
// nouns and the parser cannot relate. A word outside every entity whose
// lowercased form, or that form less a verb ending ("Agrees", "Attacked",
// "Attacking"), is a verb of the dictionary with a plain pattern (no word
// or preposition it needs) is a trigger; its sources are the entities
// listed just before it ("X, Y and Z Agree"; "to", "will", modals and
// "not" may stand between), its targets those listed just after it or
// after one preposition ("Russia Attacks Ukraine", "Iran Threatens to
// Strike Israel" is two verbs). Reciprocal verbs with two or more sources
// and no target code each source to each other one. "To", "will" and the
// modals make the event hypothetical, "not" negated.
func (w *walker) headline() {
	if !w.titleCase() {
		return
	}
	for i := range w.toks {
		if e := w.entity(i); w.used[i] || e >= 0 && !w.looseWord(i, e) {
			continue
		}
		switch w.toks[i].UPOS {
		case "PROPN", "NOUN", "VERB", "ADJ", "X":
		default:
			continue
		}
		p := w.headlinePattern(i)
		if p == nil {
			continue
		}
		// The headline rule replaces what the parse gave the same word
		// ("United States, Russia Agree" parsed with one subject), unless
		// it finds nothing.
		start := w.doc.Events[w.start:]
		var parsed []eventwire.Event
		kept := start[:0]
		for _, e := range start {
			if e.Trigger.Start == w.toks[i].Start {
				parsed = append(parsed, e)
			} else {
				kept = append(kept, e)
			}
		}
		w.doc.Events = w.doc.Events[:w.start+len(kept)]
		n := len(w.doc.Events)
		w.headlineEvent(i, p)
		if len(w.doc.Events) == n {
			w.doc.Events = append(w.doc.Events, parsed...)
		}
	}
}

// looseWord reports whether headline word i, in entity e, may still be
// a verb: a capitalized word the entity recognizer took for a name of
// its own ("Agree"), one token long and with no actor code.
func (w *walker) looseWord(i int, e int32) bool {
	if w.doc.Entities[e].Actor != nil {
		return false
	}
	return (i == 0 || w.entity(i-1) != e) && (i+1 >= len(w.toks) || w.entity(i+1) != e)
}

// titleCase reports whether the current sentence is a headline in title
// case: no full stop, and at least three words of four letters or more,
// at least four in five of them capitalized.
func (w *walker) titleCase() bool {
	if w.fullStop() {
		return false
	}
	words, caps := 0, 0
	for i := range w.toks {
		tok := &w.toks[i]
		if tok.End-tok.Start < 4 {
			continue
		}
		r := w.doc.Runes[tok.Start]
		if !unicode.IsLetter(r) {
			continue
		}
		words++
		if unicode.IsUpper(r) {
			caps++
		}
	}
	return words >= 3 && caps*5 >= words*4
}

// headlinePattern returns the plain verb pattern of headline word i, or
// nil.
func (w *walker) headlinePattern(i int) *Pattern {
	tok := &w.toks[i]
	next := func(words []string) bool {
		// "France and Germany Sign Defence Pact": the object's word
		// among the next three
		for j := i + 1; j < len(w.toks) && j <= i+3; j++ {
			if w.entity(j) < 0 && w.wordIs(j, words) {
				return true
			}
		}
		return false
	}
	return w.c.headlineVerb(strings.ToLower(string(w.doc.Runes[tok.Start:tok.End])), next)
}

// headlineVerb returns the plain verb pattern of a lowercased headline
// word ("agree", "attacks", "attacked"), or nil; a pattern whose object
// must be one of some words also does when next, if not nil, finds one.
func (c *Coder) headlineVerb(form string, next func([]string) bool) *Pattern {
	try := func(l string) *Pattern {
		ps := c.dict.Verb(l)
		for k := range ps {
			if plainPattern(&ps[k], next) {
				if ps[k].Code == "" && ps[k].Reverse == "" {
					return nil
				}
				return &ps[k]
			}
		}
		return nil
	}
	if p := try(form); p != nil {
		return p
	}
	for _, end := range [...]string{"s", "es", "ed", "d", "ing"} {
		stem, ok := strings.CutSuffix(form, end)
		if !ok || len(stem) < 3 {
			continue
		}
		if p := try(stem); p != nil {
			return p
		}
		if end == "ing" || end == "ed" {
			if p := try(stem + "e"); p != nil { // "Voting", "Agreed"
				return p
			}
			if n := len(stem); n >= 4 && stem[n-1] == stem[n-2] {
				if p := try(stem[:n-1]); p != nil { // "Grabbed"
					return p
				}
			}
		}
	}
	return nil
}

// plainPattern reports whether a pattern needs nothing but its trigger,
// a subject and an object.
func plainPattern(p *Pattern, next func([]string) bool) bool {
	if p.Kind != Verb || (p.Source != "" && p.Source != "subj") || (p.Target != "" && p.Target != "obj") {
		return false
	}
	for _, s := range p.Slots {
		switch {
		case s.Rel == "obj" && s.Words != nil:
			if next == nil || !next(s.Words) {
				return false
			}
		case s.Words != nil || (s.Rel != "subj" && s.Rel != "obj"):
			return false
		}
	}
	return true
}

// headlineEvent codes headline trigger i with pattern p.
func (w *walker) headlineEvent(i int, p *Pattern) {
	neg, hyp := false, false
	j := i - 1
	for ; j >= 0; j-- {
		switch strings.ToLower(string(w.doc.Runes[w.toks[j].Start:w.toks[j].End])) {
		case "to", "will", "would", "may", "might", "could", "'ll", "wo":
			hyp = true
			continue
		case "not", "n't", "never":
			neg = true
			continue
		}
		break
	}
	w.actors = w.headlineList(j, -1, w.actors[:0])
	k := i + 1
	if k < len(w.toks) && w.toks[k].UPOS == "ADP" {
		k++
	}
	if k < len(w.toks) && w.entity(k) >= 0 {
		w.targets = w.headlineList(k, 1, w.targets[:0])
	} else {
		w.targets = w.targets[:0]
	}
	if len(w.actors) == 0 && len(w.targets) == 0 {
		return
	}
	for _, s := range p.Slots {
		if s.Rel == "obj" && s.Words == nil && len(w.targets) == 0 || s.Rel == "subj" && len(w.actors) == 0 {
			return
		}
	}
	ev := eventwire.Event{
		Negated:      neg,
		Hypothetical: hyp,
		Trigger:      w.mention(i),
		Sentence:     eventwire.Span{Start: w.doc.Sentences[w.si].Start, End: w.doc.Sentences[w.si].End},
	}
	add := func(a, b int32) {
		if a >= 0 && a == b {
			return
		}
		if p.Code != "" {
			w.add(ev, p.Code, a, b)
		}
		if p.Reverse != "" {
			w.add(ev, p.Reverse, b, a)
		}
	}
	srcs, tgts := w.actors, w.targets
	if len(tgts) == 0 && len(srcs) >= 2 && reciprocal(p.Lemma) {
		for _, a := range srcs {
			for _, b := range srcs {
				if a != b {
					add(a, b)
				}
			}
		}
		return
	}
	none := [1]int32{-1}
	if len(srcs) == 0 {
		srcs = none[:]
	}
	if len(tgts) == 0 {
		tgts = none[:]
	}
	for _, a := range srcs {
		for _, b := range tgts {
			add(a, b)
		}
	}
}

// headlineList appends the entities of the list of names that starts at
// token j and runs in direction dir (-1 leftwards, 1 rightwards):
// entity tokens, commas, "and" and "&".
func (w *walker) headlineList(j, dir int, dst []int32) []int32 {
	for ; j >= 0 && j < len(w.toks); j += dir {
		if e := w.entity(j); e >= 0 {
			dst = addUnique(dst, e)
			continue
		}
		switch w.lemmas[j] {
		case ",", "and", "&":
			continue
		}
		break
	}
	return dst
}

// headlineTriggers reports whether a tagged sentence is a headline in
// title case with a word that the headline rule may take for a verb
// ("Russia Attacks Ukraine"): such a sentence must be parsed (the coder
// skips unparsed ones) although its tagger found no verb in it.
func (c *Coder) headlineTriggers(s *eventwire.Sentence) bool {
	n := len(s.Tokens)
	if n == 0 || s.Tokens[n-1].Lemma == "." {
		return false
	}
	words, caps := 0, 0
	for i := range s.Tokens {
		l := s.Tokens[i].Lemma
		if len(l) < 4 || !unicode.IsLetter(rune(l[0])) {
			continue
		}
		words++
		if unicode.IsUpper(rune(l[0])) || s.Tokens[i].UPOS == "PROPN" {
			caps++
		}
	}
	if words < 3 || caps*5 < words*4 {
		return false
	}
	for i := range s.Tokens {
		if c.headlineVerb(strings.ToLower(s.Tokens[i].Lemma), nil) != nil {
			return true
		}
	}
	return false
}

// quoteSpeaker returns the entity that speaks the quotation holding
// first-person pronoun i ("I", "we"), or -1.
func (w *walker) quoteSpeaker(i int) int32 {
	switch w.lemmas[i] {
	case "i", "we", "me", "us":
	default:
		return -1
	}
	off := w.toks[i].Start
	for qi := range w.doc.Quotes {
		q := &w.doc.Quotes[qi]
		if q.Speaker == nil || q.Speaker.Entity == "" || off < q.Start || off >= q.End {
			continue
		}
		inside := len(q.Spans) == 0
		for _, sp := range q.Spans {
			inside = inside || off >= sp.Start && off < sp.End
		}
		if !inside {
			continue
		}
		for ei := range w.doc.Entities {
			if w.doc.Entities[ei].ID == q.Speaker.Entity {
				return int32(ei)
			}
		}
	}
	return -1
}

// quoted reports whether sentence si lies in a quotation whose speaker is
// an entity: its "I" and "we" name that speaker, so it may hold events
// though it names no entity itself.
func (w *walker) quoted(si int) bool {
	s := &w.doc.Sentences[si]
	for qi := range w.doc.Quotes {
		q := &w.doc.Quotes[qi]
		if q.Speaker != nil && q.Speaker.Entity != "" && s.Start < q.End && q.Start < s.End {
			return true
		}
	}
	return false
}

// afterTriggers runs, once every trigger of the sentence is coded, the
// rules that read several events together, and the headline rule.
func (w *walker) afterTriggers() {
	for i := range w.toks {
		// "but disagrees with Washington" tagged as a plural noun: a
		// word in a verb's place whose lemma is a verb of the dictionary
		// and no noun of it
		if w.toks[i].UPOS == "NOUN" && w.toks[i].XPOS == "NNS" && !w.used[i] && w.verbPlace(i) && len(w.c.dict.Noun(w.lemmas[i])) == 0 {
			w.trigger(i, w.c.dict.Verb(w.lemmas[i]))
		}
	}
	w.headline()
	w.obligations()
	w.refineAppeals()
	w.claims()
}

// obligations codes what a speaker says another actor must or should do,
// in a clause under a reporting verb, as an appeal (should, ought to, need to: 020) or a demand (must, have
// to: 100) from the speaker to that actor: "Russia said that Sudan must
// return the helicopter", "the forum concluded that the US should
// allocate more resources". refineAppeals then gives it the code of the
// act asked for when that is coded. An actor saying what it must do
// itself ("Russia said it must act") asks nothing of anyone.
func (w *walker) obligations() {
	for c := range w.toks {
		if w.toks[c].UPOS != "VERB" {
			continue
		}
		// the reporting verb: the first verb above the clause ("said
		// that the alliance needed to", also when the parser hung the
		// clause elsewhere below it)
		h := w.head(c)
		for depth := 0; depth < 4 && h >= 0 && w.toks[h].UPOS != "VERB"; depth++ {
			h = w.head(h)
		}
		if h < 0 || !reportVerb(w.lemmas[h]) || w.toks[h].UPOS != "VERB" {
			continue
		}
		code, act, perfect := "", c, false
		for _, a := range w.children(c) {
			if w.toks[a].Deprel != "aux" {
				continue
			}
			switch w.lemmas[a] {
			case "must":
				code = "100"
			case "should", "ought":
				code = "020"
			case "have":
				perfect = true
			}
		}
		if perfect {
			// "should have withdrawn the comment": a reproach for the
			// past, not a request
			continue
		}
		if x := w.child(c, "xcomp"); code == "" && x >= 0 {
			switch w.lemmas[c] {
			case "need":
				code, act = "020", x
			case "have":
				code, act = "100", x
			}
		}
		subj := w.child(c, "nsubj")
		if subj < 0 && w.toks[c].Deprel == "acl" {
			// "the alliance needed to consider" parsed as a participle
			// of its subject
			subj = w.head(c)
		}
		if code == "" || subj < 0 {
			continue
		}
		w.targets = w.actorsOf(subj, w.targets[:0])
		w.actors = w.actorsOf(w.subjOf(h, w.isPassive(h)), w.actors[:0])
		if len(w.targets) == 0 || len(w.actors) == 0 {
			continue
		}
		neg, hyp := w.modality(h)
		ev := eventwire.Event{
			Negated:      neg,
			Hypothetical: hyp,
			Trigger:      w.mention(act),
			Sentence:     eventwire.Span{Start: w.doc.Sentences[w.si].Start, End: w.doc.Sentences[w.si].End},
		}
		// the act asked for, if coded, refines the code
		for _, e := range w.doc.Events[w.start:] {
			if e.Trigger.Start == w.toks[act].Start {
				table := appealCodes
				if code == "100" {
					table = demandCodes
				}
				if r := lookupCode(table, e.CAMEO); r != "" {
					code = r
				}
				break
			}
		}
		for _, a := range w.actors {
			if slices.Contains(w.targets, a) {
				continue
			}
			for _, b := range w.targets {
				w.add(ev, code, a, b)
			}
		}
	}
}

// reportVerb reports verbs that state what their that-clause says.
func reportVerb(l string) bool {
	switch l {
	case "say", "state", "conclude", "insist", "stress", "argue", "add", "declare",
		"assert", "maintain", "emphasize", "emphasise", "reiterate", "repeat", "write", "tell":
		return true
	}
	return false
}

// refineAppeals gives an unspecified appeal, demand, offer or threat
// (020, 100, 030, 130) the code of what it asks, offers or threatens,
// when that is its infinitive or that-clause coded in the same sentence:
// "asked Obama to help Iran" (070) is an appeal for aid, 023;
// "demanded that Japan withdraw its troops" (087) a demand for
// de-escalation, 1056; "threatened to expel the diplomats" (166) a threat
// to halt involvement, 136.
func (w *walker) refineAppeals() {
	evs := w.doc.Events[w.start:]
	for i := range evs {
		e := &evs[i]
		var table map[string]string
		switch e.CAMEO {
		case "020":
			table = appealCodes
		case "100":
			table = demandCodes
		case "030", "130":
			table = intentCodes
		default:
			if e.Target != nil || e.CAMEORoot != "03" && e.CAMEORoot != "13" {
				continue
			}
			// a specific offer or threat ("threatened to impose
			// restrictions", 1312) may still take its act's targets
		}
		t := w.triggerToken(e.Trigger.Start)
		if t < 0 {
			continue
		}
		for j := range evs {
			x := w.triggerToken(evs[j].Trigger.Start)
			if x < 0 || w.head(x) != t {
				continue
			}
			if d := w.toks[x].Deprel; d != "xcomp" && d != "ccomp" && (d != "advcl" || w.childWith(x, "mark", toWords) < 0) {
				// ("agreed in principle on Saturday to provide" parsed
				// as an adverbial clause)
				continue
			}
			code := e.CAMEO
			if table != nil {
				code = lookupCode(table, evs[j].CAMEO)
			}
			if code == "" || code[:2] != e.CAMEO[:2] {
				// an offer to attack is no intent to cooperate
				continue
			}
			if c, ok := w.c.ont.Lookup(code); ok {
				e.CAMEO, e.CAMEORoot, e.PLOVER = c.Code, c.Root, c.PLOVER
				e.QuadClass, e.Goldstein = c.QuadClass, c.Goldstein
			}
			if e.Target == nil && (e.CAMEORoot == "03" || e.CAMEORoot == "13") {
				// "threatened to impose restrictions against German
				// goods", "agreed to provide aid for Romania and
				// Poland": what is offered or threatened names the
				// target, each of its targets an event
				w.intentTargets(i, evs[j].Trigger.Start)
				evs = w.doc.Events[w.start:]
			}
			break
		}
	}
}

// intentTargets gives event i of the sentence (an offer or threat with
// no target) the targets of the events whose trigger starts at off, one
// event each.
func (w *walker) intentTargets(i, off int) {
	first := true
	n := len(w.doc.Events)
	for j := w.start; j < n; j++ {
		a := &w.doc.Events[j]
		if a.Trigger.Start != off || a.Target == nil {
			continue
		}
		e := &w.doc.Events[w.start+i]
		if e.Source != nil && e.Source.Entity == a.Target.Entity {
			continue
		}
		if first {
			e.Target = a.Target
			first = false
			continue
		}
		dup := *e
		dup.Target = a.Target
		w.doc.Events = append(w.doc.Events, dup)
	}
}

// lookupCode returns the code table gives code, its three-digit parent or
// its root, or "".
func lookupCode(table map[string]string, code string) string {
	if len(code) < 2 {
		return ""
	}
	if c, ok := table[code]; ok {
		return c
	}
	if len(code) > 3 {
		if c, ok := table[code[:3]]; ok {
			return c
		}
	}
	return table[code[:2]]
}

// appealCodes and demandCodes map cooperative action codes (exact,
// parent, root) to the appeals (02) and demands (10) that ask for them.
var (
	appealCodes = map[string]string{
		"04": "026", "045": "028", "05": "022",
		"06": "021", "061": "0211", "062": "0212", "063": "0213", "064": "0214",
		"07": "023", "071": "0231", "072": "0232", "073": "0233", "074": "0234",
		"08": "025", "081": "0251", "082": "0252", "083": "024", "0831": "0241",
		"0832": "0242", "0833": "0243", "0834": "0244", "084": "0253",
		"085": "0254", "086": "0255", "087": "0256",
	}
	demandCodes = map[string]string{
		"04": "106", "045": "108", "05": "102",
		"06": "101", "061": "1011", "062": "1012", "063": "1013", "064": "1014",
		"07": "103", "071": "1031", "072": "1032", "073": "1033", "074": "1034",
		"08": "105", "081": "1051", "082": "1052", "083": "104", "0831": "1041",
		"0832": "1042", "0833": "1043", "0834": "1044", "084": "1053",
		"085": "1054", "086": "1055", "087": "1056",
	}
)

// claims codes what a claim says of a conflictual act (16 to 20) in its
// that-clause: another actor's act is an accusation, 112, of that actor
// ("The US claimed that ISIL had attacked Iraq"); the claimant's own act
// is a claim of responsibility, 015, towards its target ("claimed that
// they had attacked Iraq").
func (w *walker) claims() {
	n := len(w.doc.Events)
	for i := w.start; i < n; i++ {
		a := w.doc.Events[i]
		if a.Source == nil || a.Negated || a.CAMEORoot < "16" || a.CAMEORoot > "20" {
			continue
		}
		x := w.triggerToken(a.Trigger.Start)
		for x >= 0 && w.toks[x].Deprel == "conj" {
			x = w.head(x)
		}
		if x < 0 || w.toks[x].Deprel != "ccomp" {
			continue
		}
		h := w.head(x)
		if h < 0 || !claimVerb(w.lemmas[h]) {
			continue
		}
		w.actors = w.actorsOf(w.subjOf(h, w.isPassive(h)), w.actors[:0])
		src, tgt := w.entityByID(a.Source.Entity), int32(-1)
		if a.Target != nil {
			tgt = w.entityByID(a.Target.Entity)
		}
		neg, hyp := w.modality(h)
		ev := eventwire.Event{Negated: neg, Hypothetical: hyp, Trigger: w.mention(h), Sentence: a.Sentence}
		for _, c := range w.actors {
			if c == src {
				w.add(ev, "015", c, tgt)
			} else {
				w.add(ev, "112", c, src)
			}
		}
	}
}

// claimVerb reports verbs whose that-clause is a contested claim.
func claimVerb(l string) bool {
	switch l {
	case "claim", "allege", "charge", "assert", "contend", "insist", "maintain":
		return true
	}
	return false
}

// triggerToken returns the token of the current sentence starting at offset
// off, or -1.
func (w *walker) triggerToken(off int) int {
	for i := range w.toks {
		if w.toks[i].Start == off {
			return i
		}
	}
	return -1
}

// entityByID returns the index in doc.Entities of the entity with the
// given ID, or -1.
func (w *walker) entityByID(id string) int32 {
	for i := range w.doc.Entities {
		if w.doc.Entities[i].ID == id {
			return int32(i)
		}
	}
	return -1
}

// isTime reports whether token i is a day or month name, a bare time
// phrase that is never an object.
func (w *walker) isTime(i int) bool {
	switch w.lemmas[i] {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"january", "february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december", "today", "yesterday", "tomorrow":
		return true
	}
	return false
}

// participateVerb reports verbs whose "in" phrase names an act their
// subject takes part in.
func participateVerb(l string) bool {
	switch l {
	case "engage", "involve", "participate", "take", "join", "implicate":
		return true
	}
	return false
}

// verbPlace reports whether noun i sits where a verb would: coordinated
// with a verb, or with a subject or a clause of its own.
func (w *walker) verbPlace(i int) bool {
	if h := w.head(i); h >= 0 && w.toks[i].Deprel == "conj" && w.toks[h].UPOS == "VERB" {
		return true
	}
	return w.child(i, "nsubj") >= 0 || w.child(i, "ccomp") >= 0
}

// authorVerb reports participles whose agent authors the noun they
// modify: "staged by students", "made by Rwanda".
func authorVerb(l string) bool {
	switch l {
	case "stage", "organize", "organise", "hold", "launch", "make", "issue", "lead",
		"carry", "commit", "mount", "conduct", "propose", "put", "submit", "file",
		"present", "level", "draft", "call", "announce", "perpetrate":
		return true
	}
	return false
}

var toWords = []string{"to"}

// motionVerb reports verbs that send or take someone somewhere, whose
// infinitive of purpose happens there.
func motionVerb(l string) bool {
	switch l {
	case "send", "dispatch", "deploy", "travel", "go", "come", "fly", "arrive", "return", "head", "move":
		return true
	}
	return false
}

var forWords = []string{"for"}
