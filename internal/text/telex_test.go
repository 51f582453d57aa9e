package text

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCaseTelex(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"WASHINGTON (AP) - SECRETARY OF STATE GEORGE P. SHULTZ SAID TODAY THE UNITED STATES WOULD RESUME TALKS IN GENEVA.",
			"Washington (AP) - Secretary of State George P. Shultz said today the United States would resume talks in Geneva."},
		{"\"WE ARE READY TO NEGOTIATE,\" SHULTZ TOLD REPORTERS AT THE STATE DEPARTMENT ON MAY 20.",
			"\"We are ready to negotiate,\" Shultz told reporters at the State Department on May 20."},
		{"PRESIDENT BUSH AND BILL CLINTON MET NATO LEADERS. THE BILL WILL PASS, BUSH SAID. IT IS GOOD FOR US.",
			"President Bush and Bill Clinton met NATO leaders. The bill will pass, Bush said. It is good for us."},
		{"SOVIET FOREIGN MINISTER ANDREI GROMYKO SAID THE US FORCES MUST LEAVE. GEN. JOHN SMITH DISAGREED.",
			"Soviet Foreign Minister Andrei Gromyko said the US forces must leave. Gen. John Smith disagreed."},
		{"SECRETARY OF STATE DEAN RUSK SAID TODAY THE TALKS WOULD GO ON. THE RUSK PLAN FAILED.",
			"Secretary of State Dean Rusk said today the talks would go on. The Rusk plan failed."},
	} {
		got := CaseTelex(c.in)
		if got != c.want {
			t.Errorf("\n got %q\nwant %q", got, c.want)
		}
		if len(got) != len(c.in) {
			t.Errorf("length changed: %d → %d", len(c.in), len(got))
		}
	}
}

// A text in mixed case, or too short to tell, is returned as it is.
func TestCaseTelexLeavesOthers(t *testing.T) {
	for _, in := range []string{
		"Secretary of State George Shultz said today the talks would resume in Geneva next month, officials said.",
		"SHORT CAPS LINE",
		"A HEADLINE IN CAPITALS\n\nThe report itself is written in mixed case, as most reports are, and it goes on for a while longer than its headline does.",
	} {
		if got := CaseTelex(in); got != in {
			t.Errorf("CaseTelex(%q) = %q, want it unchanged", in, got)
		}
	}
}

func FuzzCaseTelex(f *testing.F) {
	f.Add("WASHINGTON (AP) - SECRETARY OF STATE GEORGE P. SHULTZ SAID TODAY THE UNITED STATES WOULD RESUME TALKS.")
	f.Add(strings.Repeat("MAY 20 US IN ", 20))
	f.Add("ÉTÉ ÀÖ " + strings.Repeat("DON'T SHULTZ'S ", 10))
	f.Fuzz(func(t *testing.T, s string) {
		got := CaseTelex(s)
		if len(got) != len(s) {
			t.Fatalf("length changed: %d → %d", len(s), len(got))
		}
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("invalid UTF-8 out of valid input")
		}
		// only ASCII letters change, and only their case
		for i := 0; i < len(s); i++ {
			if got[i] != s[i] && !(isASCIILetter(s[i]) && (got[i]|0x20) == (s[i]|0x20)) {
				t.Fatalf("byte %d changed from %q to %q", i, s[i], got[i])
			}
		}
	})
}
