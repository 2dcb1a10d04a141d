package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/eventwire/eventwire/geo/internal/key"
)

// defaultMinPop is the population above which a city is kept. 15,000 is
// GeoNames' own tier for its "cities15000" extract: every town that news
// names as more than a dateline, while keeping out the tens of thousands
// of villages whose names are also surnames and English words (all-the-
// cities has 112,320 places of 1,000 people or more, 24,323 of 15,000 or
// more). The figures behind the choice are in data/PROVENANCE.md.
const defaultMinPop = 15000

// errTable is returned when a hand-written table names something the
// sources lack.
var errTable = errors.New("table entry not found in the sources")

// Stats counts what the generator wrote.
type Stats struct {
	Countries, Demonyms, Capitals, Seats, Cities, Regions int
	Names                                                 int // keys written, over all records
	CitiesRead, CitiesNoCountry                           int
	CommonDropped                                         int // cities and regions whose only names are common words
	CapitalsNotFound                                      []string
}

func (s Stats) String() string {
	return fmt.Sprintf("%d countries (%d demonym forms), %d capitals (%d not found in the cities: %s), %d seats, %d cities (of %d read; %d without a known country), %d regions, %d names; %d cities and regions left out as common words",
		s.Countries, s.Demonyms, s.Capitals, len(s.CapitalsNotFound), strings.Join(s.CapitalsNotFound, ", "),
		s.Seats, s.Cities, s.CitiesRead, s.CitiesNoCountry, s.Regions, s.Names, s.CommonDropped)
}

// record is one line of the output.
type record struct {
	kind, iso3, name, sector, region string
	population                       int
	lat, lon                         string
	keys                             []string
}

var kindOrder = map[string]int{"capital": 0, "seat": 1, "city": 2, "region": 3}

// Options are the inputs of Generate.
type Options struct {
	Dir    string // directory of the npm tarballs
	EWT    string // UD English EWT training file; "" for ud-english-ewt/en_ewt-ud-train.conllu.gz beside Dir
	UNER   string // Universal NER English EWT training file; "" for uner-english-ewt/en_ewt-ud-train.iob2.gz beside Dir
	MinPop int    // keep cities of this population or more
}

// commonMin is how often a word must occur in lower case in EWT to be a
// common word, personMin how often in people's names (and more than
// three times as often as in locations') to be a personal name, and
// commonMaxPop the population up to which a city loses such a name (Nice,
// Reading and Mobile keep theirs).
const (
	commonMin    = 3
	personMin    = 2
	commonMaxPop = 100000
)

// Generate reads the sources and writes the gzipped gazetteer to w.
func Generate(w io.Writer, opt Options) (Stats, error) {
	var st Stats
	dir, minPop := opt.Dir, opt.MinPop
	ewt := opt.EWT
	if ewt == "" {
		ewt = filepath.Join(dir, "..", "ud-english-ewt", "en_ewt-ud-train.conllu.gz")
	}
	common, err := readLowerWords(ewt)
	if err != nil {
		return st, err
	}
	uner := opt.UNER
	if uner == "" {
		uner = filepath.Join(dir, "..", "uner-english-ewt", "en_ewt-ud-train.iob2.gz")
	}
	per, loc, err := readPersonWords(uner)
	if err != nil {
		return st, err
	}
	// isCommon reports whether a one-word name is a common word or a
	// personal name ("Most", "March", "Michael", "Clinton").
	isCommon := func(name string) bool {
		if strings.ContainsAny(name, " -") {
			return false
		}
		k := lowerKey(name)
		return featureWords[strings.ToLower(name)] || common[k] >= commonMin || per[k] >= personMin && per[k] > 3*loc[k]
	}
	wcs, err := readCountries(dir)
	if err != nil {
		return st, err
	}
	cities, err := readCities(dir)
	if err != nil {
		return st, err
	}
	admins, err := readAdmin1(dir)
	if err != nil {
		return st, err
	}
	st.CitiesRead = len(cities)

	iso3of := map[string]string{}
	for _, c := range wcs {
		iso3of[c.CCA2] = c.CCA3
	}
	adminName := map[string]string{}
	for _, a := range admins {
		adminName[a.Code] = a.Name
	}
	rank := map[string]int{}
	byName := map[string][]int{} // ISO2 + "/" + lower key -> indices into cities
	for i, c := range cities {
		rank[iso3of[c.country]] += c.population
		k := c.country + "/" + lowerKey(c.name)
		byName[k] = append(byName[k], i)
	}
	find := func(iso2, name string) (int, bool) {
		best := -1
		for _, i := range byName[iso2+"/"+lowerKey(name)] {
			if best < 0 || better(&cities[i], &cities[best]) {
				best = i
			}
		}
		return best, best >= 0
	}
	iso2of := map[string]string{}
	for _, c := range wcs {
		iso2of[c.CCA3] = c.CCA2
	}

	// Countries.
	lines, err := countryLines(wcs, rank, &st)
	if err != nil {
		return st, err
	}
	seatOf := map[string]string{}
	for _, s := range seatCities {
		seatOf[s.iso3] = s.name
	}

	var recs []record
	place := func(kind, iso3, name string, ci int) record {
		c := &cities[ci]
		return record{kind: kind, iso3: iso3, name: name, region: adminName[c.country+"."+c.admin1],
			population: c.population, lat: coord(c.lat), lon: coord(c.lon)}
	}
	keep := map[int]bool{} // cities kept whatever their population

	// Capitals.
	for _, c := range wcs {
		for n, capName := range c.Capital {
			gname := capName
			if v, ok := capitalCities[c.CCA3+"/"+capName]; ok {
				gname = v
			}
			keys := []string{capName}
			if gname != capName {
				keys = append(keys, gname)
			}
			if n == 0 {
				keys = append(keys, capitalAliases[c.CCA3]...)
			}
			r := record{kind: "capital", iso3: c.CCA3, name: capName, lat: "0", lon: "0"}
			if ci, ok := find(c.CCA2, gname); ok {
				r = place("capital", c.CCA3, capName, ci)
				keep[ci] = true
			} else {
				st.CapitalsNotFound = append(st.CapitalsNotFound, c.CCA3+" "+capName)
			}
			r.keys = keys
			recs = append(recs, r)
			st.Capitals++
		}
	}
	// Seats of government and buildings.
	for _, s := range seatCities {
		ci, ok := find(iso2of[s.iso3], s.city)
		if !ok {
			return st, fmt.Errorf("seat %s %s: %w", s.iso3, s.city, errTable)
		}
		keep[ci] = true
		r := place("seat", s.iso3, s.name, ci)
		r.sector = "GOV"
		r.keys = append([]string{s.name}, seatAliases[s.name]...)
		recs = append(recs, r)
		st.Seats++
	}
	for _, b := range buildings {
		ci, ok := find(iso2of[b.iso3], b.city)
		if !ok {
			return st, fmt.Errorf("building %s: city %s %s: %w", b.name, b.iso3, b.city, errTable)
		}
		r := place("seat", b.iso3, b.name, ci)
		r.sector, r.population, r.keys = b.sector, 0, b.keys
		recs = append(recs, r)
		st.Seats++
	}
	// Cities.
	used := map[string]bool{}
	for i := range cities {
		c := &cities[i]
		iso3, ok := iso3of[c.country]
		if !ok {
			st.CitiesNoCountry++
			continue
		}
		if !keep[i] && (c.population < minPop && !adminSeat[c.featureCode] || gone[c.featureCode]) {
			continue
		}
		r := place("city", iso3, c.name, i)
		r.keys = cityKeys(c)
		if c.population < commonMaxPop && !keep[i] {
			r.keys = slices.DeleteFunc(r.keys, isCommon)
			if len(r.keys) == 0 {
				st.CommonDropped++
				continue
			}
		}
		if al, ok := cityAliases[c.country+"/"+c.name]; ok {
			if best, _ := find(c.country, c.name); best == i {
				r.keys = append(r.keys, al...)
				used[c.country+"/"+c.name] = true
			}
		}
		recs = append(recs, r)
		st.Cities++
	}
	for k := range cityAliases {
		if !used[k] {
			return st, fmt.Errorf("city alias %s: %w", k, errTable)
		}
	}
	// Regions.
	for _, a := range admins {
		cc, _, _ := strings.Cut(a.Code, ".")
		iso3, ok := iso3of[cc]
		if !ok || a.Name == "" {
			continue
		}
		keys := []string{a.Name}
		for _, suf := range regionSuffixes {
			if rest, ok := strings.CutSuffix(a.Name, suf); ok && len([]rune(rest)) >= 4 {
				keys = append(keys, rest)
			}
		}
		keys = append(keys, saintForms(a.Name)...)
		if keys = slices.DeleteFunc(keys, isCommon); len(keys) == 0 {
			st.CommonDropped++
			continue
		}
		recs = append(recs, record{kind: "region", iso3: iso3, name: a.Name, lat: "0", lon: "0", keys: keys})
		st.Regions++
	}
	for _, x := range extraRegions {
		recs = append(recs, record{kind: "region", iso3: x.iso3, name: x.name, lat: "0", lon: "0", keys: x.keys})
		st.Regions++
	}

	// Lay out the countries' seats.
	for i := range lines {
		lines[i].seat = seatOf[lines[i].iso3]
	}
	sort.Slice(recs, func(i, j int) bool {
		a, b := &recs[i], &recs[j]
		if a.kind != b.kind {
			return kindOrder[a.kind] < kindOrder[b.kind]
		}
		if a.iso3 != b.iso3 {
			return a.iso3 < b.iso3
		}
		if a.name != b.name {
			return a.name < b.name
		}
		if a.population != b.population {
			return a.population > b.population
		}
		if a.lat != b.lat {
			return a.lat < b.lat
		}
		return a.lon < b.lon
	})

	var out bytes.Buffer
	fmt.Fprintf(&out, "# eventwire gazetteer, generated by geo/internal/gen (see geo/data/PROVENANCE.md).\n")
	fmt.Fprintf(&out, "# Sources: %s (ODbL 1.0), %s and %s (GeoNames, CC BY 4.0); cities of %d people or more.\n", countriesTgz, citiesTgz, admin1Tgz, minPop)
	fmt.Fprintf(&out, "# One-word names of cities under %d people and of regions that occur %d times or more in lower case in %s,\n", commonMaxPop, commonMin, filepath.Base(ewt))
	fmt.Fprintf(&out, "# or %d times or more in people's names in %s (and more than three times as often as in locations'), are left out.\n", personMin, filepath.Base(uner))
	fmt.Fprintf(&out, "# c ISO3 ISO2 name official capitals seat lat lon rank aliases demonyms\n")
	fmt.Fprintf(&out, "# e kind ISO3 name sector region population lat lon keys\n")
	for _, l := range lines {
		if err := writeFields(&out, "c", l.iso3, l.iso2, l.name, l.official, l.capitals, l.seat,
			l.lat, l.lon, l.rank, l.aliases, l.demonyms); err != nil {
			return st, err
		}
		st.Names += 1 + len(l.aliases) + len(l.demonyms)
	}
	for _, r := range recs {
		keys := dedupe(r.keys)
		if err := writeFields(&out, "e", r.kind, r.iso3, r.name, r.sector, r.region, r.population, r.lat, r.lon, keys); err != nil {
			return st, err
		}
		st.Names += len(keys)
	}
	z, err := gzipBytes(out.Bytes())
	if err != nil {
		return st, err
	}
	_, err = w.Write(z)
	return st, err
}

// adminSeat are the GeoNames feature codes of the capital, a seat of
// government and a seat of a first-order division: kept at any population.
var adminSeat = map[string]bool{"PPLC": true, "PPLG": true, "PPLA": true}

// gone are the feature codes of places that no longer are (historical,
// abandoned, destroyed, a former capital): never kept.
var gone = map[string]bool{"PPLH": true, "PPLQ": true, "PPLW": true, "PPLCH": true}

// better reports whether city a is a better match than b for a name: a
// capital first, then the more populous.
func better(a, b *city) bool {
	if (a.featureCode == "PPLC") != (b.featureCode == "PPLC") {
		return a.featureCode == "PPLC"
	}
	if a.population != b.population {
		return a.population > b.population
	}
	return a.id < b.id
}

// countryLine is one country record.
type countryLine struct {
	iso3, iso2, name, official, seat, lat, lon string
	capitals, aliases, demonyms                []string
	rank                                       int
}

func countryLines(wcs []wcCountry, rank map[string]int, st *Stats) ([]countryLine, error) {
	// Names of countries, to keep them out of the demonyms ("Vatican").
	countryName := map[string]bool{}
	for _, c := range wcs {
		countryName[lowerKey(c.Name.Common)] = true
		for _, a := range c.AltSpellings {
			if !slices.Contains(dropAliases[c.CCA3], a) {
				countryName[lowerKey(a)] = true
			}
		}
	}
	// Demonyms that an independent country has: a territory does not share
	// them ("French" is France, not the French Southern Territories).
	independentDemonym := map[string]bool{}
	for _, c := range wcs {
		if c.Independent != nil && *c.Independent {
			for _, d := range dataDemonyms(c) {
				independentDemonym[lowerKey(d)] = true
			}
		}
	}
	seen := map[string]bool{}
	for iso3 := range extraAliases {
		seen[iso3] = false
	}
	for iso3 := range extraDemonyms {
		seen[iso3] = false
	}
	for iso3 := range dropAliases {
		seen[iso3] = false
	}
	var lines []countryLine
	for _, c := range wcs {
		seen[c.CCA3] = true
		l := countryLine{iso3: c.CCA3, iso2: c.CCA2, name: c.Name.Common, official: c.Name.Official,
			capitals: c.Capital, rank: rank[c.CCA3]}
		if len(c.LatLng) == 2 {
			l.lat, l.lon = ftoa(c.LatLng[0]), ftoa(c.LatLng[1])
		} else {
			l.lat, l.lon = "0", "0"
		}
		drop := map[string]bool{}
		for _, a := range dropAliases[c.CCA3] {
			drop[a] = true
		}
		var aliases []string
		addAlias := func(a string) {
			if rest, ok := strings.CutPrefix(a, "The "); ok {
				a = rest
			} else if rest, ok := strings.CutPrefix(a, "the "); ok {
				a = rest
			}
			if a == c.CCA2 || drop[a] || strings.Contains(a, ", ") || !latin(a) {
				return
			}
			aliases = append(aliases, a)
			aliases = append(aliases, saintForms(a)...)
		}
		addAlias(c.Name.Official)
		for _, a := range c.AltSpellings {
			addAlias(a)
		}
		for _, a := range extraAliases[c.CCA3] {
			addAlias(a)
		}
		aliases = append(aliases, saintForms(c.Name.Common)...)
		l.aliases = without(dedupe(aliases), c.Name.Common)

		var dems []string
		for _, d := range dataDemonyms(c) {
			if countryName[lowerKey(d)] {
				continue
			}
			if (c.Independent == nil || !*c.Independent) && independentDemonym[lowerKey(d)] {
				continue
			}
			dems = append(dems, d)
		}
		dems = append(dems, extraDemonyms[c.CCA3]...)
		var all []string
		for _, d := range dems {
			all = append(all, d)
			if p := plural(d); p != "" {
				all = append(all, p)
			}
		}
		l.demonyms = dedupe(all)
		st.Demonyms += len(l.demonyms)
		lines = append(lines, l)
		st.Countries++
	}
	for iso3, ok := range seen {
		if !ok {
			return nil, fmt.Errorf("country %s: %w", iso3, errTable)
		}
	}
	sort.Slice(lines, func(i, j int) bool { return lines[i].iso3 < lines[j].iso3 })
	return lines, nil
}

// dataDemonyms returns world-countries' English demonyms of c, split where
// it gives two ("Bosnian, Herzegovinian", "Kittitian or Nevisian").
func dataDemonyms(c wcCountry) []string {
	d, ok := c.Demonyms["eng"]
	if !ok {
		return nil
	}
	var out []string
	for _, s := range []string{d.M, d.F} {
		for _, part := range strings.Split(strings.ReplaceAll(s, " or ", ", "), ", ") {
			if part = strings.TrimSpace(part); part != "" {
				out = append(out, part)
			}
		}
	}
	return dedupe(out)
}

// plural returns the plural of demonym d ("Syrians", "Israelis",
// "South Africans"), or "" for those that have none in -s ("British",
// "French", "Chinese", "Swiss").
func plural(d string) string {
	if p, ok := irregularPlurals[d]; ok {
		return p
	}
	if invariable[d] {
		return ""
	}
	for _, suf := range []string{"ese", "ish", "ch", "sh", "ss", "x", "z", "s"} {
		if strings.HasSuffix(d, suf) {
			return ""
		}
	}
	return d + "s"
}

// cityKeys returns the names by which a city is matched: its name, "St."
// for "Saint", and for Arab countries the forms with the article in lower
// case ("al-Raqqah" for "Ar Raqqah", as news writes it) and without it.
func cityKeys(c *city) []string {
	keys := []string{c.name}
	keys = append(keys, saintForms(c.name)...)
	if arabicCountries[c.country] {
		for _, art := range arabicArticle {
			rest, ok := strings.CutPrefix(c.name, art+" ")
			if !ok {
				rest, ok = strings.CutPrefix(c.name, art+"-")
			}
			if !ok {
				continue
			}
			keys = append(keys, strings.ToLower(art)+" "+rest, "al "+rest)
			if len([]rune(rest)) >= 4 {
				keys = append(keys, rest)
			}
			break
		}
		// A final tāʾ marbūṭa is written "-ah" or "-a": "Ḩamāh" is
		// "Hama", "Ar Raqqah" "al-Raqqa".
		for _, k := range keys {
			if strings.HasSuffix(lowerKey(k), "ah") && len([]rune(k)) > 4 {
				keys = append(keys, strings.TrimSuffix(k, "h"))
			}
		}
	}
	return keys
}

// saintForms returns "St. X" for a name "Saint X", else nothing.
func saintForms(name string) []string {
	if rest, ok := strings.CutPrefix(name, "Saint "); ok {
		return []string{"St. " + rest}
	}
	return nil
}

// lowerKey is the key of s in lower case, for finding places by name.
func lowerKey(s string) string {
	return strings.ToLower(string(key.Append(nil, s)))
}

// latin reports whether every letter of s is a Latin one.
func latin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

// dedupe drops empty strings and later strings with the key of an earlier
// one, keeping the order.
func dedupe(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		k := string(key.Append(nil, s)) + "\x00" + string(key.AppendExact(nil, s))
		if !key.IsAcronym(s) {
			k = string(key.Append(nil, s))
		}
		if s == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, s)
	}
	return out
}

// without drops from ss the strings with the key of s.
func without(ss []string, s string) []string {
	k := string(key.Append(nil, s))
	var out []string
	for _, x := range ss {
		if string(key.Append(nil, x)) != k || key.IsAcronym(x) {
			out = append(out, x)
		}
	}
	return out
}

func coord(v int64) string { return strconv.FormatFloat(float64(v)/1e5, 'f', -1, 64) }

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// writeFields writes one tab-separated line, refusing text that would
// break the format: a tab or a line break anywhere, a bar within a list
// item. Lists are given as []string.
func writeFields(w *bytes.Buffer, fields ...any) error {
	for i, f := range fields {
		var s string
		switch f := f.(type) {
		case string:
			s = f
		case []string:
			for _, item := range f {
				if strings.Contains(item, "|") {
					return fmt.Errorf("%q: a bar in a list item", item)
				}
			}
			s = strings.Join(f, "|")
		case int:
			s = strconv.Itoa(f)
		}
		if strings.ContainsAny(s, "\t\n\r") {
			return fmt.Errorf("%q: a tab or a line break", s)
		}
		if i > 0 {
			w.WriteByte('\t')
		}
		w.WriteString(s)
	}
	w.WriteByte('\n')
	return nil
}
