package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/newscorpus"
	"github.com/eventwire/eventwire/sqlite"
)

// dbCounts opens a database read-only and counts its rows.
func dbCounts(t *testing.T, path string) sqlite.Counts {
	t.Helper()
	c, err := tryCounts(path)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// eventsOf lists who did what to whom in every stored event, in order.
func eventsOf(t *testing.T, path string) []string {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, path, sqlite.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var out []string
	for r, err := range db.Events(ctx, sqlite.EventFilter{}) {
		if err != nil {
			t.Fatal(err)
		}
		v := r.Event
		out = append(out, fmt.Sprintf("%s %s %+v %+v", r.Article.ID, v.CAMEO, v.Source, v.Target))
	}
	return out
}

func tryCounts(path string) (sqlite.Counts, error) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, path, sqlite.Options{ReadOnly: true})
	if err != nil {
		return sqlite.Counts{}, err
	}
	defer db.Close()
	return db.Counts(ctx)
}

var (
	people    = []string{"Amara Velkova", "Tomas Brandt", "Ines Carvalho", "Kofi Mensah", "Lena Sorensen", "Yusuf Demir"}
	countries = []string{"French", "German", "Russian", "Chinese", "Turkish", "Kenyan"} // people[i] is countries[i]
	roles     = []string{"Foreign Minister", "President"}
	cities    = []string{"Geneva", "Paris", "Nairobi", "Ankara", "Berlin"}
	verbs     = []string{"met", "accused", "praised", "criticized", "visited"}
)

// writeArticles writes n small, distinct articles, one file each, made up
// from the tables above so that they name people, places and events. One
// in four introduces its people with their nationality and title; the
// others name them by surname alone, so that coding them needs what the
// earlier articles taught.
func writeArticles(t *testing.T, dir string, n int) {
	t.Helper()
	for i := range n {
		a, b := i%len(people), (i+1)%len(people)
		surname := func(j int) string { return strings.Fields(people[j])[1] }
		who := func(j int) string { return countries[j] + " " + roles[j%2] + " " + people[j] }
		var s string
		if i%4 == 0 {
			s = fmt.Sprintf("%s %s %s in %s on Monday.", who(a), verbs[i%len(verbs)], who(b), cities[i%len(cities)])
		} else {
			s = fmt.Sprintf("%s %s %s in %s on Monday.", surname(a), verbs[i%len(verbs)], surname(b), cities[i%len(cities)])
		}
		s = fmt.Sprintf("Talks number %d\n\n%s\n\n\"We will meet again in %d days,\" %s said.\n", i, s, i+2, surname(a))
		write(t, filepath.Join(dir, fmt.Sprintf("%04d.txt", i)), s)
	}
}

func TestIngestTwiceAddsNothing(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	writeArticles(t, in, 12)
	db := filepath.Join(dir, "ew.db")
	args := []string{"ingest", "--db", db, "--published", "2024-05-06", in}

	code, _, errs := ew(t, "", args...)
	if code != 0 || !strings.Contains(errs, "12 articles added, 0 already present, 0 failed") {
		t.Fatalf("first ingest: exit %d, stderr %q", code, errs)
	}
	first := dbCounts(t, db)
	if first.Articles != 12 || first.Events == 0 || first.Quotes == 0 || first.Entities == 0 || first.Knowledge == 0 {
		t.Errorf("first ingest stored %+v", first)
	}
	code, _, errs = ew(t, "", args...)
	if code != 0 || !strings.Contains(errs, "0 articles added, 12 already present, 0 failed; 0 events, 0 quotes") {
		t.Fatalf("second ingest: exit %d, stderr %q", code, errs)
	}
	if again := dbCounts(t, db); again != first {
		t.Errorf("second ingest changed the counts: %+v, was %+v", again, first)
	}
}

func TestIngestFailures(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	write(t, in, "{\"text\":\"Good one.\"}\nnot json\n{\"title\":\"no text\"}\n{\"text\":\"Good two.\"}\n")
	db := filepath.Join(dir, "ew.db")
	tests := []struct {
		args     []string
		code     int
		inStderr []string
	}{
		{[]string{"ingest", "--no-entities", "--db", db, in}, exitFailed,
			[]string{"in.jsonl:2", "in.jsonl:3", "2 articles added, 0 already present, 2 failed", "2 input(s) failed"}},
		{[]string{"ingest", "--no-entities", "--db", db, filepath.Join(dir, "missing.txt")}, exitFailed,
			[]string{"missing.txt", "0 articles added, 0 already present, 1 failed"}},
		{[]string{"ingest", in}, exitUsage, []string{"--db"}},
		{[]string{"ingest", "--db", dir, in}, exitUsage, []string{dir}},
	}
	for _, tt := range tests {
		code, _, errs := ew(t, "", tt.args...)
		if code != tt.code {
			t.Errorf("%q: exit %d, want %d; stderr %q", tt.args, code, tt.code, errs)
		}
		for _, s := range tt.inStderr {
			if !strings.Contains(errs, s) {
				t.Errorf("%q: stderr %q lacks %q", tt.args, errs, s)
			}
		}
	}
}

// TestIngestKilled kills a real ingest with SIGKILL part way and runs it
// again: the database ends as an uninterrupted run leaves it.
func TestIngestKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary; skipped with -short")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build eventwire with")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "eventwire")
	if out, err := exec.Command(goBin, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	in := filepath.Join(dir, "in")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	const n = 200
	writeArticles(t, in, n)
	args := func(db string) []string {
		return []string{"ingest", "--db", db, "--published", "2024-05-06", "--workers", "1", in}
	}

	whole := filepath.Join(dir, "whole.db")
	if out, err := exec.Command(bin, args(whole)...).CombinedOutput(); err != nil {
		t.Fatalf("uninterrupted ingest: %v\n%s", err, out)
	}
	want := dbCounts(t, whole)

	killed := filepath.Join(dir, "killed.db")
	cmd := exec.Command(bin, args(killed)...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	at := 0
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if c, err := tryCounts(killed); err == nil && c.Articles >= n/4 {
			at = c.Articles
			break
		}
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if at == 0 || at >= n || strings.Contains(stderr.String(), "articles added") {
		t.Fatalf("the ingest was not killed mid-run (%d articles seen); stderr %q", at, stderr.String())
	}
	mid := dbCounts(t, killed)
	if mid.Articles < at || mid.Articles >= n {
		t.Fatalf("killed after %d articles, the database holds %+v", at, mid)
	}

	out, err := exec.Command(bin, args(killed)...).CombinedOutput()
	if err != nil {
		t.Fatalf("resumed ingest: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), fmt.Sprintf("%d articles added, %d already present", n-mid.Articles, mid.Articles)) {
		t.Errorf("resumed ingest after %d articles says %q", mid.Articles, out)
	}
	t.Logf("killed after %d of %d articles; resumed to %+v", mid.Articles, n, want)
	if got := dbCounts(t, killed); got != want {
		t.Errorf("killed after %d articles and resumed: %+v, want %+v", mid.Articles, got, want)
	}
	if got, want := eventsOf(t, killed), eventsOf(t, whole); !slices.Equal(got, want) {
		t.Errorf("killed and resumed, the events differ from an uninterrupted run's:\n%q\nwant\n%q", got, want)
	}
}

// BenchmarkIngest ingests the news corpora of ../shared/data/news (BBC
// News and Reuters-21578, about 21,000 articles, written to a JSONL file
// before the timer starts) into a new database, all stages on all cores,
// as `eventwire ingest --db FILE news.jsonl` does, and reports articles/s.
// The target is 200 articles/s on a 2-core machine; one pass takes
// a minute or two:
//
//	go test ./cmd/eventwire -run '^$' -bench Ingest -benchtime 1x
func BenchmarkIngest(b *testing.B) {
	dir, ok := newscorpus.DataDir()
	if !ok {
		b.Skip("skipping: ../shared/data is absent")
	}
	arts, err := newscorpus.All(dir)
	if err != nil {
		b.Fatal(err)
	}
	tmp := b.TempDir()
	in := filepath.Join(tmp, "news.jsonl")
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for _, a := range arts {
		if err := enc.Encode(map[string]string{"id": a.ID, "title": a.Title, "text": a.Text, "source": a.Source, "published": a.Published}); err != nil {
			b.Fatal(err)
		}
	}
	if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	n := 0
	for b.Loop() {
		db := filepath.Join(tmp, fmt.Sprintf("news-%d.db", n))
		var out, errs bytes.Buffer
		if code := run(context.Background(), []string{"ingest", "--no-progress", "--db", db, in}, strings.NewReader(""), &out, &errs, false); code != 0 {
			b.Fatalf("exit %d: %s", code, errs.String())
		}
		n++
	}
	b.ReportMetric(float64(len(arts)*n)/b.Elapsed().Seconds(), "articles/s")
}
