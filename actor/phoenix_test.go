package actor

import (
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/newscorpus"
)

func day(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func readDict(t testing.TB, src string) *Dict {
	t.Helper()
	d, err := ReadDict(strings.NewReader(src), "test.actors")
	if err != nil {
		t.Fatalf("ReadDict: %v", err)
	}
	return d
}

const testActors = `# a comment
THE_UNITED_NATIONS_ [IGOUNO]
UN_ [IGOUNO]
U.N._

UN_SECRETARY_GENERAL
+UNSG
	[IGOUNO]
BAN_KI-MOON
+SECRETARY-GENERAL_BAN_KI-MOON
	[IGOUNO >070101]
	[KORGOV 040117-061201]
JEAN_DOE_	[FRAGOV 000101-080801] [---] # inline codes
SERGEY_LAVROV_  # CountryInfo.txt
+SERGEI_LAVROV_
+LAVROV
	[RUSGOV >20040309]
	[RUSELI]
<!-- noise --> 
OLD_STYLE_ [USAGOV <900101]
---STOP---
IGNORED_ [XXX]
`

func TestDictLookup(t *testing.T) {
	d := readDict(t, testActors)
	tests := []struct {
		name, date, want string
		found            bool
	}{
		{"the United Nations", "", "IGOUNO", true},
		{"UN", "2013-01-01", "IGOUNO", true},
		{"U.N.", "", "IGOUNO", true}, // codeless entry shares the next entry's codes
		{"UNSG", "", "IGOUNO", true},
		{"Ban Ki-moon", "2010-05-01", "IGOUNO", true},
		{"Ban Ki-moon", "2005-05-01", "KORGOV", true},
		{"Ban Ki-moon", "2006-12-01", "KORGOV", true}, // the end day is in the range
		{"Ban Ki-moon", "2006-12-02", "", true},
		{"Secretary-General Ban Ki-moon", "2010-05-01", "IGOUNO", true},
		{"Jean Doe", "2005-01-01", "FRAGOV", true},
		{"Jean Doe", "2010-01-01", "", true},
		{"Sergei Lavrov", "2013-04-23", "RUSGOV", true},
		{"LAVROV", "2000-01-01", "RUSELI", true},
		{"Lavrov", "", "RUSELI", true},
		{"Old Style", "1989-12-31", "USAGOV", true},
		{"Old Style", "1990-01-01", "", true},
		{"Ignored", "", "", false},
		{"Nobody", "", "", false},
	}
	for _, tt := range tests {
		code, found := d.Lookup(tt.name, day(tt.date))
		if code != tt.want || found != tt.found {
			t.Errorf("Lookup(%q, %s) = %q, %v; want %q, %v", tt.name, tt.date, code, found, tt.want, tt.found)
		}
	}
}

func TestDictErrors(t *testing.T) {
	tests := []struct {
		src, want string
	}{
		{"\t[USAGOV]\n", "test.actors:1: a code line before any entry"},
		{"+SYNONYM\n", "test.actors:1: a synonym before any entry"},
		{"NAME_ []\n", "test.actors:1: empty code []"},
		{"NAME_\n\tFARMER {FARMERS [~AGR]\n", "test.actors:2: '{' without '}'"},
	}
	for _, tt := range tests {
		_, err := ReadDict(strings.NewReader(tt.src), "test.actors")
		if err == nil || err.Error() != tt.want || !errors.Is(err, ErrSyntax) {
			t.Errorf("ReadDict(%q) error = %v; want %q wrapping ErrSyntax", tt.src, err, tt.want)
		}
	}
}

func TestDictWarnings(t *testing.T) {
	d := readDict(t, "NAME_\n\t[USAGOV >991399]\n\t[USA]\nOTHER [GBR\nFARMER [~AGR}\nFAROE]_\n+X [ABC]\n")
	if len(d.Warnings) != 4 || !strings.HasPrefix(d.Warnings[0], "test.actors:2: ") || !strings.HasPrefix(d.Warnings[3], "test.actors:6: ") {
		t.Errorf("Warnings = %q; want lines 2, 4, 5 and 6", d.Warnings)
	}
	if code, _ := d.Lookup("Other", time.Time{}); code != "GBR" {
		t.Errorf("Lookup(Other) = %q; want GBR read to the end of the line", code)
	}
	if code, _ := d.Lookup("Faroe", time.Time{}); code != "ABC" {
		t.Errorf("Lookup(Faroe) = %q; want ABC", code)
	}
	if code, _ := d.Lookup("Name", day("2001-01-01")); code != "USA" {
		t.Errorf("Lookup after a skipped code = %q; want USA", code)
	}
}

const testAgents = `!PERSON! = MAN, MEN, WOMAN, WOMEN
!MINIST! = MINISTER, MINISTERS
FOREIGN_!MINIST! [~GOV]
POLICE!PERSON!  [~COP]
FARMER [~AGR]
ARMED_POLICE {} [~COP]
CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]
MILITARY_SPY [~SPYMIL]
`

func TestDictAgents(t *testing.T) {
	d := readDict(t, testAgents)
	c := &Coder{roles: &roleTable{index: newPhraseIndex(foldCase)}, dicts: []*Dict{d}}
	tests := []struct {
		words  string
		n      int
		sector string
	}{
		{"foreign minister", 2, "GOV"},
		{"Foreign Ministers", 2, "GOV"},
		{"policewomen", 1, "COP"},
		{"farmers", 1, "AGR"},
		{"armed police", 2, "COP"},
		{"chambers of commerce", 3, "BUS"},
		{"military spies", 2, "SPY"},
		{"armed polices", 0, ""},
	}
	for _, tt := range tests {
		n, r, _ := c.Role(strings.Fields(tt.words), 0)
		if n != tt.n || r.Sector != tt.sector {
			t.Errorf("Role(%q) = %d, %q; want %d, %q", tt.words, n, r.Sector, tt.n, tt.sector)
		}
	}
}

func FuzzReadDict(f *testing.F) {
	f.Add(testActors)
	f.Add(testAgents)
	f.Add("A_ [B >1]\n+C [D 010101-000101]\n\t[E <20200230]\n!X!=\nY!X! [~Z]\n")
	f.Fuzz(func(t *testing.T, src string) {
		d, err := ReadDict(strings.NewReader(src), "fuzz")
		if err != nil {
			if !errors.Is(err, ErrSyntax) && !strings.HasPrefix(err.Error(), "fuzz:") {
				t.Fatalf("error %v neither wraps ErrSyntax nor names the input", err)
			}
			return
		}
		d.Lookup(src, time.Time{})
		d.Lookup("a", day("2013-04-23"))
		d.role(strings.Fields(src), 0)
	})
}

// phoenixDir returns the PETRARCH dictionaries in ../shared, or skips.
func phoenixDir(t testing.TB) string {
	t.Helper()
	data, ok := newscorpus.DataDir()
	if !ok {
		t.Skip("skipping: ../shared/data is absent (the Phoenix dictionaries live there)")
	}
	return filepath.Join(data, "petrarch")
}

func loadPhoenix(t testing.TB, dir, name string) *Dict {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(name, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		r = zr
	}
	d, err := ReadDict(r, name)
	if err != nil {
		t.Fatalf("ReadDict(%s): %v", name, err)
	}
	return d
}

func TestPhoenixFiles(t *testing.T) {
	dir := phoenixDir(t)
	files := []string{"Phoenix.Countries.actors.txt.gz", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt"}
	dicts := map[string]*Dict{}
	for _, name := range files {
		d := loadPhoenix(t, dir, name)
		a, g := d.Len()
		t.Logf("%s: %d actor phrases, %d agent phrases, %d lines skipped", name, a, g, len(d.Warnings))
		dicts[name] = d
	}
	tests := []struct {
		file, name, date, want string
	}{
		{"Phoenix.Countries.actors.txt.gz", "Sergey Lavrov", "2013-04-23", "RUSGOV"},
		{"Phoenix.Countries.actors.txt.gz", "Lavrov", "2013-04-23", "RUSGOV"},
		{"Phoenix.Countries.actors.txt.gz", "Afghanistan", "", "AFG"},
		{"Phoenix.Countries.actors.txt.gz", "Hamid Karzai", "2005-01-01", "AFGGOV"},
		{"Phoenix.Countries.actors.txt.gz", "Jabhat al-Nusra", "2013-04-23", "SYRREBMUS"},
		{"Phoenix.International.actors.txt", "NATO", "", "IGOWSTNAT"},
		{"Phoenix.International.actors.txt", "North Atlantic Treaty Organization", "", "IGOWSTNAT"},
		{"Phoenix.International.actors.txt", "Ban Ki-moon", "2010-01-01", "IGOUNO"},
		{"Phoenix.International.actors.txt", "U.N.", "", "IGOUNO"},
		{"Phoenix.MilNonState.actors.txt", "Hezbollah", "", "LBNREB"},
		{"Phoenix.MilNonState.actors.txt", "al-Qaeda", "", "IMGMUSALQ"},
	}
	for _, tt := range tests {
		if code, _ := dicts[tt.file].Lookup(tt.name, day(tt.date)); code != tt.want {
			t.Errorf("%s: Lookup(%q, %s) = %q; want %q", tt.file, tt.name, tt.date, code, tt.want)
		}
	}
	c, err := New(Options{Dicts: []*Dict{dicts["Phoenix.agents.txt"]}})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"foreign ministers", "riot police", "farmers"} {
		if _, r, ok := dicts["Phoenix.agents.txt"].role(strings.Fields(w), 0); !ok {
			t.Errorf("agents: no role for %q", w)
		} else if _, r2, _ := c.Role(strings.Fields(w), 0); r2.Sector == "" {
			t.Errorf("Coder.Role(%q) with agents = %+v (agents gave %+v)", w, r2, r)
		}
	}
}
