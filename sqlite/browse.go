package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/eventwire/eventwire"
)

// ErrNotFound is returned by Article and Actor for what the store does not
// hold.
var ErrNotFound = errors.New("not found")

// ArticleFilter chooses articles. Empty fields do not filter.
type ArticleFilter struct {
	// Text is a phrase the title or text must contain (a full-text
	// search, as EventFilter.Text).
	Text string
	// Source is the publisher's name, exact, in any case.
	Source string
	// From and To bound the published date, both days included.
	From, To time.Time
	// Limit caps the number of articles returned (0: all); Offset skips
	// that many first.
	Limit, Offset int
}

// ArticleResult is one article a search found.
type ArticleResult struct {
	Article ArticleRef
	// Snippet is plain text: a short excerpt around the first match, else
	// the start of the text (about 200 characters).
	Snippet string
	// Marks are the code-point ranges of Snippet that matched the search
	// (none without Text).
	Marks                             []eventwire.Span
	NumEntities, NumQuotes, NumEvents int
	// DuplicateOf is the Row of the original when the article is a
	// near-duplicate, else 0.
	DuplicateOf int64
}

// Articles yields the articles matching f: with Text, best match first
// (bm25; when more articles match than the page needs, the best of the
// newest stored 500 matches, 200 for a phrase of several words, or as many
// as the page needs: see the package documentation); otherwise newest
// published first (undated last), then newest stored.
func (db *DB) Articles(ctx context.Context, f ArticleFilter) iter.Seq2[ArticleResult, error] {
	return func(yield func(ArticleResult, error) bool) {
		var sources []any
		if f.Source != "" {
			// The publishers of that name, first: one is an equality on
			// the index of articles by publisher and date.
			var err error
			sources, err = db.sourceIDs(ctx, f.Source)
			if err != nil {
				yield(ArticleResult{}, fmt.Errorf("articles: %w", err))
				return
			}
			if len(sources) == 0 {
				return
			}
		}
		for r, err := range db.articles(ctx, f, sources) {
			if !yield(r, err) {
				return
			}
		}
	}
}

// sourceIDs returns the ids of the publishers called name, in any case.
func (db *DB) sourceIDs(ctx context.Context, name string) ([]any, error) {
	rows, err := db.sql.QueryContext(ctx, "SELECT id FROM sources WHERE name = ? COLLATE NOCASE", name)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []any
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// articles is Articles once the publishers of f.Source are known.
func (db *DB) articles(ctx context.Context, f ArticleFilter, sources []any) iter.Seq2[ArticleResult, error] {
	var where []string
	var args []any
	if len(sources) > 0 {
		where = append(where, "a.source_id IN (?"+strings.Repeat(", ?", len(sources)-1)+")")
		args = append(args, sources...)
	}
	if !f.From.IsZero() {
		where = append(where, "a.published >= ?")
		args = append(args, f.From.Format(time.DateOnly))
	}
	if !f.To.IsZero() {
		where = append(where, "a.published <= ?")
		args = append(args, f.To.Format(time.DateOnly))
	}
	// The page of articles is chosen first, on the ids alone, so that the
	// snippets and counts are computed for that page only.
	var page, snippet, order string
	var window int64 // the lowest row that a text search ranks; 0 for all
	if f.Text != "" {
		where = append([]string{"articles_fts MATCH ?"}, where...)
		args = append([]any{phrase(f.Text)}, args...)
		from := ` FROM articles_fts`
		if len(where) > 1 {
			from += ` JOIN articles a ON a.id = articles_fts.rowid`
		}
		from += ` WHERE ` + strings.Join(where, " AND ")
		// bm25 costs a few microseconds per article found: a search that
		// finds more than minRanked articles ranks the newest stored
		// minRanked of them (more when the page asked is further).
		if f.Limit > 0 {
			ranked := minRanked
			if len(strings.FieldsFunc(f.Text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })) > 1 {
				ranked = minRankedPhrase
			}
			var err error
			window, err = db.rankWindow(ctx, from, args, max(ranked, max(f.Offset, 0)+f.Limit))
			if err != nil {
				return func(yield func(ArticleResult, error) bool) { yield(ArticleResult{}, fmt.Errorf("articles: %w", err)) }
			}
		}
		// The excerpt of the text around the best matches (or its start
		// when only the title matched), the matches between markers.
		snip := `snippet(articles_fts, 1, '` + markOpen + `', '` + markClose + `', '…', 32)`
		if len(where) > 1 {
			// bm25 of the articles that pass the filters only, and the
			// snippets of the page only.
			page = `SELECT articles_fts.rowid AS id, bm25(articles_fts) AS score` + from
			snippet = `(SELECT ` + snip + ` FROM articles_fts WHERE articles_fts MATCH ? AND rowid = a.id)`
		} else {
			// FTS5 sorts by rank itself, and the snippets are made for
			// the rows of the page only.
			page = `SELECT articles_fts.rowid AS id, articles_fts.rank AS score, ` + snip + ` AS snip` + from
			snippet = `p.snip`
		}
		if window > 0 {
			page += ` AND articles_fts.rowid >= ?`
			args = append(args, window)
		}
		page += ` ORDER BY score`
		order = `p.score, a.id`
	} else {
		page = `SELECT a.id AS id, 0 AS score FROM articles a`
		if len(where) > 0 {
			page += ` WHERE ` + strings.Join(where, " AND ")
		}
		// Undated articles (NULL) sort last in descending order.
		page += ` ORDER BY a.published DESC, a.id DESC`
		snippet = `substr(a.text, 1, ` + strconv.Itoa(snippetLen+40) + `)`
		order = `a.published DESC, a.id DESC`
	}
	page += ` LIMIT ? OFFSET ?`
	args = append(args, limit(f.Limit), max(f.Offset, 0))
	if snippet != "p.snip" && f.Text != "" {
		// The snippet's parameter comes first in the query.
		args = append([]any{phrase(f.Text)}, args...)
	}
	q := `SELECT ` + articleCols + `, ` + snippet + `,
		(SELECT count(*) FROM entities WHERE article_id = a.id),
		(SELECT count(*) FROM quotes WHERE article_id = a.id),
		(SELECT count(*) FROM events WHERE article_id = a.id),
		coalesce(a.duplicate_of, 0)
		FROM (` + page + `) p JOIN articles a ON a.id = p.id LEFT JOIN sources s ON s.id = a.source_id
		ORDER BY ` + order
	return func(yield func(ArticleResult, error) bool) {
		rows, err := db.sql.QueryContext(ctx, q, args...)
		if err != nil {
			yield(ArticleResult{}, fmt.Errorf("articles: %w", err))
			return
		}
		defer rows.Close()
		for rows.Next() {
			var r ArticleResult
			a := &r.Article
			if err := rows.Scan(&a.Row, &a.ID, &a.URL, &a.Title, &a.Source, &a.Published, &a.Added,
				&r.Snippet, &r.NumEntities, &r.NumQuotes, &r.NumEvents, &r.DuplicateOf); err != nil {
				yield(ArticleResult{}, fmt.Errorf("articles: %w", err))
				return
			}
			if f.Text != "" {
				r.Snippet, r.Marks = marks(r.Snippet)
			} else {
				r.Snippet = excerpt(r.Snippet, snippetLen)
			}
			if !yield(r, nil) {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(ArticleResult{}, fmt.Errorf("articles: %w", err))
		}
	}
}

// minRanked is how many of the articles that a text search finds, the
// newest stored, it ranks at least.
const minRanked = 500

// minRankedPhrase is minRanked for a phrase of several words, whose
// matches cost more to rank.
const minRankedPhrase = 200

// rankWindow returns the lowest row of the newest n articles that a text
// search finds, or 0 when it finds fewer. from is the search's FROM and
// WHERE clauses (of articles_fts, maybe joined with articles a). FTS5
// reads the matches in row order without computing their rank.
func (db *DB) rankWindow(ctx context.Context, from string, args []any, n int) (int64, error) {
	var row int64
	err := db.sql.QueryRowContext(ctx, `SELECT articles_fts.rowid`+from+` ORDER BY articles_fts.rowid DESC LIMIT 1 OFFSET ?`,
		append(slices.Clip(args), n-1)...).Scan(&row)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return row, err
}

// snippetLen is about the length of a snippet without a search, in code
// points.
const snippetLen = 200

// markOpen and markClose enclose the matches in an FTS5 snippet: control
// characters that cleaned article text does not hold.
const markOpen, markClose = "\x02", "\x03"

// marks removes the match markers from an FTS5 snippet s and returns the
// code-point ranges that they enclosed. White space (new lines in the
// excerpt) becomes single spaces.
func marks(s string) (string, []eventwire.Span) {
	var b strings.Builder
	var spans []eventwire.Span
	n, open, space := 0, -1, false
	for _, c := range s {
		switch {
		case c == rune(markOpen[0]):
			open = n
			continue
		case c == rune(markClose[0]):
			if open >= 0 && n > open {
				spans = append(spans, eventwire.Span{Start: open, End: n})
			}
			open = -1
			continue
		case unicode.IsSpace(c):
			if space {
				continue
			}
			c, space = ' ', true
		default:
			space = false
		}
		b.WriteRune(c)
		n++
	}
	return b.String(), spans
}

// excerpt returns the start of s, about n code points ending at a word
// boundary with "…" when it is cut, its white space runs made single
// spaces.
func excerpt(s string, n int) string {
	s, _ = marks(strings.TrimSpace(s))
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := n
	for i := n; i > n/2; i-- {
		if r[i] == ' ' {
			cut = i
			break
		}
	}
	return strings.TrimRight(string(r[:cut]), " ,;:") + "…"
}

// limit is the SQL LIMIT for a filter's Limit: -1 (none) for 0.
func limit(n int) int {
	if n <= 0 {
		return -1
	}
	return n
}

// Article returns one article's reference and JSON record. id is its Row
// ("42") or its record id; ErrNotFound when neither matches.
func (db *DB) Article(ctx context.Context, id string) (ArticleRef, eventwire.Record, error) {
	const q = `SELECT ` + articleCols + `, a.record FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE `
	var a ArticleRef
	var js []byte
	scan := func(row *sql.Row) error {
		return row.Scan(&a.Row, &a.ID, &a.URL, &a.Title, &a.Source, &a.Published, &a.Added, &js)
	}
	err := sql.ErrNoRows
	if row, perr := strconv.ParseInt(id, 10, 64); perr == nil && row > 0 {
		err = scan(db.sql.QueryRowContext(ctx, q+`a.id = ?`, row))
	}
	if errors.Is(err, sql.ErrNoRows) {
		err = scan(db.sql.QueryRowContext(ctx, q+`a.doc_id = ? ORDER BY a.id LIMIT 1`, id))
	}
	if errors.Is(err, sql.ErrNoRows) {
		return ArticleRef{}, eventwire.Record{}, fmt.Errorf("article %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return ArticleRef{}, eventwire.Record{}, fmt.Errorf("article %q: %w", id, err)
	}
	var r eventwire.Record
	if err := json.Unmarshal(js, &r); err != nil {
		return ArticleRef{}, eventwire.Record{}, fmt.Errorf("article %q: record: %w", id, err)
	}
	return a, r, nil
}

// ActorInfo is what the store knows of one actor code.
type ActorInfo struct {
	Code string // upper case, as asked
	// Names are the entity names coded with the code or under it, most
	// frequent first (at most 10).
	Names []NameCount
	// KnownAs are the knowledge rows whose actor is the code or under it,
	// latest last_seen first.
	KnownAs []KnownAs
	// NumEvents counts the events with the actor on either side (code
	// prefix, as EventFilter.Source).
	NumEvents int
	// NumQuotes counts the quotes whose speaker entity has the code or
	// one under it.
	NumQuotes int
	// FirstDate and LastDate are those of its dated events, "" when none.
	FirstDate, LastDate string
	// Counterparts are the other side of its events, by full actor code,
	// most events first (at most 10; events with no other side skipped).
	Counterparts []Counterpart
}

// NameCount is a name and how many entities have it.
type NameCount struct {
	Name  string
	Count int
}

// KnownAs is one knowledge row: a name the actor stage learned holds a
// title and an actor code.
type KnownAs struct {
	Name, Actor, Title, FirstSeen, LastSeen, DocID string
}

// Counterpart is the other side of an actor's events.
type Counterpart struct {
	Actor     string
	AsSource  int     // events where Actor acted on the asked actor
	AsTarget  int     // events where the asked actor acted on Actor
	Goldstein float64 // mean Goldstein score of those events
}

// Actor returns what the store knows of the actor code (prefix semantics
// as EventFilter.Source: a 3-letter code is a country and matches every
// code of it). ErrNotFound when no entity, event, quote or knowledge has
// it.
func (db *DB) Actor(ctx context.Context, code string) (ActorInfo, error) {
	code = strings.ToUpper(strings.TrimSpace(code))
	info := ActorInfo{Code: code}
	if code == "" {
		return info, fmt.Errorf("actor %q: %w", code, ErrNotFound)
	}
	tx, err := db.sql.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return info, fmt.Errorf("actor %s: %w", code, err)
	}
	defer tx.Rollback()
	if err := actorInfo(ctx, tx, &info); err != nil {
		return ActorInfo{Code: code}, fmt.Errorf("actor %s: %w", code, err)
	}
	if len(info.Names) == 0 && len(info.KnownAs) == 0 && info.NumEvents == 0 && info.NumQuotes == 0 {
		return info, fmt.Errorf("actor %s: %w", code, ErrNotFound)
	}
	return info, nil
}

// maxActorRows caps the lists of ActorInfo.
const maxActorRows, maxKnownAs = 10, 50

// actorInfo fills info for info.Code with the queries run in tx: from
// the summary tables actor_names and actor_pairs (see migrations), which
// have a row per name or pair of actors, not per entity or event.
func actorInfo(ctx context.Context, tx *sql.Tx, info *ActorInfo) error {
	lo, hi := prefixRange(info.Code)
	each := func(q string, args []any, scan func(*sql.Rows) error) error {
		rows, err := tx.QueryContext(ctx, q, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			if err := scan(rows); err != nil {
				return err
			}
		}
		return rows.Err()
	}
	err := each(`SELECT name, sum(entities) AS n FROM actor_names WHERE actor >= ? AND actor < ?
		GROUP BY name ORDER BY n DESC, name LIMIT ?`, []any{lo, hi, maxActorRows}, func(rows *sql.Rows) error {
		var n NameCount
		err := rows.Scan(&n.Name, &n.Count)
		info.Names = append(info.Names, n)
		return err
	})
	if err != nil {
		return fmt.Errorf("names: %w", err)
	}
	err = tx.QueryRowContext(ctx, `SELECT coalesce(sum(quotes), 0) FROM actor_names WHERE actor >= ? AND actor < ?`, lo, hi).
		Scan(&info.NumQuotes)
	if err != nil {
		return fmt.Errorf("quotes: %w", err)
	}
	err = each(`SELECT name, actor, title, coalesce(first_seen, ''), coalesce(last_seen, ''), doc_id
		FROM knowledge WHERE actor >= ? AND actor < ?
		ORDER BY last_seen DESC, first_seen DESC, name, title LIMIT ?`, []any{lo, hi, maxKnownAs}, func(rows *sql.Rows) error {
		var k KnownAs
		err := rows.Scan(&k.Name, &k.Actor, &k.Title, &k.FirstSeen, &k.LastSeen, &k.DocID)
		info.KnownAs = append(info.KnownAs, k)
		return err
	})
	if err != nil {
		return fmt.Errorf("knowledge: %w", err)
	}

	// The events on each side, and the counterparts on the other. An
	// event with the actor on both sides counts once in NumEvents, and
	// for the counterpart on each side.
	src, srcArgs := actorCond("source", info.Code)
	tgt, tgtArgs := actorCond("target", info.Code)
	var both int
	err = tx.QueryRowContext(ctx, `SELECT coalesce(sum(events), 0) FROM actor_pairs e WHERE `+src+` AND `+tgt,
		append(slices.Clip(srcArgs), tgtArgs...)...).Scan(&both)
	if err != nil {
		return fmt.Errorf("events: %w", err)
	}
	info.NumEvents = -both
	byActor := map[string]*Counterpart{}
	sum := map[string]float64{}
	for _, side := range []struct {
		cond, other string
		args        []any
	}{{src, "target", srcArgs}, {tgt, "source", tgtArgs}} {
		err := each(`SELECT e.`+side.other+`_actor, sum(e.events), sum(e.goldstein), min(e.first_date), max(e.last_date)
			FROM actor_pairs e WHERE `+side.cond+` GROUP BY e.`+side.other+`_actor`, side.args, func(rows *sql.Rows) error {
			var a string
			var n int
			var g float64
			var first, last sql.NullString
			if err := rows.Scan(&a, &n, &g, &first, &last); err != nil {
				return err
			}
			info.NumEvents += n
			if first.Valid && (info.FirstDate == "" || first.String < info.FirstDate) {
				info.FirstDate = first.String
			}
			if last.Valid && last.String > info.LastDate {
				info.LastDate = last.String
			}
			if a == "" {
				return nil // no other side
			}
			c := byActor[a]
			if c == nil {
				c = &Counterpart{Actor: a}
				byActor[a] = c
			}
			if side.other == "target" {
				c.AsTarget += n
			} else {
				c.AsSource += n
			}
			sum[a] += g
			return nil
		})
		if err != nil {
			return fmt.Errorf("counterparts: %w", err)
		}
	}
	for a, c := range byActor {
		c.Goldstein = sum[a] / float64(c.AsSource+c.AsTarget)
		info.Counterparts = append(info.Counterparts, *c)
	}
	slices.SortFunc(info.Counterparts, func(a, b Counterpart) int {
		if n := (b.AsSource + b.AsTarget) - (a.AsSource + a.AsTarget); n != 0 {
			return n
		}
		return strings.Compare(a.Actor, b.Actor)
	})
	info.Counterparts = info.Counterparts[:min(len(info.Counterparts), maxActorRows)]
	return nil
}

// actorCond is the condition that the side ("source" or "target") of an
// event e (or row e of actor_pairs) has an actor code starting with code
// (in upper case), and its arguments. The country is the first three
// letters of the code (actor.SplitCode): a three-letter code is matched
// on the country column, which has its own indexes.
func actorCond(side, code string) (string, []any) {
	if len(code) == 3 {
		return "e." + side + "_country = ?", []any{code}
	}
	lo, hi := prefixRange(code)
	return "e." + side + "_actor >= ? AND e." + side + "_actor < ?", []any{lo, hi}
}

// TimelineFilter chooses the events a timeline counts (dated events only).
type TimelineFilter struct {
	Source, Target string // actor code prefixes, as EventFilter
	Actor          string // either side
	Week           bool   // one point per week (starting on Monday) instead of per day
	From, To       time.Time
	FirstReports   bool // count an event reported by several articles once
}

// summaryOf returns how the summary tables answer a weekly timeline of
// one actor code on one side or either: the table (country_weeks for a
// country, actor_weeks for other codes and prefixes), the condition on its
// actor column with its arguments, the sides to read (0 for the source, 1
// for the target) and, when both are read, the condition that leaves out
// the rows of side 1 already counted on side 0, with its arguments. table
// is "" when they cannot: for days, dates that cut weeks, a dyad, or a
// code longer than actor_weeks keeps shared prefixes of.
func summaryOf(f TimelineFilter) (table, cond string, args []any, sides []int, exclude string, excludeArgs []any) {
	if !f.Week || (!f.From.IsZero() && f.From.Weekday() != time.Monday) || (!f.To.IsZero() && f.To.Weekday() != time.Sunday) {
		return "", "", nil, nil, "", nil
	}
	var code string
	switch {
	case f.Actor != "" && f.Source == "" && f.Target == "":
		code, sides = f.Actor, []int{0, 1}
	case f.Source != "" && f.Target == "" && f.Actor == "":
		code, sides = f.Source, []int{0}
	case f.Target != "" && f.Source == "" && f.Actor == "":
		code, sides = f.Target, []int{1}
	default:
		return "", "", nil, nil, "", nil
	}
	code = strings.ToUpper(code)
	switch {
	case len(code) == 3:
		return "country_weeks", "country = ?", []any{code}, sides, "both = 0", nil
	case len(code) <= maxCommon:
		lo, hi := prefixRange(code)
		return "actor_weeks", "actor >= ? AND actor < ?", []any{lo, hi}, sides, "common < ?", []any{len(code)}
	}
	return "", "", nil, nil, "", nil
}

// maxCommon is the longest shared prefix of an event's two actor codes
// that actor_weeks tells (migration 3).
const maxCommon = 12

// TimelinePoint is one day or week of a timeline.
type TimelinePoint struct {
	Period    string // YYYY-MM-DD: the day, or the Monday of the week
	Events    int
	Goldstein float64 // mean Goldstein score
	// Quad counts the events by quad class 1 to 4 (Quad[0] is class 1:
	// verbal cooperation).
	Quad [4]int
	// PLOVER counts the events by PLOVER type (events with none are left
	// out).
	PLOVER map[string]int
}

// Timeline counts the matching events per period, in period order;
// periods with no event are left out.
func (db *DB) Timeline(ctx context.Context, f TimelineFilter) ([]TimelinePoint, error) {
	return db.timeline(ctx, f, true)
}

// timeline is Timeline, reading the summary tables when they answer and
// summaries is true (false: always the events, for tests).
func (db *DB) timeline(ctx context.Context, f TimelineFilter, summaries bool) ([]TimelinePoint, error) {
	// The events are counted per day, PLOVER type and quad class in SQL,
	// from the summary tables (event_days when no actor is asked,
	// country_weeks or actor_weeks for one actor's weeks) or else from indexes that
	// hold every column read, then summed per period here.
	type scan struct {
		q    string
		args []any
	}
	var scans []scan
	if f.Source == "" && f.Target == "" && f.Actor == "" {
		var where []string
		var args []any
		if !f.From.IsZero() {
			where, args = append(where, "date >= ?"), append(args, f.From.Format(time.DateOnly))
		}
		if !f.To.IsZero() {
			where, args = append(where, "date <= ?"), append(args, f.To.Format(time.DateOnly))
		}
		if f.FirstReports {
			where = append(where, "first = 1")
		}
		q := `SELECT date, plover, quad_class, sum(events), sum(goldstein) FROM event_days`
		if len(where) > 0 {
			q += " WHERE " + strings.Join(where, " AND ")
		}
		scans = append(scans, scan{q + " GROUP BY date, plover, quad_class", args})
	} else if table, cond, condArgs, sides, exclude, excludeArgs := summaryOf(f); summaries && table != "" {
		// One actor's weeks: on one side, or either (the target side
		// without the events counted on the source side).
		where := []string{cond}
		args := slices.Clip(condArgs)
		if len(sides) == 2 {
			where, args = append(where, "(side = 0 OR side = 1 AND "+exclude+")"), append(args, excludeArgs...)
		} else {
			where, args = append(where, "side = ?"), append(args, sides[0])
		}
		if !f.From.IsZero() {
			where, args = append(where, "week >= ?"), append(args, f.From.Format(time.DateOnly))
		}
		if !f.To.IsZero() {
			where, args = append(where, "week <= ?"), append(args, f.To.Format(time.DateOnly))
		}
		if f.FirstReports {
			where = append(where, "first = 1")
		}
		scans = append(scans, scan{`SELECT week, plover, quad_class, sum(events), sum(goldstein) FROM ` + table + `
			WHERE ` + strings.Join(where, " AND ") + ` GROUP BY week, plover, quad_class`, args})
	} else {
		where, args := eventWhere(EventFilter{Source: f.Source, Target: f.Target, From: f.From, To: f.To, FirstReports: f.FirstReports})
		where = append(where, "e.date IS NOT NULL")
		if f.Source != "" || f.Target != "" || f.Actor != "" {
			// The actor conditions choose the index (one that holds
			// every column read), not the dates.
			for i, w := range where {
				where[i] = strings.ReplaceAll(w, "e.date >= ?", "+e.date >= ?")
				where[i] = strings.ReplaceAll(where[i], "e.date <= ?", "+e.date <= ?")
			}
		}
		sides := [][]string{nil}
		var sideArgs [][]any
		sideArgs = append(sideArgs, nil)
		if f.Actor != "" {
			// Either side: the events where it is the source, then those
			// where it is the target and not also the source.
			code := strings.ToUpper(f.Actor)
			src, a := actorCond("source", code)
			tgt, b := actorCond("target", code)
			sides = [][]string{{src}, {tgt, "NOT coalesce((" + src + "), 0)"}}
			sideArgs = [][]any{a, append(slices.Clip(b), a...)}
		}
		for i, side := range sides {
			w := append(slices.Clip(where), side...)
			scans = append(scans, scan{`SELECT e.date, e.plover, e.quad_class, count(*), sum(e.goldstein) FROM events e
				WHERE ` + strings.Join(w, " AND ") + ` GROUP BY e.date, e.plover, e.quad_class`,
				append(slices.Clip(args), sideArgs[i]...)})
		}
	}
	type day struct { // or week
		date, plover string
		quad, n      int
		goldstein    float64
	}
	var days []day
	for _, sc := range scans {
		rows, err := db.sql.QueryContext(ctx, sc.q, sc.args...)
		if err != nil {
			return nil, fmt.Errorf("timeline: %w", err)
		}
		for rows.Next() {
			var d day
			if err := rows.Scan(&d.date, &d.plover, &d.quad, &d.n, &d.goldstein); err != nil {
				rows.Close()
				return nil, fmt.Errorf("timeline: %w", err)
			}
			days = append(days, d)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("timeline: %w", err)
		}
	}
	if len(scans) > 1 {
		slices.SortStableFunc(days, func(a, b day) int { return strings.Compare(a.date, b.date) })
	}
	var points []TimelinePoint
	var sum float64 // of the Goldstein scores of the last point
	var last, period string
	for _, d := range days {
		if d.date != last {
			last, period = d.date, d.date
			if t, err := time.Parse(time.DateOnly, d.date); f.Week && err == nil {
				period = t.AddDate(0, 0, -(int(t.Weekday())+6)%7).Format(time.DateOnly)
			}
		}
		if len(points) == 0 || points[len(points)-1].Period != period {
			if len(points) > 0 {
				p := &points[len(points)-1]
				p.Goldstein = sum / float64(p.Events)
			}
			points = append(points, TimelinePoint{Period: period, PLOVER: map[string]int{}})
			sum = 0
		}
		p := &points[len(points)-1]
		p.Events += d.n
		sum += d.goldstein
		if d.quad >= 1 && d.quad <= 4 {
			p.Quad[d.quad-1] += d.n
		}
		if d.plover != "" {
			p.PLOVER[d.plover] += d.n
		}
	}
	if len(points) > 0 {
		p := &points[len(points)-1]
		p.Goldstein = sum / float64(p.Events)
	}
	return points, nil
}
