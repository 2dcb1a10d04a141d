// Package ner is the named-entity recogniser of eventwire: it finds the
// names of people (PER), organisations (ORG), places (LOC) and other
// names such as nationalities and events (MISC) in tagged sentences, the
// classes of CoNLL-2003, and fills Doc.Names. Later stages turn the names
// into entities and actors.
//
// # Model
//
// Every word gets a BILOU label (O, or B-, I-, L-, U-PER and so on, for
// the first, inner and last words of a name and a name of one word),
// chosen for the whole sentence at once by Viterbi decoding under an
// averaged structured perceptron (Collins 2002) with first-order label
// transitions; transitions that BILOU forbids are never taken. The
// features of a word are hashes of:
//
//   - the word as written and lowercased, its prefixes and suffixes of one
//     to four letters, its shape ("Xxxx", "X.X.", "dddd") and short shape,
//     flags (capitals, digits, hyphen, full stop, initial, first word);
//   - its neighbours: lowercased words two to either side, the forms,
//     short shapes and Penn tags one to either side, and pairs of these;
//   - its Penn tag (from eventwire's own tagger, in training as at run
//     time) and how much of the sentence is capitalised (headlines);
//   - the gazetteer (package geo): whether the word is part of the
//     longest country, demonym, capital, seat, city or region name that
//     starts where it starts, its position in that name, and whether it
//     is a place of a million people.
//
// A second pass, stacked on the first, labels each sentence again with
// what the first pass said of the whole document: the first-pass labels
// of the word and its neighbours, the type the first pass gave most often
// to the other occurrences of the same word (case folded) in the
// document, with how clear that majority was, and whether the document
// has the word in lower case elsewhere. "Clinton" alone in a later
// sentence thus learns from "Bill Clinton" earlier on, a headline in
// capitals from the body, and a capitalised "Agree" in a title from
// "agree" in the text. The second pass is trained on first-pass labels
// that models trained on the other documents predicted (jack-knifing), so
// that it learns how far to trust them. In the pipeline the article is the
// document; in a CoNLL file, -DOCSTART- to -DOCSTART-.
//
// # Training data
//
// The model is trained on CoNLL-2003 English (the CoNLL++ train file,
// Reuters news, PER/ORG/LOC/MISC) and Universal NER English EWT (web
// text, PER/ORG/LOC, words split as eventwire's tokenizer splits them).
// Universal NER has no MISC class: its O words may be MISC names.
// Training treats a file without MISC names as partially annotated: the
// gold labelling of such a sentence is the best-scoring one under the
// current weights among those that agree with the file's PER, ORG and
// LOC names and give its O words O or MISC. So MISC is learned from
// CoNLL-2003 and not unlearned from Universal NER.
//
// Weights are pruned and quantised, and live in a flat open-addressing
// table as in package tag. A Recognizer is read-only after Load, Read or
// Train and safe for concurrent use by many goroutines.
//
// Scoring is bound by the latency of memory (a word's 45 features are
// read from tables of about 9 MB), so the loads are ordered for many cache
// misses to be in flight at once: the features of four words are looked
// up together, their home slots in a loop with no branch on the loaded
// values, then the entry counts, then a touch of each feature's last
// entry, and only then the sums. Frequent features (16 weights or more)
// have dense rows of three biased weights to a 64-bit word, as in package
// parse, summed a dozen words at a time. The tables are aligned to huge
// pages on Linux. None of this changes a score: the sums are exact.
//
// The reader (Reader, ReadFile, Documents) reads CoNLL-2003 files
// (space-separated token, POS, chunk and NER columns, -DOCSTART- lines)
// and Universal NER IOB2 files (tab-separated, "#" comments), telling
// them apart by their lines, for training, for "eventwire tag --conll"
// and for "eventwire eval ner".
package ner
