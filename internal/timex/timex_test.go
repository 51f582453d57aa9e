package timex

import (
	"fmt"
	"github.com/parley-news/parley/internal/golden"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// want is one expected expression: its text and value (and type when set).
type want struct{ text, value, typ string }

func TestTag(t *testing.T) {
	// 2022-01-26 is a Wednesday.
	const wed = "2022-01-26"
	cases := []struct {
		name, anchor, text string
		want               []want
	}{
		{"weekday past", wed, "The envoys met on Monday in Geneva.", []want{{"Monday", "2022-01-24", "DATE"}}},
		{"weekday same day", wed, "The minister said on Wednesday that talks went well.", []want{{"Wednesday", "2022-01-26", "DATE"}}},
		{"weekday future", wed, "The delegations will meet again Friday.", []want{{"Friday", "2022-01-28", "DATE"}}},
		{"weekday said vs will", wed, "She said Tuesday that they will sign the deal.", []want{{"Tuesday", "2022-01-25", ""}}},
		{"day of telling after a place", wed, "Berg told reporters in Oslo on Tuesday the deal would come into force.", []want{{"Tuesday", "2022-01-25", ""}}},
		{"day of saying after a medium", wed, "The company said in a blog post on Tuesday that the rules would cost it $1 billion.", []want{{"Tuesday", "2022-01-25", ""}}},
		{"day inside the content", wed, "Berg said the vote on Friday would be close.", []want{{"Friday", "2022-01-28", ""}}},
		{"weekday quoted future", wed, `"We will be there Thursday," the spokesman said.`, []want{{"Thursday", "2022-01-27", ""}}},
		{"last weekday", wed, "The talks collapsed last Wednesday.", []want{{"last Wednesday", "2022-01-19", ""}}},
		{"this weekday", wed, "The vote is this Friday.", []want{{"this Friday", "2022-01-28", ""}}},
		{"next weekday", wed, "The next round opens next Monday.", []want{{"next Monday", "2022-01-31", ""}}},
		{"weekday night", wed, "Shelling resumed Tuesday night near the border.", []want{{"Tuesday night", "2022-01-25", ""}}},
		{"as soon as", wed, "The group could leave as soon as Saturday.", []want{{"Saturday", "2022-01-29", ""}}},
		{"today yesterday tomorrow", wed, "He spoke yesterday, speaks today and leaves tomorrow.",
			[]want{{"yesterday", "2022-01-25", ""}, {"today", "2022-01-26", ""}, {"tomorrow", "2022-01-27", ""}}},
		{"now", wed, "The two sides are now far apart.", []want{{"now", "PRESENT_REF", "DATE"}}},
		{"the day before yesterday", wed, "He spoke the day before yesterday and leaves the day after tomorrow.",
			[]want{{"the day before yesterday", "2022-01-24", "DATE"}, {"the day after tomorrow", "2022-01-28", "DATE"}}},
		{"live blog stamp", wed, "Live updates\n10:42 GMT - The ministry said talks would resume on Friday.\n10:15 GMT: Talks stalled.",
			[]want{{"10:42 GMT", "2022-01-26T10:42Z", "TIME"}, {"Friday", "2022-01-28", ""}, {"10:15 GMT", "2022-01-26T10:15Z", "TIME"}}},
		{"clock time in a sentence", wed, "Talks will resume on Friday at 10:42 GMT - or so officials hope.",
			[]want{{"Friday", "2022-01-28", ""}, {"10:42 GMT", "2022-01-28T10:42Z", "TIME"}}},
		{"today's event", wed, "Today's vote was close.", []want{{"Today", "2022-01-26", "DATE"}}},
		{"today's generic", wed, "Today's youth read little.", nil},
		{"are to: a plan", wed, "On Thursday, the ministers are to travel to Geneva.", []want{{"Thursday", "2022-01-27", ""}}},
		{"a day before an intention verb", wed, "Farmers on Monday threatened to blockade the port.", []want{{"Monday", "2022-01-24", ""}}},
		{"likely to", wed, "The bank said on Tuesday it was likely to cut rates in March.", []want{{"Tuesday", "2022-01-25", ""}, {"March", "2022-03", ""}}},
		{"planned to: a plan", wed, "The team planned to leave Geneva on Thursday.", []want{{"Thursday", "2022-01-27", ""}}},
		{"weekday's noun looks back", wed, "They said they would look for ways around Tuesday's ruling.", []want{{"Tuesday", "2022-01-25", ""}}},
		{"ahead of a weekday's noun", wed, "Talks went on ahead of Friday's vote.", []want{{"Friday", "2022-01-28", ""}}},
		{"due to: a plan", wed, "The envoy is due to arrive on Monday.", []want{{"Monday", "2022-01-31", ""}}},
		{"last month", wed, "The proposal was sent last month.", []want{{"last month", "2021-12", "DATE"}}},
		{"the same month a year ago", wed, "Sales fell in December, compared to the same month a year ago.", []want{{"December", "2021-12", ""}, {"the same month a year ago", "2020-12", "DATE"}}},
		{"the same period last year", wed, "Profit rose in the fourth quarter from the same period last year.", []want{{"the fourth quarter", "2021-Q4", ""}, {"the same period last year", "2020-Q4", "DATE"}}},
		{"neither could", wed, "Neither he nor his lawyer could be located Monday in their home town.", []want{{"Monday", "2022-01-24", ""}}},
		{"could ahead", wed, "The vote could be held Friday.", []want{{"Friday", "2022-01-28", ""}}},
		{"weekday abbreviations", wed, "He spoke on Tues. and again on Thurs.", []want{{"Tues.", "2022-01-25", ""}, {"Thurs.", "2022-01-20", ""}}},
		{"weekday abbreviations need their dot", wed, "They wed in a quiet ceremony. Fans sat on the grass.", nil},
		{"this past weekend", wed, "The deal was signed this past weekend.", []want{{"this past weekend", "2022-W3-WE", "DATE"}}},
		{"the end of a range", wed, "The strike will run from Monday to Wednesday.", []want{{"Monday", "2022-01-31", ""}, {"Wednesday", "2022-02-02", ""}}},
		{"a full month's dot ends the sentence", wed, "They will meet on 3 March. It will rain.", []want{{"3 March", "2022-03-03", ""}}},
		{"quarter code", wed, "Sales in Q3 beat forecasts, and H1 2021 was weak.", []want{{"Q3", "2021-Q3", "DATE"}, {"H1 2021", "2021-H1", "DATE"}}},
		{"quarter code ahead", wed, "The plant will open in Q2.", []want{{"Q2", "2022-Q2", "DATE"}}},
		{"codes that are no quarters", wed, "The new Audi Q3 has an H1 chip; H1N1 spread.", nil},
		{"the ordinal day after a date", wed, "He spoke on January 14th, and she replied on the 16th.", []want{{"January 14th", "2022-01-14", ""}, {"the 16th", "2022-01-16", "DATE"}}},
		{"the ordinal floor", wed, "He spoke on January 14th from the 16th floor.", []want{{"January 14th", "2022-01-14", ""}}},
		{"earlier this month", wed, "The ministers spoke earlier this month.", []want{{"earlier this month", "2022-01", ""}}},
		{"this week", wed, "Consultations continue this week.", []want{{"this week", "2022-W4", ""}}},
		{"next year", wed, "The treaty expires next year.", []want{{"next year", "2023", ""}}},
		{"last year", wed, "Trade fell last year.", []want{{"last year", "2021", ""}}},
		{"years ago", wed, "The border was drawn two years ago.", []want{{"two years ago", "2020", "DATE"}}},
		{"days ago", wed, "He arrived three days ago.", []want{{"three days ago", "2022-01-23", ""}}},
		{"past weeks duration", wed, "Tension grew over the past three weeks.", []want{{"the past three weeks", "P3W", "DURATION"}}},
		{"full date", wed, "The letter dated December 17, 2021 was published.", []want{{"December 17, 2021", "2021-12-17", "DATE"}}},
		{"on full date", wed, "On December 17, 2021, the proposals were handed over.", []want{{"December 17, 2021", "2021-12-17", ""}}},
		{"abbrev date", wed, "The deadline passed on Dec. 17.", []want{{"Dec. 17", "2021-12-17", ""}}},
		{"day month", wed, "Talks began on 17 December and broke off.", []want{{"17 December", "2021-12-17", ""}}},
		{"dateline", wed, "GENEVA, January 26. The talks opened.", []want{{"January 26", "2022-01-26", ""}}},
		{"month year", wed, "The pact signed in July 1997 still holds.", []want{{"July 1997", "1997-07", ""}}},
		{"bare month past", wed, "Exports collapsed in November.", []want{{"November", "2021-11", ""}}},
		{"bare month future", wed, "A summit will be held in March.", []want{{"March", "2022-03", ""}}},
		{"year", wed, "The alliance was founded in 1949.", []want{{"1949", "1949", "DATE"}}},
		{"decade", wed, "Relations thawed in the 1990s.", []want{{"the 1990s", "199X", ""}}},
		{"slashed date, day first nearer", wed, "Talks resume on 28/01/2022 in Vienna.", []want{{"28/01/2022", "2022-01-28", ""}}},
		{"slashed date, ambiguous, day first nearer", wed, "Talks resume on 10/01/2022 in Vienna.", []want{{"10/01/2022", "2022-01-10", ""}}},
		{"slashed date, ambiguous, month first nearer", wed, "Talks resume on 01/12/2022 in Vienna.", []want{{"01/12/2022", "2022-01-12", ""}}},
		{"early decade", wed, "It began in the early 1990s and the late 1800s.", []want{{"the early 1990s", "199X", ""}, {"the late 1800s", "18", ""}}},
		{"leading zeros no decade", wed, "Codes in the early 0010s and late 0900s.", nil},
		{"mid year", wed, "Production should resume by mid-2022.", []want{{"mid-2022", "2022", ""}}},
		{"late month", wed, "Elections are due in late March.", []want{{"late March", "2022-03", ""}}},
		{"quarter", wed, "Output rose in the first quarter of 2021.", []want{{"the first quarter of 2021", "2021-Q1", ""}}},
		{"season", wed, "Fighting flared last summer.", []want{{"last summer", "2021-SU", ""}}},
		{"clock time", "1998-08-07", "The blast went off at 10:35 a.m. Friday.", []want{{"10:35 a.m. Friday", "1998-08-07T10:35", "TIME"}}},
		{"clock time alone", wed, "The vote was set for 3 p.m. local time.", []want{{"3 p.m. local time", "2022-01-26T15:00", "TIME"}}},
		{"utc", wed, "The market closed at 16:08 UTC.", []want{{"16:08 UTC", "2022-01-26T16:08Z", ""}}},
		{"tonight", wed, "The council meets tonight.", []want{{"tonight", "2022-01-26", ""}}},
		{"durations", wed, "The ceasefire lasted three days, then a 16-hour lull and five hours of talks.",
			[]want{{"three days", "P3D", "DURATION"}, {"16-hour", "PT16H", ""}, {"five hours", "PT5H", ""}}},
		{"fraction", wed, "The session ran 5 1/2 hours.", []want{{"5 1/2 hours", "PT5H30M", ""}}},
		{"decade duration", wed, "The dispute has lasted a decade.", []want{{"a decade", "P10Y", ""}}},
		{"approx", wed, "They waited more than two weeks.", []want{{"more than two weeks", "P2W", ""}}},
		{"vague", wed, "The region has been unstable for years.", []want{{"years", "PXY", ""}}},
		{"sets", wed, "Patrols run daily, reports come weekly and audits annually.",
			[]want{{"daily", "P1D", "SET"}, {"weekly", "P1W", "SET"}, {"annually", "P1Y", "SET"}}},
		{"every weekday", wed, "Protesters gather every Monday.", []want{{"every Monday", "XXXX-WXX-1", "SET"}}},
		{"future ref", wed, "The future of the pact is unclear.", []want{{"The future", "FUTURE_REF", ""}}},
		{"iso date", wed, "The decree of 2022-01-20 is in force.", []want{{"2022-01-20", "2022-01-20", ""}}},
		{"dotted date", wed, "The statement of 20.01.2022 was posted.", []want{{"20.01.2022", "2022-01-20", ""}}},
		{"holiday", "1999-11-20", "Stores expect crowds on Thanksgiving.", []want{{"Thanksgiving", "1999-11-25", ""}}},
		{"fourth quarter last year", "2007-03-13", "Late payments rose in the fourth quarter.", []want{{"the fourth quarter", "2006-Q4", ""}}},
		{"that day", wed, "The talks ended on Jan. 12. Later that day the envoy left.", []want{{"Jan. 12", "2022-01-12", ""}, {"Later that day", "2022-01-12", ""}}},
		{"weekday month", wed, "He wrote on Monday, Jan. 24, to the council.", []want{{"Monday, Jan. 24", "2022-01-24", ""}}},
		{"no anchor weekday", "", "They met on Wednesday.", []want{{"Wednesday", "XXXX-WXX-3", ""}}},
		{"no anchor today", "", "The vote is today.", []want{{"today", "XXXX-XX-XX", ""}}},
		{"no anchor month day", "", "The vote is on Dec. 17 and 18.", []want{{"Dec. 17", "XXXX-12-17", ""}, {"18", "XXXX-12-18", ""}}},
		{"no anchor relative", "", "Last month, three days ago, next week, the fourth quarter, at 10 p.m.",
			[]want{{"Last month", "XXXX-XX", ""}, {"three days ago", "PAST_REF", ""}, {"next week", "XXXX-WXX", ""},
				{"the fourth quarter", "XXXX-Q4", ""}, {"10 p.m.", "XXXX-XX-XXT22:00", ""}}},
		{"end of year", wed, "Troops will stay until the end of the year.", []want{{"the end of the year", "2022", "DATE"}}},
		{"start of year", wed, "Prices have doubled since the start of 2021.", []want{{"the start of 2021", "2021", ""}}},
		{"following year", wed, "He left in 2019; the following year he returned.", []want{{"2019", "2019", ""}, {"the following year", "2020", ""}}},
		{"half with year", wed, "The second half of 2021 was calm.", []want{{"The second half of 2021", "2021-H2", ""}}},
		{"half of a match", wed, "He scored in the second half of the game.", nil},
		{"quarter next", "2006-08-19", "Plants will close during the fourth quarter.", []want{{"the fourth quarter", "2006-Q4", ""}}},
		{"hyphen quarter", wed, "Its third-quarter profit fell.", []want{{"third-quarter", "2021-Q3", ""}}},
		{"end the day", wed, "The index fell on Monday to end the day at 7,114.", []want{{"Monday", "2022-01-24", ""}, {"the day", "2022-01-24", ""}}},
		{"over the years", wed, "Over the years the treaty has weakened.", []want{{"years", "PXY", "DURATION"}}},
		{"recent weeks", wed, "Talks stalled in recent weeks.", []want{{"recent weeks", "PXW", ""}}},
		{"month of next year", wed, "Licences expire after October of next year.", []want{{"October of next year", "2023-10", ""}}},
		{"next to", "1998-08-08", "Bombs exploded next to the embassies on Friday.", []want{{"Friday", "1998-08-07", ""}}},
		{"until sentence start", "1999-05-07", "Until Thursday, they had not named a suspect.", []want{{"Thursday", "1999-05-06", ""}}},
		{"postponed until", "2000-03-30", "Officials postponed until Tuesday any action.", []want{{"Tuesday", "2000-04-04", ""}}},
		{"bare month no cue", "1998-10-25", "In January, a bomb in a city far away.", []want{{"January", "1998-01", ""}}},
		{"set to", "2006-03-28", "The trial is set to begin on Wednesday.", []want{{"Wednesday", "2006-03-29", ""}}},
		{"more weeks", wed, "The talks need two more weeks.", []want{{"two more weeks", "P2W", "DURATION"}}},
		{"day range", "1999-02-10", "The summit is on April 24 and 25.", []want{{"April 24", "1999-04-24", ""}, {"25", "1999-04-25", ""}}},
		{"future adjective", wed, "They discussed future talks, not a future in which war wins.", []want{{"future", "FUTURE_REF", ""}}},
		{"ref clock time", wed, "The attack came on Jan. 12. At 10 p.m. the guns fell silent.", []want{{"Jan. 12", "2022-01-12", ""}, {"10 p.m.", "2022-01-12T22:00", "TIME"}}},
		{"century", wed, "A 20th-century treaty for the 21st century, drafted in the 1800s.",
			[]want{{"20th-century", "19", ""}, {"21st century", "20", ""}, {"the 1800s", "18", ""}}},
		{"decimal years", wed, "The pact ran two and a half years.", []want{{"two and a half years", "P2.5Y", ""}}},
		{"current quarter", wed, "Sales will grow in the current quarter.", []want{{"the current quarter", "2022-Q1", ""}}},
		{"fiscal", wed, "Revenue for fiscal 2021 rose.", []want{{"2021", "FY2021", ""}}},
		{"these days", wed, "These days the border is quiet, unlike in those days.",
			[]want{{"These days", "PRESENT_REF", ""}, {"those days", "PAST_REF", ""}}},
		{"easter", "2000-04-17", "Crowds gathered at Easter. He flew to Easter Island and saw the now-defunct port.",
			[]want{{"Easter", "2000-04-23", ""}}},
		{"time being", wed, "The border stays shut for the time being.", []want{{"the time being", "PRESENT_REF", ""}}},
		{"frequency", wed, "Guards work 24 hours a day and meet twice a week.",
			[]want{{"24 hours", "PT24H", "DURATION"}, {"a day", "P1D", "SET"}, {"a week", "P1W", "SET"}}},
		// false friends
		{"may verb", wed, "The talks may resume, and we may march on.", nil},
		{"may name", wed, "Theresa May met the envoy.", nil},
		{"march noun", wed, "Thousands joined the March for Peace.", nil},
		{"jan name", wed, "Foreign Minister Jan Lipavsky spoke.", nil},
		{"second ordinal", wed, "It was a second attempt by the Washington Post reporter.", nil},
		{"money and counts", wed, "It cost $1998 and 1,500 troops; 2000 people marched.", nil},
		{"age", wed, "A 44-year-old man and a six-year-old boy, 50 years old.", nil},
		{"sun we", wed, "We sat in the sun.", nil},
		{"newspaper", wed, "The Daily Telegraph reported it.", nil},
		{"score", wed, "They won 3:1 in the final.", nil},
	}
	tg := New()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var a time.Time
			if c.anchor != "" {
				a = day(c.anchor)
			}
			got := tg.Tag(c.text, a)
			if len(got) != len(c.want) {
				t.Fatalf("%q: got %d expressions %+v, want %d %+v", c.text, len(got), got, len(c.want), c.want)
			}
			for i, w := range c.want {
				g := got[i]
				if g.Text != w.text || g.Value != w.value || w.typ != "" && g.Type != w.typ {
					t.Errorf("%q: #%d got %q %s %s, want %q %s %s", c.text, i, g.Text, g.Type, g.Value, w.text, w.typ, w.value)
				}
				if c.text[g.Span[0]:g.Span[1]] != g.Text {
					t.Errorf("span %v does not hold %q", g.Span, g.Text)
				}
			}
		})
	}
}

func TestDateOf(t *testing.T) {
	a := day("2022-01-26")
	cases := []struct{ in, want string }{
		{"2022-01-26T10:00", "2022-01-26"},
		{"2022-01-26TMO", "2022-01-26"},
		{"2022-01-26", "2022-01-26"},
		{"2022-01", "2022-01"},
		{"2022", "2022"},
		{"2022-W3", "2022-01"},  // 17-23 January
		{"2022-W03", "2022-01"}, // padded form too
		{"2022-W5", "2022"},     // 31 January - 6 February: two months
		{"2022-Q1", "2022"},
		{"2021-SU", "2021"},
		{"1998-10-XX", "1998-10"},
		{"1998-XX-XX", "1998"},
		{"PRESENT_REF", "2022-01-26"},
		{"PAST_REF", ""},
		{"FUTURE_REF", ""},
		{"P3D", ""},
		{"XXXX-12-25", ""},
		{"199X", ""},
		{"2022-02-30", ""},
		{"", ""},
		{"FY1998", ""},
	}
	for _, c := range cases {
		if got := DateOf(c.in, a); got != c.want {
			t.Errorf("DateOf(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := DateOf("PRESENT_REF", time.Time{}); got != "" {
		t.Errorf("DateOf(PRESENT_REF, zero) = %q, want empty", got)
	}
}

// TestGolden tags each testdata/*.txt (first line "anchor: YYYY-MM-DD")
// and compares with the .golden file beside it: one expression a line,
// "start end type value text". Run with -update to rewrite after checking
// the differences by hand.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no golden inputs in testdata")
	}
	tg := New()
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		head, text, ok := strings.Cut(string(raw), "\n")
		if !ok || !strings.HasPrefix(head, "anchor:") {
			t.Fatalf("%s: first line must be 'anchor: YYYY-MM-DD'", f)
		}
		var a time.Time
		if s := strings.TrimSpace(strings.TrimPrefix(head, "anchor:")); s != "" {
			a = day(s)
		}
		var b strings.Builder
		for _, x := range tg.Tag(text, a) {
			fmt.Fprintf(&b, "%d %d %s %s %s\n", x.Span[0], x.Span[1], x.Type, x.Value, x.Text)
		}
		gf := strings.TrimSuffix(f, ".txt") + ".golden"
		golden.Check(t, gf, []byte(b.String()))
	}
}

func TestConcurrent(t *testing.T) {
	tg := New()
	text := "On Monday the envoys met; they will meet again next week, three days after Jan. 28."
	want := fmt.Sprint(tg.Tag(text, day("2022-01-26")))
	done := make(chan string)
	for g := 0; g < 8; g++ {
		go func() {
			var s string
			for k := 0; k < 200; k++ {
				s = fmt.Sprint(tg.Tag(text, day("2022-01-26")))
			}
			done <- s
		}()
	}
	for g := 0; g < 8; g++ {
		if s := <-done; s != want {
			t.Fatalf("concurrent result differs:\n%s\n%s", s, want)
		}
	}
}

func FuzzTag(f *testing.F) {
	seeds := []string{
		"On Monday, Jan. 24, the talks resumed at 10:35 a.m. EST Tuesday.",
		"the past three weeks; 5 1/2 hours; mid-1990s; '90s; 20.01.2022; 2022-01-20; 1/2/",
		"every other week, twice a day, the day before, that same day, the first quarter of",
		"Thanksgiving, New Year's Day, Christmas Eve 1999, Easter",
		"a 44-year-old man, 12:3, 99:99 p.m., 0735 GMT, 13 p.m., Feb. 30, 2021",
		"\u00a0Monday\u2019s \u201cFriday\u201d \u2014 Mai 2022 \xff\xfe Jan",
		"", "a", "1", "the", "last", "early", "noon", "May.",
		"early 0010s", "the late 0900s", // leading zeros: no decade (once a crash)
	}
	for _, s := range seeds {
		f.Add(s, int64(948844800))
	}
	tg := New()
	f.Fuzz(func(t *testing.T, text string, unix int64) {
		var a time.Time
		if unix%7 != 0 {
			a = time.Unix(unix%(1<<35), 0).UTC()
		}
		for _, x := range tg.Tag(text, a) {
			s, e := x.Span[0], x.Span[1]
			if s < 0 || e > len(text) || s >= e {
				t.Fatalf("bad span %v in %d bytes", x.Span, len(text))
			}
			if text[s:e] != x.Text {
				t.Fatalf("span %v holds %q, not %q", x.Span, text[s:e], x.Text)
			}
			if utf8.ValidString(text) && (!utf8.RuneStart(text[s]) || e < len(text) && !utf8.RuneStart(text[e])) {
				t.Fatalf("span %v splits a rune", x.Span)
			}
			if x.Value == "" || x.Type == "" {
				t.Fatalf("empty value or type: %+v", x)
			}
			if a.IsZero() && strings.HasPrefix(x.Value, "0000") {
				t.Fatalf("no anchor but a year-zero value: %+v", x)
			}
			_ = DateOf(x.Value, a)
		}
	})
}

// BenchmarkTag runs over news-like text with about one time expression
// every 300 bytes (the density of the TempEval-3 newswire).
func BenchmarkTag(b *testing.B) {
	filler := "The delegation included senior officials from the defence and foreign ministries, as well as " +
		"experts on arms control, who presented a detailed set of proposals on the deployment of missiles and " +
		"the scale of military exercises near the border. According to the statement released by the ministry, " +
		"the two sides discussed the principles of indivisible security and the prospects for a broader " +
		"agreement, but no breakthrough was reported. Analysts in the capital noted that the language used by " +
		"both parties remained cautious, and that further consultations at expert level would be necessary.\n\n"
	var sb strings.Builder
	for sb.Len() < 64<<10 {
		for k := 0; k < 5; k++ {
			sb.WriteString(filler)
		}
		sb.WriteString("GENEVA, January 26. Russian and American diplomats met on Wednesday for a third round of talks, " +
			"officials said. The previous round, held on December 17, 2021, ended without agreement after 5 1/2 hours. " +
			"\"We will meet again next week,\" the deputy minister told reporters, adding that proposals sent last month " +
			"remained on the table. Earlier this month, NATO said it would reply in writing within two weeks. " +
			"Troops have been massing along the border for the past three months, and satellite images taken daily " +
			"show more than 100,000 soldiers. The alliance, founded in 1949, will hold a summit in June.\n\n")
	}
	text := sb.String()
	tg := New()
	a := day("2022-01-26")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tg.Tag(text, a)
	}
}

// TestLongSentence feeds one very long sentence full of expressions and
// checks every one is found and resolved.
func TestLongSentence(t *testing.T) {
	const n = 20000
	text := strings.Repeat("at 10 p.m. on Friday and ", n)
	start := time.Now()
	got := New().Tag(text, day("2022-01-26"))
	if len(got) != 2*n {
		t.Fatalf("got %d expressions, want %d", len(got), 2*n)
	}
	if got[0].Value != "2022-01-21T22:00" {
		t.Errorf("first value %q, want 2022-01-21T22:00", got[0].Value)
	}
	// No time is asserted (a loaded machine would make that flaky); a
	// quadratic pass shows in the log and in BenchmarkTag.
	t.Logf("%d bytes in %v", len(text), time.Since(start))
}
