package actor

import (
	"slices"
	"sync"
	"time"

	"github.com/eventwire/eventwire"
)

// Fact is something an article taught about a person: "Russian Foreign
// Minister Sergei Lavrov" teaches that Sergei Lavrov (surname Lavrov) is
// RUSGOV, Foreign Minister, as of the article's date. Facts are plain
// values with JSON field names so that a store can persist them.
type Fact struct {
	Name    string          `json:"name"`    // full name ("Sergei Lavrov")
	Surname string          `json:"surname"` // the name used alone ("Lavrov"); may be ""
	Actor   eventwire.Actor `json:"actor"`
	Title   string          `json:"title,omitempty"` // normalised title ("Foreign Minister")
	From    time.Time       `json:"from"`            // the date of the article that taught it; zero when undated
	DocID   string          `json:"doc_id,omitempty"`
}

// Knowledge is what a run has learned from its articles, to code people
// named later without their titles ("Lavrov said"). It is safe for
// concurrent use; fed in input order it gives the same answers on every
// run. Knowledge never forgets within a run; a store persists Facts and
// loads them back with NewKnowledge.
type Knowledge struct {
	mu        sync.Mutex
	facts     []Fact
	byName    map[string][]int // nameKey of full name -> fact indexes, in learning order
	bySurname map[string][]int // nameKey of surname -> fact indexes
}

// NewKnowledge returns a Knowledge that knows the given facts (none, or
// what a store persisted from earlier runs), learned in order.
func NewKnowledge(facts ...Fact) *Knowledge {
	k := &Knowledge{byName: map[string][]int{}, bySurname: map[string][]int{}}
	for _, f := range facts {
		k.Learn(f)
	}
	return k
}

// Learn records a fact. A fact that repeats one already known (same name,
// code and title) keeps the earlier date, so knowledge is the same
// whatever the order of articles with the same date. Facts without a name
// or a code are ignored.
func (k *Knowledge) Learn(f Fact) {
	if f.Name == "" || f.Actor.Code == "" {
		return
	}
	nk := nameKey(splitWords(f.Name))
	sk := ""
	if f.Surname != "" {
		sk = nameKey(splitWords(f.Surname))
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.byName == nil {
		k.byName, k.bySurname = map[string][]int{}, map[string][]int{}
	}
	for _, i := range k.byName[nk] {
		g := &k.facts[i]
		if g.Actor.Code == f.Actor.Code && g.Title == f.Title {
			if !f.From.IsZero() && (g.From.IsZero() || f.From.Before(g.From)) {
				g.From, g.DocID = f.From, f.DocID
			}
			if g.Surname == "" && f.Surname != "" {
				g.Surname = f.Surname
				k.bySurname[sk] = append(k.bySurname[sk], i)
			}
			return
		}
	}
	i := len(k.facts)
	k.facts = append(k.facts, f)
	k.byName[nk] = append(k.byName[nk], i)
	if sk != "" && sk != nk {
		k.bySurname[sk] = append(k.bySurname[sk], i)
	}
}

// Lookup finds what is known of a person by full name or, failing that,
// by surname ("Lavrov"), on a date: the fact with the latest date not
// after it (a fact learned undated, or asked undated, always applies).
// A surname shared by people known under different full names is
// ambiguous, and ok is false.
func (k *Knowledge) Lookup(name string, date time.Time) (Fact, bool) {
	key := nameKey(splitWords(name))
	k.mu.Lock()
	defer k.mu.Unlock()
	if f, ok := k.best(k.byName[key], date); ok {
		return f, true
	}
	ids := k.bySurname[key]
	if len(ids) == 0 {
		return Fact{}, false
	}
	f, ok := k.best(ids, date)
	if !ok {
		return Fact{}, false
	}
	for _, i := range ids {
		if g := &k.facts[i]; applies(g, date) && nameKey(splitWords(g.Name)) != nameKey(splitWords(f.Name)) {
			return Fact{}, false
		}
	}
	return f, true
}

// knows reports whether the run has learned anyone whose full name or
// surname has the lookup key (nameKey), whatever the date: a cheap test
// before Lookup.
func (k *Knowledge) knows(key string) bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	return len(k.byName[key]) > 0 || len(k.bySurname[key]) > 0
}

func applies(f *Fact, date time.Time) bool {
	return date.IsZero() || f.From.IsZero() || !f.From.After(date)
}

// best picks, among facts ids, the one that applies on date with the
// latest date; the one learned last among equals.
func (k *Knowledge) best(ids []int, date time.Time) (Fact, bool) {
	found := -1
	for _, i := range ids {
		f := &k.facts[i]
		if !applies(f, date) {
			continue
		}
		if found < 0 || !f.From.Before(k.facts[found].From) {
			found = i
		}
	}
	if found < 0 {
		return Fact{}, false
	}
	return k.facts[found], true
}

// Facts returns a copy of every fact known, in the order learned, for a
// store to persist (NewKnowledge loads them back).
func (k *Knowledge) Facts() []Fact {
	k.mu.Lock()
	defer k.mu.Unlock()
	return slices.Clone(k.facts)
}
