package layout

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// softParagraphs reads a softened text the way the later stages do: each
// remaining line with text is a paragraph, white space folded.
func softParagraphs(s string) []string {
	var out []string
	for _, l := range strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' || r == '\f' }) {
		if f := strings.Join(strings.Fields(l), " "); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func TestSoftenLayouts(t *testing.T) {
	// The layouts of TestLayouts: after Soften, every one reads as the
	// same three paragraphs, and no byte but a line end moved.
	for name, in := range map[string]string{
		"one paragraph a line":              strings.Join(want, "\n"),
		"blank lines between":               strings.Join(want, "\n\n") + "\n",
		"hard-wrapped with blank lines":     "TRADE TALKS RESUME IN GENEVA\n\nGENEVA, March 3 - Negotiators from the two blocs met again on\nTuesday to discuss the quota on cold-rolled steel, the chief\nnegotiator said.\n\n\"We are not there yet,\" she told reporters after the session,\nadding that both sides had agreed to meet again next week.\n",
		"hard-wrapped, indented paragraphs": "TRADE TALKS RESUME IN GENEVA\n    GENEVA, March 3 - Negotiators from the two blocs met again on\nTuesday to discuss the quota on cold-rolled steel, the chief\nnegotiator said.\n    \"We are not there yet,\" she told reporters after the session,\nadding that both sides had agreed to meet again next week.\n",
		"hard-wrapped, CRLF":                "TRADE TALKS RESUME IN GENEVA\r\n\r\nGENEVA, March 3 - Negotiators from the two blocs met again on\r\nTuesday to discuss the quota on cold-rolled steel, the chief\r\nnegotiator said.\r\n\r\n\"We are not there yet,\" she told reporters after the session,\r\nadding that both sides had agreed to meet again next week.\r\n",
		"old Mac line ends":                 strings.Join(want, "\r\r"),
		"tab indents, no blank lines":       "TRADE TALKS RESUME IN GENEVA\n\tGENEVA, March 3 - Negotiators from the two blocs met again on\nTuesday to discuss the quota on cold-rolled steel, the chief\nnegotiator said.\n\t\"We are not there yet,\" she told reporters after the session,\nadding that both sides had agreed to meet again next week.\n",
		"byte-order mark":                   "\uFEFF" + strings.Join(want, "\n"),
	} {
		t.Run(name, func(t *testing.T) {
			got := Soften(in)
			if err := onlyLineEndsMoved(in, got); err != "" {
				t.Fatal(err)
			}
			if p := softParagraphs(strings.TrimPrefix(got, "\uFEFF")); !reflect.DeepEqual(p, want) {
				t.Errorf("got\n%q\nwant\n%q", p, want)
			}
		})
	}
}

func TestSoftenKeepsUnwrappedText(t *testing.T) {
	// Nothing to join: the text itself comes back (no copy).
	for _, in := range []string{"", "One line.", strings.Join(want, "\n\n"), strings.Join(want, "\n"),
		"Menu\nHome\nWorld\nSport"} {
		if got := Soften(in); got != in {
			t.Errorf("%q became %q", in, got)
		}
	}
	// A long line cut in mid-sentence joins even among one-line
	// paragraphs, as Paragraphs joins it.
	in := "The ministry said on Monday that it would publish the draft text of the\nagreement within days.\n\nNext paragraph."
	if got, wantS := Soften(in), strings.Replace(in, "the\nagreement", "the agreement", 1); got != wantS {
		t.Errorf("got %q", got)
	}
}

// onlyLineEndsMoved says how soft differs from raw in anything but line
// ends turned into spaces ("" when it does not).
func onlyLineEndsMoved(raw, soft string) string {
	if len(raw) != len(soft) {
		return "length changed"
	}
	for i := 0; i < len(raw); i++ {
		if raw[i] != soft[i] && !(soft[i] == ' ' && (raw[i] == '\n' || raw[i] == '\r' || raw[i] == '\f')) {
			return "byte " + string(rune('0'+i%10)) + " changed to something else than a space"
		}
	}
	return ""
}

// FuzzSoften holds Soften to Paragraphs: the same paragraphs, white space
// folded, wherever Paragraphs neither drops page furniture nor mends a
// hyphenated word (which Soften cannot do without moving offsets); and,
// for every input, only line ends turned into spaces.
func FuzzSoften(f *testing.F) {
	for _, s := range []string{
		strings.Join(want, "\n"),
		"GENEVA, March 3 - Negotiators from the two blocs met again on\nTuesday to discuss the quota on cold-rolled steel, the chief\nnegotiator said.\n\n",
		"a\r\nb\rc\fd\n\n e \n\tf", "\uFEFF\n", "x\n\u00a0\ny", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		if hasInnerBreak(raw) != hasInnerBreakBytes(raw) {
			t.Fatalf("hasInnerBreak %v, a byte at a time %v: %q", hasInnerBreak(raw), hasInnerBreakBytes(raw), raw)
		}
		soft := Soften(raw)
		if err := onlyLineEndsMoved(raw, soft); err != "" {
			t.Fatalf("%s: %q -> %q", err, raw, soft)
		}
		if !utf8.ValidString(raw) || strings.Contains(raw, "-\n") || strings.Contains(raw, "-\r") || strings.Contains(raw, "-\f") {
			return
		}
		res := Paragraphs(raw)
		if len(res.Removed) > 0 {
			return
		}
		var want []string
		for _, p := range res.Paragraphs {
			if f := strings.Join(strings.Fields(p), " "); f != "" {
				want = append(want, f)
			}
		}
		got := softParagraphs(strings.TrimPrefix(soft, "\uFEFF"))
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q\nsoftened %q\nreads as %q\nParagraphs %q", raw, soft, got, want)
		}
	})
}

func TestHasInnerBreak(t *testing.T) {
	for in, want := range map[string]bool{
		"": false, "one line": false, "a\n\nb": false, "a\n \t\nb": false, "a\nb": true, "a \n  b": true,
		"\n\na\n": false, "a\r\nb": true, "a\r\n\r\nb": false, "a\rb": true, "a\fb": true, "a\n": false, " \nb": false,
	} {
		if got := hasInnerBreak(in); got != want || hasInnerBreakBytes(in) != want {
			t.Errorf("%q: %v (a byte at a time %v), want %v", in, got, hasInnerBreakBytes(in), want)
		}
	}
}

func BenchmarkSoftenUnwrapped(b *testing.B) {
	s := strings.Repeat(want[1]+"\n\n", 12)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Soften(s)
	}
}
