package sink

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/event"
	"github.com/eventwire/eventwire/geo"
	"github.com/eventwire/eventwire/sqlite"
)

// EventFormats lists the formats NewEvents accepts.
var EventFormats = []string{"jsonl", "csv", "gdelt", "icews"}

// Event is one event with the article it was found in, as an event table
// row needs it.
type Event struct {
	// ID is a number unique among the events written (GDELT's
	// GLOBALEVENTID, ICEWS's Event ID): the store's row number.
	ID    int64
	Event eventwire.Event
	// Article says where the event is from. Article.Row is a number
	// unique among articles (ICEWS's Story ID).
	Article Article
	// Evidence is the sentence that states the event.
	Evidence string
	// Lead is true when that sentence is in the article's first paragraph
	// (GDELT's IsRootEvent).
	Lead bool
	// NumMentions, NumSources and NumArticles count the statements of the
	// event, and the publishers and articles that report it. 0 reads as
	// the event's own mentions, and 1 (the article itself).
	NumMentions, NumSources, NumArticles int
}

// StoredEvent is the event row of an event found in the store.
func StoredEvent(r *sqlite.EventResult) Event {
	a := &r.Article
	added, _ := time.Parse(time.RFC3339, a.Added) // zero when unknown
	return Event{ID: r.Row, Event: r.Event, Evidence: r.Evidence, Lead: r.Lead,
		NumMentions: r.NumMentions, NumSources: r.NumSources, NumArticles: r.NumArticles,
		Article: Article{Row: a.Row, ID: a.ID, URL: a.URL, Title: a.Title, Source: a.Source,
			Published: a.Published, Added: added}}
}

// Article is what an event row says of its article.
type Article struct {
	Row       int64
	ID        string // the record's id
	URL       string
	Title     string
	Source    string    // publisher
	Published string    // YYYY-MM-DD, or ""
	Added     time.Time // when it was stored; zero when unknown
}

// EventSink writes events as rows of a table. Close flushes the output; it
// does not close the underlying writer.
type EventSink interface {
	Write(e *Event) error
	Close() error
}

// Tables are the read-only code books that the GDELT and ICEWS formats
// name things with. NewEvents loads the embedded ones for fields left nil.
type Tables struct {
	Geo      *geo.Gazetteer
	Ontology *event.Ontology
}

// NewEvents returns a sink writing events to w in format: "jsonl" (one
// JSON object a line: the article reference, the event as in the record,
// the evidence), "csv" (a header, then one event a row), "gdelt" (the 61
// GDELT 2.0 event columns, tab-separated, no header) or "icews" (the
// ICEWS event columns, tab-separated, with their header).
func NewEvents(format string, w io.Writer, t Tables) (EventSink, error) {
	bw := bufio.NewWriterSize(w, 64<<10)
	switch format {
	case "jsonl", "":
		return &eventJSONL{w: bw}, nil
	case "csv":
		return newCSV(bw), nil
	}
	if format != "gdelt" && format != "icews" {
		return nil, fmt.Errorf("%w %q (want one of %v)", ErrFormat, format, EventFormats)
	}
	if err := t.load(); err != nil {
		return nil, err
	}
	if format == "gdelt" {
		return &gdelt{w: bw, t: t}, nil
	}
	return newICEWS(bw, t)
}

func (t *Tables) load() error {
	var err error
	if t.Geo == nil {
		if t.Geo, err = geo.Load(); err != nil {
			return fmt.Errorf("sink: %w", err)
		}
	}
	if t.Ontology == nil {
		if t.Ontology, err = event.LoadOntology(); err != nil {
			return fmt.Errorf("sink: %w", err)
		}
	}
	return nil
}

// eventLine is the JSON object of the jsonl event format.
type eventLine struct {
	Article  articleJSON      `json:"article"`
	Event    *eventwire.Event `json:"event"`
	Evidence string           `json:"evidence"`
}

type articleJSON struct {
	ID        string  `json:"id"`
	URL       *string `json:"url"`
	Title     string  `json:"title"`
	Source    *string `json:"source"`
	Published *string `json:"published"`
}

type eventJSONL struct {
	w   *bufio.Writer
	buf bytes.Buffer
}

func (s *eventJSONL) Write(e *Event) error {
	s.buf.Reset()
	enc := json.NewEncoder(&s.buf)
	enc.SetEscapeHTML(false)
	a := &e.Article
	err := enc.Encode(eventLine{
		Article: articleJSON{ID: a.ID, URL: optional(a.URL), Title: a.Title,
			Source: optional(a.Source), Published: optional(a.Published)},
		Event:    &e.Event,
		Evidence: e.Evidence,
	})
	if err != nil {
		return err
	}
	return writeWhole(s.w, s.buf.Bytes())
}

func (s *eventJSONL) Close() error { return s.w.Flush() }

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// counts returns an event's mention, source and article counts, at least
// those of the one article it is from.
func counts(e *Event) (mentions, sources, articles int) {
	mentions = e.NumMentions
	if mentions <= 0 {
		mentions = max(len(e.Event.Mentions), 1)
	}
	return mentions, max(e.NumSources, 1), max(e.NumArticles, 1)
}

// writeRow writes the fields of one row, separated by sep, and a newline,
// whole (see writeWhole).
func writeRow(w *bufio.Writer, out *[]byte, fields []string, sep byte) error {
	b := (*out)[:0]
	for i, f := range fields {
		if i > 0 {
			b = append(b, sep)
		}
		b = append(b, f...)
	}
	b = append(b, '\n')
	*out = b
	return writeWhole(w, b)
}
