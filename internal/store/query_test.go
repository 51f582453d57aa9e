package store

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestParseQuery(t *testing.T) {
	tests := []struct {
		in   string
		want []Term
	}{
		{"", nil},
		{"   ", nil},
		{"ceasefire", []Term{{Text: "ceasefire"}}},
		{"cease fire", []Term{{Text: "cease"}, {Text: "fire"}}},
		{`"cease fire"`, []Term{{Text: "cease fire", Phrase: true}}},
		{`"cease fire"*`, []Term{{Text: "cease fire", Phrase: true, Prefix: true}}},
		{"negot*", []Term{{Text: "negot", Prefix: true}}},
		{"negot**", []Term{{Text: "negot", Prefix: true}}},
		{"U.S.", []Term{{Text: "U.S."}}},
		{`"`, nil},
		{`""`, nil},
		{`"unclosed phrase`, []Term{{Text: "unclosed phrase", Phrase: true}}},
		{"*", nil},
		{"- + ( ) ^ :", nil},
		{"NOT", []Term{{Text: "NOT"}}},
		{`say"hello"`, []Term{{Text: "say"}, {Text: "hello", Phrase: true}}},
		{"a\x00b", []Term{{Text: "a b"}}},
		{"bad\xffbyte", []Term{{Text: "bad byte"}}},
		{"😀", nil},
		{"😀x", []Term{{Text: "😀x"}}},
		{"\u00a0talks\u2003now", []Term{{Text: "talks"}, {Text: "now"}}},
		{"日本", []Term{{Text: "日本"}}},
		{"١٢٣", []Term{{Text: "١٢٣"}}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%q", tt.in), func(t *testing.T) {
			got := ParseQuery(tt.in)
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("ParseQuery(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
		})
	}
	if n := len(ParseQuery(strings.Repeat("word ", 100))); n != MaxTerms {
		t.Errorf("100 words gave %d terms, want MaxTerms=%d", n, MaxTerms)
	}
}

func TestParseQueryGolden(t *testing.T) {
	in, err := os.ReadFile(filepath.Join("testdata", "queries.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	for _, line := range strings.Split(strings.TrimRight(string(in), "\n"), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		fmt.Fprintf(&out, "%q\n", line)
		for _, term := range ParseQuery(line) {
			fmt.Fprintf(&out, "\t%q phrase=%v prefix=%v\n", term.Text, term.Phrase, term.Prefix)
		}
		fmt.Fprintf(&out, "\t=> %s\n", FormatQuery(ParseQuery(line)))
	}
	golden := filepath.Join("testdata", "queries.golden")
	if *update {
		if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	if !bytes.Equal(out.Bytes(), want) {
		t.Errorf("ParseQuery output differs from %s:\n%s", golden, out.String())
	}
}

// FuzzParseQuery: any input gives terms that are safe to quote (no double
// quote, no control character, valid UTF-8, something searchable), no more
// than MaxTerms, and FormatQuery's rendering parses back to the same texts.
func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"a b", `"x y"*`, "U.S.", `"`, "*", "\x00\xff", "NOT (a OR b)", "日本 語*"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		terms := ParseQuery(q)
		if len(terms) > MaxTerms {
			t.Fatalf("%d terms", len(terms))
		}
		for _, term := range terms {
			if strings.ContainsAny(term.Text, "\"\x00") || !utf8.ValidString(term.Text) || !searchable(term.Text) ||
				strings.TrimSpace(term.Text) != term.Text {
				t.Fatalf("unsafe term %q from %q", term.Text, q)
			}
		}
		again := ParseQuery(FormatQuery(terms))
		if len(again) != len(terms) {
			t.Fatalf("round trip of %q: %d terms, then %d", q, len(terms), len(again))
		}
		for i := range terms {
			if again[i].Text != terms[i].Text || again[i].Prefix != terms[i].Prefix {
				t.Fatalf("round trip of %q: %+v, then %+v", q, terms[i], again[i])
			}
		}
	})
}

func BenchmarkParseQuery(b *testing.B) {
	q := `ceasefire "peace plan" U.S. negotiat* NOT (Zürich) "unclosed`
	b.SetBytes(int64(len(q)))
	for b.Loop() {
		ParseQuery(q)
	}
}

func TestDay(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2022-02-24", "2022-02-24"},
		{"2022-02-24T05:00:00+02:00", "2022-02-24"},
		{"2022-02", "2022-02"},
		{"2022", "2022"},
		{"", ""},
		{"24 February 2022", ""},
		{"2022-13-01", ""},
		{"2022-02-00", ""},
		{"20222-02-24", ""},
	}
	for _, tt := range tests {
		if got := Day(tt.in); got != tt.want {
			t.Errorf("Day(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCheckRange(t *testing.T) {
	ok := [][2]string{{"", ""}, {"2022", ""}, {"", "2022-02"}, {"2022-02-01", "2022-03-31"}}
	bad := [][2]string{{"yesterday", ""}, {"", "2022-2-1"}, {"2022-02-30x", ""}}
	for _, r := range ok {
		if err := CheckRange(r[0], r[1]); err != nil {
			t.Errorf("CheckRange(%q, %q) = %v", r[0], r[1], err)
		}
	}
	for _, r := range bad {
		if err := CheckRange(r[0], r[1]); err == nil {
			t.Errorf("CheckRange(%q, %q) accepted", r[0], r[1])
		}
	}
}
