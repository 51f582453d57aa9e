package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strings"

	"github.com/parley-news/parley/internal/store"
)

// Statement dates as integers (issue 9: bytes per article). A statement's
// eff_date, the date every list sorts and filters statements by, was
// stored as text ("2031-02-03", ten bytes and a header byte) in the row
// and again in statements_newest: at a million synthetic articles 9.3
// statements an article, ≈ 190 bytes an article for the dates alone.
// Since the "integer dates" migration it is the integer YYYYMMDD (four
// bytes; 20310203), with a month-only day YYYYMM00, a year-only one
// YYYY0000 and no date 0. The integers sort as the text sorted (a period
// before the days inside it, no date first), so every index and every
// comparison keeps its order; they read as the date they are in the
// sqlite3 shell. The actors' and speaker forms' first and last dates
// (actor_stats, actor_forms), which the triggers compare with eff_date and
// set from it, are integers of the same form.
//
// store.Day makes every date one of "YYYY", "YYYY-MM", "YYYY-MM-DD" or ""
// (with a year from 0001: 0000 alone would be the integer of no date).
// The said date (statements.date, NULL when it is the effective one) stays
// text: it is read, never sorted or compared.

// dayInt is the integer form of a store day ("" and anything that is not
// a day: 0).
func dayInt(d string) int64 {
	if d == "" || store.Day(d) != d {
		return 0
	}
	num := func(s string) int64 {
		var n int64
		for i := 0; i < len(s); i++ {
			n = n*10 + int64(s[i]-'0')
		}
		return n
	}
	n := num(d[0:4]) * 10000
	if len(d) >= 7 {
		n += num(d[5:7]) * 100
	}
	if len(d) == 10 {
		n += num(d[8:10])
	}
	return n
}

// dayText is the store day of an integer dayInt made (0 and anything out
// of range: "").
func dayText(n int64) string {
	if n <= 0 || n > 99999999 {
		return ""
	}
	y, m, d := n/10000, n/100%100, n%100
	switch {
	case y == 0 || m > 12 || d > 31 || (m == 0 && d != 0):
		return ""
	case m == 0:
		return fmt.Sprintf("%04d", y)
	case d == 0:
		return fmt.Sprintf("%04d-%02d", y, m)
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

// dayEnd is the last integer inside the period n names: a year's and a
// month's run to their 99th month or day, so that every day inside sorts
// before it.
func dayEnd(n int64) int64 {
	switch {
	case n%10000 == 0:
		return n + 9999
	case n%100 == 0:
		return n + 99
	}
	return n
}

// dayScan reads a date column into a store day: an integer (dayInt's) or
// text (a store written before the "integer dates" migration, a said
// date).
type dayScan struct{ p *string }

func (d dayScan) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d.p = ""
	case int64:
		*d.p = dayText(v)
	case string:
		*d.p = v
	case []byte:
		*d.p = string(v)
	default:
		return fmt.Errorf("date of type %T", src)
	}
	return nil
}

// dayRange is dateRange for a column of integer days: a row is kept when
// the period its date covers overlaps [from, to] (both "YYYY", "YYYY-MM",
// "YYYY-MM-DD" or ""). Dates from the start of from on are kept, and so
// are the year and the month that hold from; the first condition is a
// range SQLite seeks to in an index.
func (w *where) dayRange(col, from, to string) {
	if from == "" && to == "" {
		return
	}
	w.add(col + " > 0")
	if f := dayInt(from); f > 0 {
		year, month := f/10000*10000, f/100*100
		w.add(col+" >= ?", year)
		w.add("("+col+" >= ? OR "+col+" IN (?, ?))", f, year, month)
	}
	if t := dayInt(to); t > 0 {
		w.add(col+" <= ?", dayEnd(t))
	}
}

// intDatesStatementsSQL is the statements table rebuilt with eff_date an
// integer, named statements_next until it is renamed into place.
var intDatesStatementsSQL = `
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
	-- eff_date: date, else the article's published_day, as an integer
	-- YYYYMMDD (days.go); what date filters and lists use.
	eff_date    INTEGER NOT NULL DEFAULT 0,
	-- spans: the four spans packed (spans.go).
	spans       BLOB NOT NULL,
	UNIQUE (article_id, seq)
);
INSERT INTO statements_next (id, article_id, seq, actor_id, form, kind, cue, text, from_body, date, date_basis, eff_date, spans)
	SELECT id, article_id, seq, actor_id, form, kind, cue, text, from_body, date, date_basis, ` + dayIntSQL("eff_date") + `, spans
	FROM statements ORDER BY id;
CREATE TABLE actor_stats_next (
	actor_id   INTEGER PRIMARY KEY REFERENCES actors(id) ON DELETE CASCADE,
	-- name mirrors actors.name, for the ranking index.
	name       TEXT NOT NULL COLLATE NOCASE,
	statements INTEGER NOT NULL DEFAULT 0,
	mentions   INTEGER NOT NULL DEFAULT 0,
	-- first_date, last_date: integer days (days.go).
	first_date INTEGER NOT NULL DEFAULT 0,
	last_date  INTEGER NOT NULL DEFAULT 0
);
INSERT INTO actor_stats_next (actor_id, name, statements, mentions, first_date, last_date)
	SELECT actor_id, name, statements, mentions, ` + dayIntSQL("first_date") + `, ` + dayIntSQL("last_date") + `
	FROM actor_stats ORDER BY actor_id;
CREATE TABLE actor_forms_next (
	actor_id   INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
	form       INTEGER NOT NULL REFERENCES forms(id),
	n          INTEGER NOT NULL DEFAULT 0,
	-- first_date, last_date: integer days (days.go).
	first_date INTEGER NOT NULL DEFAULT 0,
	last_date  INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (actor_id, form)
) WITHOUT ROWID;
INSERT INTO actor_forms_next (actor_id, form, n, first_date, last_date)
	SELECT actor_id, form, n, ` + dayIntSQL("first_date") + `, ` + dayIntSQL("last_date") + `
	FROM actor_forms;
`

// dayIntSQL is dayInt in SQL, for a column of store days: the digits,
// padded with zeros to eight ("2031-02" is 20310200; "" is 0).
func dayIntSQL(col string) string {
	return "CAST(substr(replace(" + col + ", '-', '') || '0000', 1, 8) AS INTEGER)"
}

// intDateRewrites turn the triggers' SQL over text dates into SQL over
// integer ones: no date was the empty string, it is 0. Each is an exact phrase the
// trigger generators (aggregates.go) write.
var intDateRewrites = strings.NewReplacer(
	"eff_date <> ''", "eff_date <> 0",
	"first_date <> ''", "first_date <> 0",
	"first_date = ''", "first_date = 0",
	"LIMIT 1), '')", "LIMIT 1), 0)",
	"count(*), '', ''", "count(*), 0, 0",
)

// textDateLeft finds what intDateRewrites should have rewritten: an
// empty string anywhere but in the outlet conditions.
var textDateLeft = regexp.MustCompile(`[^\n]{0,40}''[^\n]{0,10}`)

// intDateTriggerSQL rewrites one trigger for integer dates; a trigger with
// an empty string left outside the outlet conditions is an error, not a
// guess, so a trigger this does not know stops the migration.
func intDateTriggerSQL(name, sqlText string) (string, error) {
	out := intDateRewrites.Replace(sqlText)
	for _, m := range textDateLeft.FindAllString(out, -1) {
		if !strings.Contains(m, "outlet <> ''") {
			return "", fmt.Errorf("trigger %s: %q left after the rewrite", name, strings.TrimSpace(m))
		}
	}
	return out, nil
}

// intDatesMigration is the "integer dates" migration: statements,
// actor_stats and actor_forms rebuilt with integer dates, their indexes
// created again, and every trigger that names one of them created again
// with its dates rewritten (intDateTriggerSQL).
func intDatesMigration(ctx context.Context, tx *sql.Tx) error {
	return rebuildTables(ctx, tx, `type = 'index' AND tbl_name IN ('statements', 'actor_stats', 'actor_forms')
		OR type = 'trigger' AND (tbl_name IN ('statements', 'actor_stats', 'actor_forms')
			OR sql LIKE '%statements%' OR sql LIKE '%actor_stats%' OR sql LIKE '%actor_forms%')`,
		intDateTriggerSQL,
		intDatesStatementsSQL,
		`DROP TABLE statements`, `ALTER TABLE statements_next RENAME TO statements`,
		`DROP TABLE actor_stats`, `ALTER TABLE actor_stats_next RENAME TO actor_stats`,
		`DROP TABLE actor_forms`, `ALTER TABLE actor_forms_next RENAME TO actor_forms`)
}
