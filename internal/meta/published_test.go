package meta

import (
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestDecide(t *testing.T) {
	jan26 := &Dateline{Place: "Moscow", Month: time.January, Day: 26}
	tests := []struct {
		name      string
		ev        Evidence
		want      string
		basis     string
		needsYear bool
	}{
		{"given date wins", Evidence{Given: day("2022-02-01"), GivenBasis: "input", Dateline: jan26}, "2022-02-01", "input", false},
		{"given date-time keeps its time", Evidence{Given: time.Date(2022, 2, 1, 9, 30, 0, 0, time.UTC), GivenTime: true, GivenBasis: "feed"}, "2022-02-01T09:30:00Z", "feed", false},
		{"dateline with year", Evidence{Dateline: &Dateline{Month: 3, Day: 12, Year: 2022}}, "2022-03-12", "dateline", false},
		{"year hint", Evidence{Dateline: jan26, YearHint: 2023}, "2023-01-26", "dateline+year-hint", false},
		{"stamp on the same day", Evidence{Dateline: jan26, Stamps: []time.Time{day("2021-05-01"), day("2022-01-26")}}, "2022-01-26", "dateline+year-stamp", false},
		{"text date of the previous December", Evidence{Dateline: jan26, TextDates: []time.Time{day("2021-12-17")}}, "2022-01-26", "dateline+year-text", false},
		{"text date earlier the same year", Evidence{Dateline: jan26, TextDates: []time.Time{day("2022-01-03"), day("2019-06-01")}}, "2022-01-26", "dateline+year-text", false},
		{"nothing tells the year", Evidence{Dateline: jan26}, "", "", true},
		{"latest stamp above the body", Evidence{Stamps: []time.Time{day("2022-01-13"), day("2022-02-20")}}, "2022-02-20", "date-stamp", false},
		{"nothing at all", Evidence{}, "", "", false},
		{"31 February is no date", Evidence{Dateline: &Dateline{Month: 2, Day: 31, Year: 2022}}, "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Decide(tt.ev)
			if d.Published != tt.want || d.Basis != tt.basis || d.NeedsYear != tt.needsYear {
				t.Errorf("Decide = %+v, want %q %q needsYear=%v", d, tt.want, tt.basis, tt.needsYear)
			}
		})
	}
}

func TestResolveYear(t *testing.T) {
	d := Decision{NeedsYear: true, Month: time.December, Day: 17}
	got, ok := ResolveYear(d, []time.Time{day("2022-01-13"), day("2022-01-26"), day("2022-02-20")})
	if !ok || got.Published != "2021-12-17" || got.Basis != "dateline+year-corpus" {
		t.Errorf("ResolveYear = %+v %v, want 2021-12-17 from the corpus", got, ok)
	}
	if _, ok := ResolveYear(d, nil); ok {
		t.Error("ResolveYear with an empty corpus must not decide")
	}
}

func TestDateStampsAndTextDates(t *testing.T) {
	st := DateStamps("- Example Wire, 1920, 20.02.2022 and 2021-12-01; 31.02.2022 is no date")
	if len(st) != 2 || !st[0].Equal(day("2022-02-20")) || !st[1].Equal(day("2021-12-01")) {
		t.Errorf("DateStamps = %v", st)
	}
	td := TextDates("On December 17, 2021, it began; on 3 March 2022 it ended; Dec. 5, 2020 too. In May 2021 nothing.")
	want := []string{"2021-12-17", "2022-03-03", "2020-12-05"}
	if len(td) != len(want) {
		t.Fatalf("TextDates = %v, want %v", td, want)
	}
	for i, w := range want {
		if !td[i].Equal(day(w)) {
			t.Errorf("TextDates[%d] = %v, want %s", i, td[i], w)
		}
	}
}

func TestLanguage(t *testing.T) {
	for text, want := range map[string]string{
		"The minister said that the talks were not over and that he was ready to meet.":   "en",
		"Министр заявил, что переговоры не закончены и что он готов к встрече.":           "ru",
		"Le ministre a dit que les négociations ne sont pas terminées et qu'il est prêt.": "fr",
		"12345 67890": "",
	} {
		if got := Language(text); got != want {
			t.Errorf("Language(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestAssumedAnchor(t *testing.T) {
	tests := []struct {
		text string
		want string
		ok   bool
	}{
		{"The drafts came out on December 17, 2021. On January 26, the answers were delivered. On Friday he spoke.", "2022-01-30", true},
		{"On 3 March 2031 the talks opened.", "2031-03-09", true}, // Monday → that Sunday
		{"It happened on Sunday, 9 March 2031.", "2031-03-09", true},
		{"On January 26 the answers came.", "", false},
		{"Nothing dated here.", "", false},
	}
	for _, tt := range tests {
		got, ok := AssumedAnchor(tt.text)
		if ok != tt.ok || (ok && got.Format("2006-01-02") != tt.want) {
			t.Errorf("AssumedAnchor(%q) = %v %v, want %s %v", tt.text, got.Format("2006-01-02"), ok, tt.want, tt.ok)
		}
	}
}
