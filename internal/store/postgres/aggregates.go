package postgres

// aggregatesSQL is the "aggregates" migration: counters and per-actor
// aggregates kept by triggers as rows are written, so that Stats, the actor
// index and the outlet list read a few rows whatever the size of the store.
// Triggers, not Go code, keep them, so every path that writes the analysis
// tables (saving, reanalysis, corrections rewriting statement rows, actor
// merges) keeps them right. The tables are those of the SQLite store (see
// its aggregates.go), with two differences for many writers: the counters
// are spread over slots (the writer's backend pid modulo 8, summed when
// read) so that concurrent transactions do not queue on one row, and
// case-insensitive keys are parley_fold columns.
const aggregatesSQL = `
CREATE TABLE counters (
	name text COLLATE "C" NOT NULL,
	slot integer NOT NULL,
	n    bigint NOT NULL DEFAULT 0,
	PRIMARY KEY (name, slot)
);
CREATE TABLE outlet_counts (
	outlet_key text COLLATE "C" PRIMARY KEY,
	outlet     text COLLATE "C" NOT NULL,
	articles   bigint NOT NULL DEFAULT 0
);
CREATE TABLE pipeline_counts (
	pipeline text COLLATE "C" PRIMARY KEY,
	articles bigint NOT NULL DEFAULT 0
);
CREATE TABLE actor_stats (
	actor_id   bigint PRIMARY KEY REFERENCES actors(id) ON DELETE CASCADE,
	name_key   text COLLATE "C" NOT NULL,
	statements bigint NOT NULL DEFAULT 0,
	mentions   bigint NOT NULL DEFAULT 0,
	first_date text COLLATE "C" NOT NULL DEFAULT '',
	last_date  text COLLATE "C" NOT NULL DEFAULT ''
);
CREATE INDEX actor_stats_rank ON actor_stats((-statements), name_key, actor_id);
CREATE TABLE actor_forms (
	actor_id    bigint NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
	name        text COLLATE "C" NOT NULL,
	title       text COLLATE "C" NOT NULL,
	affiliation text COLLATE "C" NOT NULL,
	kind        text COLLATE "C" NOT NULL,
	n           bigint NOT NULL DEFAULT 0,
	first_date  text COLLATE "C" NOT NULL DEFAULT '',
	last_date   text COLLATE "C" NOT NULL DEFAULT '',
	PRIMARY KEY (actor_id, name, title, affiliation, kind)
);
CREATE TABLE actor_outlets (
	actor_id   bigint NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
	outlet_key text COLLATE "C" NOT NULL,
	outlet     text COLLATE "C" NOT NULL,
	n          bigint NOT NULL DEFAULT 0,
	PRIMARY KEY (actor_id, outlet_key)
);

CREATE FUNCTION parley_count(p_name text, p_delta bigint) RETURNS void LANGUAGE sql AS $$
	INSERT INTO counters(name, slot, n) SELECT p_name, pg_backend_pid() % 8, p_delta WHERE p_delta <> 0
	ON CONFLICT (name, slot) DO UPDATE SET n = counters.n + EXCLUDED.n
$$;

-- The first and last effective dates of an actor's statements (or of one
-- form of it) among current articles other than p_skip.
CREATE FUNCTION parley_actor_edges(p_actor bigint, p_skip bigint) RETURNS void LANGUAGE sql AS $$
	UPDATE actor_stats SET
		first_date = coalesce((SELECT s.eff_date FROM statements s JOIN articles a ON a.id = s.article_id
			WHERE s.actor_id = p_actor AND s.eff_date <> '' AND a.current AND a.id <> p_skip ORDER BY s.eff_date LIMIT 1), ''),
		last_date = coalesce((SELECT s.eff_date FROM statements s JOIN articles a ON a.id = s.article_id
			WHERE s.actor_id = p_actor AND s.eff_date <> '' AND a.current AND a.id <> p_skip ORDER BY s.eff_date DESC LIMIT 1), '')
	WHERE actor_id = p_actor
$$;
CREATE FUNCTION parley_form_edges(p_actor bigint, p_name text, p_title text, p_aff text, p_kind text, p_skip bigint) RETURNS void LANGUAGE sql AS $$
	UPDATE actor_forms f SET
		first_date = coalesce((SELECT s.eff_date FROM statements s JOIN articles a ON a.id = s.article_id
			WHERE s.actor_id = p_actor AND s.speaker_name = p_name AND s.speaker_title = p_title
			AND s.speaker_affiliation = p_aff AND s.speaker_kind = p_kind
			AND s.eff_date <> '' AND a.current AND a.id <> p_skip ORDER BY s.eff_date LIMIT 1), ''),
		last_date = coalesce((SELECT s.eff_date FROM statements s JOIN articles a ON a.id = s.article_id
			WHERE s.actor_id = p_actor AND s.speaker_name = p_name AND s.speaker_title = p_title
			AND s.speaker_affiliation = p_aff AND s.speaker_kind = p_kind
			AND s.eff_date <> '' AND a.current AND a.id <> p_skip ORDER BY s.eff_date DESC LIMIT 1), '')
	WHERE f.actor_id = p_actor AND f.name = p_name AND f.title = p_title AND f.affiliation = p_aff AND f.kind = p_kind
$$;

-- parley_stmt_apply adds (p_sign 1) or takes away (-1) one statement of a
-- current article; p_skip is an article whose statements are leaving.
CREATE FUNCTION parley_stmt_apply(s statements, p_sign integer, p_outlet text, p_skip bigint) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	st actor_stats%ROWTYPE;
	fm actor_forms%ROWTYPE;
BEGIN
	PERFORM parley_count('statements', p_sign);
	IF s.actor_id IS NULL THEN
		RETURN;
	END IF;
	IF p_sign > 0 THEN
		UPDATE actor_stats SET statements = statements + 1,
			first_date = CASE WHEN s.eff_date <> '' AND (first_date = '' OR s.eff_date < first_date) THEN s.eff_date ELSE first_date END,
			last_date = greatest(last_date, s.eff_date)
		WHERE actor_id = s.actor_id;
		INSERT INTO actor_forms(actor_id, name, title, affiliation, kind, n, first_date, last_date)
		VALUES (s.actor_id, s.speaker_name, s.speaker_title, s.speaker_affiliation, s.speaker_kind, 1, s.eff_date, s.eff_date)
		ON CONFLICT (actor_id, name, title, affiliation, kind) DO UPDATE SET n = actor_forms.n + 1,
			first_date = CASE WHEN EXCLUDED.first_date <> '' AND (actor_forms.first_date = '' OR EXCLUDED.first_date < actor_forms.first_date)
				THEN EXCLUDED.first_date ELSE actor_forms.first_date END,
			last_date = greatest(actor_forms.last_date, EXCLUDED.last_date);
		IF p_outlet <> '' THEN
			INSERT INTO actor_outlets(actor_id, outlet_key, outlet, n) VALUES (s.actor_id, parley_fold(p_outlet), p_outlet, 1)
			ON CONFLICT (actor_id, outlet_key) DO UPDATE SET n = actor_outlets.n + 1;
		END IF;
		RETURN;
	END IF;
	UPDATE actor_stats SET statements = statements - 1 WHERE actor_id = s.actor_id RETURNING * INTO st;
	IF s.eff_date <> '' AND (st.first_date = s.eff_date OR st.last_date = s.eff_date) THEN
		PERFORM parley_actor_edges(s.actor_id, p_skip);
	END IF;
	UPDATE actor_forms SET n = n - 1
	WHERE actor_id = s.actor_id AND name = s.speaker_name AND title = s.speaker_title
		AND affiliation = s.speaker_affiliation AND kind = s.speaker_kind
	RETURNING * INTO fm;
	IF fm.n <= 0 THEN
		DELETE FROM actor_forms WHERE actor_id = s.actor_id AND name = s.speaker_name AND title = s.speaker_title
			AND affiliation = s.speaker_affiliation AND kind = s.speaker_kind;
	ELSIF s.eff_date <> '' AND (fm.first_date = s.eff_date OR fm.last_date = s.eff_date) THEN
		PERFORM parley_form_edges(s.actor_id, s.speaker_name, s.speaker_title, s.speaker_affiliation, s.speaker_kind, p_skip);
	END IF;
	IF p_outlet <> '' THEN
		UPDATE actor_outlets SET n = n - 1 WHERE actor_id = s.actor_id AND outlet_key = parley_fold(p_outlet);
		DELETE FROM actor_outlets WHERE actor_id = s.actor_id AND outlet_key = parley_fold(p_outlet) AND n <= 0;
	END IF;
END $$;

-- parley_article_apply adds or takes away a current article with its analyses.
CREATE FUNCTION parley_article_apply(a articles, p_sign integer, p_skip bigint) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	s statements%ROWTYPE;
BEGIN
	PERFORM parley_count('articles', p_sign);
	PERFORM parley_count('mentions', p_sign * (SELECT count(*) FROM mentions WHERE article_id = a.id));
	PERFORM parley_count('timexes', p_sign * (SELECT count(*) FROM timexes WHERE article_id = a.id));
	PERFORM parley_count('events', p_sign * (SELECT count(*) FROM events WHERE article_id = a.id));
	IF a.outlet <> '' THEN
		INSERT INTO outlet_counts(outlet_key, outlet, articles) VALUES (parley_fold(a.outlet), a.outlet, p_sign)
		ON CONFLICT (outlet_key) DO UPDATE SET articles = outlet_counts.articles + EXCLUDED.articles;
		DELETE FROM outlet_counts WHERE outlet_key = parley_fold(a.outlet) AND articles <= 0;
	END IF;
	INSERT INTO pipeline_counts(pipeline, articles) VALUES (a.pipeline, p_sign)
	ON CONFLICT (pipeline) DO UPDATE SET articles = pipeline_counts.articles + EXCLUDED.articles;
	DELETE FROM pipeline_counts WHERE pipeline = a.pipeline AND articles <= 0;
	UPDATE actor_stats x SET mentions = x.mentions + p_sign * m.c
	FROM (SELECT actor_id, count(*) AS c FROM mentions WHERE article_id = a.id AND actor_id IS NOT NULL GROUP BY actor_id) m
	WHERE x.actor_id = m.actor_id;
	FOR s IN SELECT * FROM statements WHERE article_id = a.id ORDER BY actor_id, seq LOOP
		PERFORM parley_stmt_apply(s, p_sign, a.outlet, p_skip);
	END LOOP;
END $$;

CREATE FUNCTION parley_agg_articles() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		PERFORM parley_count('versions', 1);
		IF NEW.current THEN
			-- A row just inserted has no analyses yet (they reference it).
			PERFORM parley_article_apply(NEW, 1, 0);
		END IF;
		RETURN NULL;
	ELSIF TG_OP = 'DELETE' THEN
		PERFORM parley_count('versions', -1);
		IF OLD.current THEN
			PERFORM parley_article_apply(OLD, -1, OLD.id);
		END IF;
		RETURN OLD;
	END IF;
	IF OLD.current AND NOT NEW.current THEN
		PERFORM parley_article_apply(NEW, -1, NEW.id);
	ELSIF NEW.current AND NOT OLD.current THEN
		PERFORM parley_article_apply(NEW, 1, 0);
	ELSIF NEW.current AND OLD.outlet IS DISTINCT FROM NEW.outlet THEN
		PERFORM parley_article_apply(OLD, -1, OLD.id);
		PERFORM parley_article_apply(NEW, 1, 0);
	ELSIF NEW.current AND OLD.pipeline IS DISTINCT FROM NEW.pipeline THEN
		UPDATE pipeline_counts SET articles = articles - 1 WHERE pipeline = OLD.pipeline;
		DELETE FROM pipeline_counts WHERE pipeline = OLD.pipeline AND articles <= 0;
		INSERT INTO pipeline_counts(pipeline, articles) VALUES (NEW.pipeline, 1)
		ON CONFLICT (pipeline) DO UPDATE SET articles = pipeline_counts.articles + 1;
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER agg_articles_ai AFTER INSERT ON articles FOR EACH ROW EXECUTE FUNCTION parley_agg_articles();
CREATE TRIGGER agg_articles_au AFTER UPDATE OF current, outlet, pipeline ON articles FOR EACH ROW EXECUTE FUNCTION parley_agg_articles();
CREATE TRIGGER agg_articles_bd BEFORE DELETE ON articles FOR EACH ROW EXECUTE FUNCTION parley_agg_articles();

CREATE FUNCTION parley_agg_statements() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	o text;
BEGIN
	IF TG_OP IN ('DELETE', 'UPDATE') THEN
		SELECT outlet INTO o FROM articles WHERE id = OLD.article_id AND current;
		IF FOUND THEN
			PERFORM parley_stmt_apply(OLD, -1, o, 0);
		END IF;
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		SELECT outlet INTO o FROM articles WHERE id = NEW.article_id AND current;
		IF FOUND THEN
			PERFORM parley_stmt_apply(NEW, 1, o, 0);
		END IF;
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER agg_statements AFTER INSERT OR DELETE ON statements FOR EACH ROW EXECUTE FUNCTION parley_agg_statements();
CREATE TRIGGER agg_statements_au AFTER UPDATE OF article_id, actor_id, speaker_name, speaker_title, speaker_affiliation, speaker_kind, eff_date
	ON statements FOR EACH ROW EXECUTE FUNCTION parley_agg_statements();

CREATE FUNCTION parley_agg_mentions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('DELETE', 'UPDATE') AND EXISTS (SELECT 1 FROM articles WHERE id = OLD.article_id AND current) THEN
		PERFORM parley_count('mentions', -1);
		UPDATE actor_stats SET mentions = mentions - 1 WHERE actor_id = OLD.actor_id;
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') AND EXISTS (SELECT 1 FROM articles WHERE id = NEW.article_id AND current) THEN
		PERFORM parley_count('mentions', 1);
		UPDATE actor_stats SET mentions = mentions + 1 WHERE actor_id = NEW.actor_id;
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER agg_mentions AFTER INSERT OR DELETE ON mentions FOR EACH ROW EXECUTE FUNCTION parley_agg_mentions();
CREATE TRIGGER agg_mentions_au AFTER UPDATE OF article_id, actor_id ON mentions FOR EACH ROW EXECUTE FUNCTION parley_agg_mentions();

-- Time expressions and events: counted per statement, not per row.
CREATE FUNCTION parley_agg_rows() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	c bigint;
BEGIN
	IF TG_OP = 'INSERT' THEN
		SELECT count(*) INTO c FROM new_rows r JOIN articles a ON a.id = r.article_id WHERE a.current;
		PERFORM parley_count(TG_TABLE_NAME, c);
	ELSE
		SELECT count(*) INTO c FROM old_rows r JOIN articles a ON a.id = r.article_id WHERE a.current;
		PERFORM parley_count(TG_TABLE_NAME, -c);
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER agg_timexes_ai AFTER INSERT ON timexes REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION parley_agg_rows();
CREATE TRIGGER agg_timexes_ad AFTER DELETE ON timexes REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION parley_agg_rows();
CREATE TRIGGER agg_events_ai AFTER INSERT ON events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION parley_agg_rows();
CREATE TRIGGER agg_events_ad AFTER DELETE ON events REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION parley_agg_rows();

CREATE FUNCTION parley_agg_actors() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		PERFORM parley_count('actors', 1);
		INSERT INTO actor_stats(actor_id, name_key) VALUES (NEW.id, parley_fold(NEW.name));
	ELSIF TG_OP = 'DELETE' THEN
		PERFORM parley_count('actors', -1);
	ELSE
		UPDATE actor_stats SET name_key = parley_fold(NEW.name) WHERE actor_id = NEW.id;
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER agg_actors AFTER INSERT OR DELETE ON actors FOR EACH ROW EXECUTE FUNCTION parley_agg_actors();
CREATE TRIGGER agg_actors_au AFTER UPDATE OF name ON actors FOR EACH ROW EXECUTE FUNCTION parley_agg_actors();

-- Speakers: actors whose statement count leaves or reaches 0.
CREATE FUNCTION parley_agg_speakers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' THEN
		IF OLD.statements > 0 THEN
			PERFORM parley_count('speakers', -1);
		END IF;
	ELSIF (OLD.statements > 0) <> (NEW.statements > 0) THEN
		PERFORM parley_count('speakers', CASE WHEN NEW.statements > 0 THEN 1 ELSE -1 END);
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER agg_speakers_au AFTER UPDATE OF statements ON actor_stats FOR EACH ROW EXECUTE FUNCTION parley_agg_speakers();
CREATE TRIGGER agg_speakers_ad AFTER DELETE ON actor_stats FOR EACH ROW EXECUTE FUNCTION parley_agg_speakers();

CREATE FUNCTION parley_agg_aliases() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM parley_count('aliases', CASE TG_OP WHEN 'INSERT' THEN 1 ELSE -1 END);
	RETURN NULL;
END $$;
CREATE TRIGGER agg_aliases AFTER INSERT OR DELETE ON actor_aliases FOR EACH ROW EXECUTE FUNCTION parley_agg_aliases();

-- Leaner indexes: timexes are never looked up by value; the kind filter
-- pages newest first, so its index carries the whole order.
DROP INDEX IF EXISTS timexes_value;
DROP INDEX IF EXISTS statements_kind;
CREATE INDEX statements_kind ON statements(kind, eff_date DESC, article_id DESC, seq);

-- Backfill from what is stored.
INSERT INTO counters(name, slot, n) VALUES
	('articles', 0, (SELECT count(*) FROM articles WHERE current)),
	('versions', 0, (SELECT count(*) FROM articles)),
	('statements', 0, (SELECT count(*) FROM statements x JOIN articles a ON a.id = x.article_id WHERE a.current)),
	('mentions', 0, (SELECT count(*) FROM mentions x JOIN articles a ON a.id = x.article_id WHERE a.current)),
	('timexes', 0, (SELECT count(*) FROM timexes x JOIN articles a ON a.id = x.article_id WHERE a.current)),
	('events', 0, (SELECT count(*) FROM events x JOIN articles a ON a.id = x.article_id WHERE a.current)),
	('actors', 0, (SELECT count(*) FROM actors)),
	('aliases', 0, (SELECT count(*) FROM actor_aliases));
INSERT INTO outlet_counts(outlet_key, outlet, articles)
	SELECT parley_fold(outlet), min(outlet), count(*) FROM articles WHERE current AND outlet <> '' GROUP BY parley_fold(outlet);
INSERT INTO pipeline_counts(pipeline, articles)
	SELECT pipeline, count(*) FROM articles WHERE current GROUP BY pipeline;
INSERT INTO actor_stats(actor_id, name_key, statements, mentions, first_date, last_date)
	SELECT x.id, parley_fold(x.name),
		(SELECT count(*) FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.actor_id = x.id AND a.current),
		(SELECT count(*) FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.actor_id = x.id AND a.current),
		coalesce((SELECT min(s.eff_date) FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.actor_id = x.id AND a.current AND s.eff_date <> ''), ''),
		coalesce((SELECT max(s.eff_date) FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.actor_id = x.id AND a.current AND s.eff_date <> ''), '')
	FROM actors x;
INSERT INTO actor_forms(actor_id, name, title, affiliation, kind, n, first_date, last_date)
	SELECT s.actor_id, s.speaker_name, s.speaker_title, s.speaker_affiliation, s.speaker_kind, count(*),
		coalesce(min(nullif(s.eff_date, '')), ''), max(s.eff_date)
	FROM statements s JOIN articles a ON a.id = s.article_id
	WHERE a.current AND s.actor_id IS NOT NULL
	GROUP BY s.actor_id, s.speaker_name, s.speaker_title, s.speaker_affiliation, s.speaker_kind;
INSERT INTO actor_outlets(actor_id, outlet_key, outlet, n)
	SELECT s.actor_id, parley_fold(a.outlet), min(a.outlet), count(*)
	FROM statements s JOIN articles a ON a.id = s.article_id
	WHERE a.current AND s.actor_id IS NOT NULL AND a.outlet <> ''
	GROUP BY s.actor_id, parley_fold(a.outlet);
INSERT INTO counters(name, slot, n) VALUES ('speakers', 0, (SELECT count(*) FROM actor_stats WHERE statements > 0));
`
