package sqlite

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/eventwire/eventwire"
)

// eventResults runs Events and fails the test on an error.
func eventResults(t *testing.T, db *DB, f EventFilter) []EventResult {
	t.Helper()
	var rs []EventResult
	for r, err := range db.Events(context.Background(), f) {
		if err != nil {
			t.Fatal(err)
		}
		rs = append(rs, r)
	}
	return rs
}

// TestEventReports checks what Events says of an event that two
// publishers report: its evidence, its place in the article, which report
// is first, and the counts over both.
func TestEventReports(t *testing.T) {
	db := newDB(t)
	save(t, db, testDoc("a1", "Lavrov accused Kerry.\n\nMore.", "2024-05-06"))
	d := testDoc("a2", "Later.\n\nRussia's Lavrov accused Kerry.", "2024-05-06")
	d.Source = "AP"
	d.Events[0].Sentence.Start, d.Events[0].Sentence.End = 8, 38
	save(t, db, d)

	tests := []struct {
		first    bool
		rows     []int64
		sameAs   []int64
		evidence []string
		lead     []bool
	}{
		{false, []int64{1, 2}, []int64{0, 1}, []string{"Lavrov accused Kerry.\n\nMore.", "Russia's Lavrov accused Kerry."}, []bool{true, false}},
		{true, []int64{1}, []int64{0}, []string{"Lavrov accused Kerry.\n\nMore."}, []bool{true}},
	}
	for _, tt := range tests {
		rs := eventResults(t, db, EventFilter{FirstReports: tt.first})
		if len(rs) != len(tt.rows) {
			t.Fatalf("FirstReports %v: %d events, want %d", tt.first, len(rs), len(tt.rows))
		}
		for i, r := range rs {
			if r.Row != tt.rows[i] || r.SameAs != tt.sameAs[i] || r.Evidence != tt.evidence[i] || r.Lead != tt.lead[i] {
				t.Errorf("FirstReports %v, event %d: row %d same_as %d evidence %q lead %v", tt.first, i, r.Row, r.SameAs, r.Evidence, r.Lead)
			}
			if r.NumMentions != 2 || r.NumSources != 2 || r.NumArticles != 2 {
				t.Errorf("FirstReports %v, event %d: counts %d %d %d, want 2 2 2", tt.first, i, r.NumMentions, r.NumSources, r.NumArticles)
			}
			if r.Article.Row == 0 || r.Article.Added == "" {
				t.Errorf("article %+v: no row or added time", r.Article)
			}
		}
	}
}

func ExampleDB_Records() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "eventwire")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	db, err := Open(ctx, filepath.Join(dir, "news.db"), Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer db.Close()
	for _, d := range []*eventwire.Doc{
		testDoc("a1", "Lavrov accused Kerry of lying.", "2024-05-06"),
		testDoc("a2", "Kerry met Lavrov.", "2024-05-07"),
	} {
		if _, err := db.Save(ctx, d); err != nil {
			fmt.Println(err)
			return
		}
	}
	// The records of the articles with an event on 7 May.
	day := time.Date(2024, 5, 7, 0, 0, 0, 0, time.UTC)
	for r, err := range db.Records(ctx, EventFilter{From: day, To: day}) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(*r.Published, r.Text, len(r.Events))
	}
	// Output:
	// 2024-05-07 Kerry met Lavrov. 1
}

// TestEventFilters checks the filters and orders that browsing uses.
func TestEventFilters(t *testing.T) {
	db := actorDB(t)
	tests := []struct {
		f    EventFilter
		rows []int64
	}{
		{EventFilter{}, []int64{1, 3, 2, 4}},
		{EventFilter{Newest: true}, []int64{2, 3, 1, 4}},
		{EventFilter{Newest: true, Limit: 2, Offset: 1}, []int64{3, 1}},
		{EventFilter{Offset: 3}, []int64{4}},
		{EventFilter{Offset: 4}, nil},
		{EventFilter{Actor: "usa"}, []int64{1, 3, 2}},
		{EventFilter{Actor: "RUSMIL"}, []int64{4}},
		{EventFilter{Actor: "RUS", Source: "USA"}, []int64{3}},
		{EventFilter{Actor: "RUSMIL", Source: "USA"}, nil},
		{EventFilter{Quad: 1}, []int64{3}},
		{EventFilter{Quad: 3, Newest: true}, []int64{2, 1, 4}},
		{EventFilter{Quad: 4}, nil},
		// Pages of many matches, read in date order (see eventPage).
		{EventFilter{Actor: "usa", Limit: 1}, []int64{1}},
		{EventFilter{Quad: 3, Limit: 1}, []int64{1}},
		{EventFilter{Quad: 3, Limit: 1, Offset: 2}, []int64{4}},
		{EventFilter{Quad: 3, Newest: true, Limit: 2}, []int64{2, 1}},
		{EventFilter{Source: "RUS", Newest: true, Limit: 1}, []int64{2}},
		{EventFilter{Text: "accused", Limit: 1}, []int64{1}},
		// Newest with Text: the newest stored article first.
		{EventFilter{Text: "accused", Newest: true, Limit: 1, Offset: 1}, []int64{2}},
		{EventFilter{Text: "accused", Newest: true}, []int64{4, 2, 1}},
		{EventFilter{Text: "accused", Source: "RUS", Newest: true}, []int64{4, 2, 1}},
		{EventFilter{Text: "accused", Target: "RUSMIL", Newest: true}, []int64{4}},
		{EventFilter{Place: "Geneva", Target: "RUSMIL", Limit: 1}, []int64{4}},
	}
	for _, tt := range tests {
		var rows []int64
		for _, r := range eventResults(t, db, tt.f) {
			rows = append(rows, r.Row)
		}
		if !slices.Equal(rows, tt.rows) {
			t.Errorf("Events(%+v): rows %v, want %v", tt.f, rows, tt.rows)
		}
	}
}

func TestQuoteFilters(t *testing.T) {
	db := actorDB(t)
	ctx := context.Background()
	// b1 to b4 have one quote each, by Lavrov; a fifth article, one by
	// Kerry.
	d := testDoc("b5", "Kerry spoke.", "2024-05-10")
	d.Quotes[0].Speaker = &eventwire.Speaker{Entity: "e2", Name: "John Kerry", Text: "Kerry", Start: 0, End: 5}
	save(t, db, d)
	tests := []struct {
		f    QuoteFilter
		rows []int64 // article rows
	}{
		{QuoteFilter{}, []int64{1, 2, 3, 4, 5}},
		{QuoteFilter{Newest: true}, []int64{2, 5, 3, 1, 4}},
		{QuoteFilter{Newest: true, Limit: 2, Offset: 1}, []int64{5, 3}},
		{QuoteFilter{Offset: 4}, []int64{5}},
		{QuoteFilter{SpeakerActor: "usa"}, []int64{5}},
		{QuoteFilter{SpeakerActor: "RUSGOV"}, []int64{1, 2, 3, 4}},
		{QuoteFilter{SpeakerActor: "RUSMIL"}, nil},
		{QuoteFilter{SpeakerActor: "RUS", Article: 3}, []int64{3}},
		{QuoteFilter{Article: 5}, []int64{5}},
		{QuoteFilter{Article: 6}, nil},
		{QuoteFilter{Speaker: "kerry", SpeakerActor: "USAGOV"}, []int64{5}},
		// Pages of many matches, read in order (see quotePage).
		{QuoteFilter{SpeakerActor: "RUS", Newest: true, Limit: 2}, []int64{2, 3}},
		{QuoteFilter{Speaker: "lavrov", Limit: 1, Offset: 1}, []int64{2}},
		// Newest with Text: the newest stored first.
		{QuoteFilter{Text: "chemical weapons", Speaker: "Lavrov", Newest: true, Limit: 1}, []int64{4}},
		{QuoteFilter{Text: "chemical weapons", Speaker: "Lavrov", Newest: true}, []int64{4, 3, 2, 1}},
		{QuoteFilter{Text: "chemical weapons", Article: 2, Newest: true}, []int64{2}},
		{QuoteFilter{Text: "chemical weapons", SpeakerActor: "RUSGOV", Limit: 3}, []int64{1, 2, 3}},
	}
	for _, tt := range tests {
		var rows []int64
		for _, r := range collect(t, db.Quotes(ctx, tt.f)) {
			rows = append(rows, r.Article.Row)
		}
		if !slices.Equal(rows, tt.rows) {
			t.Errorf("Quotes(%+v): article rows %v, want %v", tt.f, rows, tt.rows)
		}
	}
}
