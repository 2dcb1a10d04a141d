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
// A DB is safe for concurrent use. The database runs in WAL mode, so
// readers (such as a server opened with Options.ReadOnly) do not block the
// writer.
package sqlite
