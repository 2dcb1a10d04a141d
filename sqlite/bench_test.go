package sqlite

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/newscorpus"
	"github.com/eventwire/eventwire/pipeline"
)

// countries are the actor countries of the synthetic events, the first
// the most frequent (as in news: a few countries make most events).
var countries = []string{"USA", "RUS", "CHN", "GBR", "FRA", "DEU", "IRN", "ISR", "SYR", "UKR",
	"TUR", "IND", "PAK", "JPN", "KOR", "PRK", "SAU", "EGY", "IRQ", "AFG",
	"BRA", "MEX", "NGA", "ZAF", "KEN", "ETH", "YEM", "LBY", "VEN", "CUB"}

var sectors = []string{"GOV", "MIL", "", "BUS", "OPP", "CVL"}

// buildEvents fills db with n synthetic events over ten years in articles
// of perArticle events each, in one transaction with prepared statements.
func buildEvents(b *testing.B, db *DB, n, perArticle int) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(1, 2))
	zipf := rand.NewZipf(rng, 1.2, 1, uint64(len(countries)-1))
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback()
	// Filling a table and then indexing it is much faster than inserting
	// into ten indexes row by row: drop the events indexes, then create
	// them again from their own SQL.
	var indexes []string
	rows, err := tx.QueryContext(ctx, "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'events' AND sql IS NOT NULL")
	if err != nil {
		b.Fatal(err)
	}
	var names []string
	for rows.Next() {
		var name, sql string
		if err := rows.Scan(&name, &sql); err != nil {
			b.Fatal(err)
		}
		names, indexes = append(names, name), append(indexes, sql)
	}
	if err := rows.Close(); err != nil {
		b.Fatal(err)
	}
	for _, name := range names {
		if _, err := tx.ExecContext(ctx, "DROP INDEX "+name); err != nil {
			b.Fatal(err)
		}
	}
	st := db.stmts.in(ctx, tx)
	start := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i += perArticle {
		r := eventwire.NewDoc(eventwire.Article{Title: "Synthetic", Text: fmt.Sprintf("Article %d.", i)}).Record(eventwire.RecordOptions{})
		if _, err := saveRecord(ctx, st, &r, []byte("{}"), fmt.Sprint("text:", i), "bench", &ftsRange{}); err != nil {
			b.Fatal(err)
		}
		var articleID int64
		if err := tx.QueryRowContext(ctx, "SELECT last_insert_rowid()").Scan(&articleID); err != nil {
			b.Fatal(err)
		}
		for j := range min(perArticle, n-i) {
			src, tgt := countries[zipf.Uint64()], countries[zipf.Uint64()]
			ss, ts := sectors[rng.IntN(len(sectors))], sectors[rng.IntN(len(sectors))]
			date := start.AddDate(0, 0, rng.IntN(3652)).Format(time.DateOnly)
			code := fmt.Sprintf("%02d%d", 1+rng.IntN(20), rng.IntN(5))
			_, err := st.event.ExecContext(ctx, articleID, fmt.Sprint("v", j),
				nil, src+" leader", src+ss, src, ss, nil, tgt+" leader", tgt+ts, tgt, ts,
				code, code[:2], "ACCUSE", 3, -2.0, false, false, date, nil, nil, nil, nil, nil,
				`{"id":"v"}`)
			if err != nil {
				b.Fatal(err)
			}
		}
	}
	for _, sql := range indexes {
		if _, err := tx.ExecContext(ctx, sql); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkEventsQuery answers a query by actor pair and date range (a
// quarter) over a million synthetic events
// (EVENTWIRE_BENCH_EVENTS=n for another number).
func BenchmarkEventsQuery(b *testing.B) {
	ctx := context.Background()
	db := open(b, filepath.Join(b.TempDir(), "bench.db"))
	t0 := time.Now()
	n := 1_000_000
	if v, err := strconv.Atoi(os.Getenv("EVENTWIRE_BENCH_EVENTS")); err == nil {
		n = v // a smaller database to try a query plan quickly
	}
	buildEvents(b, db, n, 1000)
	b.Logf("built %d events in %v", n, time.Since(t0).Round(time.Second))
	f := EventFilter{Source: "USA", Target: "RUS",
		From: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2020, 3, 31, 0, 0, 0, 0, time.UTC)}
	found := 0
	b.ResetTimer()
	for b.Loop() {
		found = 0
		for _, err := range db.Events(ctx, f) {
			if err != nil {
				b.Fatal(err)
			}
			found++
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/query")
	b.ReportMetric(float64(found), "events/query")
}

// BenchmarkSave stores 300 BBC News articles, as the pipeline leaves them
// with their entities, quotes and events, into a new database, one
// transaction per article (Save) or per 64 (SaveAll, as ingest does): the
// store's share of an ingest.
func BenchmarkSave(b *testing.B) {
	arts := newscorpus.BBCOrSkip(b)
	arts = arts[:min(len(arts), 300)]
	p, err := pipeline.New(pipeline.Options{Entities: true})
	if err != nil {
		b.Fatal(err)
	}
	docs := make([]*eventwire.Doc, 0, len(arts))
	var size int64
	ctx := context.Background()
	in := func(yield func(eventwire.Article, error) bool) {
		for _, a := range arts {
			if !yield(a, nil) {
				return
			}
		}
	}
	_, err = p.Run(ctx, in, 0, func(d *eventwire.Doc) error {
		docs = append(docs, d)
		size += int64(len(d.Text))
		return nil
	}, func(err error) { b.Error(err) }, nil)
	if err != nil {
		b.Fatal(err)
	}
	for _, batch := range []int{1, 64} {
		b.Run(fmt.Sprintf("batch=%d", batch), func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				db := open(b, filepath.Join(b.TempDir(), "save.db"))
				b.StartTimer()
				for part := range slices.Chunk(docs, batch) {
					for _, s := range db.SaveAll(ctx, part) {
						if s.Err != nil {
							b.Fatal(s.Err)
						}
					}
				}
			}
			b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}
