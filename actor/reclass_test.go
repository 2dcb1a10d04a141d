package actor

import (
	"testing"

	"github.com/eventwire/eventwire"
)

// TestReclassAndGroups checks the corrections of the recogniser's classes
// that the tables allow, and the groups that name no country.
func TestReclassAndGroups(t *testing.T) {
	tests := []struct {
		name, text string
		names      []string
		mention    string
		nth        int
		typ, code  string // typ "" when it is no mention
	}{
		{"office-holder called a place", "Trump said the deal was off.", []string{"LOC Trump"}, "Trump", 1, eventwire.Person, "USAGOV"},
		{"office-holder called an organisation", "Trump said the deal was off.", []string{"ORG Trump"}, "Trump", 1, eventwire.Person, "USAGOV"},
		{"organisation called a person", "The Muslim Brotherhood called a strike.", []string{"PER Muslim Brotherhood"}, "Muslim Brotherhood", 1, eventwire.Org, "EGYOPP"},
		{"capital called a person", "Washington rejected the plan.", []string{"PER Washington"}, "Washington", 1, eventwire.GPE, "USAGOV"},
		{"a titled name stays a person", "Queen Victoria opened the bridge.", []string{"PER Victoria"}, "Victoria", 1, eventwire.Person, ""},
		{"a surname stays a person", "Denzel Washington arrived. Washington smiled.", []string{"PER Denzel Washington", "PER Washington"}, "Washington", 2, eventwire.Person, ""},
		{"a holder's name as a place", "Tourists filled the hotels in Kerry.", []string{"LOC Kerry"}, "Kerry", 1, eventwire.Loc, ""},
		{"unknown person stays", "Zorgo rejected the plan.", []string{"LOC Zorgo"}, "Zorgo", 1, eventwire.Loc, ""},
		{"bare plural subject", "Insurgents bombarded the city.", nil, "Insurgents", 1, eventwire.NORP, "---REB"},
		{"bare mass noun subject", "Police arrested two men.", nil, "Police", 1, eventwire.NORP, "---COP"},
		{"passive agent", "The bill was blocked by lawmakers.", nil, "lawmakers", 1, eventwire.NORP, "---LEG"},
		{"government with no country", "The government expressed thanks.", nil, "The government", 1, eventwire.GPE, "---GOV"},
		{"government after a country", "Kenya's economy grew. The government said it would cut fuel subsidies.", []string{"LOC Kenya"}, "The government", 1, eventwire.GPE, "KENGOV"},
		{"government from the dateline", "NAIROBI (Reuters) - The government said it would cut fuel subsidies.", []string{"LOC NAIROBI"}, "The government", 1, eventwire.GPE, "KENGOV"},
		{"government of which country", "Kenya and Uganda signed a pact. The government said it was pleased.", []string{"LOC Kenya", "LOC Uganda"}, "The government", 1, eventwire.GPE, "---GOV"},
		{"a company the article named", "The company said profits rose.", nil, "The company", 1, "", ""},
		{"a surname out of office is not a person", "Santos reported higher profits.", []string{"ORG Santos"}, "Santos", 1, eventwire.Org, ""},
		{"an organisation's people", "Red Cross officials suspended aid deliveries.", []string{"ORG Red Cross"}, "officials", 1, "", ""},
		{"numbered group", "The two governments agreed.", nil, "governments", 1, "", ""},
		{"vague victims", "Eight people were killed.", nil, "people", 1, "", ""},
		{"protesters", "Georgian demonstrators stormed the building.", []string{"MISC Georgian"}, "Georgian demonstrators", 1, eventwire.NORP, "GEOOPP"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := resolved(t, tt.text, tt.names...)
			e, _ := mentionOf(doc, tt.mention, tt.nth)
			typ, got := "", ""
			if e != nil {
				typ, got = e.Type, code(e.Actor)
			}
			if typ != tt.typ || got != tt.code {
				t.Errorf("%q: type %q code %q, want %q %q", tt.mention, typ, got, tt.typ, tt.code)
			}
		})
	}
}

// TestCodeTitled checks that a title the article gives a person agrees
// with the table's terms whatever the date.
func TestCodeTitled(t *testing.T) {
	c := newCoder(t)
	tests := []struct {
		name, title, date, want string
	}{
		{"Bush", "President", "2000-01-01", "USAGOV"}, // between the two presidents Bush
		{"Bush", "", "2000-01-01", ""},
		{"Bush", "Senator", "2000-01-01", ""}, // no term of that title
		{"Clinton", "Secretary of State", "2020-01-01", "USAGOV"},
		{"John Kerry", "Secretary of State", "2020-01-01", "USAGOV"},
		{"John Kerry", "", "2020-01-01", "USAELI"},
	}
	for _, tt := range tests {
		q := Query{Name: tt.name, Type: eventwire.Person, Date: day(tt.date)}
		if tt.title != "" {
			q.Titles = []string{tt.title}
		}
		if got := code(c.Code(q, nil)); got != tt.want {
			t.Errorf("Code(%q, %q, %s) = %q; want %q", tt.name, tt.title, tt.date, got, tt.want)
		}
	}
}
