package sqlite

import "strings"

// The "aggregates" migration: counters and per-actor aggregates kept by
// triggers as rows are written, so that Stats, the actor index and the
// outlet list read a few rows whatever the size of the store. Triggers, not
// Go code, keep them: every path that writes the analysis tables (saving,
// reanalysis, corrections rewriting statement rows, actor merges) keeps
// them right without knowing about them.
//
// What is counted follows Stats: analyses of current article versions.
//
//   - counters: one row per Stats count (articles, versions, statements,
//     mentions, timexes, events, actors, aliases).
//   - outlet_counts, pipeline_counts: current articles per outlet (compared
//     case-insensitively, first spelling kept) and per pipeline version.
//   - actor_stats: one row per actor: statements and mentions of current
//     articles, first and last effective dates of its statements.
//   - actor_forms: per actor, each distinct (speaker name, title,
//     affiliation, kind) its statements gave it, how often and between
//     which dates: the titles and aliases seen, and what positions need
//     to know of the speakers.
//   - actor_outlets: per actor, the outlets of the articles quoting it.
//
// First and last dates only grow as rows are added; when a row at the edge
// leaves, the edge is found again from the statements_actor index (the
// statements of that actor in date order, first current one).

// Fragments over a statement row (p is NEW or OLD).
func stmtAdd(p string) string {
	return strings.ReplaceAll(`
	UPDATE counters SET n = n + 1 WHERE name = 'statements';
	UPDATE actor_stats SET statements = statements + 1,
		first_date = CASE WHEN P.eff_date <> '' AND (first_date = '' OR P.eff_date < first_date) THEN P.eff_date ELSE first_date END,
		last_date = max(last_date, P.eff_date)
		WHERE actor_id = P.actor_id;
	INSERT INTO actor_forms(actor_id, name, title, affiliation, kind, n, first_date, last_date)
		SELECT P.actor_id, P.speaker_name, P.speaker_title, P.speaker_affiliation, P.speaker_kind, 1, P.eff_date, P.eff_date
		WHERE P.actor_id IS NOT NULL
		ON CONFLICT DO UPDATE SET n = n + 1,
			first_date = CASE WHEN excluded.first_date <> '' AND (first_date = '' OR excluded.first_date < first_date) THEN excluded.first_date ELSE first_date END,
			last_date = max(last_date, excluded.last_date);
	INSERT INTO actor_outlets(actor_id, outlet, n)
		SELECT P.actor_id, a.outlet, 1 FROM articles a WHERE a.id = P.article_id AND P.actor_id IS NOT NULL AND a.outlet <> ''
		ON CONFLICT DO UPDATE SET n = n + 1;
`, "P.", p+".")
}

// firstOf and lastOf find an actor's (or one of its forms') first and last
// effective dates among current articles other than article skip.
const (
	edgeFrom = ` FROM statements s JOIN articles a ON a.id = s.article_id
		WHERE s.actor_id = K.actor_id AND s.eff_date <> '' AND a.current = 1 AND a.id <> SKIP`
	formCond = ` AND s.speaker_name = K.name AND s.speaker_title = K.title AND s.speaker_affiliation = K.affiliation AND s.speaker_kind = K.kind`
)

func edges(table, cond, skip string) string {
	r := strings.NewReplacer("K.", table+".", "SKIP", skip)
	return r.Replace(`first_date = coalesce((SELECT s.eff_date` + edgeFrom + cond + ` ORDER BY s.eff_date LIMIT 1), ''),
		last_date = coalesce((SELECT s.eff_date` + edgeFrom + cond + ` ORDER BY s.eff_date DESC LIMIT 1), '')`)
}

// edgeSQL renders the SET terms that find first_date and last_date of
// table's row K again (edges, edgesBySize); removal says rows only leave
// (the edges can only move inwards).
type edgeSQL func(table, cond, skip string, removal bool) string

// edgesByDate is edges, as the migrations before "actor index by article"
// wrote it into their triggers.
func edgesByDate(table, cond, skip string, _ bool) string { return edges(table, cond, skip) }

// edgesBySize is edges once statements_actor is keyed by article
// (actorIndexSQL): an actor's statements are no longer in date order there,
// so each end is found one of two ways, by the size c of the actor (or of
// the speaker form) against N, all statements:
//
//   - many (4c² > N): statements_newest read from the old end inwards (when
//     rows only leave, the new end is no further out), where the actor's or
//     form's rows come about every N/c < 2√N entries. At most edgeScan
//     entries are read that way (statements that stop for a long while);
//     past them, or for a small actor or form:
//   - all the actor's entries in statements_actor, the row read for a
//     speaker form's columns.
//
// An end is found in a few thousand entries at a million articles, except
// for a rare form of a large actor, whose actor's rows are read (the
// date-keyed index walked them too, until the form's next statement).
func edgesBySize(table, cond, skip string, removal bool) string {
	// Large: the row's own count (an actor's statements, a form's). K is
	// the outer UPDATE's table; the subqueries alias theirs (c, a, s, x).
	size := "K.statements"
	if table == "actor_forms" {
		size = "K.n"
	}
	big := `4 * ` + size + ` * ` + size + ` > (SELECT c.n FROM counters c WHERE c.name = 'statements')`
	lo, hi := "", ""
	if removal {
		lo, hi = ` AND s.eff_date >= K.first_date`, ` AND s.eff_date <= K.last_date`
	}
	// The article's current flag is a correlated lookup, not a join: joined,
	// SQLite may build a Bloom filter over every article first (seconds at
	// a million articles).
	current := func(x string) string {
		return ` AND ` + x + `.article_id <> SKIP AND (SELECT a.current FROM articles a WHERE a.id = ` + x + `.article_id) = 1`
	}
	// The newest order's entries are read in a subquery whose LIMIT caps
	// how many; the first that is the actor's (in that order: the subquery
	// is read as it yields, a co-routine) is the end. The unary + keep
	// SQLite from materialising the subquery to build an index on it.
	newest := func(bound, dir string) string {
		return `(SELECT x.eff_date FROM (SELECT s.eff_date, s.actor_id, s.article_id, s.speaker_name, s.speaker_title, s.speaker_affiliation, s.speaker_kind
			FROM statements s INDEXED BY statements_newest WHERE s.eff_date <> ''` + bound + ` ORDER BY s.eff_date` + dir + ` LIMIT ` + edgeScan + `) x
			WHERE +x.actor_id = K.actor_id` + current("x") + strings.ReplaceAll(cond, "s.", "+x.") + ` LIMIT 1)`
	}
	actor := func(dir string) string {
		return `(SELECT s.eff_date FROM statements s INDEXED BY statements_actor
			WHERE s.actor_id = K.actor_id AND s.eff_date <> ''` + current("s") + cond + ` ORDER BY s.eff_date` + dir + ` LIMIT 1)`
	}
	end := func(bound, dir string) string {
		return `coalesce(CASE WHEN ` + big + ` THEN ` + newest(bound, dir) + ` END, ` + actor(dir) + `, '')`
	}
	r := strings.NewReplacer("K.", table+".", "SKIP", skip)
	return r.Replace(`first_date = ` + end(lo, "") + `,
		last_date = ` + end(hi, " DESC"))
}

// edgeScan is how many entries of the newest order edgesBySize reads at
// most for a large actor's or form's end before it reads the actor's
// entries instead: at a million articles (√N ≈ 3,070) more than the mean
// distance between the rows of all but the smallest large ones (N/c <
// 2√N).
const edgeScan = "5000"

// actorIndexSQL keys statements_actor by article rather than by date:
// (actor_id, article_id, seq, eff_date). By date, every statement of a
// back-filled article went to a page somewhere in the middle of its
// actor's range, and a batch of 512 such articles dirtied hundreds of
// pages per large actor; by article, a new article's statements go at the
// end of each actor's range, as article ids grow. The index still holds
// the whole newest order (eff_date, article_id, seq) for an actor's list
// to be sorted from it alone (read.go, actorPlan), and the triggers that
// find an actor's or a form's first and last dates again choose their way
// by its size (edgesBySize).
func actorIndexSQL() string {
	return `
DROP INDEX statements_actor;
CREATE INDEX statements_actor ON statements(actor_id, article_id, seq, eff_date);
DROP TRIGGER agg_statements_ad;
DROP TRIGGER agg_statements_au_old;
CREATE TRIGGER agg_statements_ad AFTER DELETE ON statements WHEN ` + when("OLD") + ` BEGIN` + stmtRemoveWith("OLD", edgesBySize) + `END;
CREATE TRIGGER agg_statements_au_old AFTER UPDATE OF article_id, actor_id, speaker_name, speaker_title, speaker_affiliation, speaker_kind, eff_date ON statements
	WHEN ` + when("OLD") + ` BEGIN` + stmtRemoveWith("OLD", edgesBySize) + `END;
` + articleTriggersSQLWith(packedCounts, edgesBySize, true)
}

// actorIndexLeanSQL drops eff_date from statements_actor: (actor_id,
// article_id, seq). The date made the index cover an actor's list and the
// edge search (edgesBySize) at 11 bytes an entry, ≈ 110 bytes an article at
// a million; without it those read each entry's row for its date. Both
// read an actor's entries only when the actor is small (actorPlan and
// edgesBySize take the newest order for a large one: 4c² > N), so a few
// thousand rows at most at a million articles.
const actorIndexLeanSQL = `
DROP INDEX statements_actor;
CREATE INDEX statements_actor ON statements(actor_id, article_id, seq);
`

// eventIndexesSQL keeps only the events that name an actor (a target) in
// events_actor (events_target). Most events' actor or target is no known
// actor (in the bench corpus 68% and 90% of them are NULL), and each NULL
// was an entry: ≈ 45 of the two indexes' 67 bytes an article at a million.
// What reads them looks up an actor id (merges, clean-up, the foreign
// key's SET NULL), which implies IS NOT NULL, so SQLite still uses them
// (TestQueryPlans).
const eventIndexesSQL = `
DROP INDEX events_actor;
DROP INDEX events_target;
CREATE INDEX events_actor ON events(actor_id) WHERE actor_id IS NOT NULL;
CREATE INDEX events_target ON events(target_id) WHERE target_id IS NOT NULL;
`

// datedEventsSQL is the "dated events index" migration: events_date keeps
// only dated events. It serves the lists' dated part (store.EventParts),
// whose condition (the date greater than the empty string) is the index's, so SQLite still uses it
// (TestQueryPlans); undated events are listed by article, through the
// (article_id, seq) key. In the bench corpus about half the events carry no
// date: ≈ 25 of the index's 59 bytes an article.
const datedEventsSQL = `
DROP INDEX events_date;
CREATE INDEX events_date ON events(date, type) WHERE date > '';
`

func stmtRemove(p string) string { return stmtRemoveWith(p, edgesByDate) }

func stmtRemoveWith(p string, edges edgeSQL) string {
	return strings.ReplaceAll(`
	UPDATE counters SET n = n - 1 WHERE name = 'statements';
	UPDATE actor_stats SET statements = statements - 1 WHERE actor_id = P.actor_id;
	UPDATE actor_stats SET `+edges("actor_stats", "", "0", true)+`
		WHERE actor_id = P.actor_id AND P.eff_date <> '' AND (first_date = P.eff_date OR last_date = P.eff_date);
	UPDATE actor_forms SET n = n - 1 WHERE actor_id = P.actor_id AND name = P.speaker_name AND title = P.speaker_title
		AND affiliation = P.speaker_affiliation AND kind = P.speaker_kind;
	DELETE FROM actor_forms WHERE actor_id = P.actor_id AND name = P.speaker_name AND title = P.speaker_title
		AND affiliation = P.speaker_affiliation AND kind = P.speaker_kind AND n <= 0;
	UPDATE actor_forms SET `+edges("actor_forms", formCond, "0", true)+`
		WHERE actor_id = P.actor_id AND name = P.speaker_name AND title = P.speaker_title
		AND affiliation = P.speaker_affiliation AND kind = P.speaker_kind
		AND P.eff_date <> '' AND (first_date = P.eff_date OR last_date = P.eff_date);
	UPDATE actor_outlets SET n = n - 1 WHERE actor_id = P.actor_id AND outlet = (SELECT outlet FROM articles WHERE id = P.article_id);
	DELETE FROM actor_outlets WHERE actor_id = P.actor_id AND n <= 0;
`, "P.", p+".")
}

func mentionDelta(p, sign string) string {
	return strings.NewReplacer("P.", p+".", "SIGN", sign).Replace(`
	UPDATE counters SET n = n SIGN 1 WHERE name = 'mentions';
	UPDATE actor_stats SET mentions = mentions SIGN 1 WHERE actor_id = P.actor_id;
`)
}

// articleLeaves takes article X (P.id, with P.outlet and P.pipeline) and
// its analyses out of the aggregates; articleJoins puts them in.
func articleLeaves(p string) string { return articleLeavesWith(p, edgesByDate, false) }

// articleLeavesWith is articleLeaves with the edges found by edges; with
// atEdges, only for the actors and forms with a statement of the article at
// one of their ends (the others' ends stay where they are).
func articleLeavesWith(p string, edges edgeSQL, atEdges bool) string {
	actorAt, formAt := "", ""
	if atEdges {
		actorAt = `
		AND EXISTS (SELECT 1 FROM statements s WHERE s.article_id = P.id AND s.actor_id = actor_stats.actor_id
			AND s.eff_date <> '' AND (s.eff_date = actor_stats.first_date OR s.eff_date = actor_stats.last_date))`
		formAt = `
		AND EXISTS (SELECT 1 FROM statements s WHERE s.article_id = P.id AND s.actor_id = actor_forms.actor_id` + strings.ReplaceAll(formCond, "K.", "actor_forms.") + `
			AND s.eff_date <> '' AND (s.eff_date = actor_forms.first_date OR s.eff_date = actor_forms.last_date))`
	}
	return strings.NewReplacer("P.", p+".").Replace(`
	UPDATE counters SET n = n - 1 WHERE name = 'articles';
	UPDATE counters SET n = n - (SELECT count(*) FROM statements WHERE article_id = P.id) WHERE name = 'statements';
	UPDATE counters SET n = n - (SELECT count(*) FROM mentions WHERE article_id = P.id) WHERE name = 'mentions';
	UPDATE counters SET n = n - (SELECT count(*) FROM timexes WHERE article_id = P.id) WHERE name = 'timexes';
	UPDATE counters SET n = n - (SELECT count(*) FROM events WHERE article_id = P.id) WHERE name = 'events';
	UPDATE outlet_counts SET articles = articles - 1 WHERE outlet = P.outlet;
	DELETE FROM outlet_counts WHERE outlet = P.outlet AND articles <= 0;
	UPDATE pipeline_counts SET articles = articles - 1 WHERE pipeline = P.pipeline;
	DELETE FROM pipeline_counts WHERE pipeline = P.pipeline AND articles <= 0;
	UPDATE actor_stats SET mentions = mentions - (SELECT count(*) FROM mentions m WHERE m.article_id = P.id AND m.actor_id = actor_stats.actor_id)
		WHERE actor_id IN (SELECT actor_id FROM mentions WHERE article_id = P.id);
	UPDATE actor_stats SET statements = statements - (SELECT count(*) FROM statements s WHERE s.article_id = P.id AND s.actor_id = actor_stats.actor_id)
		WHERE actor_id IN (SELECT actor_id FROM statements WHERE article_id = P.id);
	UPDATE actor_stats SET ` + edges("actor_stats", "", "P.id", true) + `
		WHERE actor_id IN (SELECT actor_id FROM statements WHERE article_id = P.id)` + actorAt + `;
	UPDATE actor_forms SET n = n - (SELECT count(*) FROM statements s WHERE s.article_id = P.id AND s.actor_id = actor_forms.actor_id
			AND s.speaker_name = actor_forms.name AND s.speaker_title = actor_forms.title
			AND s.speaker_affiliation = actor_forms.affiliation AND s.speaker_kind = actor_forms.kind)
		WHERE (actor_id, name, title, affiliation, kind) IN
			(SELECT actor_id, speaker_name, speaker_title, speaker_affiliation, speaker_kind FROM statements WHERE article_id = P.id);
	DELETE FROM actor_forms WHERE n <= 0 AND (actor_id, name, title, affiliation, kind) IN
			(SELECT actor_id, speaker_name, speaker_title, speaker_affiliation, speaker_kind FROM statements WHERE article_id = P.id);
	UPDATE actor_forms SET ` + edges("actor_forms", formCond, "P.id", true) + `
		WHERE (actor_id, name, title, affiliation, kind) IN
			(SELECT actor_id, speaker_name, speaker_title, speaker_affiliation, speaker_kind FROM statements WHERE article_id = P.id)` + formAt + `;
	UPDATE actor_outlets SET n = n - (SELECT count(*) FROM statements s WHERE s.article_id = P.id AND s.actor_id = actor_outlets.actor_id)
		WHERE outlet = P.outlet AND actor_id IN (SELECT actor_id FROM statements WHERE article_id = P.id);
	DELETE FROM actor_outlets WHERE outlet = P.outlet AND n <= 0;
`)
}

func articleJoins(p string) string { return articleJoinsWith(p, edgesByDate) }

func articleJoinsWith(p string, edges edgeSQL) string {
	return strings.NewReplacer("P.", p+".").Replace(`
	UPDATE counters SET n = n + 1 WHERE name = 'articles';
	UPDATE counters SET n = n + (SELECT count(*) FROM statements WHERE article_id = P.id) WHERE name = 'statements';
	UPDATE counters SET n = n + (SELECT count(*) FROM mentions WHERE article_id = P.id) WHERE name = 'mentions';
	UPDATE counters SET n = n + (SELECT count(*) FROM timexes WHERE article_id = P.id) WHERE name = 'timexes';
	UPDATE counters SET n = n + (SELECT count(*) FROM events WHERE article_id = P.id) WHERE name = 'events';
	INSERT INTO outlet_counts(outlet, articles) SELECT P.outlet, 1 WHERE P.outlet <> ''
		ON CONFLICT DO UPDATE SET articles = articles + 1;
	INSERT INTO pipeline_counts(pipeline, articles) SELECT P.pipeline, 1 WHERE true
		ON CONFLICT DO UPDATE SET articles = articles + 1;
	UPDATE actor_stats SET mentions = mentions + (SELECT count(*) FROM mentions m WHERE m.article_id = P.id AND m.actor_id = actor_stats.actor_id)
		WHERE actor_id IN (SELECT actor_id FROM mentions WHERE article_id = P.id);
	UPDATE actor_stats SET statements = statements + (SELECT count(*) FROM statements s WHERE s.article_id = P.id AND s.actor_id = actor_stats.actor_id)
		WHERE actor_id IN (SELECT actor_id FROM statements WHERE article_id = P.id);
	UPDATE actor_stats SET ` + edges("actor_stats", "", "0", false) + `
		WHERE actor_id IN (SELECT actor_id FROM statements WHERE article_id = P.id);
	INSERT INTO actor_forms(actor_id, name, title, affiliation, kind, n, first_date, last_date)
		SELECT actor_id, speaker_name, speaker_title, speaker_affiliation, speaker_kind, count(*), '', ''
		FROM statements WHERE article_id = P.id AND actor_id IS NOT NULL
		GROUP BY actor_id, speaker_name, speaker_title, speaker_affiliation, speaker_kind
		ON CONFLICT DO UPDATE SET n = n + excluded.n;
	UPDATE actor_forms SET ` + edges("actor_forms", formCond, "0", false) + `
		WHERE (actor_id, name, title, affiliation, kind) IN
			(SELECT actor_id, speaker_name, speaker_title, speaker_affiliation, speaker_kind FROM statements WHERE article_id = P.id);
	INSERT INTO actor_outlets(actor_id, outlet, n)
		SELECT actor_id, P.outlet, count(*) FROM statements WHERE article_id = P.id AND actor_id IS NOT NULL AND P.outlet <> ''
		GROUP BY actor_id
		ON CONFLICT DO UPDATE SET n = n + excluded.n;
`)
}

const isCurrent = `(SELECT current FROM articles WHERE id = P.article_id) = 1`

func when(p string) string { return strings.ReplaceAll(isCurrent, "P.", p+".") }

// aggregatesSQL is the migration.
func aggregatesSQL() string {
	var b strings.Builder
	b.WriteString(`
CREATE TABLE counters (
	name TEXT PRIMARY KEY,
	n    INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE outlet_counts (
	outlet   TEXT NOT NULL COLLATE NOCASE PRIMARY KEY,
	articles INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE pipeline_counts (
	pipeline TEXT NOT NULL PRIMARY KEY,
	articles INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE actor_stats (
	actor_id   INTEGER PRIMARY KEY REFERENCES actors(id) ON DELETE CASCADE,
	-- name mirrors actors.name, for the ranking index.
	name       TEXT NOT NULL COLLATE NOCASE,
	statements INTEGER NOT NULL DEFAULT 0,
	mentions   INTEGER NOT NULL DEFAULT 0,
	first_date TEXT NOT NULL DEFAULT '',
	last_date  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX actor_stats_rank ON actor_stats(statements DESC, name, actor_id);
CREATE TABLE actor_forms (
	actor_id    INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
	name        TEXT NOT NULL,
	title       TEXT NOT NULL,
	affiliation TEXT NOT NULL,
	kind        TEXT NOT NULL,
	n           INTEGER NOT NULL DEFAULT 0,
	first_date  TEXT NOT NULL DEFAULT '',
	last_date   TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (actor_id, name, title, affiliation, kind)
) WITHOUT ROWID;
CREATE TABLE actor_outlets (
	actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
	outlet   TEXT NOT NULL COLLATE NOCASE,
	n        INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (actor_id, outlet)
) WITHOUT ROWID;

-- Leaner indexes: timexes are never looked up by value; the kind filter
-- pages newest first, so its index carries the whole order.
DROP INDEX IF EXISTS timexes_value;
DROP INDEX IF EXISTS statements_kind;
CREATE INDEX statements_kind ON statements(kind, eff_date DESC, article_id DESC, seq);

-- Backfill from what is stored.
INSERT INTO counters(name, n) VALUES
	('articles', (SELECT count(*) FROM articles WHERE current = 1)),
	('versions', (SELECT count(*) FROM articles)),
	('statements', (SELECT count(*) FROM statements x JOIN articles a ON a.id = x.article_id WHERE a.current = 1)),
	('mentions', (SELECT count(*) FROM mentions x JOIN articles a ON a.id = x.article_id WHERE a.current = 1)),
	('timexes', (SELECT count(*) FROM timexes x JOIN articles a ON a.id = x.article_id WHERE a.current = 1)),
	('events', (SELECT count(*) FROM events x JOIN articles a ON a.id = x.article_id WHERE a.current = 1)),
	('actors', (SELECT count(*) FROM actors)),
	('aliases', (SELECT count(*) FROM actor_aliases));
INSERT INTO outlet_counts(outlet, articles)
	SELECT outlet, count(*) FROM articles WHERE current = 1 AND outlet <> '' GROUP BY outlet COLLATE NOCASE;
INSERT INTO pipeline_counts(pipeline, articles)
	SELECT pipeline, count(*) FROM articles WHERE current = 1 GROUP BY pipeline;
INSERT INTO actor_stats(actor_id, name) SELECT id, name FROM actors;
UPDATE actor_stats SET
	statements = (SELECT count(*) FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.actor_id = actor_stats.actor_id AND a.current = 1),
	mentions = (SELECT count(*) FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.actor_id = actor_stats.actor_id AND a.current = 1),
	` + edges("actor_stats", "", "0") + `;
INSERT INTO actor_forms(actor_id, name, title, affiliation, kind, n, first_date, last_date)
	SELECT s.actor_id, s.speaker_name, s.speaker_title, s.speaker_affiliation, s.speaker_kind, count(*),
		coalesce(min(nullif(s.eff_date, '')), ''), max(s.eff_date)
	FROM statements s JOIN articles a ON a.id = s.article_id
	WHERE a.current = 1 AND s.actor_id IS NOT NULL
	GROUP BY s.actor_id, s.speaker_name, s.speaker_title, s.speaker_affiliation, s.speaker_kind;
INSERT INTO actor_outlets(actor_id, outlet, n)
	SELECT s.actor_id, a.outlet, count(*)
	FROM statements s JOIN articles a ON a.id = s.article_id
	WHERE a.current = 1 AND s.actor_id IS NOT NULL AND a.outlet <> ''
	GROUP BY s.actor_id, a.outlet COLLATE NOCASE;

INSERT INTO counters(name, n) VALUES ('speakers', (SELECT count(*) FROM actor_stats WHERE statements > 0));
-- Speakers: actors whose statement count leaves or reaches 0.
CREATE TRIGGER agg_speakers_au AFTER UPDATE OF statements ON actor_stats
	WHEN (OLD.statements > 0) <> (NEW.statements > 0) BEGIN
	UPDATE counters SET n = n + CASE WHEN NEW.statements > 0 THEN 1 ELSE -1 END WHERE name = 'speakers';
END;
CREATE TRIGGER agg_speakers_ad AFTER DELETE ON actor_stats WHEN OLD.statements > 0 BEGIN
	UPDATE counters SET n = n - 1 WHERE name = 'speakers';
END;

-- Actors and aliases.
CREATE TRIGGER agg_actors_ai AFTER INSERT ON actors BEGIN
	UPDATE counters SET n = n + 1 WHERE name = 'actors';
	INSERT INTO actor_stats(actor_id, name) VALUES (NEW.id, NEW.name);
END;
CREATE TRIGGER agg_actors_ad AFTER DELETE ON actors BEGIN
	UPDATE counters SET n = n - 1 WHERE name = 'actors';
	DELETE FROM actor_stats WHERE actor_id = OLD.id;
END;
CREATE TRIGGER agg_actors_au AFTER UPDATE OF name ON actors BEGIN
	UPDATE actor_stats SET name = NEW.name WHERE actor_id = NEW.id;
END;
CREATE TRIGGER agg_aliases_ai AFTER INSERT ON actor_aliases BEGIN
	UPDATE counters SET n = n + 1 WHERE name = 'aliases';
END;
CREATE TRIGGER agg_aliases_ad AFTER DELETE ON actor_aliases BEGIN
	UPDATE counters SET n = n - 1 WHERE name = 'aliases';
END;

-- Articles: a version row counts once; a current one with its analyses.
CREATE TRIGGER agg_articles_ai AFTER INSERT ON articles BEGIN
	UPDATE counters SET n = n + 1 WHERE name = 'versions';
END;
-- A row just inserted has no analyses yet (they reference it).
CREATE TRIGGER agg_articles_ai_current AFTER INSERT ON articles WHEN NEW.current = 1 BEGIN
	UPDATE counters SET n = n + 1 WHERE name = 'articles';
	INSERT INTO outlet_counts(outlet, articles) SELECT NEW.outlet, 1 WHERE NEW.outlet <> ''
		ON CONFLICT DO UPDATE SET articles = articles + 1;
	INSERT INTO pipeline_counts(pipeline, articles) SELECT NEW.pipeline, 1 WHERE true
		ON CONFLICT DO UPDATE SET articles = articles + 1;
END;
CREATE TRIGGER agg_articles_retire AFTER UPDATE OF current ON articles WHEN OLD.current = 1 AND NEW.current <> 1 BEGIN` + articleLeaves("NEW") + `END;
CREATE TRIGGER agg_articles_restore AFTER UPDATE OF current ON articles WHEN OLD.current <> 1 AND NEW.current = 1 BEGIN` + articleJoins("NEW") + `END;
CREATE TRIGGER agg_articles_pipeline AFTER UPDATE OF pipeline ON articles
	WHEN OLD.current = 1 AND NEW.current = 1 AND OLD.pipeline IS NOT NEW.pipeline BEGIN
	UPDATE pipeline_counts SET articles = articles - 1 WHERE pipeline = OLD.pipeline;
	DELETE FROM pipeline_counts WHERE pipeline = OLD.pipeline AND articles <= 0;
	INSERT INTO pipeline_counts(pipeline, articles) SELECT NEW.pipeline, 1 WHERE true
		ON CONFLICT DO UPDATE SET articles = articles + 1;
END;
CREATE TRIGGER agg_articles_outlet AFTER UPDATE OF outlet ON articles
	WHEN OLD.current = 1 AND NEW.current = 1 AND OLD.outlet IS NOT NEW.outlet BEGIN` + articleLeaves("OLD") + articleJoins("NEW") + `END;
CREATE TRIGGER agg_articles_bd BEFORE DELETE ON articles BEGIN
	UPDATE counters SET n = n - 1 WHERE name = 'versions';
END;
CREATE TRIGGER agg_articles_bd_current BEFORE DELETE ON articles WHEN OLD.current = 1 BEGIN` + articleLeaves("OLD") + `END;

-- Analyses of current articles.
CREATE TRIGGER agg_statements_ai AFTER INSERT ON statements WHEN ` + when("NEW") + ` BEGIN` + stmtAdd("NEW") + `END;
CREATE TRIGGER agg_statements_ad AFTER DELETE ON statements WHEN ` + when("OLD") + ` BEGIN` + stmtRemove("OLD") + `END;
CREATE TRIGGER agg_statements_au_old AFTER UPDATE OF article_id, actor_id, speaker_name, speaker_title, speaker_affiliation, speaker_kind, eff_date ON statements
	WHEN ` + when("OLD") + ` BEGIN` + stmtRemove("OLD") + `END;
CREATE TRIGGER agg_statements_au_new AFTER UPDATE OF article_id, actor_id, speaker_name, speaker_title, speaker_affiliation, speaker_kind, eff_date ON statements
	WHEN ` + when("NEW") + ` BEGIN` + stmtAdd("NEW") + `END;
CREATE TRIGGER agg_mentions_ai AFTER INSERT ON mentions WHEN ` + when("NEW") + ` BEGIN` + mentionDelta("NEW", "+") + `END;
CREATE TRIGGER agg_mentions_ad AFTER DELETE ON mentions WHEN ` + when("OLD") + ` BEGIN` + mentionDelta("OLD", "-") + `END;
CREATE TRIGGER agg_mentions_au AFTER UPDATE OF article_id, actor_id ON mentions BEGIN
	UPDATE actor_stats SET mentions = mentions - 1 WHERE actor_id = OLD.actor_id AND ` + when("OLD") + `;
	UPDATE actor_stats SET mentions = mentions + 1 WHERE actor_id = NEW.actor_id AND ` + when("NEW") + `;
	UPDATE counters SET n = n - coalesce(` + when("OLD") + `, 0) + coalesce(` + when("NEW") + `, 0) WHERE name = 'mentions';
END;
`)
	for _, t := range []string{"timexes", "events"} {
		b.WriteString(strings.ReplaceAll(`
CREATE TRIGGER agg_{T}_ai AFTER INSERT ON {T} WHEN `+when("NEW")+` BEGIN
	UPDATE counters SET n = n + 1 WHERE name = '{T}';
END;
CREATE TRIGGER agg_{T}_ad AFTER DELETE ON {T} WHEN `+when("OLD")+` BEGIN
	UPDATE counters SET n = n - 1 WHERE name = '{T}';
END;
`, "{T}", t))
	}
	return b.String()
}
