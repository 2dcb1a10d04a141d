package text

import (
	"strings"
	"testing"

	"github.com/eventwire/eventwire"
)

// tokens returns the tokens of s joined by single spaces.
func tokens(s string) string {
	return join(Tokenize(nil, []rune(s), 0, len([]rune(s))), []rune(s), " ")
}

// sentences returns the sentences that Segment finds in s, joined by " | ".
func sentences(s string) string { return sentencesOf(segment(s, nil)) }

// paragraphs returns the paragraphs that Segment finds in s, joined by " | ".
func paragraphs(s string) string { d := segment(s, nil); return spans(d, d.Paragraphs) }

// segment runs Segment on s with the given spans skipped.
func segment(s string, skip []eventwire.Span) *eventwire.Doc {
	d := eventwire.NewDoc(eventwire.Article{Text: s})
	for _, sp := range skip {
		d.Boilerplate = append(d.Boilerplate, eventwire.Boilerplate{Start: sp.Start, End: sp.End, Reason: eventwire.ReasonLink})
	}
	Segment(d)
	return d
}

func sentencesOf(d *eventwire.Doc) string {
	var out []string
	for _, s := range d.Sentences {
		out = append(out, d.Slice(eventwire.Span{Start: s.Start, End: s.End}))
	}
	return strings.Join(out, " | ")
}

func spans(d *eventwire.Doc, ss []eventwire.Span) string {
	var out []string
	for _, s := range ss {
		out = append(out, d.Slice(s))
	}
	return strings.Join(out, " | ")
}

func join(toks []eventwire.Token, rs []rune, sep string) string {
	var out []string
	for _, t := range toks {
		out = append(out, string(rs[t.Start:t.End]))
	}
	return strings.Join(out, sep)
}

var tokenCases = []struct{ in, want string }{
	// abbreviations keep their full stop
	{"The U.S. economy grew", "The U.S. economy grew"},
	{"the U.N. and the U.K. agreed", "the U.N. and the U.K. agreed"},
	{"Mr. Lavrov and Mrs. Clinton", "Mr. Lavrov and Mrs. Clinton"},
	{"Gen. Dempsey, Sen. Reed and Gov. Cuomo", "Gen. Dempsey , Sen. Reed and Gov. Cuomo"},
	{"Lt. Col. Ruiz spoke", "Lt. Col. Ruiz spoke"},
	{"on Jan. 5 and Feb. 12", "on Jan. 5 and Feb. 12"},
	{"since Sept. 11 2001", "since Sept. 11 2001"},
	{"Acme Inc. and Globex Corp. merged", "Acme Inc. and Globex Corp. merged"},
	{"Smith & Co. Ltd. shares", "Smith & Co. Ltd. shares"},
	{"Dr. Ruiz of St. Mary's", "Dr. Ruiz of St. Mary 's"},
	{"No. 10 Downing Street", "No. 10 Downing Street"},
	{"he said no. Then", "he said no . Then"},
	{"see p. 5 and pp. 7-9", "see p. 5 and pp. 7 - 9"},
	{"Brazil vs. Germany", "Brazil vs. Germany"},
	{"oil, gas, etc. were sold", "oil , gas , etc. were sold"},
	{"fuels, e.g. diesel, i.e. oil", "fuels , e.g. diesel , i.e. oil"},
	{"at 10 a.m. and 4 p.m. local time", "at 10 a.m. and 4 p.m. local time"},
	{"John F. Kennedy", "John F. Kennedy"},
	{"J.R.R. Tolkien wrote", "J.R.R. Tolkien wrote"},
	{"a Ph.D. student", "a Ph.D. student"},
	{"the U.S.'s position", "the U.S. 's position"},
	{"Washington,D.C., on Monday", "Washington , D.C. , on Monday"},
	{"Sen. Ruiz, D-Calif., said", "Sen. Ruiz , D - Calif. , said"},
	// a final abbreviation gives its stop to the sentence, as in UD English
	{"troops left the U.S.", "troops left the U.S ."},
	{"and so on, etc.)", "and so on , etc . )"},
	{"at Main St.", "at Main St ."},
	// full stops that are punctuation
	{"talks in Geneva.The ceasefire", "talks in Geneva . The ceasefire"},
	{"NATO.The alliance", "NATO . The alliance"},
	{"it rose 3.5.", "it rose 3.5 ."},
	{"see www.example.com.", "see www.example.com ."},
	{"the site example.com.", "the site example.com ."},
	{"ASP.NET and Node.js", "ASP.NET and Node.js"},
	{"(See below.)", "( See below . )"},
	// clitics
	{"They don't know", "They do n't know"},
	{"we can't and won't", "we ca n't and wo n't"},
	{"I'm sure you'll see", "I 'm sure you 'll see"},
	{"we've said they're ready and she'd go", "we 've said they 're ready and she 'd go"},
	{"Russia's army", "Russia 's army"},
	{"Assad’s forces", "Assad ’s forces"},
	{"the officials' statement", "the officials ' statement"},
	{"the ministers’ meeting", "the ministers ’ meeting"},
	{"DON'T STOP", "DO N'T STOP"},
	{"Let's go", "Let 's go"},
	{"the 1980's", "the 1980's"},
	{"it cannot be", "it can not be"},
	{"we're gonna win", "we 're gon na win"},
	// inner apostrophes stay
	{"O'Brien and D'Souza", "O'Brien and D'Souza"},
	{"rock'n'roll bands", "rock'n'roll bands"},
	{"Côte d'Ivoire", "Côte d'Ivoire"},
	{"the '90s and ’80s", "the '90s and ’80s"},
	// hyphens: split as in UD English EWT, except after prefixes
	{"Bashar al-Assad", "Bashar al - Assad"},
	{"the Secretary-General", "the Secretary - General"},
	{"U.S.-led forces", "U.S. - led forces"},
	{"a well-known self-styled leader", "a well - known self - styled leader"},
	{"non-profit e-mail co-founder", "non-profit e-mail co-founder"},
	{"his re-election and ex-wife", "his re-election and ex-wife"},
	{"anti-government pro-Russian mid-2015", "anti-government pro-Russian mid-2015"},
	{"the COVID-19 crisis", "the COVID - 19 crisis"},
	{"a 24-hour strike", "a 24 - hour strike"},
	{"from 2010-2015", "from 2010 - 2015"},
	{"call 555-0123 or 1-800-555-0199", "call 555-0123 or 1-800-555-0199"},
	// numbers
	{"1,400 troops", "1,400 troops"},
	{"rose 3.5% to 2.5", "rose 3.5 % to 2.5"},
	{"$2.5 billion", "$ 2.5 billion"},
	{"£1.13bn and €40m", "£ 1.13 bn and € 40 m"},
	{"at 10:30 GMT", "at 10:30 GMT"},
	{"at 5:45pm and 10am", "at 5:45 pm and 10 am"},
	{"a 35mm film", "a 35 mm film"},
	{"the 21st century and 2nd place", "the 21st century and 2nd place"},
	{"the 1990s", "the 1990s"},
	{"3D G7 mp3", "3D G7 mp3"},
	{"after 9/11 and 24/7", "after 9/11 and 24/7"},
	{"and/or", "and / or"},
	{"ranked #1", "ranked # 1"},
	// URLs and e-mail addresses
	{"Visit https://www.example.com/news?id=5.", "Visit https://www.example.com/news?id=5 ."},
	{"(see www.reuters.com)", "( see www.reuters.com )"},
	{"Write to press@example.org.", "Write to press@example.org ."},
	{"<mary-jane.doe@example.co.uk>", "< mary-jane.doe@example.co.uk >"},
	{"the wiki http://en.wikipedia.org/wiki/Foo_(bar)", "the wiki http://en.wikipedia.org/wiki/Foo_(bar)"},
	// ellipses and dashes
	{"Well... maybe", "Well ... maybe"},
	{"a difficult road … No one", "a difficult road … No one"},
	{"talks—which failed—resumed", "talks — which failed — resumed"},
	{"from 1990–1995", "from 1990 – 1995"},
	{"peace--or war", "peace -- or war"},
	{"what...?", "what ...?"},
	// quotes
	{`"We will win," he said.`, `" We will win , " he said .`},
	{"“We will win,” he said.", "“ We will win , ” he said ."},
	{"a ‘no deal’ Brexit", "a ‘ no deal ’ Brexit"},
	{"«Non» and „Ja“", "« Non » and „ Ja “"},
	{"''Hello''", "'' Hello ''"},
	// other punctuation
	{"Really?! Yes!!!", "Really ?! Yes !!!"},
	{"AT&T and R&D", "AT&T and R&D"},
	{"#MeToo and @Reuters", "#MeToo and @Reuters"},
	{"Great :) and bad :-(", "Great :) and bad :-("},
	{"items (s) and person(s)", "items ( s ) and person ( s )"},
	{"***", "***"},
	// scripts, symbols and spaces
	{"Москва заявила, что", "Москва заявила , что"},
	{"قال الرئيس.", "قال الرئيس ."},
	{"北京下雨了。", "北京下雨了 。"},
	{"Great 👍🏽 news 🇺🇸!", "Great 👍🏽 news 🇺🇸 !"},
	{"5\u00a0percent\u2009more", "5 percent more"},
	{"inter\u00adnational", "inter\u00adnational"},
	{"nai\u0308ve cafe\u0301", "nai\u0308ve cafe\u0301"},
	{"a\tb\r\nc\u200bd\ufeffe", "a b c d e"},
	{"", ""},
	{" \n\t ", ""},
}

func TestTokenize(t *testing.T) {
	for _, c := range tokenCases {
		if got := tokens(c.in); got != c.want {
			t.Errorf("Tokenize(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

var sentenceCases = []struct{ in, want string }{
	{"The talks ended. Both sides left.", "The talks ended. | Both sides left."},
	{"He arrived in the U.S. The talks began.", "He arrived in the U.S. | The talks began."},
	{"The U.S. Senate voted on Monday.", "The U.S. Senate voted on Monday."},
	{"Gen. Smith met Sen. Jones and Rep. Ruiz.", "Gen. Smith met Sen. Jones and Rep. Ruiz."},
	{"Mr. and Mrs. Smith arrived.", "Mr. and Mrs. Smith arrived."},
	{"John F. Kennedy was elected.", "John F. Kennedy was elected."},
	{"J.R.R. Tolkien wrote it.", "J.R.R. Tolkien wrote it."},
	{"It rose 3.5 percent. Shares fell.", "It rose 3.5 percent. | Shares fell."},
	{`He said, "We will win." Then he left.`, `He said, "We will win." | Then he left.`},
	{"(See below.) The plan failed.", "(See below.) | The plan failed."},
	{"“Why?” he asked.", "“Why?” he asked."},
	{"“We will win!” Kerry said.", "“We will win!” Kerry said."},
	{`"Stop!" The crowd scattered.`, `"Stop!" | The crowd scattered.`},
	{"It is a very difficult road … No one should think it is easy.", "It is a very difficult road … | No one should think it is easy."},
	{"The road … is long.", "The road … is long."},
	{"Wait... What happened?", "Wait... | What happened?"},
	{"He paused... then spoke.", "He paused... then spoke."},
	{"Talks resumed in Geneva.The ceasefire held.", "Talks resumed in Geneva. | The ceasefire held."},
	{"What now?! Nobody knows.", "What now?! | Nobody knows."},
	{"Is it over? Nobody knows.", "Is it over? | Nobody knows."},
	{"1. Talks will resume on Monday.", "1. Talks will resume on Monday."},
	{"A. Introduction", "A. Introduction"},
	{"IV. The results", "IV. The results"},
	{"The plan has three parts: first, a truce.", "The plan has three parts: first, a truce."},
	{`He said: "The war is over."`, `He said: "The war is over."`},
	{"The message was clear: The war is over.", "The message was clear: The war is over."},
	{"The meeting is at 10 a.m. Monday in Brussels.", "The meeting is at 10 a.m. Monday in Brussels."},
	{"The meeting ended at 10 a.m. The leaders then left.", "The meeting ended at 10 a.m. | The leaders then left."},
	{"It happened at 5 p.m. He left at six.", "It happened at 5 p.m. | He left at six."},
	{"Apple Inc. said profits rose.", "Apple Inc. said profits rose."},
	{"The deal was signed by Acme Inc. It closes next year.", "The deal was signed by Acme Inc. | It closes next year."},
	{"Oil, gas, etc. are exported.", "Oil, gas, etc. are exported."},
	{"They sell oil, gas, etc. Prices rose.", "They sell oil, gas, etc. | Prices rose."},
	{"Prices rose (by 5%). Markets fell.", "Prices rose (by 5%). | Markets fell."},
	{"The vote is on Jan. 5 in Paris.", "The vote is on Jan. 5 in Paris."},
	{"He lives on Main St. in Boston.", "He lives on Main St. in Boston."},
	{"He was born in St. Louis.", "He was born in St. Louis."},
	{"The No. 2 official resigned.", "The No. 2 official resigned."},
	{"He said no. The vote failed.", "He said no. | The vote failed."},
	{`She said it was "over." Others disagreed.`, `She said it was "over." | Others disagreed.`},
	{`"This is wrong," she said. "We object."`, `"This is wrong," she said. | "We object."`},
	{`He asked: "Why?"`, `He asked: "Why?"`},
	{"The U.N. Security Council met. It voted.", "The U.N. Security Council met. | It voted."},
	{`The vote in the U.N. "was a disgrace," he said.`, `The vote in the U.N. "was a disgrace," he said.`},
	{`He spoke in the U.S. "We are ready," he said.`, `He spoke in the U.S. | "We are ready," he said.`},
	{"He met the U.K. Prime Minister.", "He met the U.K. Prime Minister."},
	{"He flew to the U.K. He met officials.", "He flew to the U.K. | He met officials."},
	{"Prices rose 2.5%. Markets rallied.", "Prices rose 2.5%. | Markets rallied."},
	{"Visit www.example.com. The site is new.", "Visit www.example.com. | The site is new."},
	{"Write to press@example.org. We reply.", "Write to press@example.org. | We reply."},
	{"It was 30C. It was hot.", "It was 30C. | It was hot."},
	{"The U.S.-led coalition struck. Casualties rose.", "The U.S.-led coalition struck. | Casualties rose."},
	{"Fuels, e.g. Diesel, are taxed.", "Fuels, e.g. Diesel, are taxed."},
	{"北京下雨了。上海晴天。", "北京下雨了。 | 上海晴天。"},
	{"Москва заявила. Киев ответил.", "Москва заявила. | Киев ответил."},
	{"Sen. John McCain, R-Ariz., spoke.", "Sen. John McCain, R-Ariz., spoke."},
	{"The firm, based in Washington, D.C., said it would.", "The firm, based in Washington, D.C., said it would."},
	{"He met Washington, D.C. Mayor Bowser.", "He met Washington, D.C. Mayor Bowser."},
	{"They arrived in Washington, D.C. The talks began.", "They arrived in Washington, D.C. | The talks began."},
	{`The phrase "Yes we can!" was popular.`, `The phrase "Yes we can!" was popular.`},
	{"He left (angrily). Then he returned.", "He left (angrily). | Then he returned."},
	{"He said (“We are ready.”) and left.", "He said (“We are ready.”) and left."},
	{"It was named Enterprise B. The crew cheered.", "It was named Enterprise B. | The crew cheered."},
	{"He scored 3 goals. 2 came late.", "He scored 3 goals. | 2 came late."},
	{"See p. 5 for details.", "See p. 5 for details."},
	{"Fig. 3 shows this.", "Fig. 3 shows this."},
	{"He cited Art. 5 of the treaty.", "He cited Art. 5 of the treaty."},
	{"About approx. 500 people came.", "About approx. 500 people came."},
	{"The war (1939-45) ended. Peace came.", "The war (1939-45) ended. | Peace came."},
	{`He yelled "No!" and ran.`, `He yelled "No!" and ran.`},
	{"“Is it over?” asked a reporter.", "“Is it over?” asked a reporter."},
	{"Shares rose 5 pct. The index fell.", "Shares rose 5 pct. | The index fell."},
	{"Mr. Smith went to Washington. Mrs. Smith stayed.", "Mr. Smith went to Washington. | Mrs. Smith stayed."},
	{"The talks ended!!! Nobody won.", "The talks ended!!! | Nobody won."},
	{"Is this real?? Yes.", "Is this real?? | Yes."},
	{"They met in the U.S. But no deal came.", "They met in the U.S. | But no deal came."},
	{"Growth in the U.S. Economy slowed.", "Growth in the U.S. Economy slowed."},
	{"Storm hits coast", "Storm hits coast"},
	{"A storm hit the coast", "A storm hit the coast"},
	{"The ministers' talks failed. Aid stopped.", "The ministers' talks failed. | Aid stopped."},
	{"He read it. “Nothing changes,” he said.", "He read it. | “Nothing changes,” he said."},
	{"The link is http://example.com/a.b. Read it.", "The link is http://example.com/a.b. | Read it."},
	{"Read more. http://example.com", "Read more. | http://example.com"},
	{"The vote passed 52-48. Opponents walked out.", "The vote passed 52-48. | Opponents walked out."},
	{"Great news :) The deal is done.", "Great news :) The deal is done."},
	{"It's over! :) Now we rest.", "It's over! :) | Now we rest."},
	{"(Reporting by Jane Doe.)", "(Reporting by Jane Doe.)"},
	{"Police said. . . nothing.", "Police said. . . nothing."},
	{"  Leading and trailing space.  ", "Leading and trailing space."},
}

func TestSentences(t *testing.T) {
	for _, c := range sentenceCases {
		if got := sentences(c.in); got != c.want {
			t.Errorf("sentences of %q\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

// A sentence that an abbreviation ends gets the abbreviation's full stop
// as a token of its own, as in UD English.
func TestSentenceFinalAbbreviation(t *testing.T) {
	const in = "He arrived in the U.S. The talks began."
	d := segment(in, nil)
	if len(d.Sentences) != 2 {
		t.Fatalf("got %d sentences, want 2", len(d.Sentences))
	}
	if got, want := join(d.Sentences[0].Tokens, d.Runes, " "), "He arrived in the U.S ."; got != want {
		t.Errorf("tokens %q, want %q", got, want)
	}
}

var paragraphCases = []struct{ in, want string }{
	// blank lines
	{"Title line\n\nFirst paragraph here.\n\nSecond one.", "Title line | First paragraph here. | Second one."},
	{"One.\r\n\r\nTwo.\r\n", "One. | Two."},
	{"One.\n \t \nTwo.", "One. | Two."},
	// one paragraph per line
	{"Storm hits coast\nA storm hit the coast on Monday, officials said.\nThousands lost power.", "Storm hits coast | A storm hit the coast on Monday, officials said. | Thousands lost power."},
	{"Line one.\u2028Line two.\u2029Line three.", "Line one. | Line two. | Line three."},
	// hard-wrapped text with indented paragraphs, as in Reuters-21578
	{"Talks between the two governments resumed on Monday in\nGeneva after a pause of almost three weeks, officials said on\nTuesday.\n    The delegations met for four hours and agreed to meet\nagain next week, a spokesman for the foreign ministry said.\n",
		"Talks between the two governments resumed on Monday in\nGeneva after a pause of almost three weeks, officials said on\nTuesday. | The delegations met for four hours and agreed to meet\nagain next week, a spokesman for the foreign ministry said."},
	// a short headline before hard-wrapped text
	{"Talks resume\nTalks between the two governments resumed on Monday in\nGeneva after a pause of almost three weeks, officials said on\nTuesday, and the delegations agreed to meet again next week.\n",
		"Talks resume | Talks between the two governments resumed on Monday in\nGeneva after a pause of almost three weeks, officials said on\nTuesday, and the delegations agreed to meet again next week."},
	// a line that cannot end a paragraph
	{"The minister met the\nUnited Nations envoy.", "The minister met the\nUnited Nations envoy."},
	{"Crude oil prices in\nrefineries rose sharply.", "Crude oil prices in\nrefineries rose sharply."},
	// list items
	{"The demands:\n1. A truce.\n2. Aid access.", "The demands: | 1. A truce. | 2. Aid access."},
	{"Key points\n- Talks resume\n- Aid flows", "Key points | - Talks resume | - Aid flows"},
	// nothing
	{"", ""},
	{" \n\n\t", ""},
}

func TestParagraphs(t *testing.T) {
	for _, c := range paragraphCases {
		if got := paragraphs(c.in); got != c.want {
			t.Errorf("paragraphs of %q\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

func TestSkipped(t *testing.T) {
	const dateline = "BRUSSELS (Reuters) - The talks ended. Both left."
	for _, c := range []struct {
		in         string
		skip       []eventwire.Span
		sentences  string
		paragraphs string
	}{
		{dateline, []eventwire.Span{{Start: 0, End: 20}}, "The talks ended. | Both left.", "The talks ended. Both left."},
		{"BRUSSELS (Reuters) -\nThe talks ended.", []eventwire.Span{{Start: 0, End: 20}}, "The talks ended.", "The talks ended."},
		{"First one.\nPhoto by Jane Doe\nSecond one.", []eventwire.Span{{Start: 11, End: 28}}, "First one. | Second one.", "First one. | Second one."},
		{"Kerry spoke (REUTERS/Pool) in Brussels.", []eventwire.Span{{Start: 12, End: 26}}, "Kerry spoke | in Brussels.", "Kerry spoke (REUTERS/Pool) in Brussels."},
		{"All of it is skipped.", []eventwire.Span{{Start: 0, End: 21}}, "", ""},
		{"Odd spans. Still fine.", []eventwire.Span{{Start: -5, End: 3}, {Start: 2, End: 4}, {Start: 15, End: 99}, {Start: 9, End: 7}}, "spans. | Stil", "spans. Stil"},
	} {
		d := segment(c.in, c.skip)
		if got := sentencesOf(d); got != c.sentences {
			t.Errorf("sentences of %q skipping %v\n got %q\nwant %q", c.in, c.skip, got, c.sentences)
		}
		if got := spans(d, d.Paragraphs); got != c.paragraphs {
			t.Errorf("paragraphs of %q skipping %v\n got %q\nwant %q", c.in, c.skip, got, c.paragraphs)
		}
		checkDoc(t, d)
	}
}

func TestDateline(t *testing.T) {
	d := eventwire.NewDoc(eventwire.Article{Text: "Title here\n\nGENEVA (AFP) - Talks resumed. They ended."})
	d.Dateline = &eventwire.Dateline{Place: "GENEVA", Agency: "AFP", Start: 12, End: 26}
	Segment(d)
	if got, want := sentencesOf(d), "Title here | Talks resumed. | They ended."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	checkDoc(t, d)
}

func TestParagraphContinuations(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"The firm said Edward A. Neer Jr.\nhas been named president.", "The firm said Edward A. Neer Jr.\nhas been named president."},
		{"Profits rose 3.5.\nshares fell", "Profits rose 3.5. | shares fell"},
		{"Exports could rise and increase\n inflation, he said.", "Exports could rise and increase\n inflation, he said."},
		{"The talks ended.\n    They resume Monday.", "The talks ended. | They resume Monday."},
		{"A unit of the company that Arthur P.\nYoung founded said on Monday it agreed to sell its\nfactory in Ohio to a group of local investors for an\nundisclosed sum, a spokesman for the company said.", "A unit of the company that Arthur P.\nYoung founded said on Monday it agreed to sell its\nfactory in Ohio to a group of local investors for an\nundisclosed sum, a spokesman for the company said."},
		{"It began in World War I.\nThe archive opens today.", "It began in World War I. | The archive opens today."},
		{"Talks with Gen.\nSmith ended.", "Talks with Gen.\nSmith ended."},
	} {
		if got := paragraphs(c.in); got != c.want {
			t.Errorf("paragraphs of %q\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}
