-- eventwire store, schema version 1.
--
-- One row in articles per article; every other table hangs off it and goes
-- with it (ON DELETE CASCADE). The record column keeps the article's JSON
-- record exactly as extract writes it; the other tables spread it out for
-- queries. Offsets are code-point offsets into articles.text.

CREATE TABLE sources (
	id   INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE -- publisher or agency, as the input gave it
);

CREATE TABLE articles (
	id              INTEGER PRIMARY KEY,
	key             TEXT NOT NULL UNIQUE, -- identity: "url:" + URL, or "text:" + SHA-256 of the normalised text
	doc_id          TEXT NOT NULL,        -- the record's id
	url             TEXT,
	title           TEXT NOT NULL,
	source_id       INTEGER REFERENCES sources(id),
	published       TEXT,                 -- YYYY-MM-DD
	dateline_place  TEXT,
	dateline_agency TEXT,
	origin          TEXT NOT NULL,        -- where the ingest read it ("file.jsonl:12")
	text            TEXT NOT NULL,
	record          TEXT NOT NULL,        -- the JSON record
	added           TEXT NOT NULL         -- when it was stored, RFC 3339 UTC
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_source ON articles(source_id);

CREATE TABLE entities (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	eid        TEXT NOT NULL, -- the entity's id in the record ("e1")
	name       TEXT NOT NULL,
	type       TEXT NOT NULL, -- PERSON, ORG, GPE, LOC, NORP
	actor      TEXT,          -- CAMEO actor code
	country    TEXT,
	sector     TEXT,
	titles     TEXT NOT NULL, -- JSON array
	UNIQUE (article_id, eid)
);
CREATE INDEX entities_name ON entities(name);
CREATE INDEX entities_actor ON entities(actor);

CREATE TABLE mentions (
	id        INTEGER PRIMARY KEY,
	entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
	start     INTEGER NOT NULL,
	end       INTEGER NOT NULL,
	text      TEXT NOT NULL,
	kind      TEXT NOT NULL
);
CREATE INDEX mentions_entity ON mentions(entity_id);

CREATE TABLE quotes (
	id            INTEGER PRIMARY KEY,
	article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	qid           TEXT NOT NULL,
	kind          TEXT NOT NULL,
	text          TEXT NOT NULL,
	start         INTEGER NOT NULL,
	end           INTEGER NOT NULL,
	speaker_id    INTEGER REFERENCES entities(id) ON DELETE SET NULL,
	speaker_name  TEXT,
	speaker_text  TEXT,
	speaker_start INTEGER,
	speaker_end   INTEGER,
	cue           TEXT,
	cue_lemma     TEXT,
	cue_start     INTEGER,
	cue_end       INTEGER,
	json          TEXT NOT NULL, -- the quote as in the record
	UNIQUE (article_id, qid)
);
CREATE INDEX quotes_speaker_name ON quotes(speaker_name);
CREATE INDEX quotes_speaker ON quotes(speaker_id);

CREATE TABLE events (
	id               INTEGER PRIMARY KEY,
	article_id       INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	eid              TEXT NOT NULL,
	source_id        INTEGER REFERENCES entities(id) ON DELETE SET NULL,
	source_name      TEXT,
	source_actor     TEXT,
	source_country   TEXT,
	source_sector    TEXT,
	target_id        INTEGER REFERENCES entities(id) ON DELETE SET NULL,
	target_name      TEXT,
	target_actor     TEXT,
	target_country   TEXT,
	target_sector    TEXT,
	cameo            TEXT NOT NULL,
	cameo_root       TEXT NOT NULL,
	plover           TEXT NOT NULL,
	quad_class       INTEGER NOT NULL,
	goldstein        REAL NOT NULL,
	negated          INTEGER NOT NULL,
	hypothetical     INTEGER NOT NULL,
	date             TEXT,   -- YYYY-MM-DD
	date_text        TEXT,
	location         TEXT,   -- gazetteer name
	location_country TEXT,
	lat              REAL,
	lon              REAL,
	json             TEXT NOT NULL, -- the event as in the record
	UNIQUE (article_id, eid)
);
CREATE INDEX events_source_country ON events(source_country, target_country, date);
CREATE INDEX events_target_country ON events(target_country, date);
CREATE INDEX events_source_actor ON events(source_actor, date);
CREATE INDEX events_target_actor ON events(target_actor, date);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_plover ON events(plover, date);
CREATE INDEX events_cameo ON events(cameo, date);
CREATE INDEX events_location ON events(location COLLATE NOCASE);
CREATE INDEX events_location_country ON events(location_country);
CREATE INDEX events_article ON events(article_id);

CREATE TABLE event_mentions (
	id             INTEGER PRIMARY KEY,
	event_id       INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
	trigger_start  INTEGER NOT NULL,
	trigger_end    INTEGER NOT NULL,
	trigger_text   TEXT NOT NULL,
	sentence_start INTEGER NOT NULL,
	sentence_end   INTEGER NOT NULL
);
CREATE INDEX event_mentions_event ON event_mentions(event_id);

-- What the actor stage learned from text: who holds which title and code.
CREATE TABLE knowledge (
	id         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL,
	surname    TEXT NOT NULL,
	actor      TEXT NOT NULL,
	country    TEXT NOT NULL,
	sector     TEXT NOT NULL,
	title      TEXT NOT NULL,
	first_seen TEXT,          -- YYYY-MM-DD of the first article that taught it; NULL when undated
	last_seen  TEXT,          -- YYYY-MM-DD of the latest saved run's knowledge of it
	doc_id     TEXT NOT NULL, -- the record id of the article that taught it
	UNIQUE (name, actor, title)
);

-- Full-text search over article text and quote text (external content:
-- the text is stored once, in articles and quotes). The store indexes new
-- rows itself, once per transaction, which is much faster than a trigger
-- per row; deletions go through triggers.
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id');
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;

CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='id');
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
	INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
