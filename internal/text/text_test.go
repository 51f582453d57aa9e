package text

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parley-news/parley/internal/article"
)

func texts(s string, sps []article.Span) []string {
	out := make([]string, len(sps))
	for i, sp := range sps {
		out[i] = s[sp[0]:sp[1]]
	}
	return out
}

func TestSentences(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []string
	}{
		{"abbreviations", "Mr. Smith met Gen. Jones in the U.S. capital. They talked.",
			[]string{"Mr. Smith met Gen. Jones in the U.S. capital.", "They talked."}},
		{"initials", "State Department spokesman P.J. Crowley said so. Then he left.",
			[]string{"State Department spokesman P.J. Crowley said so.", "Then he left."}},
		{"the platform X", "She wrote on X. Then she left. Malcolm X. Jones stayed.",
			[]string{"She wrote on X.", "Then she left.", "Malcolm X. Jones stayed."}},
		{"month and number", "On Jan. 26 the No. 5 item was discussed. It was late.",
			[]string{"On Jan. 26 the No. 5 item was discussed.", "It was late."}},
		{"final number", "The treaty dates from 1997. It still holds.",
			[]string{"The treaty dates from 1997.", "It still holds."}},
		{"dotted acronym then opener", "He moved to the U.S. The move was hard.",
			[]string{"He moved to the U.S.", "The move was hard."}},
		{"a quotation then one introduced by a colon", "He said the text was \"nearly ready.\" He said: \"They told us no.\"",
			[]string{"He said the text was \"nearly ready.\"", "He said: \"They told us no.\""}},
		{"company suffix then a quotation", "said Jane Roe, chief executive of Acme Corp. “We are proud.” Talks went on at Acme Corp. today.",
			[]string{"said Jane Roe, chief executive of Acme Corp.", "“We are proud.”", "Talks went on at Acme Corp. today."}},
		{"quote then lower case", "\"Is it over?\" he asked. \"No.\"",
			[]string{"\"Is it over?\" he asked.", "\"No.\""}},
		{"curly quote close", "“We agree.” She nodded.",
			[]string{"“We agree.”", "She nodded."}},
		{"ellipsis", "We waited… Nothing came. Then rain.",
			[]string{"We waited…", "Nothing came.", "Then rain."}},
		{"brackets", "They signed (finally.) It was done.",
			[]string{"They signed (finally.)", "It was done."}},
		{"paragraphs", "First line\n\nSecond para. Two.",
			[]string{"First line", "Second para.", "Two."}},
		{"decimal", "Growth was 3.5 percent. Fine.",
			[]string{"Growth was 3.5 percent.", "Fine."}},
		{"no split before lower case", "It cost 5 p.m. prices, e.g. low ones.",
			[]string{"It cost 5 p.m. prices, e.g. low ones."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := texts(c.in, Sentences(c.in))
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("got %q\nwant %q", got, c.want)
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	// A line break ends a paragraph, blank line or not (layout.Soften
	// has joined the lines of a wrapped paragraph before this is asked).
	in := "  One\ntwo\n \n\nThree  \n\n\nFour"
	got := texts(in, Paragraphs(in))
	want := []string{"One", "two", "Three", "Four"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q want %q", got, want)
	}
}

func TestQuoteSpans(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{`He said "yes" and "no".`, []string{`"yes"`, `"no"`}},
		{"“A. B,” he said.", []string{"“A. B,”"}},
		{"“First para.\n\n“Second para.”", []string{"“First para.\n\n“Second para.”"}},
		{"''Old style,'' he said.", []string{"''Old style,''"}},
		{"”Wrong mark first.” ― Jo", []string{"”Wrong mark first.”"}},
		{"“Unclosed quote\n\nNext.", []string{"“Unclosed quote"}},
		{"“He calls “hell” a place.” ― Jo", []string{"“He calls “hell” a place.”"}},
		{"“Open “Reopened.”", []string{"“Reopened.”"}},
		{"„We will not give in“, the chancellor said, „nor now“.", []string{"„We will not give in“", "„nor now“"}},
		{"„Low and high” marks.", []string{"„Low and high”"}},
	}
	for _, c := range cases {
		got := texts(c.in, QuoteSpans(c.in, Paragraphs(c.in)))
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q: got %q want %q", c.in, got, c.want)
		}
	}
}

func TestTokenize(t *testing.T) {
	in := "Mr. P.J. Crowley’s U.S.-led talks, ''ok'' 1,000 don't."
	var got []string
	for _, tk := range Tokenize(nil, in, article.Span{0, len(in)}) {
		got = append(got, tk.Text(in))
	}
	want := []string{"Mr.", "P.J.", "Crowley", "’s", "U.S.", "-", "led", "talks", ",", "''", "ok", "''", "1,000", "don't", "."}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// Token.Case must agree with what lower-casing would change: callers
// rely on it to skip strings.ToLower.
func TestTokenCase(t *testing.T) {
	cases := []struct {
		in   string
		want []Case
	}{
		{"the deal", []Case{CaseLower, CaseLower}},
		{"Mr. Ryabkov’S", []Case{CaseUpper, CaseUpper, CaseUpper}},
		{"don’t NATO", []Case{CaseLower, CaseUpper}},
		{"Élysée said", []Case{CaseOther, CaseLower}},
		{"“5PM” — 1,000", []Case{CaseLower, CaseUpper, CaseLower, CaseLower, CaseLower}},
	}
	for _, c := range cases {
		toks := Tokenize(nil, c.in, article.Span{0, len(c.in)})
		if len(toks) != len(c.want) {
			t.Fatalf("%q: %d tokens, want %d", c.in, len(toks), len(c.want))
		}
		for i, tk := range toks {
			if tk.Case != c.want[i] {
				t.Errorf("%q token %q: case %d, want %d", c.in, tk.Text(c.in), tk.Case, c.want[i])
			}
			w := tk.Text(c.in)
			if tk.Case == CaseLower && strings.ToLower(w) != w {
				t.Errorf("%q token %q: CaseLower but ToLower changes it", c.in, w)
			}
		}
	}
}

func checkSpans(t *testing.T, s string, sps []article.Span) {
	t.Helper()
	prev := 0
	for _, sp := range sps {
		if sp[0] < prev || sp[0] > sp[1] || sp[1] > len(s) {
			t.Fatalf("bad span %v (len %d, prev %d)", sp, len(s), prev)
		}
		if utf8.ValidString(s) && (!utf8.RuneStart(s[sp[0]]) || (sp[1] < len(s) && !utf8.RuneStart(s[sp[1]]))) {
			t.Fatalf("span %v not on rune boundaries", sp)
		}
		prev = sp[1]
	}
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{"Mr. A said. B.", "“x… y” z", "a\n\nb", "U.S. The", "\xff.\xfe A", "''a'' ”b”", "(.) [.] 1.2. 3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkSpans(t, s, Paragraphs(s))
		checkSpans(t, s, Sentences(s))
		for _, q := range QuoteSpans(s, Paragraphs(s)) {
			if q[0] < 0 || q[0] > q[1] || q[1] > len(s) {
				t.Fatalf("bad quote span %v", q)
			}
		}
		toks := Tokenize(nil, s, article.Span{0, len(s)})
		checkSpans(t, s, func() []article.Span {
			out := make([]article.Span, len(toks))
			for i, tk := range toks {
				out[i] = tk.Span
			}
			return out
		}())
		// Case promises what lower-casing does: nothing for CaseLower,
		// only ASCII letters for CaseUpper.
		for _, tk := range toks {
			w := tk.Text(s)
			if !utf8.ValidString(w) {
				continue
			}
			switch tk.Case {
			case CaseLower:
				if strings.ToLower(w) != w {
					t.Fatalf("token %q marked CaseLower", w)
				}
			case CaseUpper:
				if strings.ToLower(w) != asciiLowerForTest(w) {
					t.Fatalf("token %q marked CaseUpper has non-ASCII capitals", w)
				}
			}
		}
	})
}

func asciiLowerForTest(w string) string {
	b := []byte(w)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

const benchText = `MOSCOW, January 26. Peace talks made progress but no deal was reached, Deputy Foreign Minister Lars Eikeland told journalists on Wednesday.

"We have heard some answers already. Yet we would like to know why our proposals were rejected," he said. Mr. Eikeland met Gen. P.J. Smith of the U.S. Army at 5 p.m. on Jan. 26, the No. 2 item on the agenda.

"If we look at them point by point, it will be hard to object," the senior diplomat added, "because each of them raises trust."
`

func BenchmarkSentences(b *testing.B) {
	s := strings.Repeat(benchText, 20)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Sentences(s)
	}
}

func BenchmarkTokenize(b *testing.B) {
	s := strings.Repeat(benchText, 20)
	b.SetBytes(int64(len(s)))
	buf := make([]Token, 0, len(s)/4)
	for b.Loop() {
		buf = Tokenize(buf[:0], s, article.Span{0, len(s)})
	}
}

func TestLookupLower(t *testing.T) {
	m := map[string]int{"minister": 1, "министр": 2}
	for w, want := range map[string]int{"Minister": 1, "MINISTER": 1, "minister": 1, "Министр": 2, "envoy": 0, "Ministers": 0} {
		got, ok := LookupLower(m, w)
		if got != want || ok != (want != 0) {
			t.Errorf("LookupLower(%q) = %d %v, want %d", w, got, ok, want)
		}
	}
	long := strings.Repeat("A", 50)
	if _, ok := LookupLower(map[string]bool{strings.ToLower(long): true}, long); !ok {
		t.Error("a word longer than the buffer was not found")
	}
}

func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{{"", "", 0}, {"abc", "", 3}, {"extract", "extarct", 2}, {"bundestag", "bundesrat", 2}, {"hizbollah", "hezbollah", 1}, {"serve", "serve", 0}} {
		if got := EditDistance(c.a, c.b); got != c.want {
			t.Errorf("EditDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}
