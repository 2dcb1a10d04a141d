package sink

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire"
)

func str(s string) *string { return &s }

// testEvents are two events as a query returns them: "Lavrov accused Kerry
// in Geneva", and an undated, unplaced, hypothetical one with no target
// whose evidence has a tab and a line break.
func testEvents() []Event {
	added := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	return []Event{
		{ID: 7, Lead: true, Evidence: "Lavrov accused Kerry of lying.",
			Article: Article{Row: 3, ID: "abc", URL: "https://example.org/a", Title: "Talks", Source: "Reuters", Published: "2024-05-06", Added: added},
			Event: eventwire.Event{ID: "v1",
				Source: &eventwire.EventActor{Entity: "e1", Name: "Sergei Lavrov", Actor: "RUSGOV", Country: "RUS", Sector: "GOV"},
				Target: &eventwire.EventActor{Entity: "e2", Name: "John Kerry", Actor: "USAGOV", Country: "USA", Sector: "GOV"},
				CAMEO:  "112", CAMEORoot: "11", PLOVER: "ACCUSE", QuadClass: 3, Goldstein: -2, Date: str("2024-05-05"),
				Location: &eventwire.Location{Name: "Geneva", Country: "CHE", Lat: 46.2, Lon: 6.15, Text: "Geneva"},
				Trigger:  eventwire.Mention{Start: 7, End: 14, Text: "accused"},
				Mentions: []eventwire.EventMention{{}, {}}}},
		{ID: 8, Evidence: "The U.N. may\tappeal\nfor aid.",
			Article: Article{Row: 4, ID: "def", Title: "Aid"},
			Event: eventwire.Event{ID: "v1",
				Source: &eventwire.EventActor{Name: "United Nations", Actor: "IGOUNO", Country: "IGO"},
				CAMEO:  "020", CAMEORoot: "02", PLOVER: "REQUEST", QuadClass: 1, Goldstein: 3, Hypothetical: true,
				Trigger: eventwire.Mention{Text: "appeal"}}},
	}
}

func writeEvents(t *testing.T, format string, evs []Event) string {
	t.Helper()
	var buf bytes.Buffer
	s, err := NewEvents(format, &buf, Tables{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range evs {
		if err := s.Write(&evs[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestEventFormats(t *testing.T) {
	tests := []struct {
		format string
		want   string
	}{
		{"gdelt", "7\t20240505\t202405\t2024\t2024.4247\tRUSGOV\tSERGEI LAVROV\tRUS\t\t\t\t\tGOV\t\t\tUSAGOV\tJOHN KERRY\tUSA\t\t\t\t\tGOV\t\t\t1\t112\t112\t11\t3\t-2\t2\t1\t1\t\t0\t\t\t\t\t\t\t\t0\t\t\t\t\t\t\t\t4\tGeneva, Switzerland\t\t\t\t46.2\t6.15\t\t20240506070809\thttps://example.org/a\n" +
			"8\t\t\t\t\tIGOUNO\tUNITED NATIONS\t\tUNO\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t0\t020\t020\t02\t1\t3\t1\t1\t1\t\t0\t\t\t\t\t\t\t\t0\t\t\t\t\t\t\t\t0\t\t\t\t\t\t\t\t\tdef\n"},
		{"icews", ICEWSHeader + "\n" +
			"7\t2024-05-05\tSergei Lavrov\tGovernment\tRussia\tAccuse\t112\t-2\tJohn Kerry\tGovernment\tUnited States\t3\tNA\tReuters\tGeneva\tNA\tGeneva\tSwitzerland\t46.2\t6.15\n" +
			"8\tNA\tUnited Nations\tNA\tNA\tMake an appeal or request\t020\t3\tNA\tNA\tNA\t4\tNA\tNA\tNA\tNA\tNA\tNA\tNA\tNA\n"},
		{"csv", strings.Join(CSVHeader, ",") + "\n" +
			"7,abc,2024-05-05,RUSGOV,Sergei Lavrov,RUS,GOV,USAGOV,John Kerry,USA,GOV,112,11,ACCUSE,3,-2,false,false,Geneva,CHE,46.2,6.15,accused,Lavrov accused Kerry of lying.,2,Talks,https://example.org/a,Reuters,2024-05-06\n" +
			"8,def,,IGOUNO,United Nations,IGO,,,,,,020,02,REQUEST,1,3,false,true,,,,,appeal,\"The U.N. may\tappeal\nfor aid.\",1,Aid,,,\n"},
	}
	for _, tt := range tests {
		if got := writeEvents(t, tt.format, testEvents()); got != tt.want {
			t.Errorf("%s:\ngot  %q\nwant %q", tt.format, got, tt.want)
		}
	}
}

func TestEventJSONL(t *testing.T) {
	out := writeEvents(t, "jsonl", testEvents())
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("want 2 lines, got %d:\n%s", len(lines), out)
	}
	var l struct {
		Article  struct{ ID string }
		Event    eventwire.Event
		Evidence string
	}
	if err := json.Unmarshal([]byte(lines[0]), &l); err != nil {
		t.Fatal(err)
	}
	if l.Article.ID != "abc" || l.Event.CAMEO != "112" || l.Evidence != "Lavrov accused Kerry of lying." {
		t.Errorf("first line decodes to %+v", l)
	}
}

// TestEmptyOutputs checks what each format writes for no events: the
// header where it has one, nothing else.
func TestEmptyOutputs(t *testing.T) {
	tests := []struct{ format, want string }{
		{"jsonl", ""},
		{"gdelt", ""},
		{"icews", ICEWSHeader + "\n"},
		{"csv", strings.Join(CSVHeader, ",") + "\n"},
	}
	for _, tt := range tests {
		if got := writeEvents(t, tt.format, nil); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.format, got, tt.want)
		}
	}
}

func TestEventFormatUnknown(t *testing.T) {
	if _, err := NewEvents("xml", &bytes.Buffer{}, Tables{}); !errors.Is(err, ErrFormat) {
		t.Errorf("NewEvents(xml): %v, want ErrFormat", err)
	}
}

// TestGDELTColumns checks the row width against GDELT's column list and
// that every row, whatever the text in it, has exactly that many fields.
func TestGDELTColumns(t *testing.T) {
	evs := testEvents()
	evs[0].Event.Source.Name = "tab\there"
	evs[0].Article.URL = "line\nbreak"
	out := writeEvents(t, "gdelt", evs)
	for i, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if n := strings.Count(l, "\t") + 1; n != GDELTColumns {
			t.Errorf("line %d has %d fields, want %d", i+1, n, GDELTColumns)
		}
	}
	f, err := os.Open("../../shared/data/gdelt/GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv")
	if err != nil {
		t.Skipf("GDELT column list absent (../shared not checked out?): %v", err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(rows) - 1; n != GDELTColumns {
		t.Errorf("GDELT lists %d columns, the writer %d", n, GDELTColumns)
	}
}

func TestICEWSHeaderMatchesSample(t *testing.T) {
	f, err := os.Open("../../shared/data/gdelt/events.2018.sample.tab")
	if err != nil {
		t.Skipf("ICEWS sample absent (../shared not checked out?): %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	if !sc.Scan() {
		t.Fatalf("empty sample: %v", sc.Err())
	}
	if got := sc.Text(); got != ICEWSHeader {
		t.Errorf("sample header %q\nwriter header %q", got, ICEWSHeader)
	}
	cols := strings.Count(ICEWSHeader, "\t") + 1
	for i, l := range strings.Split(strings.TrimSuffix(writeEvents(t, "icews", testEvents()), "\n"), "\n") {
		if n := strings.Count(l, "\t") + 1; n != cols {
			t.Errorf("line %d has %d fields, want %d", i+1, n, cols)
		}
	}
}

func BenchmarkEvents(b *testing.B) {
	evs := testEvents()
	for _, format := range EventFormats {
		b.Run(format, func(b *testing.B) {
			var buf bytes.Buffer
			s, err := NewEvents(format, &buf, Tables{})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				if err := s.Write(&evs[i%len(evs)]); err != nil {
					b.Fatal(err)
				}
				if buf.Len() > 1<<20 {
					buf.Reset()
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
		})
	}
}

func ExampleNewEvents() {
	s, err := NewEvents("csv", os.Stdout, Tables{})
	if err != nil {
		fmt.Println(err)
		return
	}
	ev := testEvents()[0]
	if err := s.Write(&ev); err != nil {
		fmt.Println(err)
	}
	if err := s.Close(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// event_id,record_id,date,source_actor,source_name,source_country,source_sector,target_actor,target_name,target_country,target_sector,cameo,cameo_root,plover,quad_class,goldstein,negated,hypothetical,location,location_country,lat,lon,trigger,evidence,mentions,title,url,publisher,published
	// 7,abc,2024-05-05,RUSGOV,Sergei Lavrov,RUS,GOV,USAGOV,John Kerry,USA,GOV,112,11,ACCUSE,3,-2,false,false,Geneva,CHE,46.2,6.15,accused,Lavrov accused Kerry of lying.,2,Talks,https://example.org/a,Reuters,2024-05-06
}

// FuzzTabRows writes events whose names, URL and place come from the
// fuzzer: every GDELT and ICEWS row must stay one line of its columns.
func FuzzTabRows(f *testing.F) {
	f.Add("Sergei Lavrov", "https://example.org/a", "Geneva", "Reuters")
	f.Add("a\tb", "line\nbreak", "\r", "")
	tables := Tables{}
	if err := tables.load(); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, name, url, place, publisher string) {
		ev := testEvents()[0]
		ev.Event.Source.Name, ev.Article.URL, ev.Article.Source = name, url, publisher
		ev.Event.Location.Name = place
		for format, cols := range map[string]int{"gdelt": GDELTColumns, "icews": 20} {
			var buf bytes.Buffer
			s, err := NewEvents(format, &buf, tables)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Write(&ev); err != nil {
				t.Fatal(err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
			last := lines[len(lines)-1]
			if n := strings.Count(last, "\t") + 1; n != cols || len(lines) != 1+boolInt(format == "icews") {
				t.Fatalf("%s: %d lines, last with %d fields:\n%q", format, len(lines), n, buf.String())
			}
		}
	})
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
