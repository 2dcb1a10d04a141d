package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"math"
	"regexp"
	"slices"
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
	// Actor matches an event with either side's actor code starting with
	// it, as Source and Target do.
	Actor string
	// PLOVER is an event type ("ACCUSE").
	PLOVER string
	// Quad is a quad class, 1 (verbal cooperation) to 4 (material
	// conflict); 0 matches any.
	Quad int
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
	// Newest orders the events newest date first (undated last), then
	// newest stored first, instead of oldest first. With Text it orders
	// them by article, newest stored first, then in the article's order:
	// the full-text index yields its matches in that order, so a page of
	// a common word costs no more than one of a rare word.
	Newest bool
	// Limit caps the number of events returned; 0 returns all. Offset
	// skips that many first.
	Limit, Offset int
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
	// SpeakerActor matches the quotes whose speaker entity has an actor
	// code starting with it, as EventFilter.Source does.
	SpeakerActor string
	// Text is a phrase that the quote must contain (a full-text search).
	Text string
	// Article is the Row of the only article to search; 0 searches all.
	Article int64
	// Newest orders the quotes by their article's published date, newest
	// first (undated last), instead of in the order stored. With Text it
	// orders them newest stored first: the full-text index yields its
	// matches in that order, so a page of a common word costs no more than
	// one of a rare word.
	Newest bool
	// Limit caps the number of quotes returned; 0 returns all. Offset
	// skips that many first.
	Limit, Offset int
}

// QuoteResult is one quote a query found and the article it is from.
type QuoteResult struct {
	Article ArticleRef
	Quote   eventwire.Quote
}

const articleCols = `a.id, a.doc_id, coalesce(a.url, ''), a.title, coalesce(s.name, ''), coalesce(a.published, ''), a.added`

// eventCond is one condition of an EventFilter on events e, with its
// arguments, and how its matches may be counted: kind is "actor" (counted
// in actor_pairs, which has the same actor columns), "index" (on an
// index of events), "date" (on events_date), "text" (articles_fts) or ""
// (no index: never found first).
type eventCond struct {
	sql, kind string
	args      []any
}

// eventConds returns the conditions on events e that f sets.
func eventConds(f EventFilter) []eventCond {
	var conds []eventCond
	add := func(kind, sql string, args ...any) {
		conds = append(conds, eventCond{sql: sql, kind: kind, args: args})
	}
	side := func(side, v string) {
		cond, a := actorCond(side, strings.ToUpper(v))
		add("actor", cond, a...)
	}
	if f.Source != "" {
		side("source", f.Source)
	}
	if f.Target != "" {
		side("target", f.Target)
	}
	if f.Actor != "" {
		code := strings.ToUpper(f.Actor)
		src, a := actorCond("source", code)
		tgt, b := actorCond("target", code)
		add("actor", "("+src+" OR "+tgt+")", append(a, b...)...)
	}
	if f.Quad != 0 {
		add("", "e.quad_class = ?", f.Quad)
	}
	if f.PLOVER != "" {
		add("index", "e.plover = ?", strings.ToUpper(f.PLOVER))
	}
	if f.CAMEO != "" {
		lo, hi := prefixRange(f.CAMEO)
		add("index", "e.cameo >= ? AND e.cameo < ?", lo, hi)
	}
	if !f.From.IsZero() || !f.To.IsZero() {
		var w []string
		var args []any
		if !f.From.IsZero() {
			w, args = append(w, "e.date >= ?"), append(args, f.From.Format(time.DateOnly))
		}
		if !f.To.IsZero() {
			w, args = append(w, "e.date <= ?"), append(args, f.To.Format(time.DateOnly))
		}
		add("date", strings.Join(w, " AND "), args...)
	}
	if f.Place != "" {
		w := []string{"e.location = ? COLLATE NOCASE", "e.location_country = ?"}
		args := []any{f.Place, strings.ToUpper(f.Place)}
		for _, n := range f.PlaceNames {
			w = append(w, "e.location = ? COLLATE NOCASE")
			args = append(args, n)
		}
		for _, c := range f.PlaceCountries {
			w = append(w, "e.location_country = ?")
			args = append(args, strings.ToUpper(c))
		}
		add("index", "("+strings.Join(w, " OR ")+")", args...)
	}
	if f.Text != "" {
		add("text", "e.article_id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", phrase(f.Text))
	}
	if f.FirstReports {
		add("", "e.same_as IS NULL")
	}
	return conds
}

// eventWhere returns the conditions on events e (joined with nothing)
// that f sets, and their arguments.
func eventWhere(f EventFilter) (where []string, args []any) {
	for _, c := range eventConds(f) {
		where, args = append(where, c.sql), append(args, c.args...)
	}
	return where, args
}

// eventColumn matches the columns of events e in a condition.
var eventColumn = regexp.MustCompile(`(^|[^\w.+])e\.`)

// check returns the condition c as a check on a row found otherwise: its
// columns made expressions (+e.x), so that the query planner does not
// look them up in an index.
func (c eventCond) check() string {
	if c.kind == "text" {
		return "EXISTS (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? AND rowid = e.article_id)"
	}
	return eventColumn.ReplaceAllString(c.sql, "$1+e.")
}

// eventPage returns the query of the ids of the page of events that f
// chooses, in its order, and its arguments. As quotePage, it chooses the
// plan from estimates of how many events each condition keeps: the
// matches of the most selective condition, found through its index and
// sorted, when few; else the events in date order through events_date,
// each checked, until the page is full.
func (db *DB) eventPage(ctx context.Context, f EventFilter) (string, []any, error) {
	conds := eventConds(f)
	var total, articles int
	if err := db.sql.QueryRowContext(ctx, "SELECT coalesce(max(id), 0), (SELECT coalesce(max(id), 0) FROM articles) FROM events").
		Scan(&total, &articles); err != nil {
		return "", nil, err
	}
	n := max(f.Offset, 0) + f.Limit
	if f.Limit <= 0 {
		n = total
	}
	most := walkLimit(n, total)
	// The actor conditions together, from the counts of actor_pairs.
	best, bestEst := -1, most
	var actorWhere []string
	var actorArgs []any
	for _, c := range conds {
		if c.kind == "actor" {
			actorWhere, actorArgs = append(actorWhere, c.sql), append(actorArgs, c.args...)
		}
	}
	if len(actorWhere) > 0 {
		var est int
		err := db.sql.QueryRowContext(ctx, "SELECT coalesce(sum(events), 0) FROM actor_pairs e WHERE "+strings.Join(actorWhere, " AND "), actorArgs...).
			Scan(&est)
		if err != nil {
			return "", nil, err
		}
		if est < bestEst {
			best, bestEst = -2, est // -2: the actor conditions
		}
	}
	for i, c := range conds {
		var est int
		var err error
		switch c.kind {
		case "index", "date":
			est, err = db.countUpTo(ctx, "events e WHERE "+c.sql, c.args, bestEst)
		case "text":
			// Articles found, times the events per article.
			est, err = db.countUpTo(ctx, "articles_fts WHERE articles_fts MATCH ?", c.args, bestEst)
			est = int(float64(est) * float64(total) / float64(max(articles, 1)))
		default:
			continue
		}
		if err != nil {
			return "", nil, err
		}
		if est < bestEst {
			best, bestEst = i, est
		}
	}
	if f.Newest && f.Text != "" {
		q, a := newestText(conds, best, f)
		return q, a, nil
	}
	var where []string
	var args []any
	for i, c := range conds {
		// Reading events_date, its range is a look-up too.
		if i == best || best == -2 && c.kind == "actor" || best == -1 && c.kind == "date" {
			where = append(where, c.sql)
		} else {
			where = append(where, c.check())
		}
		args = append(args, c.args...)
	}
	and := func(w ...string) string {
		w = append(w, where...)
		if len(w) == 0 {
			return ""
		}
		return " WHERE " + strings.Join(w, " AND ")
	}
	page := func(q string, args []any) (string, []any) {
		return q + " LIMIT ? OFFSET ?", append(args, limit(f.Limit), max(f.Offset, 0))
	}
	switch {
	case best != -1 && f.Newest:
		// Ordered by an expression, so that the planner sorts the matches
		// rather than reading events_date for the order.
		q, a := page(`SELECT e.id FROM events e`+and()+` ORDER BY +e.date DESC, e.id DESC`, args)
		return q, a, nil
	case best != -1:
		q, a := page(`SELECT e.id FROM events e`+and()+` ORDER BY e.date IS NULL, +e.date, e.id`, args)
		return q, a, nil
	case f.Newest:
		// Undated events (NULL) come last when reading the index
		// backwards.
		q, a := page(`SELECT e.id FROM events e INDEXED BY events_date`+and()+` ORDER BY e.date DESC, e.id DESC`, args)
		return q, a, nil
	}
	// The dated events in order, then the undated ones: each part reads
	// events_date in its order.
	inner := limit(f.Limit)
	if inner > 0 {
		inner += max(f.Offset, 0)
	}
	q := `SELECT id FROM (SELECT e.id FROM events e INDEXED BY events_date` + and("e.date IS NOT NULL") + ` ORDER BY e.date, e.id LIMIT ?)
		UNION ALL SELECT id FROM (SELECT e.id FROM events e INDEXED BY events_date` + and("e.date IS NULL") + ` ORDER BY e.id LIMIT ?)`
	a := append(append(append(slices.Clip(args), inner), args...), inner)
	q, a = page(q, a)
	return q, a, nil
}

// newestText returns the query of a page of the events that conds (with
// a text condition) choose, newest stored article first, and its
// arguments: through the matches of the full-text index in reverse order,
// the other conditions checked on each, unless another condition (best)
// finds fewer events, which are then sorted.
func newestText(conds []eventCond, best int, f EventFilter) (string, []any) {
	var where []string
	var args []any
	walk := best == -1 || best >= 0 && conds[best].kind == "text"
	for i, c := range conds {
		switch {
		case walk && c.kind == "text":
			where = append(where, "articles_fts MATCH ?")
		case !walk && (i == best || best == -2 && c.kind == "actor"):
			where = append(where, c.sql)
		default:
			where = append(where, c.check())
		}
		args = append(args, c.args...)
	}
	q := `SELECT e.id FROM events e WHERE ` + strings.Join(where, " AND ") + ` ORDER BY +e.article_id DESC, e.id`
	if walk {
		q = `SELECT e.id FROM articles_fts CROSS JOIN events e INDEXED BY events_article ON e.article_id = articles_fts.rowid
			WHERE ` + strings.Join(where, " AND ") + ` ORDER BY articles_fts.rowid DESC`
	}
	return q + " LIMIT ? OFFSET ?", append(args, limit(f.Limit), max(f.Offset, 0))
}

// Events yields the events that match f, by date (undated last), then in
// the order stored. The query runs when the sequence is ranged over; an
// error ends it.
func (db *DB) Events(ctx context.Context, f EventFilter) iter.Seq2[EventResult, error] {
	return func(yield func(EventResult, error) bool) {
		// The page of events is chosen on the events table alone, so that
		// the columns below are computed for that page only.
		page, args, err := db.eventPage(ctx, f)
		if err != nil {
			yield(EventResult{}, fmt.Errorf("query: %w", err))
			return
		}
		order := "e.date IS NULL, e.date, e.id"
		switch {
		case f.Newest && f.Text != "":
			order = "e.article_id DESC, e.id"
		case f.Newest:
			// NULL sorts first ascending, so last descending.
			order = "e.date DESC, e.id DESC"
		}
		// The evidence is the sentence of the event's first mention
		// (offsets are code points, as SQLite's substr counts them); the
		// lead paragraph ends at the first blank line.
		q := `SELECT ` + articleCols + `, e.json, e.id,
			coalesce(substr(a.text, json_extract(e.json, '$.sentence.start') + 1,
				json_extract(e.json, '$.sentence.end') - json_extract(e.json, '$.sentence.start')), ''),
			coalesce(json_extract(e.json, '$.sentence.start') <
				coalesce(nullif(instr(a.text, char(10) || char(10)), 0) - 1, length(a.text)), 0),
			coalesce(e.same_as, 0), ` + reportCounts + `
			FROM (` + page + `) p JOIN events e ON e.id = p.id
			JOIN articles a ON a.id = e.article_id LEFT JOIN sources s ON s.id = a.source_id
			ORDER BY ` + order
		for r, err := range query(ctx, db, q, args, func(r *EventResult, js []byte) error {
			return json.Unmarshal(js, &r.Event)
		}, func(r *EventResult) []any {
			return []any{&r.Row, &r.Evidence, &r.Lead, &r.SameAs, &r.NumMentions, &r.NumSources, &r.NumArticles}
		}) {
			if !yield(r, err) {
				return
			}
		}
	}
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

// Quotes yields the quotes that match f, in the order stored, or with
// f.Newest by their article's published date, newest first (undated
// last), then newest stored; with f.Newest and f.Text, newest stored
// first.
func (db *DB) Quotes(ctx context.Context, f QuoteFilter) iter.Seq2[QuoteResult, error] {
	return func(yield func(QuoteResult, error) bool) {
		page, args, err := db.quotePage(ctx, f)
		if err != nil {
			yield(QuoteResult{}, fmt.Errorf("query: %w", err))
			return
		}
		order := "q.id"
		switch {
		case f.Newest && f.Text != "":
			order = "q.id DESC"
		case f.Newest:
			order = "a.published DESC, a.id DESC, q.id"
		}
		q := `SELECT ` + articleCols + `, q.json
			FROM (` + page + `) p JOIN quotes q ON q.id = p.id
			JOIN articles a ON a.id = q.article_id LEFT JOIN sources s ON s.id = a.source_id
			ORDER BY ` + order
		for r, err := range query(ctx, db, q, args, func(r *QuoteResult, js []byte) error {
			return json.Unmarshal(js, &r.Quote)
		}, nil) {
			if !yield(r, err) {
				return
			}
		}
	}
}

// quotePage returns the query of the ids of the quotes that f chooses, in
// its order, and its arguments. The query plan is chosen here from an
// estimate of how many quotes each condition keeps (the planner has no
// such figures): when few, they are found through their indexes and then
// sorted; when many, the quotes are read in order and the conditions
// checked on each, until the page is full.
func (db *DB) quotePage(ctx context.Context, f QuoteFilter) (string, []any, error) {
	// Each condition as an index look-up (find) and as a check on a row
	// that another way found (check), with the same arguments.
	type cond struct {
		find, check string
		args        []any
		estimate    int
	}
	// Reading quotes in order finds a page of n after about n*total/k
	// quotes when k of total match; finding the k first reads k.
	var total int
	if err := db.sql.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) FROM quotes").Scan(&total); err != nil {
		return "", nil, err
	}
	n := max(f.Offset, 0) + f.Limit
	if f.Limit <= 0 {
		n = total
	}
	most := walkLimit(n, total)
	var conds []cond
	if f.Speaker != "" {
		c := cond{
			find:  "q.speaker_name IN (SELECT name FROM speakers WHERE name LIKE ? ESCAPE '\\')",
			check: "+q.speaker_name IN (SELECT name FROM speakers WHERE name LIKE ? ESCAPE '\\')",
			args:  []any{"%" + likeEscape(f.Speaker) + "%"},
		}
		err := db.sql.QueryRowContext(ctx, "SELECT coalesce(sum(quotes), 0) FROM speakers WHERE name LIKE ? ESCAPE '\\'", c.args...).
			Scan(&c.estimate)
		if err != nil {
			return "", nil, err
		}
		conds = append(conds, c)
	}
	if f.SpeakerActor != "" {
		lo, hi := prefixRange(strings.ToUpper(f.SpeakerActor))
		c := cond{
			find:  "q.speaker_id IN (SELECT id FROM entities WHERE actor >= ? AND actor < ?)",
			check: "EXISTS (SELECT 1 FROM entities en WHERE en.id = q.speaker_id AND en.actor >= ? AND en.actor < ?)",
			args:  []any{lo, hi},
		}
		err := db.sql.QueryRowContext(ctx, "SELECT coalesce(sum(quotes), 0) FROM actor_names WHERE actor >= ? AND actor < ?", lo, hi).
			Scan(&c.estimate)
		if err != nil {
			return "", nil, err
		}
		conds = append(conds, c)
	}
	if f.Text != "" {
		c := cond{
			find:  "q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)",
			check: "EXISTS (SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH ? AND rowid = q.id)",
			args:  []any{phrase(f.Text)},
		}
		var err error
		if c.estimate, err = db.countUpTo(ctx, "quotes_fts WHERE quotes_fts MATCH ?", c.args, most); err != nil {
			return "", nil, err
		}
		conds = append(conds, c)
	}
	if f.Article != 0 {
		conds = append(conds, cond{find: "q.article_id = ?", check: "+q.article_id = ?", args: []any{f.Article}})
	}
	best := -1 // the condition that finds, -1 for none
	for i, c := range conds {
		if best < 0 || c.estimate < conds[best].estimate {
			best = i
		}
	}
	if best >= 0 && conds[best].estimate >= most {
		best = -1
	}
	// A text search is never a check in a long walk (each check is a
	// full-text query): quotes_fts yields its matches in the order stored,
	// or in reverse for the newest first, and the other conditions are
	// checked on each.
	text := -1
	if f.Text != "" {
		text = len(conds) - 1
		if f.Article != 0 {
			text--
		}
		if best < 0 {
			best = text
		}
	}
	var where []string
	var args []any
	for i, c := range conds {
		switch {
		case i == best && i == text:
			where = append(where, "quotes_fts MATCH ?")
		case i == best:
			where = append(where, c.find)
		default:
			where = append(where, c.check)
		}
		args = append(args, c.args...)
	}
	page := `SELECT q.id FROM quotes q`
	order := "q.id"
	switch {
	case best == text && text >= 0:
		order = "quotes_fts.rowid"
		if f.Newest {
			order += " DESC"
		}
		page = `SELECT q.id FROM quotes_fts CROSS JOIN quotes q ON q.id = quotes_fts.rowid`
	case f.Newest && text >= 0:
		order = "q.id DESC"
	case f.Newest && best < 0:
		// The newest articles first, through their index.
		order = "a.published DESC, a.id DESC, q.id"
		page = `SELECT q.id FROM articles a INDEXED BY articles_published CROSS JOIN quotes q ON q.article_id = a.id`
	case f.Newest:
		order = "a.published DESC, a.id DESC, q.id"
		page += ` JOIN articles a ON a.id = q.article_id`
	}
	if len(where) > 0 {
		page += " WHERE " + strings.Join(where, " AND ")
	}
	page += " ORDER BY " + order + " LIMIT ? OFFSET ?"
	return page, append(args, limit(f.Limit), max(f.Offset, 0)), nil
}

// countUpTo counts the rows of from (a FROM clause and its WHERE) up to
// n: an estimate whose cost is bounded.
func (db *DB) countUpTo(ctx context.Context, from string, args []any, n int) (int, error) {
	var c int
	err := db.sql.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM `+from+` LIMIT ?)`,
		append(slices.Clip(args), n)...).Scan(&c)
	return c, err
}

// walkLimit is the number of matches above which reading rows in order
// and checking each finds a page of n faster than finding every match and
// sorting them: about n*total/k rows read against k.
func walkLimit(n, total int) int {
	return int(math.Sqrt(float64(n)*float64(total))) + 1
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
