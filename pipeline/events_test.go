package pipeline

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/source"
)

// want describes an event a test expects: the trigger word of one of its
// statements (any when empty), the actor codes its source and target start with ("" for any,
// "-" for none), the CAMEO roots it may have, and its flags.
type want struct {
	trigger        string
	source, target string
	roots          string // space-separated two-digit roots
	negated, hypo  bool
}

func (w want) String() string {
	return fmt.Sprintf("%q %s->%s roots %s neg=%v hyp=%v", w.trigger, w.source, w.target, w.roots, w.negated, w.hypo)
}

func (w want) matches(e *eventwire.Event) bool {
	return w.saidBy(e) &&
		side(e.Source, w.source) && side(e.Target, w.target) &&
		slices.Contains(strings.Fields(w.roots), e.CAMEORoot) &&
		e.Negated == w.negated && e.Hypothetical == w.hypo
}

// saidBy reports whether one of the event's statements has the trigger.
func (w want) saidBy(e *eventwire.Event) bool {
	if w.trigger == "" || strings.EqualFold(e.Trigger.Text, w.trigger) {
		return true
	}
	for _, m := range e.Mentions {
		if strings.EqualFold(m.Trigger.Text, w.trigger) {
			return true
		}
	}
	return false
}

func side(a *eventwire.EventActor, code string) bool {
	switch code {
	case "":
		return true
	case "-":
		return a == nil
	}
	return a != nil && strings.HasPrefix(a.Actor, code)
}

func eventList(evs []eventwire.Event) string {
	var b strings.Builder
	for _, e := range evs {
		src, tgt := "-", "-"
		if e.Source != nil {
			src = e.Source.Name + "/" + e.Source.Actor
		}
		if e.Target != nil {
			tgt = e.Target.Name + "/" + e.Target.Actor
		}
		fmt.Fprintf(&b, "\n  %s %q %s->%s %s neg=%v hyp=%v", e.ID, e.Trigger.Text, src, tgt, e.CAMEO, e.Negated, e.Hypothetical)
	}
	return b.String()
}

func findEvent(evs []eventwire.Event, w want) *eventwire.Event {
	for i := range evs {
		if w.matches(&evs[i]) {
			return &evs[i]
		}
	}
	return nil
}

// TestSeedEvents checks the events of the reference article that the
// issue lists: each coded as a careful analyst would, and the denied,
// negated and possible ones flagged, never plain.
func TestSeedEvents(t *testing.T) {
	r := seedRecord(t)
	evs := r.Events
	for _, w := range []want{
		{trigger: "Agree", source: "USA", target: "RUS", roots: "03"},      // the headline
		{trigger: "Agree", source: "RUS", target: "USA", roots: "03"},      // reciprocal
		{source: "USAGOV", target: "RUSGOV", roots: "04"},                  // the Kerry–Lavrov talks
		{trigger: "disagrees", source: "RUS", target: "USA", roots: "11"},  // Moscow disagrees with Washington
		{source: "USAGOV", target: "IGOWSTNAT", roots: "02 10"},            // Kerry's call on the alliance
		{trigger: "sent", source: "IGOWSTNAT", target: "TUR", roots: "07"}, // the Patriot batteries
		{trigger: "defend", source: "IGOWSTNAT", target: "TUR", roots: "03 06 07"},
		{trigger: "called", source: "USAGOV", roots: "02 10", negated: true}, // "he had not called for more planning"
		{trigger: "ask", source: "USAGOV", roots: "02 10", negated: true},    // "I didn't ask for additional planning"
		{trigger: "intervening", source: "IGOWSTNAT", roots: "17 18 19 20", negated: true},
		{trigger: "attack", source: "SYR", roots: "18 19 20", hypo: true}, // "possible attack from Syria"
	} {
		if findEvent(evs, w) == nil {
			t.Errorf("no event %v among:%s", w, eventList(evs))
		}
	}
	// What did not happen is never a plain event.
	for _, trig := range []string{"called", "ask", "intervening", "attack", "step"} {
		for _, e := range evs {
			if strings.EqualFold(e.Trigger.Text, trig) && !e.Negated && !e.Hypothetical {
				t.Errorf("plain event on %q: %s", trig, eventList([]eventwire.Event{e}))
			}
		}
	}
	// The talks took place in Brussels on the day of publication.
	if e := findEvent(evs, want{trigger: "talks", target: "RUSGOV", roots: "04"}); e == nil {
		t.Errorf("no talks with Lavrov among:%s", eventList(evs))
	} else {
		if e.Date == nil || *e.Date != "2013-04-23" {
			t.Errorf("talks dated %v, want 2013-04-23", e.Date)
		}
		if e.Location == nil || e.Location.Name != "Brussels" || e.Location.Country != "BEL" {
			t.Errorf("talks located %+v, want Brussels, BEL", e.Location)
		}
	}
}

// TestEventCases checks the events of an article written for the
// purpose (testdata/articles/events-border.txt, published on Thursday
// 2024-03-14): compound and reciprocal actors, a passive, negation, a
// conditional, a threat and what it threatens, relative dates, the
// dateline as the place, and a meeting reported twice merged into one
// event with two mentions.
func TestEventCases(t *testing.T) {
	a := read(t, "testdata/articles/events-border.txt", source.Options{Published: "2024-03-14"})[0]
	d, err := newPipeline(t, Options{Entities: true}).Process(a)
	if err != nil {
		t.Fatal(err)
	}
	r := d.Record(eventwire.RecordOptions{})
	validate(t, compile(t), "events-border.txt", &r)
	evs := r.Events
	for _, c := range []struct {
		want     want
		date     string // "" for any
		place    string // "" for any
		mentions int    // 0 for any
	}{
		{want{trigger: "met", source: "HUNGOV", target: "ROUGOV", roots: "04"}, "2024-03-12", "Budapest", 2},
		{want{trigger: "met", source: "ROUGOV", target: "HUNGOV", roots: "04"}, "2024-03-12", "Budapest", 2},
		{want{trigger: "attacked", target: "ROU", roots: "18 19"}, "2024-03-11", "Budapest", 1},
		{want{trigger: "ask", source: "ROU", target: "HUN", roots: "02 10", negated: true}, "", "", 0},
		{want{trigger: "impose", source: "HUN", target: "ROU", roots: "16", hypo: true}, "", "", 0},
		{want{trigger: "threatened", source: "HUN", target: "ROU", roots: "13"}, "2024-03-07", "", 0},
		{want{trigger: "expel", source: "HUN", target: "ROU", roots: "16", hypo: true}, "", "", 0},
		{want{trigger: "criticised", source: "RUS", roots: "11"}, "2024-03-13", "", 0},
		{want{trigger: "criticised", source: "CHN", roots: "11"}, "2024-03-13", "", 0},
	} {
		e := findEvent(evs, c.want)
		if e == nil {
			t.Errorf("no event %v among:%s", c.want, eventList(evs))
			continue
		}
		if c.date != "" && (e.Date == nil || *e.Date != c.date) {
			t.Errorf("%v: date %v (from %+v), want %s", c.want, e.Date, e.DateText, c.date)
		}
		if c.place != "" && (e.Location == nil || e.Location.Name != c.place) {
			t.Errorf("%v: location %+v, want %s", c.want, e.Location, c.place)
		}
		if c.mentions != 0 && len(e.Mentions) != c.mentions {
			t.Errorf("%v: %d mentions, want %d: %+v", c.want, len(e.Mentions), c.mentions, e.Mentions)
		}
	}
}
