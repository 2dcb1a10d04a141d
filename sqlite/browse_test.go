package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/actor"
)

func day(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }

// longText is a text long enough to be fingerprinted for near-duplicates.
func longText(ending string) string {
	return strings.Repeat("Diplomats from both countries met again in the old city hall to discuss the grain corridor. ", 4) + ending
}

// browseDB is a store of four articles: two Reuters, one AP, one undated
// and a near-duplicate of the second.
func browseDB(t testing.TB) *DB {
	t.Helper()
	db := newDB(t)
	save(t, db, testDoc("a1", "Lavrov accused Kerry of lying.", "2024-05-06"))
	save(t, db, withSource(testDoc("a2", longText("Kerry met Lavrov in Geneva."), "2024-05-07"), "AP"))
	save(t, db, testDoc("a3", "Undated story of Lavrov.", ""))
	save(t, db, testDoc("a4", longText("Kerry met Lavrov in Geneva on Tuesday."), "2024-05-07"))
	return db
}

func TestArticles(t *testing.T) {
	ctx := context.Background()
	db := browseDB(t)
	tests := []struct {
		f    ArticleFilter
		rows []int64
	}{
		{ArticleFilter{}, []int64{4, 2, 1, 3}},
		{ArticleFilter{Source: "reuters"}, []int64{4, 1, 3}},
		{ArticleFilter{Source: "Reuter"}, nil},
		{ArticleFilter{From: day("2024-05-07")}, []int64{4, 2}},
		{ArticleFilter{To: day("2024-05-06")}, []int64{1}},
		{ArticleFilter{Limit: 2, Offset: 1}, []int64{2, 1}},
		{ArticleFilter{Offset: 10}, nil},
		{ArticleFilter{Text: "accused KERRY"}, []int64{1}},
		{ArticleFilter{Text: "Kerry accused"}, nil},
		{ArticleFilter{Text: "talks"}, []int64{3, 1, 2, 4}}, // in every title: the shortest articles rank first (bm25)
		{ArticleFilter{Text: "Geneva", Source: "AP"}, []int64{2}},
		{ArticleFilter{Text: "Geneva", To: day("2024-05-06")}, nil},
		{ArticleFilter{Text: `"(NEAR OR`}, nil},
	}
	for _, tt := range tests {
		var rows []int64
		for r := range slices.Values(collect(t, db.Articles(ctx, tt.f))) {
			rows = append(rows, r.Article.Row)
		}
		if !slices.Equal(rows, tt.rows) {
			t.Errorf("Articles(%+v): rows %v, want %v", tt.f, rows, tt.rows)
		}
	}
}

func TestArticleResults(t *testing.T) {
	ctx := context.Background()
	db := browseDB(t)
	tests := []struct {
		f       ArticleFilter
		snippet string
		marks   []eventwire.Span
		dup     int64
	}{
		{ArticleFilter{Text: "accused kerry"}, "Lavrov accused Kerry of lying.", []eventwire.Span{{Start: 7, End: 20}}, 0},
		{ArticleFilter{Text: "Tuesday"}, "…Kerry met Lavrov in Geneva on Tuesday.", []eventwire.Span{{Start: 31, End: 38}}, 2},
		{ArticleFilter{To: day("2024-05-06")}, "Lavrov accused Kerry of lying.", nil, 0},
		{ArticleFilter{Source: "AP"}, strings.Repeat("Diplomats from both countries met again in the old city hall to discuss the grain corridor. ", 2) + "Diplomats from…", nil, 0},
	}
	for _, tt := range tests {
		rs := collect(t, db.Articles(ctx, tt.f))
		if len(rs) != 1 {
			t.Fatalf("Articles(%+v): %d results", tt.f, len(rs))
		}
		r := rs[0]
		if r.Snippet != tt.snippet || !slices.Equal(r.Marks, tt.marks) || r.DuplicateOf != tt.dup {
			t.Errorf("Articles(%+v): snippet %q marks %v duplicate of %d, want %q %v %d", tt.f, r.Snippet, r.Marks, r.DuplicateOf, tt.snippet, tt.marks, tt.dup)
		}
		if r.NumEntities != 2 || r.NumQuotes != 1 || r.NumEvents != 1 || r.Article.Title != "Talks" || r.Article.Added == "" {
			t.Errorf("Articles(%+v): %+v", tt.f, r)
		}
	}
}

func TestRankWindow(t *testing.T) {
	ctx := context.Background()
	db := browseDB(t)
	tests := []struct {
		text, source string
		n            int
		want         int64
	}{
		{"talks", "", 1, 4},
		{"talks", "", 3, 2},
		{"talks", "", 4, 1},
		{"talks", "", 5, 0},
		{"talks", "Reuters", 2, 3},
		{"Geneva", "", 2, 2},
		{"Geneva", "", 3, 0},
	}
	for _, tt := range tests {
		from := ` FROM articles_fts WHERE articles_fts MATCH ?`
		args := []any{phrase(tt.text)}
		if tt.source != "" {
			from = ` FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ?
				AND a.source_id IN (SELECT id FROM sources WHERE name = ?)`
			args = append(args, tt.source)
		}
		if got, err := db.rankWindow(ctx, from, args, tt.n); got != tt.want || err != nil {
			t.Errorf("rankWindow(%q, %q, %d) = %d, %v, want %d", tt.text, tt.source, tt.n, got, err, tt.want)
		}
	}
}

func TestMarks(t *testing.T) {
	tests := []struct {
		in, out string
		marks   []eventwire.Span
	}{
		{"plain", "plain", nil},
		{"a \x02b\x03 c", "a b c", []eventwire.Span{{Start: 2, End: 3}}},
		{"\x02ünï\x03\n\n\x02😀\x03", "ünï 😀", []eventwire.Span{{Start: 0, End: 3}, {Start: 4, End: 5}}},
		{"stray\x03 \x02open", "stray open", nil},
	}
	for _, tt := range tests {
		out, marks := marks(tt.in)
		if out != tt.out || !slices.Equal(marks, tt.marks) {
			t.Errorf("marks(%q) = %q %v, want %q %v", tt.in, out, marks, tt.out, tt.marks)
		}
	}
}

func TestArticle(t *testing.T) {
	ctx := context.Background()
	db := browseDB(t)
	first := collect(t, db.Articles(ctx, ArticleFilter{To: day("2024-05-06")}))[0].Article
	tests := []struct {
		id   string
		row  int64 // 0: ErrNotFound
		text string
	}{
		{"1", 1, "Lavrov accused Kerry of lying."},
		{"3", 3, "Undated story of Lavrov."},
		{first.ID, 1, "Lavrov accused Kerry of lying."},
		{"99", 0, ""},
		{"0", 0, ""},
		{"", 0, ""},
		{"' OR 1=1 --", 0, ""},
	}
	for _, tt := range tests {
		a, r, err := db.Article(ctx, tt.id)
		if tt.row == 0 {
			if !errors.Is(err, ErrNotFound) {
				t.Errorf("Article(%q): %v, want ErrNotFound", tt.id, err)
			}
			continue
		}
		if err != nil || a.Row != tt.row || r.Text != tt.text || a.ID != r.ID || len(r.Quotes) != 1 || a.Source != "Reuters" {
			t.Errorf("Article(%q) = %+v, %q, %v", tt.id, a, r.Text, err)
		}
	}
}

// actorDB is a store where Lavrov (RUSGOV) accuses Kerry (USAGOV) twice
// and a Russian general (RUSMIL) once, and Kerry meets Lavrov once.
func actorDB(t testing.TB) *DB {
	t.Helper()
	db := newDB(t)
	save(t, db, testDoc("b1", "Lavrov accused Kerry of lying.", "2024-05-06"))
	save(t, db, testDoc("b2", "Lavrov accused Kerry again.", "2024-05-13"))
	d := testDoc("b3", "Kerry met Lavrov.", "2024-05-08")
	v := &d.Events[0]
	v.Source, v.Target = v.Target, v.Source
	v.CAMEO, v.CAMEORoot, v.PLOVER, v.QuadClass, v.Goldstein = "040", "04", "CONSULT", 1, 1
	save(t, db, d)
	d = testDoc("b4", "Lavrov accused General Petrov.", "")
	d.Entities[1].Name, d.Entities[1].Actor = "Ivan Petrov", &eventwire.Actor{Code: "RUSMIL", Country: "RUS", Sector: "MIL"}
	d.Events[0].Target = &eventwire.EventActor{Entity: "e2", Name: "Ivan Petrov", Actor: "RUSMIL", Country: "RUS", Sector: "MIL"}
	d.Events[0].Date = nil
	save(t, db, d)
	err := db.SaveKnowledge(context.Background(), []actor.Fact{
		{Name: "Sergei Lavrov", Surname: "Lavrov", Actor: eventwire.Actor{Code: "RUSGOV", Country: "RUS", Sector: "GOV"},
			Title: "Foreign Minister", From: day("2024-05-06"), DocID: "b1"},
	})
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func TestActor(t *testing.T) {
	ctx := context.Background()
	db := actorDB(t)
	lavrov := KnownAs{Name: "Sergei Lavrov", Actor: "RUSGOV", Title: "Foreign Minister", FirstSeen: "2024-05-06", LastSeen: "2024-05-13", DocID: "b1"}
	tests := []struct {
		code string
		want ActorInfo // Code "": ErrNotFound
	}{
		{"rus", ActorInfo{Code: "RUS",
			Names:     []NameCount{{"Sergei Lavrov", 4}, {"Ivan Petrov", 1}},
			KnownAs:   []KnownAs{lavrov},
			NumEvents: 4, NumQuotes: 4, FirstDate: "2024-05-06", LastDate: "2024-05-13",
			Counterparts: []Counterpart{{Actor: "USAGOV", AsSource: 1, AsTarget: 2, Goldstein: -1}, {Actor: "RUSGOV", AsSource: 1, Goldstein: -2}, {Actor: "RUSMIL", AsTarget: 1, Goldstein: -2}}}},
		{" RUSGOV", ActorInfo{Code: "RUSGOV",
			Names:     []NameCount{{"Sergei Lavrov", 4}},
			KnownAs:   []KnownAs{lavrov},
			NumEvents: 4, NumQuotes: 4, FirstDate: "2024-05-06", LastDate: "2024-05-13",
			Counterparts: []Counterpart{{Actor: "USAGOV", AsSource: 1, AsTarget: 2, Goldstein: -1}, {Actor: "RUSMIL", AsTarget: 1, Goldstein: -2}}}},
		{"RUSMIL", ActorInfo{Code: "RUSMIL",
			Names:        []NameCount{{"Ivan Petrov", 1}},
			NumEvents:    1,
			Counterparts: []Counterpart{{Actor: "RUSGOV", AsSource: 1, Goldstein: -2}}}},
		{"USA", ActorInfo{Code: "USA",
			Names:     []NameCount{{"John Kerry", 3}},
			NumEvents: 3, FirstDate: "2024-05-06", LastDate: "2024-05-13",
			Counterparts: []Counterpart{{Actor: "RUSGOV", AsSource: 2, AsTarget: 1, Goldstein: -1}}}},
		{"CHN", ActorInfo{}},
		{"", ActorInfo{}},
		{"%", ActorInfo{}},
	}
	for _, tt := range tests {
		got, err := db.Actor(ctx, tt.code)
		if tt.want.Code == "" {
			if !errors.Is(err, ErrNotFound) {
				t.Errorf("Actor(%q): %v, want ErrNotFound", tt.code, err)
			}
			continue
		}
		if err != nil || fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", tt.want) {
			t.Errorf("Actor(%q) = %+v, %v\nwant %+v", tt.code, got, err, tt.want)
		}
	}
}

func TestTimeline(t *testing.T) {
	ctx := context.Background()
	db := actorDB(t)
	// A second report of the event of 13 May, from another publisher.
	save(t, db, withSource(testDoc("b5", "Lavrov accused Kerry again, AP says.", "2024-05-13"), "AP"))
	accuse := func(period string, n int) TimelinePoint {
		return TimelinePoint{Period: period, Events: n, Goldstein: -2, Quad: [4]int{0, 0, n, 0}, PLOVER: map[string]int{"ACCUSE": n}}
	}
	tests := []struct {
		f    TimelineFilter
		want []TimelinePoint
	}{
		{TimelineFilter{}, []TimelinePoint{accuse("2024-05-06", 1),
			{Period: "2024-05-08", Events: 1, Goldstein: 1, Quad: [4]int{1, 0, 0, 0}, PLOVER: map[string]int{"CONSULT": 1}},
			accuse("2024-05-13", 2)}},
		{TimelineFilter{FirstReports: true, Source: "rus"}, []TimelinePoint{accuse("2024-05-06", 1), accuse("2024-05-13", 1)}},
		{TimelineFilter{FirstReports: true}, []TimelinePoint{accuse("2024-05-06", 1),
			{Period: "2024-05-08", Events: 1, Goldstein: 1, Quad: [4]int{1, 0, 0, 0}, PLOVER: map[string]int{"CONSULT": 1}},
			accuse("2024-05-13", 1)}},
		{TimelineFilter{From: day("2024-05-08"), To: day("2024-05-08")}, []TimelinePoint{
			{Period: "2024-05-08", Events: 1, Goldstein: 1, Quad: [4]int{1, 0, 0, 0}, PLOVER: map[string]int{"CONSULT": 1}}}},
		{TimelineFilter{Actor: "RUS", Week: true}, []TimelinePoint{
			{Period: "2024-05-06", Events: 2, Goldstein: -0.5, Quad: [4]int{1, 0, 1, 0}, PLOVER: map[string]int{"ACCUSE": 1, "CONSULT": 1}},
			accuse("2024-05-13", 2)}},
		{TimelineFilter{Week: true}, []TimelinePoint{
			{Period: "2024-05-06", Events: 2, Goldstein: -0.5, Quad: [4]int{1, 0, 1, 0}, PLOVER: map[string]int{"ACCUSE": 1, "CONSULT": 1}},
			accuse("2024-05-13", 2)}},
		{TimelineFilter{Week: true, Source: "USA", Target: "RUSGOV"}, []TimelinePoint{
			{Period: "2024-05-06", Events: 1, Goldstein: 1, Quad: [4]int{1, 0, 0, 0}, PLOVER: map[string]int{"CONSULT": 1}}}},
		{TimelineFilter{Actor: "USAGOV", From: day("2024-05-07"), To: day("2024-05-12")}, []TimelinePoint{
			{Period: "2024-05-08", Events: 1, Goldstein: 1, Quad: [4]int{1, 0, 0, 0}, PLOVER: map[string]int{"CONSULT": 1}}}},
		{TimelineFilter{Actor: "RUSMIL"}, nil}, // its event is undated
	}
	for _, tt := range tests {
		got, err := db.Timeline(ctx, tt.f)
		if err != nil || fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", tt.want) {
			t.Errorf("Timeline(%+v) = %+v, %v\nwant %+v", tt.f, got, err, tt.want)
		}
	}
}

// User text in a filter or an id is data, never SQL or FTS5 syntax: no
// query fails.
func FuzzBrowse(f *testing.F) {
	for _, s := range []string{"talks", `"`, "a OR b", "NEAR(a b)", "x*", "%_\\", "'; DROP TABLE events; --", "\x00", "12"} {
		f.Add(s)
	}
	db := browseDB(f)
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, s string) {
		for _, err := range db.Articles(ctx, ArticleFilter{Text: s, Source: s}) {
			if err != nil {
				t.Fatalf("Articles %q: %v", s, err)
			}
		}
		if _, _, err := db.Article(ctx, s); err != nil && !errors.Is(err, ErrNotFound) {
			t.Fatalf("Article %q: %v", s, err)
		}
		if _, err := db.Actor(ctx, s); err != nil && !errors.Is(err, ErrNotFound) {
			t.Fatalf("Actor %q: %v", s, err)
		}
		if _, err := db.Timeline(ctx, TimelineFilter{Source: s, Target: s, Actor: s}); err != nil {
			t.Fatalf("Timeline %q: %v", s, err)
		}
		for _, err := range db.Quotes(ctx, QuoteFilter{SpeakerActor: s, Speaker: s}) {
			if err != nil {
				t.Fatalf("Quotes %q: %v", s, err)
			}
		}
		for _, err := range db.Events(ctx, EventFilter{Actor: s, Newest: true}) {
			if err != nil {
				t.Fatalf("Events %q: %v", s, err)
			}
		}
	})
}

// checkSummaries compares the summary tables with what they summarise.
func checkSummaries(t *testing.T, db *DB, when string) {
	t.Helper()
	ctx := context.Background()
	for _, q := range [][2]string{
		{`SELECT * FROM actor_pairs ORDER BY 1, 2, 3, 4`,
			`SELECT coalesce(source_actor, ''), coalesce(target_actor, ''), coalesce(source_country, ''), coalesce(target_country, ''),
				count(*), sum(goldstein), min(date), max(date) FROM events GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`},
		{`SELECT * FROM actor_names ORDER BY 1, 2`,
			`SELECT actor, name, count(*), (SELECT count(*) FROM quotes q JOIN entities x ON x.id = q.speaker_id
				WHERE x.actor = en.actor AND x.name = en.name)
			FROM entities en WHERE actor IS NOT NULL GROUP BY actor, name ORDER BY 1, 2`},
		{`SELECT * FROM event_days ORDER BY 1, 2, 3, 4`,
			`SELECT date, plover, quad_class, same_as IS NULL, count(*), sum(goldstein) FROM events
				WHERE date IS NOT NULL GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`},
		{`SELECT * FROM country_weeks ORDER BY 1, 2, 3, 4, 5, 6, 7`,
			`SELECT country, side, date(date, '-6 days', 'weekday 1'), plover, quad_class, first, both, count(*), sum(goldstein)
			FROM (SELECT source_country AS country, 0 AS side, date, plover, quad_class, same_as IS NULL AS first,
					target_country IS source_country AS both, goldstein FROM events WHERE source_country IS NOT NULL
				UNION ALL SELECT target_country, 1, date, plover, quad_class, same_as IS NULL, source_country IS target_country, goldstein
				FROM events WHERE target_country IS NOT NULL)
			WHERE date IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7`},
		{`SELECT * FROM actor_weeks ORDER BY 1, 2, 3, 4, 5, 6, 7`,
			`WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < 12)
			SELECT actor, side, date(date, '-6 days', 'weekday 1'), plover, quad_class, first, common, count(*), sum(goldstein)
			FROM (SELECT source_actor AS actor, 0 AS side, date, plover, quad_class, same_as IS NULL AS first, 0 AS common, goldstein
				FROM events WHERE source_actor IS NOT NULL
				UNION ALL SELECT target_actor, 1, date, plover, quad_class, same_as IS NULL,
					coalesce((SELECT max(n) FROM k WHERE substr(source_actor, 1, n) = substr(target_actor, 1, n)), 0), goldstein
				FROM events WHERE target_actor IS NOT NULL)
			WHERE date IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7`},
		{`SELECT * FROM speakers ORDER BY 1`,
			`SELECT speaker_name, count(*) FROM quotes WHERE speaker_name IS NOT NULL GROUP BY 1 ORDER BY 1`},
	} {
		var got [2]string
		for i, sql := range q {
			rows, err := db.sql.QueryContext(ctx, sql)
			if err != nil {
				t.Fatal(err)
			}
			cols, _ := rows.Columns()
			for rows.Next() {
				v := make([]any, len(cols))
				p := make([]any, len(v))
				for i := range v {
					p[i] = &v[i]
				}
				if err := rows.Scan(p...); err != nil {
					t.Fatal(err)
				}
				got[i] += fmt.Sprintln(v...)
			}
			rows.Close()
		}
		if got[0] != got[1] {
			t.Errorf("%s: %s\n%s\nwant\n%s", when, q[0], got[0], got[1])
		}
	}
}

// The summary tables follow what is saved and deleted, and a migration
// fills them from a store that had none.
func TestSummaries(t *testing.T) {
	ctx := context.Background()
	db := actorDB(t)
	// A later report of an event (same_as set); two articles saved in one
	// transaction, the second reporting the event of the first again.
	save(t, db, withSource(testDoc("b5", "Lavrov accused Kerry again, AP says.", "2024-05-13"), "AP"))
	for _, s := range db.SaveAll(ctx, []*eventwire.Doc{testDoc("b6", "Lavrov accused Kerry once more.", "2024-05-20"),
		withSource(testDoc("b7", "Lavrov accused Kerry once more, AP says.", "2024-05-20"), "AP")}) {
		if s.Err != nil || !s.Added {
			t.Fatalf("SaveAll: %+v", s)
		}
	}
	var n int
	if err := db.sql.QueryRowContext(ctx, "SELECT count(*) FROM events WHERE same_as IS NOT NULL").Scan(&n); err != nil || n != 2 {
		t.Fatalf("%d later reports (%v), want 2", n, err)
	}
	checkSummaries(t, db, "saved")
	if _, err := db.sql.ExecContext(ctx, "DELETE FROM articles WHERE id IN (2, 4)"); err != nil {
		t.Fatal(err)
	}
	checkSummaries(t, db, "deleted")
	if _, err := db.sql.ExecContext(ctx, "DELETE FROM articles"); err != nil {
		t.Fatal(err)
	}
	checkSummaries(t, db, "all deleted")

	// A store at schema version 2, migrated: its rows are those of a
	// store of the current version (the tables that version 3 adds to
	// are the same), copied in.
	full := newDB(t)
	for _, d := range []*eventwire.Doc{testDoc("c1", "Lavrov accused Kerry.", "2024-05-06"), testDoc("c2", "Lavrov accused Kerry again.", "")} {
		save(t, full, d)
	}
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "v2.db")
	sdb, err := sql.Open("sqlite", "file:"+path+"?_pragma=foreign_keys(1)")
	if err != nil {
		t.Fatal(err)
	}
	defer sdb.Close()
	db = &DB{sql: sdb, path: path}
	if err := db.migrateTo(ctx, ms[:2]); err != nil {
		t.Fatal(err)
	}
	copyRows := "ATTACH '" + strings.ReplaceAll(full.Path(), "'", "''") + "' AS full;"
	for _, table := range []string{"sources", "articles", "entities", "mentions", "quotes", "events", "event_mentions"} {
		copyRows += "INSERT INTO main." + table + " SELECT * FROM full." + table + ";"
	}
	if _, err := sdb.ExecContext(ctx, copyRows+"DETACH full"); err != nil {
		t.Fatal(err)
	}
	if err := db.migrateTo(ctx, ms); err != nil {
		t.Fatal(err)
	}
	checkSummaries(t, db, "migrated")
	if info, err := db.Actor(ctx, "RUS"); err != nil || info.NumEvents != 2 || info.NumQuotes != 2 {
		t.Errorf("migrated: Actor(RUS) = %+v, %v", info, err)
	}
}

// Weekly timelines of one actor read country_weeks or actor_weeks: they
// agree with the events, on either side or one, for countries, full codes
// and prefixes, whole weeks or not.
func TestTimelineSummaries(t *testing.T) {
	ctx := context.Background()
	db := actorDB(t)
	save(t, db, withSource(testDoc("b5", "Lavrov accused Kerry again, AP says.", "2024-05-13"), "AP"))
	// Events with the same country, and the same code, on both sides.
	for i, code := range []string{"RUSMIL", "RUSGOV", "RUSGOVLEG"} {
		d := testDoc(fmt.Sprint("b6", i), "Lavrov accused General Petrov.", fmt.Sprint("2024-05-1", 4+i))
		d.Entities[1].Name, d.Entities[1].Actor = "Ivan Petrov", &eventwire.Actor{Code: code, Country: "RUS", Sector: code[3:6]}
		d.Events[0].Target = &eventwire.EventActor{Entity: "e2", Name: "Ivan Petrov", Actor: code, Country: "RUS", Sector: code[3:6]}
		save(t, db, d)
	}
	var codes []string
	rows, err := db.sql.QueryContext(ctx, `SELECT DISTINCT source_actor FROM events WHERE source_actor IS NOT NULL
		UNION SELECT target_actor FROM events WHERE target_actor IS NOT NULL`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			t.Fatal(err)
		}
		codes = append(codes, c, c[:1], c[:min(len(c), 3)], c[:min(len(c), 4)], c[:min(len(c), 5)], strings.ToLower(c))
	}
	rows.Close()
	if len(codes) < 10 {
		t.Fatalf("only %d codes to try", len(codes))
	}
	for _, code := range append(codes, "CHE", "XYZ", "USAGOVXXXXXXX") {
		for _, f := range []TimelineFilter{{Actor: code}, {Source: code}, {Target: code}, {Actor: code, FirstReports: true},
			{Actor: code, From: day("2024-05-13"), To: day("2024-05-19")}, {Actor: code, From: day("2024-03-05"), To: day("2024-05-13")}} {
			for _, week := range []bool{false, true} {
				f.Week = week
				sum, err := db.timeline(ctx, f, true)
				if err != nil {
					t.Fatal(err)
				}
				events, err := db.timeline(ctx, f, false)
				if err != nil {
					t.Fatal(err)
				}
				if fmt.Sprintf("%+v", sum) != fmt.Sprintf("%+v", events) {
					t.Errorf("Timeline(%+v): from summaries %+v, from events %+v", f, sum, events)
				}
			}
		}
	}
}
