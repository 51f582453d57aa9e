package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/parley-news/parley/internal/article"
)

// The "statement codes" migration (issue 9: fewer bytes per article). A
// statement row spelt its kind ("indirect") and its date basis
// ("relative") in full: 14 bytes of ≈ 75 a row, in every one of a store's
// statements (≈ 9 an article in the bench corpus). The values the
// pipeline writes are a handful, so the row now holds one character for
// each known value (kindCodes, basisCodes). A value the tables do not know
// (a correction, a newer pipeline) is kept as it is, so nothing is lost and
// no table has to be complete; one that could be read as a code (a single
// character, or one starting with the escape "=") is kept behind "=".
// Reads turn the codes back into the words; the PostgreSQL store keeps the
// words.

// codeTable maps the known values of a column to one character each.
type codeTable []struct{ value, code string }

var (
	kindCodes = codeTable{
		{article.Direct, "d"}, {article.Indirect, "i"}, {article.Mixed, "m"},
	}
	basisCodes = codeTable{
		{article.DateStated, "s"}, {article.DateRelative, "r"}, {article.DateEvent, "e"},
		{article.DatePublication, "p"}, {article.DateNone, "n"},
	}
)

// eventCodes are the event types (PLOVER's sixteen and Parley's PUBLISH,
// internal/events) as capital letters, for events.type and events_date: an
// event row spelt its type ("COOPERATE") in the row and again in the
// index ("event codes" migration).
var eventCodes = func() codeTable {
	var t codeTable
	for i, v := range []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
		"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "PUBLISH"} {
		t = append(t, struct{ value, code string }{v, string(rune('A' + i))})
	}
	return t
}()

// eventCodesSQL is the "event codes" migration: every event's type as its
// code, events_date rebuilt over them (dropped first: rebuilt once rather
// than kept in step row by row). No trigger follows events.type.
func eventCodesSQL() string {
	return `
DROP INDEX events_date;
UPDATE events SET type = ` + eventCodes.sqlCase("type") + `;
CREATE INDEX events_date ON events(date, type);
`
}

// codeEscape marks a stored value that is not a code.
const codeEscape = "="

// encode is the stored form of v.
func (t codeTable) encode(v string) string {
	for _, x := range t {
		if x.value == v {
			return x.code
		}
	}
	if len(v) == 1 || strings.HasPrefix(v, codeEscape) {
		return codeEscape + v
	}
	return v
}

// decode is the value stored as s (encode's inverse).
func (t codeTable) decode(s string) string {
	if len(s) == 1 {
		for _, x := range t {
			if x.code == s {
				return x.value
			}
		}
		return s
	}
	return strings.TrimPrefix(s, codeEscape)
}

// sqlCase is SQL mapping column's stored words to their codes, for the
// migration; it is encode in SQL.
func (t codeTable) sqlCase(column string) string {
	var b strings.Builder
	b.WriteString("CASE " + column)
	for _, x := range t {
		fmt.Fprintf(&b, " WHEN '%s' THEN '%s'", x.value, x.code)
	}
	fmt.Fprintf(&b, " WHEN '' THEN '' ELSE CASE WHEN length(CAST(%[1]s AS BLOB)) = 1 OR substr(%[1]s, 1, 1) = '%[2]s' THEN '%[2]s' || %[1]s ELSE %[1]s END END", column, codeEscape)
	return b.String()
}

// rareKindCodeCond is the condition of statements_kind_rare over the codes:
// the rows whose kind is not one of commonKinds (migrations.go).
func rareKindCodeCond() string {
	codes := make([]string, len(commonKinds))
	for i, k := range commonKinds {
		codes[i] = kindCodes.encode(k)
	}
	return "kind NOT IN ('" + strings.Join(codes, "', '") + "')"
}

// codesMigration writes every statement's kind and date basis as codes.
// The update names no column an aggregate or the full-text index follows,
// and it changes no value a reader sees, so the dossier's change log
// (link_log_statements_au, which would log every article again) is set
// aside while it runs and created again as it was. The kind index is
// rebuilt over the codes.
func codesMigration(ctx context.Context, tx *sql.Tx) error {
	var logTrigger string
	err := tx.QueryRowContext(ctx, `SELECT coalesce((SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'link_log_statements_au'), '')`).Scan(&logTrigger)
	if err != nil {
		return fmt.Errorf("read the change log trigger: %w", err)
	}
	steps := []string{`DROP INDEX IF EXISTS statements_kind_rare`}
	if logTrigger != "" {
		steps = append(steps, `DROP TRIGGER link_log_statements_au`)
	}
	steps = append(steps,
		`UPDATE statements SET kind = `+kindCodes.sqlCase("kind")+`, date_basis = `+basisCodes.sqlCase("date_basis"),
		`CREATE INDEX statements_kind_rare ON statements(kind, eff_date DESC, article_id DESC, seq) WHERE `+rareKindCodeCond())
	if logTrigger != "" {
		steps = append(steps, logTrigger)
	}
	for _, q := range steps {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("statement codes: %w", err)
		}
	}
	return nil
}
