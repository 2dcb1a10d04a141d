// Package event is the event stage of eventwire: it codes who did what to
// whom as CAMEO events with their PLOVER types, from the dependency parse
// and the actor layer. Its entry point is Coder.Code, built by New from
// the ontology and a dictionary.
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
// # The coder
//
// Coder.Code takes each sentence that is tagged, parsed and names an
// entity, and tries the patterns of every VERB, then of every NOUN a
// verb pattern did not already use as one of its words ("launched an
// attack on" is one event, not two). The first pattern that matches wins;
// one coded "-" (NoEvent) matches and codes nothing. A pattern matches
// when each of its slots is filled by a dependent with that relation:
//
//   - subj: nsubj, or the "by" phrase (obl:agent) of a passive; a verb
//     without a subject takes its controller's ("Iran threatened to
//     strike": the object of the governing verb when it has one, "urged
//     Iran to stop"), that of the verb it is coordinated with, or the
//     noun a participle modifies; a relative pronoun stands for the noun
//     its clause modifies.
//   - obj: obj, or nsubj:pass of a passive (passives swap source and
//     target: "Ukraine was attacked by Russia" is Russia → Ukraine); a
//     verb is passive when it has a passive subject, auxiliary or agent,
//     or is a past participle modifying a noun.
//   - iobj, prt (compound:prt), xcomp, mod (compound or amod of the
//     trigger or of the word of an earlier slot).
//   - a preposition: an obl or nmod whose case word it is (multiword
//     ones, "because_of", through fixed), on the trigger, on the
//     pattern's object or a noun an earlier element names ("called for
//     sanctions against Nigeria"), or, for a noun that is a verb's
//     object, on that verb ("held talks with India").
//
// Words match a dependent's lemma or lowercased text (an unlemmatized
// noun plural, "troops", also matches "troop"); slots marked + and $
// must name an entity.
//
// # Actors
//
// A per-token index maps every token covered by a mention of
// doc.Entities to its entity (the shortest mention wins). The phrase a
// slot names gives the entity of its head token; a head that names none
// gives those of its modifiers ("U.S. officials"), possessor, or "of",
// "from" and "including" phrases; conjuncts add theirs ("the United
// States and Britain"), and so do coordinated modifiers of a head that has its own entity
// ("Hungarian and Romanian officials" → two actors). Sources × targets
// give one event each (at most 16 per trigger). Reciprocal verbs and
// nouns (agree, meet, sign, discuss, talks, negotiations, ...) with
// coordinated subjects and no target, and a "between" target with no source, give
// each actor to each other one. Verbs without an explicit target take
// their object's, or an indirect object, or the object of their
// infinitive ("threatened to strike Israel"); a pattern whose object is
// a word ("rejected talks") takes the target of that noun ("talks with
// Israel", "aid to Greece"), a to/on/against/with/for/into phrase of the
// verb, or whoever made it ("rejected an Indian proposal"); a quantity
// object stands for its "of" phrase ("70 million dollars of aid"). Nouns
// take their source from a possessive, a modifier naming an entity
// ("Russian attack"), a "by" phrase, or the subject of a light verb or
// verb of intent governing them ("Modi held talks", "proposed talks").
//
// An object that names no actor gives its own target or owner
// ("endorsed an agreement with the EU", "condemned allegations by
// Rwanda"); appeals, demands, disapproval and threats with no object
// take the subject of their that-clause ("demanded that Japan
// withdraw"); protests and shows of force (CAMEO 14, 15) with no target
// are aimed at the coded country, city or region of an "in" phrase on
// the trigger, its object or its governing verb ("staged a protest in
// Beijing"); a subject pronoun coreference left unresolved is the
// subject of the verb whose complement holds the trigger ("Russia and
// China said they would attack"); a name whose entity has no actor code
// gives way to a title, adjective or possessor that has one ("Syrian
// President Bashar Assad", "Egypt's Muslim Brotherhood"), and a nominal
// title or apposition speaks for a head that names nothing. Parser slips
// are absorbed where the intent is plain: a case word on a number ("to
// 18 Rwandan rebels"), a phrase attached to the object ("fired guns at
// Turkish police"), a list parsed with an apposition ("The US, Russia,
// and Switzerland met"), a headline passive without its auxiliary
// ("Ukraine attacked by Russia"), and a main verb parsed as a participle
// under its subject, which stays active when it has an object or
// modifies the root of a sentence with a full stop; two subjects with
// no conjunction or comma between them are one (the nearer, if it names
// an actor); an expletive "it" reached through an xcomp stands for the
// subject ("Syria says it is willing to withdraw"). A target that is
// only the event's single source ("withdrew its troops") is dropped,
// and the event kept without one.
//
// Background is not news: a noun dated to a year before publication
// ("Somalia's 1998 attack") and a participle describing a noun with no
// agent ("journalists arrested in Nairobi", outside headlines) are not
// coded, nor is an object noun whose target its verb's event already took
// ("endorsed an agreement with the EU" is one event). Condemning an act is
// aimed at whoever did it; the traveller makes a visit ("praised Kenya
// during a visit to Nairobi"); "met with X to discuss" is one meeting; a
// protest with no target is aimed at what its purpose clause names; a
// claim of responsibility gives the claimed act its claimant as source.
// An uncoded name takes the actor of its apposition ("Salim Okoth, a
// Kenyan lawyer"), people "throughout X" are X's. An adjective with an
// object is read as a verb ("it would free 150 prisoners"), and a clause
// subject the parser made the object of the verb above it is a subject
// again ("announced it would free").
//
// An event is coded only when its source or its target is an entity
// with an actor code; the other side may be absent or an entity without
// a code. An entity is never its own target. The same code, source and
// target twice in one sentence is one event.
//
// # Modality
//
// Negated: "not", "n't", "never" or a det "no" on the trigger; an
// infinitive or noun object of deny, refuse, decline, reject, fail,
// avoid, cancel, postpone ("refused to meet"); a clause "denied that";
// a noun of intent with "no" ("no intention of intervening").
// Hypothetical: a modal auxiliary (would, could, may, might, should,
// must, will) or "going to", "willing", "ready", "prepared" to; "if", "unless",
// "whether"; "possible", "potential", "planned", "proposed", "future"
// and the like on a noun; an infinitive or noun object of a verb of
// intent or pressure (plan, threaten, want, seek, offer, agree, urge,
// ask, require, ...); a noun of intent governing the trigger ("plans for
// an attack", "the threat of an attack"). The walk climbs through xcomp,
// coordination, a noun's governing verb and nouns of intent, and stops
// at clausal complements, so "said it would attack" is hypothetical but
// "would say it attacked" is not. A purpose infinitive shares the
// negation and modal of the verb it serves ("would not give permission
// ... to help"). Threats are THREATEN events in their
// own right, and what they threaten is coded too, hypothetical.
//
// An announced act ("will allow", "said it would expel", "is willing to
// defend") is also coded as the announcement: an intent to cooperate
// (03) for acts of 04 to 08, a threat (13) for hostile ones, a rejection
// (12) for "will not", an ultimatum (139) for a promise with "unless".
// An unspecified appeal, demand, offer or threat (020, 100, 030, 130)
// takes the code of the act it names ("urged Uganda to release the
// prisoners" is 0253); "X said Y must/should do Z" is a demand or appeal
// from X to Y; "claimed that Y attacked" is an accusation (112), a claim
// of one's own act a claim of responsibility (015). Headlines in title
// case are read left to right: the listed names, the verb (a capitalised
// word whose stem is a verb line's lemma), then the targets. The
// dictionary's format document, dictionary.md, gives the details.
//
// # When and where
//
// Every event is dated by a time phrase of its clause, resolved against
// the publication date; else by the publication date (DateText nil); else
// not at all. The phrases searched are the trigger's obliques and
// modifiers ("on Tuesday", "yesterday", "Monday's attack", "the June
// talks") and those of the verb governing a noun trigger ("held talks on
// Monday"); a past-tense verb also takes its infinitive's phrase
// ("threatened to expel them last week"); and time phrases a parser slip
// hung inside those phrases, the subject or the object ("agreed in Geneva
// last June", "attacked by protesters on Monday night"). Clausal
// complements are not searched: in "Lavrov said last week that the talks
// failed", the week dates the saying and the failing takes the publication
// date. Phrases of bound (since, until, by, before, after, from, to,
// between, within) and spans ("the next few years") date nothing.
//
// A full date is that day; a month and year its 1st; a year 1 January. A
// weekday is the latest on or before publication; "last Tuesday" the one
// before it; in the future tense (will, shall, going to) the earliest on
// or after it; "next" the one after it; "this Tuesday" the one in the
// publication's Monday-to-Sunday week. "Monday night" is Monday, and a
// weekend its Saturday. "Yesterday", "last night" and "overnight" are the
// day before publication; "today", "tonight" and "this morning" the day
// itself; "tomorrow" the day after. "N days/weeks/months/years ago" and
// "last/next week, month or year" move the publication date by that much
// ("last week" is publication minus 7 days; "this week/month/year" is the
// publication date). A month or month-and-day without a year ("June",
// "April 23") is the latest on or before publication in the past tense or
// with "last", the earliest on or after it in the future tense or with
// "next", otherwise the nearer; a month alone is its 1st. "In June last
// year" takes the year from the phrase. Dates without a year need a
// publication date.
//
// An event's place is an "in", "at", "near", "inside" or "outside" phrase
// naming a place, searched on the trigger (three levels down), then a noun
// trigger's verb, then the object, then the subject. A place is a
// capitalised gazetteer name covering the phrase's head (nationality words
// are not places), or a place entity: its gazetteer name, else its coded
// country's centre. A place noun such as "city" or "capital" gives way to
// its "of" phrase or the name beside it ("the city of Kirkuk", "the
// capital Dili"). Failing a phrase, the event takes the dateline's place;
// failing that, none. Between gazetteer entries: the entity's coded
// country where it differs from the top-ranked entry; else, when the top
// entry is a town, a town in the dateline's country (Valencia under MADRID
// is in Spain, while Georgia under ATLANTA stays the country); else geo's
// best. Points come from the gazetteer; a country is its centre, and a
// region, which the gazetteer has no point for, takes its country's
// centre. Location's Text, Start and End are the words that named the
// place.
//
// # Repeats
//
// An article that states an event twice ("met on Tuesday" in the lead and
// again in the tenth paragraph) gives one event: the same source and
// target (by entity), CAMEO code, negation, hypothesis and date merge into
// the first statement, whose trigger and sentence the event keeps, and
// Mentions lists every statement with its trigger and sentence (merge.go).
// Events are numbered V1, V2, ... after merging, in text order of their
// first statement.
package event
