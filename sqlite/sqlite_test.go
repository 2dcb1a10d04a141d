package sqlite

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/actor"
)

func open(t testing.TB, path string) *DB {
	t.Helper()
	db, err := Open(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func newDB(t testing.TB) *DB { t.Helper(); return open(t, filepath.Join(t.TempDir(), "ew.db")) }

func save(t testing.TB, db *DB, d *eventwire.Doc) bool {
	t.Helper()
	added, err := db.Save(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	return added
}

func counts(t testing.TB, db *DB) Counts {
	t.Helper()
	c, err := db.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func str(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// testDoc builds an article with two entities, a quote and an event, as
// the pipeline would: "Lavrov accused Kerry of lying."
func testDoc(url, text, date string) *eventwire.Doc {
	d := eventwire.NewDoc(eventwire.Article{Title: "Talks", URL: url, Source: "Reuters", Published: date, Text: text,
		Origin: eventwire.Origin{Name: "test.jsonl", Line: 1}})
	d.Entities = []eventwire.Entity{
		{ID: "e1", Name: "Sergei Lavrov", Type: eventwire.Person, Titles: []string{"Foreign Minister"},
			Actor:    &eventwire.Actor{Code: "RUSGOV", Country: "RUS", Sector: "GOV"},
			Mentions: []eventwire.Mention{{Start: 0, End: 6, Text: "Lavrov", Kind: eventwire.MentionName}}},
		{ID: "e2", Name: "John Kerry", Type: eventwire.Person,
			Actor:    &eventwire.Actor{Code: "USAGOV", Country: "USA", Sector: "GOV"},
			Mentions: []eventwire.Mention{{Start: 15, End: 20, Text: "Kerry", Kind: eventwire.MentionName}}},
	}
	d.Quotes = []eventwire.Quote{{ID: "q1", Kind: eventwire.Direct, Text: "chemical weapons were never used", Start: 30, End: 60,
		Speaker: &eventwire.Speaker{Entity: "e1", Name: "Sergei Lavrov", Text: "Lavrov", Start: 0, End: 6},
		Cue:     &eventwire.Cue{Text: "said", Lemma: "say", Start: 62, End: 66}}}
	d.Events = []eventwire.Event{{ID: "v1",
		Source: &eventwire.EventActor{Entity: "e1", Name: "Sergei Lavrov", Actor: "RUSGOV", Country: "RUS", Sector: "GOV"},
		Target: &eventwire.EventActor{Entity: "e2", Name: "John Kerry", Actor: "USAGOV", Country: "USA", Sector: "GOV"},
		CAMEO:  "112", CAMEORoot: "11", PLOVER: "ACCUSE", QuadClass: 3, Goldstein: -2, Date: str(date),
		Location: &eventwire.Location{Name: "Geneva", Country: "CHE", Lat: 46.2, Lon: 6.15, Text: "Geneva", Start: 70, End: 76},
		Trigger:  eventwire.Mention{Start: 7, End: 14, Text: "accused"}, Sentence: eventwire.Span{Start: 0, End: 29}}}
	return d
}

func TestSaveOnce(t *testing.T) {
	db := newDB(t)
	text := "Lavrov accused Kerry of lying.\n"
	tests := []struct {
		name  string
		doc   *eventwire.Doc
		added bool
	}{
		{"first", testDoc("", text, "2024-05-06"), true},
		{"same text again", testDoc("", text, "2024-05-06"), false},
		{"same text, other case and spacing", testDoc("", "  LAVROV accused\tKerry  of lying. ", "2024-05-06"), false},
		{"other text", testDoc("", "Lavrov accused Kerry of lying again.", "2024-05-07"), true},
		{"with a URL", testDoc("https://example.com/a", text, "2024-05-06"), true},
		{"same URL, other text", testDoc("https://example.com/a", "Something else.", "2024-05-06"), false},
		{"same URL, other publisher", withSource(testDoc("https://example.com/a", text, "2024-05-06"), "AP"), false},
	}
	for _, tt := range tests {
		if got := save(t, db, tt.doc); got != tt.added {
			t.Errorf("%s: added %v, want %v", tt.name, got, tt.added)
		}
	}
	want := Counts{Articles: 3, Sources: 1, Entities: 6, Mentions: 6, Quotes: 3, Events: 3, EventMentions: 3}
	if got := counts(t, db); got != want {
		t.Errorf("counts %+v, want %+v", got, want)
	}
}

func withSource(d *eventwire.Doc, source string) *eventwire.Doc { d.Source = source; return d }

func TestKey(t *testing.T) {
	tests := []struct {
		a, b eventwire.Article
		same bool
	}{
		{eventwire.Article{Text: "A b"}, eventwire.Article{Text: "a  B\n"}, true},
		{eventwire.Article{Text: "A b"}, eventwire.Article{Text: "Ab"}, false},
		{eventwire.Article{Text: "x", URL: "http://a"}, eventwire.Article{Text: "y", URL: " http://a "}, true},
		{eventwire.Article{Text: "x", URL: "http://a"}, eventwire.Article{Text: "x"}, false},
	}
	for _, tt := range tests {
		if got := Key(&tt.a) == Key(&tt.b); got != tt.same {
			t.Errorf("Key(%+v) == Key(%+v) is %v", tt.a, tt.b, got)
		}
	}
}

// A failure part way through an article leaves nothing of it behind.
func TestSaveRollsBack(t *testing.T) {
	db := newDB(t)
	ctx := context.Background()
	// Inject a failure after the article, its entities and its quote are
	// written: the event insert aborts.
	if _, err := db.sql.ExecContext(ctx, `CREATE TEMP TRIGGER fail BEFORE INSERT ON events
		WHEN new.cameo = '999' BEGIN SELECT RAISE(ABORT, 'injected'); END`); err != nil {
		t.Fatal(err)
	}
	db.sql.SetMaxOpenConns(1) // the temporary trigger lives on one connection
	d := testDoc("", "Lavrov accused Kerry of lying.", "2024-05-06")
	d.Events[0].CAMEO = "999"
	if added, err := db.Save(ctx, d); err == nil || added {
		t.Fatalf("Save = %v, %v; want the injected error", added, err)
	}
	if got := counts(t, db); got != (Counts{}) {
		t.Errorf("after a failed save: %+v, want nothing", got)
	}
	if n := len(collect(t, db.Quotes(ctx, QuoteFilter{Text: "chemical weapons"}))); n != 0 {
		t.Errorf("full-text index holds %d quotes of a failed save", n)
	}
	d.Events[0].CAMEO = "112"
	if !save(t, db, d) {
		t.Error("the article could not be saved after its failure")
	}
}

// SaveAll saves what it can: one bad article fails alone.
func TestSaveAll(t *testing.T) {
	db := newDB(t)
	ctx := context.Background()
	if _, err := db.sql.ExecContext(ctx, `CREATE TEMP TRIGGER fail BEFORE INSERT ON events
		WHEN new.cameo = '999' BEGIN SELECT RAISE(ABORT, 'injected'); END`); err != nil {
		t.Fatal(err)
	}
	db.sql.SetMaxOpenConns(1)
	docs := []*eventwire.Doc{
		testDoc("", "One.", "2024-05-06"),
		testDoc("", "Two.", "2024-05-06"),
		testDoc("", "One.", "2024-05-06"),
		testDoc("", "Three.", "2024-05-06"),
	}
	docs[1].Events[0].CAMEO = "999"
	fact := actor.Fact{Name: "Sergei Lavrov", Actor: eventwire.Actor{Code: "RUSGOV", Country: "RUS", Sector: "GOV"}}
	got := db.SaveAll(ctx, docs, fact)
	want := []bool{true, false, false, true}
	for i, s := range got {
		if s.Added != want[i] || (s.Err != nil) != (i == 1) {
			t.Errorf("doc %d: %+v, want added %v", i, s, want[i])
		}
	}
	if c := counts(t, db); c.Articles != 2 || c.Quotes != 2 || c.Events != 2 || c.Knowledge != 1 {
		t.Errorf("counts %+v", c)
	}
	if n := len(collect(t, db.Quotes(ctx, QuoteFilter{Text: "chemical weapons"}))); n != 2 {
		t.Errorf("full-text index finds %d quotes, want 2", n)
	}
	if n := len(collect(t, db.Events(ctx, EventFilter{Text: "three"}))); n != 1 {
		t.Errorf("full-text index finds %d articles with three, want 1", n)
	}
}

func collect[T any](t testing.TB, seq func(func(T, error) bool)) []T {
	t.Helper()
	var out []T
	for r, err := range seq {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	return out
}

func TestMigrations(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "ew.db")
	db := open(t, path)
	if v, err := db.Version(ctx); err != nil || v != SchemaVersion() || v < 1 {
		t.Fatalf("new database at version %d (%v), want %d", v, err, SchemaVersion())
	}
	save(t, db, testDoc("", "Some text.", "2024-01-02"))
	db.Close()

	// Reopening an existing database keeps its content.
	db = open(t, path)
	if c := counts(t, db); c.Articles != 1 {
		t.Errorf("reopened: %+v", c)
	}
	// A database from a newer eventwire is refused, read-write or not.
	if _, err := db.sql.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion()+1)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	for _, opt := range []Options{{}, {ReadOnly: true}} {
		if _, err := Open(ctx, path, opt); !errors.Is(err, ErrTooNew) {
			t.Errorf("Open(%+v) of a newer database: %v, want ErrTooNew", opt, err)
		}
	}
}

// A database at an older version gets the migrations it lacks, in order;
// a migration that fails leaves it as it was.
func TestMigrateExisting(t *testing.T) {
	ctx := context.Background()
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	db := newDB(t)
	save(t, db, testDoc("", "Kept.", "2024-01-02"))
	next := len(ms) + 1
	tests := []struct {
		m       migration
		version int // after it
	}{
		{migration{next, "bad", "ALTER TABLE articles ADD COLUMN lang TEXT; SELECT * FROM no_such_table"}, len(ms)},
		{migration{next, "good", "ALTER TABLE articles ADD COLUMN lang TEXT; UPDATE articles SET lang = 'en'"}, next},
	}
	for _, tt := range tests {
		err := db.migrateTo(ctx, append(slices.Clip(ms), tt.m))
		if v, _ := db.Version(ctx); v != tt.version {
			t.Errorf("migration %s (%v): version %d, want %d", tt.m.name, err, v, tt.version)
		}
	}
	var lang string
	if err := db.sql.QueryRowContext(ctx, "SELECT lang FROM articles").Scan(&lang); err != nil || lang != "en" {
		t.Errorf("migrated article: lang %q, %v", lang, err)
	}
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	// An SQLite file with other tables is not taken over.
	other := filepath.Join(dir, "other.db")
	db := open(t, other)
	if _, err := db.sql.ExecContext(ctx, "PRAGMA user_version = 0; CREATE TABLE x(y)"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	tests := []struct {
		path string
		opt  Options
		want error
	}{
		{other, Options{}, ErrNotEventwire},
		{filepath.Join(dir, "missing.db"), Options{ReadOnly: true}, nil},
	}
	for _, tt := range tests {
		_, err := Open(ctx, tt.path, tt.opt)
		if err == nil || tt.want != nil && !errors.Is(err, tt.want) {
			t.Errorf("Open(%s, %+v) = %v, want %v", tt.path, tt.opt, err, tt.want)
		}
	}
}

func TestReadOnly(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "ew.db")
	w := open(t, path)
	save(t, w, testDoc("", "Lavrov accused Kerry.", "2024-05-06"))
	r, err := Open(ctx, path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if _, err := r.Save(ctx, testDoc("", "Other.", "2024-05-06")); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Save on a read-only database: %v", err)
	}
	// The reader sees what the writer commits while it is open.
	save(t, w, testDoc("", "Lavrov accused Kerry again.", "2024-05-07"))
	if c := counts(t, r); c.Articles != 2 {
		t.Errorf("reader sees %d articles, want 2", c.Articles)
	}
}

func TestEvents(t *testing.T) {
	ctx := context.Background()
	db := newDB(t)
	save(t, db, testDoc("", "Lavrov accused Kerry of using chemical weapons.", "2024-05-06"))
	d := testDoc("", "Kerry accused Lavrov.", "2024-06-01")
	v := &d.Events[0]
	v.Source, v.Target = v.Target, v.Source
	v.CAMEO, v.PLOVER, v.Location = "042", "CONSULT", nil
	save(t, db, d)
	save(t, db, testDoc("", "Undated.", ""))

	day := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	tests := []struct {
		f    EventFilter
		want []string // dates of the events found
	}{
		{EventFilter{}, []string{"2024-05-06", "2024-06-01", ""}},
		{EventFilter{Source: "RUS", Target: "USA"}, []string{"2024-05-06", ""}},
		{EventFilter{Source: "rusgov"}, []string{"2024-05-06", ""}},
		{EventFilter{Source: "RUSMIL"}, nil},
		{EventFilter{Source: "US"}, []string{"2024-06-01"}},
		{EventFilter{PLOVER: "consult"}, []string{"2024-06-01"}},
		{EventFilter{CAMEO: "11"}, []string{"2024-05-06", ""}},
		{EventFilter{CAMEO: "04"}, []string{"2024-06-01"}},
		{EventFilter{From: day("2024-05-07")}, []string{"2024-06-01"}},
		{EventFilter{To: day("2024-05-06")}, []string{"2024-05-06"}},
		{EventFilter{From: day("2024-05-06"), To: day("2024-06-01"), Source: "USA"}, []string{"2024-06-01"}},
		{EventFilter{Place: "geneva"}, []string{"2024-05-06", ""}},
		{EventFilter{Place: "CHE"}, []string{"2024-05-06", ""}},
		{EventFilter{Text: "Chemical weapons"}, []string{"2024-05-06"}},
		{EventFilter{Text: `weapons "of" chemical`}, nil},
		{EventFilter{Limit: 1}, []string{"2024-05-06"}},
	}
	for _, tt := range tests {
		var got []string
		for r := range slices.Values(collect(t, db.Events(ctx, tt.f))) {
			date := ""
			if r.Event.Date != nil {
				date = *r.Event.Date
			}
			got = append(got, date)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Events(%+v): dates %q, want %q", tt.f, got, tt.want)
		}
	}
	rs := collect(t, db.Events(ctx, EventFilter{Limit: 1}))
	if r := rs[0]; r.Article.Source != "Reuters" || r.Article.Title != "Talks" || r.Event.Trigger.Text != "accused" ||
		len(r.Event.Mentions) != 1 || r.Event.Location == nil || r.Event.Location.Name != "Geneva" {
		t.Errorf("event read back as %+v", r)
	}
}

func TestQuotes(t *testing.T) {
	ctx := context.Background()
	db := newDB(t)
	save(t, db, testDoc("", "Lavrov spoke.", "2024-05-06"))
	tests := []struct {
		f    QuoteFilter
		want int
	}{
		{QuoteFilter{}, 1},
		{QuoteFilter{Speaker: "lavrov"}, 1},
		{QuoteFilter{Speaker: "Kerry"}, 0},
		{QuoteFilter{Speaker: "%"}, 0},
		{QuoteFilter{Text: "Chemical Weapons"}, 1},
		{QuoteFilter{Text: "weapons chemical"}, 0},
		{QuoteFilter{Text: `AND OR "(`}, 0}, // query syntax is not syntax
		{QuoteFilter{Speaker: "Lavrov", Text: "never used"}, 1},
	}
	for _, tt := range tests {
		rs := collect(t, db.Quotes(ctx, tt.f))
		if len(rs) != tt.want {
			t.Errorf("Quotes(%+v): %d quotes, want %d", tt.f, len(rs), tt.want)
		}
		for _, r := range rs {
			if r.Quote.Speaker == nil || r.Quote.Speaker.Name != "Sergei Lavrov" || r.Quote.Cue.Lemma != "say" {
				t.Errorf("quote read back as %+v", r.Quote)
			}
		}
	}
}

func TestKnowledge(t *testing.T) {
	ctx := context.Background()
	db := newDB(t)
	save(t, db, testDoc("", "Lavrov spoke on.", "2024-05-09"))
	day := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	lavrov := actor.Fact{Name: "Sergei Lavrov", Surname: "Lavrov", Actor: eventwire.Actor{Code: "RUSGOV", Country: "RUS", Sector: "GOV"},
		Title: "Foreign Minister", From: day("2024-05-06"), DocID: "a"}
	undated := actor.Fact{Name: "Amara Velkova", Actor: eventwire.Actor{Code: "MDAGOV", Country: "MDA", Sector: "GOV"}}
	if err := db.SaveKnowledge(ctx, []actor.Fact{lavrov, undated}); err != nil {
		t.Fatal(err)
	}
	later := lavrov
	later.From, later.DocID = day("2024-05-08"), "b"
	if err := db.SaveKnowledge(ctx, []actor.Fact{later}); err != nil {
		t.Fatal(err)
	}
	facts, err := db.Knowledge(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(facts) != 2 || facts[0] != lavrov || facts[1] != undated {
		t.Errorf("knowledge read back as %+v", facts)
	}
	var first, last string
	err = db.sql.QueryRowContext(ctx, "SELECT first_seen, last_seen FROM knowledge WHERE name = 'Sergei Lavrov'").Scan(&first, &last)
	if err != nil || first != "2024-05-06" || last != "2024-05-09" {
		t.Errorf("Lavrov first and last seen %q, %q (%v)", first, last, err)
	}
	if k := actor.NewKnowledge(facts...); k == nil {
		t.Error("no knowledge")
	}
}

// User text in a filter is data, never SQL or FTS5 syntax: no query fails.
func FuzzFilters(f *testing.F) {
	for _, s := range []string{"chemical weapons", `"`, "a OR b", "NEAR(a b)", "x*", "%_\\", "'; DROP TABLE events; --", "\x00"} {
		f.Add(s)
	}
	db := newDB(f)
	save(f, db, testDoc("", "Lavrov accused Kerry of using chemical weapons.", "2024-05-06"))
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, s string) {
		for _, err := range db.Events(ctx, EventFilter{Source: s, Target: s, PLOVER: s, CAMEO: s, Place: s, Text: s}) {
			if err != nil {
				t.Fatalf("%q: %v", s, err)
			}
		}
		for _, err := range db.Quotes(ctx, QuoteFilter{Speaker: s, Text: s}) {
			if err != nil {
				t.Fatalf("%q: %v", s, err)
			}
		}
	})
}
