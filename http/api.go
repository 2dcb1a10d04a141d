package http

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"maps"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/sink"
	"github.com/eventwire/eventwire/source"
	"github.com/eventwire/eventwire/sqlite"
)

// openAPISource is the OpenAPI 3.1 document of the API but for the
// record schema, which openAPIDocument fills in from the contract.
//
//go:embed openapi.json
var openAPISource []byte

// openAPIDocument returns the OpenAPI document: openapi.json with the
// record schema of the JSON contract (eventwire.Schema) as
// components/schemas/Record and each of its $defs as a schema of its own
// name, so the document never drifts from the contract.
func openAPIDocument() ([]byte, error) {
	var doc struct {
		Rest       map[string]json.RawMessage
		Components map[string]json.RawMessage
		Schemas    map[string]json.RawMessage
	}
	if err := json.Unmarshal(openAPISource, &doc.Rest); err != nil {
		return nil, fmt.Errorf("openapi.json: %w", err)
	}
	if err := json.Unmarshal(doc.Rest["components"], &doc.Components); err != nil {
		return nil, fmt.Errorf("openapi.json: components: %w", err)
	}
	if err := json.Unmarshal(doc.Components["schemas"], &doc.Schemas); err != nil {
		return nil, fmt.Errorf("openapi.json: components/schemas: %w", err)
	}
	var record map[string]json.RawMessage
	contract := strings.ReplaceAll(eventwire.Schema(), `"#/$defs/`, `"#/components/schemas/`)
	if err := json.Unmarshal([]byte(contract), &record); err != nil {
		return nil, fmt.Errorf("record schema: %w", err)
	}
	var defs map[string]json.RawMessage
	if err := json.Unmarshal(record["$defs"], &defs); err != nil {
		return nil, fmt.Errorf("record schema: $defs: %w", err)
	}
	for name, def := range defs {
		doc.Schemas[name] = def
	}
	delete(record, "$defs")
	delete(record, "$schema")
	delete(record, "$id")
	var err error
	if doc.Schemas["Record"], err = json.Marshal(record); err != nil {
		return nil, err
	}
	if doc.Components["schemas"], err = json.Marshal(doc.Schemas); err != nil {
		return nil, err
	}
	if doc.Rest["components"], err = json.Marshal(doc.Components); err != nil {
		return nil, err
	}
	return json.Marshal(doc.Rest)
}

// apiHandler answers one API route. q is the parsed query string; an
// error is answered as a JSON error object (see errorStatus).
type apiHandler func(w http.ResponseWriter, r *http.Request, q url.Values) error

// apiRoute is one route of the API.
type apiRoute struct {
	method  string // GET (which also answers HEAD) or POST
	pattern string // a ServeMux pattern without method, as OpenAPI writes paths
	handle  apiHandler
}

// apiRoutes lists the API; openapi.json describes exactly these.
func (s *Server) apiRoutes() []apiRoute {
	return []apiRoute{
		{"GET", "/api/articles", s.articles},
		{"GET", "/api/articles/{id}", s.article},
		{"GET", "/api/quotes", s.quotes},
		{"GET", "/api/events", s.events},
		{"GET", "/api/actors/{id}", s.actor},
		{"GET", "/api/timeline", s.timeline},
		{"POST", "/api/extract", s.extract},
		{"GET", "/api/openapi.json", s.openAPI},
	}
}

// routeAPI registers the JSON API. Routes are registered without a
// method so that a wrong method gets a JSON 405 rather than the mux's
// plain-text one, and anything else under /api/ a JSON 404.
func (s *Server) routeAPI(mux *http.ServeMux) {
	for _, rt := range s.apiRoutes() {
		mux.Handle(rt.pattern, s.api(rt))
	}
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		s.writeError(w, r, &statusError{http.StatusNotFound, "no such API route (see /api/openapi.json)"})
	})
}

// api adapts an apiHandler: it checks the method and parses the query.
func (s *Server) api(rt apiRoute) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != rt.method && !(rt.method == http.MethodGet && r.Method == http.MethodHead) {
			allow := rt.method
			if allow == http.MethodGet {
				allow += ", HEAD"
			}
			w.Header().Set("Allow", allow)
			s.writeError(w, r, &statusError{http.StatusMethodNotAllowed, fmt.Sprintf("method %s not allowed: use %s", r.Method, rt.method)})
			return
		}
		q, err := queryValues(r)
		if err == nil {
			err = rt.handle(w, r, q)
		}
		if err != nil {
			s.writeError(w, r, err)
		}
	})
}

// list is the JSON of a page of a list: the items and the URL of the next
// page (null on the last).
type list[T any] struct {
	Items []T     `json:"items"`
	Next  *string `json:"next"`
}

// collect gathers up to limit items from seq (which was asked for limit+1,
// to learn whether there is a next page) into a list, converting each with
// conv.
func collect[R, T any](r *http.Request, q url.Values, seq iter.Seq2[R, error], limit, offset int, conv func(*R) T) (list[T], error) {
	l := list[T]{Items: make([]T, 0, min(limit, 64))}
	for v, err := range seq {
		if err != nil {
			return l, err
		}
		if len(l.Items) == limit {
			// The one more asked for: there is a next page.
			if offset+limit <= maxOffset {
				l.Next = nextURL(r, q, limit, offset+limit)
			}
			break
		}
		l.Items = append(l.Items, conv(&v))
	}
	return l, nil
}

// nextURL is the path and query of the next page of a list: the same
// parameters, with limit and offset.
func nextURL(r *http.Request, q url.Values, limit, offset int) *string {
	next := maps.Clone(q)
	next.Set("limit", strconv.Itoa(limit))
	next.Set("offset", strconv.Itoa(offset))
	u := r.URL.Path + "?" + next.Encode()
	return &u
}

// articleRef is the JSON of the article a quote or event is from.
type articleRef struct {
	Row       int64   `json:"row"`
	ID        string  `json:"id"`
	Title     string  `json:"title"`
	URL       *string `json:"url"`
	Source    *string `json:"source"`
	Published *string `json:"published"`
}

func newArticleRef(a *sqlite.ArticleRef) articleRef {
	return articleRef{Row: a.Row, ID: a.ID, Title: a.Title, URL: nullable(a.URL), Source: nullable(a.Source), Published: nullable(a.Published)}
}

// nullable is nil for "", so that JSON has null, as the record has.
func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// articleItem is one article of GET /api/articles.
type articleItem struct {
	articleRef
	Snippet     string           `json:"snippet"`
	Marks       []eventwire.Span `json:"marks"`
	NumEntities int              `json:"num_entities"`
	NumQuotes   int              `json:"num_quotes"`
	NumEvents   int              `json:"num_events"`
	DuplicateOf *int64           `json:"duplicate_of"`
}

// articles answers GET /api/articles: a search of the articles.
func (s *Server) articles(w http.ResponseWriter, r *http.Request, q url.Values) error {
	f, err := articleFilter(q)
	if err != nil {
		return err
	}
	limit := f.Limit
	f.Limit++
	l, err := collect(r, q, s.opt.DB.Articles(r.Context(), f), limit, f.Offset, func(a *sqlite.ArticleResult) articleItem {
		it := articleItem{articleRef: newArticleRef(&a.Article), Snippet: a.Snippet, Marks: a.Marks,
			NumEntities: a.NumEntities, NumQuotes: a.NumQuotes, NumEvents: a.NumEvents}
		if it.Marks == nil {
			it.Marks = []eventwire.Span{}
		}
		if a.DuplicateOf != 0 {
			it.DuplicateOf = &a.DuplicateOf
		}
		return it
	})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, l)
	return nil
}

// article answers GET /api/articles/{id}: the article's record, exactly
// as the JSON contract has it.
func (s *Server) article(w http.ResponseWriter, r *http.Request, q url.Values) error {
	id, err := articleID(r.PathValue("id"))
	if err != nil {
		return err
	}
	_, rec, err := s.opt.DB.Article(r.Context(), id)
	if errors.Is(err, sqlite.ErrNotFound) {
		return &statusError{http.StatusNotFound, fmt.Sprintf("no article %q", id)}
	}
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, &rec)
	return nil
}

// quoteItem is one quote of GET /api/quotes.
type quoteItem struct {
	Article articleRef      `json:"article"`
	Quote   eventwire.Quote `json:"quote"`
}

func newQuoteItem(v *sqlite.QuoteResult) quoteItem {
	return quoteItem{Article: newArticleRef(&v.Article), Quote: v.Quote}
}

// quotes answers GET /api/quotes: the quotes by speaker or text.
func (s *Server) quotes(w http.ResponseWriter, r *http.Request, q url.Values) error {
	f, err := quoteFilter(q)
	if err != nil {
		return err
	}
	limit := f.Limit
	f.Limit++
	l, err := collect(r, q, s.opt.DB.Quotes(r.Context(), f), limit, f.Offset, newQuoteItem)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, l)
	return nil
}

// eventItem is one event of GET /api/events.
type eventItem struct {
	Row         int64           `json:"row"`
	Article     articleRef      `json:"article"`
	Event       eventwire.Event `json:"event"`
	Evidence    string          `json:"evidence"`
	NumMentions int             `json:"num_mentions"`
	NumSources  int             `json:"num_sources"`
	NumArticles int             `json:"num_articles"`
}

// eventQuery is eventFilter with the place widened by the gazetteer, as
// `eventwire query events --place` does: "Geneva" also finds the events
// at "Genève", "Syria" those anywhere in the country. Pages use it too.
func (s *Server) eventQuery(q url.Values) (sqlite.EventFilter, error) {
	f, err := eventFilter(q)
	if err != nil || f.Place == "" {
		return f, err
	}
	g, err := s.gazetteer()
	if err != nil {
		return f, err
	}
	f.PlaceNames, f.PlaceCountries = g.Place(f.Place)
	return f, nil
}

// events answers GET /api/events: the events by actors, codes, dates and
// place, as JSON or (format=csv) as a CSV file.
func (s *Server) events(w http.ResponseWriter, r *http.Request, q url.Values) error {
	switch format := q.Get("format"); format {
	case "", "json":
	case "csv":
		return s.eventsCSV(w, r, q)
	default:
		return &paramError{Name: "format", Value: format, Want: "json or csv"}
	}
	f, err := s.eventQuery(q)
	if err != nil {
		return err
	}
	f.Newest = true
	limit := f.Limit
	f.Limit++
	l, err := collect(r, q, s.opt.DB.Events(r.Context(), f), limit, f.Offset, func(v *sqlite.EventResult) eventItem {
		return eventItem{Row: v.Row, Article: newArticleRef(&v.Article), Event: v.Event, Evidence: v.Evidence,
			NumMentions: v.NumMentions, NumSources: v.NumSources, NumArticles: v.NumArticles}
	})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, l)
	return nil
}

// maxCSV is the most events one CSV download holds.
const maxCSV = 1_000_000

// eventsCSV streams the matching events as CSV, with the columns of
// `eventwire export --format csv`. Without limit, all the matching events
// (up to maxCSV) are written, oldest first; the download is cut short
// (the failure logged and the connection broken, so that the client
// knows) if it takes longer than Options.Timeout.
func (s *Server) eventsCSV(w http.ResponseWriter, r *http.Request, q url.Values) error {
	limit, err := intParam(q, "limit", maxCSV, 1, maxCSV)
	if err != nil {
		return err
	}
	offset, err := intParam(q, "offset", 0, 0, maxOffset)
	if err != nil {
		return err
	}
	rest := maps.Clone(q)
	delete(rest, "limit")
	delete(rest, "offset")
	f, err := s.eventQuery(rest)
	if err != nil {
		return err
	}
	f.Limit, f.Offset = limit, offset
	next, stop := iter.Pull2(s.opt.DB.Events(r.Context(), f))
	defer stop()
	// The first event (or error) before the header: an error there still
	// gets its proper status.
	cur, err, ok := next()
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "text/csv; charset=utf-8")
	h.Set("Content-Disposition", `attachment; filename="events.csv"`)
	out, err := sink.NewEvents("csv", w, sink.Tables{})
	if err != nil {
		return err
	}
	for ok {
		ev := sink.StoredEvent(&cur)
		if err = out.Write(&ev); err != nil {
			break
		}
		if cur, err, ok = next(); err != nil {
			break
		}
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		// The status is sent: say so in the log, and break the
		// connection so that the client sees the file is cut short.
		s.opt.Log.Error("http: CSV download cut short", "path", r.URL.Path, "query", r.URL.RawQuery, "err", err)
		panic(http.ErrAbortHandler)
	}
	return nil
}

// actorJSON is the answer of GET /api/actors/{id}.
type actorJSON struct {
	Code         string          `json:"code"`
	Names        []nameCount     `json:"names"`
	KnownAs      []knownAs       `json:"known_as"`
	NumEvents    int             `json:"num_events"`
	NumQuotes    int             `json:"num_quotes"`
	FirstDate    *string         `json:"first_date"`
	LastDate     *string         `json:"last_date"`
	Counterparts []counterpart   `json:"counterparts"`
	Quotes       []quoteItem     `json:"quotes"`
	Timeline     []timelinePoint `json:"timeline"`
}

type nameCount struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

type knownAs struct {
	Name      string  `json:"name"`
	Actor     string  `json:"actor"`
	Title     string  `json:"title"`
	FirstSeen *string `json:"first_seen"`
	LastSeen  *string `json:"last_seen"`
	DocID     *string `json:"doc_id"`
}

type counterpart struct {
	Actor     string  `json:"actor"`
	AsSource  int     `json:"as_source"`
	AsTarget  int     `json:"as_target"`
	Goldstein float64 `json:"goldstein"`
}

// actorQuotes is how many of an actor's newest quotes its answer has.
const actorQuotes = 10

// actor answers GET /api/actors/{id}: what the store knows of an actor
// code, its newest quotes and its events per week.
func (s *Server) actor(w http.ResponseWriter, r *http.Request, q url.Values) error {
	code, err := actorCode("id", r.PathValue("id"))
	if err != nil {
		return err
	}
	ctx := r.Context()
	info, err := s.opt.DB.Actor(ctx, code)
	if errors.Is(err, sqlite.ErrNotFound) {
		return &statusError{http.StatusNotFound, fmt.Sprintf("no actor %q in the store", code)}
	}
	if err != nil {
		return err
	}
	out := actorJSON{Code: info.Code, NumEvents: info.NumEvents, NumQuotes: info.NumQuotes,
		FirstDate: nullable(info.FirstDate), LastDate: nullable(info.LastDate),
		Names: make([]nameCount, len(info.Names)), KnownAs: make([]knownAs, len(info.KnownAs)),
		Counterparts: make([]counterpart, len(info.Counterparts)), Quotes: []quoteItem{}}
	for i, n := range info.Names {
		out.Names[i] = nameCount{n.Name, n.Count}
	}
	for i, k := range info.KnownAs {
		out.KnownAs[i] = knownAs{Name: k.Name, Actor: k.Actor, Title: k.Title,
			FirstSeen: nullable(k.FirstSeen), LastSeen: nullable(k.LastSeen), DocID: nullable(k.DocID)}
	}
	for i, c := range info.Counterparts {
		out.Counterparts[i] = counterpart{c.Actor, c.AsSource, c.AsTarget, c.Goldstein}
	}
	for v, err := range s.opt.DB.Quotes(ctx, sqlite.QuoteFilter{SpeakerActor: code, Newest: true, Limit: actorQuotes}) {
		if err != nil {
			return err
		}
		out.Quotes = append(out.Quotes, newQuoteItem(&v))
	}
	points, err := s.opt.DB.Timeline(ctx, sqlite.TimelineFilter{Actor: code, Week: true})
	if err != nil {
		return err
	}
	out.Timeline = timelineJSON(points)
	writeJSON(w, http.StatusOK, &out)
	return nil
}

// timelinePoint is one day or week of a timeline.
type timelinePoint struct {
	Period    string         `json:"period"`
	Events    int            `json:"events"`
	Goldstein float64        `json:"goldstein"`
	Quad      [4]int         `json:"quad"`
	PLOVER    map[string]int `json:"plover"`
}

func timelineJSON(points []sqlite.TimelinePoint) []timelinePoint {
	out := make([]timelinePoint, len(points))
	for i, p := range points {
		out[i] = timelinePoint{Period: p.Period, Events: p.Events, Goldstein: p.Goldstein, Quad: p.Quad, PLOVER: p.PLOVER}
		if out[i].PLOVER == nil {
			out[i].PLOVER = map[string]int{}
		}
	}
	return out
}

// timeline answers GET /api/timeline: events per day or week between two
// actors (or of one, or of all).
func (s *Server) timeline(w http.ResponseWriter, r *http.Request, q url.Values) error {
	f, err := timelineFilter(q)
	if err != nil {
		return err
	}
	points, err := s.opt.DB.Timeline(r.Context(), f)
	if err != nil {
		return err
	}
	interval := "day"
	if f.Week {
		interval = "week"
	}
	writeJSON(w, http.StatusOK, struct {
		Source   *string         `json:"source"`
		Target   *string         `json:"target"`
		Actor    *string         `json:"actor,omitempty"`
		Interval string          `json:"interval"`
		Points   []timelinePoint `json:"points"`
	}{nullable(f.Source), nullable(f.Target), nullable(f.Actor), interval, timelineJSON(points)})
	return nil
}

// extractRequest is the JSON body of POST /api/extract.
type extractRequest struct {
	Text      string `json:"text"`
	Title     string `json:"title"`
	Published string `json:"published"`
	URL       string `json:"url"`
	Source    string `json:"source"`
	ID        string `json:"id"`
}

// extract answers POST /api/extract: the record of the article in the
// body, text/plain (the title is its first line; the query parameters
// title, published, url and source may add the rest) or application/json
// (extractRequest). Extractions run at most GOMAXPROCS at a time, under
// the request's timeout.
func (s *Server) extract(w http.ResponseWriter, r *http.Request, q url.Values) error {
	if s.opt.Extract == nil {
		return &statusError{http.StatusServiceUnavailable, "extraction is turned off on this server"}
	}
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if r.Header.Get("Content-Type") == "" {
		mt, err = "text/plain", nil
	}
	if err != nil || mt != "text/plain" && mt != "application/json" {
		return &statusError{http.StatusUnsupportedMediaType, "bad Content-Type: want text/plain or application/json"}
	}
	if cs := strings.ToLower(params["charset"]); cs != "" && cs != "utf-8" && cs != "us-ascii" {
		return &statusError{http.StatusUnsupportedMediaType, "bad charset: want utf-8"}
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			return err
		}
		return &statusError{http.StatusBadRequest, "the request body could not be read"}
	}
	var req extractRequest
	if mt == "application/json" {
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil || dec.More() {
			return &paramError{Name: "body", Want: `a JSON object {"text", "title", "published", "url", "source", "id"}`}
		}
	} else {
		req = extractRequest{Text: string(body), Title: q.Get("title"), Published: q.Get("published"), URL: q.Get("url"), Source: q.Get("source"), ID: q.Get("id")}
	}
	a, err := s.extractArticle(r.Context(), req, mt == "text/plain")
	if err != nil {
		return err
	}
	rec, err := s.runExtract(r.Context(), a)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, &rec)
	return nil
}

// extractArticle checks an extract request and makes it an article. A
// plain-text body is read as `eventwire extract` reads a text file (its
// first line is the title unless title is given).
func (s *Server) extractArticle(ctx context.Context, req extractRequest, plain bool) (eventwire.Article, error) {
	a := eventwire.Article{ID: req.ID, Title: req.Title, URL: req.URL, Source: req.Source, Text: req.Text,
		Origin: eventwire.Origin{Name: "POST /api/extract"}}
	if plain {
		for v, err := range source.Read(ctx, []string{"-"}, source.Options{Format: "text", MaxBytes: s.opt.MaxBody, Stdin: strings.NewReader(req.Text)}) {
			if err != nil {
				return a, textError(err)
			}
			a.Text = v.Text
			if a.Title == "" {
				a.Title = v.Title
			}
		}
	} else if err := checkText(a.Text); err != nil {
		return a, err
	}
	if int64(len(a.Text)) > s.opt.MaxBody {
		return a, &http.MaxBytesError{Limit: s.opt.MaxBody}
	}
	if req.Published != "" {
		d, err := source.ParseDate(req.Published)
		if err != nil {
			return a, &paramError{Name: "published", Value: req.Published, Want: "a date (YYYY-MM-DD)"}
		}
		a.Published = d
	}
	for name, v := range map[string]string{"title": a.Title, "url": a.URL, "source": a.Source, "id": a.ID} {
		if len(v) > 2000 || !utf8.ValidString(v) {
			return a, &paramError{Name: name, Value: v, Want: "UTF-8 text of at most 2000 bytes"}
		}
	}
	return a, nil
}

// checkText checks the text of a JSON extract request.
func checkText(s string) error {
	if strings.TrimSpace(s) == "" {
		return &paramError{Name: "text", Want: "the article text (it is empty)"}
	}
	if strings.IndexByte(s, 0) >= 0 {
		return &paramError{Name: "text", Want: "text without NUL bytes"}
	}
	return nil
}

// textError is the error for a text/plain body that package source
// refused.
func textError(err error) error {
	switch {
	case errors.Is(err, source.ErrEmpty):
		return &paramError{Name: "text", Want: "the article text (it is empty)"}
	case errors.Is(err, source.ErrTooLarge):
		return &statusError{http.StatusRequestEntityTooLarge, "article text over the size limit"}
	case errors.Is(err, source.ErrInvalidUTF8), errors.Is(err, source.ErrNUL):
		return &paramError{Name: "text", Want: "UTF-8 text without NUL bytes"}
	}
	return err
}

// runExtract runs Options.Extract on a, at most GOMAXPROCS at a time. It
// gives up when ctx ends (the extraction finishes in the background and
// keeps its slot until then, so that abandoned requests cannot pile up
// work).
func (s *Server) runExtract(ctx context.Context, a eventwire.Article) (eventwire.Record, error) {
	select {
	case s.extractor <- struct{}{}:
	case <-ctx.Done():
		return eventwire.Record{}, &statusError{http.StatusServiceUnavailable, errTimeout + " (the server is busy extracting)"}
	}
	type result struct {
		rec eventwire.Record
		err error
	}
	done := make(chan result, 1)
	go func() {
		defer func() { <-s.extractor }()
		defer func() {
			if v := recover(); v != nil {
				done <- result{err: fmt.Errorf("extract: panic: %v", v)}
			}
		}()
		rec, err := s.opt.Extract(ctx, a)
		done <- result{rec, err}
	}()
	select {
	case res := <-done:
		if res.err != nil {
			return res.rec, fmt.Errorf("extract: %w", res.err)
		}
		return res.rec, nil
	case <-ctx.Done():
		return eventwire.Record{}, ctx.Err()
	}
}

// openAPI answers GET /api/openapi.json: the document describing this
// API.
func (s *Server) openAPI(w http.ResponseWriter, r *http.Request, q url.Values) error {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(s.openAPIDoc)))
	w.Write(s.openAPIDoc)
	return nil
}
