package main

import (
	"strings"
	"testing"

	"github.com/eventwire/eventwire/sink"
)

func TestExport(t *testing.T) {
	db := storeDB(t)
	tests := []struct {
		args   []string
		lines  int // output lines
		fields int // tab-separated fields a line; 0: not checked
	}{
		{[]string{"--format", "jsonl"}, 3, 0},
		{[]string{"--format", "jsonl", "--source", "RUS"}, 2, 0},
		{[]string{"--format", "jsonl", "--plover", "THREATEN"}, 0, 0},
		{[]string{"--format", "csv"}, 3, 0},
		{[]string{"--format", "csv", "--place", "Geneva"}, 2, 0},
		{[]string{"--format", "csv", "--every-report"}, 4, 0},
		{[]string{"--format", "gdelt"}, 2, sink.GDELTColumns},
		{[]string{"--format", "gdelt", "--limit", "1"}, 1, sink.GDELTColumns},
		{[]string{"--format", "icews"}, 3, 20},
	}
	for _, tt := range tests {
		code, out, errs := ew(t, "", append([]string{"export", "--db", db}, tt.args...)...)
		if code != 0 || !strings.Contains(errs, "eventwire: export:") {
			t.Errorf("%v: exit %d, stderr %q", tt.args, code, errs)
			continue
		}
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if out == "" {
			lines = nil
		}
		if len(lines) != tt.lines {
			t.Errorf("%v: %d lines, want %d:\n%s", tt.args, len(lines), tt.lines, out)
		}
		for i, l := range lines {
			if n := strings.Count(l, "\t") + 1; tt.fields > 0 && n != tt.fields {
				t.Errorf("%v: line %d has %d fields, want %d", tt.args, i+1, n, tt.fields)
			}
		}
	}
}

// TestExportJSONLIsExtractRecords checks that export writes the records
// as stored: the JSON contract, offsets and all.
func TestExportJSONLIsExtractRecords(t *testing.T) {
	_, out, _ := ew(t, "", "export", "--db", storeDB(t), "--format", "jsonl")
	rs := records(t, out)
	if len(rs) != 3 || rs[0].Title != "Talks" || len(rs[0].Events) != 1 || len(rs[0].Quotes) != 1 {
		t.Fatalf("records %+v", rs)
	}
	for _, r := range rs {
		if err := r.CheckOffsets(); err != nil {
			t.Error(err)
		}
	}
}

func TestExportCSVGolden(t *testing.T) {
	_, out, _ := ew(t, "", "export", "--db", storeDB(t), "--format", "csv")
	want := strings.Join(sink.CSVHeader, ",") + "\n" +
		"1,%s,2013-09-10,RUSGOV,Sergei Lavrov,RUS,GOV,USAGOV,John Kerry,USA,GOV,112,11,ACCUSE,3,-2,false,false,Geneva,CHE,46.2,6.15,accused,Lavrov accused Kerry of lying in Geneva on Tuesday.,2,Talks,https://example.org/talks,Reuters,2013-09-11\n" +
		"2,%s,,IGOUNO,United Nations,IGO,,,,,,020,02,REQUEST,1,3,false,true,,,,,appeal,\"The U.N. may appeal for aid, officials said.\",1,Aid,,,\n"
	docs := storeDocs()
	want = strings.Replace(want, "%s", docs[0].ID, 1)
	want = strings.Replace(want, "%s", docs[1].ID, 1)
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}

// TestExportGDELTCounts checks that an event two publishers report is
// written once, with GDELT's counts over both reports.
func TestExportGDELTCounts(t *testing.T) {
	_, out, _ := ew(t, "", "export", "--db", storeDB(t), "--format", "gdelt", "--cameo", "112")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 1 {
		t.Fatalf("%d lines, want 1:\n%s", len(lines), out)
	}
	f := strings.Split(lines[0], "\t")
	// NumMentions, NumSources, NumArticles; ActionGeo_Type and FullName.
	if got := strings.Join([]string{f[31], f[32], f[33], f[51], f[52]}, "|"); got != "2|2|2|4|Geneva, Switzerland" {
		t.Errorf("counts and place %q, want 2|2|2|4|Geneva, Switzerland", got)
	}
}
