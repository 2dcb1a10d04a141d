package event

import (
	"testing"

	"github.com/eventwire/eventwire"
)

func TestMergeRepeats(t *testing.T) {
	day := func(s string) *string { return &s }
	side := func(e string) *eventwire.EventActor { return &eventwire.EventActor{Entity: e, Actor: "X" + e} }
	ev := func(start int, code, src, tgt string, neg bool, date *string) eventwire.Event {
		e := eventwire.Event{CAMEO: code, Negated: neg, Date: date,
			Trigger: eventwire.Mention{Start: start, End: start + 3, Text: "met"}, Sentence: eventwire.Span{Start: start, End: start + 9}}
		if src != "" {
			e.Source = side(src)
		}
		if tgt != "" {
			e.Target = side(tgt)
		}
		return e
	}
	paris := &eventwire.Location{Name: "Paris"}
	located := ev(40, "040", "E1", "E2", false, nil)
	located.Location = paris
	tests := []struct {
		name     string
		in       []eventwire.Event
		mentions []int // per event out, its number of mentions
	}{
		{"one", []eventwire.Event{ev(0, "040", "E1", "E2", false, nil)}, []int{1}},
		{"repeated", []eventwire.Event{ev(0, "040", "E1", "E2", false, nil), ev(20, "040", "E1", "E2", false, nil)}, []int{2}},
		{"other code", []eventwire.Event{ev(0, "040", "E1", "E2", false, nil), ev(20, "042", "E1", "E2", false, nil)}, []int{1, 1}},
		{"other direction", []eventwire.Event{ev(0, "040", "E1", "E2", false, nil), ev(20, "040", "E2", "E1", false, nil)}, []int{1, 1}},
		{"negated apart", []eventwire.Event{ev(0, "040", "E1", "E2", false, nil), ev(20, "040", "E1", "E2", true, nil)}, []int{1, 1}},
		{"other date", []eventwire.Event{ev(0, "040", "E1", "E2", false, day("2024-03-12")), ev(20, "040", "E1", "E2", false, day("2024-03-13"))}, []int{1, 1}},
		{"same date", []eventwire.Event{ev(0, "040", "E1", "E2", false, day("2024-03-12")), ev(20, "040", "E1", "E2", false, day("2024-03-12"))}, []int{2}},
		{"no target twice", []eventwire.Event{ev(0, "190", "E1", "", false, nil), ev(20, "190", "E1", "", false, nil)}, []int{2}},
		{"target and none", []eventwire.Event{ev(0, "190", "E1", "E2", false, nil), ev(20, "190", "E1", "", false, nil)}, []int{1, 1}},
		{"three, one apart", []eventwire.Event{ev(0, "040", "E1", "E2", false, nil), ev(10, "111", "E3", "E2", false, nil), ev(20, "040", "E1", "E2", false, nil)}, []int{2, 1}},
		{"location from a later mention", []eventwire.Event{ev(0, "040", "E1", "E2", false, nil), located}, []int{2}},
	}
	for _, tt := range tests {
		got := merge(tt.in)
		if len(got) != len(tt.mentions) {
			t.Errorf("%s: %d events, want %d", tt.name, len(got), len(tt.mentions))
			continue
		}
		for i, e := range got {
			if len(e.Mentions) != tt.mentions[i] {
				t.Errorf("%s: event %d has %d mentions, want %d", tt.name, i, len(e.Mentions), tt.mentions[i])
			}
			if e.Mentions[0].Trigger != e.Trigger || e.Mentions[0].Sentence != e.Sentence {
				t.Errorf("%s: event %d's first mention %+v is not its trigger %+v", tt.name, i, e.Mentions[0], e.Trigger)
			}
		}
		if tt.name == "location from a later mention" && got[0].Location != paris {
			t.Errorf("%s: location %+v, want the later mention's", tt.name, got[0].Location)
		}
	}
}
