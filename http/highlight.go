package http

import (
	"cmp"
	"fmt"
	"html"
	"html/template"
	"net/url"
	"slices"
	"strings"

	"github.com/eventwire/eventwire"
)

// The layers of highlighting, outermost first: an element of a layer is
// always opened outside the elements of the layers after it.
const (
	layerQuote = iota
	layerMention
	layerTrigger
	numLayers
)

// mark is one highlighted range of the text: the element that wraps it.
type mark struct {
	Start, End int      // code points, half-open
	tag        string   // "span" or "a"
	attrs      string   // escaped attributes, each with a leading space
	id         string   // written on the first piece only, when split
	titles     []string // of a trigger: one line per event
	codes      []string // of a trigger: the CAMEO codes of its events
	opened     bool
}

// highlight renders the record's text as HTML with its quotes, entity
// mentions and event triggers marked up, every piece of text escaped:
//
//   - a quote is <span class="quote quote-KIND" data-speaker="NAME"
//     title="NAME — CUE" id="quote-ID">;
//   - an entity mention is <a class="ent ent-TYPE actor-link"
//     href="/actors/CODE" data-actor="CODE" title="..."> when the entity
//     has an actor code with a page (see linkable), else <span
//     class="ent ent-TYPE" title="...">;
//     pronouns and nominals also get class "ref";
//   - an event trigger is <span class="trigger" data-cameo="CODES"
//     title="CAMEO PLOVER · SOURCE → TARGET · DATE · PLACE">, one title
//     line per event when several share the trigger.
//
// Quotes are outermost, then mentions, then triggers. Within a layer,
// ranges are taken by start, the longer first, and one that overlaps an
// earlier one is dropped (an identical trigger merges into it); across
// layers an inner range that crosses an outer one's edge is split in two,
// so the elements always nest. Offsets are code points; ranges outside
// the text are clipped and empty ones dropped.
func highlight(r eventwire.Record) template.HTML {
	var layers [numLayers][]mark
	for _, q := range r.Quotes {
		speaker, title := "unknown speaker", "unknown speaker"
		if q.Speaker != nil {
			speaker = cmp.Or(q.Speaker.Name, q.Speaker.Text, speaker)
			title = speaker
		}
		if q.Cue != nil && q.Cue.Text != "" {
			title += " — " + q.Cue.Text
		}
		layers[layerQuote] = append(layers[layerQuote], mark{
			Start: q.Start, End: q.End, tag: "span",
			attrs: fmt.Sprintf(` class="quote quote-%s" data-speaker="%s" title="%s"`,
				html.EscapeString(q.Kind), html.EscapeString(speaker), html.EscapeString(title)),
			id: "quote-" + q.ID,
		})
	}
	for _, e := range r.Entities {
		typ := strings.ToLower(e.Type)
		for _, m := range e.Mentions {
			class := "ent ent-" + typ
			if m.Kind == eventwire.MentionPronoun || m.Kind == eventwire.MentionNominal {
				class += " ref"
			}
			title := e.Name + " · " + e.Type
			if m.Kind != "" && m.Kind != eventwire.MentionName {
				title += " · " + m.Kind
			}
			mk := mark{Start: m.Start, End: m.End, tag: "span"}
			if e.Actor != nil && e.Actor.Code != "" {
				title += " · " + e.Actor.Code
			}
			if e.Actor != nil && linkable(e.Actor.Code) {
				mk.tag = "a"
				mk.attrs = fmt.Sprintf(` class="%s actor-link" href="%s" data-actor="%s"`,
					html.EscapeString(class), html.EscapeString(actorURL(e.Actor.Code)), html.EscapeString(e.Actor.Code))
			} else {
				mk.attrs = fmt.Sprintf(` class="%s"`, html.EscapeString(class))
			}
			mk.attrs += fmt.Sprintf(` data-entity="%s" title="%s"`, html.EscapeString(e.ID), html.EscapeString(title))
			layers[layerMention] = append(layers[layerMention], mk)
		}
	}
	for _, v := range r.Events {
		ms := v.Mentions
		if len(ms) == 0 {
			ms = []eventwire.EventMention{{Trigger: v.Trigger, Sentence: v.Sentence}}
		}
		for _, m := range ms {
			layers[layerTrigger] = append(layers[layerTrigger], mark{
				Start: m.Trigger.Start, End: m.Trigger.End, tag: "span",
				attrs:  ` class="trigger"`,
				titles: []string{eventTitle(v)},
				codes:  []string{v.CAMEO},
			})
		}
	}
	runes := []rune(r.Text)
	for i := range layers {
		layers[i] = resolve(layers[i], len(runes), i == layerTrigger)
	}
	for i := range layers[layerTrigger] {
		m := &layers[layerTrigger][i]
		m.attrs += fmt.Sprintf(` data-cameo="%s" title="%s"`,
			html.EscapeString(strings.Join(m.codes, " ")), html.EscapeString(strings.Join(m.titles, "\n")))
	}
	return render(runes, layers[:])
}

// highlightSpans renders text escaped, with the spans (code points) in
// <mark class="CLASS">: search snippets and evidence sentences.
func highlightSpans(text string, spans []eventwire.Span, class string) template.HTML {
	ms := make([]mark, 0, len(spans))
	for _, s := range spans {
		ms = append(ms, mark{Start: s.Start, End: s.End, tag: "mark", attrs: ` class="` + html.EscapeString(class) + `"`})
	}
	runes := []rune(text)
	return render(runes, [][]mark{resolve(ms, len(runes), false)})
}

// eventTitle is the one-line summary of an event in a trigger's title.
func eventTitle(v eventwire.Event) string {
	parts := []string{strings.TrimSpace(v.CAMEO + " " + v.PLOVER)}
	side := func(a *eventwire.EventActor) string {
		if a == nil {
			return "—"
		}
		if a.Actor != "" && a.Actor != a.Name {
			return a.Name + " (" + a.Actor + ")"
		}
		return cmp.Or(a.Name, a.Actor, "—")
	}
	parts = append(parts, side(v.Source)+" → "+side(v.Target))
	if v.Date != nil {
		parts = append(parts, *v.Date)
	}
	if v.Location != nil && v.Location.Name != "" {
		parts = append(parts, v.Location.Name)
	}
	if v.Negated {
		parts = append(parts, "negated")
	}
	if v.Hypothetical {
		parts = append(parts, "hypothetical")
	}
	return strings.Join(parts, " · ")
}

// linkable reports whether an actor code has a page: the codes the
// actor pages accept (see actorCode).
func linkable(code string) bool {
	_, err := actorCode("id", code)
	return err == nil
}

// actorURL is the page of an actor code.
func actorURL(code string) string { return "/actors/" + url.PathEscape(code) }

// resolve clips the marks of one layer to [0, n), drops empty ones, sorts
// them by start (the longer first, then in given order) and drops each
// that overlaps one kept before it. With merge, a mark with the same range
// as the one kept before it adds its titles and codes to it instead.
func resolve(ms []mark, n int, merge bool) []mark {
	kept := ms[:0:0]
	for _, m := range ms {
		m.Start, m.End = max(m.Start, 0), min(m.End, n)
		if m.Start < m.End {
			kept = append(kept, m)
		}
	}
	slices.SortStableFunc(kept, func(a, b mark) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(b.End, a.End))
	})
	out := kept[:0]
	for _, m := range kept {
		if len(out) > 0 {
			last := &out[len(out)-1]
			if merge && last.Start == m.Start && last.End == m.End {
				last.titles = appendNew(last.titles, m.titles...)
				last.codes = appendNew(last.codes, m.codes...)
				continue
			}
			if m.Start < last.End {
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

// appendNew appends to list the values not in it yet.
func appendNew(list []string, values ...string) []string {
	for _, v := range values {
		if !slices.Contains(list, v) {
			list = append(list, v)
		}
	}
	return list
}

// render writes the runes escaped, wrapped in the marks of each layer
// (layers outermost first; the marks of a layer sorted and disjoint). At
// each boundary it closes the open elements that no longer apply, and
// those inside them, and opens the ones that start to apply, so the output
// always nests.
func render(runes []rune, layers [][]mark) template.HTML {
	cuts := []int{0, len(runes)}
	for _, l := range layers {
		for _, m := range l {
			cuts = append(cuts, m.Start, m.End)
		}
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	var b strings.Builder
	b.Grow(len(runes) * 2)
	next := make([]int, len(layers)) // per layer, the first mark not yet ended
	var open, want []*mark
	for i := 0; i+1 < len(cuts); i++ {
		lo, hi := cuts[i], cuts[i+1]
		want = want[:0]
		for l, ms := range layers {
			for next[l] < len(ms) && ms[next[l]].End <= lo {
				next[l]++
			}
			if next[l] < len(ms) && ms[next[l]].Start <= lo {
				want = append(want, &ms[next[l]])
			}
		}
		k := 0
		for k < len(open) && k < len(want) && open[k] == want[k] {
			k++
		}
		for j := len(open) - 1; j >= k; j-- {
			b.WriteString("</" + open[j].tag + ">")
		}
		open = open[:k]
		for _, m := range want[k:] {
			b.WriteString("<" + m.tag)
			if m.id != "" && !m.opened {
				b.WriteString(` id="` + html.EscapeString(m.id) + `"`)
			}
			m.opened = true
			b.WriteString(m.attrs + ">")
			open = append(open, m)
		}
		b.WriteString(html.EscapeString(string(runes[lo:hi])))
	}
	for j := len(open) - 1; j >= 0; j-- {
		b.WriteString("</" + open[j].tag + ">")
	}
	return template.HTML(b.String())
}
