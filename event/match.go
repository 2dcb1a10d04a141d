package event

import (
	"slices"
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
	passive := ps[0].Kind == Verb && w.isPassive(t)
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
			// part of this event, not one of its own.
			if m[k] >= 0 && p.Slots[k].Words != nil {
				w.used[m[k]] = true
			}
		}
		if p.Code != "" || p.Reverse != "" {
			w.emit(t, p, passive, &m)
		}
		return
	}
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
				return w.wordIs(i, s.Words)
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
		return -1
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
		case "xcomp":
			if o := w.child(h, "obj"); o >= 0 {
				return o
			}
			if o := w.child(h, "nsubj:pass"); o >= 0 {
				return o
			}
		case "conj", "advcl":
			if w.isPassive(h) {
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

// objOf returns the token that undergoes t's action: the object, or the
// subject of a passive.
func (w *walker) objOf(t int, passive bool) int {
	if !passive {
		if o := w.child(t, "obj"); o >= 0 {
			return w.relative(t, o)
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
	if w.toks[t].Deprel == "acl" {
		return w.head(t)
	}
	return -1
}

// relative replaces a relative pronoun dependent d of a relative clause
// t ("the rebels who attacked") with the noun the clause modifies.
func (w *walker) relative(t, d int) int {
	if w.toks[t].Deprel == "acl:relcl" && w.toks[d].UPOS == "PRON" {
		switch w.lemmas[d] {
		case "who", "which", "that", "whom":
			return w.head(t)
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
		}
	}
	return -1
}

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
	return -1
}

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
		"intensify", "escalate", "renew", "finalize", "finalise", "complete":
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
			if tgtTok < 0 && m[k] >= 0 && p.Slots[k].Words != nil && (p.Slots[k].Rel == "obj" || isPrep(p.Slots[k].Rel)) {
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
		if x := w.nounTarget(tgtTok, "nmod"); x >= 0 {
			tgtTok = x
		} else if x := w.nounOwner(tgtTok); x >= 0 {
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
	if tgtTok < 0 && placeTarget(p.Code) {
		// "staged a protest in Beijing", "held exercises in Alaska":
		// protests and shows of force are aimed at where they happen
		tgtTok = w.prepChild(t, "in", w.isPlace)
		if o := w.child(t, "obj"); tgtTok < 0 && o >= 0 && p.Kind == Verb {
			tgtTok = w.prepChild(o, "in", w.isPlace)
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
	srcs, tgts := w.actors, w.targets
	neg, hyp := w.modality(t)
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
	}
	switch {
	case len(tgts) == 0 && len(srcs) >= 2 && reciprocal(p.Lemma),
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
// at the place where they happen: protests (14) and military posture
// (15).
func placeTarget(code string) bool {
	return len(code) >= 2 && (code[:2] == "14" || code[:2] == "15")
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
