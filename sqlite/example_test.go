package sqlite_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/sqlite"
)

func Example() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "eventwire")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	db, err := sqlite.Open(ctx, filepath.Join(dir, "news.db"), sqlite.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer db.Close()

	// A document as the pipeline leaves it (pipeline.Process), here built
	// by hand: one quote.
	doc := eventwire.NewDoc(eventwire.Article{Title: "Talks", Published: "2024-05-06",
		Text: `"The talks will resume," the envoy said.`})
	doc.Quotes = []eventwire.Quote{{ID: "q1", Kind: eventwire.Direct, Text: "The talks will resume", Start: 1, End: 22,
		Speaker: &eventwire.Speaker{Name: "the envoy", Text: "the envoy", Start: 25, End: 34}}}
	for range 2 {
		added, err := db.Save(ctx, doc)
		fmt.Println("added:", added, err)
	}
	for r, err := range db.Quotes(ctx, sqlite.QuoteFilter{Text: "talks will"}) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s (%s): %q\n", r.Quote.Speaker.Name, r.Article.Published, r.Quote.Text)
	}
	// Output:
	// added: true <nil>
	// added: false <nil>
	// the envoy (2024-05-06): "The talks will resume"
}

func ExampleDB_Events() {
	ctx := context.Background()
	db, done, err := tempDB(ctx)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer done()

	date := "2024-05-06"
	doc := eventwire.NewDoc(eventwire.Article{Title: "Talks", Published: date,
		Text: "The United States accused Russia of stalling."})
	doc.Events = []eventwire.Event{{ID: "v1",
		Source: &eventwire.EventActor{Name: "United States", Actor: "USA", Country: "USA"},
		Target: &eventwire.EventActor{Name: "Russia", Actor: "RUS", Country: "RUS"},
		CAMEO:  "112", CAMEORoot: "11", PLOVER: "ACCUSE", QuadClass: 3, Goldstein: -2, Date: &date,
		Trigger: eventwire.Mention{Start: 18, End: 25, Text: "accused"}, Sentence: eventwire.Span{Start: 0, End: 45}}}
	if _, err := db.Save(ctx, doc); err != nil {
		fmt.Println(err)
		return
	}
	for r, err := range db.Events(ctx, sqlite.EventFilter{Source: "USA", Target: "RUS", PLOVER: "ACCUSE"}) {
		if err != nil {
			fmt.Println(err)
			return
		}
		v := r.Event
		fmt.Println(*v.Date, v.Source.Name, v.Trigger.Text, v.Target.Name, v.CAMEO, v.PLOVER)
	}
	// Output:
	// 2024-05-06 United States accused Russia 112 ACCUSE
}

func ExampleDB_Articles() {
	ctx := context.Background()
	db, done, err := tempDB(ctx)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer done()
	for _, a := range []eventwire.Article{
		{Title: "Grain deal", Source: "Reuters", Published: "2024-05-06", Text: "Ministers agreed to extend the grain corridor."},
		{Title: "Ports", Source: "AP", Published: "2024-05-07", Text: "Ships left the ports of the grain corridor at dawn."},
	} {
		if _, err := db.Save(ctx, eventwire.NewDoc(a)); err != nil {
			fmt.Println(err)
			return
		}
	}
	// A search: the snippet with the matches marked.
	for r, err := range db.Articles(ctx, sqlite.ArticleFilter{Text: "grain corridor", Source: "reuters", Limit: 10}) {
		if err != nil {
			fmt.Println(err)
			return
		}
		runes := []rune(r.Snippet)
		for _, m := range r.Marks {
			fmt.Printf("%s %s: %q\n", r.Article.Published, r.Article.Title, string(runes[m.Start:m.End]))
		}
	}
	// The newest articles, and one by its row.
	for r, err := range db.Articles(ctx, sqlite.ArticleFilter{Limit: 10}) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(r.Article.Row, r.Article.Published, r.Snippet)
	}
	ref, rec, err := db.Article(ctx, "1")
	fmt.Println(ref.Source, rec.Title, err)
	_, _, err = db.Article(ctx, "3")
	fmt.Println(errors.Is(err, sqlite.ErrNotFound))
	// Output:
	// 2024-05-06 Grain deal: "grain corridor"
	// 2 2024-05-07 Ships left the ports of the grain corridor at dawn.
	// 1 2024-05-06 Ministers agreed to extend the grain corridor.
	// Reuters Grain deal <nil>
	// true
}

// tempDB opens a new database in a temporary directory, as Example does;
// done closes it and removes the directory.
func tempDB(ctx context.Context) (db *sqlite.DB, done func(), err error) {
	dir, err := os.MkdirTemp("", "eventwire")
	if err != nil {
		return nil, nil, err
	}
	if db, err = sqlite.Open(ctx, filepath.Join(dir, "news.db"), sqlite.Options{}); err != nil {
		os.RemoveAll(dir)
		return nil, nil, err
	}
	return db, func() { db.Close(); os.RemoveAll(dir) }, nil
}
