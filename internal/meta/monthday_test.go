package meta

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"time"
)

// monthDayRef is the regular expression nextMonthDay replaces; the tests
// hold the scanner to it match for match.
var monthDayRef = regexp.MustCompile(`\b` + reMonth + `\s+(\d{1,2})\b|\b(\d{1,2})\s+` + reMonth + `\b`)

type monthDay struct {
	mo       time.Month
	day, end int
}

func refMonthDays(text string) []monthDay {
	var out []monthDay
	for _, m := range monthDayRef.FindAllStringSubmatchIndex(text, -1) {
		var mo time.Month
		var d int
		if m[2] >= 0 {
			mo, d = MonthByName(text[m[2]:m[3]]), atoi(text[m[4]:m[5]])
		} else {
			mo, d = MonthByName(text[m[8]:m[9]]), atoi(text[m[6]:m[7]])
		}
		out = append(out, monthDay{mo, d, m[1]})
	}
	return out
}

func scanMonthDays(text string) []monthDay {
	var out []monthDay
	for i := 0; i < len(text); {
		mo, d, end, ok := nextMonthDay(text, i)
		if !ok {
			break
		}
		out = append(out, monthDay{mo, d, end})
		i = end
	}
	return out
}

func equalMonthDays(a, b []monthDay) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestNextMonthDayMatchesRegexp(t *testing.T) {
	cases := []string{
		"On January 26 the talks resumed; on 27 January they stalled.",
		"Jan. 5, Feb 6, Mar.7, 8 Apr., 9 Apr.x, 10 Sept. 11, Sept 12, Sep. 13, 14 Sep",
		"May 3 May. 4 June 5 Jun 6 July 7 Jul. 8 Mayor 9 3 Mayday",
		"January 263 and 26th January, xJanuary 5, 5January, _5 March, March 5_",
		"26 January 2021 and January 26 February 3 and 3 February 4 March",
		"12\t\nDecember, December\r\f31, Dec 1, 1 Dec, 01 Nov., Nov.\n02",
		"éJanuary 5 and 5 Januaryé and «3 March» and JANUARY 5 and january 5",
		"2 Jan.2021, 3 Jan._, 4 Jan.", "", "January", "5", "January ", "5 ",
		"March 1 2 March 3 April",
	}
	for _, c := range cases {
		want, got := refMonthDays(c), scanMonthDays(c)
		if !equalMonthDays(got, want) {
			t.Errorf("%q:\nscanner %v\nregexp  %v", c, got, want)
		}
	}
	// A case that must find something, so that the comparison is not of
	// two empty lists.
	if got := scanMonthDays("on Jan. 26 and 3 March"); len(got) != 2 || got[0] != (monthDay{time.January, 26, 10}) || got[1].mo != time.March {
		t.Errorf("scanner found %v", got)
	}
}

func FuzzNextMonthDay(f *testing.F) {
	for _, s := range []string{"On January 26", "26 Jan. and Sept.3", "Dec 1 1 Dec", "May 31 June 1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if want, got := refMonthDays(s), scanMonthDays(s); !equalMonthDays(got, want) {
			t.Errorf("%q:\nscanner %v\nregexp  %v", s, got, want)
		}
	})
}

func BenchmarkAssumedAnchor(b *testing.B) {
	para := "WASHINGTON — Negotiators met on January 26 and again on Feb. 3, officials said on Friday, " +
		"after a round that began on December 17, 2030 ended without a text. Talks resume on 9 March. "
	text := strings.Repeat(para, 40)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, ok := AssumedAnchor(text); !ok {
			b.Fatal("no anchor")
		}
	}
}

// TestNextMonthDayRandom compares scanner and regexp on strings built from
// the pieces that matter (month spellings, digits, dots, spaces, word
// characters), from a fixed seed.
func TestNextMonthDayRandom(t *testing.T) {
	pieces := []string{"January", "Jan", "Sept", "Sep", "May", "June", "Jun", "December", "Dec", "March",
		".", ". ", " ", "  ", "\n", "\t", "\v", "1", "26", "263", "0", "_", "x", "é", ",", "th", "-"}
	r := rand.New(rand.NewPCG(1, 2))
	var sb strings.Builder
	for range 20000 {
		sb.Reset()
		for range 1 + r.IntN(12) {
			sb.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := sb.String()
		if want, got := refMonthDays(s), scanMonthDays(s); !equalMonthDays(got, want) {
			t.Fatalf("%q:\nscanner %v\nregexp  %v", s, got, want)
		}
	}
}
