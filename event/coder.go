package event

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/geo"
)

// ErrCoder is wrapped by New's errors: a missing ontology or dictionary,
// or a dictionary whose codes the ontology lacks.
var ErrCoder = errors.New("event: cannot build the coder")

// Coder codes events on tagged, parsed sentences whose actors the actor
// stage has resolved. It is read-only after New and safe for concurrent
// use.
type Coder struct {
	ont  *Ontology
	dict *Dictionary
	geo  *geo.Gazetteer // places of events; nil codes no locations
}

// maxSlots bounds the slots of a pattern the coder tries; the
// dictionary's longest lines have four.
const maxSlots = 8

// maxPairs bounds the events one trigger gives for coordinated actors.
const maxPairs = 16

// New builds the coder from the ontology and a dictionary
// (LoadDictionary(), possibly merged with a user's), and the gazetteer
// that places events (nil leaves every location null). Every code of the
// dictionary must be in the ontology. Read-only after New, safe for
// concurrent use.
func New(ont *Ontology, dict *Dictionary, g *geo.Gazetteer) (*Coder, error) {
	if ont == nil || dict == nil {
		return nil, fmt.Errorf("%w: New needs an ontology and a dictionary", ErrCoder)
	}
	if err := dict.Check(ont); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrCoder, err)
	}
	return &Coder{ont: ont, dict: dict, geo: g}, nil
}

// Code fills doc.Events from the tagged, parsed sentences and the entities
// (doc.Entities, with their mentions' code-point offsets; pronouns already
// resolved to entities), replacing any events it had. Sentences that are
// not tagged and parsed are skipped. Events are numbered V1, V2, ... in
// text order of their triggers.
//
// An event is coded only when at least one of its source and target is an
// entity with an actor code; the other may be an entity without one, or
// absent. Slots a pattern marks + or $ must name an entity for the
// pattern to match.
func (c *Coder) Code(doc *eventwire.Doc) {
	doc.Events = nil
	if len(doc.Entities) == 0 {
		return
	}
	w := walker{c: c, doc: doc}
	w.indexEntities()
	for si := range doc.Sentences {
		s := &doc.Sentences[si]
		if !s.Parsed || !s.Tagged || len(s.Tokens) == 0 || !w.hasEntity(si) && !w.quoted(si) {
			continue
		}
		w.sentence(si)
		// Date and place read the sentence's tree, still indexed here.
		for i := w.start; i < len(doc.Events); i++ {
			w.when(&doc.Events[i])
			w.where(&doc.Events[i])
		}
	}
	doc.Events = merge(doc.Events)
	for i := range doc.Events {
		doc.Events[i].ID = "V" + strconv.Itoa(i+1)
	}
}

// walker is the state of one Code call: the entity of every token and the
// children of the current sentence's tokens.
type walker struct {
	c   *Coder
	doc *eventwire.Doc

	base []int   // index in ent of each sentence's first token
	ent  []int32 // entity of each token of the doc, -1 for none
	mlen []int32 // length of the mention that gave ent

	// The current sentence.
	si      int
	toks    []eventwire.Token
	lemmas  []string
	first   []int32 // children of token i: kids[first[i]:first[i+1]]
	kids    []int32
	cur     []int32
	used    []bool  // tokens a matched verb pattern consumed
	actors  []int32 // scratch: an event's sources
	targets []int32 // scratch: its targets
	other   []int32 // scratch: a slot's actors
	start   int     // index of the sentence's first event in doc.Events
}

// indexEntities maps every token covered by a mention to its entity; a
// token in several mentions takes the shortest.
func (w *walker) indexEntities() {
	doc := w.doc
	w.base = make([]int, len(doc.Sentences)+1)
	n := 0
	for i := range doc.Sentences {
		w.base[i] = n
		n += len(doc.Sentences[i].Tokens)
	}
	w.base[len(doc.Sentences)] = n
	w.ent = make([]int32, n)
	w.mlen = make([]int32, n)
	for i := range w.ent {
		w.ent[i] = -1
	}
	for ei := range doc.Entities {
		for _, m := range doc.Entities[ei].Mentions {
			si := w.sentenceAt(m.Start)
			if si < 0 {
				continue
			}
			toks := doc.Sentences[si].Tokens
			for ti := range toks {
				t := &toks[ti]
				if t.End <= m.Start {
					continue
				}
				if t.Start >= m.End {
					break
				}
				k := w.base[si] + ti
				if l := int32(m.End - m.Start); w.ent[k] < 0 || l < w.mlen[k] {
					w.ent[k], w.mlen[k] = int32(ei), l
				}
			}
		}
	}
}

// sentenceAt returns the sentence holding offset off, or -1.
func (w *walker) sentenceAt(off int) int {
	ss := w.doc.Sentences
	lo, hi := 0, len(ss)
	for lo < hi {
		m := (lo + hi) / 2
		if ss[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(ss) && ss[lo].Start <= off {
		return lo
	}
	return -1
}

func (w *walker) hasEntity(si int) bool {
	for _, e := range w.ent[w.base[si]:w.base[si+1]] {
		if e >= 0 {
			return true
		}
	}
	return false
}

// entity returns the entity of token i of the current sentence, or -1.
func (w *walker) entity(i int) int32 { return w.ent[w.base[w.si]+i] }

// sentence codes the events of sentence si.
func (w *walker) sentence(si int) {
	w.si = si
	w.toks = w.doc.Sentences[si].Tokens
	n := len(w.toks)
	w.lemmas = grow(w.lemmas, n)
	w.used = grow(w.used, n)
	w.first = grow(w.first, n+1)
	w.kids = grow(w.kids, n)
	clear(w.first)
	clear(w.used)
	for i := range w.toks {
		w.lemmas[i] = lower(w.toks[i].Lemma)
		if h := w.toks[i].Head; h >= 0 && h < n && h != i {
			w.first[h+1]++
		}
	}
	for i := 1; i <= n; i++ {
		w.first[i] += w.first[i-1]
	}
	w.cur = grow(w.cur, n)
	copy(w.cur, w.first[:n])
	for i := range w.toks {
		if h := w.toks[i].Head; h >= 0 && h < n && h != i {
			w.kids[w.cur[h]] = int32(i)
			w.cur[h]++
		}
	}
	w.start = len(w.doc.Events)
	for i := range w.toks {
		// An adjective with an object is a verb the tagger missed
		// ("it would free 150 prisoners").
		if u := w.toks[i].UPOS; u == "VERB" || u == "ADJ" && w.adjObject(i) >= 0 {
			w.trigger(i, w.c.dict.Verb(w.lemmas[i]))
		}
	}
	for i := range w.toks {
		if (w.toks[i].UPOS == "NOUN") && !w.used[i] {
			w.trigger(i, w.c.dict.Noun(w.lemmas[i]))
		}
	}
	w.afterTriggers()
	sortEvents(w.doc.Events[w.start:])
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// lower returns s in lower case, allocating only when it has upper case.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(s)
		}
	}
	return s
}

func sortEvents(ev []eventwire.Event) {
	for i := 1; i < len(ev); i++ {
		for j := i; j > 0 && ev[j].Trigger.Start < ev[j-1].Trigger.Start; j-- {
			ev[j], ev[j-1] = ev[j-1], ev[j]
		}
	}
}
