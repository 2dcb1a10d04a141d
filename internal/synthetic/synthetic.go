package synthetic

import (
	"errors"
	"fmt"
	"iter"
	"strings"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/actor"
	"github.com/eventwire/eventwire/event"
	"github.com/eventwire/eventwire/geo"
)

// ErrTable is wrapped by the errors New reports when a table of the
// package does not agree with the gazetteer or the ontology.
var ErrTable = errors.New("synthetic: bad table")

// Actor kinds.
const (
	kindCountry = iota
	kindGov
	kindMil
	kindPerson
	kindIGO
	kindGroup
)

// Actor is one actor the generator writes about.
type Actor struct {
	Code    string // CAMEO actor code: "RUS", "RUSGOV", "IGOUNO", "SYRREB"
	Name    string // the entity's name: "Russia", "Russian government", "Elena Varga"
	Type    string // entity type: eventwire.GPE, eventwire.Org or eventwire.Person
	Title   string // a person's title ("Foreign Minister"), else ""
	Surname string // a person's surname, which later mentions use alone
	Country string // ISO 3166-1 alpha-3 code, "" for an organisation of states

	kind    int
	female  bool
	country int    // index in Generator.countries, -1 for none
	short   string // in headlines: "Moscow", "Varga", "UN"
	article string // "the " before the name, or ""
	prefix  string // before a person's first mention: "Russian Foreign Minister "
	alias   string // a later name form: "UN"
}

// country is one country of countryCodes, as the gazetteer has it.
type country struct {
	code, name, adj, capital string
	lat, lon                 float64
	actors                   []int // its actors: the country, government, military, officials, groups
	officials                []int
}

// seg is one piece of a compiled template.
type seg struct {
	kind byte     // segLit, segAlt, segSlot, segTrigger, segOpen, segClose
	text string   // literal, slot name or trigger
	alts []string // choices
}

const (
	segLit = iota
	segAlt
	segSlot
	segTrigger
	segOpen  // « : a quoted fragment starts
	segClose // » : it ends
)

type template []seg

// eventKind is a compiled event template with its ontology entry.
type eventKind struct {
	code      event.Code
	text      template
	headline  template
	mil       bool
	state     bool
	cumWeight int
}

type publisher struct{ name, domain string }

// Generator writes synthetic documents. It holds read-only tables only: one
// Generator may serve any number of goroutines at once.
type Generator struct {
	countries   []country
	actors      []Actor
	igos        []int // the organisations' actors
	igoHeads    []int // their heads
	events      []eventKind
	totalWeight int
	direct      []template
	indirect    []template
	mixed       []template
	fillers     []template
	publishers  []publisher
}

// New builds the generator's tables from the embedded gazetteer and
// ontology (about 100 ms: build one and share it).
func New() (*Generator, error) {
	gaz, err := geo.Load()
	if err != nil {
		return nil, err
	}
	ont, err := event.LoadOntology()
	if err != nil {
		return nil, err
	}
	g := &Generator{}
	if err := g.buildActors(gaz); err != nil {
		return nil, err
	}
	for _, t := range eventTemplates {
		c, ok := ont.Lookup(t.code)
		if !ok {
			return nil, fmt.Errorf("%w: event template %q: CAMEO code %s not in the ontology", ErrTable, t.text, t.code)
		}
		text, err := compile(t.text)
		if err != nil {
			return nil, err
		}
		head, err := compile(t.headline)
		if err != nil {
			return nil, err
		}
		g.totalWeight += t.weight
		g.events = append(g.events, eventKind{code: c, text: text, headline: head, mil: t.mil, state: t.state, cumWeight: g.totalWeight})
	}
	for _, set := range []struct {
		src []string
		dst *[]template
	}{{directQuotes, &g.direct}, {indirectQuotes, &g.indirect}, {mixedQuotes, &g.mixed}, {fillers, &g.fillers}} {
		for _, s := range set.src {
			t, err := compile(s)
			if err != nil {
				return nil, err
			}
			*set.dst = append(*set.dst, t)
		}
	}
	for _, k := range publisherKinds {
		for _, n := range publisherNames {
			g.publishers = append(g.publishers, publisher{n + " " + k, strings.ToLower(n+k) + ".example"})
		}
	}
	return g, nil
}

// buildActors fills the countries and the actors.
func (g *Generator) buildActors(gaz *geo.Gazetteer) error {
	add := func(a Actor) int {
		g.actors = append(g.actors, a)
		return len(g.actors) - 1
	}
	surname := 0
	nextSurname := func() string {
		// Stems and endings paired along diagonals, so that neighbours
		// differ in both parts.
		st, en := len(surnameStems), len(surnameEndings)
		s := surnameStems[surname%st] + surnameEndings[(surname+surname/st)%en]
		surname++
		return s
	}
	person := 0
	for ci, code := range countryCodes {
		c, ok := gaz.Country(code)
		if !ok || len(c.Demonyms) == 0 {
			return fmt.Errorf("%w: country %s not in the gazetteer", ErrTable, code)
		}
		capital := c.Capital
		if c.Seat != "" {
			capital = c.Seat
		}
		lat, lon := c.Lat, c.Lon
		for _, e := range gaz.Lookup(capital) {
			if e.ISO3 == code && (e.Kind == geo.KindCapital || e.Kind == geo.KindSeat) {
				lat, lon = e.Lat, e.Lon
				break
			}
		}
		ct := country{code: code, name: c.Name, adj: c.Demonyms[0], capital: capital, lat: lat, lon: lon}
		the := ""
		if theCountries[code] {
			the = "the "
		}
		ct.actors = append(ct.actors,
			add(Actor{Code: code, Name: c.Name, Type: eventwire.GPE, Country: code, kind: kindCountry, country: ci, short: c.Name, article: the}),
			add(Actor{Code: code + "GOV", Name: ct.adj + " government", Type: eventwire.Org, Country: code, kind: kindGov, country: ci, short: capital, article: "the "}),
			add(Actor{Code: code + "MIL", Name: ct.adj + " military", Type: eventwire.Org, Country: code, kind: kindMil, country: ci, short: ct.adj + " military", article: "the "}))
		n := 2
		if ci < leaders {
			n = len(officialTitles)
		}
		for _, t := range officialTitles[:n] {
			female := person%3 == 1
			var given string
			if female {
				given = femaleNames[(person*7)%len(femaleNames)]
			} else {
				given = maleNames[(person*5)%len(maleNames)]
			}
			person++
			sur, ok := specialSurnames[[2]string{code, t.title}]
			if !ok {
				sur = nextSurname()
			}
			i := add(Actor{Code: code + t.sector, Name: given + " " + sur, Type: eventwire.Person, Title: t.title, Surname: sur,
				Country: code, kind: kindPerson, female: female, country: ci, short: sur, prefix: ct.adj + " " + t.title + " "})
			ct.actors = append(ct.actors, i)
			ct.officials = append(ct.officials, i)
		}
		for _, gr := range groups {
			if gr.country == code {
				ct.actors = append(ct.actors, add(Actor{Code: code + gr.sector, Name: gr.name, Type: eventwire.Org, Country: code,
					kind: kindGroup, country: ci, short: gr.name, article: "the "}))
			}
		}
		g.countries = append(g.countries, ct)
	}
	for _, o := range igos {
		g.igos = append(g.igos, add(Actor{Code: o.code, Name: o.name, Type: eventwire.Org, kind: kindIGO, country: -1,
			short: o.short, article: o.article, alias: o.short}))
		given := femaleNames[(person*7)%len(femaleNames)]
		person++
		sur := nextSurname()
		g.igoHeads = append(g.igoHeads, add(Actor{Code: o.code, Name: given + " " + sur, Type: eventwire.Person, Title: o.title,
			Surname: sur, kind: kindPerson, female: true, country: -1, short: sur, prefix: o.short + " " + o.title + " "}))
	}
	seen := map[string]bool{}
	for _, a := range g.actors {
		if a.kind == kindPerson {
			if seen[a.Surname] {
				return fmt.Errorf("%w: surname %s used twice", ErrTable, a.Surname)
			}
			seen[a.Surname] = true
		}
	}
	return nil
}

// Actors returns every actor the generator writes about, the actors of
// the most frequent countries first, then the organisations.
func (g *Generator) Actors() []Actor {
	return append([]Actor(nil), g.actors...)
}

// Docs yields Doc(0, seed), Doc(1, seed), ... Doc(n-1, seed).
func (g *Generator) Docs(n int, seed uint64) iter.Seq[*eventwire.Doc] {
	return func(yield func(*eventwire.Doc) bool) {
		for i := range n {
			if !yield(g.Doc(i, seed)) {
				return
			}
		}
	}
}

// Facts returns what the actor stage would learn from the document: the
// name, title and actor code of every person it names with a title, as
// of the article's date. Pass them to sqlite.DB.SaveAll with the document
// to fill the store's knowledge table.
func Facts(d *eventwire.Doc) []actor.Fact {
	var out []actor.Fact
	var from time.Time
	if d.Published != "" {
		from, _ = time.Parse(time.DateOnly, d.Published)
	}
	for _, e := range d.Entities {
		if e.Type != eventwire.Person || e.Actor == nil || len(e.Titles) == 0 {
			continue
		}
		sur := e.Name
		if i := strings.LastIndexByte(e.Name, ' '); i >= 0 {
			sur = e.Name[i+1:]
		}
		out = append(out, actor.Fact{Name: e.Name, Surname: sur, Actor: *e.Actor, Title: e.Titles[0], From: from, DocID: d.ID})
	}
	return out
}

// compile parses a template: {name} is a slot, {a|b} a choice, [word] a
// trigger, « and » bound a quoted fragment; the rest is literal.
func compile(s string) (template, error) {
	var t template
	lit := func(x string) {
		if x != "" {
			t = append(t, seg{kind: segLit, text: x})
		}
	}
	for s != "" {
		i := strings.IndexAny(s, "{[«»")
		if i < 0 {
			lit(s)
			break
		}
		lit(s[:i])
		s = s[i:]
		switch {
		case strings.HasPrefix(s, "«"):
			t = append(t, seg{kind: segOpen})
			s = s[len("«"):]
			continue
		case strings.HasPrefix(s, "»"):
			t = append(t, seg{kind: segClose})
			s = s[len("»"):]
			continue
		}
		closer := "}"
		if s[0] == '[' {
			closer = "]"
		}
		j := strings.Index(s, closer)
		if j < 0 {
			return nil, fmt.Errorf("%w: template %q: %c not closed", ErrTable, s, s[0])
		}
		body := s[1:j]
		switch {
		case s[0] == '[':
			t = append(t, seg{kind: segTrigger, text: body})
		case strings.Contains(body, "|"):
			t = append(t, seg{kind: segAlt, alts: strings.Split(body, "|")})
		default:
			t = append(t, seg{kind: segSlot, text: body})
		}
		s = s[j+1:]
	}
	return t, nil
}
