package event

import (
	"bufio"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
)

//go:embed data/dictionary.txt
var dictionaryTXT string

// Kind says what part of speech a pattern's trigger word is.
type Kind uint8

// The trigger kinds.
const (
	Verb Kind = iota + 1 // a verb: "attack", "hold" (talks), "call" (for)
	Noun                 // a noun that carries an event: "talks" (with), "attack" (on)
)

// String returns "verb" or "noun".
func (k Kind) String() string {
	switch k {
	case Verb:
		return "verb"
	case Noun:
		return "noun"
	}
	return "kind?"
}

// Slot is one dependent a pattern requires of its trigger.
type Slot struct {
	// Rel is the dependent's relation: "subj", "obj", "iobj" (the
	// indirect object: "gave Kabul aid"), "prt" (a particle: "call off"),
	// "xcomp" (an infinitive or predicate: "threaten to attack", "found
	// guilty"), "mod" (a modifier of the word of the slot before it, or
	// of the trigger when it comes first: "air strike"), or a
	// preposition ("with", "on", "because_of") for an oblique of a verb,
	// a modifier of a noun, or a modifier of the pattern's object.
	Rel string
	// Words are the lemmas the dependent may have; a dependent also
	// matches when its lowercased text is one of them. Nil accepts any
	// word.
	Words []string
	// Of is set for Rel "mod" (a compound or adjective modifier: "hunger
	// strike", "military aid"): the index in Slots of the slot whose word
	// it modifies, or -1 for the trigger itself. It is 0 for other slots.
	Of int
}

// Pattern is one dictionary entry: a trigger word, the dependents it
// needs, and the CAMEO event it codes.
type Pattern struct {
	Kind  Kind
	Lemma string // the trigger's lemma, lowercase
	Slots []Slot
	// Code is the event from source to target; "" for a pattern that only
	// codes the reverse event. A pattern with neither Code nor Reverse
	// (written "-") codes no event: it matches, and so keeps less specific
	// patterns of its trigger from matching ("backed away from" is not
	// "backed").
	Code string
	// Reverse is the event from target to source, "" when none: a visit
	// (042) is hosted (043) by the one visited.
	Reverse string
	// Source and Target name the slots (by Rel) that give the actors.
	// For verbs Source is "subj" and Target "obj" unless the pattern
	// marks other slots with $ and +; for nouns both are "" unless marked.
	Source, Target string
	// Origin is where the pattern was read: "file:line".
	Origin string
}

// specificity orders patterns: constrained words first, then more slots.
func (p *Pattern) specificity() (words, slots int) {
	for _, s := range p.Slots {
		if s.Words != nil {
			words++
		}
	}
	return words, len(p.Slots)
}

// String formats the pattern as a dictionary line (without its origin).
func (p Pattern) String() string {
	var b strings.Builder
	switch {
	case p.Code == "" && p.Reverse == "":
		b.WriteString(NoEvent)
	case p.Reverse != "":
		b.WriteString(p.Code + ":" + p.Reverse)
	default:
		b.WriteString(p.Code)
	}
	b.WriteString(" " + p.Kind.String() + " " + p.Lemma)
	for _, s := range p.Slots {
		b.WriteString(" " + s.Rel)
		switch {
		case s.Rel == p.Target:
			b.WriteString("=+")
		case s.Rel == p.Source:
			b.WriteString("=$")
		case s.Words != nil:
			b.WriteString("=" + strings.Join(s.Words, "|"))
		}
	}
	return b.String()
}

// Dictionary maps trigger lemmas to their patterns. It is read-only once
// built and safe to share between goroutines.
type Dictionary struct {
	verbs, nouns map[string][]Pattern
	n            int
}

// NoEvent is the code column of a pattern that codes nothing.
const NoEvent = "-"

// ErrDictionary is wrapped by every error about a dictionary line.
var ErrDictionary = errors.New("event: bad dictionary line")

// maxExpansions bounds the patterns one line may expand into.
const maxExpansions = 64

// LoadDictionary returns eventwire's own dictionary, embedded from
// event/data/dictionary.txt (its format is documented in
// event/dictionary.md).
func LoadDictionary() (*Dictionary, error) {
	return ReadDictionary(strings.NewReader(dictionaryTXT), "event/data/dictionary.txt")
}

// ReadDictionary reads a dictionary in the format of event/dictionary.md.
// name names the input in errors, which give its line number and wrap
// ErrDictionary. Codes are checked for shape only; Check tests them
// against an ontology.
func ReadDictionary(r io.Reader, name string) (*Dictionary, error) {
	d := newDictionary()
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		ps, err := parseLine(fields)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w: %v", name, n, ErrDictionary, err)
		}
		origin := fmt.Sprintf("%s:%d", name, n)
		for _, p := range ps {
			p.Origin = origin
			d.add(p)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	d.sort()
	return d, nil
}

func newDictionary() *Dictionary {
	return &Dictionary{verbs: map[string][]Pattern{}, nouns: map[string][]Pattern{}}
}

func (d *Dictionary) add(p Pattern) {
	if p.Kind == Noun {
		d.nouns[p.Lemma] = append(d.nouns[p.Lemma], p)
	} else {
		d.verbs[p.Lemma] = append(d.verbs[p.Lemma], p)
	}
	d.n++
}

// sort puts each lemma's patterns most specific first, keeping file order
// among equals.
func (d *Dictionary) sort() {
	for _, m := range []map[string][]Pattern{d.verbs, d.nouns} {
		for _, ps := range m {
			sort.SliceStable(ps, func(i, j int) bool {
				wi, si := ps[i].specificity()
				wj, sj := ps[j].specificity()
				if wi != wj {
					return wi > wj
				}
				return si > sj
			})
		}
	}
}

// Verb returns the patterns of a verb lemma, most specific first. The
// slice is shared: do not modify it.
func (d *Dictionary) Verb(lemma string) []Pattern { return d.verbs[lemma] }

// Noun returns the patterns of a noun lemma, most specific first. The
// slice is shared: do not modify it.
func (d *Dictionary) Noun(lemma string) []Pattern { return d.nouns[lemma] }

// Len returns the number of patterns.
func (d *Dictionary) Len() int { return d.n }

// Patterns returns every pattern, verbs then nouns, sorted by lemma.
func (d *Dictionary) Patterns() []Pattern {
	out := make([]Pattern, 0, d.n)
	for _, m := range []map[string][]Pattern{d.verbs, d.nouns} {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			out = append(out, m[k]...)
		}
	}
	return out
}

// Merge returns a dictionary holding the patterns of d and then those of
// other; for equally specific patterns of one lemma, d's come first.
func (d *Dictionary) Merge(other *Dictionary) *Dictionary {
	m := newDictionary()
	for _, src := range []*Dictionary{d, other} {
		for _, p := range src.Patterns() {
			m.add(p)
		}
	}
	m.sort()
	return m
}

// ErrUnknownCode is wrapped by Check's error.
var ErrUnknownCode = errors.New("event: code not in the ontology")

// Check returns an error wrapping ErrUnknownCode that lists the patterns
// whose codes the ontology lacks, or nil.
func (d *Dictionary) Check(o *Ontology) error {
	var bad []string
	for _, p := range d.Patterns() {
		for _, c := range []string{p.Code, p.Reverse} {
			if _, ok := o.Lookup(c); c != "" && !ok {
				bad = append(bad, p.Origin+": "+c)
			}
		}
	}
	if bad != nil {
		return fmt.Errorf("%w: %s", ErrUnknownCode, strings.Join(bad, ", "))
	}
	return nil
}

// parseLine reads the fields of one line: CODE KIND LEMMA ELEMENT...
// Alternative lemmas (impose|slap) and an element whose relation lists
// alternatives (on|against=+) expand the line into one pattern per
// alternative.
func parseLine(f []string) ([]Pattern, error) {
	if len(f) < 3 {
		return nil, fmt.Errorf("want CODE KIND LEMMA [ELEMENT...], got %q", strings.Join(f, " "))
	}
	var p Pattern
	if f[0] != NoEvent {
		code, rev, hasRev := strings.Cut(f[0], ":")
		if code != "" && !validCode(code) || hasRev && !validCode(rev) || code == "" && !hasRev {
			return nil, fmt.Errorf("bad code %q (want 2 to 4 digits, CODE:REVERSE, :REVERSE or -)", f[0])
		}
		p.Code, p.Reverse = code, rev
	}
	switch f[1] {
	case "verb":
		p.Kind = Verb
	case "noun":
		p.Kind = Noun
	default:
		return nil, fmt.Errorf("bad kind %q (want verb or noun)", f[1])
	}
	var out []Pattern
	for _, lemma := range strings.Split(f[2], "|") {
		if !validWord(lemma) {
			return nil, fmt.Errorf("bad lemma %q (want a lowercase word, or several joined by |)", lemma)
		}
		p.Lemma = lemma
		out = append(out, p)
	}
	if len(out) > maxExpansions {
		return nil, fmt.Errorf("line expands into more than %d patterns", maxExpansions)
	}
	seen := map[string]bool{}
	for _, el := range f[3:] {
		rels, val, _ := strings.Cut(el, "=")
		alts := strings.Split(rels, "|")
		var slot Slot
		role := ""
		switch val {
		case "", "*":
		case "+", "$":
			role = val
		default:
			for _, w := range strings.Split(val, "|") {
				if !validWord(w) {
					return nil, fmt.Errorf("element %q: bad word %q", el, w)
				}
				slot.Words = append(slot.Words, w)
			}
		}
		for _, rel := range alts {
			if !validRel(rel) {
				return nil, fmt.Errorf("element %q: bad relation %q (want subj, obj, iobj, prt, xcomp, mod or a preposition)", el, rel)
			}
			if len(alts) > 1 && (rel == "prt" || rel == "xcomp" || rel == "mod") {
				return nil, fmt.Errorf("element %q: %s cannot be an alternative", el, rel)
			}
			if seen[rel] {
				return nil, fmt.Errorf("element %q: relation %q given twice", el, rel)
			}
			seen[rel] = true
		}
		if (rels == "prt" || rels == "mod") && slot.Words == nil {
			return nil, fmt.Errorf("element %q: %s needs a word", el, rels)
		}
		if rels == "mod" {
			slot.Of = len(out[0].Slots) - 1
		}
		if (rels == "prt" || rels == "xcomp" || rels == "mod") && role != "" {
			return nil, fmt.Errorf("element %q: %s cannot name an actor", el, rels)
		}
		if len(out)*len(alts) > maxExpansions {
			return nil, fmt.Errorf("line expands into more than %d patterns", maxExpansions)
		}
		next := make([]Pattern, 0, len(out)*len(alts))
		for _, q := range out {
			for _, rel := range alts {
				r := q
				r.Slots = append(append([]Slot(nil), q.Slots...), Slot{Rel: rel, Words: slot.Words, Of: slot.Of})
				switch {
				case role == "+" && r.Target != "":
					return nil, fmt.Errorf("element %q: a second target", el)
				case role == "$" && r.Source != "":
					return nil, fmt.Errorf("element %q: a second source", el)
				case role == "+":
					r.Target = rel
				case role == "$":
					r.Source = rel
				}
				next = append(next, r)
			}
		}
		out = next
	}
	for i := range out {
		setDefaultRoles(&out[i])
	}
	return out, nil
}

// setDefaultRoles gives a verb pattern its default actors: the subject is
// the source unless another slot is, and an object the pattern does not
// constrain is the target unless another slot is.
func setDefaultRoles(p *Pattern) {
	if p.Kind != Verb {
		return
	}
	subjTaken, objTaken := false, false
	for _, s := range p.Slots {
		switch {
		case s.Rel == "subj" && (s.Words != nil || p.Target == "subj"):
			subjTaken = true
		case s.Rel == "obj" && (s.Words != nil || p.Source == "obj"):
			objTaken = true
		}
	}
	if p.Source == "" && !subjTaken && p.Target != "subj" {
		p.Source = "subj"
	}
	if p.Target == "" && !objTaken && p.Source != "obj" {
		p.Target = "obj"
	}
}

// validWord accepts a lowercase lemma: letters, digits, and inner
// hyphens, apostrophes, dots or underscores.
func validWord(w string) bool {
	if w == "" || len(w) > 64 {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
		case (c == '-' || c == '\'' || c == '.' || c == '_') && i > 0:
		default:
			return false
		}
	}
	return true
}

// validRel accepts subj, obj, prt, xcomp or a preposition (a lowercase
// word, with underscores for several: "on_behalf_of").
func validRel(r string) bool {
	if r == "" || len(r) > 32 {
		return false
	}
	for i := 0; i < len(r); i++ {
		c := r[i]
		if !(c >= 'a' && c <= 'z' || c == '_' && i > 0) {
			return false
		}
	}
	return true
}
