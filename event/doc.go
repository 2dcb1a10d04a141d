// Package event is the event stage of eventwire: it codes who did what to
// whom as CAMEO events with their PLOVER types, from the dependency parse
// and the actor layer. This file set is the stage's foundation; the coder
// that walks the parse builds on it.
//
// # Pieces
//
//   - Ontology (LoadOntology): the CAMEO codebook — code, name, Goldstein
//     value, QuadClass — joined with the CAMEO→PLOVER 2021 table, generated
//     by go generate from ../shared/data/cameo and ../shared/data/plover
//     into data/ontology.tsv (see data/PROVENANCE.md). Codes the PLOVER
//     table leaves out take their parent's row, then their root's heading;
//     CAMEO 02 (appeals), absent from the table, maps to REQUEST like
//     CAMEO 10 (demands), and CAMEO 01 (statements) has no PLOVER type.
//   - Dictionary (LoadDictionary, ReadDictionary): verb and noun patterns
//     → CAMEO codes, written for eventwire in the text format of
//     dictionary.md ("163 verb impose obj=sanction on|against=+"), a map
//     from trigger lemma to patterns, most specific first.
//   - ReadPetrarchVerbs: PETRARCH-2 verb dictionaries (CAMEO.2.0.txt, the
//     --verbs FILE option) turned into the same Dictionary where their
//     patterns are simple enough, with a report of what was skipped and
//     why; malformed codes such as "[120]---" are warnings, never events.
//
// # Plan for the coder
//
// For each sentence of a parsed Doc, the coder takes every verb and every
// noun whose lemma has patterns, and tries them in order: a pattern
// matches when each of its slots is filled by a dependent with that
// relation (subj: nsubj, or the agent of a passive; obj: obj, or
// nsubj:pass of a passive; iobj; prt: compound:prt; xcomp; mod: compound
// or amod of the word it modifies; a preposition: an obl or nmod whose
// case word it is, found on the trigger or on the pattern's object) whose
// lemma or lowercased text is one of the slot's words. The first pattern
// that matches wins; one coded "-" (NoEvent) matches and codes nothing. Slots marked + and $ must be filled by an actor. Source and
// target then come from the actor layer (entities, coreference, actor
// codes) through the slots the pattern names; nouns take their source from
// a possessive or modifier ("Russian attack") or the governing verb's
// subject. Coordinated actors give one event each; reciprocal verbs
// ("agreed", "met") with coordinated subjects give both directions; a
// pattern's Reverse code gives the event in the other direction.
// Negation, conditionals and plans set the event's negated and
// hypothetical flags rather than dropping it; date and place come from the
// sentence, the dateline and the gazetteer; events with the same source,
// target and code within an article are merged, listing each mention.
package event
