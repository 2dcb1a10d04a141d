package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/eventwire/eventwire"
)

// ErrPLOVER is wrapped by the errors that PLOVERFile returns for a
// malformed gold file.
var ErrPLOVER = errors.New("bad PLOVER gold file")

// EventCoder returns the events of an article (a pipeline followed by the
// event stage). The evaluations give it one gold sentence at a time.
type EventCoder func(a eventwire.Article) ([]eventwire.Event, error)

// ploverLabels maps the older labels of PLOVER_GSR_dev.json to the PLOVER
// 2021 types the event stage writes.
var ploverLabels = map[string]string{
	"DEMAND":      "REQUEST",
	"DISAPPROVE":  "ACCUSE",
	"INVESTIGATE": "ACCUSE",
	"FIGHT":       "ASSAULT",
}

// PLOVERType returns the PLOVER 2021 type for a label of the PLOVER gold
// file: DEMAND → REQUEST, DISAPPROVE and INVESTIGATE → ACCUSE, FIGHT →
// ASSAULT; other labels are returned as they are.
func PLOVERType(label string) string {
	if m, ok := ploverLabels[label]; ok {
		return m
	}
	return label
}

// PLOVERScores are the figures of `eventwire eval plover`. Each record's
// sentence is coded on its own. A record's type is found when some
// predicted event (negated and hypothetical ones included) has its gold
// PLOVER type; its actors are right when one such event also has a source
// among the gold sources and a target among the gold targets, compared by
// country (see ActorCountryIn). Every figure is a recall over records but
// Precision, the share of predicted events whose type is their record's
// gold type: a lower bound, since a sentence may hold events the record
// does not annotate.
type PLOVERScores struct {
	Records   int // records scored (DOCUMENT records are documentation and skipped)
	Type      int // records whose gold type was predicted
	TypeActor int // records whose gold type was predicted with source and target right
	Predicted int // events predicted, all records together
	Correct   int // predicted events of their record's gold type
	// Places counts the records whose gold event has a place (eventLoc);
	// PlaceRight those where some predicted event is placed there (the
	// first word of the gold name in the location's name or words, case
	// ignored: "Jaffna peninsula" is found as Jaffna), PlaceWrong those
	// placed elsewhere and not there.
	Places, PlaceRight, PlaceWrong int
	// Recall is Type/Records, ActorRecall TypeActor/Records, Precision
	// Correct/Predicted, PerRecord Predicted/Records.
	Recall, ActorRecall, Precision, PerRecord float64
	// ByType holds the same counts by gold type (after relabelling).
	ByType map[string]*PLOVERTypeScores
}

// PLOVERTypeScores are the counts of one gold PLOVER type.
type PLOVERTypeScores struct {
	Records, Type, TypeActor int
}

func (s PLOVERScores) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "PLOVER: %d records, %d events predicted (%.2f per record)\n", s.Records, s.Predicted, s.PerRecord)
	fmt.Fprintf(&b, "type recall                          %6.2f%% (%d)\n", 100*s.Recall, s.Type)
	fmt.Fprintf(&b, "type, source and target right        %6.2f%% (%d)\n", 100*s.ActorRecall, s.TypeActor)
	fmt.Fprintf(&b, "predicted events of the gold type    %6.2f%% (%d; a lower bound on precision)\n", 100*s.Precision, s.Correct)
	fmt.Fprintf(&b, "places: %d records name one; %d placed there, %d elsewhere, %d not placed\n",
		s.Places, s.PlaceRight, s.PlaceWrong, s.Places-s.PlaceRight-s.PlaceWrong)
	fmt.Fprintf(&b, "%-12s %7s %7s %7s\n", "gold type", "records", "type", "actors")
	types := make([]string, 0, len(s.ByType))
	for t := range s.ByType {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		c := s.ByType[t]
		fmt.Fprintf(&b, "%-12s %7d %7d %7d\n", t, c.Records, c.Type, c.TypeActor)
	}
	b.WriteString("Labels mapped: DEMAND→REQUEST, DISAPPROVE→ACCUSE, INVESTIGATE→ACCUSE, FIGHT→ASSAULT. Actors compared by country (first three letters of the gold code); a side the record leaves empty accepts any actor.")
	return b.String()
}

// ploverRecord is one record of the PLOVER gold file. Source and target
// are lists of actors or, in a few records, a string or null; those are
// read as no actor.
type ploverRecord struct {
	ID     string          `json:"id"`
	Event  string          `json:"event"`
	Date   string          `json:"date"`
	Text   string          `json:"text"`
	Source json.RawMessage `json:"source"`
	Target json.RawMessage `json:"target"`
	Place  struct {
		Name string `json:"name"`
	} `json:"eventLoc"`
}

// PLOVERActor is a gold actor of the PLOVER file.
type PLOVERActor struct {
	Text   string `json:"actorText"`
	Code   string `json:"code"`
	Sector string `json:"sector"`
}

// PLOVERFile scores an event coder on a PLOVER gold file
// (PLOVER_GSR_dev.json: one JSON array of records).
func PLOVERFile(path string, code EventCoder) (PLOVERScores, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return PLOVERScores{}, err
	}
	return PLOVER(bytes.NewReader(data), path, code)
}

// PLOVER scores an event coder on PLOVER gold records read from r; name
// names the input in errors, which give the line of the bad record.
func PLOVER(r io.Reader, name string, code EventCoder) (PLOVERScores, error) {
	sc := PLOVERScores{ByType: map[string]*PLOVERTypeScores{}}
	data, err := io.ReadAll(r)
	if err != nil {
		return sc, fmt.Errorf("%s: %w", name, err)
	}
	line := func(off int64) int {
		off = min(max(off, 0), int64(len(data)))
		return 1 + bytes.Count(data[:off], []byte{'\n'})
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	bad := func(err error) error {
		off := dec.InputOffset()
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			off = se.Offset
		case errors.As(err, &te):
			off = te.Offset
		}
		return fmt.Errorf("%s:%d: %w: %w", name, line(off), ErrPLOVER, err)
	}
	if tok, err := dec.Token(); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return sc, bad(err)
	} else if d, ok := tok.(json.Delim); !ok || d != '[' {
		return sc, bad(errors.New("the file is not a JSON array of records"))
	}
	for dec.More() {
		// the record starts after the separator that InputOffset stops before
		off := dec.InputOffset()
		for off < int64(len(data)) && strings.IndexByte(", \t\r\n", data[off]) >= 0 {
			off++
		}
		start := line(off)
		var rec ploverRecord
		if err := dec.Decode(&rec); err != nil {
			return sc, bad(err)
		}
		if rec.Event == "DOCUMENT" {
			continue
		}
		if rec.Event == "" || strings.TrimSpace(rec.Text) == "" {
			return sc, fmt.Errorf("%s:%d: %w: record %q has no event or no text", name, start, ErrPLOVER, rec.ID)
		}
		srcs, err := ploverActors(rec.Source)
		if err != nil {
			return sc, fmt.Errorf("%s:%d: %w: record %q: source: %w", name, start, ErrPLOVER, rec.ID, err)
		}
		tgts, err := ploverActors(rec.Target)
		if err != nil {
			return sc, fmt.Errorf("%s:%d: %w: record %q: target: %w", name, start, ErrPLOVER, rec.ID, err)
		}
		evs, err := code(eventwire.Article{ID: rec.ID, Published: rec.Date, Text: rec.Text,
			Origin: eventwire.Origin{Name: name, Line: start}})
		if err != nil {
			return sc, err
		}
		gold := PLOVERType(rec.Event)
		bt := sc.ByType[gold]
		if bt == nil {
			bt = &PLOVERTypeScores{}
			sc.ByType[gold] = bt
		}
		sc.Records++
		bt.Records++
		sc.Predicted += len(evs)
		okType, okActors := false, false
		for i := range evs {
			e := &evs[i]
			if e.PLOVER != gold {
				continue
			}
			sc.Correct++
			okType = true
			okActors = okActors || ActorCountryIn(e.Source, srcs) && ActorCountryIn(e.Target, tgts)
		}
		if okType {
			sc.Type++
			bt.Type++
		}
		if okActors {
			sc.TypeActor++
			bt.TypeActor++
		}
		if f := strings.Fields(rec.Place.Name); len(f) > 0 {
			sc.Places++
			switch placedAt(evs, strings.ToLower(f[0])) {
			case 1:
				sc.PlaceRight++
			case -1:
				sc.PlaceWrong++
			}
		}
	}
	if _, err := dec.Token(); err != nil {
		return sc, bad(err)
	}
	sc.Recall = ratio(sc.Type, sc.Records)
	sc.ActorRecall = ratio(sc.TypeActor, sc.Records)
	sc.Precision = ratio(sc.Correct, sc.Predicted)
	sc.PerRecord = ratio(sc.Predicted, sc.Records)
	return sc, nil
}

// placedAt returns 1 when an event is placed at the place whose first
// word is word (lower case), -1 when events are placed but none there, 0
// when none is placed.
func placedAt(evs []eventwire.Event, word string) int {
	placed := 0
	for _, e := range evs {
		if l := e.Location; l != nil {
			if strings.Contains(strings.ToLower(l.Name), word) || strings.Contains(strings.ToLower(l.Text), word) {
				return 1
			}
			placed = -1
		}
	}
	return placed
}

// ploverActors reads a record's source or target: a list of actors, or a
// string or null meaning none.
func ploverActors(raw json.RawMessage) ([]PLOVERActor, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '[' {
		var s *string
		if err := json.Unmarshal(raw, &s); len(raw) > 0 && err != nil {
			return nil, errors.New("want a list of actors, a string or null")
		}
		return nil, nil
	}
	var as []PLOVERActor
	if err := json.Unmarshal(raw, &as); err != nil {
		return nil, err
	}
	return as, nil
}

// ActorCountryIn reports whether a predicted actor is one of the gold
// actors by country: the first three letters of a gold code ("USA", or
// "IGO" for international organisations) equal the actor's country or
// begin its code. Any actor, or none, will do when the gold side is empty.
func ActorCountryIn(a *eventwire.EventActor, gold []PLOVERActor) bool {
	if len(gold) == 0 {
		return true
	}
	if a == nil {
		return false
	}
	for _, g := range gold {
		if len(g.Code) >= 3 && (a.Country == g.Code[:3] || strings.HasPrefix(a.Actor, g.Code[:3])) {
			return true
		}
	}
	return false
}
