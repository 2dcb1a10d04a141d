package actor

import "github.com/eventwire/eventwire/geo"

// placeKind is what a place name is, as far as mentions are concerned.
type placeKind uint8

const (
	noPlace placeKind = iota
	placeCountry
	placeDemonym // "Syrian", "Russians"
	placeCapital
	placeSeat // a building that stands for a government: the Kremlin
	placeCity
	placeRegion
)

// place is the sense of a place name that the gazetteer gives.
type place struct {
	kind   placeKind
	iso3   string // the country
	sector string // for seats: "GOV", "MIL"
}

// Thresholds of population for choosing among the senses of a name.
const (
	minCity        = 50000  // a smaller town is a sense only in an article about its country
	minCapital     = 100000 // a smaller capital yields to a place of the article's country
	cityOverRegion = 300000 // a city this large beats a region of another country of the same name
)

// countries collects the countries that the article names or whose
// nationality it names, to choose among the senses of other place names
// ("Newcastle" in an article that names Britain).
func (r *resolver) collectCountries() {
	if r.c.geo == nil {
		return
	}
	for s, ws := range r.words {
		toks := r.doc.Sentences[s].Tokens
		for i := 0; i < len(ws); i++ {
			if !isCapitalised(ws[i]) || !nameLike(toks[i].UPOS) {
				continue
			}
			n, es := r.c.geo.Match(ws, i)
			if n == 0 || len(es) == 0 {
				continue
			}
			if k := es[0].Kind; k == geo.KindCountry || k == geo.KindDemonym || k == geo.KindCapital {
				if r.countries == nil {
					r.countries = make(map[string]bool)
				}
				r.countries[es[0].ISO3] = true
			}
			i += n - 1
		}
	}
}

// place looks up the longest place name at words[i] and chooses its sense;
// n is 0 when there is none. A country or nationality comes first; then,
// among the senses in countries the article names (all senses when there
// are none), a capital unless a much larger city of another country has
// the name (Victoria), a city of some size, or a region.
func (r *resolver) place(words []string, i int) (n int, p place) {
	if r.c.geo == nil {
		return 0, place{}
	}
	n, es := r.c.geo.Match(words, i)
	if n == 0 || len(es) == 0 {
		return 0, place{}
	}
	if e := &es[0]; e.Kind == geo.KindCountry || e.Kind == geo.KindDemonym || e.Kind == geo.KindSeat {
		return n, sense(e)
	}
	// Senses in the article's countries, unless the only such sense is a
	// small town (a small Geneva of the United States, in an article that
	// names the United States, is still less likely than the Swiss one).
	local := false
	for k := range es {
		if e := &es[k]; r.countries[e.ISO3] && (e.Kind != geo.KindCity || e.Population >= minCity) {
			local = true
			break
		}
	}
	var capital, city, region *geo.Entry
	for k := range es {
		e := &es[k]
		if e.Kind == geo.KindCapital && capital == nil {
			capital = e // whether the article names its country or not
		}
		if local && !r.countries[e.ISO3] {
			continue
		}
		switch e.Kind {
		case geo.KindCountry, geo.KindDemonym, geo.KindSeat:
			return n, sense(e)
		case geo.KindCity:
			if city == nil || e.Population > city.Population {
				city = e
			}
		case geo.KindRegion:
			if region == nil {
				region = e
			}
		}
	}
	if capital != nil && local && !r.countries[capital.ISO3] && (city != nil || region != nil) && capital.Population < minCapital {
		capital = nil // a small foreign capital, in an article about another country's place of that name
	}
	switch {
	case capital != nil && (city == nil || city.ISO3 == capital.ISO3 || 2*capital.Population >= city.Population):
		return n, sense(capital)
	case city != nil && region != nil && region.ISO3 != city.ISO3 && city.Population < cityOverRegion:
		return n, sense(region)
	case city != nil && (local || city.Population >= minCity):
		return n, sense(city)
	case region != nil:
		return n, sense(region)
	}
	return 0, place{}
}

// sense is the place of a gazetteer entry.
func sense(e *geo.Entry) place {
	p := place{iso3: e.ISO3, sector: e.Sector}
	switch e.Kind {
	case geo.KindCountry:
		p.kind = placeCountry
	case geo.KindDemonym:
		p.kind = placeDemonym
	case geo.KindCapital:
		p.kind = placeCapital
	case geo.KindSeat:
		p.kind = placeSeat
	case geo.KindCity:
		p.kind = placeCity
	case geo.KindRegion:
		p.kind = placeRegion
	}
	return p
}

// compassWords name a part of a place: "South Lebanon", "Eastern
// Ukraine", "Northern Syria".
var compassWords = map[string]bool{
	"North": true, "South": true, "East": true, "West": true,
	"Northern": true, "Southern": true, "Eastern": true, "Western": true, "Central": true,
	"Northeast": true, "Northwest": true, "Southeast": true, "Southwest": true,
	"Northeastern": true, "Northwestern": true, "Southeastern": true, "Southwestern": true,
	"North-East": true, "North-West": true, "South-East": true, "South-West": true,
}

// dividedCountries are the countries whose "North" or "South" (or "East"
// or "West") was, or is, another state: "East Germany", "South Vietnam",
// "North Yemen", "North Korea". A compass word before them makes no part
// of them.
var dividedCountries = map[string]bool{"DEU": true, "VNM": true, "YEM": true, "KOR": true, "PRK": true}

// compassPart reports whether words[i:] is a compass word and a place
// name the gazetteer knows ("South Lebanon" when the gazetteer knows no
// such name whole): n is the place name's length after the compass word
// and es its entries; n is 0 otherwise. The part is in the place's
// country.
func compassPart(g *geo.Gazetteer, words []string, i int) (n int, es []geo.Entry) {
	if g == nil || i+1 >= len(words) || !compassWords[words[i]] {
		return 0, nil
	}
	n, es = g.Match(words, i+1)
	if n == 0 || len(es) == 0 || dividedCountries[es[0].ISO3] {
		return 0, nil
	}
	return n, es
}
