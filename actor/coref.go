package actor

import (
	"strings"

	"github.com/eventwire/eventwire"
)

// entity is a group of mentions that refer to one thing.
type entity struct {
	typ     string
	name    string // the fullest name form seen
	nameLen int    // its length in tokens
	words   []string
	gender  byte
	surname string // people: the last word of the name, lower case
	first   bool   // people: a first name has been seen
	place   place
	metonym bool
	org     OrgInfo
	isOrg   bool
	nouns   []string // the nouns that describe an organisation ("alliance")
	titles  []string
	known   string // people named without a title: the office the table or the run's knowledge gives
	role    string // groups: the role that makes them a group ("Official" for "Hungarian and Romanian officials")
	affil   string // people: the country or organisation code that a title in the text gives
	tTitle  string // that title
	actor   *eventwire.Actor
	named   bool // people: named at least once (only then is the knowledge taught)
	out     []eventwire.Mention
}

// groupNames groups the name mentions into entities: the same name, a
// surname after the full name ("John Kerry" ... "Kerry") or before it, an
// organisation's acronym or alias, a country's other names.
func (r *resolver) groupNames() {
	byKey := make(map[string]int, len(r.mentions))
	for i := range r.mentions {
		m := &r.mentions[i]
		e, ok := byKey[m.key]
		if !ok && m.kind == eventwire.MentionName {
			e, ok = r.matchName(m, byKey)
		}
		if !ok {
			e = len(r.ents)
			r.ents = append(r.ents, &entity{typ: m.typ, place: m.place, metonym: m.kind == eventwire.MentionMetonym})
		}
		byKey[m.key] = e
		m.ent = e
		r.joinName(r.ents[e], m)
		if m.typ == eventwire.Org {
			ws := r.words[m.sent][m.start:m.end]
			for _, a := range [2]string{acronym(ws, false), acronym(ws, true)} {
				if _, taken := byKey["o:"+a]; a != "" && !taken {
					byKey["o:"+a] = e
				}
			}
		}
	}
}

// matchName finds the entity of a name that has no exact match.
func (r *resolver) matchName(m *mention, byKey map[string]int) (int, bool) {
	ws := r.words[m.sent][m.start:m.end]
	switch m.typ {
	case eventwire.Person:
		sur := surname(ws)
		if sur == "" {
			return 0, false
		}
		single := wordCount(ws) == 1
		// The latest person with this surname: "Kerry" after "John
		// Kerry"; "John Kerry" after a bare "Kerry".
		for e := len(r.ents) - 1; e >= 0; e-- {
			x := r.ents[e]
			if x.typ != eventwire.Person || x.surname != sur {
				continue
			}
			if single || !x.first {
				return e, true
			}
		}
	case eventwire.Org:
		// An acronym after the full name, or the full name after the
		// acronym.
		if len(ws) == 1 && isAllCaps(ws[0]) {
			if e, ok := byKey["o:"+strings.ToLower(ws[0])]; ok {
				return e, true
			}
		}
		for _, a := range [2]string{acronym(ws, false), acronym(ws, true)} {
			if e, ok := byKey["o:"+a]; a != "" && ok && r.ents[e].typ == eventwire.Org {
				return e, true
			}
		}
	}
	return 0, false
}

// joinName adds a name mention to entity e.
func (r *resolver) joinName(e *entity, m *mention) {
	ws := r.words[m.sent][m.start:m.end]
	n := wordCount(ws)
	if e.name == "" || n > e.nameLen {
		e.name, e.nameLen, e.words = r.spanText(m), n, ws
	}
	if m.kind == eventwire.MentionMetonym || strings.HasPrefix(m.key, "g:") {
		e.metonym = true // a government
	}
	if m.kind == eventwire.MentionNominal && !m.role.Person && e.role == "" {
		e.role = m.role.Title
	}
	switch m.typ {
	case eventwire.Person:
		if m.kind != eventwire.MentionName {
			// An unnamed person ("a Syrian official").
			for _, t := range m.titles {
				r.addTitle(e, t)
			}
			break
		}
		e.named = true
		if e.surname == "" {
			e.surname = surname(ws)
		}
		if n > 1 {
			e.first = true
			if e.gender == 0 {
				e.gender = firstNameGender(ws[0])
			}
		}
		if m.gender != 0 {
			e.gender = m.gender
		}
		for _, t := range m.titles {
			r.addTitle(e, t)
		}
	case eventwire.Org:
		if m.isOrg && !e.isOrg {
			e.org, e.isOrg = m.org, true
			e.nouns = append(e.nouns, m.org.Nouns...)
		}
		if h := orgHeadNoun(ws); h != "" && !contains(e.nouns, h) {
			e.nouns = append(e.nouns, h)
		}
	}
}

// addTitle records a title of a person and, for the first title that the
// text ties to a country or organisation, that affiliation.
func (r *resolver) addTitle(e *entity, t title) {
	if t.former {
		return
	}
	if name := t.role.Title; name != "" && !contains(e.titles, name) {
		e.titles = append(e.titles, name)
	}
	if e.affil != "" {
		return
	}
	switch {
	case t.hasOrg:
		e.affil, e.tTitle = t.org.Code, t.role.Title
	case t.country != "":
		e.affil, e.tTitle = t.country, t.role.Title
	}
}

// codeEntities gives every entity found by name its actor code, and
// teaches the run's knowledge what the titles in the text say.
func (r *resolver) codeEntities() {
	for _, e := range r.ents {
		q := Query{Name: e.name, Type: e.typ, Titles: e.titles, Date: r.date, Metonym: e.metonym, Words: e.words}
		switch e.typ {
		case eventwire.Person:
			q.Affiliation = e.affil
			if e.affil != "" && len(e.titles) > 1 && e.titles[0] != e.tTitle {
				// The title tied to the affiliation first.
				q.Titles = append([]string{e.tTitle}, e.titles...)
			}
		default:
			q.Affiliation = e.place.iso3
			if e.role != "" {
				q.Titles = []string{e.role}
			}
		}
		if e.place.kind == placeSeat {
			switch {
			case !e.metonym:
				// A building as a place: its country, as for a city.
				e.actor = actorOf(stateOn(e.place.iso3, r.date))
				continue
			case e.place.sector != "" && e.place.sector != "GOV":
				// A seat of another branch: the Pentagon is USAMIL.
				e.actor = actorOf(stateOn(e.place.iso3, r.date) + e.place.sector)
				continue
			}
		}
		e.actor = r.c.Code(q, r.kb)
		if e.typ == eventwire.Person && len(e.titles) == 0 && e.actor != nil {
			// A person named without a title: the office the table or the
			// run's knowledge gives, when it is the one the code came from.
			if h, ok := r.c.Office(e.words, r.date); ok && h.Code == e.actor.Code {
				e.known = h.Title
			} else if r.kb != nil {
				if f, ok := r.kb.Lookup(e.name, r.date); ok && f.Actor.Code == e.actor.Code {
					e.known = f.Title
				}
			}
		}
		if e.typ == eventwire.Person && e.named && e.affil != "" && e.actor != nil && r.kb != nil {
			r.kb.Learn(Fact{Name: e.name, Surname: lastWord(e.words), Actor: *e.actor, Title: e.tTitle,
				From: r.date, DocID: r.doc.ID})
		}
	}
}

// spanText is the text of a mention as a name: the words with one space
// wherever the text has white space between them ("central\nbank" is
// "central bank").
func (r *resolver) spanText(m *mention) string { return r.text(m.sent, m.start, m.end) }

// text is the text of tokens [a, b) of sentence s, with one space wherever
// the text has white space between them.
func (r *resolver) text(s, a, b int) string {
	toks := r.doc.Sentences[s].Tokens
	var sb strings.Builder
	for i := a; i < b; i++ {
		if i > a && toks[i].Start > toks[i-1].End {
			sb.WriteByte(' ')
		}
		sb.WriteString(r.words[s][i])
	}
	return sb.String()
}

// surname is the last word of a person's name, lower case, without a
// generational suffix ("Jr.").
func surname(ws []string) string {
	w := lastWord(ws)
	return strings.ToLower(w)
}

// lastWord is the last word of a name that is not punctuation or a
// generational suffix.
func lastWord(ws []string) string {
	for i := len(ws) - 1; i >= 0; i-- {
		switch ws[i] {
		case "Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV", "-", ".", ",":
			continue
		}
		return ws[i]
	}
	return ""
}

// wordCount counts the words of a name, taking "al-Assad" as one.
func wordCount(ws []string) int {
	n := 0
	for i, w := range ws {
		if w == "-" || i > 0 && ws[i-1] == "-" {
			continue
		}
		n++
	}
	return n
}

// acronym is the lower-case initials of a name of two or more capitalised
// words ("North Atlantic Treaty Organization" -> "nato"), "" for others.
// With of, "of" counts ("Economic Community of West African States" ->
// "ecowas").
func acronym(ws []string, of bool) string {
	if len(ws) < 2 {
		return ""
	}
	var b strings.Builder
	for _, w := range ws {
		switch w {
		case "of":
			if of {
				b.WriteByte('o')
			}
			continue
		case "the", "and", "for", "&", "de", "-":
			continue
		}
		if !isCapitalised(w) {
			return ""
		}
		b.WriteString(strings.ToLower(w[:1]))
	}
	if b.Len() < 2 {
		return ""
	}
	return b.String()
}

// orgHeadNoun is the generic noun that heads an organisation's name, lower
// case: "department" for "State Department", "party" for "Labour Party",
// "ministry" for "Ministry of Defence"; "" when the head is no such noun
// ("Manchester United").
func orgHeadNoun(ws []string) string {
	if len(ws) < 2 {
		return ""
	}
	h := ws[len(ws)-1]
	for i, w := range ws {
		if w == "of" && i > 0 {
			h = ws[i-1]
			break
		}
	}
	h = strings.ToLower(h)
	if !orgNouns[h] {
		return ""
	}
	return h
}

// orgNouns are the nouns that head organisations' names and stand for
// them in "the party", "the ministry".
var orgNouns = map[string]bool{
	"department": true, "ministry": true, "party": true, "council": true, "bank": true, "agency": true,
	"union": true, "company": true, "group": true, "committee": true, "commission": true, "court": true,
	"front": true, "army": true, "movement": true, "organisation": true, "organization": true,
	"association": true, "federation": true, "alliance": true, "office": true, "service": true, "fund": true,
	"institute": true, "university": true, "club": true, "league": true, "board": true, "authority": true,
	"corporation": true, "network": true, "parliament": true, "assembly": true, "administration": true,
	"foundation": true, "trust": true, "church": true, "brigade": true, "brigades": true, "force": true,
	"forces": true, "coalition": true, "congress": true, "senate": true, "bureau": true, "police": true,
	"airline": true, "airways": true, "bloc": true, "tribunal": true, "cabinet": true, "government": true,
}

func isAllCaps(w string) bool {
	n := 0
	for _, c := range w {
		if 'a' <= c && c <= 'z' {
			return false
		}
		if 'A' <= c && c <= 'Z' {
			n++
		}
	}
	return n >= 2
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
