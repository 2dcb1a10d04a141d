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
	// Text is a phrase that the article's text or title must contain (a
	// full-text search: words in order, case and punctuation ignored).
	Text string
	// Limit caps the number of events returned; 0 returns all.
	Limit int
}

// ArticleRef says which article a query result comes from.
type ArticleRef struct {
	ID        string // the record's id
	URL       string
	Title     string
	Source    string
	Published string
}

// EventResult is one event a query found and the article it is from. The
// event is exactly as in the article's record.
type EventResult struct {
	Article ArticleRef
	Event   eventwire.Event
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

const articleCols = `a.doc_id, coalesce(a.url, ''), a.title, coalesce(s.name, ''), coalesce(a.published, '')`

// Events yields the events that match f, by date (undated last), then in
// the order stored. The query runs when the sequence is ranged over; an
// error ends it.
func (db *DB) Events(ctx context.Context, f EventFilter) iter.Seq2[EventResult, error] {
	var where []string
	var args []any
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
		where = append(where, "(e.location = ? COLLATE NOCASE OR e.location_country = ?)")
		args = append(args, f.Place, strings.ToUpper(f.Place))
	}
	if f.Text != "" {
		where = append(where, "e.article_id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
		args = append(args, phrase(f.Text))
	}
	q := `SELECT ` + articleCols + `, e.json
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
	})
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
	})
}

// result is a query result: an article and one JSON record part.
type result interface {
	ref() *ArticleRef
}

func (r *EventResult) ref() *ArticleRef { return &r.Article }
func (r *QuoteResult) ref() *ArticleRef { return &r.Article }

// query runs q and yields its rows: the article columns, then JSON that
// decode puts into the result.
func query[T any, P interface {
	*T
	result
}](ctx context.Context, db *DB, q string, args []any, decode func(P, []byte) error) iter.Seq2[T, error] {
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
			if err := rows.Scan(&a.ID, &a.URL, &a.Title, &a.Source, &a.Published, &js); err != nil {
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
