package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strings"
)

// The "speaker forms" migration (issue 9: fewer bytes per article).
//
// A statement row held its speaker as the article named them, four
// strings (name, title, affiliation, kind: "Helen Marchetti", "Trade
// Minister", "Canada", "PERSON"), and an event row its actor's and its
// target's, eight: ≈ 40 bytes a statement and 80 an event, repeated in
// every row that names the same person the same way. They now live once
// in forms, and a row holds a form's id:
//
//   - forms: one row per distinct (name, title, affiliation, kind), kept
//     as reported (case and all). Rows are only ever added: nothing deletes
//     a form, so an id, once written, always reads back the same strings.
//   - statements.form, events.actor_form and events.target_form replace
//     the strings; actor_forms (aggregates.go) is keyed by (actor_id,
//     form) instead of by the four strings.
//   - statements.date is NULL when it is the statement's eff_date (most
//     statements: the date said is the effective one), read back as
//     coalesce(date, eff_date).
//
// The tables are rebuilt under a new name and renamed into place; their
// indexes are created again as they were. The triggers that name the
// rebuilt tables are read from the schema, rewritten with the four
// columns read as one (formTriggerSQL) and created again, so that the
// aggregates' triggers, written by several earlier migrations, keep
// their last definitions.
//
// Measured: docs/performance.md, "Speaker forms".

// formsTableSQL creates the forms table.
const formsTableSQL = `
CREATE TABLE forms (
	id          INTEGER PRIMARY KEY,
	name        TEXT NOT NULL,
	title       TEXT NOT NULL,
	affiliation TEXT NOT NULL,
	kind        TEXT NOT NULL,
	UNIQUE (name, title, affiliation, kind)
);
`

// formsStatementsSQL is the rebuilt statements table, named statements_next
// until it is renamed into place.
const formsStatementsSQL = `
CREATE TABLE statements_next (
	id          INTEGER PRIMARY KEY,
	article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	seq         INTEGER NOT NULL,
	actor_id    INTEGER REFERENCES actors(id) ON DELETE SET NULL,
	-- form: the speaker as the article names them (forms).
	form        INTEGER NOT NULL REFERENCES forms(id),
	kind        TEXT NOT NULL DEFAULT '',
	cue         TEXT NOT NULL DEFAULT '',
	text        TEXT NOT NULL DEFAULT '',
	from_body   INTEGER NOT NULL DEFAULT 0,
	-- date: as said; NULL when it is eff_date.
	date        TEXT,
	date_basis  TEXT NOT NULL DEFAULT '',
	-- eff_date: date, else the article's published_day; what date filters use.
	eff_date    TEXT NOT NULL DEFAULT '',
	span_start    INTEGER NOT NULL DEFAULT 0,
	span_end      INTEGER NOT NULL DEFAULT 0,
	text_start    INTEGER NOT NULL DEFAULT 0,
	text_end      INTEGER NOT NULL DEFAULT 0,
	cue_start     INTEGER NOT NULL DEFAULT 0,
	cue_end       INTEGER NOT NULL DEFAULT 0,
	speaker_start INTEGER NOT NULL DEFAULT 0,
	speaker_end   INTEGER NOT NULL DEFAULT 0,
	UNIQUE (article_id, seq)
);
INSERT INTO statements_next (id, article_id, seq, actor_id, form, kind, cue, text, from_body, date, date_basis, eff_date,
		span_start, span_end, text_start, text_end, cue_start, cue_end, speaker_start, speaker_end)
	SELECT s.id, s.article_id, s.seq, s.actor_id, f.id, s.kind, s.cue, s.text, s.from_body,
		CASE WHEN s.date = s.eff_date THEN NULL ELSE s.date END, s.date_basis, s.eff_date,
		s.span_start, s.span_end, s.text_start, s.text_end, s.cue_start, s.cue_end, s.speaker_start, s.speaker_end
	FROM statements s JOIN forms f ON f.name = s.speaker_name AND f.title = s.speaker_title
		AND f.affiliation = s.speaker_affiliation AND f.kind = s.speaker_kind
	ORDER BY s.id;
`

// formsEventsSQL is the rebuilt events table, named events_next until it is
// renamed into place.
const formsEventsSQL = `
CREATE TABLE events_next (
	id          INTEGER PRIMARY KEY,
	article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	seq         INTEGER NOT NULL,
	date        TEXT NOT NULL DEFAULT '',
	type        TEXT NOT NULL DEFAULT '',
	actor_id    INTEGER REFERENCES actors(id) ON DELETE SET NULL,
	-- actor_form, target_form: the actor and the target as the article
	-- names them (forms); the target's is the empty form without one.
	actor_form  INTEGER NOT NULL REFERENCES forms(id),
	has_target  INTEGER NOT NULL DEFAULT 0,
	target_id   INTEGER REFERENCES actors(id) ON DELETE SET NULL,
	target_form INTEGER NOT NULL REFERENCES forms(id),
	-- text: NULL when it is the body's bytes at the span.
	text        TEXT,
	span_start  INTEGER NOT NULL DEFAULT 0,
	span_end    INTEGER NOT NULL DEFAULT 0,
	UNIQUE (article_id, seq)
);
INSERT INTO events_next (id, article_id, seq, date, type, actor_id, actor_form, has_target, target_id, target_form, text, span_start, span_end)
	SELECT e.id, e.article_id, e.seq, e.date, e.type, e.actor_id, fa.id, e.has_target, e.target_id, ft.id, e.text, e.span_start, e.span_end
	FROM events e
	JOIN forms fa ON fa.name = e.actor_name AND fa.title = e.actor_title AND fa.affiliation = e.actor_affiliation AND fa.kind = e.actor_kind
	JOIN forms ft ON ft.name = e.target_name AND ft.title = e.target_title AND ft.affiliation = e.target_affiliation AND ft.kind = e.target_kind
	ORDER BY e.id;
`

// formsActorFormsSQL rebuilds actor_forms keyed by form.
const formsActorFormsSQL = `
CREATE TABLE actor_forms_next (
	actor_id   INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
	form       INTEGER NOT NULL REFERENCES forms(id),
	n          INTEGER NOT NULL DEFAULT 0,
	first_date TEXT NOT NULL DEFAULT '',
	last_date  TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (actor_id, form)
) WITHOUT ROWID;
INSERT INTO actor_forms_next (actor_id, form, n, first_date, last_date)
	SELECT x.actor_id, f.id, x.n, x.first_date, x.last_date
	FROM actor_forms x JOIN forms f ON f.name = x.name AND f.title = x.title AND f.affiliation = x.affiliation AND f.kind = x.kind;
`

// formRewrites turn SQL over the four speaker columns into SQL over the
// form id, in this order (the longer patterns first). Whitespace between
// the words may be any, as the triggers were written over several lines.
var formRewrites = func() []struct {
	re  *regexp.Regexp
	new string
} {
	w := func(s string) string { return strings.ReplaceAll(s, " ", `\s+`) }
	col := `(\+?\w+)\.`
	other := `\+?\w+\.`
	return []struct {
		re  *regexp.Regexp
		new string
	}{
		// s.speaker_name = K.name AND s.speaker_title = K.title AND ... → s.form = K.form
		{regexp.MustCompile(col + w(`speaker_name = (\w+)\.name AND `) + other + w(`speaker_title = \w+\.title AND `) +
			other + w(`speaker_affiliation = \w+\.affiliation AND `) + other + `speaker_kind\s+=\s+\w+\.kind\b`), "$1.form = $2.form"},
		// name = P.speaker_name AND title = P.speaker_title AND ... → form = P.form
		{regexp.MustCompile(w(`\bname = (\w+)\.speaker_name AND title = \w+\.speaker_title AND affiliation = \w+\.speaker_affiliation AND kind = \w+\.speaker_kind\b`)), "form = $1.form"},
		// P.speaker_name, P.speaker_title, P.speaker_affiliation, P.speaker_kind → P.form
		{regexp.MustCompile(`(\w+\.)?speaker_name,\s+(?:\w+\.)?speaker_title,\s+(?:\w+\.)?speaker_affiliation,\s+(?:\w+\.)?speaker_kind\b`), "${1}form"},
		// actor_forms' own columns: (actor_id, name, title, affiliation, kind ...) → (actor_id, form ...)
		{regexp.MustCompile(`\bname,\s+title,\s+affiliation,\s+kind\b`), "form"},
	}
}()

// formSQL is sqlText with formRewrites applied.
func formSQL(sqlText string) string {
	for _, r := range formRewrites {
		sqlText = r.re.ReplaceAllString(sqlText, r.new)
	}
	return sqlText
}

// formLeftovers finds what the rewrites should have left no trace of.
var formLeftovers = regexp.MustCompile(`\b(speaker|actor|target)_(name|title|affiliation|kind)\b|actor_forms\.(name|title|affiliation|kind)\b`)

// formTriggerSQL rewrites a trigger's SQL for the form columns; it fails
// if any of the four columns is left (a trigger written otherwise than the
// patterns know: the migration then stops instead of leaving a trigger
// that would fail at its first run).
func formTriggerSQL(name, sqlText string) (string, error) {
	sqlText = formSQL(sqlText)
	if m := formLeftovers.FindString(sqlText); m != "" {
		return "", fmt.Errorf("trigger %s: %q left after the rewrite", name, m)
	}
	return sqlText, nil
}

// schemaItem is an index or a trigger as the schema holds it.
type schemaItem struct{ name, sql string }

// schemaOf reads the indexes and the triggers the condition cond (SQL over
// sqlite_master) selects, in the order they were created, for a migration
// that rebuilds a table and creates them again.
func schemaOf(ctx context.Context, tx *sql.Tx, cond string) (indexes, triggers []schemaItem, err error) {
	err = eachRow(ctx, tx, `SELECT type, name, sql FROM sqlite_master
		WHERE sql IS NOT NULL AND (`+cond+`)
		ORDER BY rowid`, nil, func(rows *sql.Rows) error {
		var typ string
		var x schemaItem
		if err := rows.Scan(&typ, &x.name, &x.sql); err != nil {
			return err
		}
		if typ == "index" {
			indexes = append(indexes, x)
		} else {
			triggers = append(triggers, x)
		}
		return nil
	})
	return indexes, triggers, err
}

// rebuildTables is the frame of a migration that rebuilds tables: the
// indexes and triggers cond (SQL over sqlite_master) selects are read, the
// triggers dropped, steps run (creating each table anew and renaming it
// into place), and the indexes and triggers created again, each trigger as
// rewrite returns it ("": not created again).
func rebuildTables(ctx context.Context, tx *sql.Tx, cond string, rewrite func(name, sqlText string) (string, error), steps ...string) error {
	indexes, triggers, err := schemaOf(ctx, tx, cond)
	if err != nil {
		return err
	}
	var keep []schemaItem
	for _, t := range triggers {
		rewritten, err := rewrite(t.name, t.sql)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DROP TRIGGER "`+t.name+`"`); err != nil {
			return fmt.Errorf("drop trigger %s: %w", t.name, err)
		}
		if rewritten != "" {
			keep = append(keep, schemaItem{t.name, rewritten})
		}
	}
	for _, st := range steps {
		if _, err := tx.ExecContext(ctx, st); err != nil {
			return fmt.Errorf("%.60s: %w", strings.TrimSpace(st), err)
		}
	}
	for _, x := range append(indexes, keep...) {
		if _, err := tx.ExecContext(ctx, x.sql); err != nil {
			return fmt.Errorf("create %s again: %w", x.name, err)
		}
	}
	return nil
}

// formsMigration is the "speaker forms" migration (see above).
func formsMigration(ctx context.Context, tx *sql.Tx) error {
	// What is created again: the rebuilt tables' indexes, and every
	// trigger that names one of them (on them, or on articles and the
	// others, in their bodies).
	return rebuildTables(ctx, tx, `type = 'index' AND tbl_name IN ('statements', 'events')
		OR type = 'trigger' AND (tbl_name IN ('statements', 'events', 'actor_forms')
			OR sql LIKE '%statements%' OR sql LIKE '%events%' OR sql LIKE '%actor_forms%')`,
		formTriggerSQL,
		formsTableSQL,
		// Every form in use, in a stable order.
		`INSERT INTO forms (name, title, affiliation, kind)
			SELECT name, title, affiliation, kind FROM (
				SELECT speaker_name AS name, speaker_title AS title, speaker_affiliation AS affiliation, speaker_kind AS kind FROM statements
				UNION SELECT actor_name, actor_title, actor_affiliation, actor_kind FROM events
				UNION SELECT target_name, target_title, target_affiliation, target_kind FROM events
				UNION SELECT name, title, affiliation, kind FROM actor_forms)
			ORDER BY name, title, affiliation, kind`,
		formsStatementsSQL,
		`DROP TABLE statements`,
		`ALTER TABLE statements_next RENAME TO statements`,
		formsEventsSQL,
		`DROP TABLE events`,
		`ALTER TABLE events_next RENAME TO events`,
		formsActorFormsSQL,
		`DROP TABLE actor_forms`,
		`ALTER TABLE actor_forms_next RENAME TO actor_forms`,
	)
}
