package cli

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// table is rows to print as a terminal table, CSV or JSON.
type table struct {
	header []string
	rows   [][]string
	// values are the rows as JSON values, one per row.
	values []any
}

// validFormat reports whether f is an output format.
func validFormat(f string) bool { return f == "table" || f == "json" || f == "csv" }

// write prints t in format f ("table", "json" or "csv").
func (t *table) write(w io.Writer, f string) error {
	switch f {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		vals := t.values
		if vals == nil {
			vals = []any{}
		}
		return enc.Encode(vals)
	case "csv":
		cw := csv.NewWriter(w)
		if err := cw.Write(t.header); err != nil {
			return err
		}
		for _, r := range t.rows {
			cells := make([]string, len(r))
			for i, c := range r {
				cells[i] = csvCell(c)
			}
			if err := cw.Write(cells); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	}
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(t.header, "\t"))
	for _, r := range t.rows {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = shorten(escapeControl(strings.Join(strings.Fields(c), " ")), 70)
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	return tw.Flush()
}

// shorten cuts s to n runes with an ellipsis.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// csvCell neutralises a cell a spreadsheet would read as a formula (one
// starting with =, +, -, @, a tab or a carriage return: CSV injection) by
// putting an apostrophe before it, which spreadsheets show as text.
func csvCell(c string) string {
	if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
		return "'" + c
	}
	return c
}
