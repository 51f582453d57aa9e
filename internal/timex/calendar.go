package timex

import (
	"strconv"
	"time"
)

// Calendar arithmetic and TIMEX3 value formatting. Everything works on
// civil dates in UTC; the anchor's clock time is ignored.

// civil is a calendar date.
type civil struct{ y, m, d int }

func civilOf(t time.Time) civil {
	y, m, d := t.Date()
	return civil{y, int(m), d}
}

func (c civil) time() time.Time { return time.Date(c.y, time.Month(c.m), c.d, 0, 0, 0, 0, time.UTC) }

// addDays normalises through time.Date, so month and year overflow is handled.
func (c civil) addDays(n int) civil {
	return civilOf(time.Date(c.y, time.Month(c.m), c.d+n, 0, 0, 0, 0, time.UTC))
}

// weekday returns 1..7 for Monday..Sunday.
func (c civil) weekday() int {
	w := int(c.time().Weekday())
	if w == 0 {
		return 7
	}
	return w
}

func (c civil) before(o civil) bool {
	if c.y != o.y {
		return c.y < o.y
	}
	if c.m != o.m {
		return c.m < o.m
	}
	return c.d < o.d
}

func validDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	return d <= daysIn(y, m)
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// nthWeekday gives the day of month of the n-th ISO weekday wd (1=Mon) in y-m.
func nthWeekday(y, m, wd, n int) int {
	first := civil{y, m, 1}.weekday()
	d := 1 + (wd-first+7)%7
	return d + 7*(n-1)
}

// lastWeekday gives the day of month of the last ISO weekday wd in y-m.
func lastWeekday(y, m, wd int) int {
	last := daysIn(y, m)
	lw := civil{y, m, last}.weekday()
	return last - (lw-wd+7)%7
}

// easter is the Gregorian computus (anonymous algorithm).
func easter(y int) (int, int) {
	a := y % 19
	b := y / 100
	c := y % 100
	d := b / 4
	e := b % 4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i := c / 4
	k := c % 4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return month, day
}

func pad(b []byte, n, width int) []byte {
	if n < 0 {
		n = -n
		b = append(b, '-')
	}
	s := strconv.Itoa(n)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

func fmtYear(y int) string { return string(pad(nil, y, 4)) }

func fmtMonth(y, m int) string {
	b := pad(make([]byte, 0, 7), y, 4)
	b = append(b, '-')
	return string(pad(b, m, 2))
}

func fmtDate(c civil) string {
	b := pad(make([]byte, 0, 10), c.y, 4)
	b = append(b, '-')
	b = pad(b, c.m, 2)
	b = append(b, '-')
	return string(pad(b, c.d, 2))
}

// fmtWeek writes ISO weeks without zero padding ("2000-W7"), the form the
// TempEval-3 / TimeBank gold uses; DateOf accepts both forms.
func fmtWeek(c civil) string {
	y, w := c.time().ISOWeek()
	b := pad(make([]byte, 0, 8), y, 4)
	b = append(b, "-W"...)
	return string(strconv.AppendInt(b, int64(w), 10))
}

// addMonths shifts a year-month by n months.
func addMonths(y, m, n int) (int, int) {
	t := y*12 + (m - 1) + n
	return t / 12, t%12 + 1
}

// seasonOf gives the season index (1 SP, 2 SU, 3 FA, 4 WI) of a month;
// December to February is winter, counted with the year it starts in.
func seasonOf(m int) int {
	switch {
	case m >= 3 && m <= 5:
		return 1
	case m >= 6 && m <= 8:
		return 2
	case m >= 9 && m <= 11:
		return 3
	}
	return 4
}

var seasonCodes = [...]string{"", "SP", "SU", "FA", "WI"}

// durationValue formats "P3D", "PT5H", "PXY" ... n < 0 means unspecified.
// Fractions are carried to the next smaller unit where one exists.
func durationValue(n float64, unit int8) string {
	var code string
	timePart := false
	mult := 1.0
	switch unit {
	case uSecond:
		code, timePart = "S", true
	case uMinute:
		code, timePart = "M", true
	case uHour:
		code, timePart = "H", true
	case uDay, uNight:
		code = "D"
	case uWeek:
		code = "W"
	case uFortnight:
		code, mult = "W", 2
	case uMonth:
		code = "M"
	case uYear:
		code = "Y"
	case uDecade:
		code, mult = "Y", 10
	case uCentury:
		code, mult = "Y", 100
	case uQuarter:
		code, mult = "M", 3
	case uWeekend:
		code, mult = "D", 2
	default:
		return ""
	}
	b := []byte{'P'}
	if timePart {
		b = append(b, 'T')
	}
	if n < 0 {
		b = append(b, 'X')
		return string(append(b, code...))
	}
	v := n * mult
	if v == float64(int(v)) {
		b = strconv.AppendInt(b, int64(v), 10)
		return string(append(b, code...))
	}
	// a fraction: "5 1/2 hours" -> PT5H30M, "a day and a half" -> P1DT12H
	whole := int(v)
	frac := v - float64(whole)
	switch unit {
	case uHour:
		return "PT" + strconv.Itoa(whole) + "H" + strconv.Itoa(int(frac*60+0.5)) + "M"
	case uDay:
		return "P" + strconv.Itoa(whole) + "DT" + strconv.Itoa(int(frac*24+0.5)) + "H"
	case uMinute:
		return "PT" + strconv.Itoa(whole) + "M" + strconv.Itoa(int(frac*60+0.5)) + "S"
	}
	b = strconv.AppendFloat(b, v, 'f', -1, 64)
	return string(append(b, code...))
}

// daysApart is the number of days between a and b, whichever comes first.
func daysApart(a, b civil) int {
	n := int(a.time().Sub(b.time()).Hours() / 24)
	if n < 0 {
		return -n
	}
	return n
}
