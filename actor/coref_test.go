package actor

import (
	"strings"
	"testing"

	"github.com/eventwire/eventwire"
)

// resolved runs text (dated 2020-01-15) through the stages before actor,
// with names given as "PER John Kerry", and resolves it.
func resolved(t *testing.T, text string, names ...string) *eventwire.Doc {
	t.Helper()
	var list [][2]string
	for _, n := range names {
		class, name, _ := strings.Cut(n, " ")
		list = append(list, [2]string{class, name})
	}
	doc := analyse(t, eventwire.Article{Text: text, Published: "2020-01-15"}, markNames(list))
	loadStages(t).coder.Resolve(doc, NewKnowledge())
	checkEntities(t, doc)
	return doc
}

// mentionOf finds the nth (1-based) mention spelled text in the doc's
// entities: the entity and the mention; nil when no entity has it.
func mentionOf(doc *eventwire.Doc, text string, nth int) (*eventwire.Entity, *eventwire.Mention) {
	// Mentions in text order, each with its entity.
	type em struct {
		e *eventwire.Entity
		m *eventwire.Mention
	}
	var all []em
	for i := range doc.Entities {
		for j := range doc.Entities[i].Mentions {
			all = append(all, em{&doc.Entities[i], &doc.Entities[i].Mentions[j]})
		}
	}
	// The nth occurrence of text as a whole word in the text.
	start, n := -1, 0
	for i := 0; i+len([]rune(text)) <= len(doc.Runes); i++ {
		if string(doc.Runes[i:i+len([]rune(text))]) == text && (i == 0 || !isWordRune(doc.Runes[i-1])) &&
			(i+len([]rune(text)) == len(doc.Runes) || !isWordRune(doc.Runes[i+len([]rune(text))])) {
			if n++; n == nth {
				start = i
				break
			}
		}
	}
	for _, x := range all {
		if x.m.Start == start && x.m.Text == text {
			return x.e, x.m
		}
	}
	return nil, nil
}

func isWordRune(r rune) bool { return r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' }

// refersTo is the name of the entity that the nth mention spelled text
// refers to, "" when it is in no entity.
func refersTo(doc *eventwire.Doc, text string, nth int) string {
	if e, _ := mentionOf(doc, text, nth); e != nil {
		return e.Name
	}
	return ""
}

func TestPronouns(t *testing.T) {
	tests := []struct {
		name, text string
		names      []string
		pronoun    string
		nth        int
		want       string // the entity's name; "" for unresolved
	}{
		{"subject preferred", "Kerry met Lavrov in Brussels. He said the talks had gone well.",
			[]string{"PER Kerry", "PER Lavrov", "LOC Brussels"}, "He", 1, "Kerry"},
		{"gender from first name", "Angela Merkel met Francois Hollande in Paris. She said the talks had gone well.",
			[]string{"PER Angela Merkel", "PER Francois Hollande", "LOC Paris"}, "She", 1, "Angela Merkel"},
		{"gender from honorific", "Mr Okafor met Mrs Bello on Monday. She said the talks had gone well.",
			[]string{"PER Okafor", "PER Bello"}, "She", 1, "Bello"},
		{"not the subject of its own verb", "Lavrov arrived on Monday. Kerry praised him warmly.",
			[]string{"PER Lavrov", "PER Kerry"}, "him", 1, "Lavrov"},
		{"not the controller of its verb", "Blair said he looked forward to working with Bush and meeting him often.",
			[]string{"PER Blair", "PER Bush"}, "him", 1, "Bush"},
		{"inside a quotation, not the speaker", "Kerry spoke about Assad on Monday. \u201cHis time is over,\u201d he said.",
			[]string{"PER Kerry", "PER Assad"}, "His", 1, "Assad"},
		{"the speaker of a quotation", "Kerry spoke about Assad on Monday. \u201cHis time is over,\u201d he said.",
			[]string{"PER Kerry", "PER Assad"}, "he", 1, "Kerry"},
		{"the speaker of the paragraph before", "Omar Haddad met reporters in Oslo. Ivan Petrovsky said the talks had been useful.\n\n\u201cHis country needs peace.\u201d",
			[]string{"PER Omar Haddad", "PER Ivan Petrovsky", "LOC Oslo"}, "His", 1, "Omar Haddad"},
		{"straight quotation marks across paragraphs", "Omar Haddad met reporters in Oslo. Ivan Petrovsky said the talks had been useful.\n\n\"His country needs peace. \"It will come.\" Petrovsky left.",
			[]string{"PER Omar Haddad", "PER Ivan Petrovsky", "LOC Oslo"}, "His", 1, "Omar Haddad"},
		{"it for an organisation", "NATO said on Monday it would send more ships to the region.",
			[]string{"ORG NATO"}, "it", 1, "NATO"},
		{"pleonastic it", "NATO met on Monday. It is clear that the talks failed.",
			[]string{"ORG NATO"}, "It", 1, ""},
		{"it blocked by a nearer noun", "NATO approved the plan. The plan was delayed because it was too costly.",
			[]string{"ORG NATO"}, "it", 1, ""},
		{"no antecedent", "He said the talks had failed.", nil, "He", 1, ""},
		{"no person for it", "Kerry arrived in Brussels. It was raining.",
			[]string{"PER Kerry", "LOC Brussels"}, "It", 1, ""},
		{"out of the window", "Kerry arrived in Brussels. The talks began. The talks went on. The talks ended. The talks failed. He left.",
			[]string{"PER Kerry", "LOC Brussels"}, "He", 1, ""},
		{"chain across paragraphs", "Mrs Bello flew to Abuja on Monday.\n\nShe met the governor.\n\nShe said the roads would be repaired.",
			[]string{"PER Bello", "LOC Abuja"}, "She", 2, "Bello"},
		{"they for a group", "Hamas said on Monday they would release the hostages.",
			[]string{"ORG Hamas"}, "they", 1, "Hamas"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := resolved(t, tt.text, tt.names...)
			if got := refersTo(doc, tt.pronoun, tt.nth); got != tt.want {
				t.Errorf("%q refers to %q, want %q", tt.pronoun, got, tt.want)
			}
		})
	}
}

func TestNames(t *testing.T) {
	tests := []struct {
		name, text string
		names      []string
		mention    string
		nth        int
		want       string
	}{
		{"surname after full name", "John Kerry arrived on Monday. Kerry met reporters.",
			[]string{"PER John Kerry", "PER Kerry"}, "Kerry", 2, "John Kerry"},
		{"full name after surname", "Kerry arrived on Monday. John Kerry met reporters.",
			[]string{"PER John Kerry", "PER Kerry"}, "Kerry", 1, "John Kerry"},
		{"latest of two with a surname", "Bill Clinton spoke first. Hillary Clinton spoke next. Clinton left early.",
			[]string{"PER Bill Clinton", "PER Hillary Clinton", "PER Clinton"}, "Clinton", 3, "Hillary Clinton"},
		{"honorific", "Ahmed Bello arrived on Monday. Mr Bello met reporters.",
			[]string{"PER Ahmed Bello", "PER Mr Bello"}, "Bello", 2, "Ahmed Bello"},
		{"acronym after the full name", "The Southern Ports Authority of Ruritania met. SPAR said it would act.",
			[]string{"ORG Southern Ports Authority of Ruritania", "ORG SPAR"}, "SPAR", 1, "Southern Ports Authority of Ruritania"},
		{"full name after the acronym", "SPAR met. The Southern Ports Authority of Ruritania said it would act.",
			[]string{"ORG Southern Ports Authority of Ruritania", "ORG SPAR"}, "SPAR", 1, "Southern Ports Authority of Ruritania"},
		{"country aliases", "The United States and Russia met. The U.S. said little.",
			[]string{"LOC United States", "LOC Russia", "LOC U.S."}, "U.S.", 1, "United States"},
		{"al- prefix", "Bashar al-Assad spoke. Assad said little.",
			[]string{"PER Bashar al-Assad", "PER Assad"}, "Assad", 2, "Bashar al-Assad"},
		{"different first names", "Bill Clinton spoke first. Hillary Clinton spoke next.",
			[]string{"PER Bill Clinton", "PER Hillary Clinton"}, "Hillary Clinton", 1, "Hillary Clinton"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := resolved(t, tt.text, tt.names...)
			if got := refersTo(doc, tt.mention, tt.nth); got != tt.want {
				t.Errorf("%q is in %q, want %q", tt.mention, got, tt.want)
			}
		})
	}
}

func TestDescriptions(t *testing.T) {
	tests := []struct {
		name, text string
		names      []string
		mention    string
		want       string
	}{
		{"the minister", "Russian Foreign Minister Ivan Petrovsky arrived in Oslo. The minister met reporters.",
			[]string{"PER Ivan Petrovsky", "LOC Oslo"}, "The minister", "Ivan Petrovsky"},
		{"the country's leader", "Syrian President Omar Haddad spoke on Monday. The Syrian leader said the war would end.",
			[]string{"PER Omar Haddad"}, "The Syrian leader", "Omar Haddad"},
		{"the alliance", "NATO met in Brussels. The alliance said it would act.",
			[]string{"ORG NATO", "LOC Brussels"}, "The alliance", "NATO"},
		{"a group by its role", "The al-Nusra Front attacked a checkpoint on Monday. The rebels said they had taken the town.",
			[]string{"ORG al-Nusra Front"}, "The rebels", "al-Nusra Front"},
		{"an organisation by its head noun", "The Zorgvale Farmers Union met on Monday. The union said prices were too low.",
			[]string{"ORG Zorgvale Farmers Union"}, "The union", "Zorgvale Farmers Union"},
		{"the person with the title", "U.S. President Tom Hale met U.S. Secretary of State Ann Ruiz. The US president said little.",
			[]string{"PER Tom Hale", "PER Ann Ruiz"}, "The US president", "Tom Hale"},
		{"no antecedent", "The minister met reporters in Oslo.",
			[]string{"LOC Oslo"}, "The minister", ""},
		{"title of another person", "Russian Foreign Minister Ivan Petrovsky arrived in Oslo. The president met reporters.",
			[]string{"PER Ivan Petrovsky", "LOC Oslo"}, "The president", ""},
		{"the country", "Norway said on Monday it would cut taxes. The country has a budget surplus.",
			[]string{"LOC Norway"}, "The country", "Norway"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := resolved(t, tt.text, tt.names...)
			if got := refersTo(doc, tt.mention, 1); got != tt.want {
				t.Errorf("%q refers to %q, want %q", tt.mention, got, tt.want)
			}
		})
	}
}

func TestNameHelpers(t *testing.T) {
	tests := []struct {
		name string
		f    func([]string) string
		in   string
		want string
	}{
		{"lowerKey", lowerKey, "Bashar al - Assad", "bashar assad"},
		{"lowerKey bare", lowerKey, "al - Assad", "assad"},
		{"acronym", acronymOf(false), "North Atlantic Treaty Organization", "nato"},
		{"acronym skips of", acronymOf(false), "Economic Community of West African States", "ecwas"},
		{"acronym with of", acronymOf(true), "Economic Community of West African States", "ecowas"},
		{"acronym of one word", acronymOf(false), "NATO", ""},
		{"acronym of lower case", acronymOf(false), "peace talks", ""},
		{"surname", surname, "Martin Luther King Jr.", "king"},
		{"org head noun", orgHeadNoun, "State Department", "department"},
		{"org head noun with of", orgHeadNoun, "Ministry of Defence", "ministry"},
	}
	for _, tt := range tests {
		if got := tt.f(strings.Fields(tt.in)); got != tt.want {
			t.Errorf("%s(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func acronymOf(of bool) func([]string) string {
	return func(ws []string) string { return acronym(ws, of) }
}

func TestTitleHead(t *testing.T) {
	for in, want := range map[string]string{
		"Secretary of State": "secretary",
		"Foreign Minister":   "minister",
		"Secretary-General":  "secretary-general",
		"President":          "president",
	} {
		if got := titleHead(in); got != want {
			t.Errorf("titleHead(%q) = %q, want %q", in, got, want)
		}
	}
}
