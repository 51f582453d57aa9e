package sqlite_test

import (
	"context"
	"fmt"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/store"
	"github.com/parley-news/parley/internal/store/sqlite"
)

func Example() {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, ":memory:", nil) // a temporary file, removed on Close
	if err != nil {
		fmt.Println(err)
		return
	}
	defer st.Close()

	body := `"We will meet again," the envoy said.`
	a := &article.Article{Source: "note.txt", Title: "Envoy hopeful", Published: "2023-04-01", Outlet: "Example Post", Body: body,
		Pipeline: "v1", Statements: []article.Statement{{
			Speaker: article.Actor{Name: "the envoy"}, Kind: article.Direct, Cue: "said",
			Text: "We will meet again,", Span: article.Span{0, len(body)}, TextSpan: article.Span{1, 20},
		}}}
	first, _ := st.SaveArticle(ctx, a)
	again, _ := st.SaveArticle(ctx, a)
	fmt.Println(first.Status, again.Status, first.ID == again.ID)

	hits, _ := st.Statements(ctx, store.StatementQuery{Query: "meet", From: "2023-04"})
	for _, h := range hits {
		fmt.Printf("%s (%s, %s): %s\n", h.Speaker.Name, h.Outlet, h.EffectiveDate, h.Text)
	}
	// Output:
	// new duplicate true
	// the envoy (Example Post, 2023-04-01): We will meet again,
}
