package clean

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestMarkdownOff(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"**DOHA, June 3** — Mediators met.", "DOHA, June 3 — Mediators met."},
		{"> “This is the chance,” said *Maria Ortiz*, the envoy.", "“This is the chance,” said Maria Ortiz, the envoy."},
		{">> Nested quote.", "Nested quote."},
		{"The __final__ text, *as agreed*.", "The final text, as agreed."},
		{"The [ministry said](https://example.org/a) so.", "The ministry said so."},
		{"See [the text](/docs/a) and [annex](#b).", "See the text and annex."},
		// what stays
		{"5 * 3 is 15 and 2 * 2 is 4.", "5 * 3 is 15 and 2 * 2 is 4."},
		{"* A list item.", "* A list item."},
		{"The treaty* was signed.", "The treaty* was signed."},
		{"Write to @un_news or @kestrel_gov.", "Write to @un_news or @kestrel_gov."},
		{"[Updated] the talks (see above).", "[Updated] the talks (see above)."},
		{"A f*cking mess, he said.", "A f*cking mess, he said."},
		{"Prices rose 5%> expected.", "Prices rose 5%> expected."},
	} {
		if got := markdownOff(c.in); got != c.want {
			t.Errorf("markdownOff(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// A report exported as Markdown reads as the same report plainly written:
// its dateline, its statement's speaker, its credit line.
func TestMarkdownReport(t *testing.T) {
	md := "# Harbour talks resume\n\n**KESTRELTON, June 3** — Negotiators resumed talks on Tuesday on harbour fees.\n\n" +
		"> “This is the best chance we have had,” said *Maria Ortiz*, the mediator.\n\n*Reporting by Sam Lee; Editing by Ann Kurt*\n"
	plain := "Harbour talks resume\n\nKESTRELTON, June 3 — Negotiators resumed talks on Tuesday on harbour fees.\n\n" +
		"“This is the best chance we have had,” said Maria Ortiz, the mediator.\n\nReporting by Sam Lee; Editing by Ann Kurt\n"
	a, b := Text(md), Text(plain)
	if a.Body != b.Body || a.Headline != b.Headline || (a.Dateline == nil) != (b.Dateline == nil) || a.Signoff != b.Signoff {
		t.Errorf("markdown:\n%q %q %v %q\nplain:\n%q %q %v %q", a.Headline, a.Body, a.Dateline, a.Signoff, b.Headline, b.Body, b.Dateline, b.Signoff)
	}
	if a.Dateline == nil || a.Dateline.Place != "Kestrelton" {
		t.Errorf("dateline %+v", a.Dateline)
	}
}

func FuzzMarkdownOff(f *testing.F) {
	for _, s := range []string{"**a** *b* __c__ [d](http://e)", "> x", "***", "*a**b*", "[a](b)(c)", "**", "a * b *c* d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := markdownOff(s)
		if len(got) > len(s) {
			t.Fatalf("markdownOff(%q) = %q: longer", s, got)
		}
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("markdownOff(%q) = %q: invalid UTF-8", s, got)
		}
		// Nothing but marks and addresses goes: every letter of the
		// output is in the input, in order.
		if !strings.ContainsAny(s, "*_[>") && got != s {
			t.Fatalf("markdownOff(%q) = %q without marks", s, got)
		}
	})
}
