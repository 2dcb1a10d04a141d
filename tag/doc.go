// Package tag is the part-of-speech tagger and lemmatizer of eventwire. It
// gives every token a universal part of speech (UPOS: NOUN, VERB, ...), a
// Penn Treebank tag (XPOS: NN, VBD, ...) and a lemma, and is trained on
// Universal Dependencies English (EWT and GUM) with Train.
//
// # Model
//
// The tagger predicts one class per word: a UPOS and XPOS pair as seen in
// the training data ("PROPN NNP", "ADP IN", "SCONJ IN", ...), so that the
// two tags always agree. A class is scored by an averaged perceptron over
// about fifty binary features, and chosen greedily from left to right:
//
//   - the word: lowercased, as written, its prefixes of one to three and
//     suffixes of one to four letters, its shape ("Xxxx", "dd.dd"), flags
//     (digit, hyphen, capitals, first word) and how much of the sentence is
//     capitalised (headlines, signatures);
//   - its neighbours two to the left and two to the right: lowercased words,
//     suffixes, shapes, and word pairs;
//   - the classes predicted for the two words before it;
//   - the lexicon of the training data: a word's ambiguity class (the set of
//     classes it was seen with), also for its neighbours.
//
// The lexicon also narrows the choice: a frequent word that had one class
// nearly always gets it directly, as in Honnibal's tagger; a word seen
// five times or more is given only classes it was seen with; any other
// word one of the open classes (those of rare training words).
//
// The tagger is stacked: a second pass tags the sentence again with, as
// further features, the first pass's classes of the word and of the two
// words to its right. It is trained on first-pass classes that models
// trained on the other parts of the data predicted (jack-knifing), so that
// it learns how far to trust them. The two passes share their word
// features: a feature's weights for both passes sit side by side.
//
// Features are 48-bit hashes of a template number and attribute hashes
// computed once per token; the weights live in a flat open-addressing
// table (no maps) and are pruned and quantised on Save. Tagging allocates
// nothing per token except lemmas built by rule.
//
// # Lemmas
//
// The lemma of a word is, in this order: the most frequent lemma of the
// form and class in the training data (plus a built-in list of irregular
// verbs and nouns: met → meet, fled → flee, children → child); the same
// for the lowercased form when the class's casing rule lowercases
// capitalised words; or the edit ("strip n letters, append s") most
// frequent for the class and the longest suffix of the lowercased form
// seen in training. Proper nouns, numbers and punctuation keep their form,
// as in EWT.
//
// # Headlines
//
// Headlines are title-cased ("Russia Agree to Try to Revive Syria Plan"),
// and the features lean on capitals. When the first paragraph of a
// document is its title (Doc.Title) and is title-cased (three words of four
// letters or more, all capitalised), Tag shows the tagger its words as
// running text would write them: a capitalised word other than the first
// is seen, and lemmatized, in lower case when the lexicon knows the
// lower-case form as a common word more often than it saw the capitalised
// form at all, and more than three times as often as it saw the
// capitalised form as a name. Acronyms, unknown words and words known
// mostly capitalised ("United", "States", "House") keep their capitals.
// The tokens' text and offsets do not change. TagWords has no title and
// tags words as written.
//
// A Tagger is read-only after Load, Read or Train and safe for concurrent
// use by many goroutines.
package tag
