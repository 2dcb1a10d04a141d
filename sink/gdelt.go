package sink

import (
	"bufio"
	"strconv"
	"strings"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/geo"
)

// GDELTColumns is the number of columns of a GDELT 2.0 event row.
const GDELTColumns = 61

// gdelt writes GDELT 2.0 Events rows: 61 tab-separated columns, no header,
// in the order of GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv.
//
// What eventwire does not know is left empty: ethnic and religious codes,
// the second and third type codes, AvgTone, the actors' own geography
// (their Geo_Type is 0, as GDELT writes for no location), FIPS 10-4 country
// and ADM codes (the gazetteer has ISO codes, which are not FIPS) and
// FeatureIDs. ActionGeo_Type is 1 for a country, 2 or 5 for a US state or
// another first-order division, 3 for a US city or landmark, 4 for one
// elsewhere, 0 for no location.
type gdelt struct {
	w   *bufio.Writer
	t   Tables
	row [GDELTColumns]string
	out []byte
}

func (s *gdelt) Write(e *Event) error {
	r := &s.row
	clear(r[:])
	v := &e.Event
	r[0] = strconv.FormatInt(e.ID, 10)
	if d, ok := eventDate(v); ok {
		r[1] = d.Format("20060102")
		r[2] = d.Format("200601")
		r[3] = d.Format("2006")
		frac := float64(int(d.Month())*30+d.Day()) / 365
		r[4] = strconv.FormatFloat(float64(d.Year())+frac, 'f', 4, 64)
	}
	gdeltActor(r[5:15], v.Source)
	gdeltActor(r[15:25], v.Target)
	if e.Lead {
		r[25] = "1"
	} else {
		r[25] = "0"
	}
	r[26] = v.CAMEO
	r[27] = v.CAMEO
	if len(v.CAMEO) > 3 {
		r[27] = v.CAMEO[:3]
	}
	r[28] = v.CAMEORoot
	r[29] = strconv.Itoa(v.QuadClass)
	r[30] = strconv.FormatFloat(v.Goldstein, 'f', -1, 64)
	m, src, art := counts(e)
	r[31], r[32], r[33] = strconv.Itoa(m), strconv.Itoa(src), strconv.Itoa(art)
	// 34 AvgTone: not measured.
	r[35], r[43] = "0", "0" // the actors' geography: not known
	r[51] = "0"
	if v.Location != nil {
		p := s.t.place(v.Location)
		r[51] = strconv.Itoa(p.gdeltType())
		r[52] = tsvField(p.fullName())
		r[56] = strconv.FormatFloat(v.Location.Lat, 'f', -1, 64)
		r[57] = strconv.FormatFloat(v.Location.Lon, 'f', -1, 64)
	}
	if !e.Article.Added.IsZero() {
		r[59] = e.Article.Added.UTC().Format("20060102150405")
	}
	r[60] = tsvField(e.Article.URL)
	if r[60] == "" {
		r[60] = tsvField(e.Article.ID)
	}
	return writeRow(s.w, &s.out, r[:], '\t')
}

func (s *gdelt) Close() error { return s.w.Flush() }

// gdeltActor fills the ten columns of one actor: Code, Name,
// CountryCode, KnownGroupCode, EthnicCode, Religion1Code, Religion2Code,
// Type1Code, Type2Code, Type3Code.
func gdeltActor(c []string, a *eventwire.EventActor) {
	if a == nil {
		return
	}
	c[0] = a.Actor
	c[1] = tsvField(strings.ToUpper(a.Name))
	if nonState[a.Country] {
		if len(a.Actor) >= 6 {
			c[3] = a.Actor[3:6]
		}
	} else {
		c[2] = a.Country
	}
	c[7] = a.Sector
}

// nonState are the CAMEO prefixes of actors that are not countries:
// intergovernmental and non-governmental organisations, international
// militarized groups and multinational corporations.
var nonState = map[string]bool{"IGO": true, "NGO": true, "IMG": true, "MNC": true}

// eventDate parses an event's date.
func eventDate(v *eventwire.Event) (time.Time, bool) {
	if v.Date == nil {
		return time.Time{}, false
	}
	d, err := time.Parse(time.DateOnly, *v.Date)
	return d, err == nil
}

// tsvField makes s safe in a tab-separated field: tabs and line breaks
// become spaces.
func tsvField(s string) string {
	if !strings.ContainsAny(s, "\t\r\n") {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case '\t', '\r', '\n':
			return ' '
		}
		return r
	}, s)
}

// place is what the gazetteer says of an event's location.
type place struct {
	kind        geo.Kind // 0 when the gazetteer does not know the name
	name        string
	region      string
	iso3        string
	countryName string
}

func (t *Tables) place(l *eventwire.Location) place {
	p := place{name: l.Name, iso3: l.Country}
	if c, ok := t.Geo.Country(l.Country); ok {
		p.countryName = c.Name
	}
	for _, en := range t.Geo.Lookup(l.Name) {
		if en.ISO3 != l.Country || en.Kind == geo.KindDemonym {
			continue
		}
		if p.kind == 0 || en.Kind == geo.KindCountry {
			p.kind, p.region = en.Kind, en.Region
		}
	}
	if p.kind == 0 && p.countryName != "" && strings.EqualFold(l.Name, p.countryName) {
		p.kind = geo.KindCountry
	}
	return p
}

// gdeltType is GDELT's Geo_Type of the place.
func (p *place) gdeltType() int {
	us := p.iso3 == "USA"
	switch p.kind {
	case geo.KindCountry:
		return 1
	case geo.KindRegion:
		if us {
			return 2
		}
		return 5
	}
	if us {
		return 3
	}
	return 4
}

// fullName is the place as GDELT names it: "Country", "State, Country" or
// "City, State, Country", leaving out what is unknown.
func (p *place) fullName() string {
	if p.kind == geo.KindCountry {
		if p.countryName != "" {
			return p.countryName
		}
		return p.name
	}
	parts := []string{p.name}
	if p.region != "" && p.region != p.name {
		parts = append(parts, p.region)
	}
	if p.countryName != "" {
		parts = append(parts, p.countryName)
	}
	return strings.Join(parts, ", ")
}
