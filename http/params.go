package http

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/eventwire/eventwire/sqlite"
)

// This file turns query strings into store filters. Every function here
// is shared by the JSON API and the pages: a bad parameter is a
// *paramError, which both answer with 400 naming the parameter.

// paramError is a query (or path) parameter that cannot be read. Test for
// it with errors.As; its message is fit to show to the user:
// `bad "from": want YYYY-MM-DD`.
type paramError struct {
	Name  string // the parameter, as in the URL ("from")
	Value string // the value given (raw, possibly hostile: escape it)
	Want  string // what a good value looks like
}

func (e *paramError) Error() string { return fmt.Sprintf("bad %q: want %s", e.Name, e.Want) }

// Limits on parameters.
const (
	defaultLimit = 50     // items a list has when limit is not given
	maxLimit     = 500    // the largest limit
	maxOffset    = 100000 // the largest offset (SQLite skips rows one by one)
	maxText      = 500    // the longest free-text parameter, in bytes
)

// queryValues parses the request's query string strictly: unlike
// r.URL.Query, which drops what it cannot decode, a malformed escape
// ("%zz") or a parameter given twice is a *paramError. Pairs are separated
// by "&" only; ";" is an ordinary character.
func queryValues(r *http.Request) (url.Values, error) {
	return parseQuery(r.URL.RawQuery)
}

// parseQuery is queryValues on a raw query string.
func parseQuery(raw string) (url.Values, error) {
	q := url.Values{}
	for raw != "" {
		var pair string
		pair, raw, _ = strings.Cut(raw, "&")
		if pair == "" {
			continue
		}
		k, v, _ := strings.Cut(pair, "=")
		key, err := url.QueryUnescape(k)
		if err != nil || !utf8.ValidString(key) {
			return nil, &paramError{Name: k, Value: v, Want: "a name in valid percent-encoded UTF-8"}
		}
		val, err := url.QueryUnescape(v)
		if err != nil || !utf8.ValidString(val) {
			return nil, &paramError{Name: key, Value: v, Want: "a value in valid percent-encoded UTF-8"}
		}
		if _, dup := q[key]; dup {
			return nil, &paramError{Name: key, Value: val, Want: "one value, not several"}
		}
		q[key] = []string{val}
	}
	return q, nil
}

// pageParams returns the list window that "limit" (1 to maxLimit, default
// defaultLimit) and "offset" (0 to maxOffset, default 0) ask for.
func pageParams(q url.Values) (limit, offset int, err error) {
	if limit, err = intParam(q, "limit", defaultLimit, 1, maxLimit); err != nil {
		return 0, 0, err
	}
	if offset, err = intParam(q, "offset", 0, 0, maxOffset); err != nil {
		return 0, 0, err
	}
	return limit, offset, nil
}

// intParam returns parameter name as an integer in [lo, hi], or def when
// it is absent or empty.
func intParam(q url.Values, name string, def, lo, hi int) (int, error) {
	s := q.Get(name)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, &paramError{Name: name, Value: s, Want: fmt.Sprintf("an integer from %d to %d", lo, hi)}
	}
	return n, nil
}

// dayParam returns parameter name as a day (YYYY-MM-DD), or the zero time
// when it is absent or empty.
func dayParam(q url.Values, name string) (time.Time, error) {
	s := q.Get(name)
	if s == "" {
		return time.Time{}, nil
	}
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, &paramError{Name: name, Value: s, Want: "YYYY-MM-DD"}
	}
	return d, nil
}

// dateRange returns the days of "from" and "to"; "to" before "from" is a
// *paramError naming "to".
func dateRange(q url.Values) (from, to time.Time, err error) {
	if from, err = dayParam(q, "from"); err != nil {
		return from, to, err
	}
	if to, err = dayParam(q, "to"); err != nil {
		return from, to, err
	}
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		return from, to, &paramError{Name: "to", Value: q.Get("to"), Want: "a day on or after \"from\""}
	}
	return from, to, nil
}

// boolParam returns parameter name as a boolean (1, t, true, 0, f, false
// in any case; "on" as a checkbox sends it), or false when it is absent or
// empty.
func boolParam(q url.Values, name string) (bool, error) {
	s := q.Get(name)
	switch strings.ToLower(s) {
	case "":
		return false, nil
	case "on":
		return true, nil
	}
	b, err := strconv.ParseBool(strings.ToLower(s))
	if err != nil {
		return false, &paramError{Name: name, Value: s, Want: "true or false"}
	}
	return b, nil
}

// textParam returns parameter name as free text (a search phrase, a
// name): its words separated by single spaces (tabs and line breaks, as a
// pasted phrase has them, are spaces), at most maxText bytes, without
// other control characters.
func textParam(q url.Values, name string) (string, error) {
	s := q.Get(name)
	if len(s) > maxText {
		return "", &paramError{Name: name, Value: s, Want: fmt.Sprintf("at most %d bytes", maxText)}
	}
	for _, r := range s {
		if (r < 0x20 || r == 0x7f) && r != '\t' && r != '\n' && r != '\r' {
			return "", &paramError{Name: name, Value: s, Want: "text without control characters"}
		}
	}
	return strings.Join(strings.Fields(s), " "), nil
}

// actorCode checks an actor code or prefix ("USA", "rusgov", "---OPP"
// for a group whose country is unknown): 1 to 30 ASCII letters, the first
// three of which may be "---". It returns it in upper case; name is the
// parameter it came from, for the error.
func actorCode(name, s string) (string, error) {
	bad := len(s) == 0 || len(s) > 30
	letters := strings.TrimPrefix(s, "---")
	for i := 0; i < len(letters) && !bad; i++ {
		c := letters[i] | 0x20
		bad = c < 'a' || c > 'z'
	}
	if bad {
		return "", &paramError{Name: name, Value: s, Want: "an actor code (letters, e.g. USA, RUSGOV or ---OPP)"}
	}
	return strings.ToUpper(s), nil
}

// actorParam returns parameter name as an actor code (see actorCode), or
// "" when it is absent or empty.
func actorParam(q url.Values, name string) (string, error) {
	s := strings.TrimSpace(q.Get(name))
	if s == "" {
		return "", nil
	}
	return actorCode(name, s)
}

// eventFilter returns the event filter of the parameters source, target,
// actor (actor codes or their starts), cameo (1 to 4 digits), plover (a
// PLOVER type), quad (1 to 4), from, to (days), place (a place name or
// country code), q (a phrase of the article), first (first reports only),
// limit and offset (see pageParams). The filter's Limit is limit as asked:
// callers that want to know whether there is a next page ask one more.
// Place is not widened with the gazetteer: (*Server).eventQuery does that.
func eventFilter(q url.Values) (sqlite.EventFilter, error) {
	var f sqlite.EventFilter
	var err error
	if f.Source, err = actorParam(q, "source"); err != nil {
		return f, err
	}
	if f.Target, err = actorParam(q, "target"); err != nil {
		return f, err
	}
	if f.Actor, err = actorParam(q, "actor"); err != nil {
		return f, err
	}
	if s := strings.TrimSpace(q.Get("cameo")); s != "" {
		if len(s) > 4 || strings.Trim(s, "0123456789") != "" {
			return f, &paramError{Name: "cameo", Value: s, Want: "a CAMEO code or its start (1 to 4 digits)"}
		}
		f.CAMEO = s
	}
	if s := strings.TrimSpace(q.Get("plover")); s != "" {
		if len(s) > 30 || strings.Trim(strings.ToUpper(s), "ABCDEFGHIJKLMNOPQRSTUVWXYZ_") != "" {
			return f, &paramError{Name: "plover", Value: s, Want: "a PLOVER event type (e.g. ACCUSE)"}
		}
		f.PLOVER = strings.ToUpper(s)
	}
	if f.Quad, err = intParam(q, "quad", 0, 1, 4); err != nil {
		return f, err
	}
	if f.From, f.To, err = dateRange(q); err != nil {
		return f, err
	}
	if f.Place, err = textParam(q, "place"); err != nil {
		return f, err
	}
	if f.Text, err = textParam(q, "q"); err != nil {
		return f, err
	}
	if f.FirstReports, err = boolParam(q, "first"); err != nil {
		return f, err
	}
	if f.Limit, f.Offset, err = pageParams(q); err != nil {
		return f, err
	}
	return f, nil
}

// articleFilter returns the article filter of the parameters q (a phrase
// of the title or text), source (a publisher), from, to (published days),
// limit and offset.
func articleFilter(q url.Values) (sqlite.ArticleFilter, error) {
	var f sqlite.ArticleFilter
	var err error
	if f.Text, err = textParam(q, "q"); err != nil {
		return f, err
	}
	if f.Source, err = textParam(q, "source"); err != nil {
		return f, err
	}
	if f.From, f.To, err = dateRange(q); err != nil {
		return f, err
	}
	if f.Limit, f.Offset, err = pageParams(q); err != nil {
		return f, err
	}
	return f, nil
}

// quoteFilter returns the quote filter of the parameters speaker (part of
// the speaker's name), actor (the speaker's actor code or its start), q (a
// phrase of the quote), article (an article's row number), limit and
// offset. Quotes come newest article first.
func quoteFilter(q url.Values) (sqlite.QuoteFilter, error) {
	f := sqlite.QuoteFilter{Newest: true}
	var err error
	if f.Speaker, err = textParam(q, "speaker"); err != nil {
		return f, err
	}
	if f.SpeakerActor, err = actorParam(q, "actor"); err != nil {
		return f, err
	}
	if f.Text, err = textParam(q, "q"); err != nil {
		return f, err
	}
	if s := q.Get("article"); s != "" {
		if f.Article, err = strconv.ParseInt(s, 10, 64); err != nil || f.Article < 1 {
			return f, &paramError{Name: "article", Value: s, Want: "an article's row number (a positive integer)"}
		}
	}
	if f.Limit, f.Offset, err = pageParams(q); err != nil {
		return f, err
	}
	return f, nil
}

// timelineFilter returns the timeline filter of the parameters source,
// target, actor (actor codes or their starts), interval ("day", the
// default, or "week"), from, to and first.
func timelineFilter(q url.Values) (sqlite.TimelineFilter, error) {
	var f sqlite.TimelineFilter
	var err error
	if f.Source, err = actorParam(q, "source"); err != nil {
		return f, err
	}
	if f.Target, err = actorParam(q, "target"); err != nil {
		return f, err
	}
	if f.Actor, err = actorParam(q, "actor"); err != nil {
		return f, err
	}
	switch s := q.Get("interval"); s {
	case "", "day":
	case "week":
		f.Week = true
	default:
		return f, &paramError{Name: "interval", Value: s, Want: "day or week"}
	}
	if f.From, f.To, err = dateRange(q); err != nil {
		return f, err
	}
	if f.FirstReports, err = boolParam(q, "first"); err != nil {
		return f, err
	}
	return f, nil
}

// articleID checks the {id} of an article path: a row number or a record
// id, at most 200 bytes of printable text.
func articleID(s string) (string, error) {
	if s == "" || len(s) > 200 || !utf8.ValidString(s) || strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
		return "", &paramError{Name: "id", Value: s, Want: "an article's row number or record id"}
	}
	return s, nil
}
