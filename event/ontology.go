package event

import (
	"bufio"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

//go:generate go run ./internal/gen -cameo ../../shared/data/cameo -plover ../../shared/data/plover -out data/ontology.tsv

//go:embed data/ontology.tsv
var ontologyTSV string

// PLOVERTypes returns the 16 event types of the PLOVER 2021 table, in the
// order of the issue that specifies them.
func PLOVERTypes() [16]string { return ploverTypes }

var ploverTypes = [16]string{
	"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
	"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}

// QuadClass values: the four classes of CAMEO roots.
const (
	VerbalCooperation   = 1 // roots 01–05
	MaterialCooperation = 2 // roots 06–08
	VerbalConflict      = 3 // roots 09–13
	MaterialConflict    = 4 // roots 14–20
)

// Code is one CAMEO event code with its place in the codebook.
type Code struct {
	Code      string  // "042", "1041", or a root such as "19"
	Name      string  // codebook name: "Make a visit"
	Root      string  // the two-digit root: "04"
	Goldstein float64 // Goldstein conflict–cooperation value, −10 to +10
	QuadClass int     // 1 to 4, see VerbalCooperation
	// PLOVER is the PLOVER 2021 type, or "" for CAMEO 01 (statements),
	// which PLOVER does not code.
	PLOVER string
	// PLOVERSource says where PLOVER came from: "table" (the code's own
	// row of CAMEO2PLOVER-2021), "parent" (its three-digit parent's row),
	// "root" (the heading of its root), "supplement" (CAMEO 02 appeals,
	// absent from the table, map to REQUEST like CAMEO 10 demands) or
	// "none".
	PLOVERSource string
}

// Ontology is the CAMEO codebook joined with the CAMEO→PLOVER table. It is
// read-only once loaded and safe to share between goroutines.
type Ontology struct {
	codes map[string]Code
	order []string
}

// ErrOntology is wrapped by errors reading an ontology table.
var ErrOntology = errors.New("event: bad ontology table")

// LoadOntology returns the embedded ontology (event/data/ontology.tsv,
// generated from the CAMEO codebook and the PLOVER 2021 table; see
// event/data/PROVENANCE.md).
func LoadOntology() (*Ontology, error) {
	return readOntology(strings.NewReader(ontologyTSV), "event/data/ontology.tsv")
}

// readOntology reads the generated table: code, name, goldstein,
// quad_class, plover, plover_source, tab-separated, '#' comments.
func readOntology(r io.Reader, name string) (*Ontology, error) {
	o := &Ontology{codes: make(map[string]Code, 320)}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 6 || !validCode(f[0]) {
			return nil, fmt.Errorf("%s:%d: %w: %q", name, n, ErrOntology, line)
		}
		g, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w: goldstein %q", name, n, ErrOntology, f[2])
		}
		q, err := strconv.Atoi(f[3])
		if err != nil || q < 1 || q > 4 {
			return nil, fmt.Errorf("%s:%d: %w: quad class %q", name, n, ErrOntology, f[3])
		}
		if _, dup := o.codes[f[0]]; dup {
			return nil, fmt.Errorf("%s:%d: %w: code %s repeated", name, n, ErrOntology, f[0])
		}
		o.codes[f[0]] = Code{Code: f[0], Name: f[1], Root: f[0][:2], Goldstein: g, QuadClass: q, PLOVER: f[4], PLOVERSource: f[5]}
		o.order = append(o.order, f[0])
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return o, nil
}

// Lookup returns the code's entry; ok is false for a code the codebook
// does not have.
func (o *Ontology) Lookup(code string) (Code, bool) {
	c, ok := o.codes[code]
	return c, ok
}

// Codes returns every code in codebook order (each root before its codes).
func (o *Ontology) Codes() []Code {
	out := make([]Code, len(o.order))
	for i, c := range o.order {
		out[i] = o.codes[c]
	}
	return out
}

// Roots returns the 20 root codes, "01" to "20".
func (o *Ontology) Roots() []string {
	var roots []string
	for _, c := range o.order {
		if len(c) == 2 {
			roots = append(roots, c)
		}
	}
	sort.Strings(roots)
	return roots
}

// validCode reports whether s has the shape of a CAMEO code: two to four
// digits.
func validCode(s string) bool {
	if len(s) < 2 || len(s) > 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
