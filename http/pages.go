package http

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"math"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/event"
	"github.com/eventwire/eventwire/sqlite"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed assets/app.js assets/style.css assets/favicon.svg assets/vendor
var assetFS embed.FS

// pages holds the parsed templates and embedded assets.
type pages struct {
	tmpl   map[string]*template.Template // by page name: "search", "article", ...
	assets map[string]asset              // by path under /assets/
}

// asset is one embedded file served under /assets/.
type asset struct {
	body        []byte
	contentType string
	version     string // a hash of body: the ?v= of its URLs
}

// pageNames are the templates that are whole pages; each is parsed with
// layout.html.
var pageNames = []string{"search", "article", "actor", "dyad", "events", "error"}

func newPages() (*pages, error) {
	p := &pages{tmpl: map[string]*template.Template{}, assets: map[string]asset{}}
	err := fs.WalkDir(assetFS, "assets", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := assetFS.ReadFile(name)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(body)
		ct := "text/plain; charset=utf-8" // the licences
		switch path.Ext(name) {
		case ".js":
			ct = "text/javascript; charset=utf-8"
		case ".css":
			ct = "text/css; charset=utf-8"
		case ".svg":
			ct = "image/svg+xml"
		}
		p.assets[strings.TrimPrefix(name, "assets/")] = asset{body: body, contentType: ct, version: hex.EncodeToString(sum[:6])}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("http: assets: %w", err)
	}
	funcs := template.FuncMap{
		"asset": func(name string) (string, error) {
			a, ok := p.assets[name]
			if !ok {
				return "", fmt.Errorf("no asset %q", name)
			}
			return "/assets/" + name + "?v=" + a.version, nil
		},
		"actorURL": actorURL,
		"linkable": linkable,
		"dyadURL": func(a, b string) string {
			return "/dyads/" + url.PathEscape(a) + "/" + url.PathEscape(b)
		},
		"articleURL": func(row int64) string { return "/articles/" + strconv.FormatInt(row, 10) },
		"marks":      highlightSpans,
		"evidence":   evidence,
		"eventLine":  eventTitle,
		"sideName":   sideName,
		"signed":     func(f float64) string { return fmt.Sprintf("%+.1f", f) },
		"tone":       tone,
		"lower":      strings.ToLower,
		"deref": func(s *string) string {
			if s == nil {
				return ""
			}
			return *s
		},
		"add": func(a, b int) int { return a + b },
	}
	for _, name := range pageNames {
		t, err := template.New(name).Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("http: templates: %w", err)
		}
		p.tmpl[name] = t
	}
	return p, nil
}

// routePages registers the web pages and their assets.
func (s *Server) routePages(mux *http.ServeMux) {
	mux.HandleFunc("GET /{$}", s.searchPage)
	mux.HandleFunc("GET /articles/{id}", s.articlePage)
	mux.HandleFunc("GET /actors/{id}", s.actorPage)
	mux.HandleFunc("GET /dyads/{a}/{b}", s.dyadPage)
	mux.HandleFunc("GET /events", s.eventsPage)
	mux.HandleFunc("GET /assets/{name...}", s.assetFile)
	mux.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) {
		r.SetPathValue("name", "favicon.svg")
		s.assetFile(w, r)
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			s.pageError(w, r, &statusError{status: http.StatusMethodNotAllowed, msg: "Pages answer GET only."})
			return
		}
		s.pageError(w, r, &statusError{status: http.StatusNotFound, msg: "There is no page at this address."})
	})
}

// pageData is what every page template gets: the layout's fields and the
// page's own data.
type pageData struct {
	Title  string // the <title>, before " · eventwire"
	Nav    string // the current nav item: "search" or "events"
	Query  string // the header search box
	Charts bool   // load uPlot
	Data   any
}

// render executes the page template name with p and writes it with
// status; a failure to execute is a 500 page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, p pageData) {
	var buf bytes.Buffer
	if err := s.pages.tmpl[name].ExecuteTemplate(&buf, "layout", p); err != nil {
		if name == "error" {
			noteError(w, err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		s.pageError(w, r, fmt.Errorf("template %s: %w", name, err))
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(buf.Bytes())
	}
}

// errorData is the error page's data.
type errorData struct {
	Status  int
	Heading string
	Message string
	Param   string // the bad parameter, for a 400
	Value   string // its value as given (cut to maxShown bytes)
	Want    string // what a good value looks like
}

// maxShown is the most of a bad parameter's value an error page shows.
const maxShown = 120

// pageError answers with the error page for err: 400 naming the bad
// parameter, 404, 503 on a timeout, 500 without internals (see
// errorStatus).
func (s *Server) pageError(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := s.errorStatus(w, err)
	d := errorData{Status: status, Heading: http.StatusText(status), Message: msg}
	var pe *paramError
	if errors.As(err, &pe) {
		d.Heading, d.Param, d.Value, d.Want = "Bad parameter", pe.Name, pe.Value, pe.Want
		if len(d.Value) > maxShown {
			d.Value = strings.ToValidUTF8(d.Value[:maxShown], "") + "…"
		}
	}
	if status == http.StatusNotFound && errors.Is(err, sqlite.ErrNotFound) {
		d.Message = "The store holds nothing under this address."
	}
	q := ""
	if status == http.StatusBadRequest {
		q = r.URL.Query().Get("q")
	}
	s.render(w, r, status, "error", pageData{Title: strconv.Itoa(status) + " " + d.Heading, Query: q, Data: d})
}

// assetFile serves an embedded asset. A URL with the asset's current
// version (?v=, as the pages link them) may be cached for a year.
func (s *Server) assetFile(w http.ResponseWriter, r *http.Request) {
	a, ok := s.pages.assets[r.PathValue("name")]
	if !ok {
		s.pageError(w, r, &statusError{status: http.StatusNotFound, msg: "There is no such file."})
		return
	}
	h := w.Header()
	h.Set("Content-Type", a.contentType)
	h.Set("ETag", `"`+a.version+`"`)
	if r.URL.Query().Get("v") == a.version {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(a.body))
}

// Search page.

type searchData struct {
	Query    string
	Articles []sqlite.ArticleResult
	Quotes   []sqlite.QuoteResult
	// QuotesBy is set when the quotes are those of speakers the query
	// names, else they are the quotes whose words hold it.
	QuotesBy bool
	// Actors are the actor codes of the entities the query names: the
	// speakers of the quotes found, the sides of the events found.
	Actors []actorHit
	// ActorEvents are the events with Actors[0] on either side.
	ActorEvents []sqlite.EventResult
	// Events are the events of the articles that hold the query (the
	// latest events without a query).
	Events     []sqlite.EventResult
	More       string // the next page of articles, "" when none
	Prev       string
	Offset     int
	MoreEvents string // the events page of the search
	MoreActor  string // the events page of Actors[0]
}

// actorHit is an actor code that a search names, with the names of the
// entities coded so that matched it.
type actorHit struct {
	Code    string
	Names   []string
	Speaker bool // one of the names is a quote's speaker
}

// Lists on the search page.
const (
	searchArticles    = 20
	searchQuotes      = 10
	searchEvents      = 15
	searchActorEvents = 10
	searchActors      = 6
)

// searchPage answers / : articles, quotes and events for the query q (the
// latest without one). With a query it asks the store at most five
// times, each for a short list: the articles, the quotes of speakers it
// names, then either the record of the first such quote's article (for
// the speaker's actor code) or the quotes holding the query, the events
// of the articles holding it, and the events of the first actor it names.
func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) {
	q, err := queryValues(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if q.Get("limit") == "" {
		q.Set("limit", strconv.Itoa(searchArticles))
	}
	af, err := articleFilter(q)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	ctx := r.Context()
	d := searchData{Query: af.Text, Offset: af.Offset}
	limit := af.Limit
	af.Limit++
	if d.Articles, err = gather(s.opt.DB.Articles(ctx, af)); err != nil {
		s.pageError(w, r, err)
		return
	}
	d.Articles, d.Prev, d.More = pageLinks(d.Articles, limit, af.Offset, r.URL)
	if af.Offset == 0 {
		if err := s.searchSide(ctx, &d); err != nil {
			s.pageError(w, r, err)
			return
		}
	}
	titles := newTitler(s)
	for i := range d.Articles {
		titles.fill(ctx, &d.Articles[i].Article, d.Articles[i].Snippet)
	}
	for i := range d.Quotes {
		titles.fill(ctx, &d.Quotes[i].Article, "")
	}
	title := "Search"
	if af.Text != "" {
		title = af.Text
	}
	s.render(w, r, http.StatusOK, "search", pageData{Title: title, Nav: "search", Query: af.Text, Data: d})
}

// searchSide fills the side groups of the search page: quotes, actors
// and events.
func (s *Server) searchSide(ctx context.Context, d *searchData) error {
	text := d.Query
	db := s.opt.DB
	var err error
	if text == "" {
		if d.Quotes, err = gather(db.Quotes(ctx, sqlite.QuoteFilter{Newest: true, Limit: searchQuotes})); err != nil {
			return err
		}
		d.Events, err = gather(db.Events(ctx, sqlite.EventFilter{Newest: true, Limit: searchEvents}))
		d.MoreEvents = "/events"
		return err
	}
	// The quotes of speakers the query names; else those that hold it.
	if d.Quotes, err = gather(db.Quotes(ctx, sqlite.QuoteFilter{Speaker: text, Newest: true, Limit: searchQuotes})); err != nil {
		return err
	}
	words := nameWords(text)
	hits := map[string]*actorHit{}
	var order []string // codes in the order found
	addHit := func(code, name string, speaker bool) {
		if !linkable(code) || !namesMatch(nameWords(name), words) {
			return
		}
		h := hits[code]
		if h == nil {
			if len(hits) == searchActors {
				return
			}
			h = &actorHit{Code: code}
			hits[code] = h
			order = append(order, code)
		}
		h.Speaker = h.Speaker || speaker
		if !slices.Contains(h.Names, name) {
			h.Names = append(h.Names, name)
		}
	}
	if len(d.Quotes) > 0 {
		d.QuotesBy = true
		// The speaker's actor code is in its article's record: read that
		// of a quote of the speaker named most often (the fullest name,
		// as a rule: "Sergei Lavrov" rather than "Lavrov").
		named := map[string]int{}
		first := d.Quotes[0]
		for _, q := range d.Quotes {
			if sp := q.Quote.Speaker; sp != nil {
				named[sp.Name]++
				if first.Quote.Speaker == nil || named[sp.Name] > named[first.Quote.Speaker.Name] {
					first = q
				}
			}
		}
		_, rec, err := db.Article(ctx, strconv.FormatInt(first.Article.Row, 10))
		if err != nil && !errors.Is(err, sqlite.ErrNotFound) {
			return err
		}
		speakers := map[string]bool{}
		for _, q := range d.Quotes {
			if q.Article.Row == first.Article.Row && q.Quote.Speaker != nil {
				speakers[q.Quote.Speaker.Entity] = true
			}
		}
		for _, e := range rec.Entities {
			if e.Actor != nil {
				addHit(e.Actor.Code, e.Name, speakers[e.ID])
			}
		}
	} else if d.Quotes, err = gather(db.Quotes(ctx, sqlite.QuoteFilter{Text: text, Newest: true, Limit: searchQuotes})); err != nil {
		return err
	}
	if d.Events, err = gather(db.Events(ctx, sqlite.EventFilter{Text: text, Newest: true, Limit: searchEvents})); err != nil {
		return err
	}
	for _, e := range d.Events {
		for _, side := range []*eventwire.EventActor{e.Event.Source, e.Event.Target} {
			if side != nil {
				addHit(side.Actor, side.Name, false)
			}
		}
	}
	for _, code := range order {
		d.Actors = append(d.Actors, *hits[code])
	}
	// Speakers first: a person the query names rather than a place in
	// the same articles.
	slices.SortStableFunc(d.Actors, func(a, b actorHit) int {
		if a.Speaker != b.Speaker {
			if a.Speaker {
				return -1
			}
			return 1
		}
		return 0
	})
	d.MoreEvents = "/events?" + url.Values{"q": {text}}.Encode()
	if len(d.Actors) > 0 {
		code := d.Actors[0].Code
		if d.ActorEvents, err = gather(db.Events(ctx, sqlite.EventFilter{Actor: code, Newest: true, Limit: searchActorEvents})); err != nil {
			return err
		}
		d.MoreActor = "/events?" + url.Values{"actor": {code}}.Encode()
	}
	return nil
}

// nameWords are the words of a name or query, in lower case, for
// namesMatch.
func nameWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// namesMatch reports whether the words of a query appear in a name's
// words, in a row: "lavrov" and "sergei lavrov" are in "Sergei Lavrov",
// "lav" is not.
func namesMatch(name, query []string) bool {
	if len(query) == 0 || len(query) > len(name) {
		return false
	}
	for i := 0; i+len(query) <= len(name); i++ {
		if slices.Equal(name[i:i+len(query)], query) {
			return true
		}
	}
	return false
}

// maxTitleLookups caps the records a page reads to title untitled
// articles.
const maxTitleLookups = 8

// titler gives untitled articles a title: the first line of their text.
type titler struct {
	s       *Server
	known   map[int64]string
	lookups int
}

func newTitler(s *Server) *titler { return &titler{s: s, known: map[int64]string{}} }

// fill sets the title of an untitled article to the first line of its
// text, read from the store (at most maxTitleLookups records a page),
// else to its start (a snippet that starts the text: not "…").
func (t *titler) fill(ctx context.Context, a *sqlite.ArticleRef, start string) {
	if a.Title != "" {
		return
	}
	if title, ok := t.known[a.Row]; ok {
		a.Title = title
		return
	}
	if t.lookups < maxTitleLookups {
		t.lookups++
		if _, rec, err := t.s.opt.DB.Article(ctx, strconv.FormatInt(a.Row, 10)); err == nil {
			a.Title = firstLine(rec.Text)
		}
	}
	if a.Title == "" && !strings.HasPrefix(start, "…") {
		a.Title = firstLine(start)
	}
	t.known[a.Row] = a.Title
}

// maxTitle is the most code points of a title made from a text.
const maxTitle = 100

// firstLine is the first non-blank line of text, cut at a word boundary
// to about maxTitle code points (with "…").
func firstLine(text string) string {
	text = strings.TrimSpace(text)
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		text = strings.TrimSpace(text[:i])
	}
	text = strings.Join(strings.Fields(text), " ")
	r := []rune(text)
	if len(r) <= maxTitle {
		return text
	}
	cut := maxTitle
	for i := maxTitle; i > maxTitle/2; i-- {
		if r[i] == ' ' {
			cut = i
			break
		}
	}
	return strings.TrimRight(string(r[:cut]), " ,;:-–—") + "…"
}

// pageLinks cuts items, fetched with one more than limit to tell whether
// there is a next page, to limit, and returns the links to the previous
// and next pages of u ("" when there is none).
func pageLinks[T any](items []T, limit, offset int, u *url.URL) (kept []T, prev, next string) {
	if len(items) > limit {
		items = items[:limit]
		next = withParams(u, "offset", strconv.Itoa(offset+limit))
	}
	if offset > 0 {
		prev = withParams(u, "offset", strconv.Itoa(max(offset-limit, 0)))
	}
	return items, prev, next
}

// parallel runs the store calls of one page at once (the store serves
// readers concurrently) and returns their errors joined.
func parallel(calls ...func() error) error {
	errs := make([]error, len(calls))
	var wg sync.WaitGroup
	for i, call := range calls {
		wg.Go(func() { errs[i] = call() })
	}
	wg.Wait()
	return errors.Join(errs...)
}

// gather collects a sequence of results, stopping at the first error.
func gather[T any](seq func(func(T, error) bool)) ([]T, error) {
	var out []T
	for v, err := range seq {
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// withParams returns the path and query of u with the parameters set to
// the values (name, value pairs; an empty value removes the parameter).
func withParams(u *url.URL, kv ...string) string {
	q, err := parseQuery(u.RawQuery)
	if err != nil {
		q = url.Values{}
	}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] == "" {
			q.Del(kv[i])
		} else {
			q.Set(kv[i], kv[i+1])
		}
	}
	if len(q) == 0 {
		return u.Path
	}
	return u.Path + "?" + q.Encode()
}

// Article page.

type articleData struct {
	Title    string // the record's, else the first line of its text
	Untitled bool   // Title is the text's first line
	Ref      sqlite.ArticleRef
	Record   eventwire.Record
	Text     template.HTML
	Entities []entityRow
	Quotes   []eventwire.Quote
	Events   []eventwire.Event
}

// entityRow is one entity in the article page's list.
type entityRow struct {
	eventwire.Entity
	Code string // its actor code, "" when none
}

func (s *Server) articlePage(w http.ResponseWriter, r *http.Request) {
	id, err := articleID(r.PathValue("id"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	ref, rec, err := s.opt.DB.Article(r.Context(), id)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	d := articleData{Ref: ref, Record: rec, Text: highlight(rec), Quotes: rec.Quotes, Events: rec.Events}
	for _, e := range rec.Entities {
		row := entityRow{Entity: e}
		if e.Actor != nil {
			row.Code = e.Actor.Code
		}
		d.Entities = append(d.Entities, row)
	}
	// Most mentioned first, then in order of appearance.
	slices.SortStableFunc(d.Entities, func(a, b entityRow) int { return cmp.Compare(len(b.Mentions), len(a.Mentions)) })
	d.Title = cmp.Or(rec.Title, ref.Title)
	if d.Title == "" {
		d.Title, d.Untitled = cmp.Or(firstLine(rec.Text), "Article "+id), true
	}
	s.render(w, r, http.StatusOK, "article", pageData{Title: d.Title, Data: d})
}

// Actor page.

type actorData struct {
	Info sqlite.ActorInfo
	// Name is the heading: a country's name for a country code, the
	// code's parts spelled out when they are all known ("Russia ·
	// government"), else the most frequent name of the entities with
	// exactly this code in its recent events, else of those coded under
	// it; "" when none.
	Name string
	// Kind spells out the code's parts when Name does not: "Russia ·
	// government" under the heading "Kremlin".
	Kind   string
	Names  []sqlite.NameCount // Info.Names less the people's
	People []person
	Quotes []sqlite.QuoteResult
	Events []sqlite.EventResult
	Chart  chartData
}

// person is someone coded with the actor or under it: a knowledge row
// (a name with a title), or a speaker of its quotes.
type person struct {
	Name   string
	Count  int      // entities so named, with the short forms in Also
	Also   []string // short forms of the name among Info.Names ("Lavrov")
	Titles []string
	Code   string // the knowledge row's actor code, "" when unknown
	First  string // first and last seen, of the knowledge row
	Last   string
	DocID  string
	Quotes int // of the recent quotes shown
}

// actorEvents is how many of an actor's latest events its page lists.
const actorEvents = 10

func (s *Server) actorPage(w http.ResponseWriter, r *http.Request) {
	code, err := actorCode("id", r.PathValue("id"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	ctx := r.Context()
	var d actorData
	var points []sqlite.TimelinePoint
	err = parallel(
		func() (err error) { d.Info, err = s.opt.DB.Actor(ctx, code); return err },
		func() (err error) {
			d.Quotes, err = gather(s.opt.DB.Quotes(ctx, sqlite.QuoteFilter{SpeakerActor: code, Newest: true, Limit: 10}))
			return err
		},
		func() (err error) {
			d.Events, err = gather(s.opt.DB.Events(ctx, sqlite.EventFilter{Actor: code, Newest: true, Limit: actorEvents}))
			return err
		},
		func() (err error) {
			points, err = s.opt.DB.Timeline(ctx, sqlite.TimelineFilter{Actor: code, Week: true})
			return err
		},
	)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	d.people()
	d.Name, d.Kind = s.actorName(code, exactName(code, d.Events), d.Names)
	d.Chart = actorChart(points)
	titles := newTitler(s)
	for i := range d.Quotes {
		titles.fill(ctx, &d.Quotes[i].Article, "")
	}
	title := code
	if d.Name != "" {
		title = d.Name + " (" + code + ")"
	}
	s.render(w, r, http.StatusOK, "actor", pageData{Title: title, Charts: len(points) > 0, Data: d})
}

// people sorts Info.Names into the people's (the names of its knowledge
// rows and of the speakers of its quotes, and their short forms: "Lavrov"
// of "Sergei Lavrov") and the others (d.Names).
func (d *actorData) people() {
	byName := map[string]*person{}
	var order []string
	add := func(name string) *person {
		p := byName[name]
		if p == nil {
			p = &person{Name: name}
			byName[name] = p
			order = append(order, name)
		}
		return p
	}
	for _, k := range d.Info.KnownAs {
		p := add(k.Name)
		if k.Title != "" && !slices.Contains(p.Titles, k.Title) {
			p.Titles = append(p.Titles, k.Title)
		}
		if p.Code == "" {
			p.Code, p.First, p.Last, p.DocID = k.Actor, k.FirstSeen, k.LastSeen, k.DocID
		}
	}
	for _, q := range d.Quotes {
		if sp := q.Quote.Speaker; sp != nil && sp.Name != "" {
			add(sp.Name).Quotes++
		}
	}
	// A name that is a short form of another ("Lavrov" of "Sergei
	// Lavrov") is that person.
	for _, short := range order {
		words := nameWords(short)
		for _, long := range order {
			p, q := byName[short], byName[long]
			if p == nil || q == nil || !shortFor(words, nameWords(long)) {
				continue
			}
			q.Quotes += p.Quotes
			for _, t := range p.Titles {
				if !slices.Contains(q.Titles, t) {
					q.Titles = append(q.Titles, t)
				}
			}
			if q.Code == "" {
				q.Code, q.First, q.Last, q.DocID = p.Code, p.First, p.Last, p.DocID
			}
			q.Also = append(q.Also, short)
			delete(byName, short)
		}
	}
	order = slices.DeleteFunc(order, func(n string) bool { return byName[n] == nil })
	byAlso := func(name string) *person {
		for _, n := range order {
			if slices.Contains(byName[n].Also, name) {
				return byName[n]
			}
		}
		return nil
	}
	for _, nc := range d.Info.Names {
		if p := byName[nc.Name]; p != nil {
			p.Count += nc.Count
			continue
		}
		if p := byAlso(nc.Name); p != nil {
			p.Count += nc.Count
			continue
		}
		words := nameWords(nc.Name)
		found := false
		for _, n := range order {
			if shortFor(words, nameWords(n)) {
				p := byName[n]
				p.Count += nc.Count
				if !slices.Contains(p.Also, nc.Name) {
					p.Also = append(p.Also, nc.Name)
				}
				found = true
				break
			}
		}
		if !found {
			d.Names = append(d.Names, nc)
		}
	}
	for _, n := range order {
		d.People = append(d.People, *byName[n])
	}
	// The most named first.
	slices.SortStableFunc(d.People, func(a, b person) int { return cmp.Compare(b.Count+b.Quotes, a.Count+a.Quotes) })
}

// shortFor reports whether a name (its words) is a shorter form of a
// longer one: its last words ("Lavrov" of "Sergei Lavrov").
func shortFor(short, long []string) bool {
	return len(short) > 0 && len(short) < len(long) && slices.Equal(short, long[len(long)-len(short):])
}

// exactName is the most frequent name of the sides of events coded
// exactly code (the first found among the most frequent), "" when none.
func exactName(code string, events []sqlite.EventResult) string {
	counts := map[string]int{}
	best := ""
	for _, e := range events {
		for _, side := range []*eventwire.EventActor{e.Event.Source, e.Event.Target} {
			if side == nil || side.Name == "" || !strings.EqualFold(side.Actor, code) {
				continue
			}
			counts[side.Name]++
			if counts[side.Name] > counts[best] {
				best = side.Name
			}
		}
	}
	return best
}

// actorName returns the heading of an actor page and, when the heading
// is a name, what the code's parts say (see actorData).
func (s *Server) actorName(code, exact string, names []sqlite.NameCount) (name, kind string) {
	var parts []string
	known := len(code)%3 == 0
	if len(code) >= 3 {
		prefix := code[:3]
		if label, ok := nonState[prefix]; ok {
			parts = append(parts, label)
		} else if g, err := s.gazetteer(); err == nil {
			if c, ok := g.Country(prefix); ok {
				parts = append(parts, c.Name)
			}
		}
		known = known && len(parts) == 1
		for i := 3; i+3 <= len(code); i += 3 {
			if label, ok := roles[code[i:i+3]]; ok {
				parts = append(parts, label)
			} else {
				known = false
			}
		}
	}
	desc := strings.Join(parts, " · ")
	if known && len(parts) > 0 && (len(code) == 3 || len(parts) > 1) {
		return desc, ""
	}
	name = exact
	if name == "" && len(names) > 0 {
		name = names[0].Name
	}
	if name == "" {
		return desc, ""
	}
	return name, desc
}

// nonState are the CAMEO actor prefixes that are not countries.
var nonState = map[string]string{
	"IGO": "intergovernmental organisation",
	"NGO": "non-governmental organisation",
	"IMG": "international militarised group",
	"MNC": "multinational corporation",
}

// roles are the CAMEO role codes that follow the country in an actor
// code (see actor.SplitCode).
var roles = map[string]string{
	"GOV": "government", "MIL": "military", "REB": "rebels", "OPP": "opposition",
	"PTY": "political party", "COP": "police", "JUD": "judiciary", "SPY": "intelligence",
	"LEG": "legislature", "ELI": "elites", "INS": "insurgents", "SEP": "separatists",
	"UAF": "unaligned armed forces", "MOD": "moderates", "RAD": "radicals",
	"BUS": "business", "CVL": "civilians", "CRM": "criminals", "MED": "media",
	"EDU": "education", "HLH": "health", "REF": "refugees", "LAB": "labour",
	"AGR": "agriculture", "DEV": "development", "ENV": "environment",
	"HRI": "human rights", "REL": "religion",
}

// chartData is what app.js draws with uPlot (see its draw): x values
// (Unix seconds of each period's start, UTC) and the series over them.
// Bars fill their period (app.js draws them between its start and the
// next), lines join the periods' middles.
type chartData struct {
	Kind   string        `json:"kind"` // "actor", "dyad" or "plover"
	X      []int64       `json:"x"`
	Step   int64         `json:"step"`            // seconds in a period: a day or a week
	Stack  bool          `json:"stack,omitempty"` // the bars are stacked, else side by side
	Series []chartSeries `json:"series"`
	// Links are the events pages of each period (dyad charts): a click
	// on a period opens them.
	Links []string `json:"links,omitempty"`
}

// chartSeries is one line or set of bars.
type chartSeries struct {
	Label string     `json:"label"`
	Axis  string     `json:"axis"` // "count" or "goldstein"
	Bars  bool       `json:"bars,omitempty"`
	Color string     `json:"color"`
	Data  []*float64 `json:"data"` // null where the period has no value
}

// Colours of chart series (also in style.css for the legends).
var seriesColors = []string{"#2563eb", "#dc2626", "#059669", "#d97706", "#7c3aed", "#db2777", "#0891b2", "#65a30d", "#6b7280"}

// actorChart is the actor page's chart: events per week (bars) and their
// mean Goldstein score (a line).
func actorChart(points []sqlite.TimelinePoint) chartData {
	c := chartData{Kind: "actor", Step: week}
	events := chartSeries{Label: "Events", Axis: "count", Bars: true, Color: "#94a3b8"}
	gold := chartSeries{Label: "Mean Goldstein", Axis: "goldstein", Color: seriesColors[0]}
	byPeriod := make(map[string]sqlite.TimelinePoint, len(points))
	periods := make([]string, 0, len(points))
	for _, p := range points {
		byPeriod[p.Period] = p
		periods = append(periods, p.Period)
	}
	for _, per := range fillPeriods(periods, 7) {
		p, ok := byPeriod[per]
		c.X = append(c.X, periodTime(per))
		events.Data = append(events.Data, count(p.Events))
		if ok {
			gold.Data = append(gold.Data, num(p.Goldstein))
		} else {
			gold.Data = append(gold.Data, nil)
		}
	}
	c.Series = []chartSeries{events, gold}
	return c
}

// maxFill is the most periods fillPeriods makes.
const maxFill = 2000

// fillPeriods returns the sorted periods (days, "YYYY-MM-DD") with the
// ones missing between the first and the last added, every days days, so
// that a chart shows the weeks without events as such; the periods as
// they are when that would make more than maxFill.
func fillPeriods(periods []string, days int) []string {
	if len(periods) < 2 {
		return periods
	}
	first, err1 := time.Parse(time.DateOnly, periods[0])
	last, err2 := time.Parse(time.DateOnly, periods[len(periods)-1])
	if err1 != nil || err2 != nil || last.Sub(first).Hours()/24/float64(days) >= maxFill {
		return periods
	}
	var out []string
	for t := first; !t.After(last); t = t.AddDate(0, 0, days) {
		out = append(out, t.Format(time.DateOnly))
	}
	return out
}

// Periods in seconds.
const (
	day  = 24 * 60 * 60
	week = 7 * day
)

// periodTime is the Unix time of a period's first day ("YYYY-MM-DD"), 0
// when it does not parse.
func periodTime(period string) int64 {
	t, err := time.Parse(time.DateOnly, period)
	if err != nil {
		return 0
	}
	return t.Unix()
}

// count is a bar's height: none for 0.
func count(n int) *float64 {
	if n == 0 {
		return nil
	}
	return num(float64(n))
}

// num is a chart value: none for NaN and infinities.
func num(f float64) *float64 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return nil
	}
	return &f
}

// Dyad page.

type dyadData struct {
	A, B     string
	Both     bool // both directions, else A→B only
	Week     bool
	From, To string
	Chart    chartData
	Plover   chartData
	Rows     []dyadRow
	Types    []string // the PLOVER types shown, most events first
	Toggle   string   // the same page with the other direction setting
	Interval string   // the same page with the other interval
}

// dyadRow is one period of one direction in the dyad page's table.
type dyadRow struct {
	Period, End string
	Source      string
	Target      string
	Point       sqlite.TimelinePoint
	Link        string // the events of the period
	Counts      []typeCount
}

type typeCount struct {
	Type  string
	Count int
}

func (s *Server) dyadPage(w http.ResponseWriter, r *http.Request) {
	a, err := actorCode("a", r.PathValue("a"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	b, err := actorCode("b", r.PathValue("b"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	q, err := queryValues(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if q.Get("interval") == "" {
		q.Set("interval", "week")
	}
	for _, name := range []string{"source", "target", "actor"} {
		if q.Has(name) {
			s.pageError(w, r, &paramError{Name: name, Value: q.Get(name), Want: "no value: the actors are in the path"})
			return
		}
	}
	f, err := timelineFilter(q)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	d := dyadData{A: a, B: b, Week: f.Week, Both: true}
	switch dir := q.Get("dir"); dir {
	case "", "both":
	case "ab":
		d.Both = false
	default:
		s.pageError(w, r, &paramError{Name: "dir", Value: dir, Want: "both or ab"})
		return
	}
	if !f.From.IsZero() {
		d.From = f.From.Format(time.DateOnly)
	}
	if !f.To.IsZero() {
		d.To = f.To.Format(time.DateOnly)
	}
	ctx := r.Context()
	var ab, ba []sqlite.TimelinePoint
	fab, fba := f, f
	fab.Source, fab.Target = a, b
	fba.Source, fba.Target = b, a
	err = parallel(
		func() (err error) { ab, err = s.opt.DB.Timeline(ctx, fab); return err },
		func() (err error) {
			if d.Both {
				ba, err = s.opt.DB.Timeline(ctx, fba)
			}
			return err
		},
	)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	d.dyadCharts(ab, ba)
	dir := "ab"
	if !d.Both {
		dir = ""
	}
	d.Toggle = withParams(r.URL, "dir", dir)
	interval := "day"
	if !d.Week {
		interval = ""
	}
	d.Interval = withParams(r.URL, "interval", interval)
	s.render(w, r, http.StatusOK, "dyad", pageData{Title: a + " ⇄ " + b, Charts: len(ab)+len(ba) > 0, Data: d})
}

// dyadCharts fills the charts and the table of the dyad page from the
// timelines of A→B and B→A (nil when one direction is asked).
func (d *dyadData) dyadCharts(ab, ba []sqlite.TimelinePoint) {
	// The periods of either direction, in order.
	var periods []string
	for _, p := range ab {
		periods = append(periods, p.Period)
	}
	for _, p := range ba {
		periods = append(periods, p.Period)
	}
	slices.Sort(periods)
	periods = slices.Compact(periods)
	if d.Week {
		periods = fillPeriods(periods, 7)
	} else {
		periods = fillPeriods(periods, 1)
	}
	at := func(points []sqlite.TimelinePoint) map[string]sqlite.TimelinePoint {
		m := make(map[string]sqlite.TimelinePoint, len(points))
		for _, p := range points {
			m[p.Period] = p
		}
		return m
	}
	byAB, byBA := at(ab), at(ba)
	// PLOVER types over both directions, most events first.
	totals := map[string]int{}
	for _, p := range slices.Concat(ab, ba) {
		for t, n := range p.PLOVER {
			totals[t] += n
		}
	}
	for t := range totals {
		d.Types = append(d.Types, t)
	}
	slices.SortFunc(d.Types, func(x, y string) int { return cmp.Or(cmp.Compare(totals[y], totals[x]), cmp.Compare(x, y)) })

	step := int64(day)
	if d.Week {
		step = week
	}
	d.Chart = chartData{Kind: "dyad", Step: step}
	d.Plover = chartData{Kind: "plover", Step: step, Stack: true}
	dirs := []struct {
		src, tgt string
		points   map[string]sqlite.TimelinePoint
	}{{d.A, d.B, byAB}}
	if d.Both {
		dirs = append(dirs, struct {
			src, tgt string
			points   map[string]sqlite.TimelinePoint
		}{d.B, d.A, byBA})
	}
	for i, dir := range dirs {
		gold := chartSeries{Label: dir.src + " → " + dir.tgt + " Goldstein", Axis: "goldstein", Color: seriesColors[i]}
		counts := chartSeries{Label: dir.src + " → " + dir.tgt + " events", Axis: "count", Bars: true, Color: []string{"#93c5fd", "#fca5a5"}[i]}
		for _, per := range periods {
			p, ok := dir.points[per]
			if !ok {
				gold.Data = append(gold.Data, nil)
				counts.Data = append(counts.Data, nil)
				continue
			}
			gold.Data = append(gold.Data, num(p.Goldstein))
			counts.Data = append(counts.Data, count(p.Events))
			row := dyadRow{Period: per, End: d.periodEnd(per), Source: dir.src, Target: dir.tgt, Point: p}
			row.Link = eventsLink(dir.src, dir.tgt, per, row.End)
			for _, t := range d.Types {
				if n := p.PLOVER[t]; n > 0 {
					row.Counts = append(row.Counts, typeCount{t, n})
				}
			}
			d.Rows = append(d.Rows, row)
		}
		d.Chart.Series = append(d.Chart.Series, counts, gold)
	}
	for _, per := range periods {
		t := periodTime(per)
		d.Chart.X = append(d.Chart.X, t)
		d.Chart.Links = append(d.Chart.Links, eventsLink(d.A, d.B, per, d.periodEnd(per)))
	}
	d.Plover.X = d.Chart.X
	d.Plover.Links = d.Chart.Links
	// The types with most events, each a colour; the others together.
	const maxTypes = 8
	shown := d.Types[:min(len(d.Types), maxTypes)]
	for i, t := range shown {
		// Stacked bars; a period without events of the type is 0 (drawn
		// as no bar), whether or not the period has other events.
		sr := chartSeries{Label: t, Axis: "count", Bars: true, Color: seriesColors[i]}
		for _, per := range periods {
			sr.Data = append(sr.Data, num(float64(byAB[per].PLOVER[t]+byBA[per].PLOVER[t])))
		}
		d.Plover.Series = append(d.Plover.Series, sr)
	}
	if rest := d.Types[len(shown):]; len(rest) > 0 {
		sr := chartSeries{Label: "other", Axis: "count", Bars: true, Color: seriesColors[len(seriesColors)-1]}
		for _, per := range periods {
			n := 0
			for _, t := range rest {
				n += byAB[per].PLOVER[t] + byBA[per].PLOVER[t]
			}
			sr.Data = append(sr.Data, num(float64(n)))
		}
		d.Plover.Series = append(d.Plover.Series, sr)
	}
	// The table: newest period first.
	slices.SortStableFunc(d.Rows, func(x, y dyadRow) int { return cmp.Compare(y.Period, x.Period) })
}

// periodEnd is the last day of the period that starts on day.
func (d *dyadData) periodEnd(day string) string {
	if !d.Week {
		return day
	}
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return day
	}
	return t.AddDate(0, 0, 6).Format(time.DateOnly)
}

// eventsLink is the events page of A→B from one day to another.
func eventsLink(src, tgt, from, to string) string {
	return "/events?" + url.Values{"source": {src}, "target": {tgt}, "from": {from}, "to": {to}}.Encode()
}

// Events page.

type eventsData struct {
	Form    url.Values
	Types   [16]string
	Events  []sqlite.EventResult
	Offset  int
	Next    string
	Prev    string
	CSV     string
	Filters bool // some filter is set
}

func (s *Server) eventsPage(w http.ResponseWriter, r *http.Request) {
	q, err := queryValues(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	f, err := s.eventQuery(q)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	f.Newest = true
	limit := f.Limit
	f.Limit++
	d := eventsData{Form: q, Types: event.PLOVERTypes(), Offset: f.Offset}
	if d.Events, err = gather(s.opt.DB.Events(r.Context(), f)); err != nil {
		s.pageError(w, r, err)
		return
	}
	d.Events, d.Prev, d.Next = pageLinks(d.Events, limit, f.Offset, r.URL)
	csv := url.Values{}
	for k, v := range q {
		if k != "limit" && k != "offset" && v[0] != "" {
			csv[k] = v
			d.Filters = true
		}
	}
	csv.Set("format", "csv")
	d.CSV = "/api/events?" + csv.Encode()
	s.render(w, r, http.StatusOK, "events", pageData{Title: "Events", Nav: "events", Query: q.Get("q"), Data: d})
}

// evidence renders an event's evidence sentence with its trigger marked.
func evidence(e sqlite.EventResult) template.HTML {
	off := e.Event.Sentence.Start
	return highlightSpans(e.Evidence, []eventwire.Span{{Start: e.Event.Trigger.Start - off, End: e.Event.Trigger.End - off}}, "trigger")
}

// sideName is how the tables show an event's source or target.
func sideName(a *eventwire.EventActor) string {
	if a == nil {
		return ""
	}
	return cmp.Or(a.Name, a.Actor)
}

// tone is the CSS class of a Goldstein score: cooperation, conflict or
// neutral.
func tone(g float64) string {
	switch {
	case g >= 1:
		return "coop"
	case g <= -1:
		return "conf"
	}
	return "neutral"
}
