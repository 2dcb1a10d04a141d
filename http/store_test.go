package http

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/pipeline"
	"github.com/eventwire/eventwire/source"
	"github.com/eventwire/eventwire/sqlite"
)

// fixture is the test store: the articles of testdata/articles.jsonl and
// examples/geneva-talks.txt run through the pipeline, saved, and opened
// read-only as the server opens it. It is built once per test binary.
var fixture struct {
	once sync.Once
	dir  string
	pipe *pipeline.Pipeline
	db   *sqlite.DB
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if fixture.db != nil {
		fixture.db.Close()
	}
	if fixture.dir != "" {
		os.RemoveAll(fixture.dir)
	}
	os.Exit(code)
}

// testDB returns the read-only fixture store.
func testDB(t testing.TB) *sqlite.DB {
	t.Helper()
	fixture.once.Do(func() { fixture.err = buildFixture() })
	if fixture.err != nil {
		t.Fatal(fixture.err)
	}
	return fixture.db
}

// testExtract runs the fixture's pipeline on one article.
func testExtract(ctx context.Context, a eventwire.Article) (eventwire.Record, error) {
	doc, err := fixture.pipe.Process(a)
	if err != nil {
		return eventwire.Record{}, err
	}
	return doc.Record(eventwire.RecordOptions{}), nil
}

// testServer returns a server on the fixture store with opt (DB and
// Extract filled in when unset).
func testServer(t testing.TB, opt Options) *Server {
	t.Helper()
	if opt.DB == nil {
		opt.DB = testDB(t)
	}
	if opt.Extract == nil {
		opt.Extract = testExtract
	}
	s, err := New(opt)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func buildFixture() error {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "eventwire-http-test")
	if err != nil {
		return err
	}
	fixture.dir = dir
	p, err := pipeline.New(pipeline.Options{Entities: true})
	if err != nil {
		return err
	}
	fixture.pipe = p
	articles, err := fixtureArticles()
	if err != nil {
		return err
	}
	var docs []*eventwire.Doc
	for _, a := range articles {
		doc, err := p.Process(a)
		if err != nil {
			return err
		}
		docs = append(docs, doc)
	}
	path := filepath.Join(dir, "test.db")
	db, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		return err
	}
	for _, s := range db.SaveAll(ctx, docs, p.Knowledge().Facts()...) {
		if s.Err != nil {
			db.Close()
			return s.Err
		}
	}
	if err := db.Close(); err != nil {
		return err
	}
	fixture.db, err = sqlite.Open(ctx, path, sqlite.Options{ReadOnly: true})
	return err
}

// fixtureArticles reads testdata/articles.jsonl and the example article
// as ingest would.
func fixtureArticles() ([]eventwire.Article, error) {
	var out []eventwire.Article
	for _, in := range []struct{ name, published string }{
		{"testdata/articles.jsonl", ""},
		{"../examples/geneva-talks.txt", "2024-03-14"},
	} {
		for a, err := range source.Read(context.Background(), []string{in.name}, source.Options{Published: in.published}) {
			if err != nil {
				return nil, err
			}
			out = append(out, a)
		}
	}
	return out, nil
}

func TestFixture(t *testing.T) {
	db := testDB(t)
	n := 0
	for _, err := range db.Records(context.Background(), sqlite.EventFilter{}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 5 {
		t.Fatalf("fixture store holds %d articles, want 5", n)
	}
}
