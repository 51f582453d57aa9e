package timex

import (
	"strconv"
	"testing"
)

// parseDayRef is parseDay as it was, on strconv.Atoi alone: the fast paths
// must agree with it.
func parseDayRef(v string) (civil, bool) {
	if len(v) < 10 || v[4] != '-' || v[7] != '-' {
		return civil{}, false
	}
	if len(v) > 10 && v[10] != 'T' {
		return civil{}, false
	}
	y, err1 := strconv.Atoi(v[:4])
	mo, err2 := strconv.Atoi(v[5:7])
	d, err3 := strconv.Atoi(v[8:10])
	if err1 != nil || err2 != nil || err3 != nil || !validDate(y, mo, d) {
		return civil{}, false
	}
	return civil{y, mo, d}, true
}

func TestParseDayFastPath(t *testing.T) {
	for _, v := range []string{
		"2024-02-29", "2023-02-29", "2025-13-01", "2025-00-10", "2025-04-31",
		"XXXX-12-25", "2025-+1-05", "+025-01-05", "2025-1--05", "2025-12-31T10:00",
		"2025-12-31X", "2025-W05-1", "PRESENT_REF", "",
	} {
		got, ok := parseDay(v)
		want, wok := parseDayRef(v)
		if got != want || ok != wok {
			t.Errorf("parseDay(%q) = %v, %v; want %v, %v", v, got, ok, want, wok)
		}
	}
}

func FuzzParseDay(f *testing.F) {
	f.Add("2024-02-29")
	f.Add("XXXX-12-25")
	f.Fuzz(func(t *testing.T, v string) {
		got, ok := parseDay(v)
		want, wok := parseDayRef(v)
		if got != want || ok != wok {
			t.Errorf("parseDay(%q) = %v, %v; want %v, %v", v, got, ok, want, wok)
		}
	})
}
