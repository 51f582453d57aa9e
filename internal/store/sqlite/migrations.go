package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/parley-news/parley/internal/store"
)

// migration is one step of the schema. Version = index in migrations + 1.
// Never edit or reorder a released step: append a new one.
type migration struct {
	name string
	sql  string
}

// goSteps are the migrations' steps in Go, by name, run after their SQL:
// for a change that reads the schema it rewrites (formsMigration).
var goSteps = map[string]func(ctx context.Context, tx *sql.Tx) error{
	"speaker forms":          formsMigration,
	"statement codes":        codesMigration,
	"packed statement spans": spansMigration,
	"integer dates":          intDatesMigration,
}

// migrations are applied in order, each in its own transaction, and
// recorded in schema_migrations.
var migrations = []migration{
	{"articles", `
CREATE TABLE articles (
	id              INTEGER PRIMARY KEY,
	source          TEXT NOT NULL DEFAULT '',
	url             TEXT NOT NULL DEFAULT '',
	-- source_key identifies "the same article" across versions: url, else source.
	source_key      TEXT NOT NULL DEFAULT '',
	outlet          TEXT NOT NULL DEFAULT '',
	place           TEXT NOT NULL DEFAULT '',
	published       TEXT NOT NULL DEFAULT '',
	-- published_day: YYYY-MM-DD, YYYY-MM, YYYY or '' (store.Day), for sorting and ranges.
	published_day   TEXT NOT NULL DEFAULT '',
	published_basis TEXT NOT NULL DEFAULT '',
	title           TEXT NOT NULL DEFAULT '',
	standfirst      TEXT NOT NULL DEFAULT '',
	body            TEXT NOT NULL DEFAULT '',
	language        TEXT NOT NULL DEFAULT '',
	content_hash    TEXT NOT NULL UNIQUE,
	version         INTEGER NOT NULL DEFAULT 1,
	current         INTEGER NOT NULL DEFAULT 1,
	superseded_by   INTEGER REFERENCES articles(id) ON DELETE SET NULL,
	pipeline        TEXT NOT NULL DEFAULT '',
	ingested_at     TEXT NOT NULL,
	analysed_at     TEXT NOT NULL
);
-- At most one current version per source.
CREATE UNIQUE INDEX articles_current_source ON articles(source_key) WHERE current = 1 AND source_key <> '';
CREATE INDEX articles_source_key ON articles(source_key, version);
CREATE INDEX articles_newest ON articles(current, published_day DESC, id DESC);
CREATE INDEX articles_outlet ON articles(outlet COLLATE NOCASE, published_day DESC, id DESC);
CREATE INDEX articles_pipeline ON articles(current, pipeline, id);
`},
	{"actors", `
CREATE TABLE actors (
	id          INTEGER PRIMARY KEY,
	name        TEXT NOT NULL COLLATE NOCASE UNIQUE,
	kind        TEXT NOT NULL DEFAULT '',
	title       TEXT NOT NULL DEFAULT '',
	affiliation TEXT NOT NULL DEFAULT '',
	created_at  TEXT NOT NULL
);
CREATE TABLE actor_aliases (
	actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
	alias    TEXT NOT NULL COLLATE NOCASE,
	PRIMARY KEY (actor_id, alias)
) WITHOUT ROWID;
CREATE INDEX actor_aliases_alias ON actor_aliases(alias);
`},
	{"analyses", `
CREATE TABLE statements (
	id                  INTEGER PRIMARY KEY,
	article_id          INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	seq                 INTEGER NOT NULL,
	actor_id            INTEGER REFERENCES actors(id) ON DELETE SET NULL,
	speaker_name        TEXT NOT NULL DEFAULT '',
	speaker_title       TEXT NOT NULL DEFAULT '',
	speaker_affiliation TEXT NOT NULL DEFAULT '',
	speaker_kind        TEXT NOT NULL DEFAULT '',
	kind                TEXT NOT NULL DEFAULT '',
	cue                 TEXT NOT NULL DEFAULT '',
	text                TEXT NOT NULL DEFAULT '',
	date                TEXT NOT NULL DEFAULT '',
	-- eff_date: date, else the article's published_day; what date filters use.
	eff_date            TEXT NOT NULL DEFAULT '',
	span_start          INTEGER NOT NULL DEFAULT 0,
	span_end            INTEGER NOT NULL DEFAULT 0,
	text_start          INTEGER NOT NULL DEFAULT 0,
	text_end            INTEGER NOT NULL DEFAULT 0,
	cue_start           INTEGER NOT NULL DEFAULT 0,
	cue_end             INTEGER NOT NULL DEFAULT 0,
	speaker_start       INTEGER NOT NULL DEFAULT 0,
	speaker_end         INTEGER NOT NULL DEFAULT 0,
	UNIQUE (article_id, seq)
);
CREATE INDEX statements_newest ON statements(eff_date DESC, article_id DESC, seq);
CREATE INDEX statements_actor ON statements(actor_id, eff_date);
CREATE INDEX statements_kind ON statements(kind, eff_date);

CREATE TABLE mentions (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	text       TEXT NOT NULL DEFAULT '',
	type       TEXT NOT NULL DEFAULT '',
	actor_name TEXT NOT NULL DEFAULT '',
	actor_id   INTEGER REFERENCES actors(id) ON DELETE SET NULL,
	span_start INTEGER NOT NULL DEFAULT 0,
	span_end   INTEGER NOT NULL DEFAULT 0,
	UNIQUE (article_id, seq)
);
CREATE INDEX mentions_actor ON mentions(actor_id);

CREATE TABLE timexes (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	text       TEXT NOT NULL DEFAULT '',
	type       TEXT NOT NULL DEFAULT '',
	value      TEXT NOT NULL DEFAULT '',
	span_start INTEGER NOT NULL DEFAULT 0,
	span_end   INTEGER NOT NULL DEFAULT 0,
	UNIQUE (article_id, seq)
);
CREATE INDEX timexes_value ON timexes(value);

CREATE TABLE events (
	id                 INTEGER PRIMARY KEY,
	article_id         INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	seq                INTEGER NOT NULL,
	date               TEXT NOT NULL DEFAULT '',
	type               TEXT NOT NULL DEFAULT '',
	actor_id           INTEGER REFERENCES actors(id) ON DELETE SET NULL,
	actor_name         TEXT NOT NULL DEFAULT '',
	actor_title        TEXT NOT NULL DEFAULT '',
	actor_affiliation  TEXT NOT NULL DEFAULT '',
	actor_kind         TEXT NOT NULL DEFAULT '',
	has_target         INTEGER NOT NULL DEFAULT 0,
	target_id          INTEGER REFERENCES actors(id) ON DELETE SET NULL,
	target_name        TEXT NOT NULL DEFAULT '',
	target_title       TEXT NOT NULL DEFAULT '',
	target_affiliation TEXT NOT NULL DEFAULT '',
	target_kind        TEXT NOT NULL DEFAULT '',
	text               TEXT NOT NULL DEFAULT '',
	span_start         INTEGER NOT NULL DEFAULT 0,
	span_end           INTEGER NOT NULL DEFAULT 0,
	UNIQUE (article_id, seq)
);
CREATE INDEX events_date ON events(date, type);
CREATE INDEX events_actor ON events(actor_id);
CREATE INDEX events_target ON events(target_id);
`},
	{"full-text search", `
-- External-content FTS5 tables: the text lives once, in articles and
-- statements; triggers keep the indexes in step with every insert, update
-- and delete (including deletes by ON DELETE CASCADE), except inserts into
-- statements: the store indexes an article's statements with one
-- INSERT ... SELECT after writing them (indexStatements), because FTS5
-- flushes its pending terms at every statement savepoint, and a trigger per
-- row made that a flush per statement row.
CREATE VIRTUAL TABLE articles_fts USING fts5(
	title, standfirst, body,
	content='articles', content_rowid='id',
	tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
	INSERT INTO articles_fts(rowid, title, standfirst, body) VALUES (new.id, new.title, new.standfirst, new.body);
END;
CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, standfirst, body) VALUES ('delete', old.id, old.title, old.standfirst, old.body);
END;
CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, standfirst, body ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, standfirst, body) VALUES ('delete', old.id, old.title, old.standfirst, old.body);
	INSERT INTO articles_fts(rowid, title, standfirst, body) VALUES (new.id, new.title, new.standfirst, new.body);
END;

CREATE VIRTUAL TABLE statements_fts USING fts5(
	text,
	content='statements', content_rowid='id',
	tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER statements_fts_ad AFTER DELETE ON statements BEGIN
	INSERT INTO statements_fts(statements_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER statements_fts_au AFTER UPDATE OF text ON statements BEGIN
	INSERT INTO statements_fts(statements_fts, rowid, text) VALUES ('delete', old.id, old.text);
	INSERT INTO statements_fts(rowid, text) VALUES (new.id, new.text);
END;
`},
	{"statement date basis", `
-- How a statement's date was found: stated, relative, event, publication
-- or none (article.Date*). Rows written before it say ''.
ALTER TABLE statements ADD COLUMN date_basis TEXT NOT NULL DEFAULT '';
`},
	{"corrections", `
-- Analysts' corrections (store.Correction), the audit log: data holds the
-- whole correction as JSON; the columns beside it are for filtering.
CREATE TABLE corrections (
	id         INTEGER PRIMARY KEY,
	kind       TEXT NOT NULL,
	-- source_key: the anchor's article source key (statement, add), else ''.
	source_key TEXT NOT NULL DEFAULT '',
	by_name    TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	data       TEXT NOT NULL,
	status     TEXT NOT NULL DEFAULT 'applied',
	problem    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX corrections_source ON corrections(source_key, id);
CREATE INDEX corrections_kind ON corrections(kind, status, id);
CREATE INDEX corrections_status ON corrections(status, id);
-- The pipeline's own analyses of an article whose rows corrections changed
-- (store.Analyses as JSON), to re-apply or undo corrections from.
CREATE TABLE analyses_raw (
	article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	data       TEXT NOT NULL
);
`},
	{"stance history", `
-- The last computed stance of each cell (issue × party) of each dossier,
-- by dossier name, and every change between two computations: alerts (the
-- Atom feed per dossier, webhooks). A dossier's first computation is its
-- baseline (stance_dossiers).
CREATE TABLE stance_dossiers (
	dossier  TEXT NOT NULL PRIMARY KEY,
	first_at TEXT NOT NULL
);
CREATE TABLE stances (
	dossier    TEXT NOT NULL,
	issue      TEXT NOT NULL,
	party      TEXT NOT NULL,
	stance     TEXT NOT NULL,
	since      TEXT NOT NULL DEFAULT '',
	article_id INTEGER NOT NULL DEFAULT 0,
	span_start INTEGER NOT NULL DEFAULT 0,
	span_end   INTEGER NOT NULL DEFAULT 0,
	speaker    TEXT NOT NULL DEFAULT '',
	text       TEXT NOT NULL DEFAULT '',
	date       TEXT NOT NULL DEFAULT '',
	outlet     TEXT NOT NULL DEFAULT '',
	url        TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (dossier, issue, party)
);
CREATE TABLE stance_changes (
	id          INTEGER PRIMARY KEY,
	dossier     TEXT NOT NULL,
	issue       TEXT NOT NULL,
	party       TEXT NOT NULL,
	from_stance TEXT NOT NULL DEFAULT '',
	stance      TEXT NOT NULL,
	since       TEXT NOT NULL DEFAULT '',
	article_id  INTEGER NOT NULL DEFAULT 0,
	span_start INTEGER NOT NULL DEFAULT 0,
	span_end   INTEGER NOT NULL DEFAULT 0,
	speaker     TEXT NOT NULL DEFAULT '',
	text        TEXT NOT NULL DEFAULT '',
	date        TEXT NOT NULL DEFAULT '',
	outlet      TEXT NOT NULL DEFAULT '',
	url         TEXT NOT NULL DEFAULT '',
	at          TEXT NOT NULL
);
CREATE INDEX stance_changes_dossier ON stance_changes(dossier, id DESC);
`},
	// Counters and per-actor aggregates kept by triggers (aggregates.go).
	{"aggregates", aggregatesSQL()},
	// Analyses keep spans instead of copies of the body's text, leaner
	// keys, a contentless statement index (lean.go).
	{"lean analyses", leanSQL()},
	// Dossier links, their per-day summaries and the change log (links.go).
	{"dossier links", linksSQL},
	// The kind filter's index keeps only the rare kinds (kindIndexSQL).
	{"rare kinds index", kindIndexSQL},
	// Bodies stored compressed, read through parley_text (bodies.go).
	{"compressed bodies", bodiesSQL()},
	// The newest-first order kept ascending (newestIndexSQL).
	{"newest index ascending", newestIndexSQL},
	// Time expressions packed, one row an article (timexpack.go).
	{"packed time expressions", timexPacksSQL()},
	// Mentions packed, one row an article, their actors counted beside
	// (mentionpack.go).
	{"packed mentions", mentionPacksSQL()},
	// statements_actor keyed by article, not date (actorIndexSQL).
	{"actor index by article", actorIndexSQL()},
	// Full-text indexes without positions; phrases checked in the text
	// (phrases.go).
	{"lean full-text indexes", leanFTSSQL()},
	// Dossier links' order keys with binary numbers (ordkeys.go).
	{"compact link order keys", ordKeysSQL},
	// Content hashes as their 32 bytes (hashes.go).
	{"binary content hashes", hashesSQL},
	// Speakers, event actors and targets as ids of forms (forms.go; its
	// step is in goSteps).
	{"speaker forms", ""},
	// Bodies with a NUL byte stored so that they read back whole (bodies.go).
	{"bodies with NUL bytes", nulBodiesSQL},
	// Statement kinds and date bases stored as one-character codes
	// (codes.go; the step is in goSteps).
	{"statement codes", ""},
	// The statement index without its sizes table (stmtFTSSizesSQL).
	{"statement index without sizes", stmtFTSSizesSQL()},
	// statements_actor without the date (actorIndexLeanSQL).
	{"actor index without dates", actorIndexLeanSQL},
	// events_actor and events_target without NULL entries (eventIndexesSQL).
	{"event indexes without NULLs", eventIndexesSQL},
	// A statement's four spans packed in one column (spans.go; the step
	// is in goSteps).
	{"packed statement spans", ""},
	// Event types stored as one-letter codes (codes.go).
	{"event codes", eventCodesSQL()},
	// Actors' names in packed mentions and values in packed time
	// expressions stored once, referred to by id (packstrings.go).
	{"interned pack strings", packStringsSQL},
	// mention_actors without its index by actor (mentionpack.go).
	{"mentions by actor unindexed", mentionActorsUnindexedSQL},
	// Statements' effective dates and the actors' first and last dates as
	// integers (days.go; the step is in goSteps).
	{"integer dates", ""},
	// events_date without undated events (aggregates.go).
	{"dated events index", datedEventsSQL},
}

// newestIndexSQL rebuilds statements_newest ascending, (eff_date,
// article_id, seq DESC), which SQLite reads backwards for the lists'
// order (eff_date DESC, article_id DESC, seq). Declared descending, a new
// article's statements went in before the existing ones of their day, and
// pages split that way were left half full (53% used at 300k articles,
// 132 MB); ascending, they go after them, as article ids grow.
const newestIndexSQL = `
DROP INDEX statements_newest;
CREATE INDEX statements_newest ON statements(eff_date, article_id, seq DESC);
`

// commonKinds are the statement kinds most statements have. A list filtered
// by one of them pages newest first along statements_newest and skips the
// other kind's rows (each common kind is a large share of every store, so a
// page of 50 reads a few hundred entries); only the other kinds ("mixed",
// and anything a correction may add) need an index of their own to be found
// without reading the whole store. An index on every statement's kind cost
// ≈ 560 bytes an article (6% of a store) and, in a back-fill into a 300k
// store, one new index page per kind and day per transaction: 10,000
// back-filled articles went in 17.92 s without it against 19.45 s with it
// (medians of three; docs/performance.md, "Fewer bytes: compressed bodies,
// leaner indexes").
var commonKinds = []string{"direct", "indirect"}

// rareKindCond is the partial index's condition; a query must carry the
// same term for SQLite to use the index.
var rareKindCond = "kind NOT IN ('" + strings.Join(commonKinds, "', '") + "')"

var kindIndexSQL = `
DROP INDEX IF EXISTS statements_kind;
CREATE INDEX statements_kind_rare ON statements(kind, eff_date DESC, article_id DESC, seq) WHERE ` + rareKindCond + `;
`

// SchemaVersion is the schema version this program writes.
func SchemaVersion() int { return len(migrations) }

// migrate applies the missing migrations, each in its own write transaction.
// Another process may migrate at the same time: each step re-reads the
// version inside its (IMMEDIATE, hence exclusive) transaction.
func (s *Store) migrate(ctx context.Context) error {
	if err := s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version    INTEGER PRIMARY KEY,
			name       TEXT NOT NULL,
			applied_at TEXT NOT NULL
		)`)
		return err
	}); err != nil {
		return fmt.Errorf("sqlite: create schema_migrations: %w", err)
	}
	applied := 0
	for i, m := range migrations {
		version := i + 1
		done := false
		err := s.inTx(ctx, func(tx *sql.Tx) error {
			var have int
			if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&have); err != nil {
				return err
			}
			if have > len(migrations) {
				return fmt.Errorf("%w: database at version %d, this program knows %d", store.ErrSchemaTooNew, have, len(migrations))
			}
			if have >= version {
				done = true
				return nil
			}
			if m.sql != "" {
				if _, err := tx.ExecContext(ctx, m.sql); err != nil {
					return err
				}
			}
			if run := goSteps[m.name]; run != nil {
				if err := run(ctx, tx); err != nil {
					return err
				}
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)`, version, m.name, now())
			return err
		})
		if err != nil {
			if errors.Is(err, store.ErrSchemaTooNew) {
				return err
			}
			return fmt.Errorf("sqlite: migration %d (%s): %w", version, m.name, err)
		}
		if !done {
			applied++
			s.log.DebugContext(ctx, "sqlite migration applied", "version", version, "name", m.name)
		}
	}
	if applied > 0 {
		s.log.InfoContext(ctx, "sqlite schema updated", "path", s.path, "applied", applied, "version", len(migrations))
	}
	return nil
}
