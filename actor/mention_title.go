package actor

import "strings"

// title is a title that the text gives a person: "Russian Foreign
// Minister" is the title "Foreign Minister" with the country RUS.
type title struct {
	role    RoleInfo
	country string  // ISO3 from a country adjective, a possessive or "of Russia"
	org     OrgInfo // from an organisation before the title ("NATO Secretary-General")
	hasOrg  bool
	former  bool // "former", "ex-": no longer held
}

// maxTitleWords bounds the length of a title and of its qualifier.
const maxTitleWords = 6

// findTitles collects the titles given to every person named: before the
// name ("Secretary of State John Kerry", "Russian Foreign Minister Sergei
// Lavrov", "NATO Secretary-General Anders Fogh Rasmussen"), in an
// apposition after it ("Lavrov, Russia's foreign minister,") or before it
// ("the Russian foreign minister, Sergei Lavrov,").
func (r *resolver) findTitles() {
	for i := range r.mentions {
		m := &r.mentions[i]
		if m.typ != "PERSON" {
			continue
		}
		ws := r.words[m.sent]
		if t, _, ok := r.titleBefore(m.sent, m.start, false); ok {
			m.titles = append(m.titles, t)
		} else if m.start >= 2 && ws[m.start-1] == "," {
			if t, _, ok := r.titleBefore(m.sent, m.start-1, true); ok {
				m.titles = append(m.titles, t)
			}
		}
		if t, ok := r.apposition(m.sent, m.end); ok {
			m.titles = append(m.titles, t)
		} else if t, ok := r.relativeAs(m.sent, m.end); ok {
			m.titles = append(m.titles, t)
		}
		if m.gender == 0 {
			for _, t := range m.titles {
				if g := titleGender(t.role.Title); g != 0 {
					m.gender = g
				}
			}
		}
	}
}

// titleBefore finds a person's title that ends at token end of sentence s,
// with its qualifiers; start is where the whole phrase starts. With
// determiner, the phrase may (and usually does) start with "the".
func (r *resolver) titleBefore(s, end int, determiner bool) (t title, start int, ok bool) {
	ws := r.words[s]
	for j := max(0, end-maxTitleWords); j < end; j++ {
		n, role, found := r.c.Role(ws, j)
		if !found || !role.Person || j+n != end && !portfolio(ws, j+n, end) {
			continue
		}
		t.role = role
		start = r.qualify(s, j, &t)
		if determiner {
			if start == 0 || !isDeterminer(ws[start-1]) && !possessivePronoun(ws[start-1]) {
				return title{}, 0, false
			}
			start--
		}
		return t, start, true
	}
	return title{}, 0, false
}

// qualify reads what stands before the title that starts at token j of
// sentence s: a country adjective or name ("Russian", "U.S."), a
// possessive ("Russia's"), an organisation ("NATO"), "former". It returns
// where the qualified title starts.
func (r *resolver) qualify(s, j int, t *title) int {
	ws := r.words[s]
	toks := r.doc.Sentences[s].Tokens
	start := j
	k := j
	// Modifiers between the qualifier and the title: "Jordan's visiting
	// King Abdullah".
	for step := 0; step < 2 && k > 1 && !isCapitalised(ws[k-1]) && (toks[k-1].UPOS == "ADJ" || toks[k-1].XPOS == "VBG"); step++ {
		if formerWords[lowerASCII(ws[k-1])] {
			break
		}
		k--
	}
	// Ranks before the title: "Deputy Secretary of Energy".
	for step := 0; step < 2 && k > 1 && rankWords[ws[k-1]]; step++ {
		k--
	}
	if k > 0 && isPossessive(ws[k-1]) {
		k--
	}
	for q := max(0, k-3); q < k; q++ {
		if n, p := r.place(ws, q); q+n == k && (p.kind == placeCountry || p.kind == placeDemonym) {
			t.country, start = p.iso3, q
			break
		}
		if n, org, ok := r.c.Org(ws, q); ok && q+n == k {
			t.org, t.hasOrg, start = org, true, q
			break
		}
	}
	if start == j && k == j {
		// A portfolio between the country and the title: "Vietnam's
		// Planning and Investment Minister".
		if q, iso := r.countryBeforePortfolio(s, j); iso != "" {
			t.country, start = iso, q
		}
	}
	if start == j && k < j { // a possessive or modifier of something unknown
		return j
	}
	if start > 0 {
		switch w := lowerASCII(ws[start-1]); {
		case formerWords[w]:
			t.former = true
			start--
		case w == "-":
			if start > 1 && strings.EqualFold(ws[start-2], "ex") {
				t.former = true
				start -= 2
			}
		}
	}
	return start
}

// formerWords mark a title no longer held. "Outgoing" is not one: an
// outgoing prime minister holds the office until the successor takes it.
var formerWords = map[string]bool{"former": true, "ex": true, "ex-": true, "then": true, "late": true}

// apposition reads a title in an apposition that starts with a comma at
// token i of sentence s: ", Russia's foreign minister,", ", the president
// of Syria,".
func (r *resolver) apposition(s, i int) (title, bool) {
	ws := r.words[s]
	if i >= len(ws) || ws[i] != "," {
		return title{}, false
	}
	k := i + 1
	if k < len(ws) && isDeterminer(ws[k]) {
		k++
	}
	// The title starts after the qualifiers; find it by trying each start
	// up to the next comma.
	for j := k; j < len(ws) && j < k+maxTitleWords && ws[j] != ","; j++ {
		n, role, ok := r.c.Role(ws, j)
		if !ok || !role.Person {
			continue
		}
		t := title{role: role}
		if r.qualify(s, j, &t) != k {
			// Words the title does not explain ("a senior U.S. official").
			return title{}, false
		}
		e := j + n
		if e+1 < len(ws) && ws[e] == "of" {
			if n, p := r.place(ws, e+1); n > 0 && p.kind == placeCountry {
				t.country = p.iso3
				e += 1 + n
			} else if n, org, ok := r.c.Org(ws, e+1); ok {
				t.org, t.hasOrg = org, true
				e += 1 + n
			}
		}
		if e < len(ws) && !endsApposition(ws[e]) {
			return title{}, false
		}
		return t, true
	}
	return title{}, false
}

// relativeAs reads a title in a relative clause after a name, that starts
// with a comma at token i of sentence s: ", who is attending his first
// NATO ministerial as secretary of state,".
func (r *resolver) relativeAs(s, i int) (title, bool) {
	ws := r.words[s]
	if i+1 >= len(ws) || ws[i] != "," || ws[i+1] != "who" {
		return title{}, false
	}
	for k := i + 2; k+1 < len(ws) && ws[k] != "," && ws[k] != "."; k++ {
		if ws[k] != "as" {
			continue
		}
		j := k + 1
		if isDeterminer(ws[j]) {
			j++
		}
		for q := j; q < len(ws) && q < j+4; q++ {
			n, role, ok := r.c.Role(ws, q)
			if !ok || !role.Person {
				continue
			}
			t := title{role: role}
			if r.qualify(s, q, &t) != j || q+n < len(ws) && !endsApposition(ws[q+n]) {
				return title{}, false
			}
			return t, true
		}
		return title{}, false
	}
	return title{}, false
}

// endsApposition reports whether w can follow an apposition.
func endsApposition(w string) bool {
	switch w {
	case ",", ".", ";", ":", ")", "—", "–", "-", "said", "says", "who", "told":
		return true
	}
	return false
}

// titleGender is the gender a title implies, 0 when it implies none.
func titleGender(t string) byte {
	t = strings.ToLower(t)
	switch {
	case strings.Contains(t, "woman") || strings.HasSuffix(t, "ess") || strings.Contains(t, "queen") ||
		strings.Contains(t, "princess") || strings.HasPrefix(t, "lady") || strings.Contains(t, "duchess"):
		return 'f'
	case strings.HasSuffix(t, "man") || strings.Contains(t, "king") || strings.Contains(t, "prince") ||
		strings.HasPrefix(t, "lord") || strings.Contains(t, "duke") || strings.HasSuffix(t, "father"):
		return 'm'
	}
	return 0
}

// possessivePronoun reports whether w is a possessive determiner ("her
// spokeswoman").
func possessivePronoun(w string) bool {
	switch lowerASCII(w) {
	case "his", "her", "its", "their":
		return true
	}
	return false
}

// rankWords qualify a title without changing its sector: "Deputy
// Secretary of Energy", "Federal Minister for Interior".
var rankWords = map[string]bool{
	"Deputy": true, "Assistant": true, "Under": true, "Vice": true, "Acting": true, "Federal": true,
}

// portfolio reports whether words [a, end) are the portfolio of a title
// that ends at a: "of Energy", "for Foreign Affairs", "of Planning and
// Investment", capitalised words after "of" or "for".
func portfolio(ws []string, a, end int) bool {
	if end-a < 2 || end-a > 5 || ws[a] != "of" && ws[a] != "for" || !isCapitalised(ws[end-1]) {
		return false
	}
	for _, w := range ws[a+1 : end] {
		if !isCapitalised(w) && w != "and" && w != "&" {
			return false
		}
	}
	return true
}

// countryBeforePortfolio finds a country name, possessive or nationality
// before up to four capitalised words (and "and") that end at token j of
// sentence s: "Vietnam 's Planning and Investment" before "Minister".
// It returns where the country starts and its ISO3, "" when none.
func (r *resolver) countryBeforePortfolio(s, j int) (int, string) {
	ws := r.words[s]
	for k := j - 1; k > 0 && j-k <= 4; k-- {
		if !isCapitalised(ws[k]) && (ws[k] != "and" || k == j-1) {
			return 0, ""
		}
		if ws[k] == "and" {
			continue
		}
		end := k
		if isPossessive(ws[end-1]) {
			end--
		}
		for q := max(0, end-3); q < end; q++ {
			n, p := r.place(ws, q)
			if n == 0 || q+n != end {
				continue
			}
			poss := end < k
			if poss && (p.kind == placeCountry || p.kind == placeCapital) || !poss && (p.kind == placeDemonym || p.kind == placeCountry) {
				return q, p.iso3
			}
		}
	}
	return 0, ""
}
