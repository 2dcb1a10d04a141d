-- eventwire store, schema version 3: what browsing needs to answer fast.
--
-- An article is also looked up by its record id, and listed by publisher
-- newest first.
CREATE INDEX articles_doc_id ON articles(doc_id);
DROP INDEX articles_source;
CREATE INDEX articles_source ON articles(source_id, published);

-- actor_pairs counts the events of each pair of actors (source and
-- target code and country, '' for none): their number, the sum of their
-- Goldstein scores, and their first and last dates (NULL when none is
-- dated). An actor's counts and counterparts come from it without
-- reading its events, however many they are.
--
-- The summary tables are kept up to date by the store, not by triggers on
-- each row inserted: a save adds the rows of its transaction to them once
-- it has stored them (sqlite/save.go, summarize), one grouped statement a
-- table, which costs far less than a trigger a row. Deletions, rare, go
-- through triggers.
CREATE TABLE actor_pairs (
	source_actor   TEXT NOT NULL,
	target_actor   TEXT NOT NULL,
	source_country TEXT NOT NULL,
	target_country TEXT NOT NULL,
	events         INTEGER NOT NULL,
	goldstein      REAL NOT NULL,
	first_date     TEXT,
	last_date      TEXT,
	PRIMARY KEY (source_actor, target_actor, source_country, target_country)
) WITHOUT ROWID;
CREATE INDEX actor_pairs_target ON actor_pairs(target_actor);
CREATE INDEX actor_pairs_source_country ON actor_pairs(source_country);
CREATE INDEX actor_pairs_target_country ON actor_pairs(target_country);

INSERT INTO actor_pairs
SELECT coalesce(source_actor, ''), coalesce(target_actor, ''), coalesce(source_country, ''), coalesce(target_country, ''),
	count(*), sum(goldstein), min(date), max(date)
FROM events GROUP BY 1, 2, 3, 4;

-- A deleted event's pair loses it, and its dates are found again.
CREATE TRIGGER actor_pairs_delete AFTER DELETE ON events BEGIN
	UPDATE actor_pairs SET events = events - 1, goldstein = goldstein - old.goldstein,
		first_date = (SELECT min(date) FROM events e WHERE e.source_actor IS old.source_actor AND e.target_actor IS old.target_actor
			AND e.source_country IS old.source_country AND e.target_country IS old.target_country),
		last_date = (SELECT max(date) FROM events e WHERE e.source_actor IS old.source_actor AND e.target_actor IS old.target_actor
			AND e.source_country IS old.source_country AND e.target_country IS old.target_country)
	WHERE source_actor = coalesce(old.source_actor, '') AND target_actor = coalesce(old.target_actor, '')
		AND source_country = coalesce(old.source_country, '') AND target_country = coalesce(old.target_country, '');
	DELETE FROM actor_pairs WHERE source_actor = coalesce(old.source_actor, '') AND target_actor = coalesce(old.target_actor, '')
		AND source_country = coalesce(old.source_country, '') AND target_country = coalesce(old.target_country, '') AND events <= 0;
END;

-- actor_names counts the entities of each name coded with each actor code,
-- and the quotes that they speak.
CREATE TABLE actor_names (
	actor    TEXT NOT NULL,
	name     TEXT NOT NULL,
	entities INTEGER NOT NULL,
	quotes   INTEGER NOT NULL,
	PRIMARY KEY (actor, name)
) WITHOUT ROWID;

INSERT INTO actor_names
SELECT actor, name, count(*), 0 FROM entities WHERE actor IS NOT NULL GROUP BY actor, name;
UPDATE actor_names SET quotes = q.n
FROM (SELECT x.actor, x.name, count(*) AS n FROM quotes q JOIN entities x ON x.id = q.speaker_id
	WHERE x.actor IS NOT NULL GROUP BY x.actor, x.name) AS q
WHERE actor_names.actor = q.actor AND actor_names.name = q.name;

-- Deletions: an entity takes its quotes' counts with it (before its
-- quotes lose their speaker); a quote deleted while its speaker remains
-- takes its own.
CREATE TRIGGER actor_names_delete BEFORE DELETE ON entities WHEN old.actor IS NOT NULL BEGIN
	UPDATE actor_names SET entities = entities - 1,
		quotes = quotes - (SELECT count(*) FROM quotes WHERE speaker_id = old.id)
	WHERE actor = old.actor AND name = old.name;
	DELETE FROM actor_names WHERE actor = old.actor AND name = old.name AND entities <= 0;
END;

CREATE TRIGGER actor_names_unquote AFTER DELETE ON quotes WHEN old.speaker_id IS NOT NULL BEGIN
	UPDATE actor_names SET quotes = quotes - 1
	WHERE (actor, name) = (SELECT actor, name FROM entities WHERE id = old.speaker_id);
END;

-- speakers counts the quotes of each speaker name, so that a search for
-- part of a name reads the distinct names, not every quote.
CREATE TABLE speakers (
	name   TEXT PRIMARY KEY,
	quotes INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO speakers SELECT speaker_name, count(*) FROM quotes WHERE speaker_name IS NOT NULL GROUP BY speaker_name;

CREATE TRIGGER speakers_delete AFTER DELETE ON quotes WHEN old.speaker_name IS NOT NULL BEGIN
	UPDATE speakers SET quotes = quotes - 1 WHERE name = old.speaker_name;
	DELETE FROM speakers WHERE name = old.speaker_name AND quotes <= 0;
END;


-- Timelines count the events of an actor per day: these indexes hold
-- every column they read, in the order they group by, so that counting
-- reads no event row. Their first columns are those of the indexes they
-- replace, for the same look-ups.
DROP INDEX events_source_country;
CREATE INDEX events_source_country ON events(source_country, target_country, date, plover, quad_class, goldstein, same_as);
CREATE INDEX events_source_country_date ON events(source_country, date, plover, quad_class, goldstein, same_as, target_actor);
DROP INDEX events_target_country;
CREATE INDEX events_target_country ON events(target_country, date, plover, quad_class, goldstein, same_as, source_country, source_actor);
DROP INDEX events_source_actor;
CREATE INDEX events_source_actor ON events(source_actor, date, plover, quad_class, goldstein, same_as, target_country, target_actor);
DROP INDEX events_target_actor;
CREATE INDEX events_target_actor ON events(target_actor, date, plover, quad_class, goldstein, same_as, source_country, source_actor);

-- event_days counts the events of each day, PLOVER type and quad class,
-- first reports (first = 1) apart from later ones: a timeline of every
-- event reads it instead of the events.
CREATE TABLE event_days (
	date       TEXT NOT NULL,
	plover     TEXT NOT NULL,
	quad_class INTEGER NOT NULL,
	first      INTEGER NOT NULL,
	events     INTEGER NOT NULL,
	goldstein  REAL NOT NULL,
	PRIMARY KEY (date, plover, quad_class, first)
) WITHOUT ROWID;

INSERT INTO event_days
SELECT date, plover, quad_class, same_as IS NULL, count(*), sum(goldstein) FROM events WHERE date IS NOT NULL GROUP BY 1, 2, 3, 4;

CREATE TRIGGER event_days_delete AFTER DELETE ON events WHEN old.date IS NOT NULL BEGIN
	UPDATE event_days SET events = events - 1, goldstein = goldstein - old.goldstein
	WHERE date = old.date AND plover = old.plover AND quad_class = old.quad_class AND first = (old.same_as IS NULL);
	DELETE FROM event_days WHERE date = old.date AND plover = old.plover AND quad_class = old.quad_class
		AND first = (old.same_as IS NULL) AND events <= 0;
END;

-- A save sets same_as when it inserts an event, before it counts it.
-- After that same_as changes only when the first report is deleted (ON
-- DELETE SET NULL): the later report becomes a first report.
CREATE TRIGGER event_days_first AFTER UPDATE OF same_as ON events
WHEN new.date IS NOT NULL AND old.same_as IS NOT NULL AND new.same_as IS NULL BEGIN
	UPDATE event_days SET events = events - 1, goldstein = goldstein - old.goldstein
	WHERE date = old.date AND plover = old.plover AND quad_class = old.quad_class AND first = 0;
	DELETE FROM event_days WHERE date = old.date AND plover = old.plover AND quad_class = old.quad_class
		AND first = 0 AND events <= 0;
	INSERT INTO event_days VALUES (new.date, new.plover, new.quad_class, 1, 1, new.goldstein)
	ON CONFLICT DO UPDATE SET events = events + 1, goldstein = goldstein + excluded.goldstein;
END;

-- country_weeks counts the dated events of each country on each side
-- (side 0: the source, 1: the target) per week (the Monday: the date of
-- an event that is not one is kept as it is), PLOVER type and quad class,
-- first reports (first = 1) apart, and those with the country on both
-- sides (both = 1) apart: the weekly timeline of a country reads it
-- instead of its events, which may be a fifth of the store. (Per day,
-- there would be about as many rows as events.)
CREATE TABLE country_weeks (
	country    TEXT NOT NULL,
	side       INTEGER NOT NULL,
	week       TEXT NOT NULL,
	plover     TEXT NOT NULL,
	quad_class INTEGER NOT NULL,
	first      INTEGER NOT NULL,
	both       INTEGER NOT NULL,
	events     INTEGER NOT NULL,
	goldstein  REAL NOT NULL,
	PRIMARY KEY (country, side, week, plover, quad_class, first, both)
) WITHOUT ROWID;

INSERT INTO country_weeks
SELECT country, side, coalesce(date(date, '-6 days', 'weekday 1'), date), plover, quad_class, first, both, count(*), sum(goldstein)
FROM (SELECT source_country AS country, 0 AS side, date, plover, quad_class, same_as IS NULL AS first,
		coalesce(target_country = source_country, 0) AS both, goldstein
	FROM events WHERE date IS NOT NULL AND source_country IS NOT NULL
	UNION ALL
	SELECT target_country, 1, date, plover, quad_class, same_as IS NULL,
		coalesce(source_country = target_country, 0), goldstein
	FROM events WHERE date IS NOT NULL AND target_country IS NOT NULL)
GROUP BY 1, 2, 3, 4, 5, 6, 7;

CREATE TRIGGER country_weeks_delete AFTER DELETE ON events WHEN old.date IS NOT NULL BEGIN
	UPDATE country_weeks SET events = events - 1, goldstein = goldstein - old.goldstein
	WHERE week = coalesce(date(old.date, '-6 days', 'weekday 1'), old.date) AND plover = old.plover AND quad_class = old.quad_class AND first = (old.same_as IS NULL)
		AND (country = old.source_country AND side = 0 AND both = coalesce(old.target_country = old.source_country, 0)
			OR country = old.target_country AND side = 1 AND both = coalesce(old.source_country = old.target_country, 0));
	DELETE FROM country_weeks WHERE country IN (old.source_country, old.target_country)
		AND week = coalesce(date(old.date, '-6 days', 'weekday 1'), old.date) AND events <= 0;
END;

-- A later report whose first report is deleted becomes a first report (as
-- event_days_first).
CREATE TRIGGER country_weeks_first AFTER UPDATE OF same_as ON events
WHEN new.date IS NOT NULL AND old.same_as IS NOT NULL AND new.same_as IS NULL BEGIN
	UPDATE country_weeks SET events = events - 1, goldstein = goldstein - old.goldstein
	WHERE week = coalesce(date(old.date, '-6 days', 'weekday 1'), old.date) AND plover = old.plover AND quad_class = old.quad_class AND first = 0
		AND (country = old.source_country AND side = 0 AND both = coalesce(old.target_country = old.source_country, 0)
			OR country = old.target_country AND side = 1 AND both = coalesce(old.source_country = old.target_country, 0));
	DELETE FROM country_weeks WHERE country IN (old.source_country, old.target_country)
		AND week = coalesce(date(old.date, '-6 days', 'weekday 1'), old.date) AND first = 0 AND events <= 0;
	INSERT INTO country_weeks
	SELECT new.source_country, 0, coalesce(date(new.date, '-6 days', 'weekday 1'), new.date), new.plover, new.quad_class,
		1, coalesce(new.target_country = new.source_country, 0), 1, new.goldstein
	WHERE new.source_country IS NOT NULL
	ON CONFLICT DO UPDATE SET events = events + 1, goldstein = goldstein + excluded.goldstein;
	INSERT INTO country_weeks
	SELECT new.target_country, 1, coalesce(date(new.date, '-6 days', 'weekday 1'), new.date), new.plover, new.quad_class,
		1, coalesce(new.source_country = new.target_country, 0), 1, new.goldstein
	WHERE new.target_country IS NOT NULL
	ON CONFLICT DO UPDATE SET events = events + 1, goldstein = goldstein + excluded.goldstein;
END;

-- actor_weeks counts the same by full actor code (source_actor on side 0,
-- target_actor on side 1), for the timelines of an actor code or of a
-- prefix of one other than a country. An event whose both sides match a
-- prefix is counted once on either side: the rows of side 1 keep the
-- length of the prefix that the event's two codes share (common, at most
-- 12; 0 on side 0), so that those with common >= the prefix's length,
-- already counted on side 0, are left out.
CREATE TABLE actor_weeks (
	actor      TEXT NOT NULL,
	side       INTEGER NOT NULL,
	week       TEXT NOT NULL,
	plover     TEXT NOT NULL,
	quad_class INTEGER NOT NULL,
	first      INTEGER NOT NULL,
	common     INTEGER NOT NULL,
	events     INTEGER NOT NULL,
	goldstein  REAL NOT NULL,
	PRIMARY KEY (actor, side, week, plover, quad_class, first, common)
) WITHOUT ROWID;

INSERT INTO actor_weeks
SELECT actor, side, coalesce(date(date, '-6 days', 'weekday 1'), date), plover, quad_class, first, common, count(*), sum(goldstein)
FROM (SELECT source_actor AS actor, 0 AS side, date, plover, quad_class, same_as IS NULL AS first, 0 AS common, goldstein
	FROM events WHERE date IS NOT NULL AND source_actor IS NOT NULL
	UNION ALL
	SELECT target_actor, 1, date, plover, quad_class, same_as IS NULL,
		CASE WHEN substr(source_actor, 1, 12) = substr(target_actor, 1, 12) THEN 12 WHEN substr(source_actor, 1, 11) = substr(target_actor, 1, 11) THEN 11 WHEN substr(source_actor, 1, 10) = substr(target_actor, 1, 10) THEN 10 WHEN substr(source_actor, 1, 9) = substr(target_actor, 1, 9) THEN 9 WHEN substr(source_actor, 1, 8) = substr(target_actor, 1, 8) THEN 8 WHEN substr(source_actor, 1, 7) = substr(target_actor, 1, 7) THEN 7 WHEN substr(source_actor, 1, 6) = substr(target_actor, 1, 6) THEN 6 WHEN substr(source_actor, 1, 5) = substr(target_actor, 1, 5) THEN 5 WHEN substr(source_actor, 1, 4) = substr(target_actor, 1, 4) THEN 4 WHEN substr(source_actor, 1, 3) = substr(target_actor, 1, 3) THEN 3 WHEN substr(source_actor, 1, 2) = substr(target_actor, 1, 2) THEN 2 WHEN substr(source_actor, 1, 1) = substr(target_actor, 1, 1) THEN 1 ELSE 0 END, goldstein
	FROM events WHERE date IS NOT NULL AND target_actor IS NOT NULL)
GROUP BY 1, 2, 3, 4, 5, 6, 7;

CREATE TRIGGER actor_weeks_delete AFTER DELETE ON events WHEN old.date IS NOT NULL BEGIN
	UPDATE actor_weeks SET events = events - 1, goldstein = goldstein - old.goldstein
	WHERE week = coalesce(date(old.date, '-6 days', 'weekday 1'), old.date) AND plover = old.plover AND quad_class = old.quad_class AND first = (old.same_as IS NULL)
		AND (actor = old.source_actor AND side = 0 AND common = 0
			OR actor = old.target_actor AND side = 1 AND common = CASE WHEN substr(old.source_actor, 1, 12) = substr(old.target_actor, 1, 12) THEN 12 WHEN substr(old.source_actor, 1, 11) = substr(old.target_actor, 1, 11) THEN 11 WHEN substr(old.source_actor, 1, 10) = substr(old.target_actor, 1, 10) THEN 10 WHEN substr(old.source_actor, 1, 9) = substr(old.target_actor, 1, 9) THEN 9 WHEN substr(old.source_actor, 1, 8) = substr(old.target_actor, 1, 8) THEN 8 WHEN substr(old.source_actor, 1, 7) = substr(old.target_actor, 1, 7) THEN 7 WHEN substr(old.source_actor, 1, 6) = substr(old.target_actor, 1, 6) THEN 6 WHEN substr(old.source_actor, 1, 5) = substr(old.target_actor, 1, 5) THEN 5 WHEN substr(old.source_actor, 1, 4) = substr(old.target_actor, 1, 4) THEN 4 WHEN substr(old.source_actor, 1, 3) = substr(old.target_actor, 1, 3) THEN 3 WHEN substr(old.source_actor, 1, 2) = substr(old.target_actor, 1, 2) THEN 2 WHEN substr(old.source_actor, 1, 1) = substr(old.target_actor, 1, 1) THEN 1 ELSE 0 END);
	DELETE FROM actor_weeks WHERE actor IN (old.source_actor, old.target_actor)
		AND week = coalesce(date(old.date, '-6 days', 'weekday 1'), old.date) AND events <= 0;
END;

CREATE TRIGGER actor_weeks_first AFTER UPDATE OF same_as ON events
WHEN new.date IS NOT NULL AND old.same_as IS NOT NULL AND new.same_as IS NULL BEGIN
	UPDATE actor_weeks SET events = events - 1, goldstein = goldstein - old.goldstein
	WHERE week = coalesce(date(old.date, '-6 days', 'weekday 1'), old.date) AND plover = old.plover AND quad_class = old.quad_class AND first = 0
		AND (actor = old.source_actor AND side = 0 AND common = 0
			OR actor = old.target_actor AND side = 1 AND common = CASE WHEN substr(old.source_actor, 1, 12) = substr(old.target_actor, 1, 12) THEN 12 WHEN substr(old.source_actor, 1, 11) = substr(old.target_actor, 1, 11) THEN 11 WHEN substr(old.source_actor, 1, 10) = substr(old.target_actor, 1, 10) THEN 10 WHEN substr(old.source_actor, 1, 9) = substr(old.target_actor, 1, 9) THEN 9 WHEN substr(old.source_actor, 1, 8) = substr(old.target_actor, 1, 8) THEN 8 WHEN substr(old.source_actor, 1, 7) = substr(old.target_actor, 1, 7) THEN 7 WHEN substr(old.source_actor, 1, 6) = substr(old.target_actor, 1, 6) THEN 6 WHEN substr(old.source_actor, 1, 5) = substr(old.target_actor, 1, 5) THEN 5 WHEN substr(old.source_actor, 1, 4) = substr(old.target_actor, 1, 4) THEN 4 WHEN substr(old.source_actor, 1, 3) = substr(old.target_actor, 1, 3) THEN 3 WHEN substr(old.source_actor, 1, 2) = substr(old.target_actor, 1, 2) THEN 2 WHEN substr(old.source_actor, 1, 1) = substr(old.target_actor, 1, 1) THEN 1 ELSE 0 END);
	DELETE FROM actor_weeks WHERE actor IN (old.source_actor, old.target_actor)
		AND week = coalesce(date(old.date, '-6 days', 'weekday 1'), old.date) AND first = 0 AND events <= 0;
	INSERT INTO actor_weeks
	SELECT new.source_actor, 0, coalesce(date(new.date, '-6 days', 'weekday 1'), new.date), new.plover, new.quad_class, 1, 0, 1, new.goldstein
	WHERE new.source_actor IS NOT NULL
	ON CONFLICT DO UPDATE SET events = events + 1, goldstein = goldstein + excluded.goldstein;
	INSERT INTO actor_weeks
	SELECT new.target_actor, 1, coalesce(date(new.date, '-6 days', 'weekday 1'), new.date), new.plover, new.quad_class, 1, CASE WHEN substr(new.source_actor, 1, 12) = substr(new.target_actor, 1, 12) THEN 12 WHEN substr(new.source_actor, 1, 11) = substr(new.target_actor, 1, 11) THEN 11 WHEN substr(new.source_actor, 1, 10) = substr(new.target_actor, 1, 10) THEN 10 WHEN substr(new.source_actor, 1, 9) = substr(new.target_actor, 1, 9) THEN 9 WHEN substr(new.source_actor, 1, 8) = substr(new.target_actor, 1, 8) THEN 8 WHEN substr(new.source_actor, 1, 7) = substr(new.target_actor, 1, 7) THEN 7 WHEN substr(new.source_actor, 1, 6) = substr(new.target_actor, 1, 6) THEN 6 WHEN substr(new.source_actor, 1, 5) = substr(new.target_actor, 1, 5) THEN 5 WHEN substr(new.source_actor, 1, 4) = substr(new.target_actor, 1, 4) THEN 4 WHEN substr(new.source_actor, 1, 3) = substr(new.target_actor, 1, 3) THEN 3 WHEN substr(new.source_actor, 1, 2) = substr(new.target_actor, 1, 2) THEN 2 WHEN substr(new.source_actor, 1, 1) = substr(new.target_actor, 1, 1) THEN 1 ELSE 0 END, 1, new.goldstein
	WHERE new.target_actor IS NOT NULL
	ON CONFLICT DO UPDATE SET events = events + 1, goldstein = goldstein + excluded.goldstein;
END;
