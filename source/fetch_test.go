package source_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire/source"
)

// newsServer serves the test pages and feeds, and the ways a fetch fails.
// No test touches the internet.
func newsServer(t *testing.T) *httptest.Server {
	t.Helper()
	article := readFile(t, "testdata/article.html")
	rss := readFile(t, "testdata/feed.rss")
	mux := http.NewServeMux()
	serve := func(path, ctype, body string) {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			if ua := r.Header.Get("User-Agent"); !strings.HasPrefix(ua, "eventwire/") || !strings.HasSuffix(ua, " (+https://github.com/eventwire/eventwire)") {
				http.Error(w, "bad User-Agent "+ua, http.StatusForbidden)
				return
			}
			if ctype != "" {
				w.Header().Set("Content-Type", ctype)
			}
			fmt.Fprint(w, body)
		})
	}
	serve("/news/ferry", "text/html; charset=utf-8", article)
	serve("/feed", "application/rss+xml", rss)
	serve("/feed.xml", "text/xml", rss)                // sniffed
	serve("/raw", "application/octet-stream", article) // sniffed
	serve("/story.txt", "text/plain; charset=utf-8", storyA)
	serve("/app", "text/html", readFile(t, "testdata/index.html"))
	packed, _ := warcFile(t, crawl(t), true)
	serve("/crawl.warc.gz", "application/octet-stream", string(packed)) // by the path
	serve("/crawl", "application/warc", string(packed))
	mux.HandleFunc("/hop/", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(r.URL.Path, "/hop/%d", &n)
		if n == 0 {
			http.Redirect(w, r, "/news/ferry", http.StatusFound)
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/hop/%d", n-1), http.StatusMovedPermanently)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/stall", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><body><p>The first words arrive, ")
		w.(http.Flusher).Flush()
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		// Says 100 MB; the client must not wait for them.
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", fmt.Sprint(100<<20))
		fmt.Fprint(w, "<html><body>")
	})
	mux.HandleFunc("/endless", func(w http.ResponseWriter, r *http.Request) {
		// 100 MB without a Content-Length: the client stops reading at
		// the limit.
		w.Header().Set("Content-Type", "text/html")
		chunk := []byte("<p>" + strings.Repeat("more words ", 9000) + "</p>\n")
		for sent := 0; sent < 100<<20; sent += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestReadURL(t *testing.T) {
	srv := newsServer(t)
	tests := []struct {
		path  string
		opt   source.Options
		want  []string // titles of the articles, or "!" and the error message (URL standing for the URL)
		isErr error
	}{
		{"/news/ferry", source.Options{}, []string{"Harbour board approves new ferry route"}, nil},
		{"/raw", source.Options{}, []string{"Harbour board approves new ferry route"}, nil},
		{"/hop/4", source.Options{}, []string{"Harbour board approves new ferry route"}, nil},
		{"/feed", source.Options{}, []string{"Harbour board approves new ferry route", "Café owners protest rent rise",
			"!URL:3: no article text: the item has no content or description", "Council delays vote on bus lanes"}, nil},
		{"/feed.xml", source.Options{}, []string{"Harbour board approves new ferry route", "Café owners protest rent rise",
			"!URL:3: no article text: the item has no content or description", "Council delays vote on bus lanes"}, nil},
		{"/story.txt", source.Options{}, []string{"Ministers agree to resume talks"}, nil},
		{"/crawl.warc.gz", source.Options{}, []string{"Harbour board approves new ferry route",
			"!URL:6: https://courier.example.org/app: no article text found: 43 letters of text, too few for an article (want 100)", "Café owners protest rent rise"}, source.ErrNoArticle},
		{"/crawl", source.Options{}, []string{"Harbour board approves new ferry route",
			"!URL:6: https://courier.example.org/app: no article text found: 43 letters of text, too few for an article (want 100)", "Café owners protest rent rise"}, source.ErrNoArticle},
		{"/story.txt", source.Options{Format: "jsonl"}, []string{`!URL:1: not a JSON object: invalid character 'M' looking for beginning of value at byte offset 0 of the line`, "!URL:3: not a JSON object: invalid character 'G' looking for beginning of value at byte offset 0 of the line"}, source.ErrNotJSON},
		{"/app", source.Options{}, []string{"!URL: no article text found: 43 letters of text, too few for an article (want 100)"}, source.ErrNoArticle},
		{"/missing", source.Options{}, []string{"!URL: HTTP status 404 Not Found"}, source.ErrStatus},
		{"/hop/5", source.Options{}, []string{"!URL: fetch failed: stopped after 5 redirects"}, source.ErrFetch},
		{"/slow", source.Options{Timeout: 100 * time.Millisecond}, []string{"!URL: fetch failed: timed out after 100ms"}, source.ErrTimeout},
		{"/stall", source.Options{Timeout: 300 * time.Millisecond}, []string{"!URL: read error: fetch failed: timed out after 300ms"}, source.ErrTimeout},
		{"/huge", source.Options{}, []string{"!URL: article too large: 104857600 bytes, over the 16777216-byte limit"}, source.ErrTooLarge},
		{"/endless", source.Options{MaxBytes: 1 << 20}, []string{"!URL: article too large: page over the 1048576-byte limit"}, source.ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			url := srv.URL + tt.path
			start := time.Now()
			rs := readAll(t, []string{url}, tt.opt)
			if d := time.Since(start); d > 3*time.Second {
				t.Errorf("took %v", d)
			}
			var got []string
			for _, r := range rs {
				if r.err != nil {
					got = append(got, "!"+strings.ReplaceAll(r.err.Error(), url, "URL"))
					if tt.isErr != nil && !errors.Is(r.err, tt.isErr) {
						t.Errorf("%v is not %v", r.err, tt.isErr)
					}
					continue
				}
				got = append(got, r.a.Title)
				if r.a.Origin.Name != url {
					t.Errorf("origin %v, want %s", r.a.Origin, url)
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestReadURLThenFiles(t *testing.T) {
	srv := newsServer(t)
	// A failed URL is skipped: the next input is read; a page without a
	// canonical URL gets the URL it was fetched from (after redirects).
	p := write(t, t.TempDir(), "story.txt", storyB)
	rs := readAll(t, []string{srv.URL + "/missing", srv.URL + "/news/ferry", p}, source.Options{})
	if len(rs) != 3 || rs[0].err == nil || rs[1].err != nil || rs[2].err != nil || rs[2].a.Text != storyB {
		t.Fatalf("got %v", rs)
	}

	// Cancelling stops a fetch at once.
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	start := time.Now()
	var errs []error
	for _, err := range source.Read(ctx, []string{srv.URL + "/slow", p}, source.Options{}) {
		errs = append(errs, err)
	}
	if len(errs) != 1 || !errors.Is(errs[0], context.Canceled) || time.Since(start) > 2*time.Second {
		t.Errorf("cancelled: got %v after %v", errs, time.Since(start))
	}
}

func TestUserAgent(t *testing.T) {
	if ua := source.UserAgent(); !strings.HasPrefix(ua, "eventwire/") || !strings.HasSuffix(ua, " (+https://github.com/eventwire/eventwire)") {
		t.Errorf("User-Agent %q", ua)
	}
}
