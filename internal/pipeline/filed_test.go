package pipeline

import (
	"testing"
	"time"

	"github.com/parley-news/parley/internal/meta"
)

// A dateline one to three days before the publication stamp dates a
// same-day report's statements; the same day, a later one, or one a week
// back does not.
func TestFiledDay(t *testing.T) {
	pub := time.Date(2031, 1, 2, 6, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		month time.Month
		day   int
		want  string
	}{
		{time.January, 1, "2031-01-01"},
		{time.December, 31, "2030-12-31"},
		{time.December, 30, "2030-12-30"},
		{time.January, 2, ""},
		{time.January, 3, ""},
		{time.December, 20, ""},
	} {
		got := filedDay(&meta.Dateline{Month: c.month, Day: c.day}, pub)
		if s := ""; !got.IsZero() {
			s = got.Format("2006-01-02")
			if s != c.want {
				t.Errorf("%v %d: %s, want %q", c.month, c.day, s, c.want)
			}
		} else if c.want != "" {
			t.Errorf("%v %d: none, want %s", c.month, c.day, c.want)
		}
	}
	if !filedDay(nil, pub).IsZero() {
		t.Error("no dateline, a day")
	}
}
