package clean

import "github.com/eventwire/eventwire"

// maxHeaderLines is how many lines (bylines, short paragraphs, marked lines)
// may come between the start of the body and its dateline.
const maxHeaderLines = 4

// findDateline looks for the dateline at the start of the body, which begins
// at line index body, or on the title line, when title is not -1: an
// article that came without a title takes the first line of its text for
// one, and that line may open with the dateline. A headline often reads
// like a bare dateline ("ECONOMIC SPOTLIGHT - Profits rise"), so on the
// title line only a dateline with a date or an agency is taken.
func findDateline(rs []rune, lines []line, title, body int) *eventwire.Dateline {
	if title >= 0 {
		if d := datelineAt(rs, &lines[title], true); d != nil {
			return d
		}
	}
	passed := 0
	for i := body; i < len(lines); i++ {
		l := &lines[i]
		if l.start == l.end {
			continue
		}
		if l.reason == none {
			if d := datelineAt(rs, l, false); d != nil {
				return d
			}
			t := rs[l.start:l.end]
			if !isByline(t) && !isStandalone(t, lines, i) {
				return nil
			}
		}
		passed++
		if passed > maxHeaderLines {
			return nil
		}
	}
	return nil
}

// datelineAt returns the dateline that opens line l, or nil. strong asks
// for a dateline with a date or an agency.
func datelineAt(rs []rune, l *line, strong bool) *eventwire.Dateline {
	t := rs[l.start:l.end]
	if strong && !hasDateOrAgency(t) {
		return nil
	}
	m, ok := parseDateline(t)
	if !ok || l.inReason != none && int(l.start)+m.end > int(l.inStart) || strong && !m.date && m.agencyEnd == 0 {
		return nil
	}
	return &eventwire.Dateline{
		Place:  string(t[m.placeStart:m.placeEnd]),
		Agency: agencyName(t[m.agencyStart:m.agencyEnd]),
		Start:  int(l.start) + m.start,
		End:    int(l.start) + m.end,
	}
}

// hasDateOrAgency is a quick test that the opening of t could hold a date or
// an agency: a digit or a parenthesis among its first 80 code points.
func hasDateOrAgency(t []rune) bool {
	for _, r := range t[:min(len(t), 80)] {
		if r == '(' || isDigit(r) {
			return true
		}
	}
	return false
}

// isByline reports a line such as "By Jane Smith and John Doe, Reuters".
func isByline(t []rune) bool {
	if len(t) > 100 || !(hasPrefix(t, "By ") || hasPrefix(t, "BY ")) {
		return false
	}
	names := 0
	for k := 3; ; {
		ws, we := nextWord(t, k)
		if ws == we {
			break
		}
		k = we
		w := trimPunct(t[ws:we])
		switch {
		case len(w) == 0:
		case isUpper(w[0]):
			names++
		case inFold(w, nameWords):
		default:
			return false
		}
	}
	return names > 0
}

// isStandalone reports a line that is a paragraph of its own, up to 400
// code points: a date, a deck, a kicker, a title written differently from
// doc.Title, a summary.
func isStandalone(t []rune, lines []line, i int) bool {
	return len(t) <= 400 && (i+1 == len(lines) || lines[i+1].start == lines[i+1].end)
}

// datelineMatch holds the bounds, within a trimmed line, of a dateline and
// of its parts.
type datelineMatch struct {
	start, end              int
	placeStart, placeEnd    int
	agencyStart, agencyEnd  int
	agencyKnown, mixedPlace bool
	date                    bool
}

// parseDateline matches a dateline at the start of the trimmed line t.
func parseDateline(t []rune) (datelineMatch, bool) {
	var m datelineMatch
	p := 0
	if t[0] != '(' {
		e, upper, ok := scanPlace(t)
		if !ok {
			return m, false
		}
		m.placeEnd, m.mixedPlace = e, !upper
		p = e
		for segs := 0; ; segs++ {
			c := skipSpaces(t, p)
			if c >= len(t) || t[c] != ',' {
				break
			}
			if segs == 3 {
				return m, false
			}
			q := skipSpaces(t, c+1)
			if e, ok := scanDate(t, q); ok {
				m.date = true
				p = e
			} else if e, ok := scanRegion(t, q); ok {
				p = e
				// "Minn. March 16": a date after the region, without a comma.
				if p+1 < len(t) && t[p] == ' ' {
					if e, ok := scanDate(t, p+1); ok {
						m.date = true
						p = e
					}
				}
			} else if _, ok := scanDash(t, c+1); ok && segs > 0 {
				// "CHICAGO, March 4, - ...": a stray comma before the dash.
				p = c + 1
				break
			} else {
				return m, false
			}
		}
	}
	q := skipSpaces(t, p)
	if q < len(t) && t[q] == '(' {
		e, ok := scanAgency(t, q, &m)
		if !ok {
			return m, false
		}
		p = e
	} else if m.placeEnd == 0 {
		return m, false
	}
	if e, ok := scanDash(t, p); ok {
		m.end = e
	} else {
		// No dash: the agency must be a well-known one.
		if !m.agencyKnown {
			return m, false
		}
		m.end = p
	}
	if (m.mixedPlace || m.placeEnd == 0) && !m.agencyKnown && !m.date {
		// "(Editor's note) - ...", "Kerry - ...".
		return m, false
	}
	// A bare "PLACE -", without date or agency, is the weakest form.
	bare := !m.date && m.agencyEnd == 0
	if m.placeEnd > 0 && !goodPlace(t[:m.placeEnd], bare) {
		return m, false
	}
	if bare && !goodRest(t[m.end:]) {
		return m, false
	}
	// "SIEGEL--Jerome" opens a death notice; "MOSCOW—Russia said" is a
	// dateline. Unspaced, a bare dateline takes the em dash only.
	if d := skipSpaces(t, p); bare && d == p && t[d] != '—' {
		return m, false
	}
	return m, true
}

// scanPlace reads the place that opens t: words that start with a capital,
// separated by one space or a slash. upper says whether all the words are
// in capitals.
func scanPlace(t []rune) (end int, upper, ok bool) {
	upper = true
	words := 0
	k := 0
	for {
		e, wordUpper := scanWord(t, k)
		if e == k {
			return 0, false, false
		}
		words++
		if words > 5 || e > 40 {
			return 0, false, false
		}
		upper = upper && wordUpper
		end = e
		// Another word?
		if e+1 < len(t) && (t[e] == ' ' || t[e] == '/') && isUpper(t[e+1]) {
			k = e + 1
			continue
		}
		break
	}
	if !upper && words > 4 {
		return 0, false, false
	}
	return end, upper, true
}

// scanWord reads a capitalised word at k: letters, with dots, and hyphens
// and apostrophes between letters. upper says whether it is all capitals
// (allowing a "Mc" prefix, as in "McALLEN").
func scanWord(t []rune, k int) (end int, upper bool) {
	if k >= len(t) || !isUpper(t[k]) {
		return k, false
	}
	upper = true
	e := k
	for e < len(t) {
		r := t[e]
		switch {
		case isLetter(r):
			if !isUpper(r) && !(r == 'c' && e == k+1 && t[k] == 'M' && e+1 < len(t) && isUpper(t[e+1])) {
				upper = false
			}
		case r == '.':
			if !isLetter(t[e-1]) {
				return e, upper
			}
		case r == '-' || r == '\'' || r == '’':
			if e+1 >= len(t) || !isLetter(t[e+1]) {
				return e, upper
			}
		default:
			return e, upper
		}
		e++
	}
	return e, upper
}

// scanRegion reads a region or country after a comma: up to four
// capitalised words, with "of", "and", "de" or "del" between them.
func scanRegion(t []rune, k int) (int, bool) {
	if hasPrefix(t[k:], "the ") {
		k += 4
	}
	words := 0
	end := k
	for {
		e, _ := scanWord(t, k)
		if e == k {
			return 0, false
		}
		words++
		end = e
		if words > 4 || end-k > 40 {
			return 0, false
		}
		if e+1 < len(t) && t[e] == ' ' {
			n := e + 1
			if _, ok := scanDate(t, n); ok {
				return end, true
			}
			if isUpper(t[n]) {
				k = n
				continue
			}
			for _, c := range regionConnectors {
				if hasPrefix(t[n:], c) && n+len(c) < len(t) && isUpper(t[n+len(c)]) {
					k = n + len(c)
					break
				}
			}
			if k > e {
				continue
			}
		}
		return end, true
	}
}

var regionConnectors = []string{"of ", "and ", "de ", "del "}

var months = []string{
	"january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec",
}

// scanDate reads a date after a comma: "April 23", "Jan. 5", "MARCH 20",
// "23 April", optionally followed by a year ("April 23, 2013").
func scanDate(t []rune, k int) (int, bool) {
	if k < len(t) && isDigit(t[k]) {
		// "23 April"
		d := scanDay(t, k)
		if d == k || d >= len(t) || t[d] != ' ' {
			return 0, false
		}
		e, ok := scanMonth(t, d+1)
		if !ok {
			return 0, false
		}
		return scanYear(t, e), true
	}
	e, ok := scanMonth(t, k)
	if !ok || e >= len(t) || t[e] != ' ' {
		return 0, false
	}
	d := scanDay(t, skipSpaces(t, e))
	if d == skipSpaces(t, e) {
		return 0, false
	}
	return scanYear(t, d), true
}

func scanMonth(t []rune, k int) (int, bool) {
	for _, m := range months {
		if hasPrefixFold(t[k:], m) && boundary(t, k+len(m)) {
			e := k + len(m)
			if e < len(t) && t[e] == '.' {
				e++
			}
			return e, true
		}
	}
	return 0, false
}

// scanDay reads a day of one or two digits, with an optional st/nd/rd/th.
func scanDay(t []rune, k int) int {
	e := k
	for e < len(t) && e-k < 2 && isDigit(t[e]) {
		e++
	}
	if e == k {
		return k
	}
	for _, s := range []string{"st", "nd", "rd", "th"} {
		if hasPrefixFold(t[e:], s) && boundary(t, e+2) {
			return e + 2
		}
	}
	if !boundary(t, e) {
		return k
	}
	return e
}

// scanYear reads an optional " 2013" or ", 2013" at k.
func scanYear(t []rune, k int) int {
	q := k
	if q < len(t) && t[q] == ',' {
		q++
	}
	q = skipSpaces(t, q)
	if q+4 <= len(t) && isYear(t[q:q+4]) && boundary(t, q+4) && q > k {
		return q + 4
	}
	return k
}

// scanAgency reads "(Agency)" at k, where t[k] is '('.
func scanAgency(t []rune, k int, m *datelineMatch) (int, bool) {
	e := k + 1
	for e < len(t) && t[e] != ')' {
		if t[e] == '(' || e-k > 40 {
			return 0, false
		}
		e++
	}
	if e >= len(t) {
		return 0, false
	}
	a := trimSpaces(t[k+1 : e])
	if len(a) < 2 {
		return 0, false
	}
	start := k + 1 + skipSpaces(t[k+1:e], 0)
	known := inFold(a, knownAgencies)
	if !known {
		// Up to three words, the first capitalised: letters with . - & '.
		if !isUpper(a[0]) {
			return 0, false
		}
		words, letters := 1, 0
		for i, r := range a {
			switch {
			case isLetter(r):
				letters++
			case r == ' ':
				if a[i-1] != ' ' {
					words++
				}
			case r == '.' || r == '-' || r == '&' || r == '\'' || r == '’':
			default:
				return 0, false
			}
		}
		if words > 3 || letters < 2 {
			return 0, false
		}
		for _, w := range agencyNotWords {
			if hasPrefixFold(a, w) && boundary(a, len(w)) {
				return 0, false
			}
		}
	}
	m.agencyStart, m.agencyEnd, m.agencyKnown = start, start+len(a), known
	return e + 1, true
}

// knownAgencies are agencies whose name alone, in parentheses, makes a
// dateline even without a dash (lower case, compared ignoring case).
var knownAgencies = []string{
	"reuters", "ap", "afp", "xinhua", "dpa", "upi", "bloomberg", "cnn", "ians",
	"pti", "ani", "kyodo", "yonhap", "tass", "itar-tass", "ansa", "efe",
	"interfax", "aap", "bernama", "irna", "anadolu", "associated press",
	"thomson reuters foundation", "reuters health", "reuters breakingviews",
}

// agencySpellings are the usual spellings of the known agencies, whose
// strings are shared rather than allocated for every dateline.
var agencySpellings = []string{"Reuters", "AP", "AFP", "Xinhua", "dpa", "UPI", "Bloomberg", "CNN", "IANS"}

// agencyName returns the agency as written.
func agencyName(a []rune) string {
	for _, s := range agencySpellings {
		if len(a) == len(s) && hasPrefix(a, s) {
			return s
		}
	}
	return string(a)
}

// agencyNotWords open parenthesised words that are no agency.
var agencyNotWords = []string{"photo", "file", "updated", "update", "video", "corrected", "see", "editing", "reporting", "editor", "editor's"}

// scanDash reads the dash that closes a dateline, after optional spaces,
// and returns the offset after it.
func scanDash(t []rune, k int) (int, bool) {
	q := skipSpaces(t, k)
	if q >= len(t) {
		return 0, false
	}
	spaced := q > k
	e := q
	switch t[q] {
	case '-':
		for e < len(t) && t[e] == '-' && e-q < 3 {
			e++
		}
		if e < len(t) && (t[e] == '-' || isDigit(t[e]) || isLower(t[e])) {
			return 0, false
		}
		if !spaced && e == q+1 && q > 0 && !isDigit(t[q-1]) && t[q-1] != ')' {
			return 0, false
		}
	case '–', '—', '―':
		e++
		for e < len(t) && (t[e] == '–' || t[e] == '—' || t[e] == '―') && e-q < 2 {
			e++
		}
	case '_':
		e++
		if !spaced || e < len(t) && !isSpace(t[e]) {
			return 0, false
		}
	default:
		return 0, false
	}
	return e, true
}

// notPlaces are newsroom labels that look like a place before a dash.
var notPlaces = []string{
	"update", "updated", "exclusive", "analysis", "factbox", "fact box",
	"wrapup", "wrap", "interview", "corrected", "correction", "clarification",
	"refile", "refiled", "repeat", "rpt", "brief", "breaking", "breaking news",
	"urgent", "flash", "insight", "column", "commentary", "preview",
	"timeline", "special report", "newsmaker", "focus", "advisory",
	"editors", "editor's note", "note", "opinion", "comment", "review",
	"feature", "profile", "obituary", "live", "video", "photos", "watch",
	"markets", "graphic", "poll", "explainer", "sports", "bulletin",
	"correction appended", "new", "the", "and", "but", "ok",
	"farewell", "psa", "now open", "good morning", "good evening",
	"developing", "happening now", "scoop", "spotted", "flashback",
	"bottom line", "the bottom line", "big picture", "the big picture",
	"why it matters", "by the numbers", "quote of the day", "mailbag",
	"transitions", "programming note", "first look", "first listen",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"today", "yesterday", "tonight", "january", "february", "march", "april",
	"may", "june", "july", "august", "september", "october", "november", "december",
}

// maxNotPlace is the length of the longest of notPlaces.
var maxNotPlace = func() int {
	n := 0
	for _, s := range notPlaces {
		n = max(n, len(s))
	}
	return n
}()

// notPlaceWords are words that a place name never has, but a headline or
// a lead-in in capitals often does ("NEW YORK AT ITS CORE —"). They are
// checked in bare datelines only.
var notPlaceWords = []string{
	// function words
	"a", "all", "an", "and", "are", "as", "at", "be", "but", "by", "can",
	"do", "for", "has", "have", "he", "her", "his", "how", "i", "if", "in",
	"is", "it", "its", "just", "more", "most", "my", "no", "not", "now",
	"off", "on", "only", "or", "our", "out", "over", "she", "so", "than",
	"that", "their", "them", "then", "there", "these", "they", "this",
	"those", "to", "too", "up", "very", "was", "we", "were", "what", "when",
	"where", "which", "who", "why", "will", "with", "yes", "you", "your",
	// the shouted lead-ins of reviews, blogs and newsletters
	"alert", "amazing", "avoid", "awesome", "bad", "best", "big", "deal",
	"deals", "ever", "excellent", "first", "free", "fyi", "good", "great",
	"hate", "help", "highly", "horrible", "hot", "last", "love", "must",
	"mistake", "never", "next", "please", "quick", "read", "recommend",
	"recommended", "sale", "service", "terrible", "thanks", "tip", "tips",
	"top", "warning", "worst", "wow",
}

// goodPlace checks a place: at least three letters and no newsroom label;
// in a bare dateline also at most three words, none of notPlaceWords.
func goodPlace(p []rune, bare bool) bool {
	letters := 0
	for _, r := range p {
		if isLetter(r) {
			letters++
		}
	}
	if letters < 3 || len(p) <= maxNotPlace && inFold(p, notPlaces) {
		return false
	}
	if !bare {
		return true
	}
	words := 0
	for k := 0; k < len(p); {
		s := k
		for k < len(p) && p[k] != ' ' && p[k] != '/' {
			k++
		}
		words++
		if words > 3 || inFold(p[s:k], notPlaceWords) {
			return false
		}
		k++
	}
	return true
}

// goodRest checks the text that follows a dateline without date or agency
// on its line: it must not be in capitals (a headline) or open with a
// lower-case word.
func goodRest(t []rune) bool {
	k := 0
	for k < len(t) && (isSpace(t[k]) || !isAlnum(t[k])) {
		k++
	}
	if k == len(t) {
		return true
	}
	if isLower(t[k]) {
		// "eBay said ..." is fine; "and then ..." is not.
		e := k
		mixed := false
		for e < len(t) && isAlnum(t[e]) {
			if isUpper(t[e]) {
				mixed = true
			}
			e++
		}
		if !mixed {
			return false
		}
	}
	upper, lower := 0, 0
	for i := k; i < len(t) && i < k+80; i++ {
		switch {
		case isUpper(t[i]):
			upper++
		case isLower(t[i]):
			lower++
		}
	}
	return lower > 0 || upper < 4
}
