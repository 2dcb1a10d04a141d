package event

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
)

// PetrarchReport says what ReadPetrarchVerbs made of a PETRARCH-2 verb
// dictionary.
type PetrarchReport struct {
	Verbs    int            // verb lemmas read (in blocks, with or without a code)
	Patterns int            // pattern lines read ("- ... [code]")
	Used     int            // source lines that produced at least one entry
	Entries  int            // entries produced (a pattern counts once per verb of its block)
	Skipped  map[string]int // source lines not used, by reason
	// Warnings name the file and line of malformed codes and codes the
	// ontology lacks; those lines are skipped, never emitted.
	Warnings []string
}

// SkippedTotal returns the number of skipped lines.
func (r *PetrarchReport) SkippedTotal() int {
	n := 0
	for _, v := range r.Skipped {
		n += v
	}
	return n
}

// ErrPetrarch is wrapped by errors that stop ReadPetrarchVerbs.
var ErrPetrarch = errors.New("event: bad PETRARCH verb dictionary")

// particles are the words PETRARCH multi-word verbs and patterns use as
// verb particles ("CALL_OFF", "SET OUT VIEWS").
var particles = map[string]bool{
	"up": true, "down": true, "out": true, "off": true, "back": true, "away": true,
	"forward": true, "aside": true, "together": true, "apart": true, "around": true, "along": true,
}

// petrarchPrepositions are words read as prepositions after a multi-word
// verb's first word ("ASK_FOR").
var petrarchPrepositions = map[string]bool{
	"about": true, "against": true, "at": true, "by": true, "for": true, "from": true, "in": true,
	"into": true, "of": true, "on": true, "onto": true, "over": true, "to": true, "toward": true,
	"towards": true, "with": true, "without": true, "upon": true, "through": true, "across": true,
	"under": true, "behind": true, "after": true, "before": true, "between": true, "among": true,
}

// petrarchBlock is one "--- NAME [code] ---" block being read.
type petrarchBlock struct {
	code     string // the block's default code, "" for none
	verbs    []petrarchVerb
	patterns []petrarchPattern
}

type petrarchVerb struct {
	lemma string
	slots []Slot // from a multi-word verb: CALL_OFF → prt=off
	code  string // its own code, or the block's
	line  int
}

type petrarchPattern struct {
	p    Pattern // Kind, Lemma and Origin left to fill
	line int
}

// ReadPetrarchVerbs reads a PETRARCH-2 verb dictionary (CAMEO.2.0.txt:
// synonym sets, then verb blocks of synonyms and patterns, then
// transformations) and turns what it can into a Dictionary of verb
// patterns. name names the input in messages.
//
// A block's one-word verbs share its patterns; a multi-word verb
// ("+CALL_OFF") becomes a verb with a particle, preposition or object
// (call prt=off) that keeps its own or the block's code only. A verb with no code of its own takes
// the block's; "[---]" means none. A pattern "- * WORD (PREP WORD) [code]"
// becomes obj=WORD PREP=WORD; "$" and "+" mark source and target, &SET
// expands to the synonym set's words, "[A:B]" gives a reverse code and
// "[:B]" only one; a two-word noun phrase "{HUMANITARIAN AID}" becomes the
// head with a modifier (obj=aid mod=humanitarian). Patterns with words
// before the verb other than $ or +, longer noun phrases, "^" skips, "%"
// compounds or several objects are
// skipped, counted by reason in the report. A code that is malformed
// ("[120]---") or that the ontology lacks is reported as a warning and its
// line skipped.
func ReadPetrarchVerbs(r io.Reader, name string, o *Ontology) (*Dictionary, *PetrarchReport, error) {
	rep := &PetrarchReport{Skipped: map[string]int{}}
	d := newDictionary()
	synsets := map[string][]string{}
	section := "synsets"
	var cur *petrarchBlock
	var curSet string
	flush := func() {
		if cur != nil {
			emitPetrarchBlock(d, cur, name, rep)
		}
		cur = nil
	}
	// code reads "[...]" into a code pair; ok is false (and a warning
	// recorded) when the code cannot be used.
	code := func(raw string, n int) (c, rev string, ok bool) {
		inner, tail, closed := strings.Cut(strings.TrimPrefix(raw, "["), "]")
		if !strings.HasPrefix(raw, "[") || !closed || tail != "" {
			rep.Warnings = append(rep.Warnings, fmt.Sprintf("%s:%d: malformed code %q skipped", name, n, raw))
			return "", "", false
		}
		if inner == "---" {
			return "", "", true
		}
		c, rev, hasRev := strings.Cut(inner, ":")
		if c != "" && !validCode(c) || hasRev && !validCode(rev) || c == "" && rev == "" {
			rep.Warnings = append(rep.Warnings, fmt.Sprintf("%s:%d: malformed code %q skipped", name, n, raw))
			return "", "", false
		}
		for _, x := range []string{c, rev} {
			if _, known := o.Lookup(x); x != "" && !known {
				rep.Warnings = append(rep.Warnings, fmt.Sprintf("%s:%d: code %s is not in the ontology; skipped", name, n, x))
				return "", "", false
			}
		}
		return c, rev, true
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		raw := sc.Text()
		if strings.HasPrefix(strings.TrimSpace(raw), "####") {
			switch {
			case strings.Contains(raw, "VERB PATTERNS"):
				section = "verbs"
			case strings.Contains(raw, "TRANSFORMATIONS"):
				flush()
				section = "transformations"
			}
			continue
		}
		line := raw
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		switch section {
		case "synsets":
			switch {
			case line[0] == '&':
				curSet = strings.Fields(line)[0]
			case line[0] == '+' && curSet != "":
				w := strings.ToLower(strings.TrimSuffix(strings.TrimPrefix(strings.Fields(line)[0], "+"), "_"))
				if validWord(w) && !strings.Contains(w, "_") {
					synsets[curSet] = append(synsets[curSet], w)
				}
			}
		case "verbs":
			switch {
			case strings.HasPrefix(line, "---"):
				flush()
				cur = &petrarchBlock{}
				f := strings.Fields(line)
				if len(f) < 3 {
					rep.Warnings = append(rep.Warnings, fmt.Sprintf("%s:%d: malformed block heading %q", name, n, line))
					continue
				}
				if c, _, ok := code(f[2], n); ok {
					cur.code = c
				} else {
					cur.code = "-" // unusable: verbs without their own code are skipped
				}
			case cur == nil:
				rep.Skipped["outside a block"]++
			case line[0] == '-':
				rep.Patterns++
				p, reason := parsePetrarchPattern(line[1:], synsets)
				if reason == "" {
					open := strings.LastIndexByte(line, '[')
					c, rev, ok := code(strings.Fields(line[open:])[0], n)
					switch {
					case !ok:
						reason = "bad code"
					case c == "" && rev == "":
						reason = "no code"
					default:
						p.Code, p.Reverse = c, rev
					}
				}
				if reason != "" {
					rep.Skipped["pattern: "+reason]++
					continue
				}
				cur.patterns = append(cur.patterns, petrarchPattern{p: p, line: n})
			default:
				rep.Verbs++
				v, reason := parsePetrarchVerb(line)
				if reason == "" {
					v.line = n
					v.code = cur.code
					if open := strings.IndexByte(line, '['); open >= 0 {
						c, _, ok := code(strings.Fields(line[open:])[0], n)
						switch {
						case !ok:
							v.code = "-"
						default:
							v.code = c
						}
					}
				}
				if reason != "" {
					rep.Skipped["verb: "+reason]++
					continue
				}
				cur.verbs = append(cur.verbs, v)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("%s: %w: %w", name, ErrPetrarch, err)
	}
	flush()
	if section == "synsets" {
		return nil, nil, fmt.Errorf("%s: %w: no \"VERB PATTERNS\" section", name, ErrPetrarch)
	}
	d.sort()
	return d, rep, nil
}

// emitPetrarchBlock adds a block's verbs and patterns to d.
func emitPetrarchBlock(d *Dictionary, b *petrarchBlock, name string, rep *PetrarchReport) {
	used := map[int]bool{}
	for _, v := range b.verbs {
		switch v.code {
		case "":
			rep.Skipped["verb: no code"]++
		case "-":
			rep.Skipped["verb: bad code"]++
		default:
			p := Pattern{Kind: Verb, Lemma: v.lemma, Slots: v.slots, Code: v.code, Origin: fmt.Sprintf("%s:%d", name, v.line)}
			setDefaultRoles(&p)
			d.add(p)
			rep.Entries++
			used[v.line] = true
		}
	}
	for _, pp := range b.patterns {
		for _, v := range b.verbs {
			if len(v.slots) > 0 {
				continue // a multi-word verb keeps its own code only
			}
			p := pp.p
			p.Kind, p.Lemma, p.Origin = Verb, v.lemma, fmt.Sprintf("%s:%d", name, pp.line)
			setDefaultRoles(&p)
			d.add(p)
			rep.Entries++
			used[pp.line] = true
		}
		if !used[pp.line] {
			rep.Skipped["pattern: block has no usable verb"]++
		}
	}
	lines := make([]int, 0, len(used))
	for l := range used {
		lines = append(lines, l)
	}
	sort.Ints(lines)
	rep.Used += len(lines)
}

// parsePetrarchVerb reads a verb line: "WORD {FORMS} [code]" or
// "+WORD_WORD {...} [code]". reason is why it cannot be used, or "".
func parsePetrarchVerb(line string) (v petrarchVerb, reason string) {
	word := strings.ToLower(strings.TrimPrefix(strings.Fields(line)[0], "+"))
	parts := strings.Split(strings.Trim(word, "_"), "_")
	for _, p := range parts {
		if !validWord(p) {
			return v, "not a word"
		}
	}
	switch len(parts) {
	case 1:
	case 2:
		switch w := parts[1]; {
		case particles[w]:
			v.slots = []Slot{{Rel: "prt", Words: []string{w}}}
		case petrarchPrepositions[w]:
			v.slots = []Slot{{Rel: w}}
		default:
			v.slots = []Slot{{Rel: "obj", Words: []string{w}}}
		}
	default:
		return v, "multi-word verb of three words or more"
	}
	v.lemma = parts[0]
	return v, ""
}

// parsePetrarchPattern reads the part of a pattern line after "-" up to
// its code. reason is why it cannot be used, or "".
func parsePetrarchPattern(s string, synsets map[string][]string) (p Pattern, reason string) {
	if i := strings.LastIndexByte(s, '['); i >= 0 {
		s = s[:i]
	} else {
		return p, "no code"
	}
	s, ok := joinPhrases(s)
	if !ok {
		return p, "noun phrase in braces of three words or more"
	}
	if strings.ContainsAny(s, "^%") {
		return p, "skip or compound marker"
	}
	s = strings.NewReplacer("(", " ( ", ")", " ) ").Replace(s)
	toks := strings.Fields(s)
	star := -1
	for i, t := range toks {
		if t == "*" {
			star = i
			break
		}
	}
	if star < 0 {
		return p, "no verb marker"
	}
	for _, t := range toks[:star] {
		switch t {
		case "$":
			p.Source = "subj"
			p.Slots = append(p.Slots, Slot{Rel: "subj"})
		case "+":
			p.Target = "subj"
			p.Slots = append(p.Slots, Slot{Rel: "subj"})
		default:
			return p, "words before the verb"
		}
	}
	if len(p.Slots) > 1 {
		return p, "words before the verb"
	}
	word := func(t string) ([]string, bool) {
		if strings.HasPrefix(t, "&") {
			ws := synsets[t]
			return ws, len(ws) > 0
		}
		w := strings.ToLower(strings.Trim(t, "_"))
		return []string{w}, validWord(w) && !strings.Contains(w, "_")
	}
	// words reads a word, a set, or a two-word phrase "MOD~HEAD"; mod is
	// nil but for a phrase.
	words := func(t string) (head, mod []string, ok bool) {
		m, h, phrase := strings.Cut(t, "~")
		if !phrase {
			head, ok = word(t)
			return head, nil, ok
		}
		if head, ok = word(h); !ok {
			return nil, nil, false
		}
		mod, ok = word(m)
		return head, mod, ok
	}
	addMod := func(mod []string) {
		if mod != nil {
			p.Slots = append(p.Slots, Slot{Rel: "mod", Words: mod, Of: len(p.Slots) - 1})
		}
	}
	has := map[string]bool{}
	rest := toks[star+1:]
	for i := 0; i < len(rest); i++ {
		t := rest[i]
		if t == "(" {
			j := i + 1
			for j < len(rest) && rest[j] != ")" {
				j++
			}
			if j == len(rest) || j == i+1 {
				return p, "unbalanced parenthesis"
			}
			inner := rest[i+1 : j]
			i = j
			prep := strings.ToLower(inner[0])
			if !validRel(prep) || has[prep] || len(inner) > 2 {
				return p, "complex prepositional phrase"
			}
			has[prep] = true
			sl := Slot{Rel: prep}
			if len(inner) == 2 {
				switch inner[1] {
				case "+":
					if p.Target != "" {
						return p, "two targets"
					}
					p.Target = prep
				case "$":
					if p.Source != "" {
						return p, "two sources"
					}
					p.Source = prep
				default:
					ws, mod, ok := words(inner[1])
					if !ok {
						return p, "unknown word or set"
					}
					sl.Words = ws
					p.Slots = append(p.Slots, sl)
					addMod(mod)
					continue
				}
			}
			p.Slots = append(p.Slots, sl)
			continue
		}
		switch {
		case t == "+" || t == "$":
			if has["obj"] {
				return p, "several objects"
			}
			has["obj"] = true
			if t == "+" {
				if p.Target != "" {
					return p, "two targets"
				}
				p.Target = "obj"
			} else {
				if p.Source != "" {
					return p, "two sources"
				}
				p.Source = "obj"
			}
			p.Slots = append(p.Slots, Slot{Rel: "obj"})
		case particles[strings.ToLower(t)] && !has["prt"] && !has["obj"]:
			has["prt"] = true
			p.Slots = append(p.Slots, Slot{Rel: "prt", Words: []string{strings.ToLower(t)}})
		default:
			if has["obj"] {
				return p, "several objects"
			}
			ws, mod, ok := words(t)
			if !ok {
				return p, "unknown word or set"
			}
			has["obj"] = true
			p.Slots = append(p.Slots, Slot{Rel: "obj", Words: ws})
			addMod(mod)
		}
	}
	return p, ""
}

// joinPhrases rewrites the two-word noun phrases of a pattern, "{HUMANITARIAN
// AID}", as single tokens "HUMANITARIAN~AID" (a modifier and a head); a
// one-word phrase loses its braces. ok is false for longer phrases and
// unbalanced braces.
func joinPhrases(s string) (string, bool) {
	var b strings.Builder
	for {
		open := strings.IndexByte(s, '{')
		if open < 0 {
			if strings.IndexByte(s, '}') >= 0 {
				return "", false
			}
			b.WriteString(s)
			return b.String(), true
		}
		end := strings.IndexByte(s[open:], '}')
		if end < 0 || strings.IndexByte(s[:open], '}') >= 0 {
			return "", false
		}
		ws := strings.Fields(s[open+1 : open+end])
		if len(ws) == 0 || len(ws) > 2 || strings.ContainsAny(s[open+1:open+end], "{~()") {
			return "", false
		}
		b.WriteString(s[:open] + " " + strings.Join(ws, "~") + " ")
		s = s[open+end+1:]
	}
}
