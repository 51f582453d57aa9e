package text

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSingleQuoted(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"straight, comma inside", "'We will not back down,' the negotiator said.", "\"We will not back down,\" the negotiator said."},
		{"curly, comma outside", "\u2018We will not back down\u2019, he said. \u2018Never.\u2019", "\u201cWe will not back down\u201d, he said. \u201cNever.\u201d"},
		{"apostrophes stay", "'We don't know if Russia's answer is final,' she said of the ministers' talks.",
			"\"We don't know if Russia's answer is final,\" she said of the ministers' talks."},
		{"a quote within the quote", "\u2018He called it \u201cunacceptable\u201d,\u2019 she said.", "\u201cHe called it \u2018unacceptable\u2019,\u201d she said."},
		{"double marks outside: left alone", "\"Yes,\" he said. 'Maybe,' she said.", "\"Yes,\" he said. 'Maybe,' she said."},
		{"no quote at all", "The ministers' talks resumed in the '90s style.", "The ministers' talks resumed in the '90s style."},
		{"open at the line's end is no quote", "'Unclosed quote\nnext line,' he said.", "'Unclosed quote\nnext line,' he said."},
		{"guillemets: another style", "«Oui», a-t-il dit. 'Yes,' he said.", "«Oui», a-t-il dit. 'Yes,' he said."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SingleQuoted(tt.in); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// FuzzSingleQuoted: offsets hold (the same length, only quotation marks
// changed, each for one of its own kind and length), and a text with no
// single mark comes back as it is.
func FuzzSingleQuoted(f *testing.F) {
	for _, s := range []string{"'We will,' he said.", "\u2018A \u201cB\u201d,\u2019 she said.", "don't", "'", "\u2018", "\xe2\x80", "'a'b'c'"} {
		f.Add(s)
	}
	marks := "'\"\u2018\u2019\u201c\u201d"
	f.Fuzz(func(t *testing.T, s string) {
		got := SingleQuoted(s)
		if len(got) != len(s) {
			t.Fatalf("length %d -> %d", len(s), len(got))
		}
		if !strings.ContainsAny(s, "'\u2018") && got != s {
			t.Fatalf("changed a text without single marks: %q -> %q", s, got)
		}
		if got == s {
			return
		}
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			g, gn := utf8.DecodeRuneInString(got[i:])
			if r != g && (gn != n || !strings.ContainsRune(marks, r) || !strings.ContainsRune(marks, g)) {
				t.Fatalf("offset %d: %q became %q", i, r, g)
			}
			i += n
		}
	})
}
