package clean

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestRepairMojibake(t *testing.T) {
	for in, want := range map[string]string{
		"FranÃ§ois Hollande said â€œWe donâ€™t agreeâ€\uFFFD": "François Hollande said “We don’t agree”",
		"MÃ¼ller and JosÃ© RamÃ\u00adrez met in ZÃ¼rich.":     "Müller and José Ramírez met in Zürich.",
		"FranÃ\u0083Â§ois, twice damaged":                     "François, twice damaged",
		"FranA\u0303\u0083A\u0302\u00a7ois, decomposed":       "François, decomposed",
		"São Paulo, Müller, €5, 10°C, naïve, «quote»":         "São Paulo, Müller, €5, 10°C, naïve, «quote»",
		"plain ASCII text": "plain ASCII text",
	} {
		got, _ := RepairMojibake(in)
		if got != want {
			t.Errorf("RepairMojibake(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzRepairMojibake(f *testing.F) {
	f.Add("FranÃ§ois â€œWe donâ€™t agreeâ€\uFFFD")
	f.Add("São Paulo, €5, «quote» Ã\u0083Â§")
	f.Add(strings.Repeat("Ã", 40) + "\u0080\u009f")
	f.Fuzz(func(t *testing.T, s string) {
		out, n := RepairMojibake(s)
		if n == 0 && out != s {
			t.Fatalf("no repair counted but the text changed")
		}
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 out of valid input: %q → %q", s, out)
		}
		if len(out) > len(s) {
			t.Fatalf("repair made the text longer: %d → %d", len(s), len(out))
		}
	})
}
