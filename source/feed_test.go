package source_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/source"
)

func TestReadFeed(t *testing.T) {
	rss := readFile(t, "testdata/feed.rss")
	atom := readFile(t, "testdata/feed.atom")
	ferry := eventwire.Article{ID: "courier-2024-0314-ferry", Title: "Harbour board approves new ferry route",
		URL: "https://courier.example.org/news/2024/03/harbour-ferry-route", Source: "Northbay Courier: News", Published: "2024-03-14",
		Text: "The harbour board on Thursday approved a ferry route linking Northbay with the island of Ostrell.\n\n“People on Ostrell have waited long enough,” board chair Imre Vasko said."}
	cafe := eventwire.Article{Title: "Café owners protest rent rise", URL: "https://courier.example.org/news/2024/03/cafe-rent",
		Source: "Northbay Courier: News", Published: "2024-03-16",
		Text: "Owners of twelve cafés closed their doors for an hour in protest at a rent rise."}
	buses := eventwire.Article{Title: "Council delays vote on bus lanes", URL: "https://courier.example.org/news/2024/03/bus-lanes",
		Source: "Northbay Courier: News", Published: "2024-03-20",
		Text: "The town council put off a vote on new bus lanes until May.\n\nCouncillors asked for a traffic survey first."}
	welcome := eventwire.Article{ID: "urn:example:ostrell-gazette:ferry-welcome", Title: "Islanders welcome ferry decision",
		URL: "https://gazette.example.net/2024/ferry-welcome", Source: "Ostrell Gazette", Published: "2024-03-15",
		Text: "Residents of Ostrell welcomed the decision of the Northbay harbour board to approve a new ferry route.\n\nThe island shop said deliveries would be faster."}
	lifeboat := eventwire.Article{ID: "urn:example:ostrell-gazette:lifeboat", Title: "Lifeboat crew rescues two walkers",
		URL: "https://gazette.example.net/2024/lifeboat", Source: "Ostrell Gazette", Published: "2024-03-12",
		Text: "The lifeboat crew rescued two walkers cut off by the tide near the north cliffs."}
	noText := "no article text: the item has no content or description"

	tests := []struct {
		name, file, content string
		opt                 source.Options
		want                []eventwire.Article // a zero article for an error
		errs                []string            // the error messages, without the name
	}{
		{"rss", "news.rss", rss, source.Options{Published: "2024-03-20"},
			[]eventwire.Article{ferry, cafe, {}, buses}, []string{noText}},
		{"rss sniffed", "news", rss, source.Options{Published: "2024-03-20"},
			[]eventwire.Article{ferry, cafe, {}, buses}, []string{noText}},
		{"rss as .xml", "news.xml", rss, source.Options{Published: "2024-03-20"},
			[]eventwire.Article{ferry, cafe, {}, buses}, []string{noText}},
		{"rss gzip", "news.rss.gz", gz(t, rss), source.Options{Published: "2024-03-20"},
			[]eventwire.Article{ferry, cafe, {}, buses}, []string{noText}},
		{"atom", "gazette.atom", atom, source.Options{}, []eventwire.Article{welcome, lifeboat}, nil},
		{"atom forced", "gazette.txt", atom, source.Options{Format: "feed"}, []eventwire.Article{welcome, lifeboat}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := write(t, t.TempDir(), tt.file, tt.content)
			rs := readAll(t, []string{p}, tt.opt)
			if len(rs) != len(tt.want) {
				t.Fatalf("got %d results %v, want %d", len(rs), origins(rs), len(tt.want))
			}
			var errs []string
			for i, r := range rs {
				if r.err != nil {
					var e *source.Error
					if !errors.As(r.err, &e) || e.Origin != (eventwire.Origin{Name: p, Line: i + 1}) {
						t.Errorf("error %v: want origin %s:%d", r.err, p, i+1)
					}
					errs = append(errs, e.Err.Error())
					continue
				}
				want := tt.want[i]
				want.Origin = eventwire.Origin{Name: p, Line: i + 1}
				if r.a != want {
					t.Errorf("item %d:\ngot  %+v\nwant %+v", i+1, r.a, want)
				}
			}
			if strings.Join(errs, "|") != strings.Join(tt.errs, "|") {
				t.Errorf("errors %q, want %q", errs, tt.errs)
			}
		})
	}
}

func TestReadFeedBad(t *testing.T) {
	rss := readFile(t, "testdata/feed.rss")
	tests := []struct {
		name, file, content string
		opt                 source.Options
		want                error
		msg                 string // NAME stands for the file name
	}{
		{"not XML", "notxml.rss", readFile(t, "testdata/notxml.rss"), source.Options{}, source.ErrFeed,
			`NAME: bad feed: not XML: starts with "This is not a feed, just"`},
		{"not XML forced", "notes.txt", "Just words.", source.Options{Format: "feed"}, source.ErrFeed,
			`NAME: bad feed: not XML: starts with "Just words."`},
		{"blank", "blank.atom", "\n", source.Options{}, source.ErrFeed,
			`NAME: bad feed: empty`},
		{"empty", "empty.rss", "", source.Options{}, source.ErrFeed,
			`NAME: bad feed: empty`},
		{"XML but no feed", "catalog.xml", `<?xml version="1.0"?><catalog><book>Tides</book></catalog>`, source.Options{}, source.ErrFeed,
			`NAME: bad feed: not an RSS, Atom or JSON feed`},
		{"too large", "news.rss", rss, source.Options{MaxBytes: 500}, source.ErrTooLarge,
			`NAME: article too large: feed over the 500-byte limit`},
		{"truncated gzip", "news.rss.gz", gz(t, rss)[:100], source.Options{}, source.ErrGzip,
			`NAME: corrupt gzip: unexpected EOF`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := write(t, t.TempDir(), tt.file, tt.content)
			rs := readAll(t, []string{p}, tt.opt)
			if len(rs) != 1 || rs[0].err == nil {
				t.Fatalf("want one error, got %v", rs)
			}
			if !errors.Is(rs[0].err, tt.want) {
				t.Errorf("%v is not %v", rs[0].err, tt.want)
			}
			if got, want := rs[0].err.Error(), strings.ReplaceAll(tt.msg, "NAME", p); got != want {
				t.Errorf("got  %q\nwant %q", got, want)
			}
		})
	}

	// XML that breaks off is one error: no item of it is read.
	p := write(t, t.TempDir(), "cut.rss", rss[:len(rss)/2])
	rs := readAll(t, []string{p}, source.Options{})
	if len(rs) != 1 || !errors.Is(rs[0].err, source.ErrFeed) || !strings.Contains(rs[0].err.Error(), "XML syntax error on line 13") {
		t.Errorf("truncated feed: got %v", rs)
	}
}

func FuzzFeed(f *testing.F) {
	for _, name := range []string{"testdata/feed.rss", "testdata/feed.atom", "testdata/notxml.rss"} {
		f.Add([]byte(readFile(f, name)))
	}
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{"id":"1","content_text":"Words."}]}`))
	f.Add([]byte(`<rss><channel><item><description>&lt;p&gt;a&lt;/p&gt;</description></item></channel></rss>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		opt := source.Options{Format: "feed", Stdin: bytes.NewReader(data)}
		for a, err := range source.Read(context.Background(), []string{"-"}, opt) {
			checkResult(t, a, err)
			if err == nil && a.Origin.Line < 1 {
				t.Fatalf("item without its number: %+v", a)
			}
		}
	})
}
