package event

import "github.com/eventwire/eventwire"

// merge folds events stated more than once in an article into one: the
// same source and target (by entity, or by actor code for a side without
// an entity), CAMEO code, negation, hypothesis and date. The first
// statement stays the event's trigger and sentence; every statement,
// the first included, is listed in Mentions, in text order. A location
// the first statement lacks is taken from a later one. ev is in text
// order; merge reuses its storage.
func merge(ev []eventwire.Event) []eventwire.Event {
	out := ev[:0]
	for _, e := range ev {
		e.Mentions = []eventwire.EventMention{{Trigger: e.Trigger, Sentence: e.Sentence}}
		k := -1
		for i := range out {
			if sameEvent(&out[i], &e) {
				k = i
				break
			}
		}
		if k < 0 {
			out = append(out, e)
			continue
		}
		o := &out[k]
		if o.Mentions[len(o.Mentions)-1].Trigger != e.Trigger {
			o.Mentions = append(o.Mentions, e.Mentions[0])
		}
		if o.Location == nil {
			o.Location = e.Location
		}
	}
	return out
}

func sameEvent(a, b *eventwire.Event) bool {
	return a.CAMEO == b.CAMEO && a.Negated == b.Negated && a.Hypothetical == b.Hypothetical &&
		sameSide(a.Source, b.Source) && sameSide(a.Target, b.Target) && sameDate(a.Date, b.Date)
}

func sameSide(a, b *eventwire.EventActor) bool {
	switch {
	case a == nil || b == nil:
		return a == b
	case a.Entity != "" || b.Entity != "":
		return a.Entity == b.Entity
	}
	return a.Actor == b.Actor && a.Name == b.Name
}

func sameDate(a, b *string) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}
