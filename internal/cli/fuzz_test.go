package cli

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzEscapeControl(f *testing.F) {
	for _, s := range []string{"plain", "evil\x1b]0;x\x07", "\u202egpj.exe", "bad\xffutf8", `back\slash`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := escapeControl(s)
		if !utf8.ValidString(out) {
			t.Fatalf("escapeControl(%q) = %q: invalid UTF-8", s, out)
		}
		for _, r := range out {
			if needsEscape(r) {
				t.Fatalf("escapeControl(%q) = %q keeps %U", s, out, r)
			}
		}
		if !strings.ContainsFunc(s, needsEscape) && utf8.ValidString(s) && out != s {
			t.Fatalf("escapeControl changed a clean %q to %q", s, out)
		}
	})
}

func FuzzCSVCell(f *testing.F) {
	for _, s := range []string{"=1+1", "+x", "-2", "@A1", "\tx", "\rx", "plain", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := csvCell(s)
		if out != "" && strings.ContainsRune("=+-@\t\r", rune(out[0])) {
			t.Fatalf("csvCell(%q) = %q starts a formula", s, out)
		}
		if out != s && out != "'"+s {
			t.Fatalf("csvCell(%q) = %q changed more than a prefix", s, out)
		}
	})
}
