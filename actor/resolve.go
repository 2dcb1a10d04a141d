package actor

import (
	"slices"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/eventwire/eventwire"
)

// Resolve groups the mentions of doc into entities (coreference within the
// article), codes each entity on the article's date (doc.Published, or
// undated), learns what the article teaches into kb (which may be nil) and
// fills doc.Entities, in order of first mention.
//
// The mentions are the names that the ner stage put in doc.Names; the
// places, organisations and nationalities that the tables know but the
// recogniser missed; groups named by nationality and role ("Syrian
// rebels", "Hungarian and Romanian officials", "Burundi's government");
// capitals or seats that stand for their government ("Moscow said", "the
// Kremlin"); third-person pronouns; descriptions ("the minister", "the
// alliance", "the Syrian leader"); and groups named by a plural role alone
// as a subject or object ("insurgents bombarded", "police arrested"). A
// pronoun or a person's title that has no compatible antecedent is
// dropped rather than guessed, unless it says whose it is ("the president
// of Armenia" is Armenia's government even when the article never names
// him); a group with no antecedent is an entity of its own, coded with
// its sector and "---" for the country it does not name ("---REB"), as
// PETRARCH codes such agents ("the government" after a country is named
// is that country's). Names the recogniser classed wrongly are corrected
// by the tables: an office-holder called a place is a person, a known
// organisation called a person is the organisation. The tokens should be
// tagged and parsed; without a parse Resolve still works, with less
// evidence.
//
// The steps, in order: split the sentences into words and mark quotations
// (prepare); find the names and groups (mention.go) and the titles that
// the text gives people (mention_title.go); group the names into entities
// and code them (coref.go); find and resolve pronouns and descriptions
// (coref_refs.go); write the entities out.
//
// Resolve is safe for concurrent use on different documents; calls that
// share kb learn in the order they run, so a run that wants deterministic
// output resolves its articles in input order.
func (c *Coder) Resolve(doc *eventwire.Doc, kb *Knowledge) {
	r := resolver{c: c, doc: doc, kb: kb, date: articleDate(doc.Published)}
	r.prepare()
	r.collectCountries()
	r.findNames()
	r.findTitles()
	r.groupNames()
	r.codeEntities()
	r.findReferences()
	r.resolveReferences()
	doc.Entities = r.entities()
}

// articleDate parses a YYYY-MM-DD date; the zero time when it is absent or
// malformed (the article is then treated as undated).
func articleDate(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// resolver is the state of one Resolve call.
type resolver struct {
	c    *Coder
	doc  *eventwire.Doc
	kb   *Knowledge
	date time.Time

	words  [][]string // words[s][i] is the text of token i of sentence s
	quoted [][]bool   // quoted[s][i]: token i of sentence s lies inside quotation marks
	taken  [][]bool   // taken[s][i]: token i of sentence s is part of a mention

	countries map[string]bool // ISO3 codes of the countries the article names

	homeISO      string // the country of the article's dateline ("" for none)
	datelineDone bool   // homeISO has been looked up

	mentions []mention // in text order: the names (findNames), then the references too (findReferences)
	ents     []*entity
}

// prepare splits every sentence into words (substrings of the text, so
// that no word is allocated) and marks quoted tokens.
func (r *resolver) prepare() {
	d := r.doc
	// Byte offset of every code point, when Runes is the decoding of Text
	// (always, for a Doc made by NewDoc); otherwise words are copied.
	var byteAt []int
	if utf8.RuneCountInString(d.Text) == len(d.Runes) {
		byteAt = make([]int, len(d.Runes)+1)
		b := 0
		for i := range d.Runes {
			byteAt[i] = b
			_, size := utf8.DecodeRuneInString(d.Text[b:])
			b += size
		}
		byteAt[len(d.Runes)] = b
	}
	n := 0
	for _, s := range d.Sentences {
		n += len(s.Tokens)
	}
	all := make([]string, n)
	flags := make([]bool, 2*n)
	r.words = make([][]string, len(d.Sentences))
	r.quoted = make([][]bool, len(d.Sentences))
	r.taken = make([][]bool, len(d.Sentences))
	open := false
	para := -1
	for si, s := range d.Sentences {
		k := len(s.Tokens)
		ws, q, t := all[:k:k], flags[:k:k], flags[k:2*k:2*k]
		all, flags = all[k:], flags[2*k:]
		if s.Paragraph != para {
			para, open = s.Paragraph, false
		}
		for i, tok := range s.Tokens {
			if tok.Start < 0 || tok.End > len(d.Runes) || tok.Start > tok.End {
				continue
			}
			if byteAt != nil {
				ws[i] = d.Text[byteAt[tok.Start]:byteAt[tok.End]]
			} else {
				ws[i] = string(d.Runes[tok.Start:tok.End])
			}
			// Quotation marks count as inside the quotation.
			switch ws[i] {
			case "“", "«", "``":
				open = true
			case "”", "»", "''":
				q[i] = true
				open = false
				continue
			case `"`:
				// A straight mark opens when it leans on the next word
				// and closes when it leans on the one before.
				before := i > 0 && s.Tokens[i-1].End == tok.Start
				after := i+1 < len(s.Tokens) && s.Tokens[i+1].Start == tok.End
				switch {
				case after && !before:
					open = true
				case before && !after:
					q[i] = true
					open = false
					continue
				default:
					open = !open
					q[i] = true
					continue
				}
			}
			q[i] = open
		}
		r.words[si], r.quoted[si], r.taken[si] = ws, q, t
	}
}

// entities builds the output: every entity with at least one mention, in
// order of first mention, its mentions sorted by offset.
func (r *resolver) entities() []eventwire.Entity {
	for _, e := range r.ents {
		e.out = e.out[:0]
	}
	for i := range r.mentions {
		m := &r.mentions[i]
		if m.ent < 0 {
			continue
		}
		e := r.ents[m.ent]
		e.out = append(e.out, r.outMention(m))
	}
	var live []*entity
	for _, e := range r.ents {
		if len(e.out) == 0 {
			continue
		}
		sortMentions(e.out)
		live = append(live, e)
	}
	// Order of first mention.
	slices.SortStableFunc(live, func(a, b *entity) int { return a.out[0].Start - b.out[0].Start })
	if len(live) == 0 {
		return nil
	}
	out := make([]eventwire.Entity, len(live))
	for i, e := range live {
		titles := e.titles
		switch {
		case len(titles) == 0 && e.known != "":
			titles = []string{e.known}
		case titles == nil:
			titles = []string{}
		}
		out[i] = eventwire.Entity{
			ID:       "E" + strconv.Itoa(i+1),
			Name:     e.name,
			Type:     e.typ,
			Actor:    e.actor,
			Titles:   titles,
			Mentions: e.out,
		}
	}
	return out
}

// outMention is the JSON form of a mention.
func (r *resolver) outMention(m *mention) eventwire.Mention {
	toks := r.doc.Sentences[m.sent].Tokens
	start, end := toks[m.start].Start, toks[m.end-1].End
	return eventwire.Mention{Start: start, End: end, Text: string(r.doc.Runes[start:end]), Kind: m.kind}
}

func sortMentions(ms []eventwire.Mention) {
	slices.SortStableFunc(ms, func(a, b eventwire.Mention) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return a.End - b.End
	})
}
