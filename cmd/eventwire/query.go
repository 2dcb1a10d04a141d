package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/geo"
	"github.com/eventwire/eventwire/sink"
	"github.com/eventwire/eventwire/sqlite"
)

// queryCmd answers questions about a database without SQL: `eventwire
// query events` (the default, so `eventwire query --db F --source USA`
// works) and `eventwire query quotes`.
type queryCmd struct {
	Events queryEventsCmd `cmd:"" default:"withargs" help:"Events that match the filters (the default)."`
	Quotes queryQuotesCmd `cmd:"" help:"Quotes that match the filters."`
}

// queryOutput are the flags that say where a query's answer goes.
type queryOutput struct {
	DB     string `name:"db" required:"" type:"path" placeholder:"FILE" help:"SQLite database written by eventwire ingest (opened read-only)."`
	Format string `enum:"auto,table,jsonl" default:"auto" help:"Output: table (readable), jsonl (one JSON object a line) or auto (a table when stdout is a terminal, else JSONL)."`
	Limit  int    `default:"-1" help:"Most results shown; 0 shows all. Default: 100 for a table, all for JSONL."`
}

// eventFilterFlags are the event filters of query and export.
type eventFilterFlags struct {
	Source string `placeholder:"CODE" help:"Source actor: a country (USA) or the start of an actor code (USAGOV)."`
	Target string `placeholder:"CODE" help:"Target actor, as --source."`
	PLOVER string `name:"plover" placeholder:"TYPE" help:"PLOVER event type (ACCUSE)."`
	CAMEO  string `name:"cameo" placeholder:"CODE" help:"CAMEO code or its start (11 matches 110 to 1125)."`
	From   string `placeholder:"YYYY-MM-DD" help:"Events on or after this day."`
	To     string `placeholder:"YYYY-MM-DD" help:"Events on or before this day."`
	Place  string `placeholder:"NAME" help:"Where: a place (Geneva), a country (Syria: anywhere in it) or a country code (CHE)."`
	Text   string `placeholder:"PHRASE" help:"A phrase the article must contain (full-text search)."`
}

// filter returns the sqlite filter the flags ask for.
func (f *eventFilterFlags) filter() (sqlite.EventFilter, error) {
	ef := sqlite.EventFilter{Source: f.Source, Target: f.Target, PLOVER: f.PLOVER, CAMEO: f.CAMEO, Place: f.Place, Text: f.Text}
	var err error
	if ef.From, err = parseDay("--from", f.From); err != nil {
		return ef, err
	}
	if ef.To, err = parseDay("--to", f.To); err != nil {
		return ef, err
	}
	if !ef.From.IsZero() && !ef.To.IsZero() && ef.To.Before(ef.From) {
		return ef, fmt.Errorf("--to %s is before --from %s", f.To, f.From)
	}
	if f.Place != "" {
		// The store has places by their gazetteer names ("Genève") and
		// countries by code: a place as people write it ("Geneva",
		// "Syria") is looked up.
		g, err := geo.Load()
		if err != nil {
			return ef, err
		}
		ef.PlaceNames, ef.PlaceCountries = g.Place(f.Place)
	}
	return ef, nil
}

func parseDay(flag, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return d, fmt.Errorf("%s: bad date %q: want YYYY-MM-DD", flag, s)
	}
	return d, nil
}

// openStore opens an existing database read-only, with messages that say
// what is wrong with it.
func openStore(e *env, path string) (*sqlite.DB, error) {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("--db: %s: no such file (eventwire ingest --db %s SOURCE... creates it)", path, path)
	} else if err != nil {
		return nil, fmt.Errorf("--db: %w", err)
	}
	db, err := sqlite.Open(e.ctx, path, sqlite.Options{ReadOnly: true})
	switch {
	case errors.Is(err, sqlite.ErrNotEventwire):
		return nil, fmt.Errorf("--db: %s is not an eventwire database: %w", path, err)
	case errors.Is(err, sqlite.ErrOutdated):
		return nil, fmt.Errorf("--db: %w (run eventwire ingest --db %s once to migrate it)", err, path)
	case err != nil:
		return nil, fmt.Errorf("--db: %w", err)
	}
	return db, nil
}

// table reports whether the answer is a table, and the limit to apply.
func (o *queryOutput) table(e *env) (table bool, limit int) {
	table = o.Format == "table" || (o.Format == "auto" && stdoutTTY(e))
	limit = o.Limit
	if limit < 0 {
		limit = 0
		if table {
			limit = 100
		}
	}
	return table, limit
}

// stdoutTTY reports whether the command's stdout is a terminal.
func stdoutTTY(e *env) bool {
	f, ok := e.stdout.(*os.File)
	return ok && isTerminal(f)
}

type queryEventsCmd struct {
	queryOutput      `embed:""`
	eventFilterFlags `embed:""`
}

func (c *queryEventsCmd) Run(e *env) error {
	f, err := c.filter()
	if err != nil {
		return err
	}
	table, limit := c.table(e)
	f.Limit = limit
	db, err := openStore(e, c.DB)
	if err != nil {
		return err
	}
	defer db.Close()
	var out eventOut
	if table {
		out = newEventTable(e.stdout)
	} else if out, err = sink.NewEvents("jsonl", e.stdout, sink.Tables{}); err != nil {
		return err
	}
	n := 0
	for r, err := range db.Events(e.ctx, f) {
		if err != nil {
			return fmt.Errorf("--db: %w", err)
		}
		n++
		ev := sink.StoredEvent(&r)
		if err := out.Write(&ev); err != nil {
			return err
		}
	}
	if err := out.Close(); err != nil {
		return err
	}
	if table {
		noteLimit(e, n, limit, "events")
	}
	return nil
}

// noteLimit tells a terminal user that a table may have been cut short.
func noteLimit(e *env, n, limit int, what string) {
	switch {
	case n == 0:
		fmt.Fprintf(e.stderr, "eventwire: no %s match\n", what)
	case limit > 0 && n == limit:
		fmt.Fprintf(e.stderr, "eventwire: the first %d %s; --limit 0 shows all\n", n, what)
	}
}

// eventOut is where query writes events: a table or a sink.
type eventOut interface {
	Write(*sink.Event) error
	Close() error
}

// eventTable writes events as an aligned table for people.
type eventTable struct {
	bw *bufio.Writer
	tw *tabwriter.Writer
}

func newEventTable(w io.Writer) *eventTable {
	bw := bufio.NewWriter(w)
	t := &eventTable{bw: bw, tw: tabwriter.NewWriter(bw, 0, 0, 2, ' ', 0)}
	fmt.Fprintln(t.tw, "DATE\tSOURCE\tTARGET\tCAMEO\tPLOVER\tFLAGS\tPLACE\tTRIGGER\tEVIDENCE")
	return t
}

func (t *eventTable) Write(ev *sink.Event) error {
	v := &ev.Event
	date := "-"
	if v.Date != nil {
		date = *v.Date
	}
	flags := ""
	if v.Negated {
		flags += "N"
	}
	if v.Hypothetical {
		flags += "H"
	}
	place := "-"
	if v.Location != nil {
		place = v.Location.Name
	}
	_, err := fmt.Fprintf(t.tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", date, actorCell(v.Source), actorCell(v.Target),
		v.CAMEO, v.PLOVER, orDash(flags), cell(place, 20), cell(v.Trigger.Text, 20), cell(ev.Evidence, 70))
	return err
}

func (t *eventTable) Close() error {
	if err := t.tw.Flush(); err != nil {
		return err
	}
	return t.bw.Flush()
}

// actorCell shows an actor by its code, or its name when it has none.
func actorCell(a *eventwire.EventActor) string {
	switch {
	case a == nil:
		return "-"
	case a.Actor != "":
		return a.Actor
	}
	return cell(a.Name, 20)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// cell makes s fit a table cell: one line, at most n characters (clipped
// with an ellipsis).
func cell(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return "-"
	}
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

type queryQuotesCmd struct {
	queryOutput `embed:""`
	Speaker     string `placeholder:"NAME" help:"Part of the speaker's name, in any case (Lavrov)."`
	Text        string `placeholder:"PHRASE" help:"A phrase the quote must contain (full-text search)."`
}

// quoteLine is one line of query quotes' JSONL.
type quoteLine struct {
	Article struct {
		ID        string  `json:"id"`
		URL       *string `json:"url"`
		Title     string  `json:"title"`
		Source    *string `json:"source"`
		Published *string `json:"published"`
	} `json:"article"`
	Quote *eventwire.Quote `json:"quote"`
}

func (c *queryQuotesCmd) Run(e *env) error {
	table, limit := c.table(e)
	db, err := openStore(e, c.DB)
	if err != nil {
		return err
	}
	defer db.Close()
	bw := bufio.NewWriter(e.stdout)
	tw := tabwriter.NewWriter(bw, 0, 0, 2, ' ', 0)
	if table {
		fmt.Fprintln(tw, "PUBLISHED\tSPEAKER\tKIND\tCUE\tQUOTE\tTITLE")
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	n := 0
	for r, err := range db.Quotes(e.ctx, sqlite.QuoteFilter{Speaker: c.Speaker, Text: c.Text, Limit: limit}) {
		if err != nil {
			return fmt.Errorf("--db: %w", err)
		}
		n++
		q := &r.Quote
		if table {
			speaker, cue := "-", "-"
			if q.Speaker != nil {
				speaker = q.Speaker.Name
			}
			if q.Cue != nil {
				cue = q.Cue.Text
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", orDash(r.Article.Published), cell(speaker, 24), q.Kind,
				cell(cue, 16), cell(q.Text, 70), cell(r.Article.Title, 30))
			continue
		}
		var l quoteLine
		a := &r.Article
		l.Article.ID, l.Article.Title = a.ID, a.Title
		l.Article.URL, l.Article.Source, l.Article.Published = optional(a.URL), optional(a.Source), optional(a.Published)
		l.Quote = q
		buf.Reset()
		if err := enc.Encode(&l); err != nil {
			return err
		}
		if _, err := bw.Write(buf.Bytes()); err != nil {
			return err
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if table {
		noteLimit(e, n, limit, "quotes")
	}
	return nil
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
