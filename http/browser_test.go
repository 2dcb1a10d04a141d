package http

import (
	"context"
	"encoding/json"
	"fmt"
	nethttp "net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/eventwire/eventwire/sqlite"
)

// The browser tests drive a headless Chromium against the server on a
// loopback port. They skip when no Chromium is found, unless the
// environment variable CI is set: then they fail.

// maxFirstPage is the most the first page (/) and its assets may weigh on
// the wire, headers included.
const maxFirstPage = 200 << 10

// browser is one Chromium shared by the subtests of a test.
type browser struct {
	ctx   context.Context // a chromedp context that has run: the browser is up
	base  string          // the server's URL
	shots string          // where screenshots go
}

// chromiumPath finds the browser: $CHROMIUM, /usr/bin/chromium or
// chromium in PATH; "" when none.
func chromiumPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	p, _ := exec.LookPath("chromium")
	return p
}

// newBrowser starts Chromium with a fresh profile and a server on the
// fixture store; both stop when t ends.
func newBrowser(t *testing.T) *browser {
	t.Helper()
	path := chromiumPath()
	if path == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("no Chromium ($CHROMIUM, /usr/bin/chromium, chromium in PATH): CI requires the browser tests; .ci/run installs it")
		}
		t.Skip("no Chromium ($CHROMIUM, /usr/bin/chromium, chromium in PATH): skipping the browser tests")
	}
	shots := os.Getenv("EVENTWIRE_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	} else if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })

	// Chromium starts while the fixture store is built.
	start := time.Now()
	started := make(chan error, 1)
	go func() {
		err := chromedp.Do(ctx)
		t.Logf("Chromium %s started in %v", path, time.Since(start).Round(time.Millisecond))
		started <- err
	}()
	srv := httptest.NewServer(testServer(t, Options{}))
	t.Cleanup(srv.Close)
	t.Logf("fixture server ready in %v", time.Since(start).Round(time.Millisecond))
	if err := <-started; err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}
	return &browser{ctx: ctx, base: srv.URL, shots: shots}
}

// tab is one browser tab. It records what goes wrong on its pages
// (exceptions, console errors, error log entries such as CSP violations
// and failed loads) and the bytes its requests transferred.
type tab struct {
	b   *browser
	ctx context.Context

	mu       sync.Mutex
	problems []string
	bytes    float64                      // encoded bytes of finished requests since reset
	inflight map[network.RequestID]string // URL of each request not finished
}

// newTab opens a tab; when t ends the tab closes and t fails if any page
// of it had an error.
func (b *browser) newTab(t *testing.T) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx)
	t.Cleanup(cancel)
	tb := &tab{b: b, ctx: ctx, inflight: map[network.RequestID]string{}}
	if err := chromedp.Listen(ctx, tb.event); err != nil {
		t.Fatal(err)
	}
	// The page's own report of CSP violations, as a console error.
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));`,
	}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for _, p := range tb.takeProblems() {
			t.Errorf("browser: %s", p)
		}
	})
	return tb
}

// event is the tab's listener: it must return fast and call no command.
func (tb *tab) event(ev any) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	switch e := ev.(type) {
	case *runtime.EventExceptionThrown:
		d := e.ExceptionDetails
		msg := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			msg += " " + strings.SplitN(d.Exception.Description, "\n", 2)[0]
		}
		tb.problems = append(tb.problems, fmt.Sprintf("exception at %s:%d: %s", d.URL, d.LineNumber+1, msg))
	case *runtime.EventConsoleAPICalled:
		if e.Type != runtime.ConsoleAPICalledTypeError && e.Type != runtime.ConsoleAPICalledTypeAssert {
			return
		}
		var args []string
		for _, a := range e.Args {
			if len(a.Value) > 0 {
				var s string
				if json.Unmarshal(a.Value, &s) == nil {
					args = append(args, s)
					continue
				}
				args = append(args, string(a.Value))
				continue
			}
			args = append(args, a.Description)
		}
		tb.problems = append(tb.problems, "console."+string(e.Type)+": "+strings.Join(args, " "))
	case *log.EventEntryAdded:
		if e.Entry.Level == log.EntryLevelError {
			tb.problems = append(tb.problems, fmt.Sprintf("log (%s): %s %s", e.Entry.Source, e.Entry.Text, e.Entry.URL))
		}
	case *network.EventRequestWillBeSent:
		tb.inflight[e.RequestID] = e.Request.URL
	case *network.EventLoadingFinished:
		tb.bytes += e.EncodedDataLength
		delete(tb.inflight, e.RequestID)
	case *network.EventLoadingFailed:
		if !e.Canceled {
			tb.problems = append(tb.problems, fmt.Sprintf("loading %s failed: %s %s", tb.inflight[e.RequestID], e.ErrorText, e.BlockedReason))
		}
		delete(tb.inflight, e.RequestID)
	}
}

// takeProblems returns the problems seen so far and forgets them.
func (tb *tab) takeProblems() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	p := tb.problems
	tb.problems = nil
	return p
}

// run runs the actions with a time limit, failing t on error.
func (tb *tab) run(t *testing.T, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 10*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression (DevTools evaluation: the page's
// CSP does not apply) and decodes its value into a T.
func eval[T any](t *testing.T, tb *tab, expr string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 10*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %.60q: %v", expr, err)
	}
	return v
}

// open loads the page at path (relative to the server) and waits for its
// network to be idle.
func (tb *tab) open(t *testing.T, path string) {
	t.Helper()
	tb.run(t, "loading "+path, chromedp.Navigate(tb.b.base+path))
	tb.waitIdle(t)
}

// waitIdle waits until no request of the tab has been in flight for 100 ms.
func (tb *tab) waitIdle(t *testing.T) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	quiet := 0
	for quiet < 2 {
		if time.Now().After(deadline) {
			tb.mu.Lock()
			t.Fatalf("requests still in flight after 5 s: %v", tb.inflight)
			tb.mu.Unlock()
		}
		time.Sleep(50 * time.Millisecond)
		tb.mu.Lock()
		if len(tb.inflight) == 0 {
			quiet++
		} else {
			quiet = 0
		}
		tb.mu.Unlock()
	}
}

// resetBytes starts a new count of transferred bytes and returns the last.
func (tb *tab) resetBytes() float64 {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	n := tb.bytes
	tb.bytes = 0
	return n
}

// shot saves a screenshot of the whole page as NAME.png.
func (tb *tab) shot(t *testing.T, name string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 10*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	path := filepath.Join(tb.b.shots, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot %s (%d KB)", path, len(png)>>10)
}

// poll evaluates expr every 50 ms until it returns true, failing t after
// 5 s with what.
func (tb *tab) poll(t *testing.T, what, expr string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !eval[bool](t, tb, expr) {
		if time.Now().After(deadline) {
			t.Fatalf("after 5 s: %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// canvasInk is what a canvas holds: its size, the pixels drawn (alpha not
// 0) and among them the coloured ones (not grey: a series, not an axis).
type canvasInk struct {
	Found                bool
	Width, Height        int
	Ink, Colour, Colours int
}

// canvasJS reads back the pixels of the canvas the CSS selector %q finds.
const canvasJS = `(() => {
	const c = document.querySelector(%q);
	if (!c) return {Found: false};
	const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
	let ink = 0, colour = 0; const colours = new Set();
	for (let i = 0; i < d.length; i += 4) {
		if (d[i+3] === 0) continue;
		ink++;
		if (Math.max(d[i], d[i+1], d[i+2]) - Math.min(d[i], d[i+1], d[i+2]) > 60) {
			colour++; colours.add((d[i] >> 5) << 6 | (d[i+1] >> 5) << 3 | d[i+2] >> 5);
		}
	}
	return {Found: true, Width: c.width, Height: c.height, Ink: ink, Colour: colour, Colours: colours.size};
})()`

// chartDrawn waits until the canvas at sel has coloured pixels (a series
// drawn, not only axes) and returns what it holds.
func (tb *tab) chartDrawn(t *testing.T, sel string) canvasInk {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		ink := eval[canvasInk](t, tb, fmt.Sprintf(canvasJS, sel))
		if ink.Found && ink.Colour > 0 {
			t.Logf("%s: %dx%d, %d pixels drawn, %d coloured (%d colours)", sel, ink.Width, ink.Height, ink.Ink, ink.Colour, ink.Colours)
			return ink
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s not drawn after 5 s: %+v", sel, ink)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestBrowser drives Chromium through the pages on the fixture store.
func TestBrowser(t *testing.T) {
	start := time.Now()
	b := newBrowser(t)
	t.Cleanup(func() { t.Logf("browser test took %v", time.Since(start).Round(time.Millisecond)) })

	ids := fixtureIDs(t)

	// The first page, on an empty cache: its weight on the wire.
	t.Run("FirstPage", func(t *testing.T) {
		tb := b.newTab(t)
		if _, err := chromedp.Call(tb.ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
			t.Fatal(err)
		}
		tb.resetBytes()
		tb.open(t, "/")
		n := tb.resetBytes()
		t.Logf("first page / with its assets: %.1f KB transferred (limit %d KB)", n/1024, maxFirstPage>>10)
		if n > maxFirstPage {
			t.Errorf("first page / transferred %.0f bytes, over %d", n, maxFirstPage)
		}
		// The same without compression, for the record.
		if _, err := chromedp.Call(tb.ctx, network.SetExtraHTTPHeaders, network.SetExtraHTTPHeadersParams{Headers: network.Headers{"Accept-Encoding": "identity"}}); err != nil {
			t.Fatal(err)
		}
		tb.open(t, "/")
		t.Logf("first page / without compression: %.1f KB transferred", tb.resetBytes()/1024)
		tb.shot(t, "search-empty")
	})

	// A search typed in the box: results in three groups, the URL follows
	// the search, and a result leads to its article.
	t.Run("Search", func(t *testing.T) {
		tb := b.newTab(t)
		tb.open(t, "/")
		tb.run(t, "typing a search",
			chromedp.SendKeys(chromedp.CSS(`input[name="q"]`), "Lavrov\r"),
		)
		tb.poll(t, "no results for Lavrov", `(document.querySelector('h1')?.innerText ?? '').includes('Lavrov')`)
		// The box also searches as one types, 400 ms after the last key:
		// let that request end too before reading the page.
		time.Sleep(500 * time.Millisecond)
		tb.waitIdle(t)
		if loc := eval[string](t, tb, `location.search`); !strings.Contains(loc, "q=Lavrov") {
			t.Errorf("after the search the URL's query is %q, want q=Lavrov in it", loc)
		}
		for _, c := range []struct{ group, want string }{
			{"#articles", "Russia accuses Ukraine of shelling border town"},
			{"#quotes", "This attack will not go unanswered"},
			{"#events", "ACCUSE"},
		} {
			if text := eval[string](t, tb, fmt.Sprintf(`document.querySelector(%q)?.innerText ?? ''`, c.group)); !strings.Contains(text, c.want) {
				t.Errorf("the search's %s group lacks %q", c.group, c.want)
			}
		}
		tb.shot(t, "search-lavrov")
		tb.run(t, "following the first article result",
			chromedp.Click(chromedp.CSS(`#articles a.article-link`)),
			chromedp.WaitVisible(chromedp.CSS(`.quote[data-speaker]`)),
		)
		if path := eval[string](t, tb, `location.pathname`); !strings.HasPrefix(path, "/articles/") {
			t.Errorf("the result led to %s", path)
		}
	})

	// The article page: quotes show their speaker on hover, and an actor
	// link leads to an actor page with its chart drawn.
	t.Run("Article", func(t *testing.T) {
		tb := b.newTab(t)
		id := ids["Russia accuses Ukraine of shelling border town"]
		tb.open(t, "/articles/"+id)
		tb.run(t, "waiting for the highlights", chromedp.WaitVisible(chromedp.CSS(`.quote[data-speaker]`)))

		// Hover the first quote of Lavrov: a mouse move to a point inside
		// its first line box.
		at := eval[struct{ X, Y float64 }](t, tb, `(() => {
			const q = [...document.querySelectorAll('.quote[data-speaker]')].find(e => e.dataset.speaker.includes('Lavrov'));
			if (!q) return null;
			q.scrollIntoView({block: 'center'});
			const r = q.getClientRects()[0];
			return {X: r.left + Math.min(r.width / 2, 40), Y: r.top + r.height / 2};
		})()`)
		tb.run(t, "hovering a quote", chromedp.MouseEvent(chromedp.MouseMoved, at.X, at.Y))
		tb.poll(t, "the hovered quote does not show Sergei Lavrov", fmt.Sprintf(speakerShownJS, "Sergei Lavrov"))
		tb.shot(t, "article-hover")

		// Event triggers carry their codes.
		if n := eval[int](t, tb, `[...document.querySelectorAll('#article-text .trigger[data-cameo]')].filter(e => e.title.includes('112')).length`); n == 0 {
			t.Error("no event trigger in the text shows CAMEO 112 (accuse)")
		}

		// Follow the link to an actor.
		tb.run(t, "following the link of Russia in the text",
			chromedp.Click(chromedp.CSS(`#article-text a.actor-link[href="/actors/RUS"]`)),
			chromedp.WaitVisible(chromedp.CSS(`#actor-chart canvas`)),
		)
		if path := eval[string](t, tb, `location.pathname`); path != "/actors/RUS" {
			t.Errorf("the actor link led to %s", path)
		}
		tb.waitIdle(t)
		tb.chartDrawn(t, "#actor-chart canvas")
		tb.shot(t, "actor-rus")
	})

	t.Run("Dyad", func(t *testing.T) {
		tb := b.newTab(t)
		tb.open(t, "/dyads/RUS/UKR")
		tb.chartDrawn(t, "#dyad-chart canvas")
		tb.shot(t, "dyad-rus-ukr")
		tb.run(t, "following a period to its evidence",
			chromedp.Click(chromedp.CSS(`a.period-link`)),
			chromedp.WaitVisible(chromedp.CSS(`table tbody tr`)),
		)
		if q := eval[string](t, tb, `location.search`); !strings.Contains(q, "source=RUS") || !strings.Contains(q, "target=UKR") || !strings.Contains(q, "from=") {
			t.Errorf("the period link went to /events%s, want source=RUS, target=UKR and from=", q)
		}
	})

	t.Run("Events", func(t *testing.T) {
		tb := b.newTab(t)
		tb.open(t, "/events?source=RUS&target=UKR")
		rows := eval[int](t, tb, `document.querySelectorAll('table tbody tr').length`)
		if rows == 0 {
			t.Error("no event rows for RUS→UKR")
		}
		csv := eval[struct{ Href, Type string }](t, tb, `(async () => {
			const a = document.querySelector('a[href*="format=csv"]');
			if (!a) return {Href: '', Type: ''};
			const r = await fetch(a.href);
			return {Href: a.getAttribute('href'), Type: r.headers.get('Content-Type') || ''};
		})()`)
		switch {
		case csv.Href == "":
			t.Error("no CSV download link")
		case !strings.Contains(csv.Href, "source=RUS") || !strings.Contains(csv.Href, "target=UKR"):
			t.Errorf("the CSV link %q drops the filter", csv.Href)
		case !strings.HasPrefix(csv.Type, "text/csv"):
			t.Errorf("the CSV link answers %q", csv.Type)
		}
		t.Logf("%d rows; CSV link %s", rows, csv.Href)
		tb.shot(t, "events-rus-ukr")
	})

	// The hostile article: its markup is shown as text and never runs.
	t.Run("Hostile", func(t *testing.T) {
		tb := b.newTab(t)
		id := ""
		for title, i := range ids {
			if strings.Contains(title, "<script>") {
				id = i
			}
		}
		tb.open(t, "/articles/"+id)
		time.Sleep(100 * time.Millisecond) // time for an onerror to fire
		got := eval[struct {
			Title            string
			Scripts, OnError int
			Body             string
		}](t, tb, `({
			Title: document.title,
			Scripts: [...document.scripts].filter(s => !s.src || !new URL(s.src).pathname.startsWith('/assets/')).filter(s => s.type !== 'application/json').length,
			OnError: document.querySelectorAll('[onerror], img[src="x"]').length,
			Body: document.body.innerText,
		})`)
		if got.Title == "pwned" {
			t.Error("the article's script ran: document.title is 'pwned'")
		}
		if got.Scripts != 0 || got.OnError != 0 {
			t.Errorf("the article's markup is in the DOM: %d scripts not from /assets/, %d onerror elements", got.Scripts, got.OnError)
		}
		for _, want := range []string{"<script>document.title='pwned'</script>", `<img src=x onerror="document.title='pwned'">`} {
			if !strings.Contains(got.Body, want) {
				t.Errorf("the page does not show %q as text", want)
			}
		}
		tb.shot(t, "article-hostile")
	})

	// The checks below must be able to fail: an inline script (refused by
	// the CSP), a missing image and a console error must each be caught.
	t.Run("Harness", func(t *testing.T) {
		bad := httptest.NewServer(nethttp.HandlerFunc(func(w nethttp.ResponseWriter, r *nethttp.Request) {
			if r.URL.Path != "/" {
				nethttp.NotFound(w, r)
				return
			}
			w.Header().Set("Content-Security-Policy", "default-src 'self'; script-src 'self'")
			fmt.Fprint(w, `<!doctype html><title>bad</title><img src="/missing.png"><script>document.title = 'ran'</script>`)
		}))
		defer bad.Close()
		tb := b.newTab(t)
		tb.run(t, "loading a bad page", chromedp.Navigate(bad.URL))
		tb.waitIdle(t)
		tb.run(t, "console error", chromedp.Evaluate[chromedp.Void](`console.error('deliberate')`))
		if title := eval[string](t, tb, `document.title`); title != "bad" {
			t.Errorf("the inline script ran: title %q", title)
		}
		got := strings.Join(tb.takeProblems(), "\n")
		for _, want := range []string{"CSP violation: script-src", "missing.png", "deliberate"} {
			if !strings.Contains(got, want) {
				t.Errorf("the harness missed %q; it saw:\n%s", want, got)
			}
		}
		t.Logf("the harness saw:\n%s", got)
	})
}

// speakerShownJS is true when a hovered quote shows the speaker %q: in
// the ::after or ::before content of the quote, or in a visible tooltip
// element.
const speakerShownJS = `((name) => {
	const q = document.querySelector('.quote:hover');
	if (!q) return false;
	for (const pseudo of ['::after', '::before']) {
		const st = getComputedStyle(q, pseudo);
		if (st.content.includes(name) && st.display !== 'none' && st.visibility !== 'hidden' && st.opacity !== '0') return true;
	}
	return [...document.querySelectorAll('[role="tooltip"], .tooltip')].some(e => e.offsetParent !== null && e.innerText.includes(name));
})(%[1]q)`

// fixtureIDs maps the fixture's article titles to their record ids.
func fixtureIDs(t *testing.T) map[string]string {
	t.Helper()
	ids := map[string]string{}
	for r, err := range testDB(t).Records(context.Background(), sqlite.EventFilter{}) {
		if err != nil {
			t.Fatal(err)
		}
		ids[r.Title] = r.ID
	}
	return ids
}
