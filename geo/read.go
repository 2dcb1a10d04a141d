package geo

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"github.com/eventwire/eventwire/geo/internal/key"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// ErrFormat is returned, wrapped with the line number, for gazetteer data
// that is not in the format that the generator writes.
var ErrFormat = errors.New("malformed gazetteer data")

// The data is gzipped text, one record a line, fields separated by tabs,
// lists within a field by "|"; lines starting with "#" are comments:
//
//	c  ISO3 ISO2 name official capitals seat lat lon rank aliases demonyms
//	e  kind ISO3 name sector region population lat lon keys
//
// A "c" line is a country: its name and aliases are matched as Country
// entries and its demonyms as Demonym entries; rank (the population of its
// cities) orders countries that share a name. An "e" line is any other
// entry (kind "capital", "seat", "city" or "region"), matched by each of
// its keys.

// pending is one name of one entry, before grouping.
type pending struct {
	ks, ke int32 // the key is keys[ks:ke]
	entry  int32 // index into the base entries
	exact  int32 // index into the exact forms of acronyms, or -1
}

// read decodes gazetteer data written by the generator; sizeHint is the
// size of the text if known (saves copying it as it grows), else 0.
func read(r io.Reader, sizeHint int) (*Gazetteer, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFormat, err)
	}
	defer zr.Close()
	buf := bytes.NewBuffer(make([]byte, 0, min(max(sizeHint, 0), 64<<20)+bytes.MinRead))
	if _, err := buf.ReadFrom(zr); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFormat, err)
	}
	raw := buf.Bytes()
	nlines := bytes.Count(raw, []byte{'\n'}) + 1
	g := &Gazetteer{byISO3: map[string]int{}}
	rank := map[string]int{}
	base := make([]Entry, 0, nlines+300)
	names := make([]pending, 0, 2*nlines)
	var exacts []string
	arena := make([]byte, 0, len(raw)/2)
	add := func(e Entry, keys []string) {
		id := int32(len(base))
		base = append(base, e)
		for _, k := range keys {
			ks := int32(len(arena))
			arena = key.Append(arena, k)
			ke := int32(len(arena))
			if ke == ks {
				continue
			}
			exact := int32(-1)
			if key.IsAcronym(k) {
				exact = int32(len(exacts))
				exacts = append(exacts, string(key.AppendExact(nil, k)))
			}
			names = append(names, pending{ks: ks, ke: ke, entry: id, exact: exact})
			// A name that starts in lower case ("les Escaldes", "al-Hasakah")
			// also matches capitalised at the start of a sentence.
			if c := arena[ks]; 'a' <= c && c <= 'z' && exact < 0 {
				arena = append(arena, arena[ks:ke]...)
				arena[ke] = c - ('a' - 'A')
				names = append(names, pending{ks: ke, ke: int32(len(arena)), entry: id, exact: -1})
			}
		}
	}
	line := 0
	for rest := string(raw); rest != ""; {
		var text string
		text, rest, _ = strings.Cut(rest, "\n")
		line++
		if text == "" || text[0] == '#' {
			continue
		}
		var fa [12]string
		f := splitTabs(fa[:0], text)
		switch {
		case f[0] == "c" && len(f) == 12:
			c, rk, err := parseCountry(f)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", line, err)
			}
			if _, dup := g.byISO3[c.ISO3]; dup {
				return nil, fmt.Errorf("line %d: %w: country %s twice", line, ErrFormat, c.ISO3)
			}
			g.byISO3[c.ISO3] = len(g.countries)
			g.countries = append(g.countries, c)
			rank[c.ISO3] = rk
			add(Entry{Kind: KindCountry, ISO3: c.ISO3, Name: c.Name, Lat: c.Lat, Lon: c.Lon}, append([]string{c.Name}, c.Aliases...))
			if len(c.Demonyms) > 0 {
				add(Entry{Kind: KindDemonym, ISO3: c.ISO3, Name: c.Name, Lat: c.Lat, Lon: c.Lon}, c.Demonyms)
			}
		case f[0] == "e" && len(f) == 10:
			e, err := parseEntry(f)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", line, err)
			}
			add(e, split(f[9]))
		default:
			return nil, fmt.Errorf("line %d: %w: record %q with %d fields", line, ErrFormat, f[0], len(f))
		}
	}
	if len(g.countries) == 0 {
		return nil, fmt.Errorf("%w: no countries", ErrFormat)
	}
	sort.Slice(g.countries, func(i, j int) bool { return g.countries[i].ISO3 < g.countries[j].ISO3 })
	for i, c := range g.countries {
		g.byISO3[c.ISO3] = i
	}
	g.group(string(arena), base, names, exacts, rank)
	return g, nil
}

// group sorts the names by key and lays out the entries of each key.
func (g *Gazetteer) group(arena string, base []Entry, names []pending, exacts []string, rank map[string]int) {
	keyOf := func(p *pending) string { return arena[p.ks:p.ke] }
	exactOf := func(p *pending) string {
		if p.exact < 0 {
			return ""
		}
		return exacts[p.exact]
	}
	slices.SortFunc(names, func(a, b pending) int {
		if c := strings.Compare(keyOf(&a), keyOf(&b)); c != 0 {
			return c
		}
		if c := strings.Compare(exactOf(&a), exactOf(&b)); c != 0 {
			return c
		}
		return int(a.entry - b.entry)
	})
	g.entries = make([]Entry, 0, len(names)+1024)
	keys := make([]string, 0, len(names))
	var loose, exact []int32
	for i := 0; i < len(names); {
		k := keyOf(&names[i])
		j := i + 1
		for j < len(names) && keyOf(&names[j]) == k {
			j++
		}
		keys = append(keys, k)
		loose = loose[:0]
		for _, p := range names[i:j] {
			if p.exact < 0 {
				loose = appendUnique(loose, p.entry)
			}
		}
		gr := group{x0: int32(len(g.xforms))}
		gr.lo, gr.hi = g.appendEntries(base, loose, nil, rank)
		for a := i; a < j; {
			form := exactOf(&names[a])
			if form == "" {
				a++
				continue
			}
			b := a
			exact = exact[:0]
			for b < j && exactOf(&names[b]) == form {
				exact = appendUnique(exact, names[b].entry)
				b++
			}
			lo, hi := g.appendEntries(base, exact, loose, rank)
			g.xforms = append(g.xforms, xform{form: form, lo: lo, hi: hi})
			a = b
		}
		gr.x1 = int32(len(g.xforms))
		g.groups = append(g.groups, gr)
		i = j
	}
	g.trie = buildTrie(keys)
}

// appendEntries appends the base entries of ids and more, distinct and best
// first, and returns their range in g.entries.
func (g *Gazetteer) appendEntries(base []Entry, ids, more []int32, rank map[string]int) (lo, hi int32) {
	lo = int32(len(g.entries))
	for _, id := range ids {
		g.entries = append(g.entries, base[id])
	}
	for _, id := range more {
		if !contains(ids, id) {
			g.entries = append(g.entries, base[id])
		}
	}
	sortEntries(g.entries[lo:], rank)
	return lo, int32(len(g.entries))
}

func appendUnique(s []int32, v int32) []int32 {
	if contains(s, v) {
		return s
	}
	return append(s, v)
}

func contains(s []int32, v int32) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// splitTabs appends the tab-separated fields of s to dst (at most 13, the
// last one holding the rest, so that too many fields are noticed).
func splitTabs(dst []string, s string) []string {
	for len(dst) < 12 {
		i := strings.IndexByte(s, '\t')
		if i < 0 {
			break
		}
		dst = append(dst, s[:i])
		s = s[i+1:]
	}
	return append(dst, s)
}

// split splits a "|"-separated list; an empty field is an empty list.
func split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

func parseCountry(f []string) (Country, int, error) {
	c := Country{ISO3: f[1], ISO2: f[2], Name: f[3], Official: f[4], Capitals: split(f[5]), Seat: f[6],
		Aliases: split(f[10]), Demonyms: split(f[11])}
	if len(c.ISO3) != 3 || c.Name == "" {
		return c, 0, fmt.Errorf("%w: country %q %q", ErrFormat, c.ISO3, c.Name)
	}
	if len(c.Capitals) > 0 {
		c.Capital = c.Capitals[0]
	}
	var err error
	if c.Lat, c.Lon, err = parseLatLon(f[7], f[8]); err != nil {
		return c, 0, err
	}
	rk, err := strconv.Atoi(f[9])
	if err != nil {
		return c, 0, fmt.Errorf("%w: rank: %w", ErrFormat, err)
	}
	return c, rk, nil
}

func parseEntry(f []string) (Entry, error) {
	e := Entry{ISO3: f[2], Name: f[3], Sector: f[4], Region: f[5]}
	switch f[1] {
	case "capital":
		e.Kind = KindCapital
	case "seat":
		e.Kind = KindSeat
	case "city":
		e.Kind = KindCity
	case "region":
		e.Kind = KindRegion
	default:
		return e, fmt.Errorf("%w: kind %q", ErrFormat, f[1])
	}
	if e.Name == "" {
		return e, fmt.Errorf("%w: entry without a name", ErrFormat)
	}
	var err error
	if e.Population, err = strconv.Atoi(f[6]); err != nil {
		return e, fmt.Errorf("%w: population: %w", ErrFormat, err)
	}
	e.Lat, e.Lon, err = parseLatLon(f[7], f[8])
	return e, err
}

func parseLatLon(lat, lon string) (float64, float64, error) {
	la, err := strconv.ParseFloat(lat, 64)
	if err != nil {
		return 0, 0, fmt.Errorf("%w: latitude: %w", ErrFormat, err)
	}
	lo, err := strconv.ParseFloat(lon, 64)
	if err != nil {
		return 0, 0, fmt.Errorf("%w: longitude: %w", ErrFormat, err)
	}
	return la, lo, nil
}
