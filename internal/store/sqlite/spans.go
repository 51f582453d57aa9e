package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/binary"
	"fmt"
	"regexp"

	sqlite3 "modernc.org/sqlite"

	"github.com/parley-news/parley/internal/article"
)

// The "packed statement spans" migration (issue 9: fewer bytes per
// article). A statement row held its four spans (the statement, its text,
// its cue, its speaker) in eight integer columns: ≈ 15 bytes of values
// and 8 of record header, 23 of a row's ≈ 61. They are now one BLOB,
// spans, of eight varints that mostly take a byte each, because all but the
// first are measured from a nearby offset (stmtSpans):
//
//	span start; span length; text start − span start; span end − text end;
//	cue start − span start; cue length; speaker start − span start;
//	speaker length
//
// each a zigzag varint (encoding/binary.AppendVarint), so that spans from
// hostile input (negative, past the body, reversed) are kept exactly as
// they came. SQL reads one with parley_span(spans, k), k the index in
// article order (0 span start … 7 speaker end: spanCols); the migration
// packs with parley_pack_spans. The PostgreSQL store keeps its columns.
//
// The table is rebuilt under a new name and renamed into place, its
// indexes created again as they were, and the triggers that name it
// created again; the two of the statement index, which cut a statement's
// text by its span, are written anew (spansFTSTriggers). The migration
// stops if any other trigger names a span column.

// spanCols are the columns the spans BLOB replaces, in its order.
var spanCols = [8]string{"span_start", "span_end", "text_start", "text_end", "cue_start", "cue_end", "speaker_start", "speaker_end"}

// stmtSpans is a statement's spans in spanCols order.
type stmtSpans [8]int64

func spansOf(x *article.Statement) stmtSpans {
	return stmtSpans{int64(x.Span[0]), int64(x.Span[1]), int64(x.TextSpan[0]), int64(x.TextSpan[1]),
		int64(x.CueSpan[0]), int64(x.CueSpan[1]), int64(x.SpeakerSpan[0]), int64(x.SpeakerSpan[1])}
}

// set writes the spans into x.
func (v stmtSpans) set(x *article.Statement) {
	x.Span = article.Span{int(v[0]), int(v[1])}
	x.TextSpan = article.Span{int(v[2]), int(v[3])}
	x.CueSpan = article.Span{int(v[4]), int(v[5])}
	x.SpeakerSpan = article.Span{int(v[6]), int(v[7])}
}

// packSpans is the spans column's value. (Differences wrap as int64 does,
// and unpacking wraps back: any eight values round-trip.)
func packSpans(v stmtSpans) []byte {
	d := [8]int64{v[0], v[1] - v[0], v[2] - v[0], v[1] - v[3], v[4] - v[0], v[5] - v[4], v[6] - v[0], v[7] - v[6]}
	b := make([]byte, 0, 16)
	for _, x := range d {
		b = binary.AppendVarint(b, x)
	}
	return b
}

// unpackSpans reads what packSpans wrote.
func unpackSpans(b []byte) (stmtSpans, error) {
	r := packReader{b: b}
	var d [8]int64
	for i := range d {
		d[i] = r.varint()
	}
	if r.err == nil && len(r.b) > 0 {
		r.err = fmt.Errorf("%w: %d bytes after the spans", errBadPack, len(r.b))
	}
	if r.err != nil {
		return stmtSpans{}, r.err
	}
	return stmtSpans{d[0], d[0] + d[1], d[0] + d[2], d[0] + d[1] - d[3], d[0] + d[4], d[0] + d[4] + d[5], d[0] + d[6], d[0] + d[6] + d[7]}, nil
}

// spansValue scans a spans column into a statement.
type spansValue struct{ x *article.Statement }

func (s spansValue) Scan(src any) error {
	b, ok := src.([]byte)
	if !ok {
		return fmt.Errorf("%w: spans of type %T", errBadPack, src)
	}
	v, err := unpackSpans(b)
	if err != nil {
		return err
	}
	v.set(s.x)
	return nil
}

// registerSpanFunctions makes parley_span(spans, k) and
// parley_pack_spans(eight integers) known to the driver.
func registerSpanFunctions() {
	sqlite3.MustRegisterDeterministicScalarFunction("parley_span", 2, func(_ *sqlite3.FunctionContext, args []driver.Value) (driver.Value, error) {
		b, ok := args[0].([]byte)
		k, ok2 := args[1].(int64)
		if !ok || !ok2 || k < 0 || k >= int64(len(spanCols)) {
			return nil, nil
		}
		v, err := unpackSpans(b)
		if err != nil {
			return nil, err
		}
		return v[k], nil
	})
	sqlite3.MustRegisterDeterministicScalarFunction("parley_stmt_text", 2, stmtPartFunc(2))
	sqlite3.MustRegisterDeterministicScalarFunction("parley_stmt_cue", 2, stmtPartFunc(4))
	sqlite3.MustRegisterDeterministicScalarFunction("parley_pack_spans", int32(len(spanCols)), func(_ *sqlite3.FunctionContext, args []driver.Value) (driver.Value, error) {
		var v stmtSpans
		for i, a := range args {
			n, ok := a.(int64)
			if !ok {
				return nil, fmt.Errorf("parley_pack_spans: argument %d is %T, not an integer", i+1, a)
			}
			v[i] = n
		}
		return packSpans(v), nil
	})
}

// stmtPartFunc is parley_stmt_text (k = 2, the text span) or
// parley_stmt_cue (k = 4, the cue span): (spans, body) → the body's bytes at
// the span. One call where the SQL it replaces made four (parley_text,
// parley_span three times) for every statement indexed at ingest. The
// bytes are cut as SQLite's substr cuts a BLOB (sqliteSubstr), so that a
// row migrated with the released SQL (lean.go: from_body set by comparing
// with substr) is cut the same. A row's own text never passes through it
// (stmtTextNow): the driver hands a Go function a TEXT argument only up to
// its first NUL byte, and a body that holds one is never TEXT (bodyStored).
func stmtPartFunc(k int) func(*sqlite3.FunctionContext, []driver.Value) (driver.Value, error) {
	return func(_ *sqlite3.FunctionContext, args []driver.Value) (driver.Value, error) {
		spans, ok := args[0].([]byte)
		if !ok {
			return nil, fmt.Errorf("%w: spans of type %T", errBadPack, args[0])
		}
		v, err := unpackSpans(spans)
		if err != nil {
			return nil, err
		}
		var body string
		switch b := args[1].(type) {
		case []byte:
			if body, err = bodies.text(b); err != nil {
				return nil, err
			}
		case string:
			body = b
		}
		return sqliteSubstr(body, v[k]+1, v[k+1]-v[k]), nil
	}
}

// sqliteSubstr is SQLite's substr(X, y, z) for a BLOB X (func.c,
// substrFunc): 1-based, a negative y counted from the end, a negative z
// the bytes before y. It cuts the body's string in place: no copy per
// statement.
func sqliteSubstr(x string, y, z int64) string {
	n := int64(len(x))
	p1, p2 := y, z
	switch {
	case p1 < 0:
		p1 += n
		if p1 < 0 {
			if p2 < 0 {
				p2 = 0
			} else {
				p2 += p1
			}
			p1 = 0
		}
	case p1 > 0:
		p1--
	case p2 > 0:
		p2--
	}
	if p2 < 0 {
		if p2 < -p1 {
			p2 = p1
		} else {
			p2 = -p2
		}
		p1 -= p2
	}
	if p1 >= n {
		return ""
	}
	if p2 > n-p1 {
		p2 = n - p1
	}
	if p2 <= 0 {
		return ""
	}
	return x[p1 : p1+p2]
}

// stmtTextNow and stmtCueNow are SQL for a statement's text and cue (alias
// s, its article a) since the spans are packed: its own, else the body's
// bytes at its text (cue) span. (liveStmtText is the same for the columns
// before, in the released migrations.)
func stmtTextNow(s, a string) string {
	return "CASE WHEN " + s + ".from_body & 1 THEN parley_stmt_text(" + s + ".spans, " + a + ".body) ELSE " + s + ".text END"
}

func stmtCueNow(s, a string) string {
	return "CASE WHEN " + s + ".from_body & 2 THEN parley_stmt_cue(" + s + ".spans, " + a + ".body) ELSE " + s + ".cue END"
}

// spansStatementsSQL is the rebuilt statements table, named statements_next
// until it is renamed into place.
const spansStatementsSQL = `
CREATE TABLE statements_next (
	id          INTEGER PRIMARY KEY,
	article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	seq         INTEGER NOT NULL,
	actor_id    INTEGER REFERENCES actors(id) ON DELETE SET NULL,
	-- form: the speaker as the article names them (forms).
	form        INTEGER NOT NULL REFERENCES forms(id),
	-- kind, date_basis: one-character codes for the known values (codes.go).
	kind        TEXT NOT NULL DEFAULT '',
	cue         TEXT NOT NULL DEFAULT '',
	text        TEXT NOT NULL DEFAULT '',
	from_body   INTEGER NOT NULL DEFAULT 0,
	-- date: as said; NULL when it is eff_date.
	date        TEXT,
	date_basis  TEXT NOT NULL DEFAULT '',
	-- eff_date: date, else the article's published_day; what date filters use.
	eff_date    TEXT NOT NULL DEFAULT '',
	-- spans: the four spans packed (spans.go).
	spans       BLOB NOT NULL,
	UNIQUE (article_id, seq)
);
INSERT INTO statements_next (id, article_id, seq, actor_id, form, kind, cue, text, from_body, date, date_basis, eff_date, spans)
	SELECT id, article_id, seq, actor_id, form, kind, cue, text, from_body, date, date_basis, eff_date,
		parley_pack_spans(span_start, span_end, text_start, text_end, cue_start, cue_end, speaker_start, speaker_end)
	FROM statements ORDER BY id;
`

// spansFTSTriggers keep the statement index in step with deletes and with
// updates of a statement's text (stmtFTSSizesSQL), reading spans packed.
func spansFTSTriggers() string {
	return `
CREATE TRIGGER statements_fts_ad AFTER DELETE ON statements BEGIN
	INSERT INTO statements_fts(statements_fts, rowid, text)
		SELECT 'delete', OLD.id, ` + stmtTextNow("OLD", "a") + ` FROM articles a WHERE a.id = OLD.article_id;
END;
CREATE TRIGGER statements_fts_au AFTER UPDATE OF text, from_body, spans ON statements BEGIN
	INSERT INTO statements_fts(statements_fts, rowid, text)
		SELECT 'delete', OLD.id, ` + stmtTextNow("OLD", "a") + ` FROM articles a WHERE a.id = OLD.article_id;
	INSERT INTO statements_fts(rowid, text) SELECT NEW.id, ` + stmtTextNow("NEW", "a") + ` FROM articles a WHERE a.id = NEW.article_id;
END;
`
}

// spanColumn finds a span column named in a trigger's SQL.
var spanColumn = regexp.MustCompile(`\b(span|text|cue|speaker)_(start|end)\b`)

// spansMigration is the "packed statement spans" migration (see above).
func spansMigration(ctx context.Context, tx *sql.Tx) error {
	err := rebuildTables(ctx, tx, `type = 'index' AND tbl_name = 'statements'
		OR type = 'trigger' AND (tbl_name = 'statements' OR sql LIKE '%statements%')`,
		func(name, sqlText string) (string, error) {
			if name == "statements_fts_ad" || name == "statements_fts_au" {
				return "", nil // written anew below
			}
			if m := spanColumn.FindString(sqlText); m != "" {
				return "", fmt.Errorf("trigger %s names %s, which the packed spans replace", name, m)
			}
			return sqlText, nil
		},
		spansStatementsSQL, `DROP TABLE statements`, `ALTER TABLE statements_next RENAME TO statements`)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, spansFTSTriggers()); err != nil {
		return fmt.Errorf("statement index triggers: %w", err)
	}
	return nil
}
