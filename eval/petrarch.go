package eval

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/eventwire/eventwire"
)

// ErrPetrarch is wrapped by the errors that PetrarchFile returns for a
// malformed validation file.
var ErrPetrarch = errors.New("bad PETRARCH validation file")

// PetrarchScores are the figures of `eventwire eval petrarch`: precision,
// recall and F1 over (source, target, CAMEO code) triples, one sentence
// at a time, each side a set (a triple predicted or annotated twice counts
// once). Negated events are left out of the predictions (PETRARCH-2's
// gold records code what happened); hypothetical ones are kept, as
// PETRARCH codes "prepared to attend" or "threatened to" as events.
//
// Codes match exactly (Exact) or by their two-digit root (Root). Actor
// codes are compared as PETRARCH writes them, cut to a prefix: country
// and first sector, the first six letters ("USAGOV", "IGOEUR", "---REB";
// a shorter code whole, so "USA" does not match "USAGOV"), or the
// country alone, the first three ("USA", "IGO", "---"). Our side is the
// actor code of the event's entity (its country and sector when the code
// is empty); an event with no source or no target has "" there and never
// matches.
type PetrarchScores struct {
	Sentences int // sentences scored
	NoEvents  int // sentences whose gold says no event
	Skipped   int // sentences left out for an empty <Text>, with their gold triples
	// Exact and Root compare actors by country and first sector;
	// ExactCountry and RootCountry by country alone.
	Exact, Root, ExactCountry, RootCountry PRF
}

func (s PetrarchScores) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "PETRARCH-2 validation: %d sentences (%d with no event; %d with an empty text skipped), %d gold triples\n",
		s.Sentences, s.NoEvents, s.Skipped, s.Exact.Gold)
	fmt.Fprintf(&b, "%-32s %5s %5s %5s %7s %7s %7s\n", "", "gold", "pred", "right", "P", "R", "F1")
	row := func(name string, p PRF) {
		fmt.Fprintf(&b, "%-32s %5d %5d %5d %6.2f%% %6.2f%% %6.2f%%\n", name, p.Gold, p.Predicted, p.Correct,
			100*p.Precision, 100*p.Recall, 100*p.F1)
	}
	row("exact code, country+sector", s.Exact)
	row("root code, country+sector", s.Root)
	row("exact code, country", s.ExactCountry)
	row("root code, country", s.RootCountry)
	b.WriteString("Triples (source, target, code) per sentence, negated events left out. Actors: first 6 letters of the code (country+sector) or first 3 (country); root: the code's first two digits.")
	return b.String()
}

// PetrarchTriple is one gold or predicted event of the validation file.
type PetrarchTriple struct {
	Source, Target, Code string
}

// key is the triple cut to the given actor prefix length, with the code
// cut to its root when root is set.
func (t PetrarchTriple) key(actor int, root bool) PetrarchTriple {
	cut := func(s string, n int) string {
		if len(s) > n {
			return s[:n]
		}
		return s
	}
	k := PetrarchTriple{Source: cut(t.Source, actor), Target: cut(t.Target, actor), Code: t.Code}
	if root {
		k.Code = cut(k.Code, 2)
	}
	return k
}

// PetrarchSentence is one record of the validation file.
type PetrarchSentence struct {
	ID, Date, Text string
	Line           int              // where its <Sentence> element starts
	Gold           []PetrarchTriple // empty when noevents="True"
	NoEvents       bool
	codings        int
	hasText        bool
}

// PetrarchFile scores an event coder on a PETRARCH-2 validation file
// (PETR2_GSR_validation.xml).
func PetrarchFile(path string, code EventCoder) (PetrarchScores, error) {
	f, err := os.Open(path)
	if err != nil {
		return PetrarchScores{}, err
	}
	defer f.Close()
	return Petrarch(f, path, code)
}

// Petrarch scores an event coder on a PETRARCH-2 validation file read from
// r; name names the input in errors. Only the raw sentence text is coded;
// the file's parses are ignored.
func Petrarch(r io.Reader, name string, code EventCoder) (PetrarchScores, error) {
	var sc PetrarchScores
	sents, err := ReadPetrarch(r, name)
	if err != nil {
		return sc, err
	}
	for _, s := range sents {
		if s.Text == "" {
			sc.Skipped++
			continue
		}
		evs, err := code(eventwire.Article{ID: s.ID, Published: s.Date, Text: s.Text,
			Origin: eventwire.Origin{Name: name, Line: s.Line}})
		if err != nil {
			return sc, err
		}
		var pred []PetrarchTriple
		for i := range evs {
			if e := &evs[i]; !e.Negated {
				pred = append(pred, PetrarchTriple{Source: petrarchActor(e.Source), Target: petrarchActor(e.Target), Code: e.CAMEO})
			}
		}
		sc.Sentences++
		if s.NoEvents {
			sc.NoEvents++
		}
		scoreTriples(&sc.Exact, s.Gold, pred, 6, false)
		scoreTriples(&sc.Root, s.Gold, pred, 6, true)
		scoreTriples(&sc.ExactCountry, s.Gold, pred, 3, false)
		scoreTriples(&sc.RootCountry, s.Gold, pred, 3, true)
	}
	for _, p := range []*PRF{&sc.Exact, &sc.Root, &sc.ExactCountry, &sc.RootCountry} {
		p.compute()
	}
	return sc, nil
}

// petrarchActor returns the code an event actor is compared by.
func petrarchActor(a *eventwire.EventActor) string {
	switch {
	case a == nil:
		return ""
	case a.Actor != "":
		return a.Actor
	}
	return a.Country + a.Sector
}

func scoreTriples(p *PRF, gold, pred []PetrarchTriple, actor int, root bool) {
	g := make(map[PetrarchTriple]bool, len(gold))
	for _, t := range gold {
		g[t.key(actor, root)] = true
	}
	seen := make(map[PetrarchTriple]bool, len(pred))
	correct := 0
	for _, t := range pred {
		k := t.key(actor, root)
		if seen[k] {
			continue
		}
		seen[k] = true
		if g[k] {
			correct++
		}
	}
	p.add(len(g), len(seen), correct)
}

// ReadPetrarch reads the sentences of a PETRARCH-2 validation file: each
// <Sentence id=... date=...> element (closed at once or later; the file
// does both) is followed by its <EventCoding> elements (eventcode,
// sourcecode and targetcode, or noevents="True") and its <Text>; <Parse>
// and everything else is ignored; a <Text> left empty is read as "" (such
// sentences are skipped by Petrarch). The text's line breaks become spaces and
// the date YYYYMMDD becomes YYYY-MM-DD (another form, such as the
// file's one "121108", is left unknown). Errors give name and line.
func ReadPetrarch(r io.Reader, name string) ([]PetrarchSentence, error) {
	dec := xml.NewDecoder(r)
	var out []PetrarchSentence
	var cur *PetrarchSentence
	var text *strings.Builder
	fail := func(line int, format string, args ...any) error {
		return fmt.Errorf("%s:%d: %w: %s", name, line, ErrPetrarch, fmt.Sprintf(format, args...))
	}
	finish := func() error {
		if cur == nil {
			return nil
		}
		switch {
		case !cur.hasText:
			return fail(cur.Line, "sentence %q has no <Text>", cur.ID)
		case cur.codings == 0:
			return fail(cur.Line, "sentence %q has no <EventCoding>", cur.ID)
		case cur.NoEvents && len(cur.Gold) > 0:
			return fail(cur.Line, "sentence %q has noevents and events", cur.ID)
		}
		out = append(out, *cur)
		cur = nil
		return nil
	}
	for {
		line, _ := dec.InputPos()
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, _ = dec.InputPos()
			return nil, fmt.Errorf("%s:%d: %w: %w", name, line, ErrPetrarch, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			attr := func(k string) string {
				for _, a := range t.Attr {
					if a.Name.Local == k {
						return a.Value
					}
				}
				return ""
			}
			switch t.Name.Local {
			case "Sentence":
				if err := finish(); err != nil {
					return nil, err
				}
				id, date := attr("id"), attr("date")
				if id == "" {
					return nil, fail(line, "<Sentence> without an id")
				}
				date = isoDate(date)
				cur = &PetrarchSentence{ID: id, Date: date, Line: line}
			case "EventCoding":
				if cur == nil {
					return nil, fail(line, "<EventCoding> outside a <Sentence>")
				}
				cur.codings++
				if strings.EqualFold(attr("noevents"), "true") {
					cur.NoEvents = true
					continue
				}
				tr := PetrarchTriple{Source: attr("sourcecode"), Target: attr("targetcode"), Code: attr("eventcode")}
				if tr.Source == "" || tr.Target == "" || tr.Code == "" {
					return nil, fail(line, "sentence %q: <EventCoding> needs eventcode, sourcecode and targetcode, or noevents", cur.ID)
				}
				cur.Gold = append(cur.Gold, tr)
			case "Text":
				if cur == nil {
					return nil, fail(line, "<Text> outside a <Sentence>")
				}
				text = &strings.Builder{}
			}
		case xml.CharData:
			if text != nil {
				text.Write(t)
			}
		case xml.EndElement:
			if t.Name.Local == "Text" && text != nil {
				cur.Text = strings.Join(strings.Fields(text.String()), " ")
				cur.hasText = true
				text = nil
			}
		}
	}
	if text != nil {
		return nil, fail(cur.Line, "sentence %q: <Text> not closed", cur.ID)
	}
	if err := finish(); err != nil {
		return nil, err
	}
	return out, nil
}

// isoDate turns YYYYMMDD into YYYY-MM-DD, and anything else into "".
func isoDate(s string) string {
	if len(s) != 8 || strings.Trim(s, "0123456789") != "" {
		return ""
	}
	return s[:4] + "-" + s[4:6] + "-" + s[6:]
}
