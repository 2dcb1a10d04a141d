package geo

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzMatch checks that Match and Lookup accept any text: no panic, a
// match within the words, entries exactly when a match.
func FuzzMatch(f *testing.F) {
	for _, s := range []string{"Ivory Coast", "U.S. - led", "Côte d' Ivoire", "al - Raqqah", "Us", "- - -", "\xff\xfe", "Ḩamāh", "ß", ""} {
		f.Add(s)
	}
	g := load(f)
	f.Fuzz(func(t *testing.T, s string) {
		words := strings.Split(s, " ")
		for i := -1; i <= len(words); i++ {
			n, es := g.Match(words, i)
			if n < 0 || n > len(words)-i || (n == 0) != (len(es) == 0) {
				t.Fatalf("Match(%q, %d) = %d, %d entries", words, i, n, len(es))
			}
		}
		g.Lookup(s)
		if utf8.ValidString(s) {
			g.Lookup(strings.ToUpper(s))
		}
	})
}

// FuzzRead checks that read rejects malformed data with an error, never a
// panic.
func FuzzRead(f *testing.F) {
	f.Add("c\tRUS\tRU\tRussia\tRussian Federation\tMoscow\t\t60\t100\t5\tRossiya\tRussian|Russians\ne\tcity\tRUS\tMoscow\t\tMoscow\t10381222\t55.75\t37.61\tMoscow\n")
	f.Add("e\tseat\tRUS\tthe Kremlin\tGOV\t\t0\t0\t0\tKremlin\n")
	f.Fuzz(func(t *testing.T, s string) {
		g, err := read(bytes.NewReader(gz(s)), 0)
		if err == nil {
			g.Lookup("Moscow")
		}
	})
}
