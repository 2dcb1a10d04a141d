package actor

import (
	"fmt"
	"strings"
	"time"

	"github.com/eventwire/eventwire"
)

// Holder is one term of office from the embedded office-holders table:
// who held which office, coded how, from when until when.
type Holder struct {
	Name    string    // full name ("John Kerry")
	Surname string    // the name the news uses alone ("Kerry", "Xi")
	Code    string    // actor code during the term ("USAGOV")
	Title   string    // normalised title ("Secretary of State")
	From    time.Time // first day in office
	To      time.Time // first day out of office; zero while in office
}

// in reports whether the term covers day d.
func (h *Holder) in(d time.Time) bool {
	return !d.Before(h.From) && (h.To.IsZero() || d.Before(h.To))
}

// holderTable indexes the terms by full name (and aliases) and by surname.
type holderTable struct {
	terms     []Holder
	byName    map[string][]int32 // nameKey of full name or alias -> term ids
	bySurname map[string][]int32 // nameKey of surname -> term ids
	// full finds the full names and spellings of two words or more in
	// text, for the people the recogniser misses.
	full *phraseIndex
}

// parseHolders reads data/holders.tsv (see its header for the columns).
func parseHolders(name, data string) (*holderTable, error) {
	t := &holderTable{byName: map[string][]int32{}, bySurname: map[string][]int32{}, full: newPhraseIndex(nameCase)}
	for ln, line := range tsvLines(data) {
		f := strings.Split(line, "\t")
		if len(f) != 7 || f[0] == "" || f[4] == "" || len(splitList(f[5])) == 0 {
			return nil, &DictError{Name: name, Line: ln, Msg: fmt.Sprintf("want 7 tab-separated fields (code, title, from, to, name, surname, aliases), got %d", len(f))}
		}
		if err := checkCode(f[0]); err != nil {
			return nil, &DictError{Name: name, Line: ln, Msg: err.Error()}
		}
		h := Holder{Name: f[4], Code: f[0], Title: f[1]}
		var err error
		if h.From, err = time.Parse(time.DateOnly, f[2]); err != nil {
			return nil, &DictError{Name: name, Line: ln, Msg: fmt.Sprintf("bad from date %q", f[2])}
		}
		if f[3] != "" {
			if h.To, err = time.Parse(time.DateOnly, f[3]); err != nil {
				return nil, &DictError{Name: name, Line: ln, Msg: fmt.Sprintf("bad to date %q", f[3])}
			}
			if !h.From.Before(h.To) {
				return nil, &DictError{Name: name, Line: ln, Msg: "term ends before it starts"}
			}
		}
		id := int32(len(t.terms))
		t.terms = append(t.terms, h)
		names := append([]string{h.Name}, splitList(f[6])...)
		var keys []string
		for _, a := range names {
			w := splitWords(a)
			keys = append(keys, nameKey(w))
			if wordCount(w) > 1 {
				t.full.addWords(w, id)
			}
		}
		for _, k := range keys {
			t.byName[k] = appendNew(t.byName[k], id)
		}
		for _, sn := range splitList(f[5]) {
			k := nameKey(splitWords(sn))
			t.bySurname[k] = appendNew(t.bySurname[k], id)
		}
		h.Surname = splitList(f[5])[0]
		t.terms[id] = h
	}
	return t, nil
}

func appendNew(ids []int32, id int32) []int32 {
	for _, x := range ids {
		if x == id {
			return ids
		}
	}
	return append(ids, id)
}

// candidates returns the terms a name may refer to: by full name or alias
// when the name has them, else (for a name of one word, or a surname with
// its particle such as "al-Assad") by surname. A full name that the table
// does not know never falls back to its surname: "John Smith" is not
// whoever else is called Smith.
func (t *holderTable) candidates(words []string) (ids []int32, full bool) {
	k := nameKey(words)
	if ids := t.byName[k]; len(ids) > 0 {
		return ids, true
	}
	return t.bySurname[k], false
}

// inOffice finds the term that a name refers to on day d: the terms in
// office that day (on an undated article, each person's latest term).
// When they belong to different people with different codes, the name is
// ambiguous and ok is false.
func (t *holderTable) inOffice(words []string, d time.Time) (h Holder, ok bool) {
	ids, _ := t.candidates(words)
	var found *Holder
	for _, id := range ids {
		c := &t.terms[id]
		if d.IsZero() {
			if !t.latest(id) {
				continue
			}
		} else if !c.in(d) {
			continue
		}
		if found != nil {
			if found.Name != c.Name && found.Code != c.Code {
				return Holder{}, false // two people, two codes: ambiguous
			}
			// Two offices that day (a double post, a handover, or two
			// people with one code): the later-starting term wins.
			if c.From.Before(found.From) {
				continue
			}
		}
		found = c
	}
	if found == nil {
		return Holder{}, false
	}
	return *found, true
}

// titled finds the code of a person whom the article gives a title that
// the table's terms for that name share, whatever the date: "President
// Bush" in an article dated when no Bush was president (a wrong or
// placeholder date, or a retrospective) is still a US president, as both
// presidents Bush were. The terms of that title must all carry one code;
// otherwise ok is false.
func (t *holderTable) titled(words []string, titles []string) (code string, ok bool) {
	if len(titles) == 0 {
		return "", false
	}
	ids, _ := t.candidates(words)
	for _, id := range ids {
		h := &t.terms[id]
		match := false
		for _, ti := range titles {
			if strings.EqualFold(ti, h.Title) {
				match = true
				break
			}
		}
		if !match {
			continue
		}
		if code != "" && code != h.Code {
			return "", false
		}
		code = h.Code
	}
	return code, code != ""
}

// latest reports whether term id is the last-starting term of its holder.
func (t *holderTable) latest(id int32) bool {
	h := &t.terms[id]
	for _, j := range t.byName[nameKey(splitWords(h.Name))] {
		if o := &t.terms[j]; o.Name == h.Name && o.From.After(h.From) {
			return false
		}
	}
	return true
}

// former codes an office-holder named in full on a date that none of the
// holder's terms covers (before, between or after them): COUNTRY+ELI, as
// the Phoenix dictionaries code a politician out of office (a former
// president or minister, or a future one, is an elite). All the terms
// must be one person's, in one country; people who held international
// offices get nothing, as their country is not in the table.
func (t *holderTable) former(words []string, d time.Time) (code string, ok bool) {
	if d.IsZero() {
		return "", false
	}
	ids, full := t.candidates(words)
	if !full {
		return "", false
	}
	var first *Holder
	for _, id := range ids {
		c := &t.terms[id]
		if first != nil && (c.Name != first.Name || c.Code[:3] != first.Code[:3]) {
			return "", false
		}
		if c.in(d) {
			return "", false
		}
		if first == nil {
			first = c
		}
	}
	if first == nil || isNonState(first.Code[:3]) {
		return "", false
	}
	return first.Code[:3] + "ELI", true
}

// nameKey is the lookup key of a name: its words folded to lower case and
// joined by spaces, without hyphens and honorific dots, so "al-Assad",
// "al Assad" and "Al-Assad" meet.
func nameKey(words []string) string {
	var b strings.Builder
	for _, w := range words {
		if w == "-" || w == "–" || w == "." {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strings.ToLower(w))
	}
	return b.String()
}

// Office returns the embedded office-holders table's term for a person
// named words (a full name, or a surname the table knows) on a date (zero
// for undated): who holds which office, so that a bare "Lavrov" can be
// given his title. ok is false when the table knows no one in office by
// that name, or when the name is ambiguous.
func (c *Coder) Office(words []string, date time.Time) (h Holder, ok bool) {
	return c.holders.inOffice(trimName(words, eventwire.Person), date)
}
