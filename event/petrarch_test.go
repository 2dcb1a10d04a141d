package event

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

const petrarchSample = `# sample in the PETRARCH-2 layout
####### SYNONYM SETS #######
&MILITARY
+TROOPS
+ARMY

####### VERB PATTERNS #######
---  ATTACK   [190]  ---
ATTACK
ASSAIL {ASSAILS ASSAILED }
+OPEN_FIRE [193]
- * &MILITARY                [190]   # ATTACK
- * (WITH +)                 [193]
- $ * (INTO +)               [192]
- * {AIR BASE}               [195]
- * (FOR {LONG PEACE PLAN})  [027]
- FORCES * ROCKET            [194]
- * CAMP                     [180]---

---  DELAY   [120]---  ---
DELAY
POSTPONE [160]
- * TALKS                    [164]

---  VISIT   [---]  ---
VISIT
+SET_OFF
- * (TO +)                   [042:043]
- * (IN COURT)               [:173]
- * HOME                     [9999]

######## TRANSFORMATIONS ##########
~ a (a b ATTACK) SAY = a b 015
`

func TestReadPetrarchVerbsSample(t *testing.T) {
	o := mustOntology(t)
	d, rep, err := ReadPetrarchVerbs(strings.NewReader(petrarchSample), "sample.txt", o)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range d.Patterns() {
		got = append(got, p.String())
	}
	sort.Strings(got)
	for _, g := range got {
		if strings.Contains(g, "9999") || strings.Contains(g, "180") || strings.Contains(g, "027") || strings.Contains(g, "194") {
			t.Errorf("emitted a skipped pattern: %s", g)
		}
	}
	exp := []string{
		"042:043 verb visit to=+",
		"160 verb postpone",
		"164 verb delay obj=talks",
		"164 verb postpone obj=talks",
		"190 verb assail",
		"190 verb assail obj=troops|army",
		"190 verb attack",
		"190 verb attack obj=troops|army",
		"192 verb assail subj=$ into=+",
		"192 verb attack subj=$ into=+",
		"193 verb assail with=+",
		"193 verb attack with=+",
		"193 verb open obj=fire",
		"195 verb assail obj=base mod=air",
		"195 verb attack obj=base mod=air",
		":173 verb visit in=court",
	}
	if !reflect.DeepEqual(got, exp) {
		t.Errorf("patterns:\n got %q\nwant %q", got, exp)
	}
	if rep.Verbs != 7 || rep.Patterns != 11 || rep.Entries != d.Len() || rep.Used != 11 {
		t.Errorf("report: %d verbs, %d patterns, %d lines used, %d entries; want 7, 11, 11 and %d", rep.Verbs, rep.Patterns, rep.Used, rep.Entries, d.Len())
	}
	wantSkip := map[string]int{
		"verb: bad code": 1, // DELAY under [120]---
		"verb: no code":  2, // VISIT and SET_OFF under [---]
		"pattern: noun phrase in braces of three words or more": 1,
		"pattern: words before the verb":                        1,
		"pattern: bad code":                                     2, // [180]--- and [9999]
	}
	if !reflect.DeepEqual(rep.Skipped, wantSkip) {
		t.Errorf("skipped %v, want %v", rep.Skipped, wantSkip)
	}
	var warn []string
	for _, w := range rep.Warnings {
		warn = append(warn, w[:strings.Index(w, ": ")])
	}
	if !reflect.DeepEqual(warn, []string{"sample.txt:18", "sample.txt:20", "sample.txt:30"}) {
		t.Errorf("warnings %q, want lines 18 ([180]---), 20 ([120]---) and 30 ([9999])", rep.Warnings)
	}
}

func TestReadPetrarchVerbsErrors(t *testing.T) {
	_, _, err := ReadPetrarchVerbs(strings.NewReader("&SET\n+A\n"), "nov.txt", mustOntology(t))
	if !errors.Is(err, ErrPetrarch) || !strings.Contains(err.Error(), "nov.txt") {
		t.Errorf("err = %v, want ErrPetrarch naming nov.txt", err)
	}
}

// petrarchFile returns the path of PETRARCH-2's CAMEO.2.0.txt, skipping
// the test when ../shared is absent.
func petrarchFile(tb testing.TB) string {
	tb.Helper()
	path := filepath.Join("..", "..", "shared", "data", "petrarch", "CAMEO.2.0.txt")
	if _, err := os.Stat(path); err != nil {
		tb.Skipf("skipping: %s is absent (PETRARCH-2 data lives in ../shared, beside the repository)", path)
	}
	return path
}

// TestReadPetrarchVerbsFile loads the real PETRARCH-2 verb dictionary and
// reports what it used and skipped.
func TestReadPetrarchVerbsFile(t *testing.T) {
	path := petrarchFile(t)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	o := mustOntology(t)
	d, rep, err := ReadPetrarchVerbs(f, path, o)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Check(o); err != nil {
		t.Error(err)
	}
	t.Logf("%s: %d verbs and %d patterns read; %d lines used, %d skipped; %d entries (%d lemmas); %d warnings",
		filepath.Base(path), rep.Verbs, rep.Patterns, rep.Used, rep.SkippedTotal(), rep.Entries, len(d.verbs), len(rep.Warnings))
	reasons := make([]string, 0, len(rep.Skipped))
	for r := range rep.Skipped {
		reasons = append(reasons, r)
	}
	sort.Strings(reasons)
	for _, r := range reasons {
		t.Logf("  skipped %5d  %s", rep.Skipped[r], r)
	}
	for _, w := range rep.Warnings {
		t.Logf("  warning: %s", w)
	}
	// The file's malformed headings ("[120]---") are warnings.
	malformed := 0
	for _, w := range rep.Warnings {
		if strings.Contains(w, "]---") {
			malformed++
		}
	}
	if malformed < 4 {
		t.Errorf("%d warnings about codes like [120]---, want the file's 4 or more", malformed)
	}
	if rep.Used < 2000 || d.Len() < 5000 {
		t.Errorf("used %d lines, %d entries: want most of the file's simple patterns", rep.Used, d.Len())
	}
	for _, p := range d.Verb("attack") {
		if p.Code == "" && p.Reverse == "" {
			t.Errorf("pattern without a code: %+v", p)
		}
	}
}

func FuzzReadPetrarchVerbs(f *testing.F) {
	f.Add(petrarchSample)
	f.Add("####### VERB PATTERNS\n--- X [01\nX [\n- * ( (\n")
	o := mustOntology(f)
	f.Fuzz(func(t *testing.T, in string) {
		d, rep, err := ReadPetrarchVerbs(strings.NewReader(in), "fuzz", o)
		if err != nil {
			return
		}
		if err := d.Check(o); err != nil {
			t.Fatalf("emitted an unknown code: %v", err)
		}
		if rep.Entries != d.Len() {
			t.Fatalf("report counts %d entries, dictionary has %d", rep.Entries, d.Len())
		}
		for _, p := range d.Patterns() {
			checkRoundTrip(t, p)
		}
	})
}
