package pipeline

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/ingest"
)

// layoutParas is a report written for this test, one paragraph per entry.
var layoutParas = []string{
	"GENEVA, March 3 (Wire) - Negotiators from the two blocs met again on Tuesday to discuss the quota on cold-rolled steel, Deputy Trade Minister Anna Petrova told reporters after the session.",
	"\"We are not there yet, but the gap is narrower than it was in January,\" Petrova said, adding that both delegations had agreed to meet again next week in Vienna.",
	"The European Commission said in a statement on Wednesday that it had sent a written answer to the proposals and that the talks would go on into the weekend if needed.",
	"A senior official of the commission, who spoke on condition of anonymity, said the offer on dairy imports was final and would not be improved before the summit on March 20.",
	"Petrova said her government would study the answer. \"Nobody should expect a deal by Friday,\" she said.",
}

// wrapAt hard-wraps p at width columns, as a typewriter or an archive's
// 72-column records do.
func wrapAt(p string, width int, indent string) string {
	var b strings.Builder
	col := 0
	b.WriteString(indent)
	col = len(indent)
	for i, w := range strings.Fields(p) {
		if i > 0 && col+1+len(w) > width {
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

// TestVerbatimLayoutInvariance: a record's text is kept as given, but what
// Parley reads from it must not change with its layout. The same report
// as one paragraph a line, with blank lines, hard-wrapped at 60 and 72
// columns, with indented paragraphs and no blank lines, and with Windows
// line ends gives the same statements, time expressions and mentions
// (texts compared with white space folded; spans differ with the layout).
func TestVerbatimLayoutInvariance(t *testing.T) {
	var wrapped60, wrapped72, indented []string
	for i, p := range layoutParas {
		wrapped60 = append(wrapped60, wrapAt(p, 60, ""))
		wrapped72 = append(wrapped72, wrapAt(p, 72, ""))
		ind := "    "
		if i == 0 {
			ind = ""
		}
		indented = append(indented, wrapAt(p, 70, ind))
	}
	layouts := map[string]string{
		"one paragraph a line":    strings.Join(layoutParas, "\n"),
		"blank lines":             strings.Join(layoutParas, "\n\n"),
		"wrapped at 60":           strings.Join(wrapped60, "\n\n"),
		"wrapped at 72":           strings.Join(wrapped72, "\n\n"),
		"indented, no blank line": strings.Join(indented, "\n"),
		"wrapped, CRLF":           strings.ReplaceAll(strings.Join(wrapped72, "\n\n"), "\n", "\r\n"),
	}
	p, err := New(Config{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	fold := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	read := func(text string) []string {
		a := analyzeRecord(t, p, "Steel talks", text)
		var out []string
		for _, s := range a.Statements {
			out = append(out, fmt.Sprintf("S %s | %s | %s | %s", s.Speaker.Name, s.Kind, fold(s.Text), s.Date))
		}
		for _, x := range a.Timexes {
			out = append(out, fmt.Sprintf("T %s = %s", fold(x.Text), x.Value))
		}
		for _, m := range a.Mentions {
			out = append(out, fmt.Sprintf("M %s = %s %s", fold(m.Text), m.Type, m.Actor))
		}
		for _, e := range a.Events {
			out = append(out, fmt.Sprintf("E %s %s %s", e.Type, e.Actor.Name, e.Date))
		}
		return out
	}
	base := read(layouts["blank lines"])
	if n := countPrefix(base, "S "); n < 4 {
		t.Fatalf("only %d statements in the report: %q", n, base)
	}
	for name, text := range layouts {
		if got := read(text); !reflect.DeepEqual(got, base) {
			t.Errorf("%s reads differently:\n got %q\nwant %q", name, got, base)
		}
	}
}

// analyzeRecord reads text as a JSON Lines record kept as given, published
// on 4 March 2031, and holds the article to checkArticle.
func analyzeRecord(t *testing.T, p *Pipeline, title, text string) *article.Article {
	t.Helper()
	res, err := p.Analyze(context.Background(), ingest.Document{Source: "r", Format: ingest.FormatText, Verbatim: true,
		Title: title, Text: text, Published: time.Date(2031, 3, 4, 0, 0, 0, 0, time.UTC), PublishedBasis: "given"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := checkArticle(res.Article); err != nil {
		t.Fatal(err)
	}
	return res.Article
}

func countPrefix(xs []string, p string) int {
	n := 0
	for _, x := range xs {
		if strings.HasPrefix(x, p) {
			n++
		}
	}
	return n
}

// The layout test's statements keep their speaker and date whatever the
// layout; the article kept is the text as given.
func TestVerbatimBodyKept(t *testing.T) {
	p, _ := New(Config{}, nil)
	text := strings.Join([]string{wrapAt(layoutParas[1], 60, ""), wrapAt(layoutParas[4], 60, "")}, "\n\n")
	res, err := p.Analyze(context.Background(), ingest.Document{Source: "r", Format: ingest.FormatText, Verbatim: true,
		Text: text, Published: time.Date(2031, 3, 4, 0, 0, 0, 0, time.UTC), PublishedBasis: "given"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Article.Body != text {
		t.Error("a record's text was not kept as given")
	}
	var quoted *article.Statement
	for i, s := range res.Article.Statements {
		if strings.HasPrefix(s.Text, "\"We are not there yet") {
			quoted = &res.Article.Statements[i]
		}
	}
	if quoted == nil || !strings.HasSuffix(quoted.Text, "than it was in January,\"") || strings.Contains(quoted.Text, "\n") {
		t.Errorf("the wrapped quotation is not read whole, on one line: %+v", res.Article.Statements)
	}
}

// TestSingleQuotedReport: a report that quotes with single marks, as
// British outlets do, gives its direct statements, quoted back with the
// marks it has.
func TestSingleQuotedReport(t *testing.T) {
	text := "PORTVILLE (Wire) - The harbour talks will resume next week, the trade minister said on Monday.\n\n" +
		"'We will not back down on the quota,' Piotr Lind told reporters. 'The ball is in their court.'\n\n" +
		"Anna Petrova, the other side's negotiator, said their patience was 'not infinite'."
	p, _ := New(Config{}, nil)
	res, err := p.Analyze(context.Background(), ingest.Document{Source: "r", Format: ingest.FormatText, Verbatim: true, Text: text,
		Published: time.Date(2031, 3, 4, 0, 0, 0, 0, time.UTC), PublishedBasis: "given"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := checkArticle(res.Article); err != nil {
		t.Fatal(err)
	}
	var lind, petrova *article.Statement
	for i, s := range res.Article.Statements {
		switch s.Speaker.Name {
		case "Piotr Lind":
			lind = &res.Article.Statements[i]
		case "Anna Petrova":
			petrova = &res.Article.Statements[i]
		}
	}
	if lind == nil || lind.Kind != article.Direct || !strings.HasPrefix(lind.Text, "'We will not back down on the quota,'") {
		t.Errorf("Lind's direct statement: %+v", lind)
	}
	if petrova == nil || petrova.Kind != article.Mixed || !strings.Contains(petrova.Text, "'not infinite'") {
		t.Errorf("Petrova's mixed statement: %+v", petrova)
	}
	if res.Article.Body != text {
		t.Error("the body was changed")
	}
}

// A record's text that opens with its headline reads the same whether the
// headline is in capitals, in title case or as a sentence: the same
// speakers, kinds and contents (compared without case), and the mentions
// quote the text as written.
func TestHeadlineCaseInRecord(t *testing.T) {
	p, err := New(Config{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	body := "\n\n" + strings.Join(layoutParas[1:], "\n\n")
	read := func(text string) ([]string, *article.Article) {
		a := analyzeRecord(t, p, "", text)
		var out []string
		for _, s := range a.Statements {
			out = append(out, fmt.Sprintf("%s | %s | %s", s.Speaker.Name, s.Kind, strings.ToLower(strings.Join(strings.Fields(s.Text), " "))))
		}
		return out, a
	}
	base, _ := read("Petrova says gap on steel quota is narrower" + body)
	if len(base) < 5 || !strings.HasPrefix(base[0], "Petrova | indirect | gap on steel quota") {
		t.Fatalf("the headline's statement is not read: %q", base)
	}
	for _, h := range []string{"PETROVA SAYS GAP ON STEEL QUOTA IS NARROWER", "Petrova Says Gap On Steel Quota Is Narrower"} {
		got, a := read(h + body)
		if !reflect.DeepEqual(got, base) {
			t.Errorf("%q reads differently:\n got %q\nwant %q", h, got, base)
		}
		for _, m := range a.Mentions {
			if m.Text != a.Body[m.Span[0]:m.Span[1]] {
				t.Errorf("mention %q does not quote the text %q", m.Text, a.Body[m.Span[0]:m.Span[1]])
			}
		}
		for _, s := range a.Statements {
			if s.TextSpan[0] < len(h) && !strings.Contains(h, s.Text) {
				t.Errorf("statement %q does not quote the headline as written", s.Text)
			}
		}
	}
}

// A record whose text repeats its title above the dateline has the
// dateline's place; a record whose first paragraph is other prose has
// none from a later paragraph.
func TestRecordTitleAboveDateline(t *testing.T) {
	p, _ := New(Config{}, nil)
	for _, c := range []struct{ title, text, place string }{
		{"Talks to resume", "Talks to resume\n\nGENEVA, March 11 - The talks will resume next month, the envoy said.", "Geneva"},
		{"Talks to resume", "The envoys met twice.\n\nGENEVA, March 11 - The talks will resume next month, the envoy said.", ""},
	} {
		res, err := p.Analyze(context.Background(), ingest.Document{Source: "r", Format: ingest.FormatText, Verbatim: true, Title: c.title,
			Text: c.text, Published: time.Date(2031, 3, 12, 0, 0, 0, 0, time.UTC), PublishedBasis: "given"}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if res.Article.Place != c.place || res.Article.Body != c.text {
			t.Errorf("%q: place %q, want %q", c.text, res.Article.Place, c.place)
		}
	}
}

// A record's text that repeats its title: the title's statement is the
// headline's, printed once.
func TestRecordTitleStatementOnce(t *testing.T) {
	p, _ := New(Config{}, nil)
	title := "Norland says talks will resume"
	text := title + "\n\nThe talks will resume next week, Norland's foreign ministry said on Monday."
	res, err := p.Analyze(context.Background(), ingest.Document{Source: "r", Format: ingest.FormatText, Verbatim: true, Title: title,
		Text: text, Published: time.Date(2031, 3, 12, 0, 0, 0, 0, time.UTC), PublishedBasis: "given"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Article.HeadlineStatements) != 1 || len(res.Article.Statements) != 1 || res.Article.Statements[0].Span[0] < len(title) {
		t.Errorf("headline %+v\nbody %+v", res.Article.HeadlineStatements, res.Article.Statements)
	}
	if titleLine("Talks\n\nMore", "Talks") != 5 || titleLine("Talks resume today.", "Talks") != 0 || titleLine("Talks", "") != 0 {
		t.Error("titleLine")
	}
}
