package clean

// maxCaption is the longest line, in code points, that is taken for a photo
// caption when it ends with a photo credit.
const maxCaption = 400

// classify marks line l, unless it is article prose. last says whether l is
// the last non-empty line of the text; next is the first code point of the
// line that follows, or 0 when that line is blank or there is none.
func classify(rs []rune, l *line, last bool, next rune) {
	t := rs[l.start:l.end]
	// A line that starts in lower case, or that the next line continues in
	// lower case, is part of a wrapped sentence: only a parenthesised credit
	// at its end may be marked.
	lower := isLower(t[0]) || isLower(next)
	switch {
	case lower:
	case last && len(t) == 6 && (hasPrefix(t, "Reuter") || hasPrefix(t, "REUTER")):
		l.reason = credits
		return
	case isCopyright(t, l.copySign):
		l.reason = copyright
		return
	case isLink(t), t[0] == '(' && isLink(unparen(t)):
		l.reason = link
		return
	case isCredits(unparen(t)), isCredits(trimDashes(t)), isContributed(t):
		// trimDashes: "--additional reporting by Linh Tat."
		l.reason = credits
		return
	case isPhotoCredit(unparen(t)), isFilePhotoCaption(t):
		l.reason = photoCredit
		return
	}

	// A parenthesised credit that ends the line.
	if t[len(t)-1] == ')' {
		if open := matchOpen(t); open > 0 {
			c := trimSpaces(t[open+1 : len(t)-1])
			switch {
			case isCredits(c):
				l.inReason, l.inStart = credits, l.start+int32(open)
				return
			case isPhotoCredit(c):
				if len(t) <= maxCaption && !lower {
					l.reason = photoCredit
				} else {
					l.inReason, l.inStart = photoCredit, l.start+int32(open)
				}
				return
			}
		}
	}

	// A bare credit after the caption's last sentence:
	// "... in Brussels April 23, 2013. REUTERS/Evan Vucci/Pool".
	if !lower && len(t) <= maxCaption && hasTrailingCredit(t, l) {
		l.reason = photoCredit
	}
}

// unparen strips one pair of parentheses that encloses all of t.
func unparen(t []rune) []rune {
	if len(t) >= 2 && t[0] == '(' && t[len(t)-1] == ')' && matchOpen(t) == 0 {
		return trimSpaces(t[1 : len(t)-1])
	}
	return t
}

// matchOpen returns the index of the '(' that matches the ')' ending t,
// looking back at most 300 code points, or -1.
func matchOpen(t []rune) int {
	depth := 0
	stop := max(len(t)-300, 0)
	for i := len(t) - 1; i >= stop; i-- {
		switch t[i] {
		case ')':
			depth++
		case '(':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// isCopyright reports a copyright line. sign says whether it has a '©'.
func isCopyright(t []rune, sign bool) bool {
	if len(t) > maxCaption {
		return false
	}
	if k := copyrightMark(t); k > 0 {
		if indexFold(t, "rights reserved") >= 0 {
			return true
		}
		// A year among the next six words.
		for n := 0; n < 6; n++ {
			s, e := nextWord(t, k)
			if s == e {
				break
			}
			if isYear(trimPunct(t[s:e])) {
				return true
			}
			k = e
		}
		return false
	}
	if len(t) > 300 {
		return false
	}
	if sign && indexFold(t, "copyright ©") >= 0 {
		// "From THE BOOK by Jane Doe. Copyright © 2015 by Jane Doe. Reprinted ..."
		return true
	}
	if (sign || hasSuffixFold(trimPeriod(t), "rights reserved")) && indexFold(t, "all rights reserved") >= 0 {
		// "Thomson Reuters 2013 ©. All rights reserved."
		return sign || indexFold(t, "(c)") >= 0 || indexFold(t, "copyright") >= 0
	}
	return hasPrefixFold(t, "this material may not be published")
}

// copyrightMark returns the length of the copyright sign that opens t, or 0.
func copyrightMark(t []rune) int {
	switch {
	case t[0] == '©':
		return 1
	case hasPrefixFold(t, "(c)"):
		return 3
	case hasPrefixFold(t, "copyright") && boundary(t, 9):
		return 9
	case hasPrefixFold(t, "copr."):
		return 5
	}
	return 0
}

// isYear reports a year from 1900 to 2099, or a range of them such as
// 2012-2013.
func isYear(w []rune) bool {
	if len(w) == 9 && (w[4] == '-' || w[4] == '–') {
		return isYear(w[:4]) && isYear(w[5:])
	}
	if len(w) != 4 || !(w[0] == '1' && w[1] == '9' || w[0] == '2' && w[1] == '0') {
		return false
	}
	return isDigit(w[2]) && isDigit(w[3])
}

// linkRule is a line opening that marks a navigation or promotion line.
type linkRule struct {
	prefix string   // lower case
	max    int      // longest line, in code points
	follow []string // what may follow the prefix (lower case); nil: any word boundary
}

// Follow sets of linkRule. "" stands for the end of the line.
var (
	followHeader = []string{"", ":", " :", " -", " >", " »"}
	followRead   = []string{"", ":", " :", " -", " >", " »", " about ", " at ", " on ", " here", " from "}
	followSign   = []string{"", ":", " for ", " to ", " here", " now", " today"}
)

var linkRules = []linkRule{
	{"click here", 250, []string{"", ":", " :", " for ", " to ", " -", " >", " »", ".", " (", " now"}},
	{"related:", 250, nil},
	{"related stories", 250, followHeader},
	{"related story", 250, followHeader},
	{"related coverage", 250, followHeader},
	{"related articles", 250, followHeader},
	{"related article", 250, followHeader},
	{"related content", 250, followHeader},
	{"related links", 250, followHeader},
	{"related topics", 250, followHeader},
	{"related news", 250, followHeader},
	{"related videos", 250, followHeader},
	{"related video", 250, followHeader},
	{"related reading", 250, followHeader},
	{"read more", 200, followRead},
	{"read the full story", 200, nil},
	{"follow us", 200, nil},
	{"like us on facebook", 200, nil},
	{"sign up", 200, followSign},
	{"subscribe", 200, followSign},
	{"advertisement", 20, followHeader},
	{"skip advertisement", 30, followHeader},
	{"story continues below", 60, nil},
	{"continue reading", 60, []string{"", " the main story", " below", "...", "…"}},
	{"share this", 60, []string{"", ":", " article", " story", " page", " with"}},
	{"see also:", 200, nil},
	{"also read:", 200, nil},
	{"also see:", 200, nil},
	{"more on this story", 60, followHeader},
	{"our standards:", 200, nil},
	{"enter your email", 60, nil},
	{"follow @", 100, nil},
}

// socialFollow are what a "Follow X on ..." promotion line names.
var socialFollow = []string{" on twitter", " on facebook", " on instagram", " on linkedin", " on x ", " on x:", " on threads", " on bluesky"}

// linkRulesBy holds the indexes of linkRules by the first letter of their
// prefix.
var linkRulesBy = func() (by [26][]uint8) {
	for i, r := range linkRules {
		c := r.prefix[0] - 'a'
		by[c] = append(by[c], uint8(i))
	}
	return by
}()

// isLink reports a navigation or promotion line.
func isLink(t []rune) bool {
	if len(t) == 0 {
		return false
	}
	c := lowerASCII(t[0])
	if c < 'a' || c > 'z' {
		return false
	}
	for _, i := range linkRulesBy[c-'a'] {
		r := &linkRules[i]
		if len(t) > r.max || !hasPrefixFold(t, r.prefix) {
			continue
		}
		k := len(r.prefix)
		if r.follow == nil {
			if boundary(t, k) || !isAlnum(t[k-1]) {
				return true
			}
			continue
		}
		for _, f := range r.follow {
			if f == "" {
				if k == len(t) {
					return true
				}
				continue
			}
			if hasPrefixFold(t[k:], f) {
				return true
			}
		}
	}
	if len(t) <= 150 && indexFold(t, "newsletter") >= 0 && (indexFold(t, "sign up") >= 0 || indexFold(t, "subscribe") >= 0) {
		// "Want more updates? Sign up for her newsletter, Piping Hot Truth."
		return true
	}
	if c == 'f' && len(t) <= 150 && hasPrefixFold(t, "follow ") {
		for _, r := range t {
			if r == '"' || r == '“' || r == '”' {
				return false
			}
		}
		for _, s := range socialFollow {
			if indexFold(t, s) >= 0 || s[len(s)-1] != ' ' && s[len(s)-1] != ':' && hasSuffixFold(t, s) {
				return true
			}
		}
		if hasSuffixFold(t, " on x") {
			return true
		}
	}
	return false
}

// creditRoles are the words that may stand before "by" in a credits line.
var creditRoles = []string{
	"reporting", "additional", "writing", "editing", "compiled", "compiling",
	"reported", "written", "edited", "translated", "translation", "graphics",
	"produced", "sub-editing", "fact-checking", "contributing", "and", "with", "by",
	"photography", "photos", "video", "design",
}

// linkRoles are role words that cannot open a credits line.
var linkRoles = []string{"and", "with", "by"}

func hasAt(w []rune) bool {
	for _, r := range w {
		if r == '@' {
			return true
		}
	}
	return false
}

// nameWords are the lower-case words that may appear among the names of a
// credits line.
var nameWords = []string{
	"in", "and", "at", "for", "from", "of", "de", "da", "del", "della", "di",
	"do", "dos", "van", "von", "der", "den", "ter", "le", "la", "les", "al",
	"bin", "ibn", "el", "du", "y", "e", "staff", "newsroom", "bureau", "desk",
	"team", "correspondents",
}

// isCredits reports a credits trailer such as "Reporting by Arshad Mohammed;
// Editing by Jon Boyle" (without its parentheses): segments separated by
// ';', the first of which is "<role words> by <names>", the others either
// the same or names only. Names are capitalised words, a few connecting
// words, and the role words themselves ("Reporting by A, editing by B").
func isCredits(t []rune) bool {
	if len(t) < 8 || len(t) > maxCaption || !isLetter(t[0]) {
		return false
	}
	switch lowerASCII(t[0]) {
	case 'r', 'a', 'w', 'e', 'c', 'f', 't', 'g', 'p', 's', 'v', 'd':
	default:
		return false
	}
	seg := 0
	for i := 0; i <= len(t); {
		j := i
		for j < len(t) && t[j] != ';' && t[j] != '|' {
			j++
		}
		if !creditSegment(t[i:j], seg == 0) {
			return false
		}
		seg++
		i = j + 1
	}
	return true
}

// creditSegment checks one ';'-separated part of a credits trailer.
func creditSegment(s []rune, first bool) bool {
	k := 0
	roles := 0
	by := false
	names := 0
	for {
		ws, we := nextWord(s, k)
		if ws == we {
			break
		}
		k = we
		w := trimPunct(s[ws:we])
		if len(w) == 0 {
			continue
		}
		if !by {
			if equalFold(w, "by") {
				if roles == 0 {
					return false
				}
				by = true
				continue
			}
			if inFold(w, creditRoles) && (roles > 0 || !inFold(w, linkRoles)) {
				roles++
				continue
			}
			if first || roles > 0 {
				return false
			}
			// A names-only segment: "Reporting by A in Paris; B in London".
			by = true
		}
		if !isUpper(w[0]) && !inFold(w, nameWords) && !inFold(w, creditRoles) && !hasAt(w) {
			return false
		}
		if isUpper(w[0]) || hasAt(w) {
			names++
		}
	}
	if first {
		return by && names > 0
	}
	return names > 0 || roles == 0 && !by
}

// photoCreditPrefixes open a photo credit (lower case, compared ignoring
// case). The ones that end in a letter must end a word.
var photoCreditPrefixes = []string{
	"reuters/", "reuters /", "afp/", "afp /", "afp photo", "ap photo", "epa/", "epa-efe/",
	"xinhua/", "ansa/", "photo by ", "photo:", "photos:", "photo/", "photograph:",
	"photograph by ", "photographer:", "picture:", "pictures:", "picture by ",
	"image:", "image by ", "images:", "photo credit", "credit:", "file photo",
	"getty images", "pool photo", "image copyright", "image source:", "getty/",
}

// photoCreditSuffixes close a short credit such as "(Jane Doe/Getty Images)".
var photoCreditSuffixes = []string{
	"/getty images", "/reuters", "/afp", "/ap", "/epa", "/pool", "/file photo",
	"/file", "via getty images", "via reuters", "/ap photo", "/xinhua", "/bloomberg",
	"/instagram",
}

// isPhotoCredit reports whether t, trimmed and without parentheses, is a
// photo credit.
func isPhotoCredit(t []rune) bool {
	t = trimPeriod(t)
	if len(t) < 4 || len(t) > 150 {
		return equalFold(t, "getty")
	}
	switch lowerASCII(t[0]) {
	case 'r', 'a', 'e', 'x', 'p', 'i', 'c', 'f', 'g':
		for _, p := range photoCreditPrefixes {
			if hasPrefixFold(t, p) && (p[len(p)-1] == '/' || p[len(p)-1] == ':' || p[len(p)-1] == ' ' || boundary(t, len(p))) {
				return true
			}
		}
	}
	if len(t) > 80 {
		return false
	}
	for _, s := range photoCreditSuffixes {
		if hasSuffixFold(t, s) {
			return onlyNames(t)
		}
	}
	return false
}

// creditWords are the lower-case words that a credit such as "Jane Doe via
// Getty Images" may have.
var creditWords = []string{"via", "and", "for", "of", "de", "van", "von", "al", "bin", "el", "la", "le", "the"}

// onlyNames reports whether the words of t, split at spaces and slashes,
// are capitalised but for a few connecting words: "John Roe/Reuters" is a
// credit, "The poll was run by Ipsos/Reuters" is not.
func onlyNames(t []rune) bool {
	for k := 0; k < len(t); {
		s := k
		for k < len(t) && !isSpace(t[k]) && t[k] != '/' {
			k++
		}
		if w := trimPunct(t[s:k]); len(w) > 0 && !isUpper(w[0]) && !isDigit(w[0]) && !inFold(w, creditWords) {
			return false
		}
		k++
	}
	return true
}

// isFilePhotoCaption reports a caption that opens with "FILE PHOTO:".
func isFilePhotoCaption(t []rune) bool {
	if len(t) > maxCaption || !hasPrefixFold(t, "file photo") {
		return false
	}
	k := skipSpaces(t, len("file photo"))
	return k < len(t) && (t[k] == ':' || t[k] == '-' || t[k] == '–' || t[k] == '—')
}

// bareCreditStarts open a photo credit that follows a caption without
// parentheses; they are matched with case.
var bareCreditStarts = []string{
	"REUTERS/", "Reuters/", "REUTERS /", "AFP/", "AFP PHOTO", "AFP Photo", "AP Photo/",
	"AP PHOTO/", "EPA/", "EPA-EFE/", "XINHUA/", "Xinhua/", "Photo: ", "Photograph: ",
	"Picture: ",
}

// hasTrailingCredit reports whether the line t ends with a bare photo
// credit after a sentence: "... 2013. REUTERS/Evan Vucci/Pool".
func hasTrailingCredit(t []rune, l *line) bool {
	from := max(len(t)-80, 2)
	if from >= len(t) {
		return false
	}
	// Every bare credit has a slash or a colon.
	if !l.mark {
		return false
	}
	for k := from; k < len(t); k++ {
		if !isSpace(t[k-1]) || isSpace(t[k]) {
			continue
		}
		switch t[k] {
		case 'R', 'A', 'E', 'X', 'P':
		default:
			continue
		}
		for _, p := range bareCreditStarts {
			if !hasPrefix(t[k:], p) {
				continue
			}
			// The caption's last sentence ends before the credit.
			j := k - 1
			for j > 0 && isSpace(t[j]) {
				j--
			}
			switch t[j] {
			case '.', '!', '?', ')', '"', '”', '’', ']':
			default:
				return false
			}
			for _, r := range t[k:] {
				if r == '"' || r == '“' || r == '”' {
					return false
				}
			}
			return true
		}
	}
	return false
}

// trimDashes strips the dashes and spaces that open t, or returns nil when
// there are none.
func trimDashes(t []rune) []rune {
	k := 0
	for k < len(t) && (t[k] == '-' || t[k] == '–' || t[k] == '—' || isSpace(t[k])) {
		k++
	}
	if k == 0 || k == len(t) {
		return nil
	}
	return t[k:]
}

// contributedVerbs make a contributor line.
var contributedVerbs = []string{"contributed", "reported"}

// contributedWords are the lower-case words, besides the verbs and
// nameWords, that a contributor line may have.
var contributedWords = []string{
	"also", "writer", "writers", "reporter", "reporters", "correspondent",
	"correspondents", "reporting", "to", "this", "report", "story", "article",
	"research", "additional", "from", "here", "and",
}

// isContributed reports a contributor line, as American papers end a story:
// "Jane Doe contributed reporting.", "Associated Press writer John Roe
// contributed from Albuquerque.", "Doe reported from Los Angeles.": only
// names, places and a few lower-case words around "contributed" or
// "reported from", ending with a period.
func isContributed(t []rune) bool {
	if len(t) > 250 || !isUpper(t[0]) || t[len(t)-1] != '.' {
		return false
	}
	verb := false
	for k := 0; ; {
		ws, we := nextWord(t, k)
		if ws == we {
			break
		}
		k = we
		w := trimPunct(t[ws:we])
		switch {
		case len(w) == 0:
		case isUpper(w[0]):
		case inFold(w, contributedVerbs):
			if ws == 0 {
				return false
			}
			if equalFold(w, "reported") {
				fs, fe := nextWord(t, k)
				if !equalFold(t[fs:fe], "from") {
					return false
				}
			}
			verb = true
		case inFold(w, contributedWords), inFold(w, nameWords):
		default:
			return false
		}
	}
	return verb
}
