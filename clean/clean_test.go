package clean

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire"
)

const testTitle = "Ministers meet as talks resume"

// doc cleans an article made of the test title line, a blank line and body.
func doc(body string) *eventwire.Doc {
	d := eventwire.NewDoc(eventwire.Article{Title: testTitle, Text: testTitle + "\n\n" + body})
	Clean(d)
	return d
}

// datelineOf returns "place|agency|spanned text" of a document's dateline,
// or "" when it has none.
func datelineOf(d *eventwire.Doc) string {
	if d.Dateline == nil {
		return ""
	}
	dl := d.Dateline
	return dl.Place + "|" + dl.Agency + "|" + d.Slice(eventwire.Span{Start: dl.Start, End: dl.End})
}

// marks returns "reason:spanned text" for each boilerplate span.
func marks(d *eventwire.Doc) []string {
	var out []string
	for _, b := range d.Boilerplate {
		out = append(out, b.Reason+":"+d.Slice(b.Span()))
	}
	return out
}

func TestDateline(t *testing.T) {
	for _, c := range []struct{ body, want string }{
		// The form of the seed: alone on its line.
		{"BRUSSELS (Reuters) -\nThe ministers met on Tuesday.", "BRUSSELS|Reuters|BRUSSELS (Reuters) -"},
		// Followed by the first sentence.
		{"BRUSSELS (Reuters) - The ministers met on Tuesday.", "BRUSSELS|Reuters|BRUSSELS (Reuters) -"},
		{"WASHINGTON, April 23 (AP) — The Senate voted on Tuesday.", "WASHINGTON|AP|WASHINGTON, April 23 (AP) —"},
		{"GENEVA, Switzerland (AFP) - Talks resumed on Monday.", "GENEVA|AFP|GENEVA, Switzerland (AFP) -"},
		{"MOSCOW — The Kremlin said on Friday it would reply.", "MOSCOW||MOSCOW —"},
		{"NEW YORK/LONDON (Reuters) - Oil prices rose.", "NEW YORK/LONDON|Reuters|NEW YORK/LONDON (Reuters) -"},
		{"SAN FRANCISCO, Calif. (AP) -- A judge ruled on Monday.", "SAN FRANCISCO|AP|SAN FRANCISCO, Calif. (AP) --"},
		{"KYIV, Ukraine, March 3 (Reuters) – Air raid sirens sounded.", "KYIV|Reuters|KYIV, Ukraine, March 3 (Reuters) –"},
		{"BEIRUT, Lebanon — Protesters gathered downtown.", "BEIRUT||BEIRUT, Lebanon —"},
		{"UNITED NATIONS (AP) — The Security Council met.", "UNITED NATIONS|AP|UNITED NATIONS (AP) —"},
		{"LONDON, Jan 5 (Reuters) - Sterling fell.", "LONDON|Reuters|LONDON, Jan 5 (Reuters) -"},
		{"LONDON, Jan. 5, 2014 (Reuters) - Sterling fell.", "LONDON|Reuters|LONDON, Jan. 5, 2014 (Reuters) -"},
		{"PARIS, 5 January (AFP) - Unions called a strike.", "PARIS|AFP|PARIS, 5 January (AFP) -"},
		{"SÃO PAULO (Reuters) - Brazil's real firmed.", "SÃO PAULO|Reuters|SÃO PAULO (Reuters) -"},
		{"ZÜRICH (dpa) - The bank said on Monday.", "ZÜRICH|dpa|ZÜRICH (dpa) -"},
		{"BEIJING (Xinhua) -- China said on Monday.", "BEIJING|Xinhua|BEIJING (Xinhua) --"},
		{"NEW DELHI (IANS) - The minister said.", "NEW DELHI|IANS|NEW DELHI (IANS) -"},
		{"WASHINGTON (UPI) -- The Pentagon said.", "WASHINGTON|UPI|WASHINGTON (UPI) --"},
		{"NEW YORK (Bloomberg) -- Stocks rose.", "NEW YORK|Bloomberg|NEW YORK (Bloomberg) --"},
		{"ST. LOUIS — A jury returned a verdict.", "ST. LOUIS||ST. LOUIS —"},
		{"WINSTON-SALEM, N.C. - The company said.", "WINSTON-SALEM||WINSTON-SALEM, N.C. -"},
		{"McALLEN, Texas (AP) — Border agents said.", "McALLEN|AP|McALLEN, Texas (AP) —"},
		{"PORT-AU-PRINCE, Haiti (Reuters) - Aid arrived.", "PORT-AU-PRINCE|Reuters|PORT-AU-PRINCE, Haiti (Reuters) -"},
		{"GRONINGEN, the Netherlands, March 31 - Gas output fell.", "GRONINGEN||GRONINGEN, the Netherlands, March 31 -"},
		{"MOSCOW—The Kremlin said on Friday it would reply.", "MOSCOW||MOSCOW—"},
		{"WASHINGTON (AP) _ The House voted on Tuesday.", "WASHINGTON|AP|WASHINGTON (AP) _"},
		{"LONDON (Reuters)- Sterling fell.", "LONDON|Reuters|LONDON (Reuters)-"},
		// Agency forms without a place.
		{"(Reuters) - Oil prices rose on Monday.", "|Reuters|(Reuters) -"},
		{"(CNN) -- The storm made landfall.", "|CNN|(CNN) --"},
		{"(CNN)The storm made landfall on Sunday.", "|CNN|(CNN)"},
		{"(AFP) - The talks broke down.", "|AFP|(AFP) -"},
		// Well-known agency without a dash, and a mixed-case place before it.
		{"Washington (CNN)The Senate voted on Tuesday.", "Washington|CNN|Washington (CNN)"},
		{"New York (AFP) – Stocks fell on Monday.", "New York|AFP|New York (AFP) –"},
		{"BRUSSELS (Reuters)\nThe ministers met on Tuesday.", "BRUSSELS|Reuters|BRUSSELS (Reuters)"},
		// Reuters-21578 bodies: date, no agency, maybe the dash ends the line.
		{"    NEW YORK, March 3 - Shares rose in early trading.", "NEW YORK||NEW YORK, March 3 -"},
		{"    DALLAS, March 3 -\n    Shr loss six cts vs profit 19 cts", "DALLAS||DALLAS, March 3 -"},
		{"    SAN MATEO, Calif., March 2 -\n    The company said.", "SAN MATEO||SAN MATEO, Calif., March 2 -"},
		{"    BOSTON, MARCH 20 - Bank earnings rose.", "BOSTON||BOSTON, MARCH 20 -"},
		{"    New York, June 1 - The company said.", "New York||New York, June 1 -"},
		{"    MINNETONKA, Minn. March 16 - Sales rose.", "MINNETONKA||MINNETONKA, Minn. March 16 -"},
		{"    LONDON, March 16- Gilts rose.", "LONDON||LONDON, March 16-"},
		{"    CHICAGO, March 4, - Grain futures fell.", "CHICAGO||CHICAGO, March 4, -"},
		{"    NEW YORK , April 13 - The bank said.", "NEW YORK||NEW YORK , April 13 -"},
		{"    SAO PAULO, APRIL 3 - THE FOLLOWING RAINFALL WAS RECORDED", "SAO PAULO||SAO PAULO, APRIL 3 -"},
		// A little later: after a byline, a short line of its own or a caption.
		{"By Jane Smith\nBRUSSELS (Reuters) - The ministers met.", "BRUSSELS|Reuters|BRUSSELS (Reuters) -"},
		{"By JANE SMITH and JOHN DOE, Reuters\n\nBRUSSELS (Reuters) - The ministers met.", "BRUSSELS|Reuters|BRUSSELS (Reuters) -"},
		{"April 23, 2013\n\nBRUSSELS (Reuters) - The ministers met.", "BRUSSELS|Reuters|BRUSSELS (Reuters) -"},
		{"As the talks stall, allies look for a way out.\n\nBERLIN - The chancellor spoke.", "BERLIN||BERLIN -"},
		{"A minister arrives in Brussels. (REUTERS/Jane Doe)\nBRUSSELS (Reuters) - The ministers met.", "BRUSSELS|Reuters|BRUSSELS (Reuters) -"},
		// White space around.
		{"\t BRUSSELS (Reuters) -  \nThe ministers met.", "BRUSSELS|Reuters|BRUSSELS (Reuters) -"},
		{"CHARLESTON, S.C.\u00a0— The senator spoke.", "CHARLESTON||CHARLESTON, S.C.\u00a0—"},
	} {
		if got := datelineOf(doc(c.body)); got != c.want {
			t.Errorf("body %q:\n got %q\nwant %q", c.body, got, c.want)
		}
	}
}

func TestNoDateline(t *testing.T) {
	for _, body := range []string{
		"",
		"The ministers met on Tuesday.",
		"NATO said on Tuesday it would meet.",
		"U.S. officials said - without giving details - that talks would resume.",
		"KERRY AND LAVROV AGREE TO REVIVE SYRIA PLAN",
		"PEACE TALKS - REPORT",
		"PEACE TALKS COLLAPSE - MINISTERS WALK OUT",
		"UPDATE - The ministers met on Tuesday.",
		"EXCLUSIVE - Ministers plan a new round of talks.",
		"NEW YORK AT ITS CORE - The city voted.",
		"BIG MISTAKE - The food was cold.",
		"MOSCOW - and then the talks went on.",
		"Moscow - The Kremlin said.",
		"Kerry, speaking after talks, said little.",
		"TOO FAST TOO FURIOUS (DIGITAL BRIDGES)",
		"SIEGEL--Jerome, died peacefully on Tuesday.",
		"Monday, April 7 - Talks resume in Geneva.",
		"UN - The body met.",
		"(Some note) on the talks.",
		"(Editor's note) - This story was updated.",
		"(Talks Desk) - The ministers met.",
		"(Photo) - A minister arrives.",
		// Mid-paragraph: the first line is prose that the second continues.
		"The ministers met on Tuesday and said\nBRUSSELS (Reuters) - was the place.",
		// Too late: after five paragraphs.
		"One.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n\nBRUSSELS (Reuters) - The ministers met.",
		// A byline that is prose.
		"By the end of the day the talks\nBRUSSELS (Reuters) - had failed.",
	} {
		if got := datelineOf(doc(body)); got != "" {
			t.Errorf("body %q: got dateline %q, want none", body, got)
		}
	}
}

// The title line is skipped and never marked, whatever it looks like.
func TestTitleLine(t *testing.T) {
	for _, c := range []struct{ title, text, dateline string }{
		{"ECONOMIC SPOTLIGHT - Profits rise", "ECONOMIC SPOTLIGHT - Profits rise\n\nMOSCOW - The Kremlin said.", "MOSCOW||MOSCOW -"},
		{"BERLIN - Ministers meet", "BERLIN - Ministers meet\n\nThe ministers met.", ""},
		{"Click here for the talks", "Click here for the talks\n\nThe ministers met.", ""},
		// A title written with a final period in the text.
		{"Ministers meet", "Ministers meet.\n\nBERLIN - The chancellor spoke.", "BERLIN||BERLIN -"},
		// JSONL: the text starts with the body.
		{"Ministers meet", "BRUSSELS (Reuters) - The ministers met.", "BRUSSELS|Reuters|BRUSSELS (Reuters) -"},
		// The title taken from the first line of a text that has none.
		{"BRUSSELS (Reuters) - The ministers met.", "BRUSSELS (Reuters) - The ministers met.", "BRUSSELS|Reuters|BRUSSELS (Reuters) -"},
		{"WASHINGTON, April 23 (AP) — The Senate voted.", "WASHINGTON, April 23 (AP) — The Senate voted.\n\nIt met again.", "WASHINGTON|AP|WASHINGTON, April 23 (AP) —"},
		// No title given: the first line is taken as body.
		{"", "BRUSSELS (Reuters) - The ministers met.", "BRUSSELS|Reuters|BRUSSELS (Reuters) -"},
		{"", "Ministers meet in Brussels\n\nBRUSSELS (Reuters) - The ministers met.", "BRUSSELS|Reuters|BRUSSELS (Reuters) -"},
	} {
		d := eventwire.NewDoc(eventwire.Article{Title: c.title, Text: c.text})
		Clean(d)
		if got := datelineOf(d); got != c.dateline {
			t.Errorf("text %q: dateline %q, want %q", c.text, got, c.dateline)
		}
		if len(d.Boilerplate) != 0 {
			t.Errorf("text %q: marked %q", c.text, marks(d))
		}
	}
}

func TestBoilerplate(t *testing.T) {
	for _, c := range []struct {
		body string
		want []string
	}{
		// duplicate-line: the later occurrences only.
		{"Ministers met in Brussels on Tuesday to revive the plan.\n\nThey agreed to meet again.\n\nMinisters met in Brussels on Tuesday to revive the plan.",
			[]string{"duplicate-line:Ministers met in Brussels on Tuesday to revive the plan."}},
		{"A minister gestures in Brussels on Tuesday.\n\nText.\n\nA minister gestures in Brussels on Tuesday.\n\nA minister gestures in Brussels on Tuesday.",
			[]string{"duplicate-line:A minister gestures in Brussels on Tuesday.", "duplicate-line:A minister gestures in Brussels on Tuesday."}},
		// White-space runs compare equal.
		{"Ministers met in Brussels  on Tuesday.\n\nMinisters met in\tBrussels on Tuesday.",
			[]string{"duplicate-line:Ministers met in\tBrussels on Tuesday."}},
		// A repeated title line is a duplicate.
		{"Ministers meet as talks resume\n\nThe talks resumed.", []string{"duplicate-line:Ministers meet as talks resume"}},
		// photo-credit: captions that end with a credit are marked whole.
		{"A minister arrives for talks in Brussels on Tuesday. (REUTERS/Evan Vucci/Pool)\n\nThe talks began.",
			[]string{"photo-credit:A minister arrives for talks in Brussels on Tuesday. (REUTERS/Evan Vucci/Pool)"}},
		{"A minister arrives for talks in Brussels on Tuesday. (AP Photo/Evan Vucci)\n\nThe talks began.",
			[]string{"photo-credit:A minister arrives for talks in Brussels on Tuesday. (AP Photo/Evan Vucci)"}},
		{"A minister arrives in Brussels April 23, 2013. REUTERS/Kevin Lamarque\n\nThe talks began.",
			[]string{"photo-credit:A minister arrives in Brussels April 23, 2013. REUTERS/Kevin Lamarque"}},
		{"A minister arrives in Brussels. AFP PHOTO / JOHN DOE\n\nThe talks began.",
			[]string{"photo-credit:A minister arrives in Brussels. AFP PHOTO / JOHN DOE"}},
		{"A minister arrives in Brussels. (Photo by Jane Doe/Getty Images)\n\nThe talks began.",
			[]string{"photo-credit:A minister arrives in Brussels. (Photo by Jane Doe/Getty Images)"}},
		{"FILE PHOTO: A minister speaks in Brussels, April 23, 2013.\n\nThe talks began.",
			[]string{"photo-credit:FILE PHOTO: A minister speaks in Brussels, April 23, 2013."}},
		// Credits alone on their line.
		{"The talks began.\n\nREUTERS/Kevin Lamarque", []string{"photo-credit:REUTERS/Kevin Lamarque"}},
		{"The talks began.\n\nPhoto: Getty Images", []string{"photo-credit:Photo: Getty Images"}},
		{"The talks began.\n\n(AP Photo/Evan Vucci)", []string{"photo-credit:(AP Photo/Evan Vucci)"}},
		{"The talks began.\n\nFile photo", []string{"photo-credit:File photo"}},
		{"The talks began.\n\nJane Doe via Getty Images.", []string{"photo-credit:Jane Doe via Getty Images."}},
		{"The talks began.\n\nJohn Roe/Reuters.", []string{"photo-credit:John Roe/Reuters."}},
		// A long paragraph that ends with a credit: the credit only.
		{strings.Repeat("The ministers met and talked at length about the plan. ", 8) + "(Photo: Reuters)",
			[]string{"photo-credit:(Photo: Reuters)"}},
		// credits
		{"The talks began.\n\nReporting by Arshad Mohammed; Editing by Jon Boyle",
			[]string{"credits:Reporting by Arshad Mohammed; Editing by Jon Boyle"}},
		{"The talks began.\n\n(Reporting by Jane Doe in Brussels; Additional reporting by John Roe; Writing by Ann Poe; Editing by Tim Low)",
			[]string{"credits:(Reporting by Jane Doe in Brussels; Additional reporting by John Roe; Writing by Ann Poe; Editing by Tim Low)"}},
		{"The talks began.\n\nWriting by Jane Doe", []string{"credits:Writing by Jane Doe"}},
		{"The talks began.\n\nCompiled by Jane Doe and John Roe", []string{"credits:Compiled by Jane Doe and John Roe"}},
		{"The talks began.\n\nReporting by Jane Doe, editing by John Roe.", []string{"credits:Reporting by Jane Doe, editing by John Roe."}},
		{"The talks began.\n\n--additional reporting by Jane Doe.", []string{"credits:--additional reporting by Jane Doe."}},
		{"The talks will go on, he said. (Editing by Jon Boyle)", []string{"credits:(Editing by Jon Boyle)"}},
		{"The talks began.\n\nJane Doe contributed reporting.", []string{"credits:Jane Doe contributed reporting."}},
		{"The talks began.\n\nDoe reported from Brussels. Associated Press writer John Roe contributed from Geneva.",
			[]string{"credits:Doe reported from Brussels. Associated Press writer John Roe contributed from Geneva."}},
		{"The talks began.\n Reuter\n ", []string{"credits:Reuter"}},
		// copyright
		{"The talks began.\n\n(c) 2013 Reuters", []string{"copyright:(c) 2013 Reuters"}},
		{"The talks began.\n\n© 2013 Thomson Reuters. All rights reserved.", []string{"copyright:© 2013 Thomson Reuters. All rights reserved."}},
		{"The talks began.\n\nCopyright 2013 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
			[]string{"copyright:Copyright 2013 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed."}},
		{"The talks began.\n\nThomson Reuters 2013 ©. All rights reserved.", []string{"copyright:Thomson Reuters 2013 ©. All rights reserved."}},
		{"The talks began.\n\nThis material may not be published, broadcast, rewritten or redistributed.",
			[]string{"copyright:This material may not be published, broadcast, rewritten or redistributed."}},
		// link
		{"The talks began.\n\nClick here for more on the talks", []string{"link:Click here for more on the talks"}},
		{"The talks began.\n\nRelated: Ministers meet in Geneva", []string{"link:Related: Ministers meet in Geneva"}},
		{"The talks began.\n\nRELATED STORIES", []string{"link:RELATED STORIES"}},
		{"The talks began.\n\nRead more: Ministers meet in Geneva", []string{"link:Read more: Ministers meet in Geneva"}},
		{"The talks began.\n\nFollow us on Twitter @wire", []string{"link:Follow us on Twitter @wire"}},
		{"The talks began.\n\nFollow Jane Doe on Twitter @janedoe.", []string{"link:Follow Jane Doe on Twitter @janedoe."}},
		{"The talks began.\n\nSign up for our daily briefing", []string{"link:Sign up for our daily briefing"}},
		{"The talks began.\n\nSubscribe to our newsletter", []string{"link:Subscribe to our newsletter"}},
		{"The talks began.\n\nADVERTISEMENT\n\nThe talks ended.", []string{"link:ADVERTISEMENT"}},
		{"The talks began.\n\nAdvertisement\n\nThe talks ended.", []string{"link:Advertisement"}},
		{"The talks began.\n\n(Subscribe to our podcast here.)", []string{"link:(Subscribe to our podcast here.)"}},
		// Several kinds, in order, with the dateline left out of the list.
		{"BRUSSELS (Reuters) - The talks began.\n\nRelated: Geneva talks\n\nThe talks ended.\n\nReporting by Jane Doe; Editing by John Roe\n\n(c) 2013 Reuters",
			[]string{"link:Related: Geneva talks", "credits:Reporting by Jane Doe; Editing by John Roe", "copyright:(c) 2013 Reuters"}},
		// CRLF line ends.
		{"The talks began.\r\n\r\nClick here for more\r\n", []string{"link:Click here for more"}},
	} {
		d := doc(c.body)
		if got := marks(d); !slices.Equal(got, c.want) {
			t.Errorf("body %q:\n got %q\nwant %q", c.body, got, c.want)
		}
		checkInvariants(t, d)
	}
}

// Prose that looks a little like boilerplate is never marked.
func TestNotBoilerplate(t *testing.T) {
	for _, body := range []string{
		// Repeated lines that are too short, or that cut a wrapped sentence.
		"Yes.\n\nYes.",
		"The minister said no.\n\nThe minister said no.",
		"The ministers said they would meet\nagain in Geneva on Tuesday to talk\n\nThey said they would not stay\nagain in Geneva on Tuesday to talk\nabout the plan.",
		// Credits words in prose.
		"Reporting by the agency showed that talks had stalled.",
		"Editing by hand is slow, the editor said.",
		"Writing by candlelight, the prisoner described the camp.",
		"Compiled by the central bank, the figures show a fall.",
		"Jane Doe contributed $2,700 to the campaign.",
		"The group contributed to the talks, officials said.",
		"California Federal Savings and Loan Association contributed\n300 mln dlrs to the fund.",
		// Copyright words in prose.
		"Copyright law in the union is changing, ministers said.",
		"The company said all rights reserved under the deal would stay with it.",
		// Link words in prose.
		"Related charges were dropped on Tuesday.",
		"Read more broadly, the ruling limits the powers of the state.",
		"Follow the money, the prosecutor told the jury.",
		"Subscribers to the service rose by a third.",
		"Advertisements for the product were banned.",
		"The firm will sign up\nsubscribe to buy 40 pct of the stock.",
		"Click here, click there: the app is easy to use, he said.",
		// Photo words in prose.
		"The photo was taken in Brussels on Tuesday.",
		"AP photographers were at the scene.",
		"File photos show the minister at an earlier meeting.",
		"The ministers met on Tuesday, officials said. (Reuters)",
		"The talks in Brussels (Belgium) ended.",
		"The survey was run by Ipsos/Reuters.",
		// All-caps lines and labels.
		"KERRY AND LAVROV AGREE",
		// Wrapped lines that start in lower case.
		"The company said it would\nsubscribe to buy an additional 40 pct of the common stock of\nthe bank.",
	} {
		d := doc(body)
		if got := marks(d); len(got) != 0 {
			t.Errorf("body %q: marked %q", body, got)
		}
	}
}

// Many lines alike in their counts and ends, as in a long table, do not
// make Clean quadratic.
func TestManySimilarLines(t *testing.T) {
	var b strings.Builder
	for i := range 50000 {
		fmt.Fprintf(&b, "Shipments rose in district number %07d this week.\n", i)
	}
	b.WriteString("Shipments rose in district number 0000007 this week.\n")
	start := time.Now()
	d := doc(b.String())
	// Quadratic, it would take hours; linear, well under a second.
	if el := time.Since(start); el > 20*time.Second {
		t.Errorf("Clean took %v", el)
	}
	checkInvariants(t, d)
	if n := len(d.Boilerplate); n != 1 || d.Boilerplate[0].Reason != eventwire.ReasonDuplicateLine {
		t.Errorf("boilerplate %v, want the last line as a duplicate", d.Boilerplate)
	}
}

// TestSeed checks the reference article of ../shared.
func TestSeed(t *testing.T) {
	data, err := os.ReadFile("../../shared/seed/000_c30d04f4e9248130.txt")
	if os.IsNotExist(err) {
		t.Skip("skipping: ../shared/seed is absent (it comes with ../shared)")
	}
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	title, _, _ := strings.Cut(text, "\n")
	d := eventwire.NewDoc(eventwire.Article{Title: title, Text: text})
	runes := slices.Clone(d.Runes)
	Clean(d)

	want := &eventwire.Dateline{Place: "BRUSSELS", Agency: "Reuters", Start: 57, End: 77}
	if d.Dateline == nil || *d.Dateline != *want {
		t.Fatalf("dateline %+v, want %+v", d.Dateline, want)
	}
	if s := d.Slice(eventwire.Span{Start: 57, End: 77}); s != "BRUSSELS (Reuters) -" {
		t.Errorf("dateline text %q", s)
	}
	const caption = "Secretary of State John Kerry gestures during a news conference at the NATO headquarters in Brussels Tuesday. (REUTERS/Evan Vucci/Pool)"
	wantBP := []eventwire.Boilerplate{
		{Start: 78, End: 213, Reason: eventwire.ReasonPhotoCredit},    // the first caption, whole
		{Start: 214, End: 349, Reason: eventwire.ReasonDuplicateLine}, // its repeat
	}
	if !slices.Equal(d.Boilerplate, wantBP) {
		t.Fatalf("boilerplate %+v, want %+v", d.Boilerplate, wantBP)
	}
	for _, b := range d.Boilerplate {
		if s := d.Slice(b.Span()); s != caption {
			t.Errorf("%s span %q, want the caption", b.Reason, s)
		}
	}
	if d.Text != text || !slices.Equal(d.Runes, runes) {
		t.Error("Clean changed the text")
	}
	checkInvariants(t, d)
}

// Clean on the corpora of ../shared/data marks what it should and nothing
// else: the BBC stories have no dateline or boilerplate but a few repeated
// lines; the Reuters-21578 stories have their dateline, their "Reuter"
// sign-off and nothing else but repeated passages.
func TestCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the corpora in -short mode")
	}
	t.Run("bbc", func(t *testing.T) {
		arts := bbcArticles(t)
		dups := 0
		for _, a := range arts {
			d := eventwire.NewDoc(a)
			Clean(d)
			checkInvariants(t, d)
			if d.Dateline != nil {
				t.Errorf("%s: dateline %q", a.ID, datelineOf(d))
			}
			for _, b := range d.Boilerplate {
				if b.Reason != eventwire.ReasonDuplicateLine {
					t.Errorf("%s: %s %q", a.ID, b.Reason, d.Slice(b.Span()))
				}
				dups++
			}
		}
		if len(arts) < 2000 || dups > 5 {
			t.Errorf("%d articles, %d duplicate lines", len(arts), dups)
		}
	})
	t.Run("reuters21578", func(t *testing.T) {
		arts := reutersArticles(t)
		datelines := 0
		for _, a := range arts {
			d := eventwire.NewDoc(a)
			Clean(d)
			checkInvariants(t, d)
			if d.Dateline != nil {
				datelines++
				if d.Dateline.Agency != "" || d.Dateline.Start < len([]rune(a.Title)) {
					t.Errorf("%s: dateline %q", a.ID, datelineOf(d))
				}
			}
			for _, b := range d.Boilerplate {
				s := d.Slice(b.Span())
				switch {
				case b.Reason == eventwire.ReasonCredits && (s == "Reuter" || s == "REUTER"):
				case b.Reason == eventwire.ReasonDuplicateLine:
				default:
					t.Errorf("%s: %s %q", a.ID, b.Reason, s)
				}
			}
		}
		if len(arts) < 19000 || datelines < len(arts)*99/100 {
			t.Errorf("%d datelines in %d stories", datelines, len(arts))
		}
	})
	// PolNeAR: recent web news from several publishers, with AP, Reuters,
	// AFP and UPI stories among them.
	t.Run("polnear", func(t *testing.T) {
		arts := polnearArticles(t)
		datelines := 0
		for _, a := range arts {
			d := eventwire.NewDoc(a)
			Clean(d)
			checkInvariants(t, d)
			if d.Dateline != nil {
				datelines++
			}
		}
		if len(arts) < 900 || datelines < 150 {
			t.Errorf("%d datelines in %d articles", datelines, len(arts))
		}
	})
}

// checkInvariants checks what Clean promises about any document.
func checkInvariants(t testing.TB, d *eventwire.Doc) {
	t.Helper()
	n := len(d.Runes)
	prev := 0
	for i, b := range d.Boilerplate {
		if b.Start < prev || b.Start >= b.End || b.End > n {
			t.Fatalf("boilerplate %d %+v out of order or range (text of %d)", i, b, n)
		}
		prev = b.End
		s := d.Slice(b.Span())
		if strings.TrimSpace(s) != s {
			t.Fatalf("boilerplate %+v %q is not trimmed", b, s)
		}
		switch b.Reason {
		case eventwire.ReasonDuplicateLine, eventwire.ReasonPhotoCredit, eventwire.ReasonCredits,
			eventwire.ReasonCopyright, eventwire.ReasonLink:
		default:
			t.Fatalf("boilerplate %+v: unknown reason", b)
		}
	}
	if dl := d.Dateline; dl != nil {
		if dl.Start < 0 || dl.Start >= dl.End || dl.End > n {
			t.Fatalf("dateline %+v out of range (text of %d)", dl, n)
		}
		s := d.Slice(eventwire.Span{Start: dl.Start, End: dl.End})
		if !strings.HasPrefix(s, dl.Place) || !strings.Contains(s, dl.Agency) || dl.Place == "" && dl.Agency == "" {
			t.Fatalf("dateline %+v does not hold its place and agency: %q", dl, s)
		}
		for _, b := range d.Boilerplate {
			if b.Start < dl.End && dl.Start < b.End {
				t.Fatalf("dateline %+v overlaps boilerplate %+v", dl, b)
			}
		}
	}
}

func FuzzClean(f *testing.F) {
	f.Add(testTitle, testTitle+"\n\nBRUSSELS (Reuters) -\nA caption. (REUTERS/Evan Vucci/Pool)\nA caption. (REUTERS/Evan Vucci/Pool)\n\nText.")
	f.Add("", "WASHINGTON, April 23 (AP) — Text.\n\nReporting by A; Editing by B\n(c) 2013 Reuters")
	f.Add("T", "T\r\n\r\n(CNN)Text.\r\nClick here\r\n\u2028Advertisement\u2029")
	f.Add("", "    NEW YORK, March 3 -\n    Shr loss\n Reuter\n ")
	f.Add("", "((((((( ))) (Reporting by ) REUTERS/ x. REUTERS/A\n\n\n")
	f.Add("\uFEFF", "\uFEFFBRUSSELS (Reuters) - x\x00\xff")
	f.Fuzz(func(t *testing.T, title, text string) {
		d := eventwire.NewDoc(eventwire.Article{Title: title, Text: text})
		runes := slices.Clone(d.Runes)
		Clean(d)
		if d.Text != text || !slices.Equal(d.Runes, runes) {
			t.Fatal("Clean changed the text")
		}
		checkInvariants(t, d)
		// Clean is a function of the text and title: a second run agrees.
		dl, bp := d.Dateline, d.Boilerplate
		Clean(d)
		if (dl == nil) != (d.Dateline == nil) || dl != nil && *dl != *d.Dateline || !slices.Equal(bp, d.Boilerplate) {
			t.Fatal("a second Clean disagrees with the first")
		}
	})
}

func ExampleClean() {
	text := "Ministers agree to revive peace plan\n\n" +
		"GENEVA, Switzerland (Reuters) - Foreign ministers agreed on Tuesday to revive a peace plan.\n\n" +
		"A minister arrives for the talks. (REUTERS/Jane Doe)\n\n" +
		"The ministers will meet again next month, officials said.\n\n" +
		"Reporting by John Roe; Editing by Ann Poe\n"
	d := eventwire.NewDoc(eventwire.Article{Title: "Ministers agree to revive peace plan", Text: text})
	Clean(d)
	dl := d.Dateline
	fmt.Printf("dateline: %s, %s, %q\n", dl.Place, dl.Agency, d.Slice(eventwire.Span{Start: dl.Start, End: dl.End}))
	for _, b := range d.Boilerplate {
		fmt.Printf("%s: %q\n", b.Reason, d.Slice(b.Span()))
	}
	// Output:
	// dateline: GENEVA, Reuters, "GENEVA, Switzerland (Reuters) -"
	// photo-credit: "A minister arrives for the talks. (REUTERS/Jane Doe)"
	// credits: "Reporting by John Roe; Editing by Ann Poe"
}
