// Package eventwire holds the domain of the eventwire engine: the article
// as read, the document that every pipeline stage annotates, and the JSON
// record that leaves the pipeline.
//
// The data flows in one direction (see docs/architecture.md):
//
//	source -> Article -> clean -> text -> ... -> Doc.Record() -> sink
//
// Every stage lives in its own package, reads the layers that earlier stages
// added to a Doc and adds its own. This package knows no stage.
//
// All offsets are Unicode code-point offsets into the article text,
// half-open: Doc.Runes[Start:End] is the spanned text.
package eventwire

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
)

// Article is one news article as a source read it. Text is kept exactly as
// read; nothing downstream rewrites it.
type Article struct {
	ID        string // given by the input, else derived from Text (see NewDoc)
	Title     string
	URL       string
	Source    string // publisher or agency, e.g. "Reuters"
	Published string // publication date as YYYY-MM-DD, or "" when unknown
	Text      string

	// Origin says where the article was read from, for messages. It is not
	// part of the JSON record.
	Origin Origin
}

// Origin is the position of an article in its input: a file name, URL (or
// "-" for standard input) and, for inputs that hold many articles, its
// 1-based place in them: the line of a JSONL file, the item of a feed, the
// record of a WARC file (0 when the whole input is one article).
type Origin struct {
	Name string
	Line int
}

func (o Origin) String() string {
	if o.Line > 0 {
		return o.Name + ":" + strconv.Itoa(o.Line)
	}
	return o.Name
}

// Span is a half-open range of code points in the article text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the number of code points in the span.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether the code point at offset i lies in the span.
func (s Span) Contains(i int) bool { return s.Start <= i && i < s.End }

// Dateline is the place and agency that open a wire story, such as
// "BRUSSELS (Reuters) -". Start and End cover the whole dateline, dash
// included.
type Dateline struct {
	Place  string `json:"place"`
	Agency string `json:"agency"` // "" when the dateline names none
	Start  int    `json:"start"`
	End    int    `json:"end"`
}

// Boilerplate reasons. Add reasons, never rename them: they are part of the
// JSON contract.
const (
	ReasonDuplicateLine = "duplicate-line" // a line that appears earlier in the article
	ReasonPhotoCredit   = "photo-credit"   // "(REUTERS/Evan Vucci/Pool)"
	ReasonCredits       = "credits"        // "Reporting by ...; Editing by ..."
	ReasonCopyright     = "copyright"      // "(c) 2013 Reuters", "All rights reserved"
	ReasonLink          = "link"           // "Click here ...", "Related: ..."
)

// Boilerplate is a span of the text that later stages skip, with the reason
// it was marked.
type Boilerplate struct {
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Reason string `json:"reason"`
}

// Span returns the boilerplate's range.
func (b Boilerplate) Span() Span { return Span{b.Start, b.End} }

// Token is one word, number or punctuation mark. Start and End come from
// the text stage; the tag and parse stages fill in the rest.
type Token struct {
	Start int
	End   int

	// Added by tag: universal and Penn Treebank part of speech, and lemma.
	UPOS  string
	XPOS  string
	Lemma string

	// Added by parse: Head is the index in the sentence's Tokens of this
	// token's syntactic head, -1 for the root of the sentence; Deprel is the
	// Universal Dependencies relation to it ("nsubj", "obl", "root", ...).
	Head   int
	Deprel string
}

// Sentence is a run of tokens that never crosses a paragraph break.
// Paragraph is the index into Doc.Paragraphs. Tagged and Parsed say which
// of the tokens' syntax fields are filled.
type Sentence struct {
	Start     int
	End       int
	Paragraph int
	Tokens    []Token
	Tagged    bool
	Parsed    bool
}

// Name is a name the ner stage found: tokens [Start, End) of sentence
// Sentence of the Doc.
type Name struct {
	Sentence   int
	Start, End int
	// Type is the recogniser's class: NamePER, NameORG, NameLOC or NameMISC
	// (the CoNLL-2003 classes). The actor stage turns it into an entity
	// type (PERSON, ORG, GPE, LOC, NORP).
	Type string
}

// Name classes, as in CoNLL-2003.
const (
	NamePER  = "PER"
	NameORG  = "ORG"
	NameLOC  = "LOC"
	NameMISC = "MISC"
)

// Doc is an article with every annotation layer that the stages have added
// so far. A Doc belongs to one goroutine at a time.
type Doc struct {
	Article

	// Runes is Text decoded to code points; every offset indexes it.
	Runes []rune

	// Added by clean.
	Dateline    *Dateline
	Boilerplate []Boilerplate

	// Added by text.
	Paragraphs []Span
	Sentences  []Sentence

	// Added by ner: the names found in each sentence, in text order.
	Names []Name

	// Added by actor: every person, organisation, place and group, with
	// all its mentions (names, pronouns, descriptions) and its actor code.
	Entities []Entity

	// Added by later stages; empty until those stages exist.
	Quotes []Quote
	Events []Event
}

// NewDoc starts a document from an article. When the article has no ID, the
// ID is the first 16 hex digits of the SHA-256 of its text, so the same text
// always gets the same ID.
func NewDoc(a Article) *Doc {
	if a.ID == "" {
		a.ID = TextID(a.Text)
	}
	return &Doc{Article: a, Runes: []rune(a.Text)}
}

// TextID is the stable ID of an article that came without one.
func TextID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:8])
}

// Slice returns the text of a span.
func (d *Doc) Slice(s Span) string { return string(d.Runes[s.Start:s.End]) }

// Skipped returns the spans that cleaning marked for later stages to skip:
// the dateline and all boilerplate, in text order.
func (d *Doc) Skipped() []Span {
	spans := make([]Span, 0, len(d.Boilerplate)+1)
	if d.Dateline != nil {
		spans = append(spans, Span{d.Dateline.Start, d.Dateline.End})
	}
	for _, b := range d.Boilerplate {
		spans = append(spans, b.Span())
	}
	sortSpans(spans)
	return spans
}

func sortSpans(s []Span) {
	// Insertion sort: the list is short and nearly sorted.
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && (s[j].Start < s[j-1].Start || s[j].Start == s[j-1].Start && s[j].End < s[j-1].End); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}
