package sqlite

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/store"
	"github.com/parley-news/parley/internal/store/storetest"
)

// FuzzSearch feeds arbitrary user queries to both full-text searches: they
// must never fail, and a query with nothing searchable matches nothing.
func FuzzSearch(f *testing.F) {
	for _, q := range []string{"ceasefire", `"U.S."`, "NOT", "*", `"`, "a OR b", "NEAR(a b, 2)", "col:x", "-x", "^x", "x*y", "\x00", "Zürich", `"a" "b"*`, "((", "AND", `""*`} {
		f.Add(q)
	}
	s, _ := storetest.Corpus(f, func(t testing.TB) store.Store { return openTest(t) })
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, q string) {
		arts, err := s.Articles(ctx, store.ArticleQuery{Query: q, Limit: 3})
		if err != nil {
			t.Fatalf("Articles(%q): %v", q, err)
		}
		stmts, err := s.Statements(ctx, store.StatementQuery{Query: q, Limit: 3, Speaker: q})
		if err != nil {
			t.Fatalf("Statements(%q): %v", q, err)
		}
		if strings.TrimSpace(q) != "" && len(store.ParseQuery(q)) == 0 && (len(arts) > 0 || len(stmts) > 0) {
			t.Fatalf("unsearchable %q matched %d articles, %d statements", q, len(arts), len(stmts))
		}
		if _, err := s.Articles(ctx, store.ArticleQuery{Query: q, Order: store.Relevance, Limit: 3}); err != nil {
			t.Fatalf("Articles(%q, Relevance): %v", q, err)
		}
	})
}

// FuzzSaveArticle stores arbitrary text fields and requires them back
// unchanged, and a second save of the same article to be a duplicate.
func FuzzSaveArticle(f *testing.F) {
	f.Add("src.txt", "Title", "Body text.", "2022-01-01", "Speaker", "said it")
	f.Add("", "", "", "", "", "")
	f.Add("\x00", "\xff\xfe", `"'; DROP TABLE articles; --`, "2022-13-45T", "%_\\", "\u2028")
	s := openTest(f)
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, source, title, body, published, speaker, text string) {
		a := &article.Article{Source: source, Title: title, Body: body, Published: published, Pipeline: "fuzz",
			Statements: []article.Statement{{Speaker: article.Actor{Name: speaker, Aliases: []string{text}}, Text: text, Span: article.Span{-1, 1 << 40}}}}
		res, err := s.SaveArticle(ctx, a)
		if err != nil {
			t.Fatalf("save: %v", err)
		}
		got, err := s.Article(ctx, res.ID)
		if err != nil {
			t.Fatalf("read: %v", err)
		}
		if res.Status != store.Duplicate {
			if got.Source != source || got.Title != title || got.Body != body || got.Published != published ||
				len(got.Statements) != 1 || got.Statements[0].Text != text || got.Statements[0].Span != a.Statements[0].Span {
				t.Fatalf("round trip changed the article: %+v", got)
			}
		}
		again, err := s.SaveArticle(ctx, a)
		if err != nil || again.Status != store.Duplicate || again.ID != res.ID {
			t.Fatalf("second save: %+v, %v", again, err)
		}
		if utf8.ValidString(title) {
			if _, err := s.Articles(ctx, store.ArticleQuery{Query: title, Limit: 1}); err != nil {
				t.Fatalf("search title: %v", err)
			}
		}
	})
}
