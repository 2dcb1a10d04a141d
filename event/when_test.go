package event

import (
	"slices"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/eventwire/eventwire"
)

// dates codes text published on pub and returns, for each event's
// trigger (repeats of a trigger once), "trigger date [date text]", with
// "-" for a missing date and no brackets for no date text.
func dates(tb testing.TB, text, pub string) []string {
	tb.Helper()
	s := testStages(tb)
	doc := s.Analyse(eventwire.Article{Text: text, Published: pub})
	s.Stage.Code(doc)
	out := []string{}
	for _, e := range doc.Events {
		d := "-"
		if e.Date != nil {
			d = *e.Date
		}
		if e.DateText != nil {
			d += " [" + e.DateText.Text + "]"
		}
		if x := e.Trigger.Text + " " + d; !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

func TestWhen(t *testing.T) {
	const tue = "2013-04-23" // a Tuesday
	tests := []struct {
		name, text, pub string
		want            []string
	}{
		{"publication date by default", "Russia attacked Ukraine.", tue, []string{"attacked 2013-04-23"}},
		{"no publication date, no date", "Russia attacked Ukraine.", "", []string{"attacked -"}},
		{"bad publication date", "Russia attacked Ukraine.", "2013-13-45", []string{"attacked -"}},
		{"weekday on or before publication", "Russia attacked Ukraine on Sunday.", tue, []string{"attacked 2013-04-21 [Sunday]"}},
		{"weekday of publication", "Russia attacked Ukraine on Tuesday.", tue, []string{"attacked 2013-04-23 [Tuesday]"}},
		{"last weekday is before publication", "Russia attacked Ukraine last Tuesday.", tue, []string{"attacked 2013-04-16 [last Tuesday]"}},
		{"weekday with a part of the day", "Egypt condemned Israel on Monday night.", tue, []string{"condemned 2013-04-22 [Monday night]"}},
		{"weekday in the future tense", "Egypt will meet Israel on Friday.", tue, []string{"meet 2013-04-26 [Friday]"}},
		{"next weekday", "Egypt will meet Israel next Tuesday.", tue, []string{"meet 2013-04-30 [next Tuesday]"}},
		{"weekday without a publication date", "Russia attacked Ukraine on Sunday.", "", []string{"attacked -"}},
		{"possessive weekday on a noun", "Iran condemned Sunday's attack on Syria by Israel.", tue, []string{"condemned 2013-04-23", "attack 2013-04-21 [Sunday]"}},
		{"yesterday", "Russia attacked Ukraine yesterday.", tue, []string{"attacked 2013-04-22 [yesterday]"}},
		{"today", "Egypt criticized Israel today.", tue, []string{"criticized 2013-04-23 [today]"}},
		{"last night", "Syrian troops attacked Turkey last night.", tue, []string{"attacked 2013-04-22 [last night]"}},
		{"last week: a week before", "Egypt criticized Israel last week.", tue, []string{"criticized 2013-04-16 [last week]"}},
		{"this week: publication", "Egypt criticized Israel this week.", tue, []string{"criticized 2013-04-23 [this week]"}},
		{"last month across a year", "Egypt criticized Israel last month.", "2013-01-10", []string{"criticized 2012-12-10 [last month]"}},
		{"earlier this month", "Egypt criticized Israel earlier this month.", tue, []string{"criticized 2013-04-23 [earlier this month]"}},
		{"last year", "Egypt criticized Israel last year.", tue, []string{"criticized 2012-04-23 [last year]"}},
		{"days ago", "Egypt criticized Israel three days ago.", tue, []string{"criticized 2013-04-20 [three days ago]"}},
		{"last June", "Egypt criticized Israel last June.", tue, []string{"criticized 2012-06-01 [last June]"}},
		{"a past month this year", "Egypt criticized Israel in March.", tue, []string{"criticized 2013-03-01 [March]"}},
		{"a later month in the past tense", "Egypt criticized Israel in June.", tue, []string{"criticized 2012-06-01 [June]"}},
		{"a month in the future tense", "Egypt will meet Israel in June.", tue, []string{"meet 2013-06-01 [June]"}},
		{"month of a named year", "Egypt criticized Israel in June last year.", tue, []string{"criticized 2012-06-01 [June last year]"}},
		{"month and day", "Egypt criticized Israel on April 2.", tue, []string{"criticized 2013-04-02 [April 2]"}},
		{"month and day after publication", "Egypt criticized Israel on May 2.", tue, []string{"criticized 2012-05-02 [May 2]"}},
		{"full date", "Iraq invaded Kuwait on Aug. 2, 1990.", tue, []string{"invaded 1990-08-02 [Aug. 2, 1990]"}},
		{"day month year", "Egypt criticized Israel on 2 April 2012.", tue, []string{"criticized 2012-04-02 [2 April 2012]"}},
		{"full date without publication", "Egypt criticized Israel on 2 April 2012.", "", []string{"criticized 2012-04-02 [2 April 2012]"}},
		{"year alone", "Iran attacked Iraq in 1980.", "", []string{"attacked 1980-01-01 [1980]"}},
		{"weekday and date: the date", "Egypt criticized Israel on Tuesday, April 16.", tue, []string{"criticized 2013-04-16 [Tuesday, April 16]"}},
		{"light verb's date", "Pakistan held talks with India on Monday.", tue, []string{"held 2013-04-22 [Monday]"}},
		{"participle dated through a misattached phrase", "Syria rejected a peace plan agreed in Geneva last June.", tue, []string{"rejected 2013-04-23", "agreed 2012-06-01 [last June]"}},
		{"a bound is not the day", "Russia has attacked Ukraine since Monday.", tue, []string{"attacked 2013-04-23"}},
		{"a bound inside the phrase", "Egypt will impose tariffs on Israel from April 1.", tue, []string{"impose 2013-04-23"}},
		{"present tense: the nearer date", "If Israel attacks Syria on May 2, Egypt will respond.", tue, []string{"attacks 2013-05-02 [May 2]"}},
		{"a time phrase misattached to the agent", "The Romanian embassy was attacked by Hungarian protesters on Monday night.", tue, []string{"attacked 2013-04-22 [Monday night]"}},
		{"a past verb's infinitive", "Hungary threatened to expel Romanian diplomats last week.", tue, []string{"threatened 2013-04-16 [last week]", "expel 2013-04-16 [last week]"}},
		{"a present verb's infinitive", "Hungary plans to expel Romanian diplomats next week.", tue, []string{"expel 2013-04-30 [next week]"}},
		{"the first of two months, of the year named", "Egypt will meet Israel in July or August next year.", tue, []string{"meet 2014-07-01 [July or August next year]"}},
		{"months before a year attached apart", "Egypt criticized Israel in July or August last year.", tue, []string{"criticized 2012-07-01 [July or August last year]"}},
		{"a vague distance is no day", "Egypt criticized Israel a few days ago.", tue, []string{"criticized 2013-04-23"}},
		{"a bound outside the phrase", "Egypt criticized Israel before the deadline of March 31.", tue, []string{"criticized 2013-04-23"}},
		{"a span is not a day", "Egypt will send aid to Syria over the next three years.", tue, []string{"send 2013-04-23"}},
		{"the saying's date stays with the saying", "Russia said last week that Iran attacked Israel.", tue, []string{"attacked 2013-04-23"}},
		{"the main clause's own date", "Egypt accused Israel last week of violating the truce.", tue, []string{"accused 2013-04-16 [last week]", "violating 2013-04-23"}},
		{"a month name that is a modal", "Egypt may criticize Israel.", tue, []string{"criticize 2013-04-23"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := dates(t, tt.text, tt.pub); !slices.Equal(got, tt.want) {
				t.Errorf("%q published %q:\n got %q\nwant %q", tt.text, tt.pub, got, tt.want)
			}
		})
	}
}

// TestWhenDateText checks the offsets of the date's words.
func TestWhenDateText(t *testing.T) {
	s := testStages(t)
	text := "Ägypten: Egypt criticized Israel last June."
	doc := s.Analyse(eventwire.Article{Text: text, Published: "2013-04-23"})
	s.Stage.Code(doc)
	if len(doc.Events) == 0 || doc.Events[0].DateText == nil {
		t.Fatalf("no dated event: %+v", doc.Events)
	}
	m := doc.Events[0].DateText
	if got := string([]rune(text)[m.Start:m.End]); got != "last June" || m.Text != got {
		t.Errorf("date text %+v covers %q, want \"last June\"", *m, got)
	}
}

// TestResolve checks the calendar arithmetic on its own.
func TestResolve(t *testing.T) {
	tests := []struct {
		name  string
		f     dateWords
		pub   string
		tense tense
		want  string
	}{
		{"Sunday from a Sunday", dateWords{weekday: 1}, "2013-04-21", tensePast, "2013-04-21"},
		{"Saturday from a Sunday", dateWords{weekday: 7}, "2013-04-21", tensePast, "2013-04-20"},
		{"Monday from a Sunday, future", dateWords{weekday: 2}, "2013-04-21", tenseFuture, "2013-04-22"},
		{"Sunday from a Sunday, future", dateWords{weekday: 1}, "2013-04-21", tenseFuture, "2013-04-21"},
		{"last Sunday from a Sunday", dateWords{weekday: 1, mod: 'l'}, "2013-04-21", tensePast, "2013-04-14"},
		{"next Sunday from a Sunday", dateWords{weekday: 1, mod: 'n'}, "2013-04-21", tensePast, "2013-04-28"},
		{"the weekend", dateWords{unit: 'e'}, "2013-04-23", tensePast, "2013-04-20"},
		{"this weekend", dateWords{unit: 'e', mod: 't'}, "2013-04-23", tensePresent, "2013-04-27"},
		{"this Sunday from a Monday", dateWords{weekday: 1, mod: 't'}, "2013-04-22", tensePresent, "2013-04-28"},
		{"this Monday from a Sunday", dateWords{weekday: 2, mod: 't'}, "2013-04-28", tensePresent, "2013-04-22"},
		{"last week from a Sunday", dateWords{unit: 'w', mod: 'l'}, "2013-04-21", tensePast, "2013-04-14"},
		{"next month in December", dateWords{unit: 'm', mod: 'n'}, "2013-12-31", tensePast, "2014-01-31"},
		{"a month ago on the 31st", dateWords{unit: 'm', ago: true, count: 1}, "2013-03-31", tensePast, "2013-02-28"},
		{"two weeks ago", dateWords{unit: 'w', ago: true, count: 2}, "2013-04-23", tensePast, "2013-04-09"},
		{"yesterday on the 1st", dateWords{rel: true, shift: -1}, "2013-03-01", tensePast, "2013-02-28"},
		{"December in January", dateWords{month: 12}, "2013-01-05", tensePast, "2012-12-01"},
		{"last April in April", dateWords{month: 4, mod: 'l'}, "2013-04-23", tensePast, "2012-04-01"},
		{"next April in April", dateWords{month: 4, mod: 'n'}, "2013-04-23", tensePast, "2014-04-01"},
		{"April 30 in April, past", dateWords{month: 4, day: 30}, "2013-04-23", tensePast, "2012-04-30"},
		{"April 30 in April, future", dateWords{month: 4, day: 30}, "2013-04-23", tenseFuture, "2013-04-30"},
		{"April 30 in April, present: the nearer", dateWords{month: 4, day: 30}, "2013-04-23", tensePresent, "2013-04-30"},
		{"April 1 in April, present: the nearer", dateWords{month: 4, day: 1}, "2013-04-23", tensePresent, "2013-04-01"},
		{"October in April, present: the nearer", dateWords{month: 10}, "2013-04-23", tensePresent, "2012-10-01"},
		{"September in April, present: the nearer", dateWords{month: 9}, "2013-04-23", tensePresent, "2013-09-01"},
		{"this June", dateWords{month: 6, mod: 't'}, "2013-04-23", tensePast, "2013-06-01"},
		{"Tuesday, present: on or before", dateWords{weekday: 3}, "2013-04-25", tensePresent, "2013-04-23"},
		{"February 30 is no day", dateWords{month: 2, day: 30}, "2013-04-23", tensePast, "-"},
		{"February 30, 2012 is no day", dateWords{month: 2, day: 30, year: 2012}, "", tensePast, "-"},
		{"a bare unit is no day", dateWords{unit: 'w'}, "2013-04-23", tensePast, "-"},
		{"relative without publication", dateWords{rel: true, shift: -1}, "", tensePast, "-"},
	}
	for _, tt := range tests {
		pub, err := time.Parse(dayLayout, tt.pub)
		r := dateRef{pub: pub, known: err == nil, tense: tt.tense}
		got := "-"
		if d, ok := tt.f.resolve(&r); ok {
			got = d.Format(dayLayout)
		}
		if got != tt.want {
			t.Errorf("%s: got %s, want %s", tt.name, got, tt.want)
		}
	}
}

// FuzzWhen feeds arbitrary time phrases and publication dates: dates
// must be well formed and date texts must be the words they cover.
func FuzzWhen(f *testing.F) {
	for _, s := range []string{"on Monday night", "last June", "in 2012", "on Aug. 2, 1990", "3 days ago", "on May 32", "in June 99999", "next Sunday, March 0"} {
		f.Add(s, "2013-04-23")
	}
	f.Add("yesterday", "")
	f.Add("this week", "0000-01-01")
	f.Fuzz(func(t *testing.T, phrase, pub string) {
		if !utf8.ValidString(phrase) || len(phrase) > 200 {
			return
		}
		s := testStages(t)
		text := "Russia attacked Ukraine " + phrase + "."
		doc := s.Analyse(eventwire.Article{Text: text, Published: pub})
		s.Stage.Code(doc)
		for _, e := range doc.Events {
			if e.Date != nil {
				if _, err := time.Parse(dayLayout, *e.Date); err != nil {
					t.Errorf("%q: bad date %q", text, *e.Date)
				}
			}
			if m := e.DateText; m != nil {
				if m.Start < 0 || m.End > len(doc.Runes) || m.Start >= m.End || string(doc.Runes[m.Start:m.End]) != m.Text {
					t.Errorf("%q: bad date text %+v", text, *m)
				}
				if e.Date == nil {
					t.Errorf("%q: date text %q without a date", text, m.Text)
				}
			}
		}
	})
}
