// Package quote finds what people are reported to have said: direct
// quotations in quote marks, mixed quotations (reported speech with quoted
// fragments) and indirect speech governed by a reporting verb, each with
// its speaker resolved through the entity layer and its cue.
//
// The stage runs after the actor stage: it needs every sentence tagged and
// parsed and doc.Entities filled. New loads the reporting-verb lexicon
// (lexicon.txt, embedded; its format is described at its top) once; a
// Finder is then safe for concurrent use, and Find fills doc.Quotes.
//
// Quote marks are read from the text (doc.Runes), so a quotation may cross
// sentences and, by news convention, paragraphs: a paragraph that opens a
// quote and does not close it continues into the next paragraph when that
// paragraph opens with a quote mark. An unclosed or stray mark never runs
// past the end of its paragraph. Reported speech is read from the parse: a
// reporting verb with a clausal complement, "according to X", and a
// reporting verb attached to a quotation ("...," he said).
//
// The speaker is the reporting verb's subject, repaired where the parse
// goes wrong: inverted and parenthetical attributions ("...," said a party
// organizer; "Brown, a top aide said, ..."), relative pronouns (the noun
// phrase they stand for), the sender of a statement or email "saying"
// something, the author "by" whom a document was written, passive
// "was quoted saying". A quoted fragment no reporting verb governs goes to
// the subject of its clause, and a quote that opens a sentence to the
// reporting verb of the sentence before it in its paragraph. A speaker
// needs no entity: its span is what counts.
package quote
