package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/ingest"
)

// checkArticle holds the invariants every analysed article keeps, whatever
// the input: each span lies inside the body on rune boundaries and says
// what its text says (white space folded), statement parts lie inside their statement, dates
// are ISO, and the contract JSON is valid. It returns the first broken
// one.
func checkArticle(a *article.Article) error {
	body := a.Body
	inBody := func(what string, s article.Span) error {
		if s[0] < 0 || s[1] > len(body) || s[0] > s[1] {
			return fmt.Errorf("%s span %v outside the %d-byte body", what, s, len(body))
		}
		if utf8.ValidString(body) && (s[0] < len(body) && !utf8.RuneStart(body[s[0]]) || s[1] < len(body) && !utf8.RuneStart(body[s[1]])) {
			return fmt.Errorf("%s span %v splits a rune", what, s)
		}
		return nil
	}
	// A name or time expression may run over a line end the analyses
	// read as a space (layout.Soften): its text is its span's, white
	// space folded.
	fold := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	isDate := func(d string) bool {
		if d == "" {
			return true
		}
		_, err := time.Parse("2006-01-02", d)
		if len(d) == 7 {
			_, err = time.Parse("2006-01", d)
		} else if len(d) == 4 {
			_, err = time.Parse("2006", d)
		}
		return err == nil
	}
	for i, s := range a.Statements {
		for _, x := range []struct {
			what string
			sp   article.Span
		}{{"statement", s.Span}, {"statement text", s.TextSpan}, {"cue", s.CueSpan}, {"speaker", s.SpeakerSpan}} {
			if err := inBody(fmt.Sprintf("%s %d", x.what, i), x.sp); err != nil {
				return err
			}
		}
		if s.Span.Len() == 0 {
			return fmt.Errorf("statement %d has an empty span", i)
		}
		// The content, the cue and the speaker's words are parts of the
		// statement (zero spans: not located).
		for _, part := range []article.Span{s.TextSpan, s.CueSpan, s.SpeakerSpan} {
			if part != (article.Span{}) && !s.Span.Contains(part) {
				return fmt.Errorf("statement %d: part %v outside its span %v", i, part, s.Span)
			}
		}
		if s.Kind != article.Direct && s.Kind != article.Indirect && s.Kind != article.Mixed {
			return fmt.Errorf("statement %d: kind %q", i, s.Kind)
		}
		if !isDate(s.Date) || s.DateBasis == "" || (s.Date == "") != (s.DateBasis == article.DateNone) {
			return fmt.Errorf("statement %d: date %q basis %q", i, s.Date, s.DateBasis)
		}
		if s.Speaker.Name == "" {
			return fmt.Errorf("statement %d has no speaker", i)
		}
	}
	for i, m := range a.Mentions {
		if err := inBody(fmt.Sprintf("mention %d", i), m.Span); err != nil {
			return err
		}
		if m.Span.Len() == 0 || fold(body[m.Span[0]:m.Span[1]]) != fold(m.Text) {
			return fmt.Errorf("mention %d: span %v holds %q, not %q", i, m.Span, body[m.Span[0]:m.Span[1]], m.Text)
		}
	}
	for i, x := range a.Timexes {
		if err := inBody(fmt.Sprintf("timex %d", i), x.Span); err != nil {
			return err
		}
		if x.Span.Len() == 0 || fold(body[x.Span[0]:x.Span[1]]) != fold(x.Text) || x.Value == "" || x.Type == "" {
			return fmt.Errorf("timex %d: %+v", i, x)
		}
	}
	for i, e := range a.Events {
		if err := inBody(fmt.Sprintf("event %d", i), e.Span); err != nil {
			return err
		}
		if e.Type == "" || !isDate(e.Date) {
			return fmt.Errorf("event %d: type %q date %q", i, e.Type, e.Date)
		}
	}
	if !isDate(a.Published) && len(a.Published) < 10 {
		return fmt.Errorf("published %q", a.Published)
	}
	if js := a.AppendContractJSON(nil); !json.Valid(js) {
		return fmt.Errorf("contract JSON not valid: %.200s", js)
	}
	return nil
}

// TestCheckArticleCatches keeps checkArticle honest: each broken article
// below must be caught.
func TestCheckArticleCatches(t *testing.T) {
	good := func() *article.Article {
		return &article.Article{Body: "Lavrov said talks would go on.", Published: "2022-01-26",
			Mentions: []article.Mention{{Text: "Lavrov", Type: article.Person, Span: article.Span{0, 6}}},
			Statements: []article.Statement{{Speaker: article.Actor{Name: "Sergei Lavrov"}, Kind: article.Indirect,
				Date: "2022-01-26", DateBasis: article.DatePublication, Span: article.Span{0, 30}, TextSpan: article.Span{12, 29}}}}
	}
	if err := checkArticle(good()); err != nil {
		t.Fatalf("a sound article fails: %v", err)
	}
	for name, spoil := range map[string]func(a *article.Article){
		"span past the body": func(a *article.Article) { a.Statements[0].Span[1] = 31 },
		"mention text":       func(a *article.Article) { a.Mentions[0].Span = article.Span{1, 7} },
		"empty statement":    func(a *article.Article) { a.Statements[0].Span = article.Span{3, 3} },
		"date without basis": func(a *article.Article) { a.Statements[0].DateBasis = article.DateNone },
		"bad date":           func(a *article.Article) { a.Statements[0].Date = "2022-13-01" },
		"kind":               func(a *article.Article) { a.Statements[0].Kind = "quote" },
		"no speaker":         func(a *article.Article) { a.Statements[0].Speaker.Name = "" },
		"content outside":    func(a *article.Article) { a.Statements[0].Span = article.Span{0, 20} },
		"reversed timex span": func(a *article.Article) {
			a.Timexes = []article.Timex{{Text: "x", Type: "DATE", Value: "2022", Span: article.Span{5, 4}}}
		},
	} {
		a := good()
		spoil(a)
		if checkArticle(a) == nil {
			t.Errorf("%s: not caught", name)
		}
	}
}

// FuzzAnalyze runs the whole pipeline (furniture removal, dateline,
// statements, time expressions, events) over arbitrary text, as a text
// dump, a JSON Lines record's verbatim text and an HTML page, and holds
// every article it makes to checkArticle. Hostile input must give an
// article or an error, never a panic or a span that points elsewhere.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"GENEVA, Jan. 10 (Wire) — The deputy minister said on Monday that talks would go on.\n\n\"We will not give up,\" he told reporters. \"Never.\"",
		"MOSCOW, December 17. /Wire/. The ministry published two draft agreements on Friday, a spokeswoman said.",
		"Headline here\n\nBy Staff Writer\n\nThe envoy, who spoke on condition of anonymity, said: \"It is over.\" Share this:\nFacebook",
		"<html><head><title>Talks</title></head><body><article><p>Officials said on Tuesday that the 1990s were different.</p></article></body></html>",
		"\"Quote without end, said the minister on 31 Feb. 2022 at 25:61 p.m.",
		"“”‘’—–\u00a0\u2028 said said said \x00\xff 0010s early 1990s 12/31/1999",
		"", "\n\n\n", "said", "\"", "«Да», — сказал он.",
	} {
		f.Add(s, uint8(0), int64(1643155200))
	}
	p, err := New(Config{}, nil)
	if err != nil {
		f.Fatal(err)
	}
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, in string, mode uint8, unix int64) {
		if len(in) > 1<<16 {
			return
		}
		doc := ingest.Document{Source: "fuzz", Format: ingest.FormatText, Text: in}
		switch mode % 3 {
		case 1:
			doc.Verbatim, doc.Title, doc.Outlet = true, "Talks go on", "Wire"
			if unix%5 != 0 {
				doc.Published, doc.PublishedBasis = time.Unix(unix%(1<<35), 0).UTC(), "given"
			}
		case 2:
			doc.Format, doc.Text, doc.HTML = ingest.FormatHTML, "", []byte(in)
		}
		if !utf8.ValidString(in) && doc.Format == ingest.FormatText {
			doc.Text = strings.ToValidUTF8(in, "\uFFFD") // ingest decodes before the pipeline sees text
		}
		res, err := p.Analyze(ctx, doc, Options{})
		if err != nil {
			return
		}
		if err := checkArticle(res.Article); err != nil {
			t.Fatalf("mode %d: %v\ninput %q", mode%3, err, in)
		}
	})
}

// TestRealArticlesKeepInvariants runs checkArticle over the package's
// test articles, so an invariant too strict for real text fails here
// rather than only under the fuzzer.
func TestRealArticlesKeepInvariants(t *testing.T) {
	p, err := New(Config{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	docs := []string{
		"GENEVA, Jan. 10 (Wire) — Deputy Foreign Minister Anna Petrova said on Monday that talks with the alliance would go on.\n\n\"We will not give up,\" she told reporters. The ministry later said it had sent a reply.",
		"WASHINGTON (Wire) — The State Department said on Wednesday it had delivered written answers. \"The door is open,\" spokesman Tom Reid said, adding that a meeting could follow next week.",
	}
	for i, s := range docs {
		res, err := p.Analyze(context.Background(), ingest.Document{Source: fmt.Sprint(i), Format: ingest.FormatText, Text: s,
			Published: time.Date(2022, 1, 12, 0, 0, 0, 0, time.UTC), PublishedBasis: "given"}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Article.Statements) == 0 {
			t.Errorf("doc %d: no statements", i)
		}
		if err := checkArticle(res.Article); err != nil {
			t.Errorf("doc %d: %v", i, err)
		}
	}
}
