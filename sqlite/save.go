package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/actor"
)

// ErrReadOnly is returned by Save and SaveKnowledge on a database opened
// with Options.ReadOnly.
var ErrReadOnly = errors.New("database is open read-only")

// Key is an article's identity in the store: "url:" and its URL when it
// has one, otherwise "text:" and the hex SHA-256 of its normalised text
// (lower case, every run of white space one space, none at the ends), so
// that the same story read twice, even re-wrapped, is one article.
func Key(a *eventwire.Article) string {
	if u := strings.TrimSpace(a.URL); u != "" {
		return "url:" + u
	}
	h := sha256.New()
	var buf []byte
	space := false
	started := false
	for _, r := range a.Text {
		if unicode.IsSpace(r) {
			space = started
			continue
		}
		if space {
			h.Write([]byte{' '})
			space = false
		}
		started = true
		buf = utf8.AppendRune(buf[:0], unicode.ToLower(r))
		h.Write(buf)
	}
	return "text:" + hex.EncodeToString(h.Sum(nil))
}

// Save stores the document's article and all its records (entities and
// their mentions, quotes, events and their mentions) in one transaction:
// all of it or, on any error, none of it. It reports whether the article
// was added: false, and nothing written, when an article with the same
// identity (see Key) is already stored.
func (db *DB) Save(ctx context.Context, doc *eventwire.Doc) (added bool, err error) {
	s := db.SaveAll(ctx, []*eventwire.Doc{doc})
	return s[0].Added, s[0].Err
}

// Saved is what SaveAll did with one document.
type Saved struct {
	Added bool  // false when the article was already stored, or on error
	Err   error // why the document could not be saved
	// DuplicateOf is the id of the first stored article of which the
	// article added is a near-duplicate (see the package documentation),
	// 0 when it is none.
	DuplicateOf int64
	// SameEvents is how many of the events added report an event already
	// stored from another article (events.same_as).
	SameEvents int
}

// SaveAll stores several documents, each whole as by Save, in one
// transaction, which is much faster than a transaction each (SQLite's
// cost is per commit, and the full-text index is updated once), with the
// facts the actor stage learned from them (see SaveKnowledge; pass the
// facts that are new or changed). If that transaction fails, SaveAll falls
// back to one transaction per document, and one for the facts, so that a
// document that cannot be saved costs only itself: the result for docs[i]
// is at index i, and a failure to save the facts is reported with every
// document.
func (db *DB) SaveAll(ctx context.Context, docs []*eventwire.Doc, facts ...actor.Fact) []Saved {
	out := make([]Saved, len(docs))
	if db.readOnly {
		for i := range out {
			out[i].Err = ErrReadOnly
		}
		return out
	}
	added, err := db.saveTx(ctx, docs, facts)
	if err == nil {
		for i := range out {
			out[i] = added[i]
		}
		return out
	}
	if len(docs) == 1 && len(facts) == 0 {
		out[0].Err = fmt.Errorf("saving %s: %w", docs[0].Origin, err)
		return out
	}
	for i, d := range docs {
		added, err := db.saveTx(ctx, docs[i:i+1], nil)
		if err != nil {
			out[i].Err = fmt.Errorf("saving %s: %w", d.Origin, err)
			continue
		}
		out[i] = added[0]
	}
	if len(facts) > 0 {
		if _, err := db.saveTx(ctx, nil, facts); err != nil {
			for i := range out {
				out[i].Err = errors.Join(out[i].Err, fmt.Errorf("saving knowledge: %w", err))
			}
		}
	}
	return out
}

// Has reports whether an article with the identity of a (see Key) is
// stored.
func (db *DB) Has(ctx context.Context, a *eventwire.Article) (bool, error) {
	var n int
	err := db.sql.QueryRowContext(ctx, "SELECT count(*) FROM articles WHERE key = ?", Key(a)).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("looking up %s: %w", a.Origin, err)
	}
	return n > 0, nil
}

// saveTx saves docs and facts in one transaction.
func (db *DB) saveTx(ctx context.Context, docs []*eventwire.Doc, facts []actor.Fact) ([]Saved, error) {
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	st := db.stmts.in(ctx, tx)
	added := make([]Saved, len(docs))
	var rows newRows
	for i, d := range docs {
		r := d.Record(eventwire.RecordOptions{})
		recJSON, err := json.Marshal(&r)
		if err != nil {
			return nil, err
		}
		added[i], err = saveRecord(ctx, st, &r, recJSON, Key(&d.Article), d.Origin.String(), &rows)
		if err != nil {
			return nil, err
		}
	}
	if err := rows.index(ctx, tx); err != nil {
		return nil, err
	}
	if err := rows.summarize(ctx, st); err != nil {
		return nil, err
	}
	for _, f := range facts {
		if err := saveFact(ctx, st.fact, f); err != nil {
			return nil, err
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	db.saved.Store(true)
	return added, nil
}

// newRows is the rows that a transaction added, by table: they are added
// to the full-text indexes and the summary tables once all are stored,
// which is much faster than a trigger per row. Rows added in one write
// transaction have increasing ids, above those of every earlier row.
type newRows struct {
	articles, entities, quotes, events idRange
}

// idRange is the ids from lo to hi; lo is 0 when it has none.
type idRange struct{ lo, hi int64 }

// add widens the range to id.
func (r *idRange) add(id int64) {
	if r.lo == 0 || id < r.lo {
		r.lo = id
	}
	r.hi = max(r.hi, id)
}

// index adds the rows to the full-text indexes.
func (n *newRows) index(ctx context.Context, tx *sql.Tx) error {
	if n.articles.lo > 0 {
		if _, err := tx.ExecContext(ctx, `INSERT INTO articles_fts(rowid, title, text)
			SELECT id, title, text FROM articles WHERE id BETWEEN ? AND ?`, n.articles.lo, n.articles.hi); err != nil {
			return fmt.Errorf("indexing article text: %w", err)
		}
	}
	if n.quotes.lo > 0 {
		if _, err := tx.ExecContext(ctx, `INSERT INTO quotes_fts(rowid, text)
			SELECT id, text FROM quotes WHERE id BETWEEN ? AND ?`, n.quotes.lo, n.quotes.hi); err != nil {
			return fmt.Errorf("indexing quote text: %w", err)
		}
	}
	return nil
}

// summarize adds the rows to the summary tables (see migration 3), once
// they are all stored and their events linked to earlier reports
// (same_as), with the prepared statements st.summary.
func (n *newRows) summarize(ctx context.Context, st *stmts) error {
	for i, s := range summaries {
		r := s.rows(n)
		if r.lo == 0 {
			continue
		}
		if _, err := st.summary[i].ExecContext(ctx, r.lo, r.hi); err != nil {
			return fmt.Errorf("summing up %s: %w", s.table, err)
		}
	}
	return nil
}

// summaries are the statements that add a range of new rows to each
// summary table (migration 3 fills them with the same sums over every
// row): each reads the rows from ?1 to ?2 of one table, grouped as the
// summary table, and adds their counts and sums to it.
var summaries = [...]struct {
	table string
	rows  func(*newRows) idRange
	sql   string
}{
	{"actor_pairs", func(n *newRows) idRange { return n.events }, `INSERT INTO actor_pairs
		SELECT coalesce(source_actor, ''), coalesce(target_actor, ''), coalesce(source_country, ''), coalesce(target_country, ''),
			count(*), sum(goldstein), min(date), max(date)
		FROM events WHERE id BETWEEN ?1 AND ?2 GROUP BY 1, 2, 3, 4
		ON CONFLICT DO UPDATE SET events = events + excluded.events, goldstein = goldstein + excluded.goldstein,
			first_date = coalesce(min(first_date, excluded.first_date), first_date, excluded.first_date),
			last_date = coalesce(max(last_date, excluded.last_date), last_date, excluded.last_date)`},
	{"actor_names", func(n *newRows) idRange { return n.entities }, `INSERT INTO actor_names
		SELECT actor, name, count(*), 0 FROM entities WHERE id BETWEEN ?1 AND ?2 AND actor IS NOT NULL GROUP BY actor, name
		ON CONFLICT DO UPDATE SET entities = entities + excluded.entities`},
	{"actor_names", func(n *newRows) idRange { return n.quotes }, `INSERT INTO actor_names
		SELECT x.actor, x.name, 0, count(*) FROM quotes q JOIN entities x ON x.id = q.speaker_id
		WHERE q.id BETWEEN ?1 AND ?2 AND x.actor IS NOT NULL GROUP BY x.actor, x.name
		ON CONFLICT DO UPDATE SET quotes = quotes + excluded.quotes`},
	{"speakers", func(n *newRows) idRange { return n.quotes }, `INSERT INTO speakers
		SELECT speaker_name, count(*) FROM quotes WHERE id BETWEEN ?1 AND ?2 AND speaker_name IS NOT NULL GROUP BY speaker_name
		ON CONFLICT DO UPDATE SET quotes = quotes + excluded.quotes`},
	{"event_days", func(n *newRows) idRange { return n.events }, `INSERT INTO event_days
		SELECT date, plover, quad_class, same_as IS NULL, count(*), sum(goldstein) FROM events
		WHERE id BETWEEN ?1 AND ?2 AND date IS NOT NULL GROUP BY 1, 2, 3, 4
		ON CONFLICT DO UPDATE SET events = events + excluded.events, goldstein = goldstein + excluded.goldstein`},
	{"country_weeks", func(n *newRows) idRange { return n.events }, `INSERT INTO country_weeks
		SELECT country, side, coalesce(date(date, '-6 days', 'weekday 1'), date), plover, quad_class, first, both, count(*), sum(goldstein)
		FROM (SELECT source_country AS country, 0 AS side, date, plover, quad_class, same_as IS NULL AS first,
				coalesce(target_country = source_country, 0) AS both, goldstein
			FROM events WHERE id BETWEEN ?1 AND ?2 AND date IS NOT NULL AND source_country IS NOT NULL
			UNION ALL
			SELECT target_country, 1, date, plover, quad_class, same_as IS NULL,
				coalesce(source_country = target_country, 0), goldstein
			FROM events WHERE id BETWEEN ?1 AND ?2 AND date IS NOT NULL AND target_country IS NOT NULL)
		WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7
		ON CONFLICT DO UPDATE SET events = events + excluded.events, goldstein = goldstein + excluded.goldstein`},
	// common is the length of the prefix that the two codes share, up to
	// 12 (see migration 3).
	{"actor_weeks", func(n *newRows) idRange { return n.events }, `INSERT INTO actor_weeks
		SELECT actor, side, coalesce(date(date, '-6 days', 'weekday 1'), date), plover, quad_class, first, common, count(*), sum(goldstein)
		FROM (SELECT source_actor AS actor, 0 AS side, date, plover, quad_class, same_as IS NULL AS first, 0 AS common, goldstein
			FROM events WHERE id BETWEEN ?1 AND ?2 AND date IS NOT NULL AND source_actor IS NOT NULL
			UNION ALL
			SELECT target_actor, 1, date, plover, quad_class, same_as IS NULL,
				CASE WHEN substr(source_actor, 1, 12) = substr(target_actor, 1, 12) THEN 12 WHEN substr(source_actor, 1, 11) = substr(target_actor, 1, 11) THEN 11 WHEN substr(source_actor, 1, 10) = substr(target_actor, 1, 10) THEN 10 WHEN substr(source_actor, 1, 9) = substr(target_actor, 1, 9) THEN 9 WHEN substr(source_actor, 1, 8) = substr(target_actor, 1, 8) THEN 8 WHEN substr(source_actor, 1, 7) = substr(target_actor, 1, 7) THEN 7 WHEN substr(source_actor, 1, 6) = substr(target_actor, 1, 6) THEN 6 WHEN substr(source_actor, 1, 5) = substr(target_actor, 1, 5) THEN 5 WHEN substr(source_actor, 1, 4) = substr(target_actor, 1, 4) THEN 4 WHEN substr(source_actor, 1, 3) = substr(target_actor, 1, 3) THEN 3 WHEN substr(source_actor, 1, 2) = substr(target_actor, 1, 2) THEN 2 WHEN substr(source_actor, 1, 1) = substr(target_actor, 1, 1) THEN 1 ELSE 0 END, goldstein
			FROM events WHERE id BETWEEN ?1 AND ?2 AND date IS NOT NULL AND target_actor IS NOT NULL)
		WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7
		ON CONFLICT DO UPDATE SET events = events + excluded.events, goldstein = goldstein + excluded.goldstein`},
}

func saveRecord(ctx context.Context, st *stmts, r *eventwire.Record, recJSON []byte, key, origin string, rows *newRows) (Saved, error) {
	var place, agency *string
	if r.Dateline != nil {
		place, agency = &r.Dateline.Place, nullable(r.Dateline.Agency)
	}
	fp, err := fingerprint(ctx, st, r.Text)
	if err != nil {
		return Saved{}, fmt.Errorf("article: %w", err)
	}
	var articleID int64
	err = st.article.QueryRowContext(ctx,
		key, r.ID, r.URL, r.Title, nil, r.Published, place, agency, origin, r.Text, recJSON,
		time.Now().UTC().Format(time.RFC3339),
		fp.hash, fp.blocks[0], fp.blocks[1], fp.blocks[2], fp.blocks[3], fp.duplicateOf).Scan(&articleID)
	if errors.Is(err, sql.ErrNoRows) {
		return Saved{}, nil
	}
	if err != nil {
		return Saved{}, fmt.Errorf("article: %w", err)
	}
	saved := Saved{Added: true}
	if fp.duplicateOf != nil {
		saved.DuplicateOf = *fp.duplicateOf
	}
	rows.articles.add(articleID)
	if r.Source != nil {
		// After the article, so that an article already stored adds
		// nothing, not even its publisher.
		var sourceID int64
		if err := st.source.QueryRowContext(ctx, *r.Source).Scan(&sourceID); err != nil {
			return Saved{}, fmt.Errorf("source: %w", err)
		}
		if _, err := st.articleSource.ExecContext(ctx, sourceID, articleID); err != nil {
			return Saved{}, fmt.Errorf("source: %w", err)
		}
	}

	entityIDs := make(map[string]int64, len(r.Entities))
	for i := range r.Entities {
		e := &r.Entities[i]
		titles := []byte("[]")
		if len(e.Titles) > 0 {
			var err error
			if titles, err = json.Marshal(e.Titles); err != nil {
				return Saved{}, err
			}
		}
		var code, country, sector *string
		if e.Actor != nil {
			code, country, sector = nullable(e.Actor.Code), nullable(e.Actor.Country), nullable(e.Actor.Sector)
		}
		var id int64
		err = st.entity.QueryRowContext(ctx,
			articleID, e.ID, e.Name, e.Type, code, country, sector, titles).Scan(&id)
		if err != nil {
			return Saved{}, fmt.Errorf("entity %s: %w", e.ID, err)
		}
		entityIDs[e.ID] = id
		rows.entities.add(id)
		for _, m := range e.Mentions {
			if _, err := st.mention.ExecContext(ctx, id, m.Start, m.End, m.Text, m.Kind); err != nil {
				return Saved{}, fmt.Errorf("entity %s mention: %w", e.ID, err)
			}
		}
	}
	ref := func(entity string) any {
		if id, ok := entityIDs[entity]; ok {
			return id
		}
		return nil
	}

	for i := range r.Quotes {
		q := &r.Quotes[i]
		js, err := json.Marshal(q)
		if err != nil {
			return Saved{}, err
		}
		var sp eventwire.Speaker
		var spID any
		var spName, spText *string
		var spStart, spEnd *int
		if q.Speaker != nil {
			sp = *q.Speaker
			spID, spName, spText, spStart, spEnd = ref(sp.Entity), &sp.Name, &sp.Text, &sp.Start, &sp.End
		}
		var cue, lemma *string
		var cueStart, cueEnd *int
		if q.Cue != nil {
			cue, lemma, cueStart, cueEnd = &q.Cue.Text, &q.Cue.Lemma, &q.Cue.Start, &q.Cue.End
		}
		var id int64
		if err := st.quote.QueryRowContext(ctx,
			articleID, q.ID, q.Kind, q.Text, q.Start, q.End, spID, spName, spText, spStart, spEnd,
			cue, lemma, cueStart, cueEnd, js).Scan(&id); err != nil {
			return Saved{}, fmt.Errorf("quote %s: %w", q.ID, err)
		}
		rows.quotes.add(id)
	}

	for i := range r.Events {
		v := &r.Events[i]
		js, err := json.Marshal(v)
		if err != nil {
			return Saved{}, err
		}
		src, tgt := eventActor(v.Source, ref), eventActor(v.Target, ref)
		var date, dateText *string
		if v.Date != nil {
			date = nullable(*v.Date)
		}
		if v.DateText != nil {
			dateText = &v.DateText.Text
		}
		var loc, locCountry *string
		var lat, lon *float64
		if v.Location != nil {
			loc, locCountry, lat, lon = &v.Location.Name, nullable(v.Location.Country), &v.Location.Lat, &v.Location.Lon
		}
		// The first report of the same event, found before the event is
		// stored, so that its row is written once.
		same, err := sameEvent(ctx, st, articleID, fp.duplicateOf, v, src, tgt, date, loc, locCountry)
		if err != nil {
			return Saved{}, fmt.Errorf("event %s: %w", v.ID, err)
		}
		if same != nil {
			saved.SameEvents++
		}
		var id int64
		err = st.event.QueryRowContext(ctx,
			articleID, v.ID,
			src.id, src.name, src.actor, src.country, src.sector,
			tgt.id, tgt.name, tgt.actor, tgt.country, tgt.sector,
			v.CAMEO, v.CAMEORoot, v.PLOVER, v.QuadClass, v.Goldstein, v.Negated, v.Hypothetical,
			date, dateText, loc, locCountry, lat, lon, js, same).Scan(&id)
		if err != nil {
			return Saved{}, fmt.Errorf("event %s: %w", v.ID, err)
		}
		rows.events.add(id)
		for _, m := range v.Mentions {
			if _, err := st.eventMention.ExecContext(ctx,
				id, m.Trigger.Start, m.Trigger.End, m.Trigger.Text, m.Sentence.Start, m.Sentence.End); err != nil {
				return Saved{}, fmt.Errorf("event %s mention: %w", v.ID, err)
			}
		}
	}
	return saved, nil
}

// stmts are the statements that Save runs, prepared once by Open.
type stmts struct {
	source, article, articleSource, entity, mention, quote, event, eventMention, fact *sql.Stmt
	nearArticles, eventLike, eventLikeDup                                             *sql.Stmt
	summary                                                                           [len(summaries)]*sql.Stmt
}

// statements is the SQL of each of stmts.
func (s *stmts) statements() []struct {
	p   **sql.Stmt
	sql string
} {
	list := []struct {
		p   **sql.Stmt
		sql string
	}{
		{&s.source, `INSERT INTO sources(name) VALUES (?)
			ON CONFLICT(name) DO UPDATE SET name = excluded.name RETURNING id`},
		{&s.article, `INSERT INTO articles
		(key, doc_id, url, title, source_id, published, dateline_place, dateline_agency, origin, text, record, added,
		 simhash, simhash_b0, simhash_b1, simhash_b2, simhash_b3, duplicate_of)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(key) DO NOTHING RETURNING id`},
		{&s.articleSource, `UPDATE articles SET source_id = ? WHERE id = ?`},
		{&s.entity, `INSERT INTO entities
			(article_id, eid, name, type, actor, country, sector, titles)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`},
		{&s.mention, `INSERT INTO mentions (entity_id, start, end, text, kind)
				VALUES (?, ?, ?, ?, ?)`},
		{&s.quote, `INSERT INTO quotes
			(article_id, qid, kind, text, start, end, speaker_id, speaker_name, speaker_text, speaker_start, speaker_end,
			 cue, cue_lemma, cue_start, cue_end, json)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`},
		{&s.event, `INSERT INTO events
			(article_id, eid,
			 source_id, source_name, source_actor, source_country, source_sector,
			 target_id, target_name, target_actor, target_country, target_sector,
			 cameo, cameo_root, plover, quad_class, goldstein, negated, hypothetical,
			 date, date_text, location, location_country, lat, lon, json, same_as)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`},
		{&s.eventMention, `INSERT INTO event_mentions
				(event_id, trigger_start, trigger_end, trigger_text, sentence_start, sentence_end)
				VALUES (?, ?, ?, ?, ?, ?)`},
		{&s.fact, `INSERT INTO knowledge
			(name, surname, actor, country, sector, title, first_seen, last_seen, doc_id)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT(name, actor, title) DO UPDATE SET
				surname = CASE WHEN knowledge.surname = '' THEN excluded.surname ELSE knowledge.surname END,
				doc_id = CASE WHEN excluded.first_seen < knowledge.first_seen OR knowledge.first_seen IS NULL AND excluded.first_seen IS NOT NULL
					THEN excluded.doc_id ELSE knowledge.doc_id END,
				first_seen = CASE WHEN knowledge.first_seen IS NULL THEN excluded.first_seen
					ELSE min(knowledge.first_seen, coalesce(excluded.first_seen, knowledge.first_seen)) END,
				last_seen = nullif(max(coalesce(knowledge.last_seen, ''), coalesce(excluded.first_seen, '')), '')`},
		{&s.nearArticles, nearArticlesSQL},
		{&s.eventLike, eventLikeSQL},
		{&s.eventLikeDup, eventLikeDupSQL},
	}
	for i := range summaries {
		list = append(list, struct {
			p   **sql.Stmt
			sql string
		}{&s.summary[i], summaries[i].sql})
	}
	return list
}

// prepare prepares every statement on db.
func (s *stmts) prepare(ctx context.Context, db *sql.DB) error {
	for _, st := range s.statements() {
		var err error
		if *st.p, err = db.PrepareContext(ctx, st.sql); err != nil {
			return fmt.Errorf("preparing %.40q: %w", st.sql, err)
		}
	}
	return nil
}

// close closes the prepared statements.
func (s *stmts) close() {
	for _, st := range s.statements() {
		if *st.p != nil {
			(*st.p).Close()
		}
	}
}

// in returns the statements bound to the transaction tx.
func (s *stmts) in(ctx context.Context, tx *sql.Tx) *stmts {
	in := &stmts{
		source:        tx.StmtContext(ctx, s.source),
		article:       tx.StmtContext(ctx, s.article),
		articleSource: tx.StmtContext(ctx, s.articleSource),
		entity:        tx.StmtContext(ctx, s.entity),
		mention:       tx.StmtContext(ctx, s.mention),
		quote:         tx.StmtContext(ctx, s.quote),
		event:         tx.StmtContext(ctx, s.event),
		eventMention:  tx.StmtContext(ctx, s.eventMention),
		fact:          tx.StmtContext(ctx, s.fact),
		nearArticles:  tx.StmtContext(ctx, s.nearArticles),
		eventLike:     tx.StmtContext(ctx, s.eventLike),
		eventLikeDup:  tx.StmtContext(ctx, s.eventLikeDup),
	}
	for i, st := range s.summary {
		in.summary[i] = tx.StmtContext(ctx, st)
	}
	return in
}

// actorCols are an event actor's columns; all nil when there is none.
type actorCols struct {
	id                           any
	name, actor, country, sector *string
}

func eventActor(a *eventwire.EventActor, ref func(string) any) actorCols {
	if a == nil {
		return actorCols{}
	}
	return actorCols{ref(a.Entity), &a.Name, nullable(a.Actor), nullable(a.Country), nullable(a.Sector)}
}

// nullable is nil for "", so that SQL sees NULL for a missing value.
func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// SaveKnowledge stores what the actor stage knows (actor.Knowledge.Facts),
// in one transaction. A fact already stored (same name, code and title)
// keeps the earlier first-seen date. Every fact's last_seen then becomes
// the latest publication date of a stored article that names the person
// with that code (or its first_seen, when later).
func (db *DB) SaveKnowledge(ctx context.Context, facts []actor.Fact) error {
	if db.readOnly {
		return ErrReadOnly
	}
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("saving knowledge: %w", err)
	}
	defer tx.Rollback()
	stmt := tx.StmtContext(ctx, db.stmts.fact)
	for _, f := range facts {
		if err := saveFact(ctx, stmt, f); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE knowledge SET last_seen = nullif(max(
			coalesce(first_seen, ''),
			coalesce((SELECT max(a.published) FROM entities e JOIN articles a ON a.id = e.article_id
				WHERE e.name = knowledge.name AND e.actor = knowledge.actor), '')), '')`); err != nil {
		return fmt.Errorf("saving knowledge: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("saving knowledge: %w", err)
	}
	return nil
}

// saveFact adds or updates one fact with the prepared statement stmts.fact.
func saveFact(ctx context.Context, stmt *sql.Stmt, f actor.Fact) error {
	var from *string
	if !f.From.IsZero() {
		s := f.From.Format(time.DateOnly)
		from = &s
	}
	if _, err := stmt.ExecContext(ctx, f.Name, f.Surname, f.Actor.Code, f.Actor.Country, f.Actor.Sector,
		f.Title, from, from, f.DocID); err != nil {
		return fmt.Errorf("saving knowledge of %s: %w", f.Name, err)
	}
	return nil
}

// Knowledge loads every stored fact, in the order first stored, for
// actor.NewKnowledge.
func (db *DB) Knowledge(ctx context.Context) ([]actor.Fact, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT name, surname, actor, country, sector, title, first_seen, doc_id
		FROM knowledge ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("loading knowledge: %w", err)
	}
	defer rows.Close()
	var facts []actor.Fact
	for rows.Next() {
		var f actor.Fact
		var from sql.NullString
		if err := rows.Scan(&f.Name, &f.Surname, &f.Actor.Code, &f.Actor.Country, &f.Actor.Sector,
			&f.Title, &from, &f.DocID); err != nil {
			return nil, fmt.Errorf("loading knowledge: %w", err)
		}
		if from.Valid {
			t, err := time.Parse(time.DateOnly, from.String)
			if err != nil {
				return nil, fmt.Errorf("loading knowledge of %s: first_seen %q: %w", f.Name, from.String, err)
			}
			f.From = t
		}
		facts = append(facts, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("loading knowledge: %w", err)
	}
	return facts, nil
}
