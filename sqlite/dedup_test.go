package sqlite

import (
	"context"
	"database/sql"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/simhash"
)

// inventedText is n words drawn from a small invented vocabulary with a
// fixed seed: a long article-like text that no other seed repeats.
func inventedText(seed uint64, n int) string {
	words := strings.Fields(`the minister said on talks border troops ceasefire village rebels
		officials police protest capital election vote parliament government army attack killed
		wounded aid convoy port river bridge bank market prices oil gas deal signed agreed
		rejected called for urged warned denied accused met visit president prime leaders
		week day night morning spokesman agency news reported statement local regional`)
	r := rand.New(rand.NewPCG(seed, 7))
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(words[r.IntN(len(words))])
	}
	return b.String() + "."
}

func saveFull(t *testing.T, db *DB, d *eventwire.Doc) Saved {
	t.Helper()
	s := db.SaveAll(context.Background(), []*eventwire.Doc{d})[0]
	if s.Err != nil {
		t.Fatal(s.Err)
	}
	return s
}

func TestNearDuplicates(t *testing.T) {
	db := newDB(t)
	long := inventedText(1, 400)
	edited := strings.Replace(long, " ", " inserted ", 1)
	tests := []struct {
		name, url, text string
		want            int64 // DuplicateOf
	}{
		{"original", "u1", long, 0},
		{"same text, another URL", "u2", long, 1},
		{"one word inserted", "u3", edited, 1},
		{"copy of the copy, shortened", "u4", strings.TrimSuffix(edited, ".") + " extra words at the end.", 1},
		{"unrelated", "u5", inventedText(2, 400), 0},
		{"short original", "u6", inventedText(3, 20), 0},
		{"short copy: too short to compare", "u7", inventedText(3, 20), 0},
	}
	for _, tt := range tests {
		s := saveFull(t, db, testDoc(tt.url, tt.text, "2024-01-02"))
		if !s.Added || s.DuplicateOf != tt.want {
			t.Errorf("%s: %+v, want duplicate of %d", tt.name, s, tt.want)
		}
	}
	dups, err := db.Duplicates(context.Background())
	if err != nil || len(dups) != 3 {
		t.Fatalf("Duplicates: %+v, %v; want 3", dups, err)
	}
	for _, d := range dups {
		if d.FirstID != 1 || d.Distance > 2*MaxDistance {
			t.Errorf("duplicate %+v", d)
		}
	}
}

// eventCounts reads the event_counts view for one event.
func eventCounts(t *testing.T, db *DB, id int64) (first, mentions, sources, articles int64) {
	t.Helper()
	err := db.sql.QueryRow(`SELECT first_event_id, num_mentions, num_sources, num_articles
		FROM event_counts WHERE event_id = ?`, id).Scan(&first, &mentions, &sources, &articles)
	if err != nil {
		t.Fatal(err)
	}
	return first, mentions, sources, articles
}

func TestSameEvent(t *testing.T) {
	db := newDB(t)
	nearCopy := inventedText(9, 300)
	tests := []struct {
		name   string
		doc    *eventwire.Doc
		sameAs int64 // 0: a new event
	}{
		{"first report", testDoc("a1", "Lavrov accused Kerry.", "2024-05-06"), 0},
		{"another article, same day", withSource(testDoc("a2", "Russia's Lavrov accused Kerry.", "2024-05-06"), "AP"), 1},
		{"another day", testDoc("a3", "Lavrov accused Kerry again.", "2024-05-07"), 0},
		{"other action", func() *eventwire.Doc {
			d := testDoc("a4", "Lavrov praised Kerry.", "2024-05-06")
			d.Events[0].CAMEO = "051"
			return d
		}(), 0},
		{"negated", func() *eventwire.Doc {
			d := testDoc("a5", "Lavrov did not accuse Kerry.", "2024-05-06")
			d.Events[0].Negated = true
			return d
		}(), 0},
		{"other place", func() *eventwire.Doc {
			d := testDoc("a6", "Lavrov accused Kerry in Vienna.", "2024-05-06")
			d.Events[0].Location = &eventwire.Location{Name: "Vienna", Country: "AUT"}
			return d
		}(), 0},
		{"no target: not enough to merge", func() *eventwire.Doc {
			d := testDoc("a7", "Lavrov accused.", "2024-05-06")
			d.Events[0].Target = nil
			return d
		}(), 0},
		{"no target again, another article", func() *eventwire.Doc {
			d := testDoc("a8", "Lavrov accused, again.", "2024-05-06")
			d.Events[0].Target = nil
			return d
		}(), 0},
		{"undated original", testDoc("a9", nearCopy, ""), 0},
		{"undated near-duplicate: same event", testDoc("a10", nearCopy+" Updated.", ""), 9},
		{"two such events in one article: the second is another event", func() *eventwire.Doc {
			d := testDoc("a11", "Lavrov accused Kerry twice.", "2024-05-06")
			v := d.Events[0]
			v.ID = "v2"
			d.Events = append(d.Events, v)
			return d
		}(), 1},
	}
	id := int64(0)
	for _, tt := range tests {
		s := saveFull(t, db, tt.doc)
		id++
		var sameAs sql.NullInt64
		if err := db.sql.QueryRow(`SELECT same_as FROM events WHERE id = ?`, id).Scan(&sameAs); err != nil {
			t.Fatal(err)
		}
		if sameAs.Int64 != tt.sameAs || (s.SameEvents == 1) != (tt.sameAs != 0) {
			t.Errorf("%s: same_as %v (%+v), want %d", tt.name, sameAs, s, tt.sameAs)
		}
		id += int64(len(tt.doc.Events) - 1)
	}
	var second sql.NullInt64
	if err := db.sql.QueryRow(`SELECT same_as FROM events WHERE id = ?`, id).Scan(&second); err != nil || second.Valid {
		t.Errorf("second event of one article: same_as %v, %v; want NULL", second, err)
	}
	for _, tt := range []struct {
		event                          int64
		first, mentions, sources, arts int64
	}{
		{1, 1, 3, 2, 3},
		{2, 1, 3, 2, 3},
		{3, 3, 1, 1, 1},
		{10, 9, 2, 1, 2},
	} {
		first, mentions, sources, arts := eventCounts(t, db, tt.event)
		if first != tt.first || mentions != tt.mentions || sources != tt.sources || arts != tt.arts {
			t.Errorf("event %d counts: first %d, %d mentions, %d sources, %d articles; want %+v",
				tt.event, first, mentions, sources, arts, tt)
		}
	}
}

// A database made by schema version 1 migrates: its articles have no
// fingerprint and its events count once each.
func TestMigrateDuplicates(t *testing.T) {
	ctx := context.Background()
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "v1.db")
	sdb, err := sql.Open("sqlite", "file:"+path+"?_pragma=foreign_keys(1)")
	if err != nil {
		t.Fatal(err)
	}
	old := &DB{sql: sdb, path: path}
	if err := old.migrateTo(ctx, ms[:1]); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO articles(key, doc_id, title, origin, text, record, added) VALUES ('k', 'd', 'T', 'o', ?, '{}', 'now')`,
		`INSERT INTO events(article_id, eid, cameo, cameo_root, plover, quad_class, goldstein, negated, hypothetical, date, json)
			VALUES (1, 'v1', '112', '11', 'ACCUSE', 3, -2, 0, 0, '2024-05-06', '{}')`,
	} {
		var args []any
		if strings.Contains(q, "?") {
			args = append(args, inventedText(5, 200))
		}
		if _, err := sdb.Exec(q, args...); err != nil {
			t.Fatal(err)
		}
	}
	sdb.Close()

	db := open(t, path)
	if v, err := db.Version(ctx); err != nil || v != SchemaVersion() {
		t.Fatalf("migrated to version %d (%v), want %d", v, err, SchemaVersion())
	}
	if first, mentions, sources, arts := eventCounts(t, db, 1); first != 1 || mentions != 1 || sources != 1 || arts != 1 {
		t.Errorf("old event counts: %d %d %d %d", first, mentions, sources, arts)
	}
	// The old article has no fingerprint: a copy saved now is an original.
	if s := saveFull(t, db, testDoc("new", inventedText(5, 200), "2024-05-06")); !s.Added || s.DuplicateOf != 0 {
		t.Errorf("copy of a version-1 article: %+v", s)
	}
	var h sql.NullInt64
	if err := db.sql.QueryRow(`SELECT simhash FROM articles WHERE id = 2`).Scan(&h); err != nil || !h.Valid {
		t.Errorf("new article's simhash %v, %v", h, err)
	} else if want, _ := simhash.Sum(inventedText(5, 200)); simhash.Hash(h.Int64) != want {
		t.Errorf("stored simhash %#x, want %#x", h.Int64, want)
	}
}
