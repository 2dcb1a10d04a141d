package actor

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Dict is a user's dictionary in the PETRARCH / Phoenix formats: an actors
// file (names to dated actor codes) or an agents file (role nouns to
// sector codes such as [~GOV]), or both in one. It is read-only after
// ReadDict and safe for concurrent use.
type Dict struct {
	name string

	actors *phraseIndex  // phrase -> entry id
	codes  [][]datedCode // entry id -> its codes, in file order

	agents     *phraseIndex // phrase -> role id
	agentRoles []RoleInfo

	// Warnings are the lines that were skipped, as "FILE:LINE: problem",
	// the way PETRARCH skips them: a code with a date it cannot read, an
	// agent without a code.
	Warnings []string
}

// datedCode is one code of an actor, with its date restriction.
type datedCode struct {
	code     string // "" for [---]: no code
	from, to time.Time
	dated    bool
}

func (c datedCode) covers(d time.Time) bool {
	return (c.from.IsZero() || !d.Before(c.from)) && (c.to.IsZero() || d.Before(c.to))
}

// Name returns the name the dictionary was read under.
func (d *Dict) Name() string { return d.name }

// Len returns the number of actor phrases and agent phrases.
func (d *Dict) Len() (actors, agents int) {
	return len(d.actors.words), len(d.agents.words)
}

// ReadDict reads a dictionary in the PETRARCH / Phoenix formats; name is
// the file's name, used in errors ("FILE:LINE: problem") and warnings.
//
// Actors: an entry is a phrase with words joined by "_" (BAN_KI-MOON),
// optionally followed by codes; lines starting with "+" are synonyms of
// the entry; indented lines hold codes. A code is [CODE], [CODE >YYMMDD]
// (from that date), [CODE <YYMMDD] (before it), [CODE YYMMDD-YYMMDD] (a
// range) or [---] (no code); YYMMDD years 00-30 are 20YY, others 19YY,
// and YYYYMMDD is read as such. An entry without codes shares the codes of
// the entry that follows (as in PETRARCH). Agents: PHRASE [~CODE], with an
// optional {PLURAL} ({} for none; otherwise a regular plural is made) and
// substitution sets !SET! = A, B. Comments start with "#"; <!-- --> and
// other lines starting with "<" are skipped; ---STOP--- ends the file.
func ReadDict(r io.Reader, name string) (*Dict, error) {
	d := &Dict{
		name:   name,
		actors: newPhraseIndex(foldCase),
		agents: newPhraseIndex(foldCase),
	}
	p := dictParser{d: d, cur: -1, subst: map[string][]string{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	for sc.Scan() {
		p.line++
		if err := p.parseLine(sc.Text()); err != nil {
			return nil, err
		}
		if p.stop {
			break
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, p.line+1, err)
	}
	return d, nil
}

type dictParser struct {
	d     *Dict
	line  int
	cur   int  // current entry id, -1 before the first
	coded bool // the current entry has at least one code
	stop  bool
	subst map[string][]string
}

func (p *dictParser) errorf(format string, args ...any) error {
	return &DictError{Name: p.d.name, Line: p.line, Msg: fmt.Sprintf(format, args...)}
}

func (p *dictParser) warnf(format string, args ...any) {
	p.d.Warnings = append(p.d.Warnings, fmt.Sprintf("%s:%d: %s", p.d.name, p.line, fmt.Sprintf(format, args...)))
}

func (p *dictParser) parseLine(raw string) error {
	if !utf8.ValidString(raw) {
		raw = strings.ToValidUTF8(raw, "\uFFFD")
	}
	if strings.Contains(raw, "---STOP---") {
		p.stop = true
		return nil
	}
	line := stripComments(raw)
	trimmed := strings.TrimSpace(line)
	if trimmed == "" || strings.HasPrefix(trimmed, "<") {
		return nil
	}
	switch {
	case strings.HasPrefix(trimmed, "["):
		if p.cur < 0 {
			return p.errorf("a code line before any entry")
		}
		return p.addCodes(p.cur, trimmed)
	case strings.HasPrefix(trimmed, "+"):
		if p.cur < 0 {
			return p.errorf("a synonym before any entry")
		}
		phrase, codes, err := p.splitCodes(trimmed[1:])
		if err != nil {
			return err
		}
		p.addPhrase(phrase, p.cur)
		if codes != "" {
			return p.addCodes(p.cur, codes)
		}
		return nil
	case strings.HasPrefix(trimmed, "!") && strings.Contains(trimmed, "="):
		return p.defineSet(trimmed)
	}
	phrase, codes, err := p.splitCodes(trimmed)
	if err != nil {
		return err
	}
	if strings.HasPrefix(codes, "[~") {
		return p.addAgent(phrase, codes)
	}
	// A new entry, unless the current one has no codes yet: then this
	// phrase joins it and shares the codes that follow.
	if p.cur < 0 || p.coded {
		p.cur = len(p.d.codes)
		p.d.codes = append(p.d.codes, nil)
		p.coded = false
	}
	p.addPhrase(phrase, p.cur)
	if codes != "" {
		return p.addCodes(p.cur, codes)
	}
	return nil
}

// stripComments removes a # comment and <!-- --> comments from a line.
func stripComments(s string) string {
	for {
		i := strings.Index(s, "<!--")
		if i < 0 {
			break
		}
		j := strings.Index(s[i:], "-->")
		if j < 0 {
			s = s[:i]
			break
		}
		s = s[:i] + s[i+j+3:]
	}
	if i := strings.IndexByte(s, '#'); i >= 0 {
		s = s[:i]
	}
	return s
}

// splitCodes splits "PHRASE [CODE...] [CODE...]" into the phrase and the
// codes part ("" when none).
func (p *dictParser) splitCodes(s string) (phrase, codes string, err error) {
	i := strings.IndexByte(s, '[')
	if i < 0 {
		if strings.IndexByte(s, ']') >= 0 {
			p.warnf("stray ']' in %q dropped", strings.TrimSpace(s))
			s = strings.ReplaceAll(s, "]", "")
		}
		return strings.TrimSpace(s), "", nil
	}
	return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i:]), nil
}

// phraseWords turns a dictionary phrase (words joined by "_" or spaces) into
// tokens as the text stage splits them.
func phraseWords(phrase string) []string {
	phrase = strings.TrimSpace(strings.ReplaceAll(phrase, "_", " "))
	if phrase == "" {
		return nil
	}
	return splitWords(phrase)
}

func (p *dictParser) addPhrase(phrase string, id int) {
	if w := phraseWords(phrase); len(w) > 0 {
		p.d.actors.addWords(w, int32(id))
	}
}

// addCodes reads one or more bracketed codes for entry id.
func (p *dictParser) addCodes(id int, s string) error {
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		if s[0] != '[' {
			// Text after the codes (an old-style trailing note) is ignored.
			return nil
		}
		j := strings.IndexByte(s, ']')
		if j < 0 {
			p.warnf("'[' without ']' in %q: read to the end of the line", s)
			s += "]"
			j = len(s) - 1
		}
		body := strings.TrimSpace(s[1:j])
		s = s[j+1:]
		c, ok, err := p.parseCode(body)
		if err != nil {
			return err
		}
		p.coded = true
		if ok {
			p.d.codes[id] = append(p.d.codes[id], c)
		}
	}
	return nil
}

// parseCode reads the inside of a bracket: CODE, CODE >DATE, CODE <DATE,
// CODE DATE-DATE, or ---. ok is false for a restriction it cannot read,
// which is skipped with a warning.
func (p *dictParser) parseCode(body string) (c datedCode, ok bool, err error) {
	code, rest, _ := strings.Cut(body, " ")
	if code == "" {
		return c, false, p.errorf("empty code []")
	}
	if strings.Trim(code, "-") == "" {
		code = "" // [---]: explicitly no code
	} else if !validCode(code) {
		p.warnf("code %q has characters other than letters and digits; skipped", code)
		return c, false, nil
	}
	c.code = code
	rest = strings.TrimSpace(rest)
	if rest == "" {
		return c, true, nil
	}
	c.dated = true
	switch rest[0] {
	case '>', '<':
		t, good := dictDate(strings.TrimSpace(rest[1:]))
		if !good {
			p.warnf("cannot read date %q; code skipped", rest)
			return c, false, nil
		}
		if rest[0] == '>' {
			c.from = t
		} else {
			c.to = t
		}
	default:
		a, b, found := strings.Cut(rest, "-")
		ta, okA := dictDate(strings.TrimSpace(a))
		tb, okB := dictDate(strings.TrimSpace(b))
		if !found || !okA || !okB || tb.Before(ta) {
			p.warnf("cannot read date range %q; code skipped", rest)
			return c, false, nil
		}
		// The end day is part of the range.
		c.from, c.to = ta, tb.AddDate(0, 0, 1)
	}
	return c, true, nil
}

func validCode(code string) bool {
	for i := 0; i < len(code); i++ {
		b := code[i]
		if !('A' <= b && b <= 'Z' || 'a' <= b && b <= 'z' || '0' <= b && b <= '9' || b == '~') {
			return false
		}
	}
	return true
}

// dictDate reads YYMMDD (years 00-30 are 20YY, others 19YY) or YYYYMMDD.
// Text after the digits is ignored.
func dictDate(s string) (time.Time, bool) {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	s = s[:n]
	var y, m, d int
	// As PETRARCH reads them: up to seven digits are YYMMDD (a stray
	// seventh digit is ignored), eight or more are YYYYMMDD (the rest is
	// ignored).
	switch {
	case len(s) == 6 || len(s) == 7:
		y, _ = strconv.Atoi(s[:2])
		if y <= 30 {
			y += 2000
		} else {
			y += 1900
		}
		m, _ = strconv.Atoi(s[2:4])
		d, _ = strconv.Atoi(s[4:6])
	case len(s) >= 8:
		y, _ = strconv.Atoi(s[:4])
		m, _ = strconv.Atoi(s[4:6])
		d, _ = strconv.Atoi(s[6:8])
	default:
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || d < 1 || t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

// defineSet reads a substitution set: !PERSON! = MAN, MEN, WOMAN.
func (p *dictParser) defineSet(s string) error {
	lhs, rhs, _ := strings.Cut(s, "=")
	lhs = strings.TrimSpace(lhs)
	if len(lhs) < 3 || lhs[len(lhs)-1] != '!' {
		return p.errorf("substitution set %q: want !NAME! = WORD, WORD", lhs)
	}
	var items []string
	for _, it := range strings.Split(rhs, ",") {
		if it = strings.TrimSpace(it); it != "" {
			items = append(items, it)
		}
	}
	p.subst[lhs[1:len(lhs)-1]] = items
	return nil
}

// addAgent reads an agent line: PHRASE {PLURAL} [~CODE].
func (p *dictParser) addAgent(phrase, codes string) error {
	j := strings.IndexByte(codes, ']')
	if j < 0 {
		p.warnf("'[' without ']' in %q: read to the end of the line", codes)
		codes = strings.TrimRight(codes, "}) ") + "]"
		j = len(codes) - 1
	}
	code := strings.TrimSpace(strings.TrimPrefix(codes[1:j], "~"))
	if code == "" || !validCode(code) {
		p.warnf("agent code %q is not letters; skipped", code)
		return nil
	}
	plural, hasPlural := "", false
	if i := strings.IndexByte(phrase, '{'); i >= 0 {
		k := strings.IndexByte(phrase[i:], '}')
		if k < 0 {
			return p.errorf("'{' without '}'")
		}
		plural, hasPlural = strings.TrimSpace(phrase[i+1:i+k]), true
		phrase = strings.TrimSpace(phrase[:i])
	}
	sector := code
	if len(code) >= 3 && isSector(code[:3]) {
		sector = code[:3]
	}
	forms := []string{phrase}
	if i := strings.IndexByte(phrase, '!'); i >= 0 {
		k := strings.IndexByte(phrase[i+1:], '!')
		if k < 0 {
			p.warnf("substitution marker in %q is not closed; skipped", phrase)
			return nil
		}
		set, ok := p.subst[phrase[i+1:i+1+k]]
		if !ok {
			p.warnf("substitution set %q is not defined; skipped", phrase[i:i+2+k])
			return nil
		}
		forms = forms[:0]
		for _, s := range set {
			forms = append(forms, phrase[:i]+s+phrase[i+2+k:])
		}
		hasPlural = true // the set lists the forms
	}
	for _, f := range forms {
		p.addAgentForm(f, sector, true)
	}
	if !hasPlural {
		plural = regularPlural(strings.TrimRight(phrase, "_ "))
	}
	if plural != "" {
		p.addAgentForm(plural, sector, false)
	}
	return nil
}

func (p *dictParser) addAgentForm(phrase, sector string, person bool) {
	w := phraseWords(phrase)
	if len(w) == 0 {
		return
	}
	id := int32(len(p.d.agentRoles))
	if p.d.agents.addWords(w, id) {
		p.d.agentRoles = append(p.d.agentRoles, RoleInfo{Title: strings.ToLower(strings.Join(w, " ")), Sector: sector, Person: person})
	}
}

// regularPlural makes the plural PETRARCH assumes for an agent noun.
func regularPlural(s string) string {
	switch {
	case s == "":
		return ""
	case strings.HasSuffix(s, "Y") || strings.HasSuffix(s, "y"):
		return s[:len(s)-1] + "IES"
	case strings.HasSuffix(s, "S") || strings.HasSuffix(s, "s"):
		return s + "ES"
	}
	return s + "S"
}

// lookup codes a whole name on a date. found is true when the dictionary
// knows the name, even if no code applies on the date (code == "").
func (d *Dict) lookup(words []string, date time.Time) (code string, found bool) {
	v, ok := d.actors.matchAll(words)
	if !ok {
		return "", false
	}
	return pickCode(d.codes[v], date), true
}

// Lookup codes a whole name ("Sergei Lavrov", "NATO") on a date (zero for
// undated): found is true when the dictionary knows the name, and code is
// the code that applies on the date, "" when none does.
func (d *Dict) Lookup(name string, date time.Time) (code string, found bool) {
	return d.lookup(splitWords(name), date)
}

// pickCode chooses among an entry's codes: the first dated code that
// covers the date, else the last undated one; on an undated article the
// last undated code, else the last code listed.
func pickCode(cs []datedCode, date time.Time) string {
	def, haveDef := "", false
	for _, c := range cs {
		if !c.dated {
			def, haveDef = c.code, true
		}
	}
	if date.IsZero() {
		if haveDef || len(cs) == 0 {
			return def
		}
		return cs[len(cs)-1].code
	}
	for _, c := range cs {
		if c.dated && c.covers(date) {
			return c.code
		}
	}
	return def
}

// role matches the dictionary's agents at words[i].
func (d *Dict) role(words []string, i int) (n int, r RoleInfo, ok bool) {
	n, v := d.agents.match(words, i)
	if n == 0 {
		return 0, RoleInfo{}, false
	}
	return n, d.agentRoles[v], true
}
