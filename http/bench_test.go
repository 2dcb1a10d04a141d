package http

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/actor"
	"github.com/eventwire/eventwire/event"
	"github.com/eventwire/eventwire/internal/cputime"
	"github.com/eventwire/eventwire/internal/synthetic"
	"github.com/eventwire/eventwire/sqlite"
)

// BenchmarkAPI measures the latency of the common requests, API and pages,
// on a store of synthetic articles (package internal/synthetic): each
// sub-benchmark sends b.N requests with varied parameters through
// ServeHTTP and reports the median and 95th percentile in milliseconds.
// It also reports the CPU time per request (cpu-ms/op), which holds on a
// loaded machine where latencies do not, and for lists the share of
// requests that found nothing (empty-%). Any answer but 200 fails it.
//
// The store holds EVENTWIRE_BENCH_ARTICLES articles (default 2000, quick;
// the target is p95 < 50 ms at 100000) of seed EVENTWIRE_BENCH_SEED
// (default 1). It is built on first use, which takes minutes for 100000,
// and kept in os.TempDir() under a name with the count, seed, schema
// version and the generator's fingerprint, for the next run (a store of
// an older schema version is migrated); or at $EVENTWIRE_BENCH_DB. For
// example:
//
//	EVENTWIRE_BENCH_ARTICLES=100000 go test -run '^$' -bench API -benchtime 200x ./http
func BenchmarkAPI(b *testing.B) {
	n := envInt(b, "EVENTWIRE_BENCH_ARTICLES", 2000)
	seed := uint64(envInt(b, "EVENTWIRE_BENCH_SEED", 1))
	g, err := synthetic.New()
	if err != nil {
		b.Fatal(err)
	}
	db := benchStore(b, g, n, seed)
	defer db.Close()
	s, err := New(Options{DB: db})
	if err != nil {
		b.Fatal(err)
	}
	p := newBenchParams(g, n)
	for _, rq := range []struct {
		name string
		url  func(r *rand.Rand) string
	}{
		{"api-articles-q", func(r *rand.Rand) string { return "/api/articles?q=" + url.QueryEscape(p.word(r)) }},
		{"api-article", func(r *rand.Rand) string { return "/api/articles/" + p.row(r) }},
		{"api-events-dyad", func(r *rand.Rand) string {
			a, b := p.dyad(r)
			return "/api/events?source=" + a + "&target=" + b
		}},
		{"api-events-dates", func(r *rand.Rand) string {
			from, to := p.month(r)
			return "/api/events?from=" + from + "&to=" + to
		}},
		{"api-events-plover", func(r *rand.Rand) string { return "/api/events?plover=" + p.plover(r) }},
		{"api-events-newest", func(r *rand.Rand) string { return "/api/events?offset=" + strconv.Itoa(50*r.IntN(5)) }},
		{"api-quotes-speaker", func(r *rand.Rand) string { return "/api/quotes?speaker=" + url.QueryEscape(p.speaker(r)) }},
		{"api-quotes-q", func(r *rand.Rand) string { return "/api/quotes?q=" + url.QueryEscape(p.quoteWord(r)) }},
		{"api-actor", func(r *rand.Rand) string { return "/api/actors/" + p.actor(r) }},
		{"api-timeline", func(r *rand.Rand) string {
			a, b := p.dyad(r)
			return "/api/timeline?source=" + a + "&target=" + b + "&interval=week"
		}},
		{"page-search", func(r *rand.Rand) string { return "/" }},
		{"page-search-q", func(r *rand.Rand) string { return "/?q=" + url.QueryEscape(p.word(r)) }},
		{"page-article", func(r *rand.Rand) string { return "/articles/" + p.row(r) }},
		{"page-actor", func(r *rand.Rand) string { return "/actors/" + p.actor(r) }},
		{"page-dyad", func(r *rand.Rand) string {
			a, b := p.dyad(r)
			return "/dyads/" + a + "/" + b
		}},
		{"page-events", func(r *rand.Rand) string {
			if r.IntN(2) == 0 {
				return "/events"
			}
			a, _ := p.dyad(r)
			return "/events?actor=" + a
		}},
	} {
		b.Run(rq.name, func(b *testing.B) {
			r := rand.New(rand.NewPCG(seed, 7))
			lat := make([]time.Duration, 0, b.N)
			failed, empty := 0, 0
			cpu0 := cputime.Used()
			for b.Loop() {
				u := rq.url(r)
				req := httptest.NewRequest(http.MethodGet, u, nil)
				w := httptest.NewRecorder()
				t0 := time.Now()
				s.ServeHTTP(w, req)
				lat = append(lat, time.Since(t0))
				if body := w.Body.Bytes(); bytes.HasPrefix(body, []byte(`{"items":[]`)) || bytes.Contains(body, []byte(`"points":[]`)) {
					empty++
				}
				if w.Code != http.StatusOK {
					if failed++; failed <= 3 {
						body := w.Body.String()
						b.Errorf("GET %s: %d %.200s", u, w.Code, body)
					}
				}
			}
			if failed > 3 {
				b.Errorf("%d of %d requests failed", failed, len(lat))
			}
			cpu := cputime.Used() - cpu0
			slices.Sort(lat)
			b.ReportMetric(percentile(lat, 50), "p50-ms")
			b.ReportMetric(percentile(lat, 95), "p95-ms")
			if cpu > 0 {
				// The CPU time a request takes (the process's, GC
				// included), which holds on a loaded machine where the
				// latencies do not.
				b.ReportMetric(float64(cpu)/float64(time.Millisecond)/float64(len(lat)), "cpu-ms/op")
			}
			b.ReportMetric(float64(lat[len(lat)-1])/float64(time.Millisecond), "max-ms")
			if strings.HasPrefix(rq.name, "api-events") || strings.HasPrefix(rq.name, "api-quotes") || rq.name == "api-articles-q" || rq.name == "api-timeline" {
				// Lists that come back empty measure little.
				b.ReportMetric(float64(empty)*100/float64(len(lat)), "empty-%")
			}
		})
	}
}

// percentile returns the p-th percentile of sorted durations in
// milliseconds (nearest rank).
func percentile(sorted []time.Duration, p int) float64 {
	if len(sorted) == 0 {
		return 0
	}
	i := (len(sorted)*p + 99) / 100
	return float64(sorted[max(i, 1)-1]) / float64(time.Millisecond)
}

func envInt(b *testing.B, name string, def int) int {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		b.Fatalf("%s=%q: want a positive number", name, v)
	}
	return n
}

// benchStore returns the store of n articles of the seed, opened
// read-only, building it on first use (see BenchmarkAPI).
func benchStore(b *testing.B, g *synthetic.Generator, n int, seed uint64) *sqlite.DB {
	ctx := context.Background()
	path := os.Getenv("EVENTWIRE_BENCH_DB")
	if path == "" {
		// The generator's fingerprint: a change to its templates or
		// tables makes another store.
		h := sha256.New()
		for _, i := range []int{0, n - 1} {
			js, err := json.Marshal(g.Doc(i, seed).Record(eventwire.RecordOptions{}))
			if err != nil {
				b.Fatal(err)
			}
			h.Write(js)
		}
		name := func(version int) string {
			return filepath.Join(os.TempDir(), fmt.Sprintf("eventwire-bench-n%d-s%d-v%d-%x.db", n, seed, version, h.Sum(nil)[:4]))
		}
		path = name(sqlite.SchemaVersion())
		if _, err := os.Stat(path); err != nil {
			// A store of an older schema is migrated rather than built
			// again.
			for v := sqlite.SchemaVersion() - 1; v > 0; v-- {
				if _, err := os.Stat(name(v)); err == nil {
					migrateStore(b, name(v), path)
					break
				}
			}
		}
	}
	if _, err := os.Stat(path); err != nil {
		buildStore(b, g, n, seed, path)
	}
	db, err := sqlite.Open(ctx, path, sqlite.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	return db
}

// migrateStore moves the store at old to path and brings it to the
// current schema.
func migrateStore(b *testing.B, old, path string) {
	t0 := time.Now()
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Remove(old + suffix)
	}
	if err := os.Rename(old, path); err != nil {
		b.Fatal(err)
	}
	db, err := sqlite.Open(context.Background(), path, sqlite.Options{})
	if err != nil {
		b.Fatal(err)
	}
	if err := db.Close(); err != nil {
		b.Fatal(err)
	}
	b.Logf("migrated %s to schema version %d in %v", path, sqlite.SchemaVersion(), time.Since(t0).Round(time.Second))
}

// buildStore writes the store at path: into a temporary file first, so
// that an interrupted build leaves nothing a later run would take for a
// store.
func buildStore(b *testing.B, g *synthetic.Generator, n int, seed uint64, path string) {
	ctx := context.Background()
	tmp := path + ".building"
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(tmp + suffix)
	}
	db, err := sqlite.Open(ctx, tmp, sqlite.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer func() {
		if db != nil {
			db.Close() // after a failure
		}
	}()
	b.Logf("building a store of %d synthetic articles (seed %d) at %s", n, seed, path)
	t0 := time.Now()
	const batch = 500
	docs := make([]*eventwire.Doc, 0, batch)
	var facts []actor.Fact
	var counts struct{ entities, quotes, events int }
	flush := func(done int) {
		for _, s := range db.SaveAll(ctx, docs, facts...) {
			if s.Err != nil {
				b.Fatal(s.Err)
			}
		}
		docs, facts = docs[:0], facts[:0]
		if done%10000 == 0 || done == n {
			b.Logf("%d articles stored in %v", done, time.Since(t0).Round(time.Second))
		}
	}
	i := 0
	for d := range g.Docs(n, seed) {
		docs = append(docs, d)
		facts = append(facts, synthetic.Facts(d)...)
		counts.entities += len(d.Entities)
		counts.quotes += len(d.Quotes)
		counts.events += len(d.Events)
		if i++; len(docs) == batch {
			flush(i)
		}
	}
	if len(docs) > 0 {
		flush(i)
	}
	err = db.Close()
	db = nil
	if err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	var size int64
	if st, err := os.Stat(path); err == nil {
		size = st.Size()
	}
	b.Logf("built %d articles (%d entities, %d quotes, %d events) in %v: %.0f MB",
		n, counts.entities, counts.quotes, counts.events, time.Since(t0).Round(time.Second), float64(size)/1e6)
}

// benchParams are the values requests draw from: what the store holds.
type benchParams struct {
	n         int
	countries []string // actor codes of the countries, most frequent first
	actors    []string // every actor code
	speakers  []string // officials' surnames
	words     []string // words of the articles and names
	plovers   []string
}

func newBenchParams(g *synthetic.Generator, n int) *benchParams {
	plovers := event.PLOVERTypes()
	p := &benchParams{n: n, plovers: plovers[:]}
	seen := map[string]bool{}
	for _, a := range g.Actors() {
		if !seen[a.Code] {
			seen[a.Code] = true
			p.actors = append(p.actors, a.Code)
		}
		if a.Type == eventwire.GPE {
			p.countries = append(p.countries, a.Code)
		}
		if a.Surname != "" {
			p.speakers = append(p.speakers, a.Surname)
			p.words = append(p.words, a.Surname)
		}
	}
	p.words = append(p.words, "ceasefire", "sanctions", "embargo", "humanitarian aid", "pipeline",
		"border", "talks", "ambassador", "air strikes", "trade corridor", "refugees", "elections")
	return p
}

// zipf draws an index below n, small ones much more often.
func zipf(r *rand.Rand, n int) int {
	return int(rand.NewZipf(r, 1.2, 2, uint64(n-1)).Uint64())
}

func (p *benchParams) word(r *rand.Rand) string { return p.words[r.IntN(len(p.words))] }
func (p *benchParams) row(r *rand.Rand) string  { return strconv.Itoa(1 + r.IntN(p.n)) }
func (p *benchParams) plover(r *rand.Rand) string {
	return p.plovers[r.IntN(len(p.plovers))]
}
func (p *benchParams) speaker(r *rand.Rand) string { return p.speakers[r.IntN(len(p.speakers))] }

func (p *benchParams) quoteWord(r *rand.Rand) string {
	words := []string{"sovereignty", "ceasefire", "dialogue", "patience", "lasting peace", "accusations", "sanctions", "provocation"}
	return words[r.IntN(len(words))]
}

// actor draws an actor code: a frequent country half the time, any
// actor otherwise.
func (p *benchParams) actor(r *rand.Rand) string {
	if r.IntN(2) == 0 {
		return p.countries[zipf(r, len(p.countries))]
	}
	return p.actors[r.IntN(len(p.actors))]
}

// dyad draws two different countries, frequent ones more often.
func (p *benchParams) dyad(r *rand.Rand) (string, string) {
	a := zipf(r, len(p.countries))
	b := zipf(r, len(p.countries))
	for b == a {
		b = zipf(r, len(p.countries))
	}
	return p.countries[a], p.countries[b]
}

// month draws a period of a month within the store's two years.
func (p *benchParams) month(r *rand.Rand) (from, to string) {
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(700))
	return start.Format(time.DateOnly), start.AddDate(0, 1, 0).Format(time.DateOnly)
}
