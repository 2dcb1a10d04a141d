// Package text splits an article into paragraphs, sentences and tokens.
//
// Segment is the stage's entry point: it reads doc.Runes, skips the spans
// that the clean stage marked (the dateline and the boilerplate), and sets
// doc.Paragraphs and doc.Sentences, each sentence with its tokens.
// Tokenize splits any range of code points into tokens. All offsets are
// code-point offsets into doc.Runes, half-open. Both functions are pure
// rune loops without regular expressions, package-level state or
// allocations per token, and are safe for concurrent use on different
// documents.
//
// # White space and lines
//
// White space is Unicode White_Space plus the C0 controls, DEL, the
// zero-width space and the byte-order mark. Lines end at \n, \r\n, \r, \v,
// \f, U+0085, U+2028 or U+2029, as in package clean.
//
// # Paragraphs
//
// A blank line (only white space, or only text that is skipped) always
// ends a paragraph. Inside a block of non-blank lines, each line break ends
// a paragraph too, unless it is a soft wrap. A break is never a soft wrap
// when the next line starts a list item ("- ", "* ", "• ", "1. ", "2) ",
// "a) " followed by text) or is indented deeper (unless it merely goes on
// in lower case, see below). Otherwise it is a soft wrap when
//
//   - the line ends with a comma, a hyphen, a title ("Gen.") or a word
//     that cannot end a paragraph ("the", "of", "and" and a few more); or
//   - the next line starts with a lower-case word and the line does not
//     end a sentence (with a full stop after anything but an abbreviation,
//     a question or exclamation mark, a colon or a closing quote); or
//   - the text is hard-wrapped, and the next line is indented less (it
//     continues an indented first line, as in Reuters-21578), or the line
//     ends with an initial ("Arthur P."), or the next line's first word
//     would not have fit on the line: line length + 1 + first word length
//     > wrap width.
//
// The text is hard-wrapped when at least two line breaks are left to
// decide (not explained by blank lines, indentation or list items), their
// wrap width W (the 90th percentile of the lengths of the lines before
// them) lies in [30, 255], and the next word would not have fit for at
// least 60% of them. Text with one paragraph per line (web and wire copy)
// has lines of very different lengths and fails the test, so each line is
// a paragraph and a short headline stays on its own; text wrapped at a
// fixed width (Reuters-21578 at about 70 columns, e-mail) passes it, and
// only the lines that end early, or are followed by an indented line,
// close a paragraph. Paragraphs are trimmed of white space and of skipped
// text at both ends; a paragraph with nothing else is dropped.
//
// # Sentences
//
// Sentences never cross a paragraph break or a skipped span: the text of a
// paragraph between two skipped spans (say, after a dateline at its start)
// is segmented on its own. A sentence ends after a terminator token and
// the closing quotes and brackets that follow it (`he said." Next`, `(See
// below.) Next`); whether it ends depends on the next word, after any
// opening quotes, brackets and dashes:
//
//   - after "." it ends unless that word starts in lower case, or the
//     sentence so far is a list marker ("1.", "b.", "IV.");
//   - after "?" "!" and runs like "?!" it ends unless that word starts in
//     lower case after a closing quote (`"Why?" he asked`), or a
//     capitalised name and a verb of saying follow the quote (`"Why?"
//     Kerry asked`);
//   - after an ellipsis ("..." or "…") it ends only before a capital;
//   - after an abbreviation it depends on the abbreviation: titles ("Mr.",
//     "Gen.", "Sen."), abbreviations before numbers ("No. 5", "pp. 3") and
//     "e.g.", "i.e.", "vs." never end a sentence; "etc." ends it before
//     any capital; the others ("U.S.", "Inc.", "Jan.", "a.m.", initials)
//     end it only before a capitalised word that typically opens a sentence
//     ("The", "He", "But", "In", ...) or an opening quote and a capital.
//     So "in the U.S. The talks" splits while "the U.S. Senate" and "John
//     F. Kennedy" do not.
//
// Punctuation that cannot start a sentence (",", ";", ":", ")") never
// starts one, so colons and semicolons never split, and a paragraph
// without final punctuation, such as a headline, is one sentence. The
// full stops of other scripts ("。", "؟", "।") are terminators too.
//
// # Tokens
//
// Tokens follow the conventions of UD English EWT (the tokenizer scores
// above 99% token F1 on its test set; see package eval):
//
//   - punctuation is split off; runs of the same mark are one token
//     ("...", "?!", "--", "***"), so are "…" and dashes ("—", "–");
//   - clitics are split: "do n't", "ca n't", "I 'm", "Russia 's",
//     "Assad ’s", "officials '"; apostrophes inside words stay ("O'Brien",
//     "rock'n'roll", "d'Ivoire"); "cannot" and "gonna" split as in EWT;
//   - abbreviations keep their full stop ("U.S.", "Mr.", "a.m.", "e.g.",
//     initials "F."), except at the end of the range, where the stop is
//     the sentence's ("in the U.S ."); Segment does the same when an
//     abbreviation ends a sentence inside a paragraph;
//   - a full stop with no space after it before a capitalised word splits
//     ("Geneva.The" -> "Geneva" "." "The"), but not in "U.S.", "e.g.",
//     "3.5", "www.example.com" or file names;
//   - hyphens are split off ("al - Assad", "Secretary - General",
//     "U.S. - led"), as EWT does, except after a prefix ("non-profit",
//     "e-mail", "co-founder", "re-election") and in telephone numbers;
//   - numbers stay whole ("1,400", "3.5", "10:30", "9/11", "1st",
//     "1990s"); currency signs and "%" are split ("$ 2.5", "3.5 %"), so
//     are units ("10 am", "35 mm", "2.5 bn");
//   - URLs, e-mail addresses, @handles and #hashtags are one token,
//     without the punctuation around them; emoticons (":)") are one token;
//   - letters of any script form words; a run of CJK letters is one token;
//     symbols and emoji (with their modifiers and joiners) are tokens of
//     their own.
package text
