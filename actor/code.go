package actor

import (
	"embed"
	"errors"
	"fmt"
	"iter"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/geo"
)

//go:embed data/orgs.tsv data/roles.tsv data/holders.tsv
var tables embed.FS

// Options configures New.
type Options struct {
	// Geo is the gazetteer (geo.Load) that names countries, demonyms,
	// capitals and seats of government. Nil for none: places are then
	// coded only from Query.Affiliation.
	Geo *geo.Gazetteer
	// Dicts are the user's dictionaries (see ReadDict), consulted before
	// every embedded table, in order. Nil for none.
	Dicts []*Dict
}

// Coder holds the coding knowledge: organisations, roles, office-holders
// and the user's dictionaries. It is read-only after New and safe for
// concurrent use.
type Coder struct {
	orgs    *orgTable
	roles   *roleTable
	holders *holderTable
	dicts   []*Dict
	geo     *geo.Gazetteer
}

// New builds a Coder from the embedded tables and the user's dictionaries
// (nil for none). The tables are parsed on every call: callers build one
// Coder and share it.
func New(opts Options) (*Coder, error) {
	c := &Coder{dicts: opts.Dicts, geo: opts.Geo}
	var data [3]string
	for i, name := range []string{"data/orgs.tsv", "data/roles.tsv", "data/holders.tsv"} {
		b, err := tables.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("actor: embedded table: %w", err)
		}
		data[i] = string(b)
	}
	var err error
	if c.orgs, err = parseOrgs("data/orgs.tsv", data[0]); err != nil {
		return nil, fmt.Errorf("actor: embedded table: %w", err)
	}
	if c.roles, err = parseRoles("data/roles.tsv", data[1]); err != nil {
		return nil, fmt.Errorf("actor: embedded table: %w", err)
	}
	if c.holders, err = parseHolders("data/holders.tsv", data[2]); err != nil {
		return nil, fmt.Errorf("actor: embedded table: %w", err)
	}
	return c, nil
}

// Query describes an entity to code.
type Query struct {
	Name   string    // the fullest name form ("John Kerry", "NATO", "Moscow")
	Type   string    // eventwire.Person, Org, GPE, Loc or NORP
	Titles []string  // normalised titles, as Role returns them ("Secretary of State")
	Date   time.Time // the article's date; zero when undated
	// Metonym says that a place (a capital or a seat of government such
	// as "the Kremlin") stands for its government.
	Metonym bool
	// Words are the name's tokens as the text stage split them; when nil,
	// Name is tokenized.
	Words []string
	// Affiliation is the country (ISO3, "RUS") or organisation code
	// ("IGOWSTNAT") that the article ties the titles to: "Russian Foreign
	// Minister" gives "RUS", "NATO Secretary-General" gives "IGOWSTNAT".
	// Empty when the article gives none.
	Affiliation string
}

// Code returns the actor code of an entity given its fullest name, its
// type, its titles, the article date and what the run has learned (kb may
// be nil); nil when no code applies. The sources are tried in this order
// (see the package comment for why):
//
//  1. the user's dictionaries (dated entries apply on the article's date);
//  2. the article itself: a title tied to a country or organisation
//     ("Russian Foreign Minister" -> RUSGOV);
//  3. the embedded organisations (for names that are not people);
//  4. the office-holders table, for a person in office on the date;
//  5. what the run learned from earlier articles (kb);
//  6. the office-holders table again, for a person whose title in the
//     article is the title of the table's terms for that name, whatever
//     the date ("President Bush" is USAGOV on a date between the two
//     presidents Bush);
//  7. the office-holders table again, for a holder named in full on a date
//     none of the holder's terms covers (a former or future head of
//     government is an elite, COUNTRY+ELI).
//
// Places and groups that are not known organisations are coded with their
// country: Query.Affiliation, else the gazetteer ("Moscow" -> RUS; as a
// metonym for its government, RUSGOV; "the Pentagon" -> USAMIL; "Syrian
// rebels" -> SYRREB).
func (c *Coder) Code(q Query, kb *Knowledge) *eventwire.Actor {
	words := q.Words
	if words == nil {
		words = splitWords(q.Name)
	}
	words = trimName(words, q.Type)
	q.Affiliation = stateOn(q.Affiliation, q.Date)
	for _, d := range c.dicts {
		if code, ok := d.lookup(words, q.Date); ok {
			if q.Metonym && len(code) == 3 && !isNonState(code) {
				code += "GOV" // a capital standing for its government
			}
			return actorOf(code)
		}
	}
	if q.Affiliation != "" {
		if a := c.fromTitles(q.Titles, q.Affiliation); a != nil {
			return a
		}
	}
	if q.Type != eventwire.Person {
		if v, ok := c.orgs.index.matchAll(words); ok {
			return actorOf(c.orgs.orgs[v].Code)
		}
		affil, seat := q.Affiliation, ""
		if affil == "" {
			affil, seat = c.country(words)
			affil = stateOn(affil, q.Date)
		}
		if affil != "" && q.Type != eventwire.Loc && !c.wholePlace(words) {
			// A group the article ties to a country: "Syrian rebels";
			// not a place whose name holds a role noun ("West Bank").
			if a := c.fromWords(words, affil); a != nil {
				return a
			}
		}
		if len(affil) != 3 {
			return nil
		}
		if q.Metonym {
			if seat == "" {
				seat = "GOV"
			}
			return actorOf(affil + seat)
		}
		if q.Type == eventwire.GPE || q.Type == eventwire.NORP {
			return actorOf(affil)
		}
		if q.Type == eventwire.Org && q.Affiliation == "" && c.namedForCountry(words) {
			// An organisation named for its country ("Malaysia
			// Airlines", "Russian Orthodox Church") is the country's.
			return actorOf(affil)
		}
		return nil
	}
	if len(words) == 0 {
		return nil
	}
	if h, ok := c.holders.inOffice(words, q.Date); ok {
		return actorOf(h.Code)
	}
	if kb != nil {
		if f, ok := kb.Lookup(strings.Join(words, " "), q.Date); ok {
			a := f.Actor
			return &a
		}
	}
	if code, ok := c.holders.titled(words, q.Titles); ok {
		return actorOf(code)
	}
	if code, ok := c.holders.former(words, q.Date); ok {
		return actorOf(code)
	}
	return nil
}

// country finds the country a place name or description names through the
// gazetteer: "Russia", "Moscow", "the Kremlin", "Syrian rebels" (a
// country, demonym, capital or seat at the start), or a whole name that is
// a city ("Aleppo"). sector is the seat's sector for buildings ("MIL" for
// the Pentagon), else "".
func (c *Coder) country(words []string) (iso3, sector string) {
	if c.geo == nil || len(words) == 0 {
		return "", ""
	}
	n, es := c.geo.Match(words, 0)
	if n == 0 || len(es) == 0 {
		if n, es := compassPart(c.geo, words, 0); n > 0 && n+1 == len(words) {
			return es[0].ISO3, "" // "South Lebanon"
		}
		return "", ""
	}
	e := es[0]
	switch e.Kind {
	case geo.KindCountry, geo.KindDemonym, geo.KindCapital, geo.KindSeat:
		return e.ISO3, e.Sector
	}
	if n == len(words) {
		return e.ISO3, ""
	}
	return "", ""
}

// seceded are the countries that the gazetteer knows by their present
// borders but that were part of another state before a date: Juba is in
// Sudan in a 2005 article.
var seceded = []struct {
	iso3, from string
	since      time.Time
}{
	{"SSD", "SDN", time.Date(2011, 7, 9, 0, 0, 0, 0, time.UTC)},
}

// stateOn returns the state that held a place of country iso3 on date
// (zero for undated: today's).
func stateOn(iso3 string, date time.Time) string {
	if date.IsZero() {
		return iso3
	}
	for _, s := range seceded {
		if s.iso3 == iso3 && date.Before(s.since) {
			return s.from
		}
	}
	return iso3
}

// namedForCountry reports whether a name starts with a country's name or
// nationality and goes on with capitalised words: "Malaysia Airlines",
// not "Washington Post" (a capital) or "Britain" alone.
func (c *Coder) namedForCountry(words []string) bool {
	if c.geo == nil {
		return false
	}
	n, es := c.geo.Match(words, 0)
	if n == 0 || n >= len(words) || len(es) == 0 || es[0].Kind != geo.KindCountry && es[0].Kind != geo.KindDemonym {
		return false
	}
	if k, _ := c.holders.full.match(words, n); k > 0 {
		return false // "Russia Vladimir Putin": a person the recogniser ran on
	}
	r, _ := utf8.DecodeRuneInString(words[n])
	return unicode.IsUpper(r)
}

// wholePlace reports whether the gazetteer knows all the words as one
// place name ("West Bank", "Gaza Strip").
func (c *Coder) wholePlace(words []string) bool {
	if c.geo == nil || len(words) == 0 {
		return false
	}
	n, es := c.geo.Match(words, 0)
	return n == len(words) && len(es) > 0
}

// fromTitles codes a title tied to a country or an organisation.
func (c *Coder) fromTitles(titles []string, affil string) *eventwire.Actor {
	for _, t := range titles {
		w := splitWords(t)
		n, r, ok := c.Role(w, 0)
		if !ok || n != len(w) {
			continue
		}
		return withSector(affil, r.Sector)
	}
	return nil
}

// fromWords codes a description such as "Syrian rebels" or "the Russian
// Foreign Ministry": the longest role found in the words, tied to affil.
func (c *Coder) fromWords(words []string, affil string) *eventwire.Actor {
	best, sector := 0, ""
	for i := range words {
		if n, r, ok := c.Role(words, i); ok && n > best {
			best, sector = n, r.Sector
		}
	}
	if best == 0 {
		return nil
	}
	return withSector(affil, sector)
}

// withSector combines a country or organisation with a sector. An
// organisation's people are coded with the organisation's own code, as
// the Phoenix dictionaries do (NATO's secretary-general is IGOWSTNAT).
func withSector(affil, sector string) *eventwire.Actor {
	if len(affil) != 3 || isNonState(affil) {
		return actorOf(affil)
	}
	return actorOf(affil + sector)
}

// trimName drops a leading article ("the European Union") and, for
// people, honorifics ("Mr. Kerry").
func trimName(words []string, typ string) []string {
	for len(words) > 1 {
		w := strings.ToLower(words[0])
		if w == "the" || typ == eventwire.Person && honorific(w) {
			words = words[1:]
			continue
		}
		break
	}
	for len(words) > 1 && (words[len(words)-1] == "'s" || words[len(words)-1] == "'") {
		words = words[:len(words)-1]
	}
	return words
}

func honorific(w string) bool {
	switch w {
	case "mr.", "mr", "mrs.", "mrs", "ms.", "ms", "dr.", "dr", "sir", "dame", "madam", "prof.", "sheikh", "lord", "lady":
		return true
	}
	return false
}

// actorOf splits a code into an Actor; nil for "".
func actorOf(code string) *eventwire.Actor {
	if code == "" {
		return nil
	}
	a := SplitCode(code)
	return &a
}

// SplitCode splits a CAMEO actor code into its parts: Country is the first
// three letters (an ISO 3166 alpha-3 code, or a non-state prefix such as
// IGO, NGO, IMG or MNC) and Sector the first of the following three-letter
// groups that is a role code (GOV, MIL, REB, ...), "" when none is: USAGOV
// is USA and GOV, SYRREBMUS is SYR and REB, IGOWSTNAT is IGO and "".
func SplitCode(code string) eventwire.Actor {
	a := eventwire.Actor{Code: code}
	if len(code) < 3 {
		a.Country = code
		return a
	}
	a.Country = code[:3]
	for i := 3; i+3 <= len(code); i += 3 {
		if s := code[i : i+3]; isSector(s) {
			a.Sector = s
			break
		}
	}
	return a
}

// sectors are the CAMEO role codes that SplitCode reports as a sector:
// the primary roles (government, military, rebels, ...) and the secondary
// ones (business, civilians, media, ...).
var sectors = map[string]bool{
	"GOV": true, "MIL": true, "REB": true, "OPP": true, "PTY": true, "COP": true,
	"JUD": true, "SPY": true, "LEG": true, "ELI": true, "INS": true, "SEP": true,
	"UAF": true, "MOD": true, "RAD": true, "BUS": true, "CVL": true, "CRM": true,
	"MED": true, "EDU": true, "HLH": true, "REF": true, "LAB": true, "AGR": true,
	"DEV": true, "ENV": true, "HRI": true, "REL": true,
}

func isSector(s string) bool { return sectors[s] }

// isNonState reports whether a three-letter prefix is not a country:
// intergovernmental and non-governmental organisations, international
// militarized groups, multinational corporations.
func isNonState(p string) bool {
	switch p {
	case "IGO", "NGO", "IMG", "MNC", "NGM":
		return true
	}
	return false
}

// checkCode validates a code in an embedded table: capital letters in
// groups of three.
func checkCode(code string) error {
	if code == "" || len(code)%3 != 0 {
		return fmt.Errorf("code %q is not made of three-letter groups", code)
	}
	for i := 0; i < len(code); i++ {
		if code[i] < 'A' || code[i] > 'Z' {
			return fmt.Errorf("code %q has a character that is not a capital letter", code)
		}
	}
	return nil
}

// tsvLines yields the 1-based number and text of each line of a table
// that is neither blank nor a # comment. A trailing carriage return is
// dropped.
func tsvLines(data string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		n := 0
		for line := range strings.Lines(data) {
			n++
			line = strings.TrimRight(line, "\r\n")
			if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
				continue
			}
			if !yield(n, line) {
				return
			}
		}
	}
}

// ErrSyntax is the error (wrapped in a *DictError) for a dictionary or
// table line that cannot be read.
var ErrSyntax = errors.New("syntax error")

// DictError is an error in a dictionary or table: the file's name, the
// 1-based line and what is wrong. It wraps ErrSyntax.
type DictError struct {
	Name string
	Line int
	Msg  string
}

func (e *DictError) Error() string {
	return fmt.Sprintf("%s:%d: %s", e.Name, e.Line, e.Msg)
}

// Unwrap returns ErrSyntax, so callers can test errors.Is(err, ErrSyntax).
func (e *DictError) Unwrap() error { return ErrSyntax }
