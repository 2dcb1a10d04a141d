package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// sharedGeo returns ../shared/data/geo beside the repository, or skips.
func sharedGeo(tb testing.TB) string {
	tb.Helper()
	dir := filepath.Join("..", "..", "..", "..", "shared", "data", "geo")
	if _, err := os.Stat(filepath.Join(dir, countriesTgz)); err != nil {
		tb.Skipf("skipping: %s is absent (the tarballs live in ../shared, beside the repository)", dir)
	}
	return dir
}

// TestGenerate checks that the generator gives the same bytes as the run
// that wrote the data package geo embeds (if not, run go generate ./geo):
// the generator is deterministic, and the data is up to date. It is
// skipped under the race detector, which slows it tenfold and has nothing
// to find in a program of one goroutine.
func TestGenerate(t *testing.T) {
	if raceEnabled {
		t.Skip("skipping under the race detector")
	}
	dir := sharedGeo(t)
	var a bytes.Buffer
	st, err := Generate(&a, Options{Dir: dir, MinPop: defaultMinPop})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(st)
	embedded, err := os.ReadFile(filepath.Join("..", "..", "data", "gazetteer.tsv.gz"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), embedded) {
		t.Errorf("generated %d bytes differ from the embedded data/gazetteer.tsv.gz (%d bytes): run go generate ./geo", a.Len(), len(embedded))
	}
}

func TestGenerateMissing(t *testing.T) {
	if _, err := Generate(&bytes.Buffer{}, Options{Dir: t.TempDir(), EWT: "/nonexistent/ewt.conllu.gz", UNER: "/nonexistent/uner.iob2.gz", MinPop: defaultMinPop}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("err = %v, want a missing file", err)
	}
}

func TestPlural(t *testing.T) {
	tests := map[string]string{
		"Syrian": "Syrians", "Israeli": "Israelis", "South African": "South Africans", "Briton": "Britons",
		"British": "", "French": "", "Chinese": "", "Swiss": "", "Mosotho": "Basotho", "U.S.": "",
	}
	for d, want := range tests {
		if got := plural(d); got != want {
			t.Errorf("plural(%q) = %q, want %q", d, got, want)
		}
	}
}

func TestCityKeys(t *testing.T) {
	tests := []struct {
		name, country string
		want          []string
	}{
		{"Ar Raqqah", "SY", []string{"Ar Raqqah", "ar Raqqah", "al Raqqah", "Raqqah", "Ar Raqqa", "ar Raqqa", "al Raqqa", "Raqqa"}},
		{"Ḩamāh", "SY", []string{"Ḩamāh", "Ḩamā"}},
		{"Saint Petersburg", "RU", []string{"Saint Petersburg", "St. Petersburg"}},
		{"Al Ain", "ES", []string{"Al Ain"}}, // the article rule is for Arab countries
		{"Moscow", "RU", []string{"Moscow"}},
	}
	for _, tt := range tests {
		if got := cityKeys(&city{name: tt.name, country: tt.country}); !slices.Equal(got, tt.want) {
			t.Errorf("cityKeys(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestDecodeCities(t *testing.T) {
	// Two cities: id 1 "Aa" in "XX" at (1e-5, 2e-5); id 2 "Bb" with a
	// population of 300 at (2e-5, 4e-5) after the deltas.
	b := []byte{
		14, 0x08, 2, 0x12, 2, 'A', 'a', 0x1a, 2, 'X', 'X', 0x50, 2, 0x58, 4,
		13, 0x08, 4, 0x12, 2, 'B', 'b', 0x48, 0xac, 0x02, 0x50, 2, 0x58, 4,
	}
	cs, err := decodeCities(b)
	if err != nil {
		t.Fatal(err)
	}
	want := []city{
		{id: 1, name: "Aa", country: "XX", lat: 2, lon: 1},
		{id: 2, name: "Bb", population: 300, lat: 4, lon: 2},
	}
	if !slices.Equal(cs, want) {
		t.Errorf("decodeCities = %+v, want %+v", cs, want)
	}
	for n := range b {
		if _, err := decodeCities(b[:n]); n > 0 && n != 15 && err == nil {
			t.Errorf("decodeCities(first %d bytes): no error", n)
		}
	}
}

// FuzzDecodeCities checks that malformed protocol buffers give an error,
// never a panic.
func FuzzDecodeCities(f *testing.F) {
	f.Add([]byte{14, 0x08, 2, 0x12, 2, 'A', 'a', 0x1a, 2, 'X', 'X', 0x50, 2, 0x58, 4})
	f.Add([]byte{0xff, 0xff, 0xff})
	f.Fuzz(func(t *testing.T, b []byte) {
		decodeCities(b)
	})
}
