// Package actor turns the names, pronouns and descriptions of an article
// into entities (people, organisations, places and groups) and codes each
// entity with a CAMEO actor code such as USAGOV (the US government) or
// IGOWSTNAT (NATO), split into country and sector.
//
// New builds a Coder from the embedded tables and the user's dictionaries;
// (*Coder).Resolve finds the mentions of a parsed document, groups them
// into entities (coreference within the article) and codes them, filling
// Doc.Entities. A Coder is read-only after New and shared by all workers;
// the one mutable thing, the Knowledge a run learns, is guarded by a mutex.
//
// # Coding knowledge
//
// Four embedded tables, facts written for eventwire (data/*.tsv):
//
//   - organisations (data/orgs.tsv): intergovernmental bodies, NGOs,
//     national institutions and armed groups, with aliases and the nouns
//     that describe them ("the alliance"), found by (*Coder).Org;
//   - roles (data/roles.tsv): titles and role nouns with their sector
//     ("Secretary of State" and "ambassador" GOV, "troops" MIL, "rebels"
//     REB), found by (*Coder).Role;
//   - office-holders (data/holders.tsv): heads of state and government,
//     foreign and defence ministers of the main states and the heads of
//     the UN, NATO and the EU, with dated terms, applied on the article's
//     date;
//   - the gazetteer (package geo), for countries, demonyms, capitals and
//     seats of government.
//
// Users add their own dictionaries in the PETRARCH / Phoenix formats
// (ReadDict): actor files (names to dated codes) and agent files (role
// nouns to sectors).
//
// # Names
//
// Mentions start from the recogniser's names (Doc.Names), corrected where
// the tables know better: a table name that covers a name the recogniser
// cut ("Democratic People's" + "Republic of Korea", "Islamic" of
// "Islamic State") is taken whole; a gloss in brackets is left out
// ("Hizbollah (Party of God)"); an office-holder after a title or a
// nationality before a group is found in lower case ("President obama",
// "tunisian rioters"); a compass word before a place names a part of its
// country ("South Lebanon", "Eastern Ukraine"); a region or city before
// or after a group gives the group its country ("Darfur rebels",
// "civilians in Darfur", but not "reporters in Oslo"); a minority named
// by a nationality is the country it lives in ("ethnic Albanians in
// Serbia", "the Albanians of southern Serbia"); a country the recogniser
// called MISC is kept where it is a subject or object ("The PRC
// demanded"); and an organisation named for a country is that country's
// ("Malaysia Airlines", MYSBUS). Titles may carry a portfolio ("Deputy
// Secretary of Energy", "Vietnam's Planning and Investment Minister").
// Places of South Sudan are Sudan's in articles dated before its
// independence (9 July 2011).
//
// # Precedence
//
// (*Coder).Code tries, in order: the user's dictionaries (the user knows
// best); what the article itself says ("Russian Foreign Minister X" is
// RUSGOV whatever else is known); the organisations table; the
// office-holders table for a person in office on the article's date;
// what the run learned from earlier articles (Knowledge); a person whose
// title in the article is the title of the table's terms for that name,
// whatever the date ("President Bush" on a date between the two
// presidents Bush, or in a record with a placeholder date); and last an
// office-holder named in full out of office (COUNTRY+ELI). The curated, dated
// table outranks learned facts because a fact learned from one article
// can be wrong (a misread title) while a table term is checked; learned
// facts fill what the table lacks (new ministers, people below cabinet
// rank). A surname shared by several people in office, or by several
// learned people, codes nobody: an unresolved actor is better than a
// wrong one.
//
// # Knowledge
//
// A Knowledge is shared by the articles of a run, which the pipeline
// resolves one at a time in input order, so a run's output is
// deterministic. Facts carry the date of the article that taught them and
// apply from that date on; Facts and NewKnowledge let a store persist
// them between runs.
//
// # Codes
//
// Codes follow CAMEO as the Phoenix dictionaries apply them; SplitCode
// gives the country (the first three letters: an ISO 3166 alpha-3 code or
// IGO, NGO, IMG, MNC) and the sector (the first role code after it).
package actor
