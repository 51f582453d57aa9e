package layout

import (
	"reflect"
	"strings"
	"testing"
)

// The same three paragraphs in every layout a user may bring.
var want = []string{
	"TRADE TALKS RESUME IN GENEVA",
	"GENEVA, March 3 - Negotiators from the two blocs met again on Tuesday to discuss the quota on cold-rolled steel, the chief negotiator said.",
	"\"We are not there yet,\" she told reporters after the session, adding that both sides had agreed to meet again next week.",
}

func TestLayouts(t *testing.T) {
	tests := []struct {
		name string
		in   string
	}{
		{"one paragraph a line", strings.Join(want, "\n")},
		{"blank lines between", strings.Join(want, "\n\n") + "\n"},
		{"hard-wrapped with blank lines", "TRADE TALKS RESUME IN GENEVA\n\nGENEVA, March 3 - Negotiators from the two blocs met again on\nTuesday to discuss the quota on cold-rolled steel, the chief\nnegotiator said.\n\n\"We are not there yet,\" she told reporters after the session,\nadding that both sides had agreed to meet again next week.\n"},
		{"hard-wrapped, indented paragraphs", "TRADE TALKS RESUME IN GENEVA\n    GENEVA, March 3 - Negotiators from the two blocs met again on\nTuesday to discuss the quota on cold-rolled steel, the chief\nnegotiator said.\n    \"We are not there yet,\" she told reporters after the session,\nadding that both sides had agreed to meet again next week.\n"},
		{"CRLF", strings.Join(want, "\r\n\r\n") + "\r\n"},
		{"old Mac line ends", strings.Join(want, "\r\r")},
		{"tab indents, no blank lines", "TRADE TALKS RESUME IN GENEVA\n\tGENEVA, March 3 - Negotiators from the two blocs met again on\nTuesday to discuss the quota on cold-rolled steel, the chief\nnegotiator said.\n\t\"We are not there yet,\" she told reporters after the session,\nadding that both sides had agreed to meet again next week.\n"},
		{"byte-order mark", "\uFEFF" + strings.Join(want, "\n")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Paragraphs(tt.in).Paragraphs
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got\n%q\nwant\n%q", got, want)
			}
		})
	}
}

func TestFlushLeftWrapNoBlankLines(t *testing.T) {
	// Wrapped at 60 columns, no blank lines, no indents: a short last line
	// ends a paragraph.
	in := "The ministry said on Monday that it would publish the draft\n" +
		"text of the agreement within days.\n" +
		"Officials of both countries said the talks would go on into\n" +
		"the weekend if needed.\n"
	got := Paragraphs(in).Paragraphs
	want := []string{
		"The ministry said on Monday that it would publish the draft text of the agreement within days.",
		"Officials of both countries said the talks would go on into the weekend if needed.",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q", got)
	}
}

func TestPDFPages(t *testing.T) {
	// Two pages of a converted communiqué: a running header and page
	// numbers on each page, a word hyphenated across the page break, and
	// the same word whole elsewhere.
	in := "JOINT COMMUNIQUE - DRAFT 2\n\n" +
		"The parties agree to resume consultations on the tariff schedule and to\n" +
		"hold the next round of negotia-\n" +
		"1\n\fJOINT COMMUNIQUE - DRAFT 2\n\n" +
		"tions in May. Both parties welcomed the negotiations held so far and\n" +
		"the well-\nknown principle of reciprocity.\n" +
		"2\n\fJOINT COMMUNIQUE - DRAFT 2\n\n" +
		"The delegations thanked the host government.\n3\n"
	res := Paragraphs(in)
	want := []string{
		"The parties agree to resume consultations on the tariff schedule and to hold the next round of negotiations in May. Both parties welcomed the negotiations held so far and the well-known principle of reciprocity.",
		"The delegations thanked the host government.",
	}
	if !reflect.DeepEqual(res.Paragraphs, want) {
		t.Errorf("got\n%q\nwant\n%q", res.Paragraphs, want)
	}
	if len(res.Removed) != 6 {
		t.Errorf("removed %d lines, want 3 headers and 3 page numbers: %q", len(res.Removed), res.Removed)
	}
}

func TestMenusStayApart(t *testing.T) {
	// A scraped page: short menu lines and a caption never join, and a
	// short label before a lower-case line stays apart too.
	in := "Home\nWorld\nBusiness\nTo comment on this story\nlog in or register\nThe minister said the offer was final.\n"
	got := Paragraphs(in).Paragraphs
	if len(got) != 6 {
		t.Errorf("got %d paragraphs, want 6: %q", len(got), got)
	}
}

func TestLongLineCutMidSentence(t *testing.T) {
	// One paragraph a line, but a scraper cut one paragraph in two.
	in := "The first paragraph is a whole sentence.\nThe second paragraph was cut by the scraper somewhere in the middle of\nits sentence, which goes on here.\nThe third paragraph.\n"
	got := Paragraphs(in).Paragraphs
	want := []string{
		"The first paragraph is a whole sentence.",
		"The second paragraph was cut by the scraper somewhere in the middle of its sentence, which goes on here.",
		"The third paragraph.",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q", got)
	}
}

func FuzzParagraphs(f *testing.F) {
	f.Add(strings.Join(want, "\n"))
	f.Add("a\r\n\r\n  b-\nc\f1\n")
	f.Fuzz(func(t *testing.T, s string) {
		res := Paragraphs(s)
		for _, p := range res.Paragraphs {
			if p == "" || strings.ContainsAny(p, "\r\n\f") {
				t.Fatalf("bad paragraph %q", p)
			}
		}
	})
}

// benchText is a report of n paragraphs, one a line or hard-wrapped at 72.
func benchText(n int, wrap bool) string {
	p := "The delegations met again on Tuesday to discuss the quota on cold-rolled steel and the schedule for the next round, the chief negotiator told reporters after the session in Geneva."
	var b strings.Builder
	for i := 0; i < n; i++ {
		if !wrap {
			b.WriteString(p)
			b.WriteString("\n\n")
			continue
		}
		b.WriteString(wrap72(p))
		b.WriteString("\n\n")
	}
	return b.String()
}

func BenchmarkParagraphs(b *testing.B) {
	for _, wrap := range []bool{false, true} {
		name := "one-a-line"
		if wrap {
			name = "hard-wrapped"
		}
		s := benchText(200, wrap)
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				Paragraphs(s)
			}
		})
	}
}

// wrap72 hard-wraps p at 72 columns, as a typewriter or an archive does.
func wrap72(p string) string {
	var b strings.Builder
	col := 0
	for i, w := range strings.Fields(p) {
		if i > 0 && col+1+len(w) > 72 {
			b.WriteString("\n")
			col = 0
		} else if i > 0 {
			b.WriteString(" ")
			col++
		}
		b.WriteString(w)
		col += len(w)
	}
	return b.String()
}

func TestWrappedByForcedBreaks(t *testing.T) {
	// A short wrapped text whose lines break before names and figures,
	// not before lower-case words: the continuation count alone says
	// "not wrapped"; the breaks' widths say it is.
	ps := []string{
		"The talks were chaired by Deputy Trade Minister Anna Petrova and the European Commission's envoy, Jan Kowalski, who arrived from Brussels on Monday.",
		"Both sides said the quota on cold-rolled steel would be raised to 2,000 tonnes a year from 2032, according to a joint statement issued in Geneva.",
	}
	in := wrap72(ps[0]) + "\n\n" + wrap72(ps[1]) + "\n"
	lines := split(in)
	cont := 0
	for i := 0; i+1 < len(lines); i++ {
		if !lines[i].blank && !lines[i+1].blank && continues(lines[i].text, lines[i+1].text) {
			cont++
		}
	}
	if cont >= 2 {
		t.Fatalf("the text has %d lower-case continuations: it does not test the width rule", cont)
	}
	if got := Paragraphs(in).Paragraphs; !reflect.DeepEqual(got, ps) {
		t.Errorf("got %q", got)
	}
}

func TestSentenceALineNotWrapped(t *testing.T) {
	// One sentence a line, all of about the same length: breaks after a
	// sentence end are no evidence of wrapping, so no line joins.
	in := "The ministry published two draft agreements on Friday evening.\n" +
		"Officials of the alliance said they would study the texts closely.\n" +
		"The embassy declined to comment on the proposals over the weekend.\n" +
		"Talks between the delegations are expected to begin in January.\n"
	if got := Paragraphs(in).Paragraphs; len(got) != 4 {
		t.Errorf("got %d paragraphs, want 4: %q", len(got), got)
	}
}

// A short report in the indented layout, whose breaks fall before
// capitals ("Claire" / "Dorval."): the indent alone tells the paragraphs.
func TestShortIndentedReport(t *testing.T) {
	in := "Farmers keep up blockade\n" +
		"    Paris (AFP) - Farmers will keep blocking roads around Paris\n" +
		"until the government meets their demands, their union said,\n" +
		"rejecting a package of measures announced by Prime Minister Claire\n" +
		"Dorval.\n" +
		"    \"The announcements are not enough,\" union head Luc Perrin said.\n" +
		"\"We will stay as long as it takes.\"\n" +
		"    Agriculture Minister Paul Ravel is due to meet union leaders on\n" +
		"Monday, his office said.\n"
	want := []string{
		"Farmers keep up blockade",
		"Paris (AFP) - Farmers will keep blocking roads around Paris until the government meets their demands, their union said, rejecting a package of measures announced by Prime Minister Claire Dorval.",
		"\"The announcements are not enough,\" union head Luc Perrin said. \"We will stay as long as it takes.\"",
		"Agriculture Minister Paul Ravel is due to meet union leaders on Monday, his office said.",
	}
	if got := Paragraphs(in).Paragraphs; !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// A word split at a line end that the text never writes whole is joined
// when the word list knows it ("report-" + "ers"); a compound it does not
// know keeps its hyphen ("long-" + "range"); "Page 2 of 3" says what it is
// even once.
func TestHyphenByWordList(t *testing.T) {
	in := "The minister told report-\ners that the long-\nrange plan would con-\ntinue.\n\nPage 2 of 3\n\nThe talks ended.\n"
	want := []string{"The minister told reporters that the long-range plan would continue.", "The talks ended."}
	if got := Paragraphs(in).Paragraphs; !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// A running header that carries its page number after a wide gap says
// what it is even once: the first page's header is the title (its
// number goes), the others go.
func TestPageNumberTail(t *testing.T) {
	in := "Council Report on the Arms Talks                Page 3\n\n" +
		"The delegations met again in Vienna. The verification chapter was\n" +
		"largely agreed.\n\n" +
		"Council Report on the Arms Talks                Page 4\n\n" +
		"Observers were divided.     A table    of figures followed.\n"
	res := Paragraphs(in)
	want := []string{
		"Council Report on the Arms Talks",
		"The delegations met again in Vienna. The verification chapter was largely agreed.",
		"Observers were divided.     A table    of figures followed.",
	}
	if !reflect.DeepEqual(res.Paragraphs, want) {
		t.Errorf("got\n%q\nwant\n%q", res.Paragraphs, want)
	}
	for _, c := range []struct {
		in, head string
	}{
		{"Arms Talks Report        Page 3", "Arms Talks Report"},
		{"Council Minutes\t12", "Council Minutes"},
		{"The talks ended.        3", ""},
		{"Prices rose to        12 percent", ""},
		{"        Page 3", ""},
	} {
		if got := pageNumberTail(c.in); got != c.head {
			t.Errorf("pageNumberTail(%q) = %q, want %q", c.in, got, c.head)
		}
	}
}
