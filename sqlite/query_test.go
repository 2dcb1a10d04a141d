package sqlite

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
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
