package sqlite

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/parley-news/parley/internal/store"
)

// someDays are store days of every form, around period edges.
var someDays = []string{"", "0001", "0999-12-31", "1999", "1999-12", "1999-12-31", "2000", "2000-01", "2000-01-01", "2000-01-31",
	"2000-02", "2000-02-01", "2000-02-29", "2000-12", "2000-12-31", "2001", "2001-01-01", "2022-03", "2022-03-05", "9999-12-31"}

// TestDays: every store day round-trips through its integer, the integers
// sort as the text does, and what is not a store day is 0.
func TestDays(t *testing.T) {
	for _, d := range someDays {
		if got := dayText(dayInt(d)); got != d {
			t.Errorf("%q → %d → %q", d, dayInt(d), got)
		}
		if d != store.Day(d) {
			t.Errorf("%q is not a store day", d)
		}
	}
	byText := slices.Clone(someDays)
	slices.Sort(byText)
	byInt := slices.Clone(someDays)
	slices.SortFunc(byInt, func(a, b string) int { return int(dayInt(a) - dayInt(b)) })
	if !slices.Equal(byText, byInt) {
		t.Errorf("orders differ:\ntext %q\n int %q", byText, byInt)
	}
	for _, bad := range []string{"0000", "0000-01-01", "2022-13", "2022-00-01", "2022-1-01", "20220301", "2022-03-+1", "-022", "2022-03-05T10:00"} {
		if n := dayInt(bad); n != 0 {
			t.Errorf("dayInt(%q) = %d for a string that is no store day", bad, n)
		}
	}
	for _, n := range []int64{-1, 0, 1, 100, 20220001, 20221300, 20220332, 100000000} {
		if d := dayText(n); d != "" && dayInt(d) != n {
			t.Errorf("dayText(%d) = %q, which is %d", n, d, dayInt(d))
		}
	}
}

// TestDayRange: over integer days, dayRange keeps exactly the rows that
// dateRange keeps over the same days as text, for every pair of bounds.
func TestDayRange(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	conn, err := s.write.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `CREATE TEMP TABLE days(txt TEXT NOT NULL, n INTEGER NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	for _, d := range someDays {
		if _, err := conn.ExecContext(ctx, `INSERT INTO days VALUES (?, ?)`, d, dayInt(d)); err != nil {
			t.Fatal(err)
		}
	}
	kept := func(w where) []string {
		rows, err := conn.QueryContext(ctx, `SELECT txt FROM days`+w.String()+` ORDER BY txt`, w.args...)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var d string
			if err := rows.Scan(&d); err != nil {
				t.Fatal(err)
			}
			out = append(out, d)
		}
		return out
	}
	bounds := append(slices.Clone(someDays), "2000-01-15", "2022", "2022-02", "2022-03-06")
	checked := 0
	for _, from := range bounds {
		for _, to := range bounds {
			var text, ints where
			text.dateRange("txt", from, to)
			ints.dayRange("n", from, to)
			want, got := kept(text), kept(ints)
			if !slices.Equal(want, got) {
				t.Errorf("from %q to %q: integer days keep %q, text days %q", from, to, got, want)
			}
			if len(want) > 0 && len(want) < len(someDays)-1 {
				checked++
			}
		}
	}
	if checked < 100 {
		t.Errorf("only %d ranges kept some rows but not all", checked)
	}
	// The first condition on the column is a range an index can seek to.
	var w where
	w.dayRange("s.eff_date", "2022-03", "")
	if !strings.Contains(strings.Join(w.conds, " AND "), "s.eff_date >= ?") {
		t.Errorf("conditions %q", w.conds)
	}
}
