package eventwire

// This file is the JSON contract (docs/schema.md, schema/record.schema.json).
// Field names are stable: add fields, never rename them.

// Record is one article as it leaves the pipeline: the JSON object that
// `eventwire extract` writes, one per article.
type Record struct {
	ID          string        `json:"id"`
	Title       string        `json:"title"`
	URL         *string       `json:"url"`
	Source      *string       `json:"source"`
	Published   *string       `json:"published"`
	Dateline    *Dateline     `json:"dateline"`
	Text        string        `json:"text"`
	Boilerplate []Boilerplate `json:"boilerplate"`
	Entities    []Entity      `json:"entities"`
	Quotes      []Quote       `json:"quotes"`
	Events      []Event       `json:"events"`

	// Sentences is present only when asked for (extract --sentences).
	Sentences []Sentence `json:"sentences,omitempty"`
}

// Entity is a person, organisation, place or group, with every mention of
// it in the text.
type Entity struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Type     string    `json:"type"` // PERSON, ORG, GPE, LOC or NORP
	Actor    *Actor    `json:"actor"`
	Titles   []string  `json:"titles"`
	Mentions []Mention `json:"mentions"`
}

// Entity types.
const (
	Person = "PERSON"
	Org    = "ORG"
	GPE    = "GPE"
	Loc    = "LOC"
	NORP   = "NORP"
)

// Actor is a CAMEO actor code split into its parts: "USAGOV" is country
// "USA" and sector "GOV".
type Actor struct {
	Code    string `json:"code"`
	Country string `json:"country"`
	Sector  string `json:"sector"`
}

// Mention is one place in the text where an entity is named or referred to.
type Mention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Kind says how the entity is referred to: MentionName ("John Kerry",
	// "Kerry"), MentionPronoun ("he"), MentionNominal ("the minister",
	// "the alliance") or MentionMetonym ("Moscow" or "the Kremlin" for a
	// government). Empty where it does not apply (event triggers).
	Kind string `json:"kind,omitempty"`
}

// Mention kinds.
const (
	MentionName    = "name"
	MentionPronoun = "pronoun"
	MentionNominal = "nominal"
	MentionMetonym = "metonym"
)

// Quote kinds.
const (
	Direct   = "direct"   // all in quote marks
	Mixed    = "mixed"    // reported speech with quoted fragments
	Indirect = "indirect" // reported speech, nothing quoted
)

// Quote is something a speaker is reported to have said.
type Quote struct {
	ID      string   `json:"id"`
	Kind    string   `json:"kind"`
	Text    string   `json:"text"`
	Start   int      `json:"start"`
	End     int      `json:"end"`
	Speaker *Speaker `json:"speaker"`
	Cue     *Cue     `json:"cue"`
	// Spans are the parts inside quotation marks, in text order: two for a
	// quote split by its attribution ("...," he said, "..."), the quoted
	// fragments of a mixed quote, none for indirect speech. Start and End
	// cover them all (and, for mixed and indirect quotes, the whole
	// reported clause).
	Spans []Span `json:"spans,omitempty"`
}

// Speaker is who said a quote: the words that name them and the entity
// those words resolve to.
type Speaker struct {
	Entity string `json:"entity"`
	Name   string `json:"name"`
	Text   string `json:"text"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
}

// Cue is the reporting word or phrase, such as "said" or "according to".
type Cue struct {
	Text  string `json:"text"`
	Lemma string `json:"lemma"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Event is who did what to whom, when and where, coded in CAMEO and PLOVER.
type Event struct {
	ID           string      `json:"id"`
	Source       *EventActor `json:"source"`
	Target       *EventActor `json:"target"`
	CAMEO        string      `json:"cameo"`
	CAMEORoot    string      `json:"cameo_root"`
	PLOVER       string      `json:"plover"`
	QuadClass    int         `json:"quad_class"`
	Goldstein    float64     `json:"goldstein"`
	Negated      bool        `json:"negated"`
	Hypothetical bool        `json:"hypothetical"`
	Date         *string     `json:"date"`
	// DateText is the words the date was resolved from ("Tuesday", "last
	// June"); nil when the date is the publication date for want of any.
	DateText *Mention  `json:"date_text"`
	Location *Location `json:"location"`
	Trigger  Mention   `json:"trigger"`
	Sentence Span      `json:"sentence"`
	// Mentions lists every statement of the event in the article: the
	// first is Trigger and Sentence; the same source, target, code,
	// modality and date stated again adds one.
	Mentions []EventMention `json:"mentions"`
}

// EventMention is one statement of an event: its trigger and sentence.
type EventMention struct {
	Trigger  Mention `json:"trigger"`
	Sentence Span    `json:"sentence"`
}

// EventActor is an event's source or target.
type EventActor struct {
	Entity  string `json:"entity"`
	Name    string `json:"name"`
	Actor   string `json:"actor"`
	Country string `json:"country"`
	Sector  string `json:"sector"`
}

// Location is where an event took place: a gazetteer entry and the words
// that named it ("in Brussels", or the dateline).
type Location struct {
	Name    string  `json:"name"`
	Country string  `json:"country"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
	Text    string  `json:"text"`
	Start   int     `json:"start"`
	End     int     `json:"end"`
}

// RecordOptions chooses the optional parts of a Record.
type RecordOptions struct {
	Sentences bool // include the sentences and their tokens
}

// Record builds the JSON record of the document. Lists are never nil, so
// they encode as [] rather than null; absent optional values encode as null.
func (d *Doc) Record(opt RecordOptions) Record {
	r := Record{
		ID:          d.ID,
		Title:       d.Title,
		URL:         optional(d.URL),
		Source:      optional(d.Source),
		Published:   optional(d.Published),
		Dateline:    d.Dateline,
		Text:        d.Text,
		Boilerplate: nonNil(d.Boilerplate),
		Entities:    nonNil(d.Entities),
		Quotes:      nonNil(d.Quotes),
		Events:      nonNil(d.Events),
	}
	for i := range r.Events {
		if r.Events[i].Mentions == nil {
			v := &r.Events[i]
			v.Mentions = []EventMention{{v.Trigger, v.Sentence}}
		}
	}
	if r.Source == nil && d.Dateline != nil && d.Dateline.Agency != "" {
		r.Source = optional(d.Dateline.Agency)
	}
	if opt.Sentences {
		r.Sentences = nonNil(d.Sentences)
		for i := range r.Sentences {
			r.Sentences[i].Tokens = nonNil(r.Sentences[i].Tokens)
		}
	}
	return r
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
