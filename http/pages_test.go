package http

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/sqlite"
)

// getPage answers GET path on the fixture server.
func getPage(t *testing.T, s *Server, path string) *httptest.ResponseRecorder {
	t.Helper()
	w := httptest.NewRecorder()
	s.ServeHTTP(w, httptest.NewRequest(http.MethodGet, path, nil))
	return w
}

// fixtureRow returns the row of the fixture article whose title starts
// with prefix.
func fixtureRow(t *testing.T, prefix string) string {
	t.Helper()
	for a, err := range testDB(t).Articles(context.Background(), sqlite.ArticleFilter{}) {
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(a.Article.Title, prefix) {
			return strconv.FormatInt(a.Article.Row, 10)
		}
	}
	t.Fatalf("no fixture article titled %q...", prefix)
	return ""
}

var (
	// ownTag is every tag a page may hold that starts like a dangerous
	// one: the pages' own scripts.
	ownScript = regexp.MustCompile(`^<script (defer src="/assets/[^"]+"|type="application/json" id="[a-z-]+")>`)
	// inlineAttr is an attribute that the Content-Security-Policy would
	// block: inline style or event handler.
	inlineAttr = regexp.MustCompile(`<[^>]*\s(style|on[a-z]+)\s*=`)
)

// checkSafe fails if the page holds a script other than its own, an
// <img>, an inline style or event handler.
func checkSafe(t *testing.T, body string) {
	t.Helper()
	for i := strings.Index(body, "<script"); i >= 0; i = next(body, i, "<script") {
		if !ownScript.MatchString(body[i:]) {
			t.Errorf("foreign script at %d: %.80s", i, body[i:])
		}
	}
	if strings.Contains(body, "<img") || strings.Contains(body, `onerror="`) {
		t.Errorf("raw <img> or onerror in page")
	}
	if m := inlineAttr.FindString(body); m != "" {
		t.Errorf("inline attribute the CSP blocks: %.80s", m)
	}
}

func next(s string, i int, sub string) int {
	j := strings.Index(s[i+1:], sub)
	if j < 0 {
		return -1
	}
	return i + 1 + j
}

func TestPages(t *testing.T) {
	s := testServer(t, Options{})
	hostile := fixtureRow(t, "Minister <script>")
	first := fixtureRow(t, "Russia accuses Ukraine")
	tests := []struct {
		path   string
		status int
		want   []string // substrings of the body
	}{
		{"/", 200, []string{`id="results"`, "Russia accuses Ukraine of shelling border town", `id="quotes"`, `id="events"`, "Latest events"}},
		{"/?q=Lavrov", 200, []string{"Results for <q>Lavrov</q>", `<mark class="hit">`, "Sergei Lavrov",
			`id="actors"`, `<a class="actor-link" href="/actors/RUSGOV">Sergei Lavrov</a>`, `Quotes by speakers named <q>Lavrov</q>`,
			`Events with <span class="code">RUSGOV</span> on either side`, "Events in matching articles", `href="/events?actor=RUSGOV"`}},
		{"/?q=Shebekino", 200, []string{"Events in matching articles", "Quotes with <q>Shebekino</q>"}},
		{"/?q=nosuchwordanywhere", 200, []string{"No article matches."}},
		{"/?limit=1", 200, []string{`rel="next"`, "offset=1"}},
		{"/?limit=1&offset=1", 200, []string{`rel="prev"`}},
		{"/articles/" + first, 200, []string{
			`<span id="quote-Q2" class="quote quote-direct" data-speaker="Sergei Lavrov" title="Sergei Lavrov — told">`,
			`<a class="ent ent-person actor-link" href="/actors/RUSGOV" data-actor="RUSGOV"`,
			`<span class="trigger" data-cameo="112" title="112 ACCUSE · Russia (RUS) → Ukraine (UKR) · 2024-03-04 · Moscow">accused</span>`,
			`id="entities"`, `href="https://example.org/news/1"`}},
		{"/articles/" + hostile, 200, []string{"&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;", "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;",
			"Hostile &lt;b&gt;Wire&lt;/b&gt;", "img src=x onerror=&#34;document.title=&#39;pwned&#39;&#34;&gt;"}},
		{"/actors/RUS", 200, []string{`<h1 class="page-title">Russia <span class="code">RUS</span></h1>`, `id="people"`, `id="recent-events"`, `id="actor-chart"`, `<script type="application/json" id="actor-chart-data">`, `href="/dyads/RUS/UKR"`, "This attack will not go unanswered"}},
		{"/actors/rusgov", 200, []string{"Sergei Lavrov", `data-code="RUSGOV"`, "Russia · government <span"}},
		{"/actors/IGOUNO", 200, []string{`United Nations <span class="code">IGOUNO</span>`, `<p class="kind">intergovernmental organisation</p>`}},
		{"/dyads/RUS/UKR", 200, []string{`id="dyad-chart"`, `id="dyad-plover-chart"`, `href="/events?from=2024-03-04&amp;source=RUS&amp;target=UKR&amp;to=2024-03-10"`}},
		{"/dyads/RUS/UKR?dir=ab&interval=day", 200, []string{"RUS → UKR only", `href="/events?from=2024-03-04&amp;source=RUS&amp;target=UKR&amp;to=2024-03-04"`}},
		{"/dyads/RUS/ZZZ", 200, []string{"No dated events between RUS and ZZZ"}},
		{"/events", 200, []string{`id="events-table"`, `placeholder="phrase in the article" size="24"`, `<mark class="trigger">accused</mark>`, `href="/api/events?format=csv"`}},
		{"/events?source=RUS&target=UKR&plover=ACCUSE", 200, []string{"Shebekino", `href="/api/events?format=csv&amp;plover=ACCUSE&amp;source=RUS&amp;target=UKR"`, "<option selected>ACCUSE</option>"}},
		{"/events?limit=2&offset=2", 200, []string{"Events 3–4", `rel="prev"`, `rel="next"`}},
		{"/events?place=Geneva", 200, []string{"Geneva"}},

		{"/events?from=yesterday", 400, []string{`<code class="param">from</code>`, "yesterday", "YYYY-MM-DD"}},
		{"/events?limit=-1", 400, []string{`<code class="param">limit</code>`}},
		{"/events?%zz=1", 400, []string{`<code class="param">%zz</code>`}},
		{"/events?quad=5", 400, []string{`<code class="param">quad</code>`}},
		{"/events?source=%3Cscript%3E", 400, []string{`<code class="param">source</code>`, "&lt;script&gt;"}},
		{"/?from=2024-03-10&to=2024-03-01", 400, []string{`<code class="param">to</code>`}},
		{"/?offset=x", 400, []string{`<code class="param">offset</code>`}},
		{"/actors/R1S", 400, []string{`<code class="param">id</code>`}},
		{"/actors/---OPP", 404, []string{`data-status="404"`}}, // a valid code (no country) that the store lacks
		{"/dyads/RUS/U-A", 400, []string{`<code class="param">b</code>`}},
		{"/dyads/RUS/UKR?dir=up", 400, []string{`<code class="param">dir</code>`}},
		{"/dyads/RUS/UKR?interval=month", 400, []string{`<code class="param">interval</code>`}},
		{"/dyads/RUS/UKR?source=USA", 400, []string{`<code class="param">source</code>`}},

		{"/articles/999999", 404, []string{"404 · Not Found"}},
		{"/articles/no-such-id", 404, []string{"404 · Not Found"}},
		{"/actors/ZZZ", 404, []string{"404 · Not Found"}},
		{"/no/such/page", 404, []string{"There is no page at this address."}},
		{"/assets/nope.js", 404, []string{"404 · Not Found"}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			w := getPage(t, s, tt.path)
			body := w.Body.String()
			if w.Code != tt.status {
				t.Fatalf("status %d, want %d\n%.400s", w.Code, tt.status, body)
			}
			if ct := w.Header().Get("Content-Type"); ct != "text/html; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
			for _, want := range tt.want {
				if !strings.Contains(body, want) {
					t.Errorf("page lacks %s", want)
				}
			}
			checkSafe(t, body)
			if strings.Contains(body, "sqlite") || strings.Contains(body, "SELECT") {
				t.Errorf("page leaks internals")
			}
		})
	}
}

// TestPagesHostile checks that the hostile article's markup is shown, never
// run, on every page that shows it.
func TestPagesHostile(t *testing.T) {
	s := testServer(t, Options{})
	for _, path := range []string{"/", "/?q=policy", "/?q=pwned", "/articles/" + fixtureRow(t, "Minister <script>"), "/events?source=GBR", "/actors/GBRGOV", "/events?q=pwned"} {
		t.Run(path, func(t *testing.T) {
			w := getPage(t, s, path)
			if w.Code != 200 {
				t.Fatalf("status %d", w.Code)
			}
			body := w.Body.String()
			checkSafe(t, body)
			if !strings.Contains(body, "&lt;script&gt;") && !strings.Contains(body, "&lt;b&gt;") {
				t.Errorf("the escaped markup is not shown")
			}
		})
	}
}

func TestPageAssets(t *testing.T) {
	s := testServer(t, Options{})
	for name, a := range s.pages.assets {
		t.Run(name, func(t *testing.T) {
			w := getPage(t, s, "/assets/"+name+"?v="+a.version)
			if w.Code != 200 || !bytes.Equal(w.Body.Bytes(), a.body) {
				t.Fatalf("status %d, %d bytes, want 200, %d", w.Code, w.Body.Len(), len(a.body))
			}
			if cc := w.Header().Get("Cache-Control"); !strings.Contains(cc, "immutable") {
				t.Errorf("Cache-Control %q with the current version", cc)
			}
			if w := getPage(t, s, "/assets/"+name+"?v=old"); w.Header().Get("Cache-Control") != "no-cache" {
				t.Errorf("Cache-Control %q with an old version", w.Header().Get("Cache-Control"))
			}
		})
	}
	if w := getPage(t, s, "/favicon.ico"); w.Code != 200 || w.Header().Get("Content-Type") != "image/svg+xml" {
		t.Errorf("/favicon.ico: status %d, Content-Type %q", w.Code, w.Header().Get("Content-Type"))
	}
	for _, name := range []string{"app.js", "style.css", "favicon.svg", "vendor/htmx.min.js", "vendor/uPlot.iife.min.js", "vendor/uPlot.min.css", "vendor/htmx.LICENSE", "vendor/uPlot.LICENSE"} {
		if _, ok := s.pages.assets[name]; !ok {
			t.Errorf("asset %s not embedded", name)
		}
	}
}

// assetRef is a reference from a page to one of its assets.
var assetRef = regexp.MustCompile(`(?:src|href)="(/assets/[^"]+)"`)

// TestPageWeight measures the first page with its assets, as a browser
// without cache fetches them, with and without gzip; it fails above 200 KB
// gzipped.
func TestPageWeight(t *testing.T) {
	s := testServer(t, Options{})
	weigh := func(path string, gz bool) (raw, sent int) {
		r := httptest.NewRequest(http.MethodGet, path, nil)
		if gz {
			r.Header.Set("Accept-Encoding", "gzip")
		}
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code != 200 {
			t.Fatalf("%s: status %d", path, w.Code)
		}
		sent = w.Body.Len()
		body := w.Body.Bytes()
		if w.Header().Get("Content-Encoding") == "gzip" {
			zr, err := gzip.NewReader(w.Body)
			if err != nil {
				t.Fatal(err)
			}
			if body, err = io.ReadAll(zr); err != nil {
				t.Fatal(err)
			}
		}
		return len(body), sent
	}
	for _, gz := range []bool{false, true} {
		_, total := weigh("/", gz)
		w := getPage(t, s, "/")
		var names []string
		for _, m := range assetRef.FindAllStringSubmatch(w.Body.String(), -1) {
			_, n := weigh(strings.ReplaceAll(m[1], "&amp;", "&"), gz)
			total += n
			names = append(names, m[1])
		}
		t.Logf("first page / with %d assets, gzip %v: %d bytes (%.1f KB)", len(names), gz, total, float64(total)/1024)
		if gz && total > 200<<10 {
			t.Errorf("first page weighs %d bytes gzipped, over 200 KB", total)
		}
	}
}

func TestPageMethods(t *testing.T) {
	s := testServer(t, Options{})
	tests := []struct {
		method, path string
		status       int
		body         bool
	}{
		{http.MethodHead, "/", 200, false},
		{http.MethodHead, "/events", 200, false},
		{http.MethodPost, "/", 405, true},
		{http.MethodDelete, "/events", 405, true},
		{http.MethodPost, "/no/such/page", 405, true},
	}
	for _, tt := range tests {
		w := httptest.NewRecorder()
		s.ServeHTTP(w, httptest.NewRequest(tt.method, tt.path, nil))
		if w.Code != tt.status || (w.Body.Len() > 0) != tt.body {
			t.Errorf("%s %s: status %d, %d bytes; want %d, body %v", tt.method, tt.path, w.Code, w.Body.Len(), tt.status, tt.body)
		}
	}
}

func TestFillPeriods(t *testing.T) {
	tests := []struct {
		in   []string
		days int
		want []string
	}{
		{nil, 7, nil},
		{[]string{"2024-03-04"}, 7, []string{"2024-03-04"}},
		{[]string{"2024-03-04", "2024-03-25"}, 7, []string{"2024-03-04", "2024-03-11", "2024-03-18", "2024-03-25"}},
		{[]string{"2024-02-28", "2024-03-01"}, 1, []string{"2024-02-28", "2024-02-29", "2024-03-01"}},
		{[]string{"1990-01-01", "2024-01-01"}, 1, []string{"1990-01-01", "2024-01-01"}}, // too many: as they are
		{[]string{"bad", "2024-01-01"}, 1, []string{"bad", "2024-01-01"}},
	}
	for _, tt := range tests {
		if got := fillPeriods(tt.in, tt.days); !slices.Equal(got, tt.want) {
			t.Errorf("fillPeriods(%v, %d) = %v, want %v", tt.in, tt.days, got, tt.want)
		}
	}
}

// TestPageInternalError checks that a failing store gives the 500 page,
// with nothing of the failure in it.
func TestPageInternalError(t *testing.T) {
	db, err := sqlite.Open(context.Background(), t.TempDir()+"/closed.db", sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	s := testServer(t, Options{DB: db})
	for _, path := range []string{"/", "/articles/1", "/actors/RUS", "/dyads/RUS/UKR", "/events"} {
		w := getPage(t, s, path)
		body := w.Body.String()
		if w.Code != http.StatusInternalServerError || !strings.Contains(body, "500 · Internal Server Error") {
			t.Errorf("%s: status %d, want the 500 page\n%.300s", path, w.Code, body)
		}
		if strings.Contains(body, "closed") || strings.Contains(body, "sql") {
			t.Errorf("%s: the page shows the error: %.300s", path, body)
		}
	}
}

var chartJSON = regexp.MustCompile(`<script type="application/json" id="([a-z-]+)">(.*?)</script>`)

// TestPageCharts checks the charts' data: one value per period in every
// series, one link per period where there are links.
func TestPageCharts(t *testing.T) {
	s := testServer(t, Options{})
	tests := []struct {
		path   string
		charts int
		series int // of the first chart
		links  bool
	}{
		{"/actors/RUS", 1, 2, false},
		{"/dyads/RUS/UKR", 2, 4, true},
		{"/dyads/RUS/UKR?dir=ab&interval=day", 2, 2, true},
	}
	for _, tt := range tests {
		body := getPage(t, s, tt.path).Body.String()
		found := chartJSON.FindAllStringSubmatch(body, -1)
		if len(found) != tt.charts {
			t.Fatalf("%s: %d charts, want %d", tt.path, len(found), tt.charts)
		}
		for i, m := range found {
			var c chartData
			if err := json.Unmarshal([]byte(m[2]), &c); err != nil {
				t.Fatalf("%s: chart %s: %v", tt.path, m[1], err)
			}
			if len(c.X) == 0 || c.Step <= 0 || (i == 0 && len(c.Series) != tt.series) {
				t.Errorf("%s: chart %s: %d periods, step %d, %d series", tt.path, m[1], len(c.X), c.Step, len(c.Series))
			}
			for _, sr := range c.Series {
				if len(sr.Data) != len(c.X) {
					t.Errorf("%s: chart %s: series %q has %d values for %d periods", tt.path, m[1], sr.Label, len(sr.Data), len(c.X))
				}
			}
			if m[1] == "dyad-plover-data" && !c.Stack {
				t.Errorf("%s: chart %s is not stacked", tt.path, m[1])
			}
			if tt.links && len(c.Links) != len(c.X) {
				t.Errorf("%s: chart %s: %d links for %d periods", tt.path, m[1], len(c.Links), len(c.X))
			}
		}
	}
}

// section returns the part of body from the element with the id to the
// end of its section.
func section(body, id string) string {
	i := strings.Index(body, `id="`+id+`"`)
	if i < 0 {
		return ""
	}
	j := strings.Index(body[i:], "</section>")
	if j < 0 {
		return body[i:]
	}
	return body[i : i+j]
}

// TestActorPeople checks that the actor page lists people apart from
// the other names: Sergei Lavrov (RUSGOV) is under RUS, not one of its
// names.
func TestActorPeople(t *testing.T) {
	s := testServer(t, Options{})
	tests := []struct {
		path              string
		names, people     []string // in each section
		notNames, notPeop []string
	}{
		{"/actors/RUS", []string{"Russia", "Moscow"}, []string{"Sergei Lavrov", "(also Lavrov)"}, []string{"Lavrov"}, []string{"Moscow"}},
		{"/actors/UKR", []string{"Ukraine", "Kyiv"}, []string{"Dmytro Kuleba", "Foreign Minister", `href="/actors/UKRGOV"`}, []string{"Kuleba"}, []string{"Kyiv"}},
	}
	for _, tt := range tests {
		body := getPage(t, s, tt.path).Body.String()
		names, people := section(body, "names"), section(body, "people")
		for _, want := range tt.names {
			if !strings.Contains(names, want) {
				t.Errorf("%s: names lack %q", tt.path, want)
			}
		}
		for _, want := range tt.people {
			if !strings.Contains(people, want) {
				t.Errorf("%s: people lack %q", tt.path, want)
			}
		}
		for _, bad := range tt.notNames {
			if strings.Contains(names, bad) {
				t.Errorf("%s: names hold %q", tt.path, bad)
			}
		}
		for _, bad := range tt.notPeop {
			if strings.Contains(people, bad) {
				t.Errorf("%s: people hold %q", tt.path, bad)
			}
		}
	}
}

func TestActorName(t *testing.T) {
	s := testServer(t, Options{})
	tests := []struct {
		code, exact string
		names       []sqlite.NameCount
		name, kind  string
	}{
		{"RUS", "", []sqlite.NameCount{{Name: "Moscow", Count: 4}, {Name: "Russia", Count: 4}}, "Russia", ""},
		{"RUSGOV", "Moscow", nil, "Russia · government", ""},
		{"USAMILGOV", "", nil, "United States · military · government", ""},
		{"IGOUNO", "United Nations", []sqlite.NameCount{{Name: "UN", Count: 3}}, "United Nations", "intergovernmental organisation"},
		{"IGOUNO", "", []sqlite.NameCount{{Name: "UN", Count: 3}}, "UN", "intergovernmental organisation"},
		{"USAXYZ", "", nil, "United States", ""},
		{"ZZZ", "", nil, "", ""},
		{"ZZZ", "", []sqlite.NameCount{{Name: "Zed", Count: 1}}, "Zed", ""},
	}
	for _, tt := range tests {
		name, kind := s.actorName(tt.code, tt.exact, tt.names)
		if name != tt.name || kind != tt.kind {
			t.Errorf("actorName(%s, %q) = %q, %q; want %q, %q", tt.code, tt.exact, name, kind, tt.name, tt.kind)
		}
	}
}

func TestNamesMatch(t *testing.T) {
	tests := []struct {
		name, query string
		want        bool
	}{
		{"Sergei Lavrov", "Lavrov", true},
		{"Sergei Lavrov", "sergei  LAVROV", true},
		{"Sergei Lavrov", "Lav", false},
		{"Sergei Lavrov", "Lavrov Sergei", false},
		{"Sergei Lavrov", "", false},
		{"al-Assad", "Assad", true},
		{"Lavrov", "Sergei Lavrov", false},
	}
	for _, tt := range tests {
		if got := namesMatch(nameWords(tt.name), nameWords(tt.query)); got != tt.want {
			t.Errorf("namesMatch(%q, %q) = %v", tt.name, tt.query, got)
		}
	}
}

func TestShortFor(t *testing.T) {
	tests := []struct {
		short, long string
		want        bool
	}{
		{"Lavrov", "Sergei Lavrov", true},
		{"Sergei", "Sergei Lavrov", false},
		{"Sergei Lavrov", "Sergei Lavrov", false},
		{"", "Sergei Lavrov", false},
	}
	for _, tt := range tests {
		if got := shortFor(nameWords(tt.short), nameWords(tt.long)); got != tt.want {
			t.Errorf("shortFor(%q, %q) = %v", tt.short, tt.long, got)
		}
	}
}

func TestFirstLine(t *testing.T) {
	long := strings.Repeat("word ", 30)
	tests := []struct{ in, want string }{
		{"", ""},
		{"\n\n  Title here  \nBody.", "Title here"},
		{"One\tline  only", "One line only"},
		{long, strings.TrimSpace(strings.Repeat("word ", 20)) + "…"},
		{strings.Repeat("é", 150), strings.Repeat("é", 100) + "…"},
	}
	for _, tt := range tests {
		if got := firstLine(tt.in); got != tt.want {
			t.Errorf("firstLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestTitler checks that an untitled article gets the first line of its
// text as its title, read from the store.
func TestTitler(t *testing.T) {
	s := testServer(t, Options{})
	row, err := strconv.ParseInt(fixtureRow(t, "U.N. Envoy"), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		ref   sqlite.ArticleRef
		start string
		want  string
	}{
		{sqlite.ArticleRef{Row: row}, "", "U.N. Envoy Says Yemen Truce Talks to Resume in Geneva Next Week"},
		{sqlite.ArticleRef{Row: row, Title: "Kept"}, "", "Kept"},
		{sqlite.ArticleRef{Row: 999999}, "Its start", "Its start"},
		{sqlite.ArticleRef{Row: 999998}, "…the middle", ""},
	}
	ti := newTitler(s)
	for _, tt := range tests {
		ref := tt.ref
		ti.fill(context.Background(), &ref, tt.start)
		if ref.Title != tt.want {
			t.Errorf("row %d: title %q, want %q", tt.ref.Row, ref.Title, tt.want)
		}
	}
}
