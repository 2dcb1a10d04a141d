// Package sqlite stores eventwire documents in an embedded SQLite database
// (modernc.org/sqlite: pure Go, no cgo) and answers queries over them.
//
// A database holds articles with their JSON records, and spread out for
// queries their entities and mentions, quotes, events with the evidence
// for each (event_mentions), the publishers (sources), and what the actor
// stage learned from the text (knowledge). FTS5 indexes article text and
// quote text. The schema is in migrations/, applied in order by Open and
// recorded in PRAGMA user_version.
//
// Save stores one article and all its records in one transaction, so a
// database is never half-written, even when the process is killed; SaveAll
// stores several, each as whole, in one transaction, for speed. An
// article's identity is its URL when it has one, otherwise the SHA-256 of
// its normalised text (lower case, white space collapsed): saving the same
// article again adds nothing.
//
// Near-duplicate articles (wire copies, syndicated and re-posted stories
// with a few edits) are linked, not dropped: Save fingerprints each
// article's text with package simhash (3-word shingles) and stores the
// fingerprint with its four 16-bit blocks, indexed. A new article of at
// least MinShingles shingles whose fingerprint is within MaxDistance bits
// of a stored one (found through an equal block, which any fingerprint
// within 3 bits has) gets articles.duplicate_of: the first stored original
// of them. Duplicates lists them.
//
// The same event reported by several articles is stored once per article
// but linked: events.same_as is the id of the first stored report, and
// the view event_counts(event_id, first_event_id, num_mentions,
// num_sources, num_articles) gives every event its group's GDELT-style
// counts (event_groups has one row per group). A new event is another
// report of a stored event from another article when they agree on the
// CAMEO code, negation, hypothetical mood, source and target actor codes,
// and place (name and country), and
//
//  1. both have a date, the same, and both actors have codes; or
//  2. the new event's article is a near-duplicate of the stored event's
//     (the same story, edited): then the date may be missing on either
//     side, and an actor may be missing on both.
//
// Rule 1 is GDELT's grouping: it can merge two distinct clashes between the
// same two actors on the same day at the same place, which reports rarely
// tell apart; it never merges across actors as broad as a country alone
// when their codes differ (GOV and MIL are different actors), across places
// or across days, and never two events of one article (the event stage
// already decided that they differ). Rule 2 is safe because the text is
// the same story.
//
// Browsing (a server's pages and API) reads the store through Articles
// (a full-text search ranked by bm25, with a snippet and its matches
// marked, or the newest first), Article (one record, by row or record
// id), Actor (what the store knows of an actor code: names, titles,
// counts, counterparts), Timeline (events per day or week, by quad class
// and PLOVER type), and Events and Quotes with pages (Limit, Offset) and
// the newest first (Newest). ErrNotFound says that the store does not
// hold an article or actor. Each call reads about as much for a page of
// results however large the store (migration 3 adds what it needs):
//
//   - Summary tables: actor_pairs (the events, Goldstein sum and dates of
//     each pair of actor codes: an actor's counts and counterparts),
//     actor_names (the entities and quotes of each name and code),
//     speakers (the quotes of each speaker name: a search for part of a
//     name reads the names, not the quotes), event_days, country_weeks
//     and actor_weeks (events per day, and per week and country or actor
//     code, by PLOVER type and quad class: timelines of every event, and
//     weekly ones of a country or an actor code or prefix). Each save adds
//     the rows of its transaction to them, one grouped statement a table
//     (much cheaper than a trigger a row); triggers take deleted rows
//     out.
//   - Covering indexes on the actor columns of events that hold what a
//     timeline counts, in date order.
//   - Events and Quotes choose their plan from an estimate of how many
//     rows each condition keeps (the counts above, or a count stopped at
//     the number that matters): the few matches of the most selective
//     condition found through its index and sorted, or, when every
//     condition keeps many, the rows read in order (events_date, the
//     articles' publication dates, quotes_fts) and checked until the page
//     is full.
//   - bm25 costs microseconds per article found: a text search that finds
//     more articles than the page needs ranks the newest stored 500 of
//     them (200 for a phrase of several words; more for a page further
//     on), found in index order without ranking.
//
// A DB is safe for concurrent use. The database runs in WAL mode, so
// readers (such as a server opened with Options.ReadOnly) do not block the
// writer.
package sqlite
