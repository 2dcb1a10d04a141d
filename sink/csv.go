package sink

import (
	"bufio"
	"encoding/csv"
	"strconv"
)

// CSVHeader is the header row of the csv event format.
var CSVHeader = []string{
	"event_id", "record_id", "date",
	"source_actor", "source_name", "source_country", "source_sector",
	"target_actor", "target_name", "target_country", "target_sector",
	"cameo", "cameo_root", "plover", "quad_class", "goldstein", "negated", "hypothetical",
	"location", "location_country", "lat", "lon",
	"trigger", "evidence", "mentions", "title", "url", "publisher", "published",
}

// csvSink writes one event a row after a header (RFC 4180, for
// spreadsheets). Booleans are true/false; missing values are empty.
type csvSink struct {
	bw     *bufio.Writer
	w      *csv.Writer
	header bool
	row    []string
}

func newCSV(w *bufio.Writer) *csvSink {
	return &csvSink{bw: w, w: csv.NewWriter(w), row: make([]string, len(CSVHeader))}
}

func (s *csvSink) Write(e *Event) error {
	if !s.header {
		s.header = true
		if err := s.w.Write(CSVHeader); err != nil {
			return err
		}
	}
	r := s.row
	clear(r)
	v := &e.Event
	r[0] = strconv.FormatInt(e.ID, 10)
	r[1] = e.Article.ID
	if v.Date != nil {
		r[2] = *v.Date
	}
	if a := v.Source; a != nil {
		r[3], r[4], r[5], r[6] = a.Actor, a.Name, a.Country, a.Sector
	}
	if a := v.Target; a != nil {
		r[7], r[8], r[9], r[10] = a.Actor, a.Name, a.Country, a.Sector
	}
	r[11], r[12], r[13] = v.CAMEO, v.CAMEORoot, v.PLOVER
	r[14] = strconv.Itoa(v.QuadClass)
	r[15] = strconv.FormatFloat(v.Goldstein, 'f', -1, 64)
	r[16] = strconv.FormatBool(v.Negated)
	r[17] = strconv.FormatBool(v.Hypothetical)
	if l := v.Location; l != nil {
		r[18], r[19] = l.Name, l.Country
		r[20] = strconv.FormatFloat(l.Lat, 'f', -1, 64)
		r[21] = strconv.FormatFloat(l.Lon, 'f', -1, 64)
	}
	r[22] = v.Trigger.Text
	r[23] = e.Evidence
	m, _, _ := counts(e)
	r[24] = strconv.Itoa(m)
	r[25], r[26], r[27], r[28] = e.Article.Title, e.Article.URL, e.Article.Source, e.Article.Published
	return s.w.Write(r)
}

// Close writes the header if no event was written, and flushes.
func (s *csvSink) Close() error {
	if !s.header {
		s.header = true
		if err := s.w.Write(CSVHeader); err != nil {
			return err
		}
	}
	s.w.Flush()
	if err := s.w.Error(); err != nil {
		return err
	}
	return s.bw.Flush()
}
