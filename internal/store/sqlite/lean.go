package sqlite

import "strings"

// The "lean analyses" migration (issue 9: fewer bytes per article, writes
// that do not slow with the store). What it changes and why:
//
//   - Analyses stop copying text the body holds. A statement's text and
//     cue, a mention's, a time expression's and an event's text are, as the
//     pipeline writes them, the body's bytes at their spans; such a row
//     keeps the spans only and the text is cut from the body when read
//     (spanText). A row whose text is not its span (a correction that
//     edits a quotation, hostile input with spans past the body) keeps its
//     text explicitly: the store compares at save time, never assumes.
//     Statements say which of text and cue come from the body in
//     from_body (bit 1: text, bit 2: cue; their columns then hold ''), an
//     added column, so that the statements table, which the statement ↔
//     issue links and URLs key by id and (article_id, seq), is not
//     rewritten. Mentions, timexes and events are rewritten with a NULL
//     text meaning "the body at the span".
//   - Mentions and timexes become WITHOUT ROWID tables keyed by
//     (article_id, seq): nothing reads their row ids, and the rowid plus
//     the UNIQUE (article_id, seq) index stored every key twice. Events keep
//     their id: the API returns it (StoredEvent.ID).
//   - statements_fts becomes a contentless FTS5 table (content='',
//     contentless_delete=1): it only ever answers rowid and rank (no
//     snippets are made of statements), so it needs no content table, and
//     statement rows can stop holding their text. Deletes remove a rowid.
//   - articles_fts is no longer written by a trigger per inserted article:
//     the store indexes a write transaction's new articles and statements
//     in one INSERT ... SELECT each at its end (Store.flushFTS). An FTS5
//     table flushes its pending terms to a new segment at every statement
//     savepoint, and each analysis INSERT opened one, so every article
//     became its own segment, merged again and again as the store grew.
//
// The SQL fragments below are part of a released migration: never change
// them, append a new migration.

// spanText is SQL for the body's bytes at [start, end) as text: body is an
// expression for the article's body. substr over a BLOB counts bytes, as
// the spans do; the store's Go side cuts the same bytes (bodySpan).
//
// coalesce: substr of an empty BLOB is NULL, not an empty BLOB.
func spanText(body, start, end string) string {
	return "coalesce(CAST(substr(CAST(" + body + " AS BLOB), " + start + " + 1, " + end + " - " + start + ") AS TEXT), '')"
}

// textOrSpan is SQL for a rewritten analysis row's text: its own, else the
// body at its span.
func textOrSpan(alias, body string) string {
	return "coalesce(" + alias + ".text, " + spanText(body, alias+".span_start", alias+".span_end") + ")"
}

// stmtText and stmtCue are SQL for a statement row's text and cue (alias s,
// its article a).
func stmtText(s, a string) string { return stmtTextIn(s, a+".body") }

func stmtCue(s, a string) string { return stmtCueIn(s, a+".body") }

// stmtTextIn and stmtCueIn are the same over body, an expression for the
// article's body as text.
func stmtTextIn(s, body string) string {
	return "CASE WHEN " + s + ".from_body & 1 THEN " + spanText(body, s+".text_start", s+".text_end") + " ELSE " + s + ".text END"
}

func stmtCueIn(s, body string) string {
	return "CASE WHEN " + s + ".from_body & 2 THEN " + spanText(body, s+".cue_start", s+".cue_end") + " ELSE " + s + ".cue END"
}

// bodySpan is body[start:end], and whether the span lies inside the body.
func bodySpan(body string, start, end int) (string, bool) {
	if start < 0 || end < start || end > len(body) {
		return "", false
	}
	return body[start:end], true
}

// fromBody says whether text is the body's bytes at the span, so that the
// row may leave it out.
func fromBody(body, text string, start, end int) bool {
	s, ok := bodySpan(body, start, end)
	return ok && s == text
}

func leanSQL() string {
	// body of the article of row P.
	bodyOf := func(p string) string { return "(SELECT body FROM articles WHERE id = " + p + ".article_id)" }
	r := strings.NewReplacer(
		"{STMT_TEXT_SPAN}", spanText(bodyOf("statements"), "statements.text_start", "statements.text_end"),
		"{STMT_CUE_SPAN}", spanText(bodyOf("statements"), "statements.cue_start", "statements.cue_end"),
		"{M_SPAN}", spanText("a.body", "m.span_start", "m.span_end"),
		"{STMT_TEXT}", stmtText("s", "a"),
		"{NEW_TEXT}", stmtText("NEW", "a"),
	)
	var b strings.Builder
	b.WriteString(r.Replace(`
-- What the store notes about itself: when a large file last passed its
-- integrity check (checkedRecently).
CREATE TABLE store_meta (
	name  TEXT NOT NULL PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;

-- Indexed by the store at the end of each write transaction (Store.flushFTS).
DROP TRIGGER articles_fts_ai;

-- Statements: text and cue from the body when they are its bytes.
DROP TRIGGER statements_fts_ad;
DROP TRIGGER statements_fts_au;
DROP TABLE statements_fts;
ALTER TABLE statements ADD COLUMN from_body INTEGER NOT NULL DEFAULT 0;
UPDATE statements SET from_body =
	(CASE WHEN text = {STMT_TEXT_SPAN} THEN 1 ELSE 0 END) |
	(CASE WHEN cue = {STMT_CUE_SPAN} THEN 2 ELSE 0 END);
UPDATE statements SET
	text = CASE WHEN from_body & 1 THEN '' ELSE text END,
	cue = CASE WHEN from_body & 2 THEN '' ELSE cue END
	WHERE from_body <> 0;

CREATE VIRTUAL TABLE statements_fts USING fts5(
	text,
	content='', contentless_delete=1,
	tokenize='unicode61 remove_diacritics 2'
);
INSERT INTO statements_fts(rowid, text)
	SELECT s.id, {STMT_TEXT} FROM statements s JOIN articles a ON a.id = s.article_id;
CREATE TRIGGER statements_fts_ad AFTER DELETE ON statements BEGIN
	DELETE FROM statements_fts WHERE rowid = OLD.id;
END;
-- The store never updates a statement's text in place (corrections rewrite
-- the rows); should anything do so, the index follows.
CREATE TRIGGER statements_fts_au AFTER UPDATE OF text, from_body, text_start, text_end ON statements BEGIN
	DELETE FROM statements_fts WHERE rowid = OLD.id;
	INSERT INTO statements_fts(rowid, text) SELECT NEW.id, {NEW_TEXT} FROM articles a WHERE a.id = NEW.article_id;
END;
`))
	// Mentions, timexes and events: rewritten through a copy (a table
	// renamed into place would have SQLite check the triggers on articles,
	// which name these tables, while they do not exist).
	for _, t := range []struct{ name, create, cols, indexes string }{
		{"mentions", `CREATE TABLE mentions (
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	-- text: NULL when it is the body's bytes at the span.
	text       TEXT,
	type       TEXT NOT NULL DEFAULT '',
	actor_name TEXT NOT NULL DEFAULT '',
	actor_id   INTEGER REFERENCES actors(id) ON DELETE SET NULL,
	span_start INTEGER NOT NULL DEFAULT 0,
	span_end   INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (article_id, seq)
) WITHOUT ROWID;`, "article_id, seq, text, type, actor_name, actor_id, span_start, span_end",
			"CREATE INDEX mentions_actor ON mentions(actor_id);"},
		{"timexes", `CREATE TABLE timexes (
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	-- text: NULL when it is the body's bytes at the span.
	text       TEXT,
	type       TEXT NOT NULL DEFAULT '',
	value      TEXT NOT NULL DEFAULT '',
	span_start INTEGER NOT NULL DEFAULT 0,
	span_end   INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (article_id, seq)
) WITHOUT ROWID;`, "article_id, seq, text, type, value, span_start, span_end", ""},
		{"events", `CREATE TABLE events (
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
	-- text: NULL when it is the body's bytes at the span.
	text               TEXT,
	span_start         INTEGER NOT NULL DEFAULT 0,
	span_end           INTEGER NOT NULL DEFAULT 0,
	UNIQUE (article_id, seq)
);`, "id, article_id, seq, date, type, actor_id, actor_name, actor_title, actor_affiliation, actor_kind, has_target, target_id, target_name, target_title, target_affiliation, target_kind, text, span_start, span_end",
			`CREATE INDEX events_date ON events(date, type);
CREATE INDEX events_actor ON events(actor_id);
CREATE INDEX events_target ON events(target_id);`},
	} {
		sel := strings.Replace(t.cols, "text", "CASE WHEN m.text = {M_SPAN} THEN NULL ELSE m.text END AS text", 1)
		sel = "m." + strings.ReplaceAll(sel, ", ", ", m.")
		sel = strings.ReplaceAll(sel, "m.CASE", "CASE")
		b.WriteString(r.Replace(strings.NewReplacer("{T}", t.name, "{CREATE}", t.create, "{COLS}", t.cols, "{SEL}", sel, "{INDEXES}", t.indexes).Replace(`
CREATE TABLE lean_copy AS SELECT {SEL} FROM {T} m JOIN articles a ON a.id = m.article_id;
DROP TABLE {T};
{CREATE}
INSERT INTO {T}({COLS}) SELECT {COLS} FROM lean_copy ORDER BY article_id, seq;
DROP TABLE lean_copy;
{INDEXES}
`)))
	}
	// The aggregates' triggers on the rewritten tables went with them.
	b.WriteString(`
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
