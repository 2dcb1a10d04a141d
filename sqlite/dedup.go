package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/simhash"
)

const (
	// MaxDistance is the largest SimHash distance (differing bits of 64)
	// at which an article is a near-duplicate of an earlier one.
	MaxDistance = 3
	// MinShingles is the fewest word shingles (about the number of words)
	// that an article needs to be checked for near-duplicates: the
	// fingerprints of shorter texts swing with every word and collide by
	// chance more often.
	MinShingles = 30
)

// fingerprinted is an article's SimHash columns, nil where NULL.
type fingerprinted struct {
	hash        *int64
	blocks      [4]any
	duplicateOf *int64
}

// nearArticlesSQL finds the stored articles that share a SimHash block
// with a new one, through the block indexes (SQLite answers the OR with
// one index look-up per block).
const nearArticlesSQL = `SELECT id, simhash, coalesce(duplicate_of, id) FROM articles
	WHERE simhash_b0 = ? OR simhash_b1 = ? OR simhash_b2 = ? OR simhash_b3 = ?`

// fingerprint computes the SimHash columns of a new article's text and
// finds the first stored article it is a near-duplicate of: of the stored
// articles within MaxDistance, the original (duplicate_of NULL) stored
// first, so that a chain of copies links to one article.
func fingerprint(ctx context.Context, st *stmts, text string) (fingerprinted, error) {
	var fp fingerprinted
	h, n := simhash.Sum(text)
	if n < MinShingles {
		return fp, nil
	}
	v := int64(h)
	fp.hash = &v
	b := h.Blocks()
	for i := range b {
		fp.blocks[i] = int64(b[i])
	}
	rows, err := st.nearArticles.QueryContext(ctx, fp.blocks[:]...)
	if err != nil {
		return fp, fmt.Errorf("finding near-duplicates: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, other, root int64
		if err := rows.Scan(&id, &other, &root); err != nil {
			return fp, fmt.Errorf("finding near-duplicates: %w", err)
		}
		if simhash.Distance(h, simhash.Hash(other)) > MaxDistance {
			continue
		}
		if fp.duplicateOf == nil || root < *fp.duplicateOf {
			r := root
			fp.duplicateOf = &r
		}
	}
	if err := rows.Err(); err != nil {
		return fp, fmt.Errorf("finding near-duplicates: %w", err)
	}
	return fp, nil
}

// eventKeySQL is the columns on which two reports of one event agree;
// the parameters are cameo, negated, hypothetical, source_actor,
// target_actor, location, location_country. The unary + keeps the
// planner off the place indexes: without statistics (a new store) it
// would otherwise pick events_location_country for "IS NULL" and scan
// every event without a place, for every event saved.
const eventKeySQL = `cameo = ? AND negated = ? AND hypothetical = ?
	AND source_actor IS ? AND target_actor IS ? AND +location IS ? AND +location_country IS ?`

// notJoinedSQL keeps out the groups that another event of the new
// article has joined already: two events of one article stay two. Its
// parameter is the new article's id.
const notJoinedSQL = ` AND NOT EXISTS (SELECT 1 FROM events x
	WHERE x.article_id = ? AND x.same_as = coalesce(events.same_as, events.id))`

// eventLikeSQL finds the first event, in another article, that a new
// event with both actors and a date reports again (rule 1 of the package
// documentation); the last parameters are date and the new article's id
// (twice).
const eventLikeSQL = `SELECT coalesce(same_as, id) FROM events
	WHERE ` + eventKeySQL + ` AND date = ? AND article_id != ?` + notJoinedSQL + `
	ORDER BY 1 LIMIT 1`

// eventLikeDupSQL finds the first event, in an article of the same
// near-duplicate family, that a new event reports again (rule 2): the
// date may be missing on either side. The last parameters are the date
// (twice), the family's original article (twice) and the new article
// (twice).
const eventLikeDupSQL = `SELECT coalesce(same_as, id) FROM events
	WHERE ` + eventKeySQL + ` AND (date = ? OR date IS NULL OR ? IS NULL)
	AND article_id IN (SELECT ? UNION ALL SELECT id FROM articles WHERE duplicate_of = ?) AND article_id != ?` + notJoinedSQL + `
	ORDER BY 1 LIMIT 1`

// sameEvent returns the first stored report of the same event as a new
// event of article articleID, before it is stored (its same_as), nil when
// there is none. family is the original of which the article is a
// near-duplicate, nil when it is none.
func sameEvent(ctx context.Context, st *stmts, articleID int64, family *int64,
	v *eventwire.Event, src, tgt actorCols, date, loc, locCountry *string) (*int64, error) {
	key := []any{v.CAMEO, v.Negated, v.Hypothetical, src.actor, tgt.actor, loc, locCountry}
	var first int64
	err := sql.ErrNoRows
	if family != nil {
		err = st.eventLikeDup.QueryRowContext(ctx, append(key, date, date, *family, *family, articleID, articleID)...).Scan(&first)
	}
	if err == sql.ErrNoRows && date != nil && src.actor != nil && tgt.actor != nil {
		err = st.eventLike.QueryRowContext(ctx, append(key, date, articleID, articleID)...).Scan(&first)
	}
	switch {
	case err == sql.ErrNoRows:
		return nil, nil
	case err != nil:
		return nil, fmt.Errorf("finding earlier reports: %w", err)
	}
	return &first, nil
}

// Duplicate is a stored near-duplicate article and the article it is a
// copy of.
type Duplicate struct {
	ID, FirstID       int64  // articles.id
	DocID, FirstDocID string // the records' ids
	Title, FirstTitle string
	Distance          int // SimHash distance between the two: above MaxDistance when linked through a copy of the first
}

// Duplicates lists the near-duplicate articles stored, in the order
// stored.
func (db *DB) Duplicates(ctx context.Context) ([]Duplicate, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT a.id, a.doc_id, a.title, a.simhash, f.id, f.doc_id, f.title, f.simhash
		FROM articles a JOIN articles f ON f.id = a.duplicate_of ORDER BY a.id`)
	if err != nil {
		return nil, fmt.Errorf("listing duplicates: %w", err)
	}
	defer rows.Close()
	var out []Duplicate
	for rows.Next() {
		var d Duplicate
		var h, fh int64
		if err := rows.Scan(&d.ID, &d.DocID, &d.Title, &h, &d.FirstID, &d.FirstDocID, &d.FirstTitle, &fh); err != nil {
			return nil, fmt.Errorf("listing duplicates: %w", err)
		}
		d.Distance = simhash.Distance(simhash.Hash(h), simhash.Hash(fh))
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("listing duplicates: %w", err)
	}
	return out, nil
}
