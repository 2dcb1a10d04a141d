package synthetic

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/actor"
)

// firstDay is the first publication date; articles spread over the two
// years from it.
var firstDay = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

const days = 731

// Doc returns synthetic article i of the seed's collection, with its
// entities, quotes and events filled in (see the package documentation).
func (g *Generator) Doc(i int, seed uint64) *eventwire.Doc {
	w := &writer{g: g, rng: rand.New(rand.NewPCG(seed, uint64(i)^0x9e3779b97f4a7c15)), ents: map[int]int{}, places: map[int]int{}}
	return w.article(i)
}

// writer writes one article: the text and every annotation, offsets
// counted in code points as the text grows.
type writer struct {
	g   *Generator
	rng *rand.Rand
	doc *eventwire.Doc

	sb        strings.Builder
	n         int  // code points written
	words     int  // words written
	space     bool // the last code point written was a space (or nothing was)
	sentStart int
	paraStart int

	ents   map[int]int // actor -> index in doc.Entities
	places map[int]int // country -> index of its capital's entity

	published time.Time // zero when undated
	dateline  *eventwire.Location
	ca, cb    int // the countries of the main dyad
	spans     []eventwire.Span
	trigger   eventwire.Mention
	used      []bool // fillers already written
}

// slots are what a template's slots stand for.
type slots struct {
	s, t     int // event source and target actors (-1: none)
	o        int // in a quote: the other side's country
	ev       *eventwire.Event
	headline bool // write short names and record nothing
}

func (w *writer) article(i int) *eventwire.Doc {
	g, r := w.g, w.rng
	zc := rand.NewZipf(r, 1.3, 2, uint64(len(g.countries)-1))
	w.ca = int(zc.Uint64())
	w.cb = int(zc.Uint64())
	for w.cb == w.ca {
		w.cb = int(zc.Uint64())
	}
	if r.IntN(2) == 0 {
		w.ca, w.cb = w.cb, w.ca
	}
	zp := rand.NewZipf(r, 1.1, 4, uint64(len(g.publishers)-1))
	pub := g.publishers[zp.Uint64()]
	w.doc = &eventwire.Doc{Article: eventwire.Article{Source: pub.name}}
	if r.IntN(100) > 0 {
		w.published = firstDay.AddDate(0, 0, r.IntN(days))
		w.doc.Published = w.published.Format(time.DateOnly)
	}
	w.space = true
	if !w.published.IsZero() && r.IntN(2) == 0 {
		c := &g.countries[[]int{w.ca, w.cb}[r.IntN(2)]]
		place := strings.ToUpper(c.capital)
		w.write(place)
		w.write(", " + months[w.published.Month()-1] + " " + strconv.Itoa(w.published.Day()) + " (" + pub.name + ") -")
		w.doc.Dateline = &eventwire.Dateline{Place: place, Agency: pub.name, Start: 0, End: w.n}
		w.dateline = &eventwire.Location{Name: c.capital, Country: c.code, Lat: c.lat, Lon: c.lon, Text: place, Start: 0, End: utf8.RuneCountInString(place)}
		w.write(" ")
	}
	w.paraStart = w.n

	// The lead: the main event, from one side of the dyad to the other.
	lead := w.pickEvent()
	w.eventSentence(lead, w.side(w.ca, lead.mil), w.target(w.cb, lead))
	title := w.headline(lead)

	// The body: the other events and the quotes in random order, then
	// background until the article is long enough.
	type item struct{ quote bool }
	var items []item
	for range 2 + r.IntN(3) {
		items = append(items, item{true})
	}
	for range 1 + r.IntN(3) {
		items = append(items, item{false}, item{false})
	}
	r.Shuffle(len(items), func(i, j int) { items[i], items[j] = items[j], items[i] })
	var lastSpeaker int = -1
	for k, it := range items {
		if k == 0 || r.IntN(5) < 3 {
			w.paragraph()
		}
		if it.quote {
			lastSpeaker = w.quote(lastSpeaker)
		} else {
			lastSpeaker = -1
			w.otherEvent()
		}
		for x := r.IntN(10); x >= 3; x -= 5 {
			w.filler()
		}
	}
	target := 240 + r.IntN(140)
	for w.words < target {
		w.paragraph()
		for range 1 + r.IntN(3) {
			w.filler()
		}
	}
	w.endParagraph()

	d := w.doc
	d.Text = w.sb.String()
	d.Runes = []rune(d.Text)
	d.Title = title
	d.ID = eventwire.TextID(d.Text)
	date := "undated"
	if !w.published.IsZero() {
		date = w.published.Format("2006/01/02")
	}
	d.URL = "https://" + pub.domain + "/" + date + "/" + slug(title) + "-" + strconv.Itoa(i)
	d.Origin = eventwire.Origin{Name: "synthetic", Line: i + 1}
	for k := range d.Events {
		d.Events[k].ID = "V" + strconv.Itoa(k+1)
	}
	for k := range d.Quotes {
		q := &d.Quotes[k]
		q.ID = "Q" + strconv.Itoa(k+1)
		q.Text = string(d.Runes[q.Start:q.End])
	}
	return d
}

// write appends s to the text.
func (w *writer) write(s string) {
	w.sb.WriteString(s)
	for _, c := range s {
		sp := unicode.IsSpace(c)
		if !sp && w.space {
			w.words++
		}
		w.space = sp
		w.n++
	}
}

// mention writes s as a mention of entity e.
func (w *writer) mention(e int, s, kind string) eventwire.Mention {
	m := eventwire.Mention{Start: w.n, Text: s, Kind: kind}
	w.write(s)
	m.End = w.n
	w.doc.Entities[e].Mentions = append(w.doc.Entities[e].Mentions, m)
	return m
}

// entity returns the index of the actor's entity, adding it on first use.
func (w *writer) entity(a int) (e int, first bool) {
	if e, ok := w.ents[a]; ok {
		return e, false
	}
	act := &w.g.actors[a]
	code := actor.SplitCode(act.Code)
	ent := eventwire.Entity{ID: "E" + strconv.Itoa(len(w.doc.Entities)+1), Name: act.Name, Type: act.Type, Actor: &code, Titles: []string{}}
	if act.Title != "" {
		ent.Titles = []string{act.Title}
	}
	w.doc.Entities = append(w.doc.Entities, ent)
	w.ents[a] = len(w.doc.Entities) - 1
	return len(w.doc.Entities) - 1, true
}

// place writes the capital of country c as a place name.
func (w *writer) place(c int) eventwire.Mention {
	ct := &w.g.countries[c]
	e, ok := w.places[c]
	if !ok {
		code := actor.SplitCode(ct.code)
		w.doc.Entities = append(w.doc.Entities, eventwire.Entity{ID: "E" + strconv.Itoa(len(w.doc.Entities)+1),
			Name: ct.capital, Type: eventwire.GPE, Actor: &code, Titles: []string{}})
		e = len(w.doc.Entities) - 1
		w.places[c] = e
	}
	return w.mention(e, ct.capital, eventwire.MentionName)
}

// atSentenceStart reports whether nothing of the sentence is written yet.
func (w *writer) atSentenceStart() bool { return w.n == w.sentStart }

// actorPhrase writes a noun phrase for actor a and returns its mention.
func (w *writer) actorPhrase(a int) eventwire.Mention {
	act := &w.g.actors[a]
	e, first := w.entity(a)
	lead := func(s string) {
		if s != "" && w.atSentenceStart() {
			s = upperFirst(s)
		}
		w.write(s)
	}
	switch act.kind {
	case kindGov:
		if !first && w.rng.IntN(2) == 0 {
			return w.mention(e, w.g.countries[act.country].capital, eventwire.MentionMetonym)
		}
		lead("the ")
		return w.mention(e, act.Name, eventwire.MentionNominal)
	case kindMil:
		lead("the ")
		return w.mention(e, act.Name, eventwire.MentionNominal)
	case kindPerson:
		if first {
			lead(act.prefix)
			return w.mention(e, act.Name, eventwire.MentionName)
		}
		return w.mention(e, act.Surname, eventwire.MentionName)
	case kindIGO:
		lead(act.article)
		if !first && act.alias != act.Name && w.rng.IntN(2) == 0 {
			return w.mention(e, act.alias, eventwire.MentionName)
		}
		return w.mention(e, act.Name, eventwire.MentionName)
	}
	lead(act.article)
	return w.mention(e, act.Name, eventwire.MentionName)
}

func (w *writer) startSentence() {
	if w.n > w.paraStart {
		w.write(" ")
	}
	w.sentStart = w.n
}

func (w *writer) endSentence() eventwire.Span {
	if s := w.sb.String(); !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, `."`) {
		w.write(".")
	}
	s := eventwire.Span{Start: w.sentStart, End: w.n}
	w.doc.Sentences = append(w.doc.Sentences, eventwire.Sentence{Start: s.Start, End: s.End, Paragraph: len(w.doc.Paragraphs)})
	return s
}

func (w *writer) paragraph() {
	if w.n > w.paraStart {
		w.endParagraph()
		w.write("\n\n")
		w.paraStart = w.n
	}
}

func (w *writer) endParagraph() {
	if w.n > w.paraStart {
		w.doc.Paragraphs = append(w.doc.Paragraphs, eventwire.Span{Start: w.paraStart, End: w.n})
	}
}

// pickEvent draws an event template by weight.
func (w *writer) pickEvent() *eventKind {
	x := w.rng.IntN(w.g.totalWeight)
	for i := range w.g.events {
		if x < w.g.events[i].cumWeight {
			return &w.g.events[i]
		}
	}
	return &w.g.events[len(w.g.events)-1]
}

// side draws an actor of country c: the state, its government, military,
// officials or armed groups.
func (w *writer) side(c int, mil bool) int {
	ct := &w.g.countries[c]
	r := w.rng
	if mil {
		// The state, its military or an armed group.
		var choices []int
		choices = append(choices, ct.actors[0], ct.actors[0], ct.actors[2], ct.actors[2])
		for _, a := range ct.actors[3:] {
			if w.g.actors[a].kind == kindGroup {
				choices = append(choices, a, a)
			}
		}
		return choices[r.IntN(len(choices))]
	}
	switch x := r.IntN(100); {
	case x < 35:
		return ct.actors[0]
	case x < 50:
		return ct.actors[1]
	case x < 55:
		return ct.actors[2]
	default:
		return ct.officials[r.IntN(len(ct.officials))]
	}
}

// target draws the target of an event of kind k in country c.
func (w *writer) target(c int, k *eventKind) int {
	if k.state {
		return w.g.countries[c].actors[0]
	}
	return w.side(c, k.mil)
}

// otherEvent writes an event of the body: mostly between the two sides
// of the dyad, either way, sometimes with a third country or an
// organisation of states.
func (w *writer) otherEvent() {
	r := w.rng
	k := w.pickEvent()
	a, b := w.ca, w.cb
	if r.IntN(2) == 0 {
		a, b = b, a
	}
	src, tgt := w.side(a, k.mil), w.target(b, k)
	switch x := r.IntN(100); {
	case x < 8 && !k.mil:
		igo := w.g.igos[r.IntN(len(w.g.igos))]
		if r.IntN(2) == 0 {
			src = igo
		} else {
			tgt = igo
		}
	case x < 18:
		zc := rand.NewZipf(r, 1.3, 2, uint64(len(w.g.countries)-1))
		c := int(zc.Uint64())
		if c != a && c != b {
			tgt = w.target(c, k)
		}
	}
	w.eventSentence(k, src, tgt)
}

// eventSentence writes one sentence stating an event of kind k.
func (w *writer) eventSentence(k *eventKind, src, tgt int) {
	w.startSentence()
	c := k.code
	ev := eventwire.Event{CAMEO: c.Code, CAMEORoot: c.Root, PLOVER: c.PLOVER, QuadClass: c.QuadClass, Goldstein: c.Goldstein}
	if !w.published.IsZero() {
		d := w.doc.Published
		ev.Date = &d
	}
	hasTarget := false
	for _, s := range k.text {
		hasTarget = hasTarget || s.kind == segSlot && s.text == "T"
	}
	if !hasTarget {
		tgt = -1
	}
	w.render(k.text, &slots{s: src, t: tgt, o: -1, ev: &ev})
	ev.Trigger = w.trigger
	ev.Sentence = w.endSentence()
	if ev.Location == nil && w.dateline != nil {
		loc := *w.dateline
		ev.Location = &loc
	}
	ev.Source = w.eventActor(src)
	if tgt >= 0 {
		ev.Target = w.eventActor(tgt)
	}
	w.doc.Events = append(w.doc.Events, ev)
}

func (w *writer) eventActor(a int) *eventwire.EventActor {
	e := w.ents[a]
	ent := &w.doc.Entities[e]
	return &eventwire.EventActor{Entity: ent.ID, Name: ent.Name, Actor: ent.Actor.Code, Country: ent.Actor.Country, Sector: ent.Actor.Sector}
}

// when writes the date phrase of an event, or nothing.
func (w *writer) when(ev *eventwire.Event) {
	if w.published.IsZero() {
		return
	}
	r := w.rng
	var day time.Time
	var text string
	switch x := r.IntN(100); {
	case x < 55:
		day = w.published.AddDate(0, 0, -r.IntN(7))
		text = weekdays[day.Weekday()]
	case x < 65:
		day = w.published.AddDate(0, 0, -7-r.IntN(30))
		text = months[day.Month()-1] + " " + strconv.Itoa(day.Day())
	default:
		return
	}
	w.write(" on ")
	m := eventwire.Mention{Start: w.n, Text: text}
	w.write(text)
	m.End = w.n
	d := day.Format(time.DateOnly)
	ev.Date, ev.DateText = &d, &m
}

// where writes the place of an event (" in Kyiv"), or nothing.
func (w *writer) where(sl *slots) {
	if w.rng.IntN(10) >= 4 {
		return
	}
	c := -1
	for _, a := range []int{sl.t, sl.s} {
		if a >= 0 && w.g.actors[a].country >= 0 {
			c = w.g.actors[a].country
			break
		}
	}
	if c < 0 {
		c = w.ca
	}
	w.write(" in ")
	m := w.place(c)
	ct := &w.g.countries[c]
	sl.ev.Location = &eventwire.Location{Name: ct.capital, Country: ct.code, Lat: ct.lat, Lon: ct.lon, Text: m.Text, Start: m.Start, End: m.End}
}

// render writes a template.
func (w *writer) render(t template, sl *slots) {
	r := w.rng
	for _, s := range t {
		switch s.kind {
		case segLit:
			w.write(s.text)
		case segAlt:
			w.write(s.alts[r.IntN(len(s.alts))])
		case segTrigger:
			w.trigger = eventwire.Mention{Start: w.n, Text: s.text}
			w.write(s.text)
			w.trigger.End = w.n
		case segOpen:
			w.write(`"`)
			w.spans = append(w.spans, eventwire.Span{Start: w.n})
		case segClose:
			w.spans[len(w.spans)-1].End = w.n
			w.write(`"`)
		case segSlot:
			w.slot(s.text, sl)
		}
	}
}

// slot writes what a slot stands for.
func (w *writer) slot(name string, sl *slots) {
	r := w.rng
	g := w.g
	country := func(c int) {
		if sl.headline {
			w.write(g.countries[c].name)
			return
		}
		w.actorPhrase(g.countries[c].actors[0])
	}
	switch name {
	case "S", "T":
		a := sl.s
		if name == "T" {
			a = sl.t
		}
		if sl.headline {
			s := g.actors[a].short
			if w.sb.Len() == 0 {
				s = upperFirst(s)
			}
			w.write(s)
			return
		}
		w.actorPhrase(a)
	case "O":
		country(sl.o)
	case "A":
		country(w.ca)
	case "B":
		country(w.cb)
	case "Aadj":
		w.write(g.countries[w.ca].adj)
	case "Badj":
		w.write(g.countries[w.cb].adj)
	case "Acap":
		w.place(w.ca)
	case "Bcap":
		w.place(w.cb)
	case "N":
		w.write(strconv.Itoa(2 + r.IntN(90)))
	case "M":
		w.write(months[r.IntN(12)])
	case "Y":
		y := firstDay.Year()
		if !w.published.IsZero() {
			y = w.published.Year()
		}
		w.write(strconv.Itoa(y - 1 - r.IntN(10)))
	case "when":
		if !sl.headline {
			w.when(sl.ev)
		}
	case "where":
		if !sl.headline {
			w.where(sl)
		}
	}
}

// headline writes the title of an article that leads with the event.
func (w *writer) headline(k *eventKind) string {
	ev := &w.doc.Events[len(w.doc.Events)-1]
	src, tgt := w.actorOf(ev.Source), w.actorOf(ev.Target)
	hw := &writer{g: w.g, rng: w.rng, doc: &eventwire.Doc{}, space: true}
	hw.render(k.headline, &slots{s: src, t: tgt, o: -1, headline: true})
	return hw.sb.String()
}

// actorOf returns the actor of an event's side, -1 for none.
func (w *writer) actorOf(ea *eventwire.EventActor) int {
	if ea == nil {
		return -1
	}
	for a, e := range w.ents {
		if w.doc.Entities[e].ID == ea.Entity {
			return a
		}
	}
	return -1
}

// filler writes a background sentence.
func (w *writer) filler() {
	if w.used == nil {
		w.used = make([]bool, len(w.g.fillers))
	}
	// Each background sentence at most once an article, unless all are
	// used.
	k := w.rng.IntN(len(w.g.fillers))
	for range len(w.g.fillers) {
		if !w.used[k] {
			break
		}
		k = (k + 1) % len(w.g.fillers)
	}
	w.used[k] = true
	w.startSentence()
	w.render(w.g.fillers[k], &slots{s: -1, t: -1, o: -1})
	w.endSentence()
}

// quote writes a quote; after a quote by the same speaker (last) it may
// write a follow-up attributed with a pronoun. It returns the speaker.
func (w *writer) quote(last int) int {
	g, r := w.g, w.rng
	if last >= 0 && r.IntN(2) == 0 {
		w.directQuote(last, true)
		return last
	}
	side := w.ca
	if r.IntN(2) == 0 {
		side = w.cb
	}
	var sp int
	other := w.cb
	if side == w.cb {
		other = w.ca
	}
	if r.IntN(10) == 0 {
		sp = g.igoHeads[r.IntN(len(g.igoHeads))]
	} else {
		ct := &g.countries[side]
		sp = ct.officials[r.IntN(len(ct.officials))]
	}
	switch x := r.IntN(10); {
	case x < 5:
		w.directQuote(sp, false)
	case x < 8:
		w.reportedQuote(sp, other, g.indirect, eventwire.Indirect)
	default:
		w.reportedQuote(sp, other, g.mixed, eventwire.Mixed)
	}
	return sp
}

// speaker writes the speaker of a quote, by name or pronoun.
func (w *writer) speaker(sp int, pronoun bool) *eventwire.Speaker {
	var m eventwire.Mention
	if pronoun {
		e, _ := w.entity(sp)
		p := "he"
		if w.g.actors[sp].female {
			p = "she"
		}
		if w.atSentenceStart() {
			p = upperFirst(p)
		}
		m = w.mention(e, p, eventwire.MentionPronoun)
	} else {
		m = w.actorPhrase(sp)
	}
	e := w.ents[sp]
	return &eventwire.Speaker{Entity: w.doc.Entities[e].ID, Name: w.doc.Entities[e].Name, Text: m.Text, Start: m.Start, End: m.End}
}

func (w *writer) cue(pronoun bool) *eventwire.Cue {
	c := cues[w.rng.IntN(len(cues))]
	if pronoun {
		c = cues[4] // "added"
	}
	cue := &eventwire.Cue{Text: c.text, Lemma: c.lemma, Start: w.n}
	w.write(c.text)
	cue.End = w.n
	return cue
}

// otherOf returns the country on the other side of the dyad from actor a.
func (w *writer) otherOf(a int) int {
	if w.g.actors[a].country == w.ca {
		return w.cb
	}
	return w.ca
}

// directQuote writes a quote in quotation marks, in one of three shapes:
// "...," Name said. / Name said: "..." / "...," Name said. "..."
func (w *writer) directQuote(sp int, pronoun bool) {
	r := w.rng
	q := eventwire.Quote{Kind: eventwire.Direct}
	sl := &slots{s: -1, t: -1, o: w.otherOf(sp)}
	body := func(end string) eventwire.Span {
		s := eventwire.Span{Start: w.n}
		k := r.IntN(len(w.g.direct))
		w.render(w.g.direct[k], sl)
		if r.IntN(3) == 0 {
			// Two sentences in one quotation.
			w.write(". ")
			w.render(w.g.direct[(k+1+r.IntN(len(w.g.direct)-1))%len(w.g.direct)], sl)
		}
		w.write(end)
		s.End = w.n
		return s
	}
	w.startSentence()
	shape := r.IntN(4)
	if pronoun {
		shape = 0
	}
	switch shape {
	case 0, 1:
		w.write(`"`)
		q.Spans = append(q.Spans, body(","))
		w.write(`" `)
		q.Speaker = w.speaker(sp, pronoun)
		w.write(" ")
		q.Cue = w.cue(pronoun)
		w.endSentence()
	case 2:
		q.Speaker = w.speaker(sp, false)
		w.write(" ")
		q.Cue = w.cue(false)
		w.write(`: "`)
		q.Spans = append(q.Spans, body("."))
		w.write(`"`)
		w.endSentence()
	default:
		w.write(`"`)
		q.Spans = append(q.Spans, body(","))
		w.write(`" `)
		q.Speaker = w.speaker(sp, false)
		w.write(" ")
		q.Cue = w.cue(false)
		w.endSentence()
		w.startSentence()
		w.write(`"`)
		q.Spans = append(q.Spans, body("."))
		w.write(`"`)
		w.endSentence()
	}
	q.Start, q.End = q.Spans[0].Start, q.Spans[len(q.Spans)-1].End
	w.addQuote(q)
}

// reportedQuote writes "Name said (that) clause." with a clause of ts.
func (w *writer) reportedQuote(sp, other int, ts []template, kind string) {
	r := w.rng
	w.startSentence()
	q := eventwire.Quote{Kind: kind}
	q.Speaker = w.speaker(sp, false)
	w.write(" ")
	q.Cue = w.cue(false)
	w.write(" ")
	if r.IntN(2) == 0 {
		w.write("that ")
	}
	q.Start = w.n
	w.spans = w.spans[:0]
	w.render(ts[r.IntN(len(ts))], &slots{s: -1, t: -1, o: other})
	q.End = w.n
	if len(w.spans) > 0 {
		q.Spans = append([]eventwire.Span(nil), w.spans...)
	}
	w.endSentence()
	w.addQuote(q)
}

func (w *writer) addQuote(q eventwire.Quote) {
	w.doc.Quotes = append(w.doc.Quotes, q)
}

// upperFirst capitalises the first letter of s.
func upperFirst(s string) string {
	c, n := utf8.DecodeRuneInString(s)
	if n == 0 || unicode.IsUpper(c) {
		return s
	}
	return string(unicode.ToUpper(c)) + s[n:]
}

// slug makes a URL path segment of a title: ASCII letters and digits in
// lower case, runs of anything else one hyphen.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(s) {
		if c < utf8.RuneSelf && (unicode.IsLetter(c) || unicode.IsDigit(c)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(c)
			dash = false
			continue
		}
		dash = true
	}
	return b.String()
}
