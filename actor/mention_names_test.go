package actor

import (
	"testing"

	"github.com/eventwire/eventwire"
)

// TestNamesBeyondRecogniser checks the names found where the recogniser
// cut them, wrote them in lower case or glossed them, and the places
// named by a part or standing before a group.
func TestNamesBeyondRecogniser(t *testing.T) {
	tests := []struct {
		name, text string
		names      []string
		mention    string
		typ, code  string // typ "" when it is no mention
	}{
		{"a country split in two", "The Democratic People's Republic of Korea fired a missile.",
			[]string{"MISC Democratic People's", "LOC Republic of Korea"}, "Democratic People's Republic of Korea", eventwire.GPE, "PRK"},
		{"an organisation cut short", "Islamic State fighters seized the town.",
			[]string{"MISC Islamic"}, "Islamic State", eventwire.Org, "IMGMUSISI"},
		{"a name that cuts another is not taken", "The Islamic State Department spokesman spoke.",
			[]string{"MISC Islamic", "ORG State Department"}, "Islamic State", "", ""},
		{"an office-holder in lower case after a title", "President obama expressed sorrow.",
			nil, "obama", eventwire.Person, "USAGOV"},
		{"a nationality in lower case before a group", "Syrian forces clashed with tunisian rioters.",
			[]string{"MISC Syrian"}, "tunisian rioters", eventwire.NORP, "TUNOPP"},
		{"a country in odd case", "The minister wants to help iSrael.",
			[]string{"MISC iSrael"}, "iSrael", eventwire.GPE, "ISR"},
		{"a common word in lower case", "They ate turkey with the Greek ambassador.",
			[]string{"MISC Greek"}, "turkey", "", ""},
		{"a nationality in lower case before no group", "He ate french fries.",
			nil, "french", "", ""},
		{"a gloss in brackets", "The pro-Iranian Hizbollah (Party of God) fired rockets.",
			[]string{"ORG Hizbollah (Party of God"}, "Hizbollah", eventwire.Org, "LBNREB"},
		{"a part of a country", "Fighting spread in South Lebanon.",
			[]string{"LOC South Lebanon"}, "South Lebanon", eventwire.GPE, "LBN"},
		{"a part of a country called an organisation", "The plane came down over Eastern Ukraine.",
			[]string{"ORG Eastern Ukraine"}, "Eastern Ukraine", eventwire.GPE, "UKR"},
		{"a region before a group", "Darfur rebels attacked the town.",
			[]string{"LOC Darfur"}, "Darfur rebels", eventwire.NORP, "SDNREB"},
		{"a city before its residents", "Moscow residents protested.",
			[]string{"LOC Moscow"}, "Moscow residents", eventwire.NORP, "RUSCVL"},
		{"a group in a region", "They investigated attacks on civilians in Darfur.",
			[]string{"LOC Darfur"}, "civilians", eventwire.NORP, "SDNCVL"},
		{"the press in a capital", "The minister told reporters in Oslo that talks would resume.",
			[]string{"LOC Oslo"}, "reporters", "", ""},
		{"a group in several places", "Officials in Kyiv, Warsaw and Berlin did not respond.",
			[]string{"LOC Kyiv", "LOC Warsaw", "LOC Berlin"}, "Officials", eventwire.NORP, "---GOV"},
		{"a place named like a role", "Settlers moved into the West Bank.",
			[]string{"LOC West Bank"}, "West Bank", eventwire.GPE, "PSE"},
		{"a company named for its country", "Malaysia Airlines said the plane was lost.",
			[]string{"ORG Malaysia Airlines"}, "Malaysia Airlines", eventwire.Org, "MYSBUS"},
		{"a demonym of a people", "Serb forces shelled the town.",
			[]string{"MISC Serb"}, "Serb forces", eventwire.NORP, "SRBMIL"},
		{"a title with a portfolio after it", "US Deputy Secretary of Energy Jeffrey Kupfer said.",
			[]string{"LOC US", "PER Jeffrey Kupfer"}, "Jeffrey Kupfer", eventwire.Person, "USAGOV"},
		{"a portfolio between country and title", "Vietnam's Planning and Investment Minister Tran Xuan Gia said.",
			[]string{"LOC Vietnam", "PER Tran Xuan Gia"}, "Tran Xuan Gia", eventwire.Person, "VNMGOV"},
		{"a name after the title is no portfolio", "Aaron Smith Minister Bob Jones said.",
			[]string{"PER Aaron Smith", "PER Bob Jones"}, "Bob Jones", eventwire.Person, ""},
		{"an outgoing holder is in office", "Militants tried to kill outgoing Prime Minister Iyad Allawi.",
			[]string{"PER Iyad Allawi"}, "Iyad Allawi", eventwire.Person, "IRQGOV"},
		{"a country called MISC as a subject", "The PRC on Tuesday demanded that Washington cancel the sale.",
			[]string{"MISC PRC"}, "PRC", eventwire.GPE, "CHN"},
		{"a country called MISC as a modifier", "The Korea War museum opened.",
			[]string{"MISC Korea"}, "Korea", "", ""},
		{"an ethnic minority in a country", "Ethnic Albanians in south Serbia demanded autonomy.",
			[]string{"MISC Albanians", "LOC Serbia"}, "Albanians", eventwire.NORP, "SRB"},
		{"a people of a country", "The Albanians of southern Serbia demanded autonomy.",
			[]string{"MISC Albanians", "LOC Serbia"}, "Albanians", eventwire.NORP, "SRB"},
		{"a nationality abroad keeps its country", "Syrians in Turkey protested.",
			[]string{"MISC Syrians", "LOC Turkey"}, "Syrians", eventwire.NORP, "SYR"},
		{"a town as an object", "Israeli troops shelled Hebron.",
			[]string{"MISC Israeli", "PER Hebron"}, "Hebron", eventwire.GPE, "PSE"},
		{"a town as a subject stays a person", "Hebron said he would run.",
			[]string{"PER Hebron"}, "Hebron", eventwire.Person, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := resolved(t, tt.text, tt.names...)
			e, _ := mentionOf(doc, tt.mention, 1)
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

// TestJubaBeforeSouthSudan checks that a place of South Sudan is Sudan's
// in an article written before the secession.
func TestJubaBeforeSouthSudan(t *testing.T) {
	for _, tt := range []struct{ date, want string }{{"2005-01-09", "SDN"}, {"2012-01-09", "SSD"}} {
		doc := analyse(t, eventwire.Article{Text: "Rebels in Juba attacked the army.", Published: tt.date},
			markNames([][2]string{{eventwire.NameLOC, "Juba"}}))
		loadStages(t).coder.Resolve(doc, NewKnowledge())
		e, _ := mentionOf(doc, "Juba", 1)
		if e == nil || code(e.Actor) != tt.want {
			t.Errorf("Juba on %s: %v, want %s", tt.date, e, tt.want)
		}
	}
}
