package sqlite

import (
	"context"
	"testing"

	"github.com/parley-news/parley/internal/article"
)

// corpus stores a handful of invented reports and returns the store and
// their ids by source.
func corpus(t testing.TB) (*Store, map[string]int64) {
	t.Helper()
	s := openTest(t)
	ctx := context.Background()
	type doc struct {
		source, outlet, published, title, body string
		quotes                                 [][4]string // speaker, cue, text, date
	}
	docs := []doc{
		{"a1", "Wire", "2022-02-10", "Envoys meet in Zürich",
			`Envoys met in Zürich on Thursday. "The U.S. position has not changed," Ambassador Jane Roe told reporters.`,
			[][4]string{{"Jane Roe", "told", "The U.S. position has not changed,", ""}}},
		{"a2", "Wire", "2022-02-14T09:30:00Z", "Ceasefire holds",
			`The ceasefire held overnight. "Nobody fired a shot," said Colonel Ivan Petrov. Petrov added that "patrols continue."`,
			[][4]string{{"Ivan Petrov", "said", "Nobody fired a shot,", ""}, {"Ivan Petrov", "added", "patrols continue.", "2022-02-13"}}},
		{"a3", "Daily Example", "2022-03-01", "Talks collapse",
			`Negotiations collapsed on Monday. "We will not sign," foreign minister Jane Roe said. Her deputy said talks could restart.`,
			[][4]string{{"Jane Roe", "said", "We will not sign,", ""}}},
		{"a4", "daily example", "2021-12-30", "Year-end review",
			`A review of the year's diplomacy. "It was a hard year," the spokesman said.`,
			[][4]string{{"", "said", "It was a hard year,", "2021-12"}}},
		{"a5", "Wire", "", "Undated note",
			`An undated note on negotiations.`, nil},
	}
	ids := map[string]int64{}
	for _, d := range docs {
		a := &article.Article{Source: d.source, Outlet: d.outlet, Published: d.published, Title: d.title, Body: d.body, Language: "en", Pipeline: "p1"}
		for _, q := range d.quotes {
			st := article.Statement{Speaker: article.Actor{Name: q[0], Kind: article.Person}, Kind: article.Direct, Cue: q[1], Text: q[2], Date: q[3],
				TextSpan: span(t, d.body, q[2]), CueSpan: span(t, d.body, q[1])}
			if q[0] != "" {
				st.SpeakerSpan = span(t, d.body, q[0])
			}
			st.Span = article.Span{min(st.TextSpan[0], st.CueSpan[0]), max(st.TextSpan[1], st.CueSpan[1])}
			a.Statements = append(a.Statements, st)
		}
		if d.source == "a2" {
			a.Statements[0].Speaker.Aliases = []string{"Colonel Petrov"}
		}
		res, err := s.SaveArticle(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		ids[d.source] = res.ID
	}
	return s, ids
}
