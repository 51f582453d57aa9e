package article

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"testing"
)

// reference is what `parley extract` printed before AppendContractJSON:
// encoding/json over Contract(), HTML escaping off, without the newline.
func reference(t testing.TB, a *Article) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(a.Contract()); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

func full() *Article {
	return &Article{
		Source: "a.txt", URL: "https://example.org/a?b=1&c=<2>", Title: "A \"title\"", Standfirst: "Stand\tfirst",
		Published: "2022-01-26", PublishedBasis: BasisDateline, TimeAnchor: "2022-01-25", TimeAnchorBasis: "text",
		Place: "Geneva", Outlet: "Wire", Language: "en", Body: "Line one.\n\nLine “two” \u2028 \x01\x7f é \xff end\\",
		ContentHash: "abc", Pipeline: "0.3.0",
		Statements: []Statement{
			{Speaker: Actor{Name: "A B", Title: "Minister", Affiliation: "X", Kind: Person, Aliases: []string{"B", "AB"}},
				Kind: Direct, Text: "t", Cue: "said", Date: "2022-01-26", DateBasis: DateRelative,
				Span: Span{1, 20}, TextSpan: Span{2, 10}, CueSpan: Span{11, 15}, SpeakerSpan: Span{16, 19}},
			{Speaker: Actor{Name: "C", Aliases: []string{}}, Kind: Indirect, DateBasis: DateNone},
		},
		Mentions: []Mention{{Text: "A B", Type: Person, Actor: "A B", Span: Span{0, 3}}, {Text: "West", Type: Other}},
		Timexes:  []Timex{{Text: "on Wednesday", Type: Date, Value: "2022-01-26", Span: Span{5, 17}}},
		Events: []Event{
			{Date: "2022-02", Type: "CONSULT", Mode: "visit", Actor: Actor{Name: "R", Kind: GPE}, Target: &Actor{Name: "W"}, Text: "x", Span: Span{0, 1}},
			{Type: "REJECT", Actor: Actor{Name: "N"}},
		},
	}
}

func TestAppendContractJSON(t *testing.T) {
	tests := []struct {
		name string
		a    *Article
	}{
		{"zero", &Article{}},
		{"empty slices", &Article{Mentions: []Mention{}, Timexes: []Timex{}, Statements: []Statement{}, Events: []Event{}}},
		{"full", full()},
		{"headline statements", func() *Article {
			a := full()
			a.HeadlineStatements = []Statement{{Speaker: Actor{Name: "A B"}, Kind: Indirect, Text: "h", Cue: "says", Date: "2022-01-26", DateBasis: DateEvent}}
			return a
		}()},
		{"headline statements only", &Article{HeadlineStatements: []Statement{{Kind: Direct}}}},
		{"negative span", &Article{Mentions: []Mention{{Span: Span{-1, 1 << 40}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := reference(t, tt.a)
			if got := tt.a.AppendContractJSON(nil); !bytes.Equal(got, want) {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}

// TestAppendStringRandom holds appendString to encoding/json on random
// strings drawn from the bytes that need care: control bytes, quotes,
// backslashes, HTML characters, invalid UTF-8 and U+2028/U+2029.
func TestAppendStringRandom(t *testing.T) {
	pieces := []string{"a", " ", "\"", "\\", "\n", "\t", "\b", "\f", "\r", "\x00", "\x1f", "\x7f", "<", ">", "&",
		"é", "“", "\u2028", "\u2029", "\xff", "\xe2\x80", "\xe2", "\xf0\x9f\x98\x80", "\xed\xa0\x80", "\U0010ffff"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		var s []byte
		for range r.IntN(12) {
			s = append(s, pieces[r.IntN(len(pieces))]...)
		}
		a := &Article{Body: string(s), Mentions: []Mention{{Text: string(s)}}}
		if got, want := a.AppendContractJSON(nil), reference(t, a); !bytes.Equal(got, want) {
			t.Fatalf("%q: got %s want %s", s, got, want)
		}
	}
}

func FuzzAppendContractJSON(f *testing.F) {
	f.Add("body \u2028 \xff", "title", "", 3, -1)
	f.Add("", "\"\\\x01", "2022-01-01", 0, 0)
	f.Fuzz(func(t *testing.T, body, title, date string, x, y int) {
		a := full()
		a.Body, a.Title, a.Published = body, title, date
		a.Statements[1].Text, a.Statements[1].Date = body, date
		a.Events[1].Date = date
		a.Mentions[1].Span = Span{x, y}
		if got, want := a.AppendContractJSON(nil), reference(t, a); !bytes.Equal(got, want) {
			t.Fatalf("got\n%s\nwant\n%s", got, want)
		}
	})
}

func BenchmarkAppendContractJSON(b *testing.B) {
	a := full()
	a.Body = string(bytes.Repeat([]byte("The minister said on Wednesday that “talks” would resume.\n\n"), 60))
	b.SetBytes(int64(len(a.Body)))
	var buf []byte
	for b.Loop() {
		buf = a.AppendContractJSON(buf[:0])
	}
}

func BenchmarkContractEncodingJSON(b *testing.B) {
	a := full()
	a.Body = string(bytes.Repeat([]byte("The minister said on Wednesday that “talks” would resume.\n\n"), 60))
	b.SetBytes(int64(len(a.Body)))
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for b.Loop() {
		buf.Reset()
		if err := enc.Encode(a.Contract()); err != nil {
			b.Fatal(err)
		}
	}
}
