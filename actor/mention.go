package actor

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eventwire/eventwire"
)

// mention is one place where the article names or refers to an entity:
// tokens [start, end) of sentence sent.
type mention struct {
	sent, start, end int
	head             int    // the token of [start, end) that the parse attaches outside it
	kind             string // eventwire.MentionName, ...
	typ              string // entity type: eventwire.Person, ...
	ent              int    // index into resolver.ents; -1 while unresolved

	quoted   bool    // inside quotation marks
	subject  bool    // the subject of its clause
	modifier bool    // a modifier of another noun ("NATO headquarters"): no antecedent for "it"
	locative bool    // the object of a place preposition ("in Moscow")
	weight   float64 // salience (Lappin and Leass's factors)

	// Names.
	key    string // the normalised name that name matching compares
	gender byte   // 'm', 'f' or 0; for names from an honorific
	place  place  // the gazetteer's sense, for places
	org    OrgInfo
	isOrg  bool
	titles []title // titles given in the text, for people

	// References (pronouns and descriptions).
	bare    bool // a group named without an article or owner ("officials said")
	plural  bool // a description whose head noun is plural ("the lawmakers")
	ref     refKind
	role    RoleInfo // the role noun of a description
	noun    string   // the head noun of a description, lower case
	country string   // the country adjective of a description ("the Syrian leader")
}

// refKind is the kind of a pronoun or description.
type refKind uint8

const (
	refNone    refKind = iota
	refHe              // he, him, his, himself
	refShe             // she, her, hers, herself
	refIt              // it, its, itself
	refThey            // they, them, their, themselves
	refTitle           // "the minister", "the Syrian leader"
	refGroup           // "the rebels"
	refOrg             // "the alliance", "the group"
	refCountry         // "the country"
)

// pronouns are the third-person pronouns that Resolve resolves; first and
// second person ("I", "we", "you") are left to quotation attribution.
var pronouns = map[string]refKind{
	"he": refHe, "him": refHe, "his": refHe, "himself": refHe,
	"He": refHe, "Him": refHe, "His": refHe, "Himself": refHe,
	"she": refShe, "her": refShe, "hers": refShe, "herself": refShe,
	"She": refShe, "Her": refShe, "Hers": refShe, "Herself": refShe,
	"it": refIt, "its": refIt, "itself": refIt,
	"It": refIt, "Its": refIt, "Itself": refIt,
	"they": refThey, "them": refThey, "their": refThey, "theirs": refThey, "themselves": refThey,
	"They": refThey, "Them": refThey, "Their": refThey, "Theirs": refThey, "Themselves": refThey,
}

// honorifics give a person's gender (0 when they do not); they are not
// titles and not part of the name.
var honorifics = map[string]byte{
	"Mr": 'm', "Mr.": 'm', "Mister": 'm', "Sir": 'm', "Lord": 'm',
	"Mrs": 'f', "Mrs.": 'f', "Ms": 'f', "Ms.": 'f', "Miss": 'f', "Madam": 'f', "Madame": 'f', "Dame": 'f', "Lady": 'f',
	"Dr": 0, "Dr.": 0, "Prof": 0, "Prof.": 0,
}

// groupWords are nationalities and groups that are not countries' demonyms
// but are NORP all the same: religions, sects, ethnic and political groups.
var groupWords = map[string]bool{
	"Muslim": true, "Muslims": true, "Christian": true, "Christians": true, "Jewish": true, "Jews": true, "Jew": true,
	"Sunni": true, "Sunnis": true, "Shiite": true, "Shiites": true, "Shia": true, "Shi'ite": true, "Alawite": true, "Alawites": true,
	"Islamist": true, "Islamists": true, "Catholic": true, "Catholics": true, "Protestant": true, "Protestants": true,
	"Orthodox": true, "Hindu": true, "Hindus": true, "Buddhist": true, "Buddhists": true, "Sikh": true, "Sikhs": true,
	"Kurd": true, "Kurds": true, "Kurdish": true, "Arab": true, "Arabs": true, "Pashtun": true, "Tamil": true, "Tamils": true,
	"Hutu": true, "Tutsi": true, "Druze": true, "Copt": true, "Copts": true, "Coptic": true, "Yazidi": true, "Yazidis": true,
	"Palestinian": true, "Palestinians": true, "Basque": true, "Basques": true, "Uighur": true, "Uighurs": true, "Uyghur": true,
	"Democrat": true, "Democrats": true, "Republican": true, "Republicans": true, "Conservative": true, "Conservatives": true,
	"Socialist": true, "Socialists": true, "Communist": true, "Communists": true, "Labour": true, "Tory": true, "Tories": true,
	"Western": true, "European": true, "Europeans": true, "African": true, "Africans": true, "Asian": true, "Asians": true,
	"Moslem": true, "Moslems": true, "Serb": true, "Serbs": true, "Croat": true, "Croats": true,
}

// findNames turns doc.Names into name mentions, adds the countries,
// nationalities, seats of government and known organisations that the
// recogniser missed, and sorts the mentions into text order.
func (r *resolver) findNames() {
	// In a title-cased headline every word is capitalised, and the
	// recogniser, which leans on capitals, finds names that are not there
	// ("Kremlin Rejects Ceasefire Terms"). There a name is kept only when
	// the article's body uses it too, or the tables know all of it.
	titled := make([]bool, len(r.words))
	body := map[string]string{} // name text in the body -> its class
	for s, ws := range r.words {
		titled[s] = r.inTitle(s) && titleCased(ws, r.doc.Sentences[s].Tokens)
	}
	for _, n := range r.doc.Names {
		if r.validName(n) && !titled[n.Sentence] {
			body[strings.Join(r.words[n.Sentence][n.Start:n.End], " ")] = n.Type
		}
	}
	r.addCoveringNames()
	for _, n := range r.doc.Names {
		if !r.validName(n) || titled[n.Sentence] && !r.knownName(n, body) {
			continue
		}
		if n.End-n.Start == 1 && !isCapitalised(r.words[n.Sentence][n.Start]) && r.addLowerName(n.Sentence, n.Start) {
			continue // "iSrael"
		}
		if !r.free(n.Sentence, n.Start, n.End) {
			continue // overlaps an earlier name
		}
		r.addName(n.Sentence, n.Start, n.End, n.Type)
	}
	// The body's names inside a headline that the recogniser got wrong.
	for s, ws := range r.words {
		if !titled[s] {
			continue
		}
		for i := 0; i < len(ws); i++ {
			for n := min(4, len(ws)-i); n > 0; n-- {
				class, ok := body[strings.Join(ws[i:i+n], " ")]
				if ok && r.free(s, i, i+n) {
					r.addName(s, i, i+n, class)
					i += n - 1
					break
				}
			}
		}
	}
	r.addMissedNames()
	sortByPosition(r.mentions)
	r.addGroups()
	r.settlePeoples()
}

// addCoveringNames adds the names that the tables know whole where the
// recogniser found only parts of them: "Democratic People's Republic of
// Korea", which it splits into "Democratic People's" and "Republic of
// Korea", or "Islamic State", of which it finds "Islamic" alone. A table
// name (a country, nationality, capital or seat of government, or a known
// organisation) of two words or more is taken when it starts at or before
// a recognised name, covers it and is longer, and cuts no other
// recognised name in two.
func (r *resolver) addCoveringNames() {
	for _, n := range r.doc.Names {
		if !r.validName(n) || r.taken[n.Sentence][n.Start] {
			continue
		}
		ws := r.words[n.Sentence]
		for i := max(0, n.Start-6); i <= n.Start; i++ {
			if !isCapitalised(ws[i]) {
				continue
			}
			l, class := r.tableName(ws, i)
			if l < 2 || i+l < n.End || l <= n.End-n.Start || r.cutsName(n.Sentence, i, i+l) {
				continue
			}
			if r.free(n.Sentence, i, i+l) {
				r.addName(n.Sentence, i, i+l, class)
			}
			break
		}
	}
}

// tableName returns the length of the longest name at word i that the
// gazetteer knows as a country, nationality, capital or seat of
// government, or the organisations table knows, and the recogniser class
// it is added with; 0 when none.
func (r *resolver) tableName(ws []string, i int) (n int, class string) {
	if l, p := r.place(ws, i); l > 0 {
		switch p.kind {
		case placeCountry, placeDemonym, placeCapital, placeSeat:
			n, class = l, eventwire.NameLOC
		}
	}
	if l, _, ok := r.c.Org(ws, i); ok && l > n {
		n, class = l, eventwire.NameORG
	}
	return n, class
}

// cutsName reports whether tokens [a, b) of sentence s overlap a
// recognised name without covering it.
func (r *resolver) cutsName(s, a, b int) bool {
	for _, n := range r.doc.Names {
		if n.Sentence == s && n.Start < b && n.End > a && (n.Start < a || n.End > b) {
			return true
		}
	}
	return false
}

// validName reports whether n lies inside its sentence.
func (r *resolver) validName(n eventwire.Name) bool {
	return n.Sentence >= 0 && n.Sentence < len(r.words) && n.Start >= 0 && n.End <= len(r.words[n.Sentence]) && n.Start < n.End
}

// knownName reports whether a name found in a headline is one the body
// uses (body maps name texts to classes) or one the gazetteer or the
// organisation table knows whole.
func (r *resolver) knownName(n eventwire.Name, body map[string]string) bool {
	ws := r.words[n.Sentence]
	a, b := n.Start, n.End
	for a < b && (ws[a] == "the" || ws[a] == "The") {
		a++
	}
	if a == b {
		return false
	}
	if _, ok := body[strings.Join(ws[a:b], " ")]; ok {
		return true
	}
	if k, p := r.place(ws, a); k == b-a && p.kind != noPlace {
		return true
	}
	k, _, ok := r.c.Org(ws, a)
	return ok && k == b-a
}

// inTitle reports whether sentence s is part of the article's title: its
// first paragraph, when that paragraph is the title line.
func (r *resolver) inTitle(s int) bool {
	d := r.doc
	if d.Title == "" || d.Sentences[s].Paragraph != 0 || len(d.Paragraphs) == 0 {
		return false
	}
	p := d.Paragraphs[0]
	return strings.TrimSpace(string(d.Runes[p.Start:p.End])) == strings.TrimSpace(d.Title)
}

// titleCased reports whether a sentence is a title-cased headline: at
// least three words of four letters or more, all of them capitalised
// ("United States, Russia Agree to Try to Revive Syria Plan"). A sentence
// of names alone ("Russian Foreign Minister Ivan Petrovsky arrived in
// Oslo") has a verb or a noun in lower case.
func titleCased(ws []string, toks []eventwire.Token) bool {
	long, capital := 0, 0
	for i, w := range ws {
		if len(w) < 4 || i < len(toks) && toks[i].UPOS == "PUNCT" {
			continue
		}
		long++
		if isCapitalised(w) {
			capital++
		}
	}
	return long >= 3 && capital == long
}

// timeWords are nouns of time that may follow a noun phrase without
// being modified by it: "a U.S. official today said".
var timeWords = map[string]bool{
	"today": true, "yesterday": true, "tomorrow": true, "tonight": true, "monday": true, "tuesday": true,
	"wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true, "morning": true,
	"afternoon": true, "evening": true, "night": true, "week": true, "month": true, "year": true, "last": true,
}

// governmentWords are the group roles that name a government as a whole;
// "the Syrian government" is the entity that "Damascus said" refers to.
var governmentWords = map[string]bool{
	"government": true, "administration": true, "regime": true, "authorities": true, "cabinet": true,
}

// addGroups widens the mention of a nationality or country that a group
// role follows into a mention of the group ("Syrian rebels", "Israeli
// officials", "U.S. troops", "the Syrian government"), and that of a
// nationality between "a" and a person's role into a mention of an
// unnamed person ("a Syrian official").
func (r *resolver) addGroups() {
	for i := range r.mentions {
		m := &r.mentions[i]
		if m.kind != eventwire.MentionName || m.place.kind == noPlace || m.place.kind == placeSeat {
			continue
		}
		ws := r.words[m.sent]
		e := m.end
		n, role, ok := r.c.Role(ws, e)
		if !ok {
			continue
		}
		if m.place.kind != placeDemonym && m.place.kind != placeCountry {
			// A place within a country before people: "Darfur rebels",
			// "Gaza militants", "Baghdad residents" are the country's;
			// not its government ("the Baghdad government" may be a
			// province's) nor an institution.
			x := r.doc.Sentences[m.sent].Tokens[e+n-1].XPOS
			if role.Person || governmentWords[strings.ToLower(role.Title)] || x != "NNS" && x != "NNPS" {
				continue
			}
		}
		if k := e + n; role.Person && k < len(ws) && !timeWords[lowerASCII(ws[k])] {
			// "a Syrian army officer" is a person; "Syrian army officers"
			// or "Israeli army bulldozers" are the group (the army).
			if u := r.doc.Sentences[m.sent].Tokens[k].UPOS; u == "NOUN" || u == "PROPN" {
				continue
			}
		}
		if !r.free(m.sent, e, e+n) {
			continue
		}
		iso := m.place.iso3
		switch {
		case !role.Person && governmentWords[strings.ToLower(role.Title)]:
			m.typ, m.key = eventwire.GPE, "g:"+iso+"GOV"
		case !role.Person:
			// People ("rebels", "officials") are a group; an institution
			// ("the foreign ministry", "the army") an organisation.
			m.typ, m.key = eventwire.Org, "r:"+iso+":"+strings.ToLower(role.Title)
			if x := r.doc.Sentences[m.sent].Tokens[e+n-1].XPOS; x == "NNS" || x == "NNPS" {
				m.typ = eventwire.NORP
			}
		case r.indefinite(m.sent, m.start):
			m.typ, m.key = eventwire.Person, "u:"+strconv.Itoa(i) // a person of their own
			m.titles = []title{{role: role, country: iso}}
		default:
			for k := e; k < e+n; k++ {
				r.taken[m.sent][k] = false
			}
			continue
		}
		m.end, m.kind, m.role, m.country = e+n, eventwire.MentionNominal, role, iso
		r.locate(m)
		if !role.Person {
			r.distribute(i)
		}
	}
	// "Rebels in the Ivory Coast", "police in Kenya", "civilians in
	// Darfur", "protesters in Cairo".
	for i, n := 0, len(r.mentions); i < n; i++ {
		m := &r.mentions[i]
		if m.kind != eventwire.MentionName || m.place.kind != placeCountry && m.place.kind != placeRegion &&
			m.place.kind != placeCity && m.place.kind != placeCapital {
			continue
		}
		ws := r.words[m.sent]
		k := m.start - 1
		if k >= 0 && isDeterminer(ws[k]) {
			k--
		}
		if k < 1 || ws[k] != "in" && ws[k] != "from" || r.coordinated(m) {
			continue // "officials in Kyiv, Warsaw and Berlin" are of none
		}
		for j := max(0, k-3); j < k; j++ {
			n, role, ok := r.c.Role(ws, j)
			if !ok || j+n != k || role.Person || governmentWords[strings.ToLower(role.Title)] {
				continue
			}
			if m.place.kind != placeCountry && role.Sector == "MED" {
				break // "told reporters in Oslo": the press travels
			}
			if !r.free(m.sent, j, k) {
				continue
			}
			g := mention{sent: m.sent, start: j, end: k, kind: eventwire.MentionNominal, ent: -1, typ: eventwire.Org,
				key: "r:" + m.place.iso3 + ":" + strings.ToLower(role.Title), role: role, country: m.place.iso3,
				place: place{kind: placeDemonym, iso3: m.place.iso3}}
			if x := r.doc.Sentences[m.sent].Tokens[k-1].XPOS; x == "NNS" || x == "NNPS" {
				g.typ = eventwire.NORP
			}
			r.addMention(g) // m is not used after this: the slice may move
			break
		}
	}
	sortByPosition(r.mentions)
}

// settlePeoples gives a people named by a nationality the country the
// sentence places it in, where it is a minority there: "ethnic Albanians
// in south Serbia" and "the Albanians of southern Serbia" are Serbia's,
// as "Iraqi Kurds" are Iraq's. A nationality alone before "in" ("Syrians
// in Turkey") keeps its country: refugees and visitors are their own
// country's.
func (r *resolver) settlePeoples() {
	for i := range r.mentions {
		m := &r.mentions[i]
		if m.kind != eventwire.MentionName || m.place.kind != placeDemonym || m.end-m.start != 1 {
			continue
		}
		ws := r.words[m.sent]
		ethnic := m.start > 0 && strings.EqualFold(ws[m.start-1], "ethnic")
		k := m.end
		if k >= len(ws) || !(ws[k] == "of" || ethnic && ws[k] == "in") {
			continue
		}
		k++
		if k < len(ws) && isDeterminer(ws[k]) {
			k++
		}
		if k < len(ws) && compassWords[properCase(ws[k])] {
			k++
		}
		for j := range r.mentions {
			c := &r.mentions[j]
			if c.sent == m.sent && c.start == k && c.kind == eventwire.MentionName && c.place.kind == placeCountry && c.place.iso3 != m.place.iso3 {
				m.key = "n:" + c.place.iso3 + ":" + lowerKey(ws[m.start:m.end])
				m.place = place{kind: placeDemonym, iso3: c.place.iso3}
				break
			}
		}
	}
}

// argument reports whether the head of mention m is a subject or an
// object of its clause, or of a preposition.
func (r *resolver) argument(m *mention) bool {
	sent := &r.doc.Sentences[m.sent]
	if !sent.Parsed {
		return false
	}
	switch sent.Tokens[m.head].Deprel {
	case "nsubj", "nsubj:pass", "obj", "iobj", "obl":
		return true
	}
	return false
}

// coordinated reports whether the head of mention m has a conjunct:
// "Kyiv" in "Kyiv, Warsaw and Berlin".
func (r *resolver) coordinated(m *mention) bool {
	sent := &r.doc.Sentences[m.sent]
	if !sent.Parsed {
		return false
	}
	for _, t := range sent.Tokens {
		if t.Head == m.head && t.Deprel == "conj" {
			return true
		}
	}
	return false
}

// distribute gives the group role of mention i to the nationalities
// coordinated before it: "Hungarian and Romanian officials" are two
// groups of officials.
func (r *resolver) distribute(i int) {
	g := &r.mentions[i]
	ws := r.words[g.sent]
	for j := i - 1; j >= 0; j-- {
		m := &r.mentions[j]
		next := &r.mentions[j+1]
		if m.sent != g.sent || m.kind != eventwire.MentionName || m.end+1 != next.start ||
			m.place.kind != placeDemonym && m.place.kind != placeCountry {
			return
		}
		switch ws[m.end] {
		case "and", "or":
		case ",":
			if m.place.kind != placeDemonym {
				return // "Macedonia's border with Bulgaria, Macedonian officials said"
			}
		default:
			return
		}
		m.typ, m.key = g.typ, strings.Replace(g.key, g.country, m.place.iso3, 1)
		m.kind, m.role, m.country = eventwire.MentionNominal, g.role, m.place.iso3
	}
}

// indefinite reports whether an indefinite article, perhaps followed by
// adjectives, comes before token i of sentence s: "a top U.S. official".
func (r *resolver) indefinite(s, i int) bool {
	ws := r.words[s]
	toks := r.doc.Sentences[s].Tokens
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch ws[k] {
		case "a", "an", "A", "An":
			return true
		}
		if toks[k].UPOS != "ADJ" || isCapitalised(ws[k]) {
			return false
		}
	}
	return false
}

// addName adds the name at tokens [a, b) of sentence s, of recogniser class
// class (eventwire.NamePER, ...), when it is a mention at all.
func (r *resolver) addName(s, a, b int, class string) {
	ws := r.words[s]
	// "the State Department", "Kerry's": the article and the possessive
	// ending are not part of the name.
	for a < b && (ws[a] == "the" || ws[a] == "The") {
		a++
	}
	for k := a + 1; k < b; k++ {
		if ws[k] == "(" || ws[k] == "[" {
			b = k // "Hizbollah (Party of God": the name before the gloss
			break
		}
	}
	for b > a && (isPossessive(ws[b-1]) || isPunct(ws[b-1])) {
		b--
	}
	if a >= b {
		return
	}
	m := mention{sent: s, start: a, end: b, kind: eventwire.MentionName, ent: -1}
	class = r.reclass(s, a, b, class)
	switch class {
	case eventwire.NamePER:
		// Honorifics and titles that the recogniser included: "Mr Kerry",
		// "President Obama".
		for a+1 < b {
			if g, ok := honorifics[ws[a]]; ok {
				m.gender, a = g, a+1
				continue
			}
			if n, _, ok := r.c.Role(ws, a); ok && a+n < b && isCapitalised(ws[a+n]) {
				a += n
				continue
			}
			break
		}
		m.start = a
		r.locate(&m)
		m.typ = eventwire.Person
		m.key = "p:" + lowerKey(ws[a:b])
	case eventwire.NameORG, eventwire.NameLOC:
		r.locate(&m)
		if n, p := r.place(ws, a); n == b-a && p.kind != noPlace {
			if !r.placeMention(&m, p, class) {
				return
			}
			break
		}
		if n, _ := compassPart(r.c.geo, ws, a); n > 0 && a+1+n == b {
			// "South Lebanon", "Eastern Ukraine": a part of a place, in
			// its country.
			m.typ, m.key = eventwire.GPE, "l:"+lowerKey(ws[a:b])
			break
		}
		if class == eventwire.NameLOC {
			m.typ = eventwire.Loc
			m.key = "l:" + lowerKey(ws[a:b])
			break
		}
		m.typ = eventwire.Org
		r.orgMention(&m)
		if !m.isOrg {
			r.ownedInstitution(&m)
		}
	case eventwire.NameMISC:
		r.locate(&m)
		n, p := r.place(ws, a)
		switch {
		case n == b-a && p.kind == placeDemonym:
			m.typ, m.place, m.key = eventwire.NORP, p, "n:"+p.iso3
		case n == b-a && p.kind == placeCountry && r.argument(&m):
			// A country the recogniser called MISC, standing as a
			// subject or object: "The PRC on Tuesday demanded".
			m.typ, m.place, m.key = eventwire.GPE, p, "c:"+p.iso3
		case b-a == 1 && groupWords[ws[a]]:
			m.typ, m.key = eventwire.NORP, "n:"+strings.ToLower(strings.TrimSuffix(ws[a], "s"))
		case n > 0 && n < b-a && p.kind == placeDemonym && r.peopleWords(ws[a+n:b]):
			// A people of a country: "Iraqi Kurds", "Bosnian Serbs" are
			// Iraq's and Bosnia's, whatever the people's own country.
			m.typ, m.place, m.key = eventwire.NORP, p, "n:"+p.iso3+":"+lowerKey(ws[a+n:b])
		default:
			return
		}
	default:
		return
	}
	r.addMention(m)
}

// reclass corrects the recogniser's class of the name at tokens [a, b) of
// sentence s where the tables know better:
//
//   - a "person" whose whole name is an organisation the table knows
//     ("Muslim Brotherhood", "al-Shabab") is that organisation;
//   - a one-word "person" that is a country or capital ("Washington
//     said") is the place, unless the table knows someone by that name
//     or the article names a person whose surname it is;
//   - an "organisation" or "place" that is neither a country, nationality,
//     capital, seat of government nor a known organisation, but is the
//     name of an office-holder or of someone the run has learned ("Obama
//     is scheduled to attend"), is that person.
func (r *resolver) reclass(s, a, b int, class string) string {
	ws := r.words[s]
	switch class {
	case eventwire.NamePER:
		if n, _, ok := r.c.Org(ws, a); ok && n == b-a && !r.knowsPerson(ws[a:b]) {
			return eventwire.NameORG
		}
		if b-a != 1 || r.knowsPerson(ws[a:b]) || r.surnameInArticle(ws[a]) || a > 0 && r.titled(s, a) {
			return class
		}
		if n, p := r.place(ws, a); n == 1 && (p.kind == placeCountry || p.kind == placeCapital) {
			return eventwire.NameLOC
		} else if n == 1 && (p.kind == placeCity || p.kind == placeRegion) && r.placeRole(s, a) {
			// "troops left Jericho": a town, where the sentence puts a
			// place rather than an agent.
			return eventwire.NameLOC
		}
	case eventwire.NameORG, eventwire.NameLOC:
		if n, _, ok := r.c.Org(ws, a); ok && n == b-a {
			return class
		}
		if n, p := r.place(ws, a); n == b-a {
			switch p.kind {
			case placeCountry, placeDemonym, placeCapital, placeSeat:
				return class
			}
		}
		if a > 0 && locativePreps[lowerASCII(ws[a-1])] {
			return class // "in Kerry": a place all the same
		}
		if r.knowsPerson(ws[a:b]) && (wordCount(ws[a:b]) > 1 || r.inOffice(ws[a:b])) {
			// A surname alone only for someone in office that day:
			// "Santos" in 1987 is a company, not Colombia's president.
			return eventwire.NamePER
		}
	}
	return class
}

// placeRole reports whether token i of sentence s stands where a place
// does: after a place preposition ("in Jericho") or as the object of a
// verb or a preposition ("left Jericho", "near Jericho"), not as a
// subject or a possessor.
func (r *resolver) placeRole(s, i int) bool {
	if i > 0 && locativePreps[lowerASCII(r.words[s][i-1])] {
		return true
	}
	sent := &r.doc.Sentences[s]
	if !sent.Parsed || i+1 < len(r.words[s]) && isPossessive(r.words[s][i+1]) {
		return false
	}
	switch sent.Tokens[i].Deprel {
	case "obj", "obl", "nmod":
		return true
	}
	return false
}

// inOffice reports whether the table has someone in office on the
// article's date (or, undated, at all) by the name words, or the run has
// learned someone by it.
func (r *resolver) inOffice(words []string) bool {
	if _, ok := r.c.holders.inOffice(words, r.date); ok {
		return true
	}
	return r.kb != nil && r.kb.knows(nameKey(words))
}

// peopleWords reports whether words name a people: religions, ethnic
// groups and nationalities ("Kurds", "Serbs", "Muslim").
func (r *resolver) peopleWords(words []string) bool {
	for i := 0; i < len(words); {
		if groupWords[words[i]] {
			i++
			continue
		}
		n, p := r.place(words, i)
		if n == 0 || p.kind != placeDemonym {
			return false
		}
		i += n
	}
	return len(words) > 0
}

// titled reports whether the word before token a of sentence s is an
// honorific or a person's title ("Mr Washington", "Queen Victoria").
func (r *resolver) titled(s, a int) bool {
	ws := r.words[s]
	if _, ok := honorifics[ws[a-1]]; ok {
		return true
	}
	for q := max(0, a-4); q < a; q++ {
		if n, role, ok := r.c.Role(ws, q); ok && q+n == a && role.Person {
			return true
		}
	}
	return false
}

// knowsPerson reports whether the office-holders table or the run's
// knowledge knows a person by the name words (a full name or a surname).
func (r *resolver) knowsPerson(words []string) bool {
	if len(words) == 0 || !isCapitalised(words[0]) {
		return false
	}
	key := nameKey(words)
	t := r.c.holders
	return len(t.byName[key]) > 0 || len(t.bySurname[key]) > 0 || r.kb != nil && r.kb.knows(key)
}

// surnameInArticle reports whether the recogniser found a person of two or
// more words whose last word is w ("Denzel Washington").
func (r *resolver) surnameInArticle(w string) bool {
	for _, n := range r.doc.Names {
		if n.Type == eventwire.NamePER && r.validName(n) && n.End-n.Start > 1 && r.words[n.Sentence][n.End-1] == w {
			return true
		}
	}
	return false
}

// placeMention fills a mention whose name the gazetteer knows; false when
// it is no mention (a country name that the recogniser called MISC).
func (r *resolver) placeMention(m *mention, p place, class string) bool {
	ws := r.words[m.sent]
	m.place = p
	switch p.kind {
	case placeCountry:
		m.typ, m.key = eventwire.GPE, "c:"+p.iso3
	case placeDemonym:
		m.typ, m.key = eventwire.NORP, "n:"+p.iso3
	case placeCapital:
		m.typ, m.key = eventwire.GPE, "l:"+lowerKey(ws[m.start:m.end])
		if r.governs(m, false) {
			m.kind, m.key = eventwire.MentionMetonym, "g:"+p.iso3+"GOV"
		}
	case placeSeat:
		m.typ, m.key = eventwire.Loc, "l:"+lowerKey(ws[m.start:m.end])
		if r.governs(m, true) {
			sector := p.sector
			if sector == "" {
				sector = "GOV"
			}
			m.typ, m.kind, m.key = eventwire.GPE, eventwire.MentionMetonym, "g:"+p.iso3+sector
		}
	case placeCity, placeRegion:
		if class == eventwire.NameORG {
			// An organisation named after a place ("Chelsea", "Barcelona").
			m.typ = eventwire.Org
			r.orgMention(m)
			return true
		}
		m.typ, m.key = eventwire.GPE, "l:"+lowerKey(ws[m.start:m.end])
	default:
		return false
	}
	return true
}

// ownedInstitution ties an organisation named by a role alone to the
// country whose possessive or nationality stands before it: "Rwanda's
// Senate", "Russia's Foreign Ministry", "the Russian Foreign Ministry"
// (when the recogniser took the institution's name alone). The country
// goes into the mention's place, which codes the entity.
func (r *resolver) ownedInstitution(m *mention) {
	ws := r.words[m.sent]
	if n, role, ok := r.c.Role(ws, m.start); !ok || n != m.end-m.start || role.Person {
		return
	}
	j := m.start - 1
	if j >= 0 && isPossessive(ws[j]) {
		j--
	}
	for q := max(0, j-2); q <= j; q++ {
		n, p := r.place(ws, q)
		if q+n != j+1 {
			continue
		}
		poss := j < m.start-1
		if poss && (p.kind == placeCountry || p.kind == placeCapital) || !poss && p.kind == placeDemonym {
			m.place = place{iso3: p.iso3}
			m.key = "o:" + p.iso3 + ":" + strings.TrimPrefix(m.key, "o:")
		}
		return
	}
}

// orgMention fills the key and organisation of an ORG mention.
func (r *resolver) orgMention(m *mention) {
	ws := r.words[m.sent]
	if n, org, ok := r.c.Org(ws, m.start); ok && n == m.end-m.start {
		m.org, m.isOrg = org, true
		m.key = "o:" + strings.ToLower(org.Name)
		return
	}
	m.key = "o:" + lowerKey(ws[m.start:m.end])
}

// addMissedNames adds, outside the recogniser's names, the organisations
// and the office-holders' full names that the tables know and the
// countries, nationalities, capitals and seats of government that the
// gazetteer knows. Cities and regions are
// left to the recogniser: too many of their names are also common words.
func (r *resolver) addMissedNames() {
	for s, ws := range r.words {
		toks := r.doc.Sentences[s].Tokens
		for i := 0; i < len(ws); i++ {
			if !r.taken[s][i] && !isCapitalised(ws[i]) && nameLike(toks[i].UPOS) {
				r.addLowerName(s, i)
				continue
			}
			if r.taken[s][i] || !isCapitalised(ws[i]) || !nameLike(toks[i].UPOS) {
				continue
			}
			// Seats of government before organisations: "the Kremlin"
			// is the Russian government, a metonym.
			n, p := r.place(ws, i)
			switch p.kind {
			case placeCountry, placeDemonym, placeCapital, placeSeat:
				if r.free(s, i, i+n) {
					m := mention{sent: s, start: i, end: i + n, kind: eventwire.MentionName, ent: -1}
					r.locate(&m)
					if r.placeMention(&m, p, eventwire.NameLOC) {
						r.addMention(m)
					}
					i += n - 1
					continue
				}
			}
			if n, org, ok := r.c.Org(ws, i); ok && r.free(s, i, i+n) {
				m := mention{sent: s, start: i, end: i + n, kind: eventwire.MentionName, ent: -1,
					typ: eventwire.Org, org: org, isOrg: true, key: "o:" + strings.ToLower(org.Name)}
				r.addMention(m)
				i += n - 1
				continue
			}
			// An office-holder's full name: "Bashar Assad".
			if n, _ := r.c.holders.full.match(ws, i); n > 1 && r.free(s, i, i+n) {
				m := mention{sent: s, start: i, end: i + n, kind: eventwire.MentionName, ent: -1,
					typ: eventwire.Person, key: "p:" + lowerKey(ws[i:i+n])}
				r.locate(&m)
				r.addMention(m)
				i += n - 1
			}
		}
	}
}

// addLowerName adds a one-word name written in lower case or in odd case
// at token i of sentence s, where nothing but the case stands against it:
//
//   - someone the office-holders table or the run knows, after a
//     person's title: "President obama";
//   - a nationality before a group role: "tunisian rioters";
//   - a country or nationality in odd case ("iSrael"), or in lower case
//     where the tagger calls it a proper noun.
//
// Words that are also English words ("turkey", "china", "polish") are
// found only in the first two forms, where the context rules out the
// common word. The word is recorded in its proper case ("Obama") so that
// the entity is named and coded as if it had been written so.
func (r *resolver) addLowerName(s, i int) bool {
	ws := r.words[s]
	w := ws[i]
	if w == "" || r.taken[s][i] {
		return false
	}
	// The cheap tests first: most lower-case words are none of these.
	odd := strings.ToLower(w) != w
	propn := r.doc.Sentences[s].Tokens[i].UPOS == "PROPN"
	titled := i > 0 && isCapitalised(ws[i-1]) && r.titled(s, i)
	role := false
	if !odd && !propn && !titled {
		if i+1 >= len(ws) {
			return false
		}
		_, rl, ok := r.c.Role(ws, i+1)
		if role = ok && !rl.Person; !role {
			return false
		}
	}
	proper := properCase(w)
	if proper == w || !unicode.IsLetter([]rune(w)[0]) {
		return false
	}
	one := []string{proper}
	var m mention
	switch n, p := r.place(one, 0); {
	case titled && r.knowsPerson(one):
		m = mention{typ: eventwire.Person, key: "p:" + lowerKey(one)}
	case n != 1 || p.kind != placeCountry && p.kind != placeDemonym:
		return false
	case role && p.kind != placeDemonym:
		return false
	default:
		m = mention{place: p}
		r.words[s][i] = proper
		if !r.placeMention(&m, p, eventwire.NameLOC) {
			r.words[s][i] = w
			return false
		}
	}
	r.free(s, i, i+1)
	r.words[s][i] = proper
	m.sent, m.start, m.end, m.kind, m.ent = s, i, i+1, eventwire.MentionName, -1
	r.addMention(m)
	return true
}

// properCase returns w with its first letter in upper case and the others
// in lower case ("obama", "iSrael": "Obama", "Israel").
func properCase(w string) string {
	rs := []rune(strings.ToLower(w))
	if len(rs) == 0 {
		return w
	}
	rs[0] = unicode.ToUpper(rs[0])
	return string(rs)
}

// free reports whether tokens [a, b) of sentence s are in no mention yet,
// and marks them taken when they are.
func (r *resolver) free(s, a, b int) bool {
	if b > len(r.taken[s]) {
		return false
	}
	for i := a; i < b; i++ {
		if r.taken[s][i] {
			return false
		}
	}
	for i := a; i < b; i++ {
		r.taken[s][i] = true
	}
	return true
}

// addMention computes the syntactic facts of m and appends it.
func (r *resolver) addMention(m mention) {
	r.locate(&m)
	r.mentions = append(r.mentions, m)
}

// locate computes the syntactic facts of m: its head, its grammatical role
// and salience weight, whether it is quoted or the object of a place
// preposition.
func (r *resolver) locate(m *mention) {
	sent := &r.doc.Sentences[m.sent]
	toks := sent.Tokens
	m.head = m.end - 1
	parsed := sent.Parsed
	if parsed {
		for i := m.start; i < m.end; i++ {
			if h := toks[i].Head; h < m.start || h >= m.end {
				m.head = i
				break
			}
		}
	}
	m.quoted = r.quoted[m.sent][m.start]
	m.locative, m.subject, m.modifier = false, false, false
	if m.start > 0 {
		m.locative = locativePreps[lowerASCII(r.words[m.sent][m.start-1])] ||
			m.start > 1 && isDeterminer(r.words[m.sent][m.start-1]) && locativePreps[lowerASCII(r.words[m.sent][m.start-2])]
	}
	if !m.locative && parsed {
		m.locative = r.placePhrase(m)
	}
	m.weight = 100 // recency
	if !parsed {
		m.weight += 50
		if m.start == 0 {
			m.weight += 80
			m.subject = true
		}
	} else {
		rel := toks[m.head].Deprel
		base, _, _ := strings.Cut(rel, ":")
		switch base {
		case "nsubj", "csubj":
			m.subject = true
			m.weight += 80
		case "obj":
			m.weight += 50
		case "iobj":
			m.weight += 40
		case "compound", "amod":
			m.modifier = true
		}
		switch base {
		case "nmod", "compound", "amod", "flat", "appos", "conj", "nummod":
		default:
			m.weight += 80 // head noun
		}
		adverbial := base == "obl" || base == "advmod"
		if h := toks[m.head].Head; base == "nmod" && h >= 0 && h < len(toks) && strings.HasPrefix(toks[h].Deprel, "obl") {
			adverbial = true
		}
		if !adverbial {
			m.weight += 50
		}
	}
	if m.quoted {
		m.weight /= 2
	}
}

// placePhrase reports whether the parse puts the mention in a phrase
// that a place preposition governs, the name being the phrase's head or in
// apposition to it: "in the Cameroon capital Yaounde".
func (r *resolver) placePhrase(m *mention) bool {
	toks := r.doc.Sentences[m.sent].Tokens
	h1, h2 := m.head, -1
	switch toks[m.head].Deprel {
	case "appos", "flat", "compound", "nmod:desc":
		h2 = toks[m.head].Head
	}
	ws := r.words[m.sent]
	for i := max(0, m.start-6); i < m.start; i++ {
		if toks[i].Deprel == "case" && (toks[i].Head == h1 || toks[i].Head == h2) && locativePreps[lowerASCII(ws[i])] {
			return true
		}
	}
	// Without the parse's help: "in the Russian capital Moscow".
	if m.start > 0 && placeWords[lowerASCII(ws[m.start-1])] {
		for i := m.start - 2; i >= 0 && i >= m.start-5; i-- {
			if locativePreps[lowerASCII(ws[i])] {
				return true
			}
			if u := toks[i].UPOS; u == "VERB" || u == "PUNCT" || u == "AUX" {
				break
			}
		}
	}
	return false
}

// placeWords are nouns that put a place's name in apposition: "the
// capital Moscow".
var placeWords = map[string]bool{
	"capital": true, "city": true, "town": true, "village": true, "port": true, "province": true, "region": true,
}

// governs reports whether the capital or seat of m stands for its
// government: it is the subject of a verb that a government does, or it
// owns something that is not part of a city ("Washington's assertion", not
// "Moscow's streets"). A seat ("the Kremlin") stands for its government
// unless it is the object of a place preposition ("at the White House").
func (r *resolver) governs(m *mention, seat bool) bool {
	sent := &r.doc.Sentences[m.sent]
	if seat {
		return !m.locative
	}
	if m.locative {
		return false
	}
	if m.start > 0 && lowerASCII(r.words[m.sent][m.start-1]) == "by" {
		return true // an agent: "an admission by Moscow", "was rejected by Washington"
	}
	if !sent.Parsed {
		return false
	}
	toks := sent.Tokens
	i := m.head
	if toks[i].Deprel == "conj" { // "Washington and Moscow agreed"
		if h := toks[i].Head; h >= 0 && h < len(toks) && h < i {
			i = h
		}
	}
	h := toks[i].Head
	if h < 0 || h >= len(toks) {
		return false
	}
	switch toks[i].Deprel {
	case "nsubj":
		if toks[h].UPOS != "VERB" && toks[h].UPOS != "AUX" {
			return false // "Moscow is cold", "Moscow is the capital"
		}
		return !placeVerbs[toks[h].Lemma]
	case "nmod:poss":
		return governmentNouns[strings.ToLower(toks[h].Lemma)]
	}
	return false
}

// placeVerbs are the verbs whose subject is a city as a place.
var placeVerbs = map[string]bool{
	"be": true, "lie": true, "sit": true, "stand": true, "border": true, "host": true, "sprawl": true,
	"freeze": true, "flood": true, "shake": true, "swelter": true, "shiver": true, "experience": true,
	"record": true, "look": true, "become": true, "remain": true, "grow": true, "wake": true, "sleep": true,
	"celebrate": true, "mourn": true, "boast": true, "attract": true, "welcome": true, "hold": true,
}

// governmentNouns are what a capital owns when it stands for its
// government: "Washington's assertion", "Moscow's position", "Manila's
// debt accord" (but "Tokyo's stock market", "Moscow's streets").
var governmentNouns = map[string]bool{
	"assertion": true, "position": true, "policy": true, "decision": true, "demand": true, "stance": true,
	"support": true, "offer": true, "proposal": true, "call": true, "refusal": true, "claim": true, "view": true,
	"plan": true, "statement": true, "response": true, "reaction": true, "approach": true, "effort": true,
	"attempt": true, "request": true, "move": true, "insistence": true, "objection": true, "opposition": true,
	"concern": true, "approval": true, "rejection": true, "relation": true, "ally": true, "envoy": true,
	"ambassador": true, "delegation": true, "negotiator": true, "government": true, "administration": true,
	"role": true, "strategy": true, "intervention": true, "involvement": true, "bid": true, "pledge": true,
	"commitment": true, "threat": true, "warning": true, "accusation": true, "complaint": true, "backing": true,
	"accord": true, "agreement": true, "deal": true, "debt": true, "budget": true, "programme": true,
	"program": true, "sanction": true, "ban": true, "veto": true, "condemnation": true,
	"denial": true, "announcement": true, "order": true, "crackdown": true, "campaign": true, "offensive": true,
	"invasion": true, "occupation": true, "annexation": true, "aid": true, "diplomacy": true, "diplomat": true,
	"official": true, "leadership": true, "leader": true, "regime": true, "military": true, "troops": true,
	"force": true, "army": true, "navy": true, "ultimatum": true, "initiative": true, "interest": true,
	"objective": true, "aim": true, "goal": true, "intention": true, "insistance": true, "retaliation": true,
	"retreat": true, "reluctance": true, "willingness": true, "readiness": true, "failure": true, "ties": true,
	"tie": true, "partner": true, "rival": true, "adversary": true, "enemy": true, "foe": true,
	"patience": true, "anger": true, "frustration": true, "displeasure": true, "tolerance": true, "resolve": true,
	"determination": true, "suspicion": true, "worry": true, "fear": true, "hope": true, "confidence": true,
	"trust": true, "anxiety": true, "unease": true, "irritation": true, "outrage": true, "protest": true,
}

// locativePreps are the prepositions that make a place of a name.
var locativePreps = map[string]bool{
	"in": true, "at": true, "near": true, "inside": true, "outside": true, "around": true, "across": true,
	"throughout": true, "within": true, "into": true, "outskirts": true, "toward": true, "towards": true, "via": true,
}

// nameLike reports whether a token with this part of speech may start a
// name ("" when the sentence is not tagged).
func nameLike(upos string) bool {
	switch upos {
	case "PROPN", "ADJ", "NOUN", "X", "":
		return true
	}
	return false
}

func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func isPossessive(w string) bool {
	switch w {
	case "'s", "’s", "'", "’", "'S", "’S":
		return true
	}
	return false
}

func isDeterminer(w string) bool { return w == "the" || w == "The" || w == "a" || w == "an" }

func isPunct(w string) bool {
	for _, r := range w {
		if !unicode.IsPunct(r) {
			return false
		}
	}
	return w != ""
}

// lowerASCII lowers w when it has ASCII capitals, allocating only then.
func lowerASCII(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf {
			return strings.ToLower(w)
		}
	}
	return w
}

// lowerKey joins the words of a name in lower case, leaving out hyphens
// and the Arabic article ("al-Assad" and "Assad" share a key), so that
// spelling variants of one name match.
func lowerKey(ws []string) string {
	var b strings.Builder
	for i, w := range ws {
		if w == "-" || w == "‐" || (strings.EqualFold(w, "al") || strings.EqualFold(w, "el")) && i+1 < len(ws) && ws[i+1] == "-" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strings.ToLower(w))
	}
	return b.String()
}

// sortByPosition sorts mentions into text order.
func sortByPosition(ms []mention) {
	slices.SortStableFunc(ms, func(a, b mention) int {
		if a.sent != b.sent {
			return a.sent - b.sent
		}
		return a.start - b.start
	})
}
