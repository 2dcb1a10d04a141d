-- eventwire store, schema version 2: near-duplicate articles and events
-- reported by several articles.
--
-- articles.simhash is the SimHash of the article's text (package simhash,
-- stored as a signed 64-bit integer), NULL for a text too short to
-- fingerprint (and for articles stored by schema 1); simhash_b0..b3 are
-- its four 16-bit blocks, indexed, so that the candidates within
-- distance 3 are found without a full scan. duplicate_of is the first
-- stored article of which this one is a near-duplicate (never itself a
-- duplicate), NULL for an original.
ALTER TABLE articles ADD COLUMN simhash INTEGER;
ALTER TABLE articles ADD COLUMN simhash_b0 INTEGER;
ALTER TABLE articles ADD COLUMN simhash_b1 INTEGER;
ALTER TABLE articles ADD COLUMN simhash_b2 INTEGER;
ALTER TABLE articles ADD COLUMN simhash_b3 INTEGER;
ALTER TABLE articles ADD COLUMN duplicate_of INTEGER REFERENCES articles(id) ON DELETE SET NULL;
CREATE INDEX articles_simhash_b0 ON articles(simhash_b0) WHERE simhash_b0 IS NOT NULL;
CREATE INDEX articles_simhash_b1 ON articles(simhash_b1) WHERE simhash_b1 IS NOT NULL;
CREATE INDEX articles_simhash_b2 ON articles(simhash_b2) WHERE simhash_b2 IS NOT NULL;
CREATE INDEX articles_simhash_b3 ON articles(simhash_b3) WHERE simhash_b3 IS NOT NULL;
CREATE INDEX articles_duplicate_of ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;

-- events.same_as is the first stored event that this one reports again
-- (never itself such a report), NULL for the first report. The rule is in
-- the package documentation (sqlite/doc.go).
ALTER TABLE events ADD COLUMN same_as INTEGER REFERENCES events(id) ON DELETE SET NULL;
CREATE INDEX events_same_as ON events(same_as) WHERE same_as IS NOT NULL;

-- event_groups: one row per distinct event (first_event_id, the event
-- stored first), with GDELT's counts over every report of it:
-- num_mentions the event mentions (sentences) in all of them, at least one
-- per report; num_sources the distinct publishers (an article without a
-- known publisher counts as its own); num_articles the distinct articles.
CREATE VIEW event_groups AS
SELECT coalesce(e.same_as, e.id) AS first_event_id,
	sum(max(1, (SELECT count(*) FROM event_mentions m WHERE m.event_id = e.id))) AS num_mentions,
	count(DISTINCT coalesce(a.source_id, -a.id)) AS num_sources,
	count(DISTINCT e.article_id) AS num_articles
FROM events e JOIN articles a ON a.id = e.article_id
GROUP BY coalesce(e.same_as, e.id);

-- event_counts: every event with its group's counts. Export the rows
-- where event_id = first_event_id to count each event once.
CREATE VIEW event_counts AS
SELECT e.id AS event_id, g.first_event_id, g.num_mentions, g.num_sources, g.num_articles
FROM events e JOIN event_groups g ON g.first_event_id = coalesce(e.same_as, e.id);
