package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"strings"
	"time"

	"github.com/eventwire/eventwire"
)

// EventFilter chooses events. Empty fields do not filter; the others must
// all hold.
type EventFilter struct {
	// Source and Target match an event's source and target actor codes
	// that start with them, in any case: "USA" matches USA, USAGOV and
	// USAMIL (a three-letter value is the actor's country, the first three
	// letters of its code: see actor.SplitCode); "RUSGOV" matches RUSGOV
	// and RUSGOVMIL.
	Source, Target string
	// PLOVER is an event type ("ACCUSE").
	PLOVER string
	// CAMEO is a CAMEO code or a prefix of one: "04" matches 040 to 046.
	CAMEO string
	// From and To bound the event date, both days included; a zero time
	// leaves that end open. Events with no date match only when neither
	// is set.
	From, To time.Time
	// Place is a location name ("Geneva") or country code ("CHE"), in any
	// case.
	Place string
	// PlaceNames and PlaceCountries widen Place with what a gazetteer
	// says of it: an event also matches when its location is one of
	// PlaceNames (in any case: "Genève" for "Geneva") or in one of
	// PlaceCountries ("SYR" for "Syria"). They are ignored when Place is
	// empty.
	PlaceNames, PlaceCountries []string
	// Text is a phrase that the article's text or title must contain (a
	// full-text search: words in order, case and punctuation ignored).
	Text string
	// FirstReports keeps only the first stored report of each event:
	// an event that other articles report again (see the package
	// documentation) is returned once, with the counts of all its reports.
	FirstReports bool
	// Limit caps the number of events returned; 0 returns all.
	Limit int
}

// ArticleRef says which article a query result comes from.
type ArticleRef struct {
	Row       int64  // the article's number in the store, unique in it
	ID        string // the record's id
	URL       string
	Title     string
	Source    string
	Published string
	Added     string // when the store added it, RFC 3339 UTC
}

// EventResult is one event a query found and the article it is from. The
// event is exactly as in the article's record.
type EventResult struct {
	Article ArticleRef
	Event   eventwire.Event
	// Row is the event's number in the store, unique in it (for formats
	// that want a numeric event id).
	Row int64
	// Evidence is the text of the sentence that states the event (its
	// first mention).
	Evidence string
	// Lead is true when that sentence starts in the article's first
	// paragraph (before the first blank line).
	Lead bool
	// SameAs is the Row of the event's first report when this is a
	// later report of it; 0 for a first report.
	SameAs int64
	// NumMentions, NumSources and NumArticles count, over every report of
	// the event, its mentions (at least one a report), the publishers (an
	// article with none counts as its own) and the articles: GDELT's
	// counts.
	NumMentions, NumSources, NumArticles int
}

// QuoteFilter chooses quotes. Empty fields do not filter.
type QuoteFilter struct {
	// Speaker is part of the speaker's name, in any case: "Lavrov"
	// matches "Sergei Lavrov".
	Speaker string
	// Text is a phrase that the quote must contain (a full-text search).
	Text string
	// Limit caps the number of quotes returned; 0 returns all.
	Limit int
}

// QuoteResult is one quote a query found and the article it is from.
type QuoteResult struct {
	Article ArticleRef
	Quote   eventwire.Quote
}

const articleCols = `a.id, a.doc_id, coalesce(a.url, ''), a.title, coalesce(s.name, ''), coalesce(a.published, ''), a.added`

// eventWhere returns the conditions on events e (joined with nothing)
// that f sets, and their arguments.
func eventWhere(f EventFilter) (where []string, args []any) {
	actorCond := func(side, v string) {
		if len(v) == 3 {
			// The country is the first three letters of the code
			// (actor.SplitCode), and has an index with the other side.
			where = append(where, "e."+side+"_country = ?")
			args = append(args, v)
			return
		}
		lo, hi := prefixRange(v)
		where = append(where, fmt.Sprintf("e.%[1]s_actor >= ? AND e.%[1]s_actor < ?", side))
		args = append(args, lo, hi)
	}
	if f.Source != "" {
		actorCond("source", strings.ToUpper(f.Source))
	}
	if f.Target != "" {
		actorCond("target", strings.ToUpper(f.Target))
	}
	if f.PLOVER != "" {
		where = append(where, "e.plover = ?")
		args = append(args, strings.ToUpper(f.PLOVER))
	}
	if f.CAMEO != "" {
		lo, hi := prefixRange(f.CAMEO)
		where = append(where, "e.cameo >= ? AND e.cameo < ?")
		args = append(args, lo, hi)
	}
	if !f.From.IsZero() {
		where = append(where, "e.date >= ?")
		args = append(args, f.From.Format(time.DateOnly))
	}
	if !f.To.IsZero() {
		where = append(where, "e.date <= ?")
		args = append(args, f.To.Format(time.DateOnly))
	}
	if f.Place != "" {
		conds := []string{"e.location = ? COLLATE NOCASE", "e.location_country = ?"}
		args = append(args, f.Place, strings.ToUpper(f.Place))
		for _, n := range f.PlaceNames {
			conds = append(conds, "e.location = ? COLLATE NOCASE")
			args = append(args, n)
		}
		for _, c := range f.PlaceCountries {
			conds = append(conds, "e.location_country = ?")
			args = append(args, strings.ToUpper(c))
		}
		where = append(where, "("+strings.Join(conds, " OR ")+")")
	}
	if f.Text != "" {
		where = append(where, "e.article_id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
		args = append(args, phrase(f.Text))
	}
	if f.FirstReports {
		where = append(where, "e.same_as IS NULL")
	}
	return where, args
}

// Events yields the events that match f, by date (undated last), then in
// the order stored. The query runs when the sequence is ranged over; an
// error ends it.
func (db *DB) Events(ctx context.Context, f EventFilter) iter.Seq2[EventResult, error] {
	where, args := eventWhere(f)
	// The evidence is the sentence of the event's first mention (offsets
	// are code points, as SQLite's substr counts them); the lead paragraph
	// ends at the first blank line.
	q := `SELECT ` + articleCols + `, e.json, e.id,
		coalesce(substr(a.text, json_extract(e.json, '$.sentence.start') + 1,
			json_extract(e.json, '$.sentence.end') - json_extract(e.json, '$.sentence.start')), ''),
		coalesce(json_extract(e.json, '$.sentence.start') <
			coalesce(nullif(instr(a.text, char(10) || char(10)), 0) - 1, length(a.text)), 0),
		coalesce(e.same_as, 0), ` + reportCounts + `
		FROM events e JOIN articles a ON a.id = e.article_id LEFT JOIN sources s ON s.id = a.source_id`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY e.date IS NULL, e.date, e.id"
	if f.Limit > 0 {
		q += " LIMIT ?"
		args = append(args, f.Limit)
	}
	return query(ctx, db, q, args, func(r *EventResult, js []byte) error {
		return json.Unmarshal(js, &r.Event)
	}, func(r *EventResult) []any {
		return []any{&r.Row, &r.Evidence, &r.Lead, &r.SameAs, &r.NumMentions, &r.NumSources, &r.NumArticles}
	})
}

// reportCounts are the columns of an event's counts over all its reports
// (the reports of event g are g and the events whose same_as is g), as
// the event_groups view has them, computed for the one event.
const reportCounts = `
	(SELECT sum(max(1, (SELECT count(*) FROM event_mentions m WHERE m.event_id = x.id)))
		FROM events x WHERE x.id = coalesce(e.same_as, e.id) OR x.same_as = coalesce(e.same_as, e.id)),
	(SELECT count(DISTINCT coalesce(xa.source_id, -xa.id))
		FROM events x JOIN articles xa ON xa.id = x.article_id
		WHERE x.id = coalesce(e.same_as, e.id) OR x.same_as = coalesce(e.same_as, e.id)),
	(SELECT count(DISTINCT x.article_id)
		FROM events x WHERE x.id = coalesce(e.same_as, e.id) OR x.same_as = coalesce(e.same_as, e.id))`

// Records yields the JSON records of the articles that have an event
// matching f, in the order stored; with no filter set, those of every
// article, events or not. f.Limit caps the number of records;
// f.FirstReports is ignored (a record holds every event in it).
func (db *DB) Records(ctx context.Context, f EventFilter) iter.Seq2[eventwire.Record, error] {
	f.FirstReports = false
	where, args := eventWhere(f)
	q := `SELECT a.record FROM articles a`
	if len(where) > 0 {
		q += " WHERE a.id IN (SELECT e.article_id FROM events e WHERE " + strings.Join(where, " AND ") + ")"
	}
	q += " ORDER BY a.id"
	if f.Limit > 0 {
		q += " LIMIT ?"
		args = append(args, f.Limit)
	}
	return func(yield func(eventwire.Record, error) bool) {
		rows, err := db.sql.QueryContext(ctx, q, args...)
		if err != nil {
			yield(eventwire.Record{}, fmt.Errorf("query: %w", err))
			return
		}
		defer rows.Close()
		var js []byte
		for rows.Next() {
			var r eventwire.Record
			if err := rows.Scan(&js); err != nil {
				yield(r, fmt.Errorf("query: %w", err))
				return
			}
			if err := json.Unmarshal(js, &r); err != nil {
				yield(r, fmt.Errorf("query: record: %w", err))
				return
			}
			if !yield(r, nil) {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(eventwire.Record{}, fmt.Errorf("query: %w", err))
		}
	}
}

// Quotes yields the quotes that match f, in the order stored.
func (db *DB) Quotes(ctx context.Context, f QuoteFilter) iter.Seq2[QuoteResult, error] {
	var where []string
	var args []any
	if f.Speaker != "" {
		where = append(where, "q.speaker_name LIKE ? ESCAPE '\\'")
		args = append(args, "%"+likeEscape(f.Speaker)+"%")
	}
	if f.Text != "" {
		where = append(where, "q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
		args = append(args, phrase(f.Text))
	}
	q := `SELECT ` + articleCols + `, q.json
		FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN sources s ON s.id = a.source_id`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY q.id"
	if f.Limit > 0 {
		q += " LIMIT ?"
		args = append(args, f.Limit)
	}
	return query(ctx, db, q, args, func(r *QuoteResult, js []byte) error {
		return json.Unmarshal(js, &r.Quote)
	}, nil)
}

// result is a query result: an article and one JSON record part.
type result interface {
	ref() *ArticleRef
}

func (r *EventResult) ref() *ArticleRef { return &r.Article }
func (r *QuoteResult) ref() *ArticleRef { return &r.Article }

// query runs q and yields its rows: the article columns, then JSON that
// decode puts into the result, then the columns that extra (if not nil)
// gives the destinations of.
func query[T any, P interface {
	*T
	result
}](ctx context.Context, db *DB, q string, args []any, decode func(P, []byte) error, extra func(P) []any) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		rows, err := db.sql.QueryContext(ctx, q, args...)
		if err != nil {
			yield(zero, fmt.Errorf("query: %w", err))
			return
		}
		defer rows.Close()
		var js []byte
		for rows.Next() {
			var r T
			a := P(&r).ref()
			dest := []any{&a.Row, &a.ID, &a.URL, &a.Title, &a.Source, &a.Published, &a.Added, &js}
			if extra != nil {
				dest = append(dest, extra(&r)...)
			}
			if err := rows.Scan(dest...); err != nil {
				yield(zero, fmt.Errorf("query: %w", err))
				return
			}
			if err := decode(&r, js); err != nil {
				yield(zero, fmt.Errorf("query: article %s: %w", a.ID, err))
				return
			}
			if !yield(r, nil) {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(zero, fmt.Errorf("query: %w", err))
		}
	}
}

// prefixRange returns the bounds [lo, hi) of the strings that start with
// p, for a range scan on an index.
func prefixRange(p string) (lo, hi string) {
	return p, p + "\U0010FFFF"
}

// phrase quotes s as one FTS5 phrase, so that user text cannot be read as
// query syntax. NUL, which would end the query early, becomes a space.
func phrase(s string) string {
	return `"` + strings.NewReplacer(`"`, `""`, "\x00", " ").Replace(s) + `"`
}

// likeEscape escapes LIKE's wildcards in s (the escape character is \).
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
