package source

import (
	"fmt"
	"strings"
	"time"
)

// isoLayouts are the RFC 3339 / ISO 8601 forms. A fractional second after
// the seconds is accepted by time.Parse without a layout of its own.
var isoLayouts = []string{
	"2006-01-02",
	time.RFC3339,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
}

// textLayouts are the RFC 1123 / RFC 822 forms of feeds and the forms of
// prose. A month name matches in any case; a day may have one or two
// digits.
var textLayouts = func() []string {
	var l []string
	// RFC 1123 / RFC 822 and their variants: "Tue, 23 Apr 2013 10:00:00 GMT".
	for _, wd := range []string{"Mon, ", ""} {
		for _, yr := range []string{"2006", "06"} {
			for _, tm := range []string{" 15:04:05", " 15:04"} {
				for _, zn := range []string{" MST", " -0700", " Z07:00", ""} {
					l = append(l, wd+"2 Jan "+yr+tm+zn)
				}
			}
			l = append(l, wd+"2 Jan "+yr)
		}
	}
	return append(l,
		time.RFC850,
		time.ANSIC,
		time.UnixDate,
		"January 2, 2006",
		"January 2 2006",
		"Jan 2, 2006",
		"Jan 2 2006",
		"Monday, January 2, 2006",
		"Mon, Jan 2, 2006",
		"2 January 2006",
		"Monday, 2 January 2006",
		"Monday 2 January 2006",
		"January 2, 2006 15:04 MST",
		"January 2, 2006 3:04 PM",
		"January 2, 2006 3:04 PM MST",
	)
}()

// ParseDate normalises a publication date to YYYY-MM-DD. It accepts
// YYYY-MM-DD; RFC 3339 / ISO 8601 date-times with or without a zone
// ("2013-04-23T10:00:00Z", "2013-04-23 10:00"); the RFC 1123 / RFC 822
// forms of feeds ("Tue, 23 Apr 2013 10:00:00 GMT", "23 Apr 13 10:00 +0000");
// and "April 23, 2013" and "23 April 2013". The date is the one written,
// in the zone written: no conversion to UTC. Anything else returns an error
// that wraps ErrBadDate.
func ParseDate(s string) (string, error) {
	t := strings.TrimSpace(s)
	layouts := textLayouts
	if len(t) >= 10 && isDigits(t[:4]) && t[4] == '-' {
		layouts = isoLayouts
	}
	for _, layout := range layouts {
		if d, err := time.Parse(layout, t); err == nil {
			if y := d.Year(); y < 1 || y > 9999 {
				break
			}
			return d.Format("2006-01-02"), nil
		}
	}
	return "", fmt.Errorf(`%w %s (want YYYY-MM-DD, RFC 3339, RFC 1123, "April 23, 2013" or "23 April 2013")`, ErrBadDate, quote(s))
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
