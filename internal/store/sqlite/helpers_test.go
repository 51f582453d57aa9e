package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-news/parley/internal/article"
)

// openTest opens a fresh database file in t.TempDir().
func openTest(t testing.TB) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.db"), nil)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// span locates the first occurrence of sub in body; the test texts are
// written so that it is unique.
func span(t testing.TB, body, sub string) article.Span {
	t.Helper()
	i := strings.Index(body, sub)
	if i < 0 {
		t.Fatalf("%q not in body", sub)
	}
	return article.Span{i, i + len(sub)}
}

// quote builds a direct statement whose text, cue and speaker are found in body.
func quote(t testing.TB, body, speaker, title, cue, text, date string) article.Statement {
	t.Helper()
	ts, cs, ss := span(t, body, text), span(t, body, cue), span(t, body, speaker)
	lo, hi := min(ts[0], cs[0], ss[0]), max(ts[1], cs[1], ss[1])
	return article.Statement{
		Speaker: article.Actor{Name: speaker, Title: title, Kind: article.Person},
		Kind:    article.Direct, Text: text, Cue: cue, Date: date,
		Span: article.Span{lo, hi}, TextSpan: ts, CueSpan: cs, SpeakerSpan: ss,
	}
}

// sample returns a short invented report with two statements, a mention,
// a timex and an event.
func sample(t testing.TB, source, outlet, published string) *article.Article {
	t.Helper()
	body := `Delegates from Ruritania and Freedonia met in Vienna on Tuesday. ` +
		`"We are close to a deal on the border," Ruritanian envoy Mara Lind said. ` +
		`Freedonian minister Otto Brandt said the talks would resume next week.`
	a := &article.Article{
		Source: source, Title: "Border talks make progress", Published: published,
		PublishedBasis: article.BasisInput, Place: "Vienna", Outlet: outlet, Language: "en",
		Body: body, Pipeline: "test-1",
	}
	a.Statements = []article.Statement{
		quote(t, body, "Mara Lind", "envoy", "said", "We are close to a deal on the border,", ""),
		{
			Speaker: article.Actor{Name: "Otto Brandt", Title: "minister", Affiliation: "Freedonia", Kind: article.Person, Aliases: []string{"Brandt"}},
			Kind:    article.Indirect, Cue: "said", Text: "the talks would resume next week",
			Span:     span(t, body, `Freedonian minister Otto Brandt said the talks would resume next week`),
			TextSpan: span(t, body, "the talks would resume next week"), CueSpan: cueAfter(t, body, "Brandt said", "said"),
			SpeakerSpan: span(t, body, "Otto Brandt"),
		},
	}
	a.Mentions = []article.Mention{
		{Text: "Ruritania", Type: article.GPE, Actor: "Ruritania", Span: span(t, body, "Ruritania")},
		{Text: "Vienna", Type: article.Loc, Span: span(t, body, "Vienna")},
	}
	a.Timexes = []article.Timex{{Text: "Tuesday", Type: article.Date, Value: "2022-02-15", Span: span(t, body, "Tuesday")}}
	a.Events = []article.Event{{
		Date: "2022-02-15", Type: "MEET", Actor: article.Actor{Name: "Ruritania", Kind: article.GPE},
		Target: &article.Actor{Name: "Freedonia", Kind: article.GPE}, Text: "met", Span: span(t, body, "met"),
	}}
	return a
}

// withBody returns a copy of a with a different body (and so a different
// hash), its analyses dropped.
func withBody(a *article.Article, extra string) *article.Article {
	b := *a
	b.Body = a.Body + " " + extra
	b.ContentHash = ""
	b.Statements, b.Mentions, b.Timexes, b.Events = nil, nil, nil, nil
	return &b
}

// countRows counts the rows of every table that holds article data.
func countRows(t testing.TB, s *Store) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, table := range []string{"articles", "statements", "mentions", "timexes", "events", "actors", "actor_aliases", "articles_fts", "statements_fts"} {
		var n int
		if err := s.read.QueryRow(fmt.Sprintf("SELECT count(*) FROM %s", table)).Scan(&n); err != nil {
			t.Fatalf("count %s: %v", table, err)
		}
		out[table] = n
	}
	return out
}

// cueAfter locates cue at the end of the unique phrase ctx.
func cueAfter(t testing.TB, body, ctx, cue string) article.Span {
	t.Helper()
	s := span(t, body, ctx)
	return article.Span{s[1] - len(cue), s[1]}
}
