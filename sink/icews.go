package sink

import (
	"bufio"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/geo"
)

// ICEWSHeader is the header row of ICEWS event files (the Dataverse
// release's .tab files): the column names, tab-separated.
const ICEWSHeader = "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\tIntensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude"

// na is how ICEWS files write a missing value (read as missing by R's
// read.delim and pandas' read_csv).
const na = "NA"

// icews writes ICEWS event rows, tab-separated, after the header.
//
// Event ID is the store's event number and Story ID its article number;
// Sentence Number is NA (the store keeps the evidence sentence's offsets,
// not its number); District is NA (the gazetteer has no second-order
// divisions). Countries are named as the gazetteer names them, sectors
// with the CAMEO role names, Event Text is the CAMEO codebook's name of
// the code and Intensity its Goldstein value.
type icews struct {
	w   *bufio.Writer
	t   Tables
	row [20]string
	out []byte
}

func newICEWS(w *bufio.Writer, t Tables) (*icews, error) {
	if _, err := w.WriteString(ICEWSHeader + "\n"); err != nil {
		return nil, err
	}
	return &icews{w: w, t: t}, nil
}

func (s *icews) Write(e *Event) error {
	r := &s.row
	for i := range r {
		r[i] = na
	}
	v := &e.Event
	r[0] = strconv.FormatInt(e.ID, 10)
	if v.Date != nil {
		r[1] = *v.Date
	}
	s.actor(r[2:5], v.Source)
	if c, ok := s.t.Ontology.Lookup(v.CAMEO); ok {
		r[5] = tsvField(sentenceCase(c.Name))
	}
	r[6] = v.CAMEO
	r[7] = strconv.FormatFloat(v.Goldstein, 'f', -1, 64)
	s.actor(r[8:11], v.Target)
	r[11] = strconv.FormatInt(e.Article.Row, 10)
	if e.Article.Source != "" {
		r[13] = tsvField(e.Article.Source)
	}
	if l := v.Location; l != nil {
		p := s.t.place(l)
		switch p.kind {
		case geo.KindCountry:
		case geo.KindRegion:
			r[16] = tsvField(p.name)
		default:
			r[14] = tsvField(p.name)
			if p.region != "" {
				r[16] = tsvField(p.region)
			}
		}
		if p.countryName != "" {
			r[17] = tsvField(p.countryName)
		}
		r[18] = strconv.FormatFloat(l.Lat, 'f', -1, 64)
		r[19] = strconv.FormatFloat(l.Lon, 'f', -1, 64)
	}
	return writeRow(s.w, &s.out, r[:], '\t')
}

func (s *icews) Close() error { return s.w.Flush() }

// actor fills Name, Sectors and Country of one actor.
func (s *icews) actor(c []string, a *eventwire.EventActor) {
	if a == nil {
		return
	}
	if a.Name != "" {
		c[0] = tsvField(a.Name)
	}
	if n := sectorNames[a.Sector]; n != "" {
		c[1] = n
	}
	if co, ok := s.t.Geo.Country(a.Country); ok {
		c[2] = co.Name
	}
}

// sectorNames names the CAMEO role codes (CAMEO codebook, actor types).
var sectorNames = map[string]string{
	"GOV": "Government", "MIL": "Military", "REB": "Rebels", "OPP": "Opposition",
	"PTY": "Political Parties", "COP": "Police", "JUD": "Judiciary", "SPY": "Intelligence",
	"LEG": "Legislature", "ELI": "Elites", "INS": "Insurgents", "SEP": "Separatists",
	"UAF": "Unaligned Armed Forces", "MOD": "Moderate", "RAD": "Radical", "BUS": "Business",
	"CVL": "Civilian", "CRM": "Criminal", "MED": "Media", "EDU": "Education",
	"HLH": "Health", "REF": "Refugees", "LAB": "Labor", "AGR": "Agriculture",
	"DEV": "Development", "ENV": "Environment", "HRI": "Human Rights", "REL": "Religion",
}

// sentenceCase writes an all-capitals codebook heading ("MAKE PUBLIC
// STATEMENT") as the other names are written ("Make public statement");
// other names are returned as they are.
func sentenceCase(s string) string {
	if strings.ToUpper(s) != s {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + strings.ToLower(s[n:])
}
