package geo

import (
	"bytes"
	"compress/gzip"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
)

// gaz loads the embedded gazetteer once for all the tests of the package.
var gaz = sync.OnceValues(Load)

func load(tb testing.TB) *Gazetteer {
	tb.Helper()
	g, err := gaz()
	if err != nil {
		tb.Fatal(err)
	}
	return g
}

// has reports whether es holds an entry of kind k for country iso3.
func has(es []Entry, k Kind, iso3 string) bool {
	for _, e := range es {
		if e.Kind == k && e.ISO3 == iso3 {
			return true
		}
	}
	return false
}

func TestMatch(t *testing.T) {
	g := load(t)
	tests := []struct {
		text  string // tokens separated by spaces
		n     int    // words matched
		kind  Kind   // kind of the first entry
		iso3  string // its country
		other Kind   // a further kind the name must have, or 0
	}{
		{"Ivory Coast", 2, KindCountry, "CIV", 0},
		{"Côte d' Ivoire", 3, KindCountry, "CIV", 0},
		{"Cote d'Ivoire", 2, KindCountry, "CIV", 0},
		{"Burma", 1, KindCountry, "MMR", 0},
		{"Myanmar", 1, KindCountry, "MMR", 0},
		{"Britain", 1, KindCountry, "GBR", 0},
		{"Great Britain", 2, KindCountry, "GBR", 0},
		{"UK", 1, KindCountry, "GBR", KindDemonym},
		{"U.K.", 1, KindCountry, "GBR", 0},
		{"U.S.", 1, KindCountry, "USA", KindDemonym},
		{"US", 1, KindCountry, "USA", 0},
		{"U.S. - led coalition", 1, KindCountry, "USA", 0},
		{"America", 1, KindCountry, "USA", 0},
		{"United States of America", 4, KindCountry, "USA", 0},
		{"South Korea", 2, KindCountry, "KOR", 0},
		{"North Korea", 2, KindCountry, "PRK", 0},
		{"DR Congo", 2, KindCountry, "COD", 0},
		{"Congo-Kinshasa", 1, KindCountry, "COD", 0},
		{"Congo - Kinshasa", 3, KindCountry, "COD", 0},
		{"Netherlands", 1, KindCountry, "NLD", 0},
		{"Holland", 1, KindCountry, "NLD", 0},
		{"Czech Republic", 2, KindCountry, "CZE", 0},
		{"Czechia", 1, KindCountry, "CZE", 0},
		{"Vatican", 1, KindCountry, "VAT", 0},
		{"Palestine", 1, KindCountry, "PSE", 0},
		{"Taiwan", 1, KindCountry, "TWN", 0},
		{"Russia", 1, KindCountry, "RUS", 0},
		{"Russian Federation", 2, KindCountry, "RUS", 0},
		{"Syria", 1, KindCountry, "SYR", 0},
		{"Iran", 1, KindCountry, "IRN", 0},
		{"Turkey", 1, KindCountry, "TUR", 0},
		{"TURKEY", 1, KindCountry, "TUR", 0},
		{"Georgia", 1, KindCountry, "GEO", KindRegion},
		{"Syrian", 1, KindDemonym, "SYR", 0},
		{"Syrians", 1, KindDemonym, "SYR", 0},
		{"Russians", 1, KindDemonym, "RUS", 0},
		{"American", 1, KindDemonym, "USA", 0},
		{"British", 1, KindDemonym, "GBR", 0},
		{"Britons", 1, KindDemonym, "GBR", 0},
		{"French", 1, KindDemonym, "FRA", 0},
		{"Chinese", 1, KindDemonym, "CHN", 0},
		{"Israelis", 1, KindDemonym, "ISR", 0},
		{"Palestinians", 1, KindDemonym, "PSE", 0},
		{"Saudis", 1, KindDemonym, "SAU", 0},
		{"Emirati", 1, KindDemonym, "ARE", 0},
		{"Afghans", 1, KindDemonym, "AFG", 0},
		{"Moscow", 1, KindCapital, "RUS", KindCity},
		{"Beijing", 1, KindCapital, "CHN", KindCity},
		{"Tehran", 1, KindCapital, "IRN", KindCity},
		{"Washington", 1, KindCapital, "USA", KindRegion},
		{"Kiev", 1, KindCapital, "UKR", KindCity},
		{"Amsterdam", 1, KindCapital, "NLD", 0},
		{"The Hague", 2, KindSeat, "NLD", KindCity},
		{"La Paz", 2, KindSeat, "BOL", KindCity},
		{"Kremlin", 1, KindSeat, "RUS", 0},
		{"White House", 2, KindSeat, "USA", 0},
		{"Pentagon", 1, KindSeat, "USA", 0},
		{"Downing Street", 2, KindSeat, "GBR", 0},
		{"Elysee", 1, KindSeat, "FRA", 0},
		{"Élysée", 1, KindSeat, "FRA", 0},
		{"Quai d' Orsay", 3, KindSeat, "FRA", 0},
		{"Zhongnanhai", 1, KindSeat, "CHN", 0},
		{"Foggy Bottom", 2, KindSeat, "USA", 0},
		{"Blue House", 2, KindSeat, "KOR", 0},
		{"Aleppo", 1, KindCity, "SYR", KindRegion},
		{"Raqqa", 1, KindCity, "SYR", 0},
		{"al - Raqqah", 3, KindCity, "SYR", 0},
		{"Fallujah", 1, KindCity, "IRQ", 0},
		{"New York", 2, KindCity, "USA", KindRegion},
		{"St. Petersburg", 2, KindCity, "RUS", 0},
		{"Sao Paulo", 2, KindCity, "BRA", 0},
		{"Geneva", 1, KindCity, "CHE", 0},
		{"Hama", 1, KindCity, "SYR", KindRegion},
		{"Texas", 1, KindRegion, "USA", 0},
		{"Georgian", 1, KindDemonym, "GEO", 0},
		// Round 2 of the tables.
		{"PRC", 1, KindCountry, "CHN", 0},
		{"People 's Republic of China", 5, KindCountry, "CHN", 0},
		{"Democratic People 's Republic of Korea", 6, KindCountry, "PRK", 0},
		{"Serb", 1, KindDemonym, "SRB", 0},
		{"Serbs", 1, KindDemonym, "SRB", 0},
		{"Croats", 1, KindDemonym, "HRV", 0},
		{"Bosniaks", 1, KindDemonym, "BIH", 0},
		{"Golan Heights", 2, KindRegion, "SYR", 0},
		{"Darfur", 1, KindRegion, "SDN", 0},
		{"Khatmandu", 1, KindCapital, "NPL", 0},
		{"Gulf Province", 2, KindRegion, "PNG", 0},
		// Not names.
		{"Gulf", 0, 0, "", 0},
		{"prc", 0, 0, "", 0},
		{"Russia 's economy", 1, KindCountry, "RUS", 0},
		{"It 's a", 0, 0, "", 0},
		{"turkey", 0, 0, "", 0},
		{"us", 0, 0, "", 0},
		{"Us", 0, 0, "", 0},
		{"Hague", 0, 0, "", 0},
		{"Kurdish", 0, 0, "", 0},
		{"the", 0, 0, "", 0},
		{"- Moscow", 0, 0, "", 0},
		{"", 0, 0, "", 0},
	}
	for _, tt := range tests {
		words := strings.Fields(tt.text)
		if len(words) == 0 {
			words = []string{""}
		}
		n, es := g.Match(words, 0)
		if n != tt.n {
			t.Errorf("Match(%q) covers %d words, want %d (%v)", tt.text, n, tt.n, es)
			continue
		}
		if n == 0 {
			if es != nil {
				t.Errorf("Match(%q) = 0 words but entries %v", tt.text, es)
			}
			continue
		}
		if es[0].Kind != tt.kind || es[0].ISO3 != tt.iso3 {
			t.Errorf("Match(%q)[0] = %s %s, want %s %s", tt.text, es[0].Kind, es[0].ISO3, tt.kind, tt.iso3)
		}
		if tt.other != 0 && !has(es, tt.other, tt.iso3) && !has(es, tt.other, "USA") {
			t.Errorf("Match(%q) lacks a %s entry: %v", tt.text, tt.other, es)
		}
	}
}

func TestMatchOrder(t *testing.T) {
	g := load(t)
	for _, name := range []string{"Moscow", "Washington", "Georgia", "Reading", "Congo", "Korean", "Springfield"} {
		es := g.Lookup(name)
		for i := 1; i < len(es); i++ {
			a, b := es[i-1], es[i]
			if a.Kind > b.Kind || a.Kind == b.Kind && a.Kind >= KindCapital && a.Population < b.Population {
				t.Errorf("Lookup(%q): %v before %v", name, a, b)
			}
		}
	}
}

func TestMatchPosition(t *testing.T) {
	g := load(t)
	words := strings.Fields("Kerry met Lavrov in the Kremlin after talks in Brussels .")
	tests := []struct {
		i, n int
		name string
	}{
		{0, 0, ""}, {5, 1, "the Kremlin"}, {9, 1, "Brussels"}, {10, 0, ""}, {-1, 0, ""}, {11, 0, ""},
	}
	for _, tt := range tests {
		n, es := g.Match(words, tt.i)
		if n != tt.n || n > 0 && es[0].Name != tt.name {
			t.Errorf("Match(words, %d) = %d %v, want %d %q", tt.i, n, es, tt.n, tt.name)
		}
	}
}

func TestLookup(t *testing.T) {
	g := load(t)
	tests := []struct {
		name string
		iso3 string // of the first entry, "" for none
	}{
		{"Ivory Coast", "CIV"}, {"United States", "USA"}, {"the United States", ""}, {"Moscow", "RUS"},
		{"Washington, D.C.", "USA"}, {"Washington D.C.", "USA"}, {"Ivory", ""}, {"Ivory Coast Ivory", ""},
	}
	for _, tt := range tests {
		es := g.Lookup(tt.name)
		if got := ""; len(es) > 0 {
			got = es[0].ISO3
			if got != tt.iso3 {
				t.Errorf("Lookup(%q) = %s, want %q", tt.name, got, tt.iso3)
			}
		} else if tt.iso3 != "" {
			t.Errorf("Lookup(%q) = nothing, want %s", tt.name, tt.iso3)
		}
	}
}

func TestCountry(t *testing.T) {
	g := load(t)
	tests := []struct {
		iso3, iso2, name, capital, seat string
		alias, demonym                  string
	}{
		{"RUS", "RU", "Russia", "Moscow", "", "Russian Federation", "Russians"},
		{"USA", "US", "United States", "Washington D.C.", "", "America", "Americans"},
		{"GBR", "GB", "United Kingdom", "London", "", "Britain", "British"},
		{"NLD", "NL", "Netherlands", "Amsterdam", "The Hague", "Holland", "Dutch"},
		{"BOL", "BO", "Bolivia", "Sucre", "La Paz", "Plurinational State of Bolivia", "Bolivians"},
		{"ZAF", "ZA", "South Africa", "Pretoria", "", "RSA", "South Africans"},
	}
	for _, tt := range tests {
		c, ok := g.Country(tt.iso3)
		if !ok {
			t.Errorf("Country(%s) not found", tt.iso3)
			continue
		}
		if c.ISO2 != tt.iso2 || c.Name != tt.name || c.Capital != tt.capital || c.Seat != tt.seat {
			t.Errorf("Country(%s) = %s %s capital %q seat %q, want %s %s %q %q", tt.iso3, c.ISO2, c.Name, c.Capital, c.Seat, tt.iso2, tt.name, tt.capital, tt.seat)
		}
		if !slices.Contains(c.Aliases, tt.alias) || !slices.Contains(c.Demonyms, tt.demonym) {
			t.Errorf("Country(%s): aliases %q, demonyms %q: want %q and %q", tt.iso3, c.Aliases, c.Demonyms, tt.alias, tt.demonym)
		}
	}
	if _, ok := g.Country("XXX"); ok {
		t.Error(`Country("XXX") found`)
	}
	if zaf, _ := g.Country("ZAF"); len(zaf.Capitals) != 3 {
		t.Errorf("South Africa's capitals = %q, want three", zaf.Capitals)
	}
	if n := len(g.Countries()); n < 240 {
		t.Errorf("%d countries, want about 250", n)
	}
}

// TestNoKurds checks that groups without a country are left out.
func TestNoKurds(t *testing.T) {
	g := load(t)
	for _, name := range []string{"Kurdish", "Kurds", "Arab", "Arabs", "Scandinavian", "European"} {
		if es := g.Lookup(name); has(es, KindDemonym, es0(es)) {
			t.Errorf("Lookup(%q) = %v, want no demonym", name, es)
		}
	}
}

func es0(es []Entry) string {
	if len(es) == 0 {
		return ""
	}
	return es[0].ISO3
}

func TestKindString(t *testing.T) {
	tests := map[Kind]string{KindCountry: "country", KindRegion: "region", 0: "Kind(0)", 9: "Kind(9)"}
	for k, want := range tests {
		if got := k.String(); got != want {
			t.Errorf("Kind(%d).String() = %q, want %q", uint8(k), got, want)
		}
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, text string
	}{
		{"empty", ""},
		{"bad record", "x\ty\n"},
		{"short country", "c\tRUS\tRU\n"},
		{"bad latitude", "c\tRUS\tRU\tRussia\t\t\t\tnorth\t0\t0\t\t\n"},
		{"bad kind", "c\tRUS\tRU\tRussia\t\t\t\t0\t0\t0\t\t\ne\tvillage\tRUS\tX\t\t\t0\t0\t0\tX\n"},
		{"bad population", "c\tRUS\tRU\tRussia\t\t\t\t0\t0\t0\t\t\ne\tcity\tRUS\tX\t\t\tmany\t0\t0\tX\n"},
		{"country twice", "c\tRUS\tRU\tRussia\t\t\t\t0\t0\t0\t\t\nc\tRUS\tRU\tRussia\t\t\t\t0\t0\t0\t\t\n"},
	}
	for _, tt := range tests {
		if _, err := read(bytes.NewReader(gz(tt.text)), 0); !errors.Is(err, ErrFormat) {
			t.Errorf("%s: err = %v, want ErrFormat", tt.name, err)
		}
	}
	if _, err := read(strings.NewReader("not gzip"), 0); !errors.Is(err, ErrFormat) {
		t.Errorf("not gzip: err = %v, want ErrFormat", err)
	}
}

// gz compresses s.
func gz(s string) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.Bytes()
}

func TestMatchAllocs(t *testing.T) {
	g := load(t)
	words := strings.Fields("the U.S. - led coalition struck al - Raqqah near Côte d' Ivoire")
	allocs := testing.AllocsPerRun(100, func() {
		for i := range words {
			g.Match(words, i)
		}
	})
	if allocs != 0 {
		t.Errorf("Match allocates %.1f times per sentence", allocs)
	}
}

func TestPlace(t *testing.T) {
	g := load(t)
	tests := []struct {
		in               string
		names, countries []string
	}{
		{"Syria", nil, []string{"SYR"}},
		{"syria", nil, []string{"SYR"}},
		{"Syrian", nil, nil},
		{"Nowhereville", nil, nil},
	}
	for _, tt := range tests {
		names, countries := g.Place(tt.in)
		if !slices.Equal(names, tt.names) || !slices.Equal(countries, tt.countries) {
			t.Errorf("Place(%q) = %q, %q; want %q, %q", tt.in, names, countries, tt.names, tt.countries)
		}
	}
	if names, _ := g.Place("geneva"); !slices.Contains(names, "Genève") {
		t.Errorf("Place(geneva) names = %q, want Genève among them", names)
	}
}
