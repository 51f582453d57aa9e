package web

import (
	"encoding/json"
	"github.com/parley-news/parley/internal/golden"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parley-news/parley/internal/article"
)

// joined concatenates the segments' text: it must give back the body.
func joined(segs []Segment) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(s.Text)
	}
	return b.String()
}

func TestSegments(t *testing.T) {
	body := "Ana said “yes” on Friday."
	yes := strings.Index(body, "“yes”")
	cases := []struct {
		name  string
		marks []Mark
		want  []Segment
	}{
		{"no marks", nil, []Segment{{Text: body}}},
		{"one mark", []Mark{{Span: article.Span{0, 3}, Class: "m"}},
			[]Segment{{Text: "Ana", Class: "m"}, {Text: body[3:]}}},
		{"nested", []Mark{{Span: article.Span{0, len(body)}, Class: "st", Anchor: "s-0"}, {Span: article.Span{4, 8}, Class: "cue"}},
			[]Segment{{Text: "Ana ", Class: "st", Anchors: []string{"s-0"}}, {Text: "said", Class: "st cue"}, {Text: body[8:], Class: "st"}}},
		{"overlapping", []Mark{{Span: article.Span{0, 8}, Class: "a", Title: "A"}, {Span: article.Span{4, 12}, Class: "b", Title: "B"}},
			[]Segment{{Text: "Ana ", Class: "a", Title: "A"}, {Text: "said", Class: "a b", Title: "A · B"}, {Text: body[8:12], Class: "b", Title: "B"}, {Text: body[12:]}}},
		{"touching marks stay apart", []Mark{{Span: article.Span{0, 3}, Class: "a"}, {Span: article.Span{3, 8}, Class: "b"}},
			[]Segment{{Text: "Ana", Class: "a"}, {Text: " said", Class: "b"}, {Text: body[8:]}}},
		{"same class twice joins", []Mark{{Span: article.Span{0, 3}, Class: "a"}, {Span: article.Span{3, 8}, Class: "a"}},
			[]Segment{{Text: "Ana said", Class: "a"}, {Text: body[8:]}}},
		{"inside a multi-byte quote mark widens", []Mark{{Span: article.Span{yes + 1, yes + 4}, Class: "q"}},
			[]Segment{{Text: body[:yes]}, {Text: "“y", Class: "q"}, {Text: body[yes+4:]}}},
		{"out of range and inverted dropped", []Mark{{Span: article.Span{-5, 0}, Class: "x"}, {Span: article.Span{9, 4}, Class: "y"}, {Span: article.Span{len(body) - 1, len(body) + 40}, Class: "z"}},
			[]Segment{{Text: body[:len(body)-1]}, {Text: ".", Class: "z"}}},
		{"anchor at end", []Mark{{Span: article.Span{len(body) - 1, len(body)}, Class: "hl", Anchor: "hl"}},
			[]Segment{{Text: body[:len(body)-1]}, {Text: ".", Class: "hl", Anchors: []string{"hl"}}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := Segments(body, tc.marks)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
			if joined(got) != body {
				t.Errorf("segments do not rebuild the body: %q", joined(got))
			}
		})
	}
	if got := Segments("", []Mark{{Span: article.Span{0, 3}}}); got != nil {
		t.Errorf("empty body: %+v", got)
	}
}

func TestClassWord(t *testing.T) {
	for in, want := range map[string]string{"PERSON": "person", `x" onclick="y`: "xonclicky", "": "x", "Direct": "direct"} {
		if got := classWord(in); got != want {
			t.Errorf("classWord(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSegmentsGolden renders the marks of a whole invented article and
// compares them with testdata/talks.golden.json (go test -update rewrites it).
func TestSegmentsGolden(t *testing.T) {
	in, err := os.ReadFile(filepath.Join("testdata", "talks.input.json"))
	if err != nil {
		t.Fatal(err)
	}
	var a article.Article
	if err := json.Unmarshal(in, &a); err != nil {
		t.Fatal(err)
	}
	segs := Segments(a.Body, ArticleMarks(&a, article.Span{}))
	if joined(segs) != a.Body {
		t.Fatal("segments do not rebuild the body")
	}
	got, _ := json.MarshalIndent(segs, "", "  ")
	goldenFile := filepath.Join("testdata", "talks.golden.json")
	golden.Check(t, goldenFile, got)
}

func FuzzSegments(f *testing.F) {
	f.Add("Ana said “yes” on Friday.", 0, 3, 2, 9, 5, 6)
	f.Add("", 0, 0, 0, 0, 0, 0)
	f.Add("\xff\xfe broken", 1, 3, -1, 40, 3, 2)
	f.Fuzz(func(t *testing.T, body string, a, b, c, d, e, g int) {
		marks := []Mark{
			{Span: article.Span{a, b}, Class: "a", Anchor: "x"},
			{Span: article.Span{c, d}, Class: "b", Title: "t"},
			{Span: article.Span{e, g}, Class: "c"},
			{Span: article.Span{a, d}, Class: "d"},
		}
		segs := Segments(body, marks)
		if joined(segs) != body {
			t.Fatalf("segments do not rebuild the body")
		}
		if utf8.ValidString(body) {
			for _, s := range segs {
				if !utf8.ValidString(s.Text) {
					t.Fatalf("segment %q splits a character", s.Text)
				}
			}
		}
		_ = snippet(body)
		_ = parseFocus(body, len(body))
	})
}

func FuzzSnippet(f *testing.F) {
	f.Add("a \x02hit\x03 b")
	f.Add("\x03\x02\x02")
	f.Fuzz(func(t *testing.T, s string) {
		var b strings.Builder
		for _, p := range snippet(s) {
			if strings.ContainsAny(p.Text, "\x02\x03") {
				t.Fatalf("marker left in %q", p.Text)
			}
			b.WriteString(p.Text)
		}
		if want := strings.NewReplacer("\x02", "", "\x03", "").Replace(s); b.String() != want {
			t.Fatalf("snippet lost text: %q vs %q", b.String(), want)
		}
	})
}

func BenchmarkSegments(b *testing.B) {
	in, err := os.ReadFile(filepath.Join("testdata", "talks.input.json"))
	if err != nil {
		b.Fatal(err)
	}
	var a article.Article
	if err := json.Unmarshal(in, &a); err != nil {
		b.Fatal(err)
	}
	// Ten copies of the article's body and analyses, to look like a long report.
	long := a
	long.Body = strings.Repeat(a.Body+"\n\n", 10)
	long.Statements, long.Mentions, long.Timexes = nil, nil, nil
	for i := range 10 {
		off := i * (len(a.Body) + 2)
		sh := func(s article.Span) article.Span { return article.Span{s[0] + off, s[1] + off} }
		for _, s := range a.Statements {
			s.Span, s.CueSpan, s.SpeakerSpan = sh(s.Span), sh(s.CueSpan), sh(s.SpeakerSpan)
			long.Statements = append(long.Statements, s)
		}
		for _, m := range a.Mentions {
			m.Span = sh(m.Span)
			long.Mentions = append(long.Mentions, m)
		}
		for _, x := range a.Timexes {
			x.Span = sh(x.Span)
			long.Timexes = append(long.Timexes, x)
		}
	}
	marks := ArticleMarks(&long, article.Span{})
	b.SetBytes(int64(len(long.Body)))
	b.ReportAllocs()
	for b.Loop() {
		_ = Segments(long.Body, marks)
	}
}
