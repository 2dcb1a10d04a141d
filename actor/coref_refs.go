package actor

import (
	"slices"
	"strings"

	"github.com/eventwire/eventwire"
)

// Windows, in sentences before the one of the reference, where antecedents
// are looked for.
const (
	personWindow  = 3  // he, she
	thingWindow   = 1  // it, they: nearer, or unresolved
	titleWindow   = 30 // "the minister"
	groupWindow   = 10 // "the rebels", "the alliance"
	countryWindow = 3  // "the country"
)

// findReferences adds the pronouns and definite descriptions of the
// article as unresolved mentions, and puts every mention in text order.
func (r *resolver) findReferences() {
	nouns := make(map[string]bool)
	for _, e := range r.ents {
		for _, n := range e.nouns {
			nouns[n] = true
		}
	}
	for s, ws := range r.words {
		toks, parsed := r.doc.Sentences[s].Tokens, r.doc.Sentences[s].Parsed
		for i := 0; i < len(ws); i++ {
			if r.taken[s][i] {
				continue
			}
			if k, ok := pronouns[ws[i]]; ok {
				if k == refIt && r.pleonastic(s, i) {
					continue
				}
				r.addMention(mention{sent: s, start: i, end: i + 1, kind: eventwire.MentionPronoun, ent: -1, ref: k})
				continue
			}
			if isPossessive(ws[i]) {
				if m, ok := r.possessed(s, i); ok {
					m.plural = r.pluralHead(&m)
					for j := i + 1; j < m.end; j++ {
						r.taken[s][j] = true
					}
					r.addMention(m)
					i = m.end - 1
				}
				continue
			}
			if ws[i] == "the" || ws[i] == "The" {
				if m, ok := r.description(s, i, nouns); ok {
					m.plural = r.pluralHead(&m)
					for j := m.start; j < m.end; j++ {
						r.taken[s][j] = true
					}
					r.addMention(m)
					i = m.end - 1
				}
				continue
			}
			if u := toks[i].UPOS; u != "NOUN" && u != "ADJ" || !parsed {
				continue
			}
			if m, ok := r.barePlural(s, i); ok {
				m.plural = r.pluralHead(&m)
				for j := m.start; j < m.end; j++ {
					r.taken[s][j] = true
				}
				r.addMention(m)
				i = m.end - 1
			}
		}
	}
	sortByPosition(r.mentions)
}

// pluralHead reports whether the last word of mention m is a plural
// noun.
func (r *resolver) pluralHead(m *mention) bool {
	x := r.doc.Sentences[m.sent].Tokens[m.end-1].XPOS
	return x == "NNS" || x == "NNPS"
}

// barePlural reads a group named by a plural role noun without an
// article that is the subject or object of its clause, or the agent of a
// passive: "Insurgents bombarded the city", "police arrested two men",
// "pressured by lawmakers". It is a description
// like "the insurgents", resolved in the same way. The sentence must be
// parsed.
func (r *resolver) barePlural(s, i int) (mention, bool) {
	sent := &r.doc.Sentences[s]
	ws := r.words[s]
	m := mention{sent: s, start: i, kind: eventwire.MentionNominal, ent: -1, ref: refGroup, bare: true}
	if !sent.Parsed || i > 0 && (isDeterminer(ws[i-1]) || ws[i-1] == "The" || ws[i-1] == "A" || ws[i-1] == "An") {
		return m, false
	}
	// Cheap tests before the role table: a noun or adjective that
	// starts a phrase whose head, a few words on, is a subject, object
	// or oblique noun.
	if u := sent.Tokens[i].UPOS; u != "NOUN" && u != "ADJ" {
		return m, false
	}
	head := false
	for j := i; j < min(i+4, len(ws)) && !head; j++ {
		switch sent.Tokens[j].Deprel {
		case "nsubj", "nsubj:pass", "obj", "obl", "obl:agent":
			head = sent.Tokens[j].UPOS == "NOUN"
		}
	}
	if !head {
		return m, false
	}
	n, role, ok := r.c.Role(ws, i)
	if !ok || role.Person || role.Sector == "" {
		return m, false
	}
	end := i + n
	for j := i; j < end; j++ {
		if r.taken[s][j] {
			return m, false
		}
	}
	toks := sent.Tokens
	if i > 0 {
		switch {
		case r.taken[s][i-1] || toks[i-1].UPOS == "PROPN":
			return m, false // "Red Cross officials", "EC foreign ministers": the name's people
		case toks[i-1].UPOS == "DET" || toks[i-1].UPOS == "NUM" || toks[i-1].UPOS == "PRON" || isPossessive(ws[i-1]):
			return m, false // "the two governments", "his government"
		}
	}
	last := &toks[end-1]
	if last.XPOS != "NNS" && last.XPOS != "NN" || end < len(ws) && toks[end].UPOS == "NOUN" {
		return m, false // "police station": a modifier
	}
	switch last.Deprel {
	case "nsubj", "nsubj:pass", "obj":
	case "obl", "obl:agent":
		// The agent of a passive: "was pressured by congress".
		if i == 0 || !strings.EqualFold(ws[i-1], "by") {
			return m, false
		}
	default:
		return m, false
	}
	// The noun's own dependents: none may be a determiner, a possessive,
	// a number or a name ("the military government", "his government",
	// "two governments", "European Community foreign ministers").
	for j := max(0, i-6); j < i; j++ {
		if toks[j].Head != end-1 {
			continue
		}
		switch d := toks[j].Deprel; {
		case r.taken[s][j], toks[j].UPOS == "PROPN", d == "det", d == "nmod:poss", d == "nummod":
			return m, false
		}
	}
	m.end, m.role, m.noun = end, role, strings.ToLower(ws[end-1])
	return m, true
}

// description reads a definite description that starts with "the" at
// token i of sentence s: "the minister", "the Syrian leader", "the
// rebels", "the alliance" (when an organisation of the article is called
// so), "the country".
func (r *resolver) description(s, i int, orgNouns map[string]bool) (mention, bool) {
	ws := r.words[s]
	toks := r.doc.Sentences[s].Tokens
	m := mention{sent: s, start: i, kind: eventwire.MentionNominal, ent: -1}
	k := i + 1
	if k >= len(ws) {
		return m, false
	}
	if n, p := r.place(ws, k); n > 0 && (p.kind == placeDemonym || p.kind == placeCountry) && k+n < len(ws) {
		m.country = p.iso3
		k += n
	}
	if k >= len(ws) || r.taken[s][k] {
		return m, false
	}
	if n, role, ok := r.c.Role(ws, k); ok {
		m.end, m.role, m.noun = k+n, role, strings.ToLower(ws[k+n-1])
		m.ref = refGroup
		if role.Person {
			m.ref = refTitle
		}
		if m.end+1 < len(ws) && ws[m.end] == "of" && m.country == "" {
			// "the president of Armenia", "the government of Sindh
			// province" (a region's government is its country's).
			if n, p := r.place(ws, m.end+1); n > 0 && p.kind != noPlace && p.kind != placeSeat && p.kind != placeDemonym {
				m.country = p.iso3
				m.end += 1 + n
			}
		}
	} else {
		w := lowerASCII(ws[k])
		switch {
		case orgNouns[w]:
			m.ref, m.noun, m.end = refOrg, w, k+1
		case (w == "country" || w == "nation") && m.country == "":
			m.ref, m.noun, m.end = refCountry, w, k+1
		default:
			return m, false
		}
	}
	if e := m.end; e+1 < len(ws) && ws[e] == "of" && isCapitalised(ws[e-1]) && isCapitalised(ws[e+1]) {
		return m, false // "the Bank of Tokyo": a name
	}
	if e := m.end; e < len(ws) {
		// "the minister Sergei Lavrov", "the foreign minister, Sergei
		// Lavrov": a title, not a reference; "the alliance headquarters":
		// a modifier.
		if r.taken[s][e] || e+1 < len(ws) && ws[e] == "," && r.taken[s][e+1] && isCapitalised(ws[e+1]) {
			return m, false
		}
		if u := toks[e].UPOS; u == "NOUN" || u == "PROPN" || u == "NUM" {
			return m, false
		}
	}
	return m, true
}

// possessed reads a description that a country or capital owns, its
// possessive ending at token i of sentence s: "Montenegro's prime
// minister", "Cairo's security chief", "Syria's government".
func (r *resolver) possessed(s, i int) (mention, bool) {
	ws := r.words[s]
	toks := r.doc.Sentences[s].Tokens
	m := mention{sent: s, kind: eventwire.MentionNominal, ent: -1}
	for q := max(0, i-3); q < i; q++ {
		if n, p := r.place(ws, q); q+n == i && (p.kind == placeCountry || p.kind == placeCapital) {
			m.start, m.country = q, p.iso3
			break
		}
	}
	if m.country == "" || i+1 >= len(ws) || r.taken[s][i+1] {
		return m, false
	}
	k := i + 1
	n, role, ok := r.c.Role(ws, k) // "Iraq's national security adviser"
	if !ok {
		// "Romania's new government".
		for k < len(ws) && k < i+3 && toks[k].UPOS == "ADJ" && !isCapitalised(ws[k]) {
			k++
		}
		if k >= len(ws) || r.taken[s][k] {
			return m, false
		}
		if n, role, ok = r.c.Role(ws, k); !ok {
			return m, false
		}
	}
	for j := k; j < k+n; j++ {
		if r.taken[s][j] {
			return m, false
		}
	}
	m.end, m.role, m.noun = k+n, role, strings.ToLower(ws[k+n-1])
	if e := m.end; e < len(ws) && (r.taken[s][e] || role.Person && toks[e].UPOS == "PROPN") {
		return m, false // "Russia's foreign minister Sergei Lavrov": a title
	}
	m.ref = refGroup
	if role.Person {
		m.ref = refTitle
	}
	return m, true
}

// pleonastic reports whether "it" at token i of sentence s is an empty
// subject: "it is difficult to", "it seems that".
func (r *resolver) pleonastic(s, i int) bool {
	sent := &r.doc.Sentences[s]
	toks := sent.Tokens
	if sent.Parsed && toks[i].Deprel == "expl" {
		return true
	}
	ws := r.words[s]
	j := i + 1
	for j < len(ws) && j < i+3 && modals[lowerASCII(ws[j])] {
		j++
	}
	if j >= len(ws) {
		return false
	}
	switch lowerASCII(ws[j]) {
	case "seems", "seemed", "seem", "appears", "appeared", "appear", "emerged", "remains", "remained", "takes", "took":
		return true
	case "is", "was", "'s", "’s", "be", "been", "becomes", "became", "isn't", "wasn't":
	default:
		return false
	}
	j++
	for j < len(ws) && j < i+6 && (ws[j] == "not" || ws[j] == "n't" || toks[j].UPOS == "ADV" || toks[j].UPOS == "AUX") {
		j++
	}
	if j >= len(ws) {
		return false
	}
	switch {
	case toks[j].UPOS == "ADJ" || toks[j].UPOS == "VERB" && toks[j].XPOS == "VBN":
		// "it is clear that", "it was agreed to"
		for k := j + 1; k < len(ws) && k < j+4; k++ {
			switch lowerASCII(ws[k]) {
			case "to", "that", "whether", "if", "how", "why", "what", "when":
				return true
			}
		}
	case lowerASCII(ws[j]) == "as" && j+1 < len(ws) && (ws[j+1] == "if" || ws[j+1] == "though"):
		return true // "it was as if"
	case toks[j].UPOS == "DET":
		// "it was the first time", "it is a shame that", "it was the
		// troops who": a cleft or an extraposed clause.
		for k := j + 1; k < len(ws) && k < j+6; k++ {
			switch lowerASCII(ws[k]) {
			case "time", "who", "that", "to":
				return true
			case ",", ".", ";":
				return false
			}
		}
	}
	return false
}

var modals = map[string]bool{
	"will": true, "would": true, "may": true, "might": true, "could": true, "should": true, "must": true,
	"can": true, "has": true, "had": true, "have": true, "also": true, "still": true, "now": true, "not": true,
}

// resolveReferences resolves pronouns and descriptions in text order, those
// outside quotations first, so that a quotation's speaker is known when
// the pronouns inside it are resolved.
func (r *resolver) resolveReferences() {
	var score []float64
	for pass := 0; pass < 2; pass++ {
		for i := range r.mentions {
			m := &r.mentions[i]
			if m.ref == refNone || m.quoted != (pass == 1) {
				continue
			}
			switch m.ref {
			case refHe, refShe, refIt, refThey:
				if len(score) < len(r.ents) {
					score = make([]float64, len(r.ents)+8)
				}
				r.resolvePronoun(i, score)
			default:
				r.resolveDescription(i)
			}
		}
	}
}

// resolvePronoun resolves the pronoun of mention i to the most salient
// compatible entity of the last few sentences, in the manner of Lappin and
// Leass (1994): every earlier mention of an entity adds its weight, halved
// for each sentence boundary in between.
func (r *resolver) resolvePronoun(i int, score []float64) {
	p := &r.mentions[i]
	window := personWindow
	if p.ref == refIt || p.ref == refThey {
		window = thingWindow
		if p.quoted {
			// In a quotation "it" and "they" are most often a
			// situation or people; only an antecedent in the same
			// sentence is trusted.
			window = 0
		}
	}
	speaker := -1
	if p.quoted {
		speaker = r.speaker(p.sent)
	}
	speaking := !p.quoted && p.subject && r.speechHead(p)
	refl := strings.HasSuffix(r.words[p.sent][p.start], "self") || strings.HasSuffix(r.words[p.sent][p.start], "selves")
	toks := r.doc.Sentences[p.sent].Tokens
	// The verbs whose subject an object pronoun cannot be: its own, and
	// those that control its subject ("Blair looks forward to working
	// with him": him is not Blair).
	bound := -1 // the entity that an object pronoun cannot be
	if r.doc.Sentences[p.sent].Parsed && !refl {
		switch toks[p.head].Deprel {
		case "obj", "iobj", "obl":
			clause := r.controllers(p.sent, toks[p.head].Head)
			for j := i - 1; j >= 0 && r.mentions[j].sent == p.sent; j-- {
				if m := &r.mentions[j]; m.subject && m.ent >= 0 && slices.Contains(clause, toks[m.head].Head) {
					bound = m.ent
					break
				}
			}
		}
	}
	var touched []int // entities in order of their latest mention
	at := make(map[int]int, 4)
	for j := i - 1; j >= 0; j-- {
		m := &r.mentions[j]
		if m.sent < p.sent-window {
			break
		}
		if m.ent < 0 || m.ent == speaker {
			continue
		}
		if speaking && m.quoted && r.doc.Sentences[m.sent].Paragraph == r.doc.Sentences[p.sent].Paragraph {
			continue // "“...Obama...,” he said": the speaker is not whom he talks about
		}
		e := r.ents[m.ent]
		if !compatible(p.ref, e, m) {
			continue
		}
		if m.ent == bound {
			continue // "Kerry praised him": him is not Kerry
		}
		w := m.weight
		for d := m.sent; d < p.sent; d++ {
			w /= 2
		}
		if score[m.ent] == 0 {
			touched = append(touched, m.ent)
			at[m.ent] = j
		}
		score[m.ent] += w
	}
	// The most salient; of equals, the most recent.
	best, bestScore := -1, 0.0
	for _, e := range touched {
		if score[e] > bestScore {
			best, bestScore = e, score[e]
		}
		score[e] = 0
	}
	if best < 0 {
		return
	}
	bestAt := at[best]
	if (p.ref == refIt || p.ref == refThey) && r.blocked(&r.mentions[bestAt], p) {
		return
	}
	p.ent = best
	e := r.ents[best]
	switch {
	case p.ref == refHe && e.gender == 0:
		e.gender = 'm'
	case p.ref == refShe && e.gender == 0:
		e.gender = 'f'
	}
}

// controllers are verb v of sentence s and, while v has no subject of its
// own and hangs on another verb as a complement, conjunct or adverbial
// clause, that verb in turn.
func (r *resolver) controllers(s, v int) []int {
	toks := r.doc.Sentences[s].Tokens
	var out []int
	for len(out) < 6 && v >= 0 && v < len(toks) && !slices.Contains(out, v) {
		out = append(out, v)
		if hasSubject(toks, v) {
			break
		}
		switch rel, _, _ := strings.Cut(toks[v].Deprel, ":"); rel {
		case "xcomp", "conj", "advcl", "acl":
			v = toks[v].Head
		default:
			return out
		}
	}
	return out
}

// hasSubject reports whether token v has a subject among its dependents.
func hasSubject(toks []eventwire.Token, v int) bool {
	for _, t := range toks {
		if t.Head == v && strings.HasPrefix(t.Deprel, "nsubj") {
			return true
		}
	}
	return false
}

// compatible reports whether a pronoun of kind k can refer to entity e
// through its mention m.
func compatible(k refKind, e *entity, m *mention) bool {
	switch k {
	case refHe:
		return e.typ == eventwire.Person && e.gender != 'f'
	case refShe:
		return e.typ == eventwire.Person && e.gender != 'm'
	case refIt:
		if m.modifier || m.locative {
			return false
		}
		return e.typ == eventwire.Org || e.typ == eventwire.GPE && (e.metonym || e.place.kind == placeCountry)
	case refThey:
		if m.modifier || m.locative {
			return false
		}
		return e.typ == eventwire.Org || e.typ == eventwire.NORP
	}
	return false
}

// blocked reports whether a common noun that could be the antecedent of
// "it" or "they" (a subject of the same number, in no mention) stands
// between the chosen antecedent a and the pronoun p: "The agreement ...;
// it has no ambiguity".
func (r *resolver) blocked(a, p *mention) bool {
	for s := a.sent; s <= p.sent; s++ {
		sent := &r.doc.Sentences[s]
		if !sent.Parsed {
			continue
		}
		from, to := 0, len(sent.Tokens)
		if s == a.sent {
			from = a.end
		}
		if s == p.sent {
			to = p.start
		}
		for i := from; i < to; i++ {
			t := &sent.Tokens[i]
			if r.taken[s][i] || t.UPOS != "NOUN" || !strings.HasPrefix(t.Deprel, "nsubj") {
				continue
			}
			plural := t.XPOS == "NNS"
			if plural == (p.ref == refThey) {
				return true
			}
		}
	}
	return false
}

// speaker is the entity that speaks the quotation around sentence s: the
// resolved subject, outside quotation marks, of a verb of saying in that
// sentence or in the next ones of the paragraph that the quotation runs
// into; -1 when there is none.
func (r *resolver) speaker(s int) int {
	para := r.doc.Sentences[s].Paragraph
	for t := s; t < len(r.doc.Sentences) && t < s+4 && r.doc.Sentences[t].Paragraph == para; t++ {
		for i := range r.mentions {
			m := &r.mentions[i]
			if m.sent != t || m.quoted || m.ent < 0 || !m.subject || !r.speechHead(m) {
				continue
			}
			return m.ent
		}
		q := r.quoted[t]
		if len(q) == 0 || !q[len(q)-1] && !(len(q) > 1 && q[len(q)-2]) {
			break // the quotation ends in sentence t
		}
	}
	// A paragraph that opens with a quotation and names no speaker goes on
	// quoting the speaker of the paragraph before.
	first := s
	for first > 0 && r.doc.Sentences[first-1].Paragraph == para {
		first--
	}
	if first == 0 || len(r.quoted[first]) == 0 || !r.quoted[first][0] {
		return -1
	}
	prev := r.doc.Sentences[first-1].Paragraph
	speaker := -1
	for i := range r.mentions {
		m := &r.mentions[i]
		if m.sent >= first {
			break
		}
		if r.doc.Sentences[m.sent].Paragraph == prev && !m.quoted && m.ent >= 0 && m.subject && r.speechHead(m) {
			speaker = m.ent
		}
	}
	return speaker
}

// speechHead reports whether the mention is the subject of a verb of
// saying.
func (r *resolver) speechHead(m *mention) bool {
	sent := &r.doc.Sentences[m.sent]
	if !sent.Parsed {
		return false
	}
	h := sent.Tokens[m.head].Head
	return h >= 0 && h < len(sent.Tokens) && speechVerbs[sent.Tokens[h].Lemma]
}

// speechVerbs are the lemmas of verbs that report speech.
var speechVerbs = map[string]bool{
	"say": true, "tell": true, "add": true, "stress": true, "state": true, "announce": true, "insist": true,
	"warn": true, "note": true, "explain": true, "claim": true, "argue": true, "declare": true, "reply": true,
	"respond": true, "ask": true, "write": true, "comment": true, "acknowledge": true, "admit": true,
	"suggest": true, "urge": true, "repeat": true, "reiterate": true, "conclude": true, "continue": true,
	"report": true, "confirm": true, "deny": true, "predict": true, "recall": true, "describe": true,
	"remark": true, "observe": true, "emphasize": true, "emphasise": true, "contend": true, "maintain": true,
	"assert": true, "concede": true, "complain": true, "promise": true, "vow": true, "pledge": true,
	"tweet": true, "answer": true, "agree": true, "caution": true, "mention": true, "boast": true,
}

// resolveDescription resolves the description of mention i to the latest
// entity that it fits: "the minister" to the last person with that title,
// "the Syrian leader" to the last person coded SYR with the role's sector,
// "the alliance" to the last organisation so called, "the country" to the
// last country.
func (r *resolver) resolveDescription(i int) {
	p := &r.mentions[i]
	window := titleWindow
	switch p.ref {
	case refGroup, refOrg:
		window = groupWindow
	case refCountry:
		window = countryWindow
	}
	// The latest entity that fits; of people, one with the title first
	// ("the US president" is the president, not the secretary of state).
	for pass := 0; pass < 2; pass++ {
		if pass == 0 && (p.ref != refTitle || p.country == "") {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			m := &r.mentions[j]
			if m.sent < p.sent-window {
				break
			}
			if m.ent < 0 {
				continue
			}
			if e := r.ents[m.ent]; fits(p, e) && (pass == 1 || hasTitle(e, p.role.Title)) {
				p.ent = m.ent
				return
			}
		}
	}
	r.newDescribed(p)
}

// hasTitle reports whether a person has a title with the head of t.
func hasTitle(e *entity, t string) bool {
	h := titleHead(t)
	for _, x := range e.titles {
		if titleHead(x) == h {
			return true
		}
	}
	return e.known != "" && titleHead(e.known) == h
}

// newDescribed makes an entity of a description that has no antecedent
// but says whose it is: "the Syrian leader", "the president of Armenia",
// "Montenegro's prime minister" are people coded by their role and
// country even when the article never names them.
func (r *resolver) newDescribed(p *mention) {
	if p.ref != refTitle && p.ref != refGroup {
		return
	}
	if p.country == "" {
		r.newUnplaced(p)
		return
	}
	ws := r.words[p.sent][p.start:p.end]
	if len(ws) > 0 && isDeterminer(ws[0]) {
		ws = ws[1:]
	}
	e := &entity{typ: eventwire.Person, words: ws, affil: p.country, tTitle: p.role.Title}
	switch {
	case p.ref == refGroup && governmentWords[strings.ToLower(p.role.Title)]:
		e.typ, e.metonym = eventwire.GPE, true
	case p.ref == refGroup:
		e.typ = eventwire.NORP
	}
	e.name = r.text(p.sent, p.end-len(ws), p.end)
	if t := p.role.Title; t != "" && p.ref == refTitle {
		e.titles = []string{t}
	}
	q := Query{Name: e.name, Type: e.typ, Titles: []string{p.role.Title}, Date: r.date, Words: ws, Affiliation: p.country,
		Metonym: e.metonym}
	e.actor = r.c.Code(q, r.kb)
	p.ent = len(r.ents)
	r.ents = append(r.ents, e)
}

// newUnplaced makes an entity of a group description that has no
// antecedent and names no country: "insurgents bombarded", "the
// government expressed". It is coded as PETRARCH codes an agent without a
// country, "---" and the role's sector ("---REB", "---GOV"): the sector
// is known, the country is not guessed. The exception is a single
// institution ("the government", "the central bank") in an article whose
// dateline, or whose only country named so far, says whose it is (in an
// article about Kenya, Kenya's government). A person's title alone ("the
// minister"), a business or the media ("the company", "reporters") and
// a single non-state body make no entity.
func (r *resolver) newUnplaced(p *mention) {
	if p.ref != refGroup || p.role.Sector == "" || vagueGroups[p.role.Title] || !politicalSectors[p.role.Sector] {
		return
	}
	plural := r.doc.Sentences[p.sent].Tokens[p.end-1].XPOS != "NN" // NNS, or untagged
	gov := governmentWords[strings.ToLower(p.role.Title)]
	if !plural && !gov && !stateSectors[p.role.Sector] {
		return // "the company", "the union": a name the article gave, missed
	}
	ws := r.words[p.sent][p.start:p.end]
	if len(ws) > 0 && (isDeterminer(ws[0]) || ws[0] == "A" || ws[0] == "An") {
		ws = ws[1:]
	}
	e := &entity{typ: eventwire.NORP, words: ws, role: p.role.Title}
	country := NoCountry
	if gov {
		e.typ, e.metonym = eventwire.GPE, true
	}
	if !plural {
		// "the government", "the central bank" of the country the
		// article is about, when it says which.
		if c := r.homeCountry(p); c != "" {
			country = c
		}
	}
	e.name = r.text(p.sent, p.end-len(ws), p.end)
	e.nouns = []string{p.noun}
	e.actor = actorOf(country + p.role.Sector)
	p.ent = len(r.ents)
	r.ents = append(r.ents, e)
}

// homeCountry is the country an article is about, for the institutions
// it names without an owner ("the government", "the central bank"): the
// country of its dateline ("NAIROBI (Reuters) -", "TAIPEI, March 1 -"),
// else the one country it has named before mention p, else "" (an
// article naming several countries does not say whose government "the
// government" is).
func (r *resolver) homeCountry(p *mention) string {
	if c := r.datelineCountry(); c != "" {
		return c
	}
	one := ""
	for i := range r.mentions {
		m := &r.mentions[i]
		if m.sent > p.sent || m.sent == p.sent && m.start >= p.start {
			break
		}
		if m.ent < 0 || m.kind != eventwire.MentionName && m.kind != eventwire.MentionMetonym {
			continue
		}
		pl := r.ents[m.ent].place
		switch pl.kind {
		case placeCountry, placeDemonym, placeCapital, placeSeat, placeCity, placeRegion:
		default:
			continue
		}
		if len(pl.iso3) != 3 || isNonState(pl.iso3) {
			continue
		}
		if r.dateline(m) {
			return pl.iso3
		}
		if pl.kind == placeCity || pl.kind == placeRegion {
			continue
		}
		switch one {
		case "":
			one = pl.iso3
		case pl.iso3:
		default:
			one = NoCountry
		}
	}
	if one == NoCountry {
		return ""
	}
	return one
}

// datelineCountry is the country of the place of the dateline that the
// clean stage found (doc.Dateline), "" when there is none or the
// gazetteer does not know the place.
func (r *resolver) datelineCountry() string {
	if r.datelineDone {
		return r.homeISO
	}
	r.datelineDone = true
	if r.doc.Dateline == nil || r.doc.Dateline.Place == "" {
		return ""
	}
	ws := splitWords(r.doc.Dateline.Place)
	for k := 1; k < len(ws); k++ {
		if ws[k] == "," {
			ws = ws[:k] // "GAZA CITY, Palestinian Territories"
			break
		}
	}
	if n, p := r.place(ws, 0); n == len(ws) && p.kind != noPlace && len(p.iso3) == 3 && !isNonState(p.iso3) {
		r.homeISO = p.iso3
	}
	return r.homeISO
}

// dateline reports whether a place mention opens one of the article's
// first sentences in capitals, followed by a comma, a parenthesis or a
// dash: the wire's dateline.
func (r *resolver) dateline(m *mention) bool {
	if m.sent > 2 || m.start != 0 {
		return false
	}
	ws := r.words[m.sent]
	for i := m.start; i < m.end; i++ {
		if isCapitalised(ws[i]) && !isAllCaps(ws[i]) {
			return false
		}
	}
	if m.end >= len(ws) {
		return false
	}
	switch ws[m.end] {
	case ",", "(", "-", "–", "—", ":":
		return true
	}
	return false
}

// politicalSectors are the sectors of the groups that are actors without
// a country: not businesses or the media, which the article names.
var politicalSectors = map[string]bool{
	"GOV": true, "MIL": true, "REB": true, "OPP": true, "COP": true, "JUD": true, "SPY": true, "LEG": true,
	"RAD": true, "CVL": true, "REF": true, "LAB": true, "EDU": true, "CRM": true, "REL": true, "ELI": true,
	"INS": true, "SEP": true, "UAF": true, "HLH": false,
}

// stateSectors are the sectors of a state's own institutions: "the
// central bank", "the army", "the parliament" of the country an article
// is about.
var stateSectors = map[string]bool{"GOV": true, "MIL": true, "LEG": true, "JUD": true, "COP": true, "SPY": true}

// vagueGroups are the group roles too vague to be an actor without a
// country: "eight people were killed" names victims, not an agent.
var vagueGroups = map[string]bool{"people": true, "crowd": true}

// NoCountry is the country part of the code of a group whose country the
// article does not give ("---REB" for "insurgents"), as PETRARCH writes it.
const NoCountry = "---"

// fits reports whether description p can describe entity e.
func fits(p *mention, e *entity) bool {
	switch p.ref {
	case refTitle:
		if e.typ != eventwire.Person {
			return false
		}
		if p.country != "" {
			return e.actor != nil && e.actor.Country == p.country && (p.role.Sector == "" || e.actor.Sector == p.role.Sector)
		}
		return hasTitle(e, p.role.Title)
	case refGroup:
		if e.typ == eventwire.GPE && e.metonym && p.role.Sector == "GOV" {
			if p.country == "" {
				// "the government" again, after an earlier one.
				return contains(e.nouns, p.noun)
			}
			// "Syria's government" after "Damascus said".
			return e.actor != nil && e.actor.Country == p.country
		}
		if e.typ != eventwire.Org && e.typ != eventwire.NORP {
			return false
		}
		if p.country != "" && (e.actor == nil || e.actor.Country != p.country) {
			return false
		}
		if contains(e.nouns, p.noun) {
			return true
		}
		if e.actor == nil || p.role.Sector == "" || e.actor.Sector != p.role.Sector || e.actor.Country == NoCountry {
			// A group the article placed nowhere ("officials said") is
			// not "the central bank" for sharing its sector.
			return false
		}
		// A group of people ("Syrian rebels") is "the rebels" or "the
		// fighters" by its sector; an institution is so only for its
		// people named definitely ("Congress" ... "the lawmakers"), not
		// for another institution ("the Foreign Ministry" is not "the
		// central bank") nor for a bare "officials said".
		return e.typ == eventwire.NORP || !p.bare && p.plural
	case refOrg:
		return e.typ == eventwire.Org && contains(e.nouns, p.noun)
	case refCountry:
		return e.typ == eventwire.GPE && !e.metonym && e.place.kind == placeCountry
	}
	return false
}

// titleHead is the word that heads a title, lower case: "secretary" for
// "Secretary of State", "minister" for "Foreign Minister".
func titleHead(t string) string {
	t = strings.ToLower(t)
	if i := strings.Index(t, " of "); i >= 0 {
		t = t[:i]
	}
	if i := strings.LastIndexByte(t, ' '); i >= 0 {
		t = t[i+1:]
	}
	return t
}
