package http_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"

	"github.com/eventwire/eventwire"
	ewhttp "github.com/eventwire/eventwire/http"
	"github.com/eventwire/eventwire/sqlite"
)

// Serve a store: the API answers JSON, here a search of the articles, and
// extracts the record of a text posted to it.
func ExampleNew() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "eventwire-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	// A store of two articles, opened read-only as the server wants it.
	// (eventwire ingest fills one with the pipeline's annotations.)
	path := filepath.Join(dir, "store.db")
	db, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		log.Fatal(err)
	}
	for _, a := range []eventwire.Article{
		{Title: "Russia vows to respond", Source: "Example Wire", Published: "2024-03-04",
			Text: "Russia vows to respond\n\n\"This attack will not go unanswered,\" Lavrov told reporters in Moscow."},
		{Title: "Talks in Istanbul", Source: "Other Agency", Published: "2024-03-18",
			Text: "Talks in Istanbul\n\nRussia and Ukraine agreed to hold talks in Istanbul."},
	} {
		if _, err := db.Save(ctx, eventwire.NewDoc(a)); err != nil {
			log.Fatal(err)
		}
	}
	db.Close()
	if db, err = sqlite.Open(ctx, path, sqlite.Options{ReadOnly: true}); err != nil {
		log.Fatal(err)
	}
	defer db.Close()

	s, err := ewhttp.New(ewhttp.Options{DB: db,
		// A server runs the pipeline here (see eventwire serve); this one
		// only reads the article.
		Extract: func(ctx context.Context, a eventwire.Article) (eventwire.Record, error) {
			return eventwire.NewDoc(a).Record(eventwire.RecordOptions{}), nil
		}})
	if err != nil {
		log.Fatal(err)
	}
	ts := httptest.NewServer(s) // s.ListenAndServe(ctx, "127.0.0.1:8080") in a program
	defer ts.Close()

	var articles struct {
		Items []struct {
			Row     int64
			Title   string
			Snippet string
			Marks   []eventwire.Span
		}
		Next *string
	}
	status := getJSON(ts.URL+"/api/articles?q=unanswered", &articles)
	fmt.Println(status, len(articles.Items), "article, next page:", articles.Next)
	for _, a := range articles.Items {
		var marked []string // the words that matched, in the snippet
		for _, m := range a.Marks {
			marked = append(marked, string([]rune(a.Snippet)[m.Start:m.End]))
		}
		fmt.Printf("%s: %q\n", a.Title, marked)
	}

	resp, err := http.Post(ts.URL+"/api/extract", "text/plain", strings.NewReader("Talks\n\nLavrov met Blinken in Geneva on Friday.\n"))
	if err != nil {
		log.Fatal(err)
	}
	var rec eventwire.Record
	err = json.NewDecoder(resp.Body).Decode(&rec)
	resp.Body.Close()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(resp.Status, rec.Title)

	var bad struct{ Error string }
	status = getJSON(ts.URL+"/api/articles?from=yesterday", &bad)
	fmt.Println(status, bad.Error)
	// Output:
	// 200 OK 1 article, next page: <nil>
	// Russia vows to respond: ["unanswered"]
	// 200 OK Talks
	// 400 Bad Request bad "from": want YYYY-MM-DD
}

// getJSON decodes the JSON answer of a GET into v and returns the status.
func getJSON(url string, v any) string {
	resp, err := http.Get(url)
	if err != nil {
		log.Fatal(err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		log.Fatal(err)
	}
	return resp.Status
}
