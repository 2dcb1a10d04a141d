package sqlite

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/actor"
	"github.com/eventwire/eventwire/internal/cputime"
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
	var added newRows
	for i := 0; i < n; i += perArticle {
		r := eventwire.NewDoc(eventwire.Article{Title: "Synthetic", Text: fmt.Sprintf("Article %d.", i)}).Record(eventwire.RecordOptions{})
		if _, err := saveRecord(ctx, st, &r, []byte("{}"), fmt.Sprint("text:", i), "bench", &added); err != nil {
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
				`{"id":"v"}`, nil)
			if err != nil {
				b.Fatal(err)
			}
		}
	}
	// The events inserted here, not by saveRecord, are summed up too.
	if err := tx.QueryRowContext(ctx, "SELECT min(id), max(id) FROM events").Scan(&added.events.lo, &added.events.hi); err != nil {
		b.Fatal(err)
	}
	if err := added.summarize(ctx, st); err != nil {
		b.Fatal(err)
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

// storeActor is one actor of the synthetic store.
type storeActor struct {
	name, code, country, sector, title string
}

// storePLOVER are the event types of the synthetic store with a CAMEO
// code, quad class and Goldstein score each.
var storePLOVER = []struct {
	plover, cameo string
	quad          int
	goldstein     float64
}{
	{"CONSULT", "040", 1, 1}, {"AGREE", "057", 1, 3}, {"SUPPORT", "051", 1, 3.4}, {"COOPERATE", "061", 2, 6.4},
	{"AID", "070", 2, 7}, {"CONCEDE", "081", 2, 5}, {"DEMAND", "100", 3, -5}, {"ACCUSE", "112", 3, -2},
	{"THREATEN", "130", 3, -4.4}, {"MOBILIZE", "150", 3, -7.2}, {"PROTEST", "141", 4, -6.5},
	{"SANCTION", "163", 4, -8}, {"COERCE", "170", 4, -7}, {"ASSAULT", "180", 4, -9},
}

// storeDocs makes n synthetic articles, the same for the same n: about
// 300 words each from a Zipf-distributed vocabulary, over two years and
// 20 publishers, with 8 entities, 3 quotes and 5 events each between 200
// actors (Zipf-distributed: the first, of the USA, are the most frequent),
// and the knowledge of each actor's title.
func storeDocs(n int) ([]*eventwire.Doc, []actor.Fact) {
	rng := rand.New(rand.NewPCG(3, 4))
	syll := []string{"ka", "lo", "ri", "men", "ta", "sor", "vi", "den", "ul", "pra", "go", "ne", "shi", "bar", "tel", "mo"}
	vocab := make([]string, 3000)
	for i := range vocab {
		w := ""
		for j := range 2 + i%3 {
			w += syll[(i*7+j*5+i/16)%len(syll)]
		}
		vocab[i] = w + strconv.Itoa(i%7)
	}
	copy(vocab, strings.Fields("the of and to in a said that for on is was with by as at from government minister talks president ceasefire sanctions military election border trade security"))
	first := strings.Fields("John Maria Sergei Olena Li Ahmed Fatima Pierre Anna Kenji Carlos Amina David Priya Omar Elena Hans Yuki Ali Sofia")
	last := strings.Fields("Smith Ivanov Chen Haddad Dubois Tanaka Garcia Okafor Muller Singh Rossi Kovalenko Park Nguyen Silva Cohen Yilmaz Khan Jensen Mbeki")
	titles := []string{"President", "Foreign Minister", "Defence Minister", "spokesman", "opposition leader", "chief executive"}
	actors := make([]storeActor, 200)
	for i := range actors {
		c, s := countries[i%len(countries)], sectors[i/len(countries)%len(sectors)]
		actors[i] = storeActor{name: first[i%len(first)] + " " + last[(i/len(first)+i)%len(last)],
			code: c + s, country: c, sector: s, title: titles[i%len(titles)]}
	}
	publishers := make([]string, 20)
	for i := range publishers {
		publishers[i] = "Publisher " + string(rune('A'+i))
	}
	wordZipf := rand.NewZipf(rng, 1.1, 2, uint64(len(vocab)-1))
	actorZipf := rand.NewZipf(rng, 1.1, 3, uint64(len(actors)-1))
	start := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	words := func(b *strings.Builder, k int) {
		for i := range k {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(vocab[wordZipf.Uint64()])
		}
	}
	docs := make([]*eventwire.Doc, n)
	for i := range docs {
		published := ""
		if rng.IntN(30) > 0 {
			published = start.AddDate(0, 0, rng.IntN(730)).Format(time.DateOnly)
		}
		var title strings.Builder
		words(&title, 6)
		d := eventwire.NewDoc(eventwire.Article{Title: title.String(), URL: fmt.Sprintf("https://news.example/%d", i),
			Source: publishers[rng.IntN(len(publishers))], Published: published,
			Origin: eventwire.Origin{Name: "synthetic", Line: i + 1}})
		var text strings.Builder
		sentence := func(k int) eventwire.Span { // a sentence of k words, then a space
			s := text.Len()
			words(&text, k)
			text.WriteString(". ")
			return eventwire.Span{Start: s, End: text.Len() - 1}
		}
		seen := map[int]bool{}
		for len(d.Entities) < 8 {
			k := int(actorZipf.Uint64())
			if seen[k] {
				continue
			}
			seen[k] = true
			a := actors[k]
			s := text.Len()
			text.WriteString(a.name)
			text.WriteString(" ")
			sentence(12)
			d.Entities = append(d.Entities, eventwire.Entity{ID: fmt.Sprint("e", len(d.Entities)+1), Name: a.name,
				Type: eventwire.Person, Titles: []string{a.title},
				Actor:    &eventwire.Actor{Code: a.code, Country: a.country, Sector: a.sector},
				Mentions: []eventwire.Mention{{Start: s, End: s + len(a.name), Text: a.name, Kind: eventwire.MentionName}}})
		}
		for j := range 3 {
			e := &d.Entities[rng.IntN(len(d.Entities))]
			sp := sentence(15)
			q := eventwire.Quote{ID: fmt.Sprint("q", j+1), Kind: eventwire.Direct, Start: sp.Start, End: sp.End,
				Text: text.String()[sp.Start:sp.End],
				Cue:  &eventwire.Cue{Text: "said", Lemma: "say", Start: sp.End, End: sp.End}}
			if rng.IntN(10) > 0 {
				m := e.Mentions[0]
				q.Speaker = &eventwire.Speaker{Entity: e.ID, Name: e.Name, Text: m.Text, Start: m.Start, End: m.End}
			}
			d.Quotes = append(d.Quotes, q)
		}
		for j := range 5 {
			src, tgt := &d.Entities[rng.IntN(len(d.Entities))], &d.Entities[rng.IntN(len(d.Entities))]
			p := storePLOVER[rng.IntN(len(storePLOVER))]
			sp := sentence(10)
			v := eventwire.Event{ID: fmt.Sprint("v", j+1), CAMEO: p.cameo, CAMEORoot: p.cameo[:2], PLOVER: p.plover,
				QuadClass: p.quad, Goldstein: p.goldstein, Sentence: sp,
				Trigger: eventwire.Mention{Start: sp.Start, End: sp.Start + 3, Text: text.String()[sp.Start : sp.Start+3]},
				Source:  &eventwire.EventActor{Entity: src.ID, Name: src.Name, Actor: src.Actor.Code, Country: src.Actor.Country, Sector: src.Actor.Sector}}
			if src != tgt {
				v.Target = &eventwire.EventActor{Entity: tgt.ID, Name: tgt.Name, Actor: tgt.Actor.Code, Country: tgt.Actor.Country, Sector: tgt.Actor.Sector}
			}
			if published != "" {
				v.Date = &published
			}
			d.Events = append(d.Events, v)
		}
		for text.Len() < 1800 {
			sentence(20)
		}
		d.Text = strings.TrimSpace(text.String())
		d.Runes = []rune(d.Text)
		docs[i] = d
	}
	facts := make([]actor.Fact, len(actors))
	for i, a := range actors {
		facts[i] = actor.Fact{Name: a.name, Surname: strings.Fields(a.name)[1], Title: a.title,
			Actor: eventwire.Actor{Code: a.code, Country: a.country, Sector: a.sector},
			From:  start.AddDate(0, 0, i), DocID: docs[i%n].ID}
	}
	return docs, facts
}

// benchStore opens (read-only) a store of n synthetic articles (see
// storeDocs), built once and kept in the temporary directory, or at
// $EVENTWIRE_BENCH_STORE, for the next runs.
func benchStore(b *testing.B, n int) *DB {
	ctx := context.Background()
	path := os.Getenv("EVENTWIRE_BENCH_STORE")
	if path == "" {
		path = filepath.Join(os.TempDir(), fmt.Sprintf("eventwire-sqlite-bench-%d.db", n))
	}
	if _, err := os.Stat(path); err != nil {
		t0 := time.Now()
		docs, facts := storeDocs(n)
		tmp := path + ".tmp"
		os.Remove(tmp)
		db, err := Open(ctx, tmp, Options{})
		if err != nil {
			b.Fatal(err)
		}
		for i, part := range slices.Collect(slices.Chunk(docs, 1000)) {
			for _, s := range db.SaveAll(ctx, part) {
				if s.Err != nil {
					b.Fatal(s.Err)
				}
			}
			if i == 0 {
				// Close gathers the statistics that the query planner
				// needs to find earlier reports of an event quickly
				// (without them it may scan every event with no place).
				if err := db.Close(); err != nil {
					b.Fatal(err)
				}
				if db, err = Open(ctx, tmp, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		}
		if err := db.SaveKnowledge(ctx, facts); err != nil {
			b.Fatal(err)
		}
		if err := db.Close(); err != nil {
			b.Fatal(err)
		}
		os.Remove(tmp + "-wal")
		os.Remove(tmp + "-shm")
		if err := os.Rename(tmp, path); err != nil {
			b.Fatal(err)
		}
		b.Logf("built %s (%d articles) in %v", path, n, time.Since(t0).Round(time.Second))
	}
	// A store built by an older schema is migrated first.
	t0 := time.Now()
	db, err := Open(ctx, path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	if err := db.Close(); err != nil {
		b.Fatal(err)
	}
	b.Logf("opened %s read-write in %v", path, time.Since(t0).Round(time.Millisecond))
	db, err = Open(ctx, path, Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db
}

// BenchmarkBrowse measures the calls that a browsing server makes, each
// with several parameters in turn, on a store of synthetic articles (see
// storeDocs: 2,000 by default, EVENTWIRE_BENCH_ARTICLES=100000 for the
// target size; the store is built once and kept). It reports the median
// and 95th percentile time per call.
func BenchmarkBrowse(b *testing.B) {
	n := 2000
	if v, err := strconv.Atoi(os.Getenv("EVENTWIRE_BENCH_ARTICLES")); err == nil {
		n = v
	}
	db := benchStore(b, n)
	ctx := context.Background()
	c, err := db.Counts(ctx)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("%d articles, %d events, %d quotes, %d entities", c.Articles, c.Events, c.Quotes, c.Entities)
	month := func(m int) (time.Time, time.Time) {
		t := time.Date(2023, time.Month(1+m), 1, 0, 0, 0, 0, time.UTC)
		return t, t.AddDate(0, 1, -1)
	}
	from, to := month(5)
	var docIDs []string
	for r, err := range db.Articles(ctx, ArticleFilter{Limit: 5, Offset: 100}) {
		if err != nil {
			b.Fatal(err)
		}
		docIDs = append(docIDs, r.Article.ID)
	}
	rows := []string{"1", strconv.Itoa(c.Articles / 2)}
	// Each call drains its results, as a server writing them out does.
	drain := func(seq func(func(any, error) bool)) error {
		for _, err := range seq {
			if err != nil {
				return err
			}
		}
		return nil
	}
	articles := func(f ArticleFilter) func() error {
		return func() error { return drain(anySeq(db.Articles(ctx, f))) }
	}
	events := func(f EventFilter) func() error {
		return func() error { return drain(anySeq(db.Events(ctx, f))) }
	}
	quotes := func(f QuoteFilter) func() error {
		return func() error { return drain(anySeq(db.Quotes(ctx, f))) }
	}
	actor := func(code string) func() error {
		return func() error { _, err := db.Actor(ctx, code); return err }
	}
	article := func(id string) func() error {
		return func() error { _, _, err := db.Article(ctx, id); return err }
	}
	timeline := func(f TimelineFilter) func() error {
		return func() error { _, err := db.Timeline(ctx, f); return err }
	}
	calls := []struct {
		name string
		call func() error
	}{
		{"Articles/newest", articles(ArticleFilter{Limit: 50})},
		{"Articles/newest-page-100", articles(ArticleFilter{Limit: 50, Offset: 5000})},
		{"Articles/source", articles(ArticleFilter{Source: "publisher c", Limit: 50})},
		{"Articles/month", articles(ArticleFilter{From: from, To: to, Limit: 50})},
		{"Articles/source-month-page-2", articles(ArticleFilter{Source: "Publisher Q", From: from, To: to, Limit: 50, Offset: 50})},
		{"Articles/text-common", articles(ArticleFilter{Text: "government", Limit: 50})},
		{"Articles/text-rare", articles(ArticleFilter{Text: "ceasefire", Limit: 50})},
		{"Articles/text-phrase", articles(ArticleFilter{Text: "minister said", Limit: 50})},
		{"Articles/text-source", articles(ArticleFilter{Text: "ceasefire", Source: "Publisher B", Limit: 50})},
		{"Article/row", article(rows[1])},
		{"Article/id", article(docIDs[3])},
		{"Actor/USA", actor("USA")},
		{"Actor/USAGOV", actor("USAGOV")},
		{"Actor/CUB", actor("CUB")},
		{"Actor/CUBOPP", actor("CUBOPP")},
		{"Timeline/USA-week", timeline(TimelineFilter{Actor: "USA", Week: true})},
		{"Timeline/USA-day", timeline(TimelineFilter{Actor: "USA"})},
		{"Timeline/USA-RUS-day", timeline(TimelineFilter{Source: "USA", Target: "RUS"})},
		{"Timeline/RUSGOV-USA-first", timeline(TimelineFilter{Source: "RUSGOV", Target: "USA", Week: true, FirstReports: true})},
		{"Timeline/USAGOV-month", timeline(TimelineFilter{Actor: "USAGOV", From: from, To: to})},
		{"Timeline/CUB-week", timeline(TimelineFilter{Actor: "CUB", Week: true})},
		{"Events/USA-newest", events(EventFilter{Actor: "USA", Newest: true, Limit: 50})},
		{"Events/USA-RUS-newest", events(EventFilter{Source: "USA", Target: "RUS", Newest: true, Limit: 50})},
		{"Events/USA-RUS-page-3", events(EventFilter{Source: "USA", Target: "RUS", Limit: 50, Offset: 100})},
		{"Events/ACCUSE-newest", events(EventFilter{PLOVER: "ACCUSE", Newest: true, Limit: 50})},
		{"Events/month", events(EventFilter{From: from, To: to, Limit: 50})},
		{"Events/text", events(EventFilter{Text: "ceasefire", Limit: 50})},
		{"Events/CUB-quad4-newest", events(EventFilter{Actor: "CUB", Quad: 4, Newest: true, Limit: 50})},
		{"Events/USAGOV-first-newest", events(EventFilter{Source: "USAGOV", Newest: true, Limit: 50, FirstReports: true})},
		{"Quotes/newest", quotes(QuoteFilter{Newest: true, Limit: 50})},
		{"Quotes/speaker", quotes(QuoteFilter{Speaker: "ivanov", Limit: 50})},
		{"Quotes/speaker-none", quotes(QuoteFilter{Speaker: "zzz", Limit: 50})},
		{"Quotes/speaker-newest-page-2", quotes(QuoteFilter{Speaker: "Maria", Newest: true, Limit: 50, Offset: 50})},
		{"Quotes/USA-newest", quotes(QuoteFilter{SpeakerActor: "USA", Newest: true, Limit: 10})},
		{"Quotes/CUBOPP-newest", quotes(QuoteFilter{SpeakerActor: "CUBOPP", Newest: true, Limit: 10})},
		{"Quotes/text", quotes(QuoteFilter{Text: "ceasefire", Limit: 50})},
		{"Quotes/text-newest", quotes(QuoteFilter{Text: "ceasefire", Newest: true, Limit: 50})},
		{"Quotes/article", quotes(QuoteFilter{Article: int64(c.Articles / 2)})},
	}
	for _, call := range calls {
		b.Run(call.name, func(b *testing.B) {
			var times []time.Duration
			cpu := cputime.Used()
			for b.Loop() {
				t0 := time.Now()
				if err := call.call(); err != nil {
					b.Fatal(err)
				}
				times = append(times, time.Since(t0))
			}
			if cpu > 0 {
				b.ReportMetric(float64((cputime.Used()-cpu).Microseconds())/1000/float64(len(times)), "cpu-ms/op")
			}
			slices.Sort(times)
			p := func(q float64) float64 {
				return float64(times[int(q*float64(len(times)-1))].Microseconds()) / 1000
			}
			b.ReportMetric(p(0.5), "p50-ms")
			b.ReportMetric(p(0.95), "p95-ms")
		})
	}
}

// anySeq makes a sequence of results a sequence of anything.
func anySeq[T any](seq func(func(T, error) bool)) func(func(any, error) bool) {
	return func(yield func(any, error) bool) {
		for r, err := range seq {
			if !yield(r, err) {
				return
			}
		}
	}
}
