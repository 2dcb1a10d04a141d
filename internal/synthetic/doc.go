// Package synthetic writes invented news articles with every annotation
// layer a store needs (entities and their mentions, quotes, events), to
// fill a store of any size for benchmarks and load tests without running
// the pipeline.
//
// The articles read like wire copy about international relations: a
// dateline in half of them, a lead sentence that states the main event,
// quotes from officials, more events and background sentences, about 300
// words in all. Every sentence comes from templates written for this
// package. The actors (about 260) are 44 countries with their
// governments and militaries, invented officials with their titles,
// intergovernmental organisations and invented armed and opposition
// groups; countries are drawn with Zipf frequencies, as in news, where a
// few countries make most of the events. Country names, adjectives,
// capitals and their coordinates come from the gazetteer (package geo);
// every event's CAMEO root, PLOVER type, quad class and Goldstein value
// come from the ontology (package event), so they agree as the coder's
// would.
//
// Offsets are code points, as everywhere in eventwire, and every record
// passes eventwire.Record.CheckOffsets; some names carry letters beyond
// ASCII, one beyond the Basic Multilingual Plane.
//
// The output depends only on the seed and the article's number: Doc(i,
// seed) is the same document on every run and platform, and Docs(n, seed)
// yields Doc(0, seed) ... Doc(n-1, seed).
package synthetic
