package event

import (
	"slices"
	"unicode"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/geo"
)

// where sets the location of event e: the place of an "in", "at",
// "near", "inside" or "outside" phrase of its clause, else the
// dateline's place, else none (and none without a gazetteer).
//
// The phrases searched are, in this order, the trigger's obliques and
// nominal modifiers, those of the verb that governs a noun trigger
// ("held talks in Geneva"), those of the object ("shelled positions near
// Aleppo", "met Lavrov in Brussels" with the phrase misplaced on the
// name), then those of the subject ("Albanians in Serbia demanded",
// "an explosion near Samarra killed"). A phrase whose noun is not a
// place is searched in turn, down to three levels from the trigger ("at
// NATO headquarters in Brussels", "talks with Lavrov and NATO colleagues
// in Brussels", "killed four people in an attack on a depot in Basra"),
// and, for a noun of a kind of place, so are its "of" phrase and a name
// in apposition or compound ("in the city of Kirkuk", "in the capital
// Dili", "the Jaffna peninsula").
func (w *walker) where(e *eventwire.Event) {
	e.Location = nil
	if w.c.geo == nil {
		return
	}
	if t := w.tokenStarting(e.Trigger.Start); t >= 0 {
		e.Location = w.placeOf(t)
	}
	if e.Location == nil {
		e.Location = w.datelinePlace()
	}
}

// placeOf returns the place of the phrases of trigger t's clause, or nil.
func (w *walker) placeOf(t int) *eventwire.Location {
	if loc := w.placePhrase(t, 3); loc != nil {
		return loc
	}
	c := w.clauseVerb(t)
	if c != t {
		if loc := w.placePhrase(c, 2); loc != nil {
			return loc
		}
	}
	for _, rel := range [...]string{"obj", "nsubj", "nsubj:pass"} {
		for _, h := range [2]int{t, c} {
			if x := w.child(h, rel); x >= 0 && x != t {
				if loc := w.placePhrase(x, 2); loc != nil {
					return loc
				}
			}
			if c == t {
				break
			}
		}
	}
	return nil
}

// placePhrase returns the place named by a locative phrase on token h,
// or, when depth > 1, inside its other obliques and nominal modifiers.
func (w *walker) placePhrase(h, depth int) *eventwire.Location {
	for _, x := range w.children(h) {
		if b := base(w.toks[x].Deprel); (b == "obl" || b == "nmod") && w.locative(int(x)) {
			if loc := w.placeAt(int(x)); loc != nil {
				return loc
			}
			if loc := w.namedBy(int(x), 3); loc != nil {
				return loc
			}
		}
	}
	if depth <= 1 {
		return nil
	}
	for _, x := range w.children(h) {
		if b := base(w.toks[x].Deprel); b == "obl" || b == "nmod" {
			if loc := w.placePhrase(int(x), depth-1); loc != nil {
				return loc
			}
		}
	}
	return nil
}

// placeNoun reports nouns for a kind of place, which a name can
// specify: "the city of Kirkuk", "the capital Dili".
func placeNoun(l string) bool {
	switch l {
	case "city", "town", "village", "capital", "province", "region", "district", "area",
		"state", "county", "peninsula", "island", "valley", "port", "suburb", "neighborhood",
		"neighbourhood", "sector", "zone", "outskirts", "municipality", "governorate",
		"enclave", "strip", "border", "camp", "territory", "quarter", "heart", "centre", "center":
		return true
	}
	return false
}

// namedBy returns the place that specifies x, a noun of a kind of place:
// its "of" phrase ("the city of Kirkuk", "a sector of eastern Beirut"),
// a name in apposition ("the capital Dili") or a name compounded with
// it ("the Jaffna peninsula"), through at most depth "of" phrases.
func (w *walker) namedBy(x, depth int) *eventwire.Location {
	if !placeNoun(w.lemmas[x]) {
		return nil
	}
	for _, y := range w.children(x) {
		switch w.toks[y].Deprel {
		case "appos", "flat", "compound":
			if w.toks[y].UPOS != "PROPN" {
				continue
			}
		case "nmod":
			if w.childWith(int(y), "case", ofWord) < 0 {
				continue
			}
		default:
			continue
		}
		if loc := w.placeAt(int(y)); loc != nil {
			return loc
		}
		if depth > 1 && w.toks[y].Deprel == "nmod" {
			if loc := w.namedBy(int(y), depth-1); loc != nil {
				return loc
			}
		}
	}
	return nil
}

// locative reports whether phrase x has a case word of place.
func (w *walker) locative(x int) bool {
	for _, c := range w.children(x) {
		if w.toks[c].Deprel == "case" {
			switch w.lemmas[c] {
			case "in", "at", "near", "inside", "outside":
				return true
			}
		}
	}
	return false
}

// maxPlaceWords bounds the words of a place name the gazetteer is asked
// about, ending at the phrase's head.
const maxPlaceWords = 6

// placeAt returns the place that token x names: a gazetteer name that
// covers it, written with a capital, or the place entity x belongs to.
// Names of people, organisations and groups are not places.
func (w *walker) placeAt(x int) *eventwire.Location {
	if w.timeWord(x) {
		return nil // "in June"
	}
	ent := w.entity(x)
	country := ""
	if ent >= 0 {
		en := &w.doc.Entities[ent]
		if en.Type != eventwire.GPE && en.Type != eventwire.Loc {
			return nil
		}
		if en.Actor != nil {
			country = en.Actor.Country
		}
	} else if w.toks[x].UPOS != "PROPN" {
		return nil
	}
	g := w.c.geo
	lo := max(0, x-maxPlaceWords+1)
	hi := min(len(w.toks), x+3)
	var buf [maxPlaceWords + 2]string
	words := buf[:0]
	for i := lo; i < hi; i++ {
		words = append(words, w.doc.Slice(eventwire.Span{Start: w.toks[i].Start, End: w.toks[i].End}))
	}
	for s := lo; s <= x; s++ {
		if !w.capitalised(s) {
			continue
		}
		n, es := g.Match(words, s-lo)
		if n == 0 || s+n <= x {
			continue
		}
		if en, ok := pickEntry(es, country, w.datelineCountry()); ok {
			return w.location(en, w.toks[s].Start, w.toks[s+n-1].End)
		}
	}
	if ent < 0 {
		return nil
	}
	// A place entity the words do not name in the gazetteer ("the
	// capital"): its name, or its country's centre.
	en := &w.doc.Entities[ent]
	m := mentionAt(en, w.toks[x].Start)
	if m == nil {
		return nil
	}
	if e, ok := pickEntry(g.Lookup(en.Name), country, w.datelineCountry()); ok {
		return w.location(e, m.Start, m.End)
	}
	if c, ok := g.Country(country); ok {
		return &eventwire.Location{Name: en.Name, Country: c.ISO3, Lat: c.Lat, Lon: c.Lon,
			Text: w.doc.Slice(eventwire.Span{Start: m.Start, End: m.End}), Start: m.Start, End: m.End}
	}
	return nil
}

// capitalised reports whether token i starts with an upper-case letter.
func (w *walker) capitalised(i int) bool {
	if w.toks[i].Start >= w.toks[i].End {
		return false
	}
	return unicode.IsUpper(w.doc.Runes[w.toks[i].Start])
}

// mentionAt returns the mention of en that covers offset off, or nil.
func mentionAt(en *eventwire.Entity, off int) *eventwire.Mention {
	for i := range en.Mentions {
		if m := &en.Mentions[i]; m.Start <= off && off < m.End {
			return m
		}
	}
	return nil
}

// pickEntry chooses among a name's entries (best first, as geo ranks
// them; nationality words are not places) the first in country, the
// country its entity was coded with, where that is not the best entry's
// anyway; else, when the best is a town or region, the first town or
// region in local, the dateline's country ("Valencia" under a Madrid
// dateline is the Spanish one, "Georgia" under a Washington dateline
// still the country); else the best.
func pickEntry(es []geo.Entry, country, local string) (geo.Entry, bool) {
	best, own, near := -1, -1, -1
	for i := range es {
		if es[i].Kind == geo.KindDemonym {
			continue
		}
		if best < 0 {
			best = i
		}
		if own < 0 && country != "" && es[i].ISO3 == country {
			own = i
		}
		if near < 0 && local != "" && es[i].ISO3 == local && (es[i].Kind == geo.KindCity || es[i].Kind == geo.KindRegion) {
			near = i
		}
	}
	switch {
	case best < 0:
		return geo.Entry{}, false
	case own >= 0 && es[own].ISO3 != es[best].ISO3:
		return es[own], true
	case near >= 0 && (es[best].Kind == geo.KindCity || es[best].Kind == geo.KindRegion):
		return es[near], true
	case own >= 0:
		return es[own], true
	}
	return es[best], true
}

// datelineCountry returns the country of the dateline's place, or "".
func (w *walker) datelineCountry() string {
	if dl := w.doc.Dateline; dl != nil && dl.Place != "" {
		if e, ok := pickEntry(w.c.geo.Lookup(dl.Place), "", ""); ok {
			return e.ISO3
		}
	}
	return ""
}

// location builds the location of gazetteer entry e named by the words
// at [start, end). A region, which the gazetteer has no point for, takes
// its country's centre.
func (w *walker) location(e geo.Entry, start, end int) *eventwire.Location {
	loc := &eventwire.Location{Name: e.Name, Country: e.ISO3, Lat: e.Lat, Lon: e.Lon,
		Text: w.doc.Slice(eventwire.Span{Start: start, End: end}), Start: start, End: end}
	if e.Lat == 0 && e.Lon == 0 {
		if c, ok := w.c.geo.Country(e.ISO3); ok {
			loc.Lat, loc.Lon = c.Lat, c.Lon
		}
	}
	return loc
}

// datelinePlace returns the place of the dateline, or nil when there is
// none or the gazetteer does not know it.
func (w *walker) datelinePlace() *eventwire.Location {
	dl := w.doc.Dateline
	if dl == nil || dl.Place == "" || dl.Start < 0 || dl.End > len(w.doc.Runes) || dl.Start > dl.End {
		return nil
	}
	e, ok := pickEntry(w.c.geo.Lookup(dl.Place), "", "")
	if !ok {
		return nil
	}
	place := []rune(dl.Place)
	start := dl.Start
	for i := dl.Start; i+len(place) <= dl.End; i++ {
		if slices.Equal(w.doc.Runes[i:i+len(place)], place) {
			start = i
			break
		}
	}
	return w.location(e, start, min(start+len(place), len(w.doc.Runes)))
}
