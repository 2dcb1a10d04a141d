package http

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParams feeds arbitrary query strings to the parameter parsing and
// to the API's list routes: parsing never panics, fails only with a
// *paramError, keeps the windows in bounds, and the server never answers
// 500 to a query string.
func FuzzParams(f *testing.F) {
	for _, seed := range []string{
		"", "q=talks", "q=%zz", "%zz=1", "limit=-1", "limit=500&offset=100000", "limit=1&limit=2",
		"from=yesterday", "from=2024-03-10&to=2024-03-01", "from=2024-02-30", "source=RUS&target=ukr&actor=GBR",
		"cameo=04&plover=accuse&quad=3&first=on", "place=geneva&format=csv&limit=2", "interval=week",
		"speaker=Lavrov&article=1", "q=%22%22%22&source=%00", "q=a;b&c", "&&=&=", "q=%e2%80%ae", "q=" + strings.Repeat("x", 600),
		"q=NEAR(a+b)&q2=*", "offset=99999999999999999999", "quad=%2B1", "first=TRUE&interval=day",
	} {
		f.Add(seed)
	}
	s := testServer(f, Options{})
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := parseQuery(raw)
		if err != nil {
			checkParamError(t, err)
			return
		}
		for k, v := range q {
			if len(v) != 1 || !utf8.ValidString(k) || !utf8.ValidString(v[0]) {
				t.Fatalf("parseQuery(%q): %q = %q", raw, k, v)
			}
		}
		if limit, offset, err := pageParams(q); err != nil {
			checkParamError(t, err)
		} else if limit < 1 || limit > maxLimit || offset < 0 || offset > maxOffset {
			t.Fatalf("pageParams(%q) = %d, %d", raw, limit, offset)
		}
		if f, err := eventFilter(q); err != nil {
			checkParamError(t, err)
		} else if f.Quad < 0 || f.Quad > 4 || len(f.Text) > maxText || !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
			t.Fatalf("eventFilter(%q) = %+v", raw, f)
		}
		if _, err := articleFilter(q); err != nil {
			checkParamError(t, err)
		}
		if _, err := quoteFilter(q); err != nil {
			checkParamError(t, err)
		}
		if _, err := timelineFilter(q); err != nil {
			checkParamError(t, err)
		}
		if strings.ContainsAny(raw, "#\x00\r\n ") {
			return // not a query string a request line can carry
		}
		for _, path := range []string{"/api/articles", "/api/quotes", "/api/events", "/api/timeline"} {
			req := httptest.NewRequest(http.MethodGet, path, nil)
			req.URL.RawQuery = raw
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK && rec.Code != http.StatusBadRequest {
				t.Fatalf("GET %s?%s: %d %s", path, raw, rec.Code, rec.Body)
			}
		}
	})
}

// checkParamError fails unless err is a *paramError whose message names
// the parameter.
func checkParamError(t *testing.T, err error) {
	t.Helper()
	var pe *paramError
	if !errors.As(err, &pe) {
		t.Fatalf("error %v (%T), want a *paramError", err, err)
	}
	if !strings.HasPrefix(err.Error(), "bad "+strconv.Quote(pe.Name)+": want ") {
		t.Fatalf("message %q does not name %q", err, pe.Name)
	}
}
