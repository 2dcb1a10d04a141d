package event

import (
	"errors"
	"strings"
	"testing"
)

func mustOntology(tb testing.TB) *Ontology {
	tb.Helper()
	o, err := LoadOntology()
	if err != nil {
		tb.Fatal(err)
	}
	return o
}

func TestOntologyLookup(t *testing.T) {
	o := mustOntology(t)
	tests := []struct {
		code      string
		name      string
		goldstein float64
		quad      int
		plover    string
		source    string
	}{
		{"010", "Make statement", 0, 1, "", "none"},
		{"0211", "Appeal for economic cooperation", 3.4, 1, "REQUEST", "supplement"},
		{"036", "Express intent to meet or negotiate", 4, 1, "AGREE", "table"},
		{"042", "Make a visit", 1.9, 1, "CONSULT", "table"},
		{"046", "Engage in negotiation", 7, 1, "CONSULT", "table"},
		{"057", "Sign formal agreement", 8, 1, "SUPPORT", "table"},
		{"0841", "Return, release person(s)", 7, 2, "RETREAT", "table"},
		{"080", "Yield", 5, 2, "CONCEDE", "table"},
		{"08", "YIELD", 5, 2, "CONCEDE", "root"},
		{"1041", "Demand change in leadership", -5, 3, "REQUEST", "table"},
		{"112", "Accuse", -2, 3, "ACCUSE", "table"},
		{"1385", "Threaten attack with WMD", -7, 3, "THREATEN", "table"},
		{"163", "Impose embargo, boycott, or sanctions", -8, 4, "COERCE", "table"},
		{"175", "Use tactics of violent repression", -9, 4, "ASSAULT", "table"},
		{"190", "Use conventional military force", -10, 4, "ASSAULT", "table"},
		{"19", "FIGHT", -10, 4, "ASSAULT", "root"},
		{"204", "Use weapons of mass destruction", -10, 4, "ASSAULT", "table"},
	}
	for _, tt := range tests {
		c, ok := o.Lookup(tt.code)
		if !ok {
			t.Errorf("Lookup(%q): not found", tt.code)
			continue
		}
		want := Code{Code: tt.code, Name: tt.name, Root: tt.code[:2], Goldstein: tt.goldstein, QuadClass: tt.quad, PLOVER: tt.plover, PLOVERSource: tt.source}
		if c != want {
			t.Errorf("Lookup(%q) = %+v, want %+v", tt.code, c, want)
		}
	}
	for _, bad := range []string{"", "0", "999", "01x", "1214", "2045"} {
		if c, ok := o.Lookup(bad); ok {
			t.Errorf("Lookup(%q) = %+v, want not found", bad, c)
		}
	}
}

func TestOntologyCoverage(t *testing.T) {
	o := mustOntology(t)
	if n := len(o.Codes()); n < 300 {
		t.Errorf("%d codes, want the whole codebook (300+)", n)
	}
	roots := o.Roots()
	if len(roots) != 20 || roots[0] != "01" || roots[19] != "20" {
		t.Errorf("Roots() = %v, want 01 to 20", roots)
	}
	types := map[string]bool{}
	for _, p := range PLOVERTypes() {
		types[p] = true
	}
	seen := map[string]bool{}
	for _, c := range o.Codes() {
		switch {
		case c.Root == "01" && c.PLOVER != "":
			t.Errorf("%s: PLOVER %q, want none for statements", c.Code, c.PLOVER)
		case c.Root != "01" && !types[c.PLOVER]:
			t.Errorf("%s: PLOVER %q is not one of the 16 types", c.Code, c.PLOVER)
		}
		if c.Goldstein < -10 || c.Goldstein > 10 {
			t.Errorf("%s: Goldstein %v out of range", c.Code, c.Goldstein)
		}
		seen[c.PLOVER] = true
	}
	for _, p := range PLOVERTypes() {
		if !seen[p] {
			t.Errorf("no code maps to PLOVER %s", p)
		}
	}
}

func TestReadOntologyErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"fields", "010\tMake statement\t0\t1\n", "x.tsv:1:"},
		{"code", "# c\n01a\tX\t0\t1\t\tnone\n", "x.tsv:2:"},
		{"goldstein", "010\tX\tzero\t1\t\tnone\n", "goldstein"},
		{"quad", "010\tX\t0\t5\t\tnone\n", "quad class"},
		{"repeat", "010\tX\t0\t1\t\tnone\n010\tX\t0\t1\t\tnone\n", "x.tsv:2:"},
	}
	for _, tt := range tests {
		_, err := readOntology(strings.NewReader(tt.in), "x.tsv")
		if !errors.Is(err, ErrOntology) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want ErrOntology containing %q", tt.name, err, tt.want)
		}
	}
}
