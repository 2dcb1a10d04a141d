package quote

import (
	"strings"
	"testing"

	"github.com/eventwire/eventwire"
)

// TestSpeakers checks whom a quote is given to in attributions that the
// parse alone gets wrong: the quote holding the words and the speaker
// span each test expects.
func TestSpeakers(t *testing.T) {
	tests := []struct{ text, quote, speaker string }{
		// Inverted attribution with a speaker that is no entity.
		{"“We will win this fight in the spring,” said a longtime party organizer.", "win this fight", "organizer"},
		// A name after the quote, an apposition before the verb.
		{"“The plan is sound and the money is there,” Maria Lopez, the mayor’s chief of staff, said on Monday.", "plan is sound", "Maria Lopez"},
		// A sentence of its own between a quote and the next one.
		{"“The numbers are clear,” Ward said. If the council delays again, residents are “simply losing patience with everyone,” he added.", "losing patience", "he"},
		// The one who issued a statement, not the statement.
		{"The company issued a statement on Friday saying the merger was “a historic step for our workers.”", "historic step", "The company"},
		// "It" for an organisation named before.
		{"The firm declined to comment further. It added, “We have cooperated fully with the inquiry from the start.”", "cooperated fully", "It"},
		// A relative pronoun speaks for the noun it stands for.
		{"The mayor praised a volunteer who said the shelter was “a lifeline for families in the city.”", "lifeline", "volunteer"},
		// The subject of the clause around a quoted phrase no reporting
		// verb governs.
		{"In the last recession, Senator Hale worried that the program was becoming “a trap for people who want to work.”", "a trap", "Hale"},
		// A quote opening the sentence after a reporting verb.
		{"Mayor Hale told reporters that he would back the plan. “It is the right thing for the city and we will pay for it.”", "right thing", "Hale"},
		// Two subjects: the one next to the verb speaks.
		{"Brown, a top aide said, “is ready for the debate and eager to win it.”", "ready for the debate", "aide"},
	}
	s := testStages(t)
	for _, tt := range tests {
		doc := s.Analyse(eventwire.Article{Text: tt.text})
		s.Stage.Find(doc)
		got := speakerOf(doc, tt.quote)
		if !strings.Contains(got, tt.speaker) {
			t.Errorf("%q: speaker %q, want %q", tt.text, got, tt.speaker)
		}
	}
}

// speakerOf returns the speaker text of the quote holding words, "-" for
// none and "?" for no such quote.
func speakerOf(doc *eventwire.Doc, words string) string {
	for _, q := range doc.Quotes {
		if strings.Contains(q.Text, words) {
			if q.Speaker == nil {
				return "-"
			}
			return q.Speaker.Text
		}
	}
	return "?"
}

// TestSubjectCycle checks that a parse whose clauses lead back to
// themselves returns instead of recursing without end: "said",
// a conjunct, takes the subject of the reporting verb before it,
// "saying", which hangs from "statement", the object of "said" itself.
// (Found on a Reuters-21578 story, where it crashed the whole run.)
func TestSubjectCycle(t *testing.T) {
	f, err := New()
	if err != nil {
		t.Fatal(err)
	}
	text := "Spoke statement saying said"
	doc := eventwire.NewDoc(eventwire.Article{Text: text})
	tok := func(start, end int, upos, xpos, lemma string, head int, rel string) eventwire.Token {
		return eventwire.Token{Start: start, End: end, UPOS: upos, XPOS: xpos, Lemma: lemma, Head: head, Deprel: rel}
	}
	doc.Sentences = []eventwire.Sentence{{Start: 0, End: len(text), Tagged: true, Parsed: true, Tokens: []eventwire.Token{
		tok(0, 5, "VERB", "VBD", "speak", -1, "root"),
		tok(6, 15, "NOUN", "NN", "statement", 3, "obj"),
		tok(16, 22, "VERB", "VBG", "say", 1, "acl"),
		tok(23, 27, "VERB", "VBD", "say", 0, "conj"),
	}}}
	st := &state{f: f, doc: doc}
	// Any answer but a crash will do; the noun that says is the likeliest.
	if got := st.subject(0, 3); got != -1 && got != 1 {
		t.Errorf("subject = %d, want -1 or 1", got)
	}
	f.Find(doc) // must return
}
