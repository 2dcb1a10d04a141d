package event

import (
	"cmp"
	"slices"
	"time"

	"github.com/eventwire/eventwire"
)

// dayLayout is how dates are written: doc.Published and Event.Date.
const dayLayout = "2006-01-02"

// when sets the date of event e: the date its clause names, resolved
// against the publication date (with DateText the words), or else the
// publication date (DateText nil), or else none.
//
// The words searched are the trigger's own dependents, then those of the
// verb that governs a noun trigger ("held talks on Monday"): obliques and
// nominal modifiers, unmarked ones ("yesterday", "last week"), adverbs,
// possessives ("Monday's attack") and compounds ("the June talks"), and
// those of the infinitive of a verb in the past tense ("threatened to
// expel them last week"); then, for parser slips, time phrases inside
// those phrases or the subject or object ("agreed in Geneva last June",
// "in Brussels Tuesday", "criticized Israel last June", "attacked by
// protesters on Monday night").
// Clausal complements are not searched: in "Lavrov said last week that
// the talks had failed", "last week" dates the saying, not the failing.
// Phrases with since, until, by, before, after, from or between name a
// bound, not the day, and are skipped.
func (w *walker) when(e *eventwire.Event) {
	e.Date, e.DateText = nil, nil
	pub, err := time.Parse(dayLayout, w.doc.Published)
	r := dateRef{pub: pub, known: err == nil}
	if t := w.tokenStarting(e.Trigger.Start); t >= 0 {
		c := w.clauseVerb(t)
		r.tense = w.tense(c)
		if d, sp, ok := w.dateOf(t, c, &r); ok && d.Year() >= 1 && d.Year() <= 9999 {
			s := d.Format(dayLayout)
			e.Date = &s
			e.DateText = &eventwire.Mention{Start: sp.Start, End: sp.End, Text: w.doc.Slice(sp)}
			return
		}
	}
	if r.known {
		s := pub.Format(dayLayout)
		e.Date = &s
	}
}

// tokenStarting returns the token of the current sentence that starts at
// offset off, or -1.
func (w *walker) tokenStarting(off int) int {
	lo, hi := 0, len(w.toks)
	for lo < hi {
		m := (lo + hi) / 2
		if w.toks[m].Start < off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(w.toks) && w.toks[lo].Start == off {
		return lo
	}
	return -1
}

// clauseVerb returns the verb whose clause holds trigger t: the verb
// governing a noun trigger as its subject, object or oblique ("held
// talks", "the attack killed"), else t itself.
func (w *walker) clauseVerb(t int) int {
	switch w.toks[t].UPOS {
	case "NOUN", "PROPN":
		switch w.toks[t].Deprel {
		case "obj", "nsubj", "nsubj:pass", "obl", "iobj":
			if h := w.head(t); h >= 0 && w.toks[h].UPOS == "VERB" {
				return h
			}
		}
	}
	return t
}

// tense tells whether the clause of verb c tells of the past (a past
// tense, a perfect, a participle without auxiliary: "attacked", "has
// attacked", "a plan agreed in Geneva") or the future ("will", "shall",
// "going to"), or neither (the present, an infinitive, a noun).
func (w *walker) tense(c int) tense {
	if w.futureTense(c) {
		return tenseFuture
	}
	tok := &w.toks[c]
	if tok.XPOS == "VBD" {
		return tensePast
	}
	aux := false
	for _, k := range w.children(c) {
		switch w.toks[k].Deprel {
		case "aux", "aux:pass":
			aux = true
			if w.toks[k].XPOS == "VBD" || w.lemmas[k] == "have" && tok.XPOS == "VBN" {
				return tensePast // "had attacked", "was attacked", "did attack", "has attacked"
			}
		}
	}
	if tok.XPOS == "VBN" && !aux {
		return tensePast
	}
	return tensePresent
}

// tense is what the grammar says of when an event happened.
type tense uint8

const (
	tensePresent tense = iota // or unknown
	tensePast
	tenseFuture
)

// futureTense reports whether the clause of verb c is in the future tense:
// "will", "shall" or "'ll" on it or on a verb it is the infinitive or
// conjunct of, or "going to".
func (w *walker) futureTense(c int) bool {
	for depth := 0; depth < 4 && c >= 0; depth++ {
		for _, k := range w.children(c) {
			if w.toks[k].Deprel == "aux" {
				switch w.lemmas[k] {
				case "will", "shall", "'ll", "wo":
					return true
				}
			}
		}
		if w.lemmas[c] == "go" && w.child(c, "xcomp") >= 0 && w.child(c, "aux") >= 0 && depth > 0 {
			return true // "is going to meet"
		}
		switch w.toks[c].Deprel {
		case "xcomp", "conj":
			c = w.head(c)
		default:
			return false
		}
	}
	return false
}

// dateOf finds the date of trigger t, whose clause verb is c.
func (w *walker) dateOf(t, c int, r *dateRef) (time.Time, eventwire.Span, bool) {
	heads := [3]int{t, c, -1}
	if r.tense == tensePast && w.toks[t].UPOS == "VERB" {
		// "threatened to expel them last week", the time phrase
		// attached to the infinitive: a past verb's infinitive is not
		// dated apart from it
		heads[2] = w.child(t, "xcomp")
	}
	for k, h := range heads {
		if h < 0 || k > 0 && h == t {
			continue
		}
		for _, x := range w.children(h) {
			if w.timeRel(int(x)) {
				if d, sp, ok := w.dateAt(int(x), r); ok {
					return d, sp, true
				}
			}
		}
		for _, x := range w.children(h) {
			switch base(w.toks[x].Deprel) {
			case "obl", "nmod", "obj", "iobj", "nsubj":
				if w.toks[x].Deprel != "obl:agent" && w.bounded(int(x)) {
					continue // "before the deadline of March 31"
				}
				if d, sp, ok := w.nestedDate(int(x), r, 2); ok {
					return d, sp, true
				}
			}
		}
	}
	return time.Time{}, eventwire.Span{}, false
}

// timeRel reports whether dependent x may date its head: an oblique,
// nominal modifier, adverb, possessive or compound without a preposition
// of bound ("since", "until", ...).
func (w *walker) timeRel(x int) bool {
	switch rel := w.toks[x].Deprel; base(rel) {
	case "obl", "nmod", "advmod", "appos":
	case "compound":
		if rel != "compound" {
			return false // compound:prt
		}
	default:
		return false
	}
	return !w.bounded(x)
}

// bounded reports whether phrase x has a preposition of bound.
func (w *walker) bounded(x int) bool {
	for _, k := range w.children(x) {
		if w.toks[k].Deprel == "case" && boundWord(w.lemmas[k]) {
			return true
		}
	}
	return false
}

// boundWord reports prepositions that make a time phrase a bound rather
// than the day: "since Monday", "until June", "from April 1".
func boundWord(l string) bool {
	switch l {
	case "since", "until", "till", "by", "before", "after", "from", "to", "between", "through", "within", "prior":
		return true
	}
	return false
}

// nestedDate looks inside phrase x for a time phrase that is a parser's
// slip for a dependent of the verb: one without a preposition ("agreed
// in Geneva last June", "met in Brussels Tuesday") or with on, in or
// during ("attacked by protesters on Monday night"), through at most
// depth nominal modifiers.
func (w *walker) nestedDate(x int, r *dateRef, depth int) (time.Time, eventwire.Span, bool) {
	for _, y := range w.children(x) {
		switch w.toks[y].Deprel {
		case "nmod":
			// "attacked by protesters on Monday night": people and
			// things are not dated, their verb is
			if w.childWith(int(y), "case", timeCases) < 0 {
				break
			}
			fallthrough
		case "flat", "nmod:unmarked", "nmod:tmod", "nmod:npmod", "obl:unmarked", "obl:tmod", "obl:npmod":
			if w.timeWord(int(y)) {
				if d, sp, ok := w.dateAt(int(y), r); ok {
					return d, sp, true
				}
			}
		}
	}
	if depth > 1 {
		for _, y := range w.children(x) {
			if base(w.toks[y].Deprel) == "nmod" && !w.bounded(int(y)) {
				if d, sp, ok := w.nestedDate(int(y), r, depth-1); ok {
					return d, sp, true
				}
			}
		}
	}
	return time.Time{}, eventwire.Span{}, false
}

// timeWord reports whether token i can head a time expression.
func (w *walker) timeWord(i int) bool {
	var f dateWords
	return w.readWord(i, &f) && (f.weekday > 0 || f.month > 0 || f.rel || f.unit != 0 || f.year > 0)
}

// maxDateWords bounds the words of one time expression.
const maxDateWords = 12

// dateAt reads the time expression headed by token x (x, and its
// modifiers, numbers and flat or unmarked dependents two levels down)
// and resolves it.
func (w *walker) dateAt(x int, r *dateRef) (time.Time, eventwire.Span, bool) {
	x0 := x
	var buf [maxDateWords]int
	toks := w.dateTokens(x, buf[:0], 0)
	if k := maxIndex(toks) + 1; k < len(w.toks) && w.head(x) >= 0 && w.timeWord(x) {
		// "in June last year", "on Tuesday this week": a time phrase
		// that follows as the head's dependent too
		top := k
		if h := w.head(k); h >= 0 && h != w.head(x) && k < h {
			top = h
		}
		if top != x && w.head(top) == w.head(x) && w.timeWord(top) && top-k < 3 {
			toks = w.dateTokens(top, toks, 1)
		}
	}
	if w.lemmas[x] == "ago" {
		// "two days ago" with the noun a sibling of "ago"
		for i := x - 1; i >= 0 && i >= x-3 && len(toks) < maxDateWords; i-- {
			if !slices.Contains(toks, i) {
				toks = append(toks, i)
			}
		}
	} else if last := maxIndex(toks); last+1 < len(w.toks) && w.lemmas[last+1] == "ago" && len(toks) < maxDateWords {
		toks = append(toks, last+1)
	}
	var f dateWords
	type num struct{ i, n int }
	var nums [4]num // the numbers, read once the words are known
	nn := 0
	lo, hi := -1, -1
	use := func(i int) {
		if lo < 0 || i < lo {
			lo = i
		}
		hi = max(hi, i)
	}
	for _, i := range toks {
		if w.toks[i].Deprel == "case" && boundWord(w.lemmas[i]) {
			return time.Time{}, eventwire.Span{}, false
		}
		if !w.readWord(i, &f) {
			continue
		}
		if f.num < 0 {
			use(i)
		} else if nn < len(nums) {
			nums[nn] = num{i, f.num}
			nn++
		}
	}
	// Numbers: a year, a day of a named month, or a count before "ago".
	for _, x := range nums[:nn] {
		switch n := x.n; {
		case n >= 1900 && n <= 2100 && w.digits(x.i) == 4 && (f.month > 0 || x.i == x0) && f.year == 0:
			f.year = n
		case n >= 1 && n <= 31 && f.month > 0 && f.day == 0 && w.digits(x.i) > 0:
			f.day = n
		case n >= 1 && n <= 100 && f.ago && f.count == 0:
			f.count = n
		case f.unit != 0 && f.unit != 'p':
			// "the next three years", "the last two weeks": a span,
			// not a day
			return time.Time{}, eventwire.Span{}, false
		default:
			continue
		}
		use(x.i)
	}
	if lo < 0 {
		return time.Time{}, eventwire.Span{}, false
	}
	if f.unit == 'y' && f.mod != 0 && f.month == 0 && !f.ago {
		// "in July or August last year" with the months attached
		// elsewhere: the months just before name the year's month
		for i := lo - 1; i >= 0 && i >= lo-4; i-- {
			var g dateWords
			if w.readWord(i, &g) && g.month > 0 {
				f.month, lo = g.month, i
			} else if w.toks[i].Deprel != "cc" && w.lemmas[i] != "," {
				break
			}
		}
	}
	d, ok := f.resolve(r)
	if !ok {
		return time.Time{}, eventwire.Span{}, false
	}
	return d, eventwire.Span{Start: w.toks[lo].Start, End: w.toks[hi].End}, true
}

// dateTokens appends x and its dependents that can be part of a time
// expression, to depth 2.
func (w *walker) dateTokens(x int, dst []int, depth int) []int {
	if len(dst) >= maxDateWords {
		return dst
	}
	dst = append(dst, x)
	if depth >= 2 {
		return dst
	}
	for _, y := range w.children(x) {
		switch rel := w.toks[y].Deprel; rel {
		case "amod", "det", "nummod", "compound", "flat", "nmod:unmarked", "nmod:tmod", "nmod:npmod",
			"obl:unmarked", "obl:npmod", "appos", "advmod", "case", "nmod:poss", "conj", "cc":
			dst = w.dateTokens(int(y), dst, depth+1)
		case "nmod":
			if w.childWith(int(y), "case", ofWord) >= 0 {
				dst = w.dateTokens(int(y), dst, depth+1) // "the 23rd of April"
			}
		}
	}
	return dst
}

var timeCases = []string{"on", "in", "during"}

var ofWord = []string{"of"}

func maxIndex(xs []int) int {
	m := -1
	for _, x := range xs {
		m = max(m, x)
	}
	return m
}

// digits counts the decimal digits of token i.
func (w *walker) digits(i int) int {
	n := 0
	for _, r := range w.doc.Runes[w.toks[i].Start:w.toks[i].End] {
		if r >= '0' && r <= '9' {
			n++
		}
	}
	return n
}

// dateWords is what the words of a time expression say.
type dateWords struct {
	weekday int  // 1 (Sunday) to 7, 0 for none
	month   int  // 1 to 12, 0 for none
	day     int  // 1 to 31, 0 for none
	year    int  // 0 for none
	rel     bool // yesterday, today, tomorrow: shift days from publication
	shift   int
	unit    byte // 'd'ay, 'w'eek, 'm'onth, 'y'ear, 'e' weekend, 'p'art of a day (night, morning)
	mod     byte // 'l'ast, 't'his, 'n'ext
	ago     bool
	count   int  // the number before "ago"
	vague   bool // a count without a number: few, several
	num     int  // scratch: the token just read was a number, its value (-1 for none)
}

// readWord reads token i into f and reports whether it is a word of a
// time expression. Names of months and days must be capitalised and not
// part of an entity ("May" the modal, "June Carter").
func (w *walker) readWord(i int, f *dateWords) bool {
	tok := &w.toks[i]
	text := w.doc.Runes[tok.Start:tok.End]
	f.num = -1
	if len(text) == 0 {
		return false
	}
	if n, ok := dateNumber(text); ok {
		f.num = n
		return true
	}
	l := lower(w.lemmas[i])
	word := lowerRunes(text)
	capital := text[0] >= 'A' && text[0] <= 'Z'
	if capital && w.entity(i) < 0 && tok.UPOS != "AUX" && tok.UPOS != "VERB" {
		// The first day or month named is the one ("on Monday and
		// Tuesday", "in July or August").
		if d, ok := weekdays[word]; ok {
			f.weekday = cmp.Or(f.weekday, d)
			return true
		}
		if m, ok := months[word]; ok {
			f.month = cmp.Or(f.month, m)
			return true
		}
		if m, ok := months[l]; ok && len(word) >= 3 {
			f.month = cmp.Or(f.month, m)
			return true
		}
	}
	switch word {
	case "yesterday":
		f.rel, f.shift = true, -1
	case "today", "tonight":
		f.rel, f.shift = true, 0
	case "overnight":
		f.rel, f.shift = true, -1
	case "tomorrow":
		f.rel, f.shift = true, 1
	case "last":
		f.mod = 'l'
	case "this", "current":
		f.mod = 't'
	case "next", "coming":
		f.mod = 'n'
	case "earlier", "later":
		// "earlier this month": the month named
	case "ago":
		f.ago = true
	case "day", "days":
		f.unit = 'd'
	case "week", "weeks":
		f.unit = 'w'
	case "month", "months":
		f.unit = 'm'
	case "year", "years":
		f.unit = 'y'
	case "weekend":
		f.unit = 'e'
	case "night", "morning", "afternoon", "evening":
		if f.unit == 0 {
			f.unit = 'p'
		}
	case "few", "several", "couple", "many":
		f.vague = true // "a few days ago", "the next few years"
	case "a", "an", "one":
		f.num = 1
	case "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve":
		f.num = wordNumbers[word]
	default:
		return false
	}
	return true
}

var wordNumbers = map[string]int{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

// weekdays maps day names and their abbreviations to 1 (Sunday) to 7.
var weekdays = map[string]int{
	"sunday": 1, "monday": 2, "tuesday": 3, "wednesday": 4, "thursday": 5, "friday": 6, "saturday": 7,
	"sun.": 1, "mon.": 2, "tue.": 3, "tues.": 3, "wed.": 4, "thu.": 5, "thur.": 5, "thurs.": 5, "fri.": 6, "sat.": 7,
}

// months maps month names and their abbreviations to 1 to 12.
var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan.": 1, "feb.": 2, "mar.": 3, "apr.": 4, "jun.": 6, "jul.": 7, "aug.": 8,
	"sep.": 9, "sept.": 9, "oct.": 10, "nov.": 11, "dec.": 12,
}

// lowerRunes returns the runes as a lower-case string.
func lowerRunes(rs []rune) string {
	return lower(string(rs))
}

// dateNumber reads a whole number written in digits, with an ordinal suffix
// ("23rd") allowed; it reports false for anything else ("2,000" and
// "1.5" included).
func dateNumber(rs []rune) (int, bool) {
	n, k := 0, 0
	for k < len(rs) && rs[k] >= '0' && rs[k] <= '9' {
		if k >= 4 {
			return 0, false
		}
		n = n*10 + int(rs[k]-'0')
		k++
	}
	if k == 0 {
		return 0, false
	}
	switch string(rs[k:]) {
	case "", "st", "nd", "rd", "th":
		return n, true
	}
	return 0, false
}

// dateRef is what relative dates are resolved against.
type dateRef struct {
	pub   time.Time // the publication date
	known bool      // whether pub is known
	tense tense     // of the clause
}

// resolve turns the words into a day, or reports false when they do not
// name one or need the unknown publication date.
func (f *dateWords) resolve(r *dateRef) (time.Time, bool) {
	pub := r.pub
	if f.vague && f.unit != 0 && f.unit != 'p' {
		return time.Time{}, false // a span or an unknown distance
	}
	switch {
	case f.year > 0:
		// An absolute date: the day, or the first of the month or year.
		m, d := max(f.month, 1), max(f.day, 1)
		return calendarDay(f.year, m, d)
	case !r.known:
		return time.Time{}, false
	case f.month > 0 && f.unit == 'y' && f.mod != 0:
		// "in June last year"
		return calendarDay(pub.Year()+periodStep(f.mod), f.month, max(f.day, 1))
	case f.month > 0 && f.day > 0:
		// "April 23": in the past tense (or with "last") the latest on
		// or before publication, in the future tense (or with "next")
		// the earliest on or after it, else the nearest
		d, ok := calendarDay(pub.Year(), f.month, f.day)
		if !ok {
			return d, false
		}
		before, after := d, d
		if f.mod == 't' {
			// "this April 23"
		} else if d.After(pub) {
			before = d.AddDate(-1, 0, 0)
		} else if d.Before(pub) {
			after = d.AddDate(1, 0, 0)
		}
		d = pickDate(before, after, pub, f.mod, r.tense)
		return d, d.Day() == f.day
	case f.month > 0:
		// "in June", "last June": the first of the month, chosen as a
		// day is
		y := pub.Year()
		before, after := y, y
		if pm := int(pub.Month()); f.month > pm {
			before--
		} else if f.month < pm {
			after++
		}
		if f.mod == 'l' && before == y && f.month == int(pub.Month()) {
			before-- // "last April", in April
		}
		if f.mod == 'n' && after == y && f.month == int(pub.Month()) {
			after++
		}
		if f.mod == 't' {
			before, after = y, y // "this June"
		}
		b, _ := calendarDay(before, f.month, 1)
		a, _ := calendarDay(after, f.month, 1)
		first, _ := calendarDay(y, int(pub.Month()), 1)
		return pickDate(b, a, first, f.mod, r.tense), true
	case f.weekday > 0 || f.unit == 'e':
		// "Tuesday": the latest on or before publication; "last
		// Tuesday" the latest before it; in the future tense the
		// earliest on or after it, "next Tuesday" after it. A weekend
		// is its Saturday.
		wd := f.weekday
		if wd == 0 {
			wd = int(time.Saturday) + 1
		}
		back := (int(pub.Weekday()) + 1 - wd + 7) % 7
		fwd := (wd - int(pub.Weekday()) - 1 + 7) % 7
		switch {
		case f.mod == 't':
			// "this Tuesday", "this weekend": in the week (Monday to
			// Sunday) of publication
			return pub.AddDate(0, 0, (wd+5)%7-(int(pub.Weekday())+6)%7), true
		case f.mod == 'l':
			if back == 0 {
				back = 7
			}
			return pub.AddDate(0, 0, -back), true
		case f.mod == 'n':
			if fwd == 0 {
				fwd = 7
			}
			return pub.AddDate(0, 0, fwd), true
		case r.tense == tenseFuture:
			return pub.AddDate(0, 0, fwd), true
		}
		return pub.AddDate(0, 0, -back), true
	case f.rel:
		return pub.AddDate(0, 0, f.shift), true
	case f.ago && f.count > 0:
		// "two days ago", "a week ago"
		switch f.unit {
		case 'd':
			return pub.AddDate(0, 0, -f.count), true
		case 'w':
			return pub.AddDate(0, 0, -7*f.count), true
		case 'm':
			return addMonths(pub, -f.count), true
		case 'y':
			return addMonths(pub, -12*f.count), true
		}
	case f.mod != 0:
		// "last night", "this morning"; "last week", "next month",
		// "last year": publication moved by one week, month or year,
		// as "a week ago" is ("this week" is the publication date)
		switch f.unit {
		case 'p':
			switch f.mod {
			case 'l':
				return pub.AddDate(0, 0, -1), true
			case 't':
				return pub, true
			}
		case 'w':
			return pub.AddDate(0, 0, 7*periodStep(f.mod)), true
		case 'm':
			return addMonths(pub, periodStep(f.mod)), true
		case 'y':
			return addMonths(pub, 12*periodStep(f.mod)), true
		}
	}
	return time.Time{}, false
}

// addMonths moves t by n months, to the last day of the month where
// the month is shorter ("a month ago" on March 31 is February 28).
func addMonths(t time.Time, n int) time.Time {
	first := time.Date(t.Year(), t.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return first.AddDate(0, 0, min(t.Day(), last)-1)
}

// pickDate chooses between the candidates before and after publication pub:
// "last" or the past tense the one before, "next" or the future tense
// the one after, else the nearer (the one before on a tie).
func pickDate(before, after, pub time.Time, mod byte, t tense) time.Time {
	switch {
	case mod == 'l', mod == 0 && t == tensePast:
		return before
	case mod == 'n', mod == 0 && t == tenseFuture:
		return after
	}
	if after.Sub(pub) < pub.Sub(before) {
		return after
	}
	return before
}

// periodStep is the step of a modifier: -1 for last, 0 for this, 1 for next.
func periodStep(mod byte) int {
	switch mod {
	case 'l':
		return -1
	case 'n':
		return 1
	}
	return 0
}

// calendarDay returns the date y-m-d, normalising a month out of 1 to 12 into
// the year before or after; it reports false for a day the month lacks.
func calendarDay(y, m, d int) (time.Time, bool) {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t, t.Day() == d
}
