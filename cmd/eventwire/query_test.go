package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/sqlite"
)

// span finds sub in text (ASCII, so byte and code-point offsets agree).
func span(text, sub string) (int, int) {
	i := strings.Index(text, sub)
	return i, i + len(sub)
}

// mention is a Mention of sub in text.
func mention(text, sub string) eventwire.Mention {
	s, e := span(text, sub)
	return eventwire.Mention{Start: s, End: e, Text: sub}
}

// storeDocs builds three articles by hand, as the pipeline would leave
// them: Lavrov accuses Kerry in Geneva in 2013 and says something about
// chemical weapons; the U.N. may appeal for aid, undated; another
// publisher reports the accusation again.
func storeDocs() []*eventwire.Doc {
	ta := "Lavrov accused Kerry of lying in Geneva on Tuesday.\n\n" +
		"Lavrov said: \"chemical weapons were never used.\""
	a := eventwire.NewDoc(eventwire.Article{Title: "Talks", URL: "https://example.org/talks", Source: "Reuters",
		Published: "2013-09-11", Text: ta})
	a.Entities = []eventwire.Entity{
		{ID: "e1", Name: "Sergei Lavrov", Type: eventwire.Person,
			Actor:    &eventwire.Actor{Code: "RUSGOV", Country: "RUS", Sector: "GOV"},
			Mentions: []eventwire.Mention{mention(ta, "Lavrov")}},
		{ID: "e2", Name: "John Kerry", Type: eventwire.Person,
			Actor:    &eventwire.Actor{Code: "USAGOV", Country: "USA", Sector: "GOV"},
			Mentions: []eventwire.Mention{mention(ta, "Kerry")}},
	}
	qs, qe := span(ta, "chemical weapons were never used.")
	ss, se := span(ta, "Lavrov said")
	a.Quotes = []eventwire.Quote{{ID: "q1", Kind: eventwire.Direct, Text: ta[qs:qe], Start: qs, End: qe,
		Speaker: &eventwire.Speaker{Entity: "e1", Name: "Sergei Lavrov", Text: "Lavrov", Start: ss, End: ss + 6},
		Cue:     &eventwire.Cue{Text: "said", Lemma: "say", Start: se - 4, End: se}}}
	sent, sentEnd := span(ta, "Lavrov accused Kerry of lying in Geneva on Tuesday.")
	date := "2013-09-10"
	gs, ge := span(ta, "Geneva")
	a.Events = []eventwire.Event{{ID: "v1",
		Source: &eventwire.EventActor{Entity: "e1", Name: "Sergei Lavrov", Actor: "RUSGOV", Country: "RUS", Sector: "GOV"},
		Target: &eventwire.EventActor{Entity: "e2", Name: "John Kerry", Actor: "USAGOV", Country: "USA", Sector: "GOV"},
		CAMEO:  "112", CAMEORoot: "11", PLOVER: "ACCUSE", QuadClass: 3, Goldstein: -2, Date: &date,
		Location: &eventwire.Location{Name: "Geneva", Country: "CHE", Lat: 46.2, Lon: 6.15, Text: "Geneva", Start: gs, End: ge},
		Trigger:  mention(ta, "accused"), Sentence: eventwire.Span{Start: sent, End: sentEnd}}}

	tb := "Aid\n\nThe U.N. may appeal for aid, officials said."
	b := eventwire.NewDoc(eventwire.Article{Title: "Aid", Text: tb})
	b.Entities = []eventwire.Entity{{ID: "e1", Name: "United Nations", Type: eventwire.Org,
		Actor:    &eventwire.Actor{Code: "IGOUNO", Country: "IGO"},
		Mentions: []eventwire.Mention{mention(tb, "U.N.")}}}
	bs, be := span(tb, "The U.N. may appeal for aid, officials said.")
	b.Events = []eventwire.Event{{ID: "v1",
		Source: &eventwire.EventActor{Entity: "e1", Name: "United Nations", Actor: "IGOUNO", Country: "IGO"},
		CAMEO:  "020", CAMEORoot: "02", PLOVER: "REQUEST", QuadClass: 1, Goldstein: 3, Hypothetical: true,
		Trigger: mention(tb, "appeal"), Sentence: eventwire.Span{Start: bs, End: be}}}
	// Another publisher reports Lavrov's accusation again.
	tc := "Russia's Lavrov accused Kerry of lying in Geneva on Tuesday."
	c := eventwire.NewDoc(eventwire.Article{Title: "Talks again", URL: "https://example.com/talks", Source: "AP",
		Published: "2013-09-11", Text: tc})
	c.Entities = slices.Clone(a.Entities)
	c.Entities[0].Mentions = []eventwire.Mention{mention(tc, "Lavrov")}
	c.Entities[1].Mentions = []eventwire.Mention{mention(tc, "Kerry")}
	ev := a.Events[0]
	gs, ge = span(tc, "Geneva")
	loc := *ev.Location
	loc.Start, loc.End = gs, ge
	ev.Location = &loc
	ev.Trigger = mention(tc, "accused")
	ev.Sentence = eventwire.Span{Start: 0, End: len(tc)}
	c.Events = []eventwire.Event{ev}
	return []*eventwire.Doc{a, b, c}
}

// storeDB writes storeDocs to a new database and returns its path.
func storeDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "ew.db")
	db, err := sqlite.Open(context.Background(), path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, d := range storeDocs() {
		if _, err := db.Save(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// lineTitles returns the article title of each JSONL line of a query.
func lineTitles(t *testing.T, jsonl string) []string {
	t.Helper()
	var titles []string
	for _, l := range strings.Split(strings.TrimSuffix(jsonl, "\n"), "\n") {
		if l == "" {
			continue
		}
		var v struct{ Article struct{ Title string } }
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			t.Fatalf("not JSONL: %v\n%s", err, jsonl)
		}
		titles = append(titles, v.Article.Title)
	}
	return titles
}

func TestQueryEvents(t *testing.T) {
	db := storeDB(t)
	tests := []struct {
		args []string
		want []string // the titles of the events' articles, in order
	}{
		{nil, []string{"Talks", "Talks again", "Aid"}},
		{[]string{"events"}, []string{"Talks", "Talks again", "Aid"}},
		{[]string{"--source", "rus"}, []string{"Talks", "Talks again"}},
		{[]string{"--source", "IGOUNO"}, []string{"Aid"}},
		{[]string{"--target", "USA", "--source", "RUSGOV"}, []string{"Talks", "Talks again"}},
		{[]string{"--target", "RUS"}, nil},
		{[]string{"--plover", "request"}, []string{"Aid"}},
		{[]string{"--cameo", "11"}, []string{"Talks", "Talks again"}},
		{[]string{"--from", "2013-09-10", "--to", "2013-09-10"}, []string{"Talks", "Talks again"}},
		{[]string{"--from", "2013-09-11"}, nil},
		{[]string{"--place", "geneva"}, []string{"Talks", "Talks again"}},
		{[]string{"--place", "CHE"}, []string{"Talks", "Talks again"}},
		{[]string{"--place", "switzerland"}, []string{"Talks", "Talks again"}},
		{[]string{"--place", "Yemen"}, nil},
		{[]string{"--text", "Chemical Weapons"}, []string{"Talks"}},
		{[]string{"--text", "biological weapons"}, nil},
		{[]string{"--limit", "1"}, []string{"Talks"}},
	}
	for _, tt := range tests {
		args := append([]string{"query", "--db", db}, tt.args...)
		code, out, errs := ew(t, "", args...)
		if code != 0 {
			t.Errorf("%v: exit %d: %s", tt.args, code, errs)
			continue
		}
		if got := lineTitles(t, out); !slices.Equal(got, tt.want) {
			t.Errorf("%v: got %q, want %q", tt.args, got, tt.want)
		}
	}
}

func TestQueryEventsTable(t *testing.T) {
	code, out, errs := ew(t, "", "query", "--db", storeDB(t), "--format", "table")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	want := "" +
		"DATE        SOURCE  TARGET  CAMEO  PLOVER   FLAGS  PLACE   TRIGGER  EVIDENCE\n" +
		"2013-09-10  RUSGOV  USAGOV  112    ACCUSE   -      Geneva  accused  Lavrov accused Kerry of lying in Geneva on Tuesday.\n" +
		"2013-09-10  RUSGOV  USAGOV  112    ACCUSE   -      Geneva  accused  Russia's Lavrov accused Kerry of lying in Geneva on Tuesday.\n" +
		"-           IGOUNO  -       020    REQUEST  H      -       appeal   The U.N. may appeal for aid, officials said.\n"
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	code, _, errs = ew(t, "", "query", "--db", storeDB(t), "--format", "table", "--limit", "1")
	if code != 0 || !strings.Contains(errs, "the first 1 events; --limit 0 shows all") {
		t.Errorf("--limit 1: exit %d, stderr %q", code, errs)
	}
}

func TestQueryQuotes(t *testing.T) {
	db := storeDB(t)
	tests := []struct {
		args []string
		want int
	}{
		{nil, 1},
		{[]string{"--speaker", "lavrov"}, 1},
		{[]string{"--speaker", "Kerry"}, 0},
		{[]string{"--text", "never used"}, 1},
		{[]string{"--text", "always used"}, 0},
	}
	for _, tt := range tests {
		args := append([]string{"query", "quotes", "--db", db}, tt.args...)
		code, out, errs := ew(t, "", args...)
		if code != 0 {
			t.Errorf("%v: exit %d: %s", tt.args, code, errs)
			continue
		}
		if got := len(lineTitles(t, out)); got != tt.want {
			t.Errorf("%v: %d quotes, want %d:\n%s", tt.args, got, tt.want, out)
		}
	}
	_, out, _ := ew(t, "", "query", "quotes", "--db", db, "--format", "table")
	if !strings.Contains(out, "Sergei Lavrov") || !strings.Contains(out, "chemical weapons were never used.") {
		t.Errorf("quote table:\n%s", out)
	}
}

func TestQueryErrors(t *testing.T) {
	dir := t.TempDir()
	notDB := filepath.Join(dir, "notes.txt")
	write(t, notDB, "not a database\n")
	otherDB := filepath.Join(dir, "other.db")
	sdb, err := sql.Open("sqlite", otherDB)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sdb.Exec("CREATE TABLE t (x)"); err != nil {
		t.Fatal(err)
	}
	sdb.Close()
	db := storeDB(t)
	tests := []struct {
		args []string
		want string // in stderr
	}{
		{[]string{"query", "--db", filepath.Join(dir, "missing.db")}, "no such file"},
		{[]string{"query", "--db", otherDB}, "not an eventwire database"},
		{[]string{"query", "--db", notDB}, "--db:"},
		{[]string{"query", "--db", db, "--from", "2013-13-01"}, `--from: bad date "2013-13-01": want YYYY-MM-DD`},
		{[]string{"query", "--db", db, "--from", "2014-01-01", "--to", "2013-01-01"}, "is before --from"},
		{[]string{"query", "--db", db, "--format", "xml"}, "--format"},
		{[]string{"query"}, "--db"},
		{[]string{"export", "--db", db, "--format", "xml"}, "--format"},
		{[]string{"export", "--db", db, "--format", "csv", "--to", "yesterday"}, "--to: bad date"},
		{[]string{"export", "--db", filepath.Join(dir, "missing.db"), "--format", "csv"}, "no such file"},
	}
	for _, tt := range tests {
		code, _, errs := ew(t, "", tt.args...)
		if code != exitUsage || !strings.Contains(errs, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tt.args, code, errs, exitUsage, tt.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "missing.db")); err == nil {
		t.Errorf("query created the missing database")
	}
}
