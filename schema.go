package eventwire

import (
	_ "embed"
	"errors"
	"fmt"
	"unicode/utf8"
)

//go:embed schema/record.schema.json
var schemaJSON string

// Schema returns the JSON Schema (draft 2020-12) that every Record follows.
// docs/schema.md explains it for people.
func Schema() string { return schemaJSON }

// ErrOffset is wrapped by the errors CheckOffsets reports.
var ErrOffset = errors.New("bad offset")

// CheckOffsets checks what the JSON Schema cannot: that every span of the
// record lies inside its text with start <= end, that token and sentence
// spans are ordered, and that the text a mention, quote or cue carries is
// the text at its offsets. It returns all problems found, joined.
func (r *Record) CheckOffsets() error {
	n := utf8.RuneCountInString(r.Text)
	runes := []rune(r.Text)
	var errs []error
	span := func(what string, s, e int) bool {
		if s < 0 || e < s || e > n {
			errs = append(errs, fmt.Errorf("%w: %s [%d,%d) outside text of %d code points", ErrOffset, what, s, e, n))
			return false
		}
		return true
	}
	text := func(what string, s, e int, want string) {
		if span(what, s, e) && string(runes[s:e]) != want {
			errs = append(errs, fmt.Errorf("%w: %s [%d,%d) is %q, record says %q", ErrOffset, what, s, e, string(runes[s:e]), want))
		}
	}
	if d := r.Dateline; d != nil {
		span("dateline", d.Start, d.End)
	}
	for i, b := range r.Boilerplate {
		span(fmt.Sprintf("boilerplate %d", i), b.Start, b.End)
	}
	prev := 0
	for i, s := range r.Sentences {
		what := fmt.Sprintf("sentence %d", i)
		if span(what, s.Start, s.End) && s.Start < prev {
			errs = append(errs, fmt.Errorf("%w: %s starts at %d, before the previous sentence ends (%d)", ErrOffset, what, s.Start, prev))
		}
		prev = s.End
		tp := s.Start
		for k, t := range s.Tokens {
			if t.Start < tp || t.End > s.End || t.End <= t.Start {
				errs = append(errs, fmt.Errorf("%w: %s token %d [%d,%d) not ordered inside the sentence [%d,%d)", ErrOffset, what, k, t.Start, t.End, s.Start, s.End))
			}
			tp = t.End
		}
	}
	for _, e := range r.Entities {
		for _, m := range e.Mentions {
			text("entity "+e.ID+" mention", m.Start, m.End, m.Text)
		}
	}
	for _, q := range r.Quotes {
		span("quote "+q.ID, q.Start, q.End)
		prevEnd := q.Start
		for i, sp := range q.Spans {
			what := fmt.Sprintf("quote %s span %d", q.ID, i)
			if span(what, sp.Start, sp.End) && (sp.Start < prevEnd || sp.End > q.End) {
				errs = append(errs, fmt.Errorf("%w: %s [%d,%d) not ordered inside the quote [%d,%d)", ErrOffset, what, sp.Start, sp.End, q.Start, q.End))
			}
			prevEnd = sp.End
		}
		if q.Speaker != nil {
			text("quote "+q.ID+" speaker", q.Speaker.Start, q.Speaker.End, q.Speaker.Text)
		}
		if q.Cue != nil {
			text("quote "+q.ID+" cue", q.Cue.Start, q.Cue.End, q.Cue.Text)
		}
	}
	for _, v := range r.Events {
		text("event "+v.ID+" trigger", v.Trigger.Start, v.Trigger.End, v.Trigger.Text)
		span("event "+v.ID+" sentence", v.Sentence.Start, v.Sentence.End)
		if v.DateText != nil {
			text("event "+v.ID+" date_text", v.DateText.Start, v.DateText.End, v.DateText.Text)
		}
		if v.Location != nil {
			text("event "+v.ID+" location", v.Location.Start, v.Location.End, v.Location.Text)
		}
		for i, m := range v.Mentions {
			what := fmt.Sprintf("event %s mention %d", v.ID, i)
			text(what+" trigger", m.Trigger.Start, m.Trigger.End, m.Trigger.Text)
			span(what+" sentence", m.Sentence.Start, m.Sentence.End)
		}
	}
	return errors.Join(errs...)
}
