package article

import (
	"testing"
	"time"
)

// ParseDay must agree with time.Parse("2006-01-02", s) on every input.
func TestParseDayMatchesTimeParse(t *testing.T) {
	for _, s := range []string{
		"2024-02-29", "2023-02-29", "1900-02-29", "2000-02-29", "2025-04-31",
		"2025-12-31", "2025-13-01", "2025-00-10", "2025-01-00", "2025-1-010",
		"XXXX-03-05", "2025-W05", "2025-03", "2025-03-05T10", "+025-03-05",
		"0000-01-01", "2025-06-15", "2025/06/15", "",
	} {
		want, err := time.Parse("2006-01-02", s)
		got, ok := ParseDay(s)
		if ok != (err == nil) || (ok && !got.Equal(want)) {
			t.Errorf("ParseDay(%q) = %v, %v; time.Parse: %v, %v", s, got, ok, want, err)
		}
	}
}

func FuzzParseDay(f *testing.F) {
	f.Add("2024-02-29")
	f.Add("2025-13-01")
	f.Fuzz(func(t *testing.T, s string) {
		want, err := time.Parse("2006-01-02", s)
		got, ok := ParseDay(s)
		if ok != (err == nil) || (ok && !got.Equal(want)) {
			t.Errorf("ParseDay(%q) = %v, %v; time.Parse: %v, %v", s, got, ok, want, err)
		}
	})
}
