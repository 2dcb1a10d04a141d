package source_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/eventwire/eventwire/source"
)

func ExampleRead() {
	// Standard input holds JSONL here; files and directories are named
	// the same way, e.g. []string{"news/", "extra.txt"}.
	stdin := strings.NewReader(`{"id": 1, "title": "Talks resume", "text": "GENEVA (Reuters) - Talks resumed.", "published": "Tue, 23 Apr 2013 10:00:00 GMT"}
oops
{"body": "LAGOS (Reuters) - Dock workers struck.\nMore to come."}
`)
	opt := source.Options{Stdin: stdin, Published: "2013-04-24"}
	for a, err := range source.Read(context.Background(), []string{"-"}, opt) {
		if err != nil {
			fmt.Println("skipped:", err)
			continue
		}
		fmt.Printf("%s id=%q title=%q published=%s\n", a.Origin, a.ID, a.Title, a.Published)
	}
	// Output:
	// -:1 id="1" title="Talks resume" published=2013-04-23
	// skipped: -:2: not a JSON object: invalid character 'o' looking for beginning of value at byte offset 0 of the line
	// -:3 id="" title="LAGOS (Reuters) - Dock workers struck." published=2013-04-24
}

func ExampleParseDate() {
	for _, s := range []string{"Tue, 23 Apr 2013 10:00:00 GMT", "April 23, 2013", "2013-04-23T23:30:00-05:00", "23/04/2013"} {
		fmt.Println(source.ParseDate(s))
	}
	// Output:
	// 2013-04-23 <nil>
	// 2013-04-23 <nil>
	// 2013-04-23 <nil>
	//  bad date "23/04/2013" (want YYYY-MM-DD, RFC 3339, RFC 1123, "April 23, 2013" or "23 April 2013")
}
