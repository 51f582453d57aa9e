package sqlite

import (
	"context"
	"database/sql"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/store"
	"github.com/parley-news/parley/internal/store/storetest"
)

// statementVocab lists the statement index's terms with how many
// statements hold each, as term=count: the index as FTS5 reads it.
func statementVocab(t *testing.T, s *Store, table string) []string {
	t.Helper()
	ctx := context.Background()
	if _, err := s.write.ExecContext(ctx, `CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab_`+table+` USING fts5vocab(main, `+table+`, row)`); err != nil {
		t.Fatal(err)
	}
	var out []string
	err := eachRowDB(ctx, s.write, `SELECT term, doc FROM temp.vocab_`+table+` ORDER BY term`, func(rows *sql.Rows) error {
		var term string
		var n int
		if err := rows.Scan(&term, &n); err != nil {
			return err
		}
		out = append(out, term+"="+strconv.Itoa(n))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// sameAsFresh fails t unless the statement index holds what one built
// afresh from the stored statements holds; it returns the index's terms.
func sameAsFresh(t *testing.T, s *Store) []string {
	t.Helper()
	ctx := context.Background()
	if _, err := s.write.ExecContext(ctx, `DROP TABLE IF EXISTS fresh_fts; CREATE VIRTUAL TABLE fresh_fts USING fts5(text, content='', columnsize=0,
		tokenize='unicode61 remove_diacritics 2', detail=none)`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.write.ExecContext(ctx, `INSERT INTO fresh_fts(rowid, text)
		SELECT s.id, `+stmtTextNow("s", "a")+` FROM statements s JOIN articles a ON a.id = s.article_id`); err != nil {
		t.Fatal(err)
	}
	got, want := statementVocab(t, s, "statements_fts"), statementVocab(t, s, "fresh_fts")
	if !slices.Equal(got, want) {
		t.Errorf("statement index:\n got %v\nwant %v", got, want)
	}
	if len(got) == 0 {
		t.Error("the statement index is empty")
	}
	return got
}

// TestStatementIndexMatches checks that the statement index, which keeps
// no sizes and so is told each removed statement's text (stmtFTSSizesSQL),
// holds after re-analyses, corrections and in-place edits exactly what an
// index built afresh from the stored statements holds: a statement taken
// out with other text than it went in with would leave its words behind.
func TestStatementIndexMatches(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	body := "GENEVA (Wire) -- \"Talks will resume in March,\" the envoy said on Tuesday. " +
		"The minister said the quota on dairy was not negotiable. Crème brûlée, she added, was off the menu."
	span := func(sub string) article.Span {
		i := strings.Index(body, sub)
		if i < 0 {
			t.Fatalf("%q not in the body", sub)
		}
		return article.Span{i, i + len(sub)}
	}
	st := func(name, kind, text string, fromBody bool) article.Statement {
		x := article.Statement{Speaker: article.Actor{Name: name}, Kind: kind, Text: text, DateBasis: article.DateRelative}
		if fromBody {
			x.Span, x.TextSpan = span(text), span(text)
		} else {
			// A text that is not the body's bytes: kept in the row.
			x.Span, x.TextSpan = span("the envoy"), span("the envoy")
		}
		return x
	}
	a := &article.Article{Source: "idx.txt", Title: "Index", Published: "2031-03-04", Body: body, Pipeline: "v1",
		Statements: []article.Statement{
			st("the envoy", article.Direct, "Talks will resume in March", true),
			st("the minister", article.Indirect, "the quota on dairy was not negotiable", true),
			st("the minister", "paraphrase", "dessert is not on the table", false),
		}}
	res, err := s.SaveArticle(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	other := &article.Article{Source: "other.txt", Title: "Other", Published: "2031-03-05",
		Body: "Steel tariffs stay, the trade chief said.", Pipeline: "v1",
		Statements: []article.Statement{{Speaker: article.Actor{Name: "the trade chief"}, Kind: article.Indirect,
			Text: "Steel tariffs stay", Span: article.Span{0, 18}, TextSpan: article.Span{0, 18}}}}
	if _, err := s.SaveArticle(ctx, other); err != nil {
		t.Fatal(err)
	}
	// Re-analysed: the statements go and others come.
	b := *a
	b.Pipeline = "v2"
	b.Statements = []article.Statement{
		st("the minister", article.Mixed, "Crème brûlée, she added, was off the menu", true),
		st("the envoy", "paraphrase", "talks resume in spring", false),
	}
	if err := s.ReplaceAnalyses(ctx, res.ID, &b); err != nil {
		t.Fatal(err)
	}
	// Edited in place: the trigger takes the old text out, puts the new in.
	if _, err := s.write.ExecContext(ctx, `UPDATE statements SET spans = parley_pack_spans(parley_span(spans, 0), parley_span(spans, 1),
		parley_span(spans, 2) + 7, parley_span(spans, 3), parley_span(spans, 4), parley_span(spans, 5), parley_span(spans, 6), parley_span(spans, 7))
		WHERE article_id = ? AND seq = 0`, res.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.write.ExecContext(ctx, `UPDATE statements SET text = 'talks resume in summer' WHERE article_id = ? AND seq = 1`, res.ID); err != nil {
		t.Fatal(err)
	}

	got := sameAsFresh(t, s)
	for _, gone := range []string{"quota", "dessert", "spring", "march"} {
		if slices.ContainsFunc(got, func(x string) bool { return strings.HasPrefix(x, gone+"=") }) {
			t.Errorf("%q still indexed after its statement went", gone)
		}
	}
	// And the search finds the statements as they are now.
	for q, n := range map[string]int{"creme": 0, "brulee": 1, "summer": 1, "dairy": 0, "tariffs": 1} {
		list, err := s.Statements(ctx, store.StatementQuery{Query: q, Limit: 10})
		if err != nil || len(list) != n {
			t.Errorf("search %q: %d statements, want %d (%v)", q, len(list), n, err)
		}
	}
	if n := ftsRows(t, s, "statements_fts"); n != 3 {
		t.Errorf("the index counts %d statements, want 3", n)
	}
	var kind, basis string
	if err := s.read.QueryRowContext(ctx, `SELECT kind, date_basis FROM statements WHERE article_id = ? AND seq = 0`, res.ID).Scan(&kind, &basis); err != nil {
		t.Fatal(err)
	}
	if kind != "m" || basis != "r" {
		t.Errorf("stored kind %q and basis %q, want the codes m and r", kind, basis)
	}
}

// TestStatementIndexAfterCorrections: corrections replayed as new
// versions of an article are saved (their rows deleted and written again
// in the save's own transaction, before the index is written) leave the
// statement index as a fresh one.
func TestStatementIndexAfterCorrections(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	res, err := s.SaveArticle(ctx, storetest.Sample(t, "talks.txt", "Wire", "2022-02-16"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.Article(ctx, res.ID)
	if err != nil || len(a.Statements) < 2 {
		t.Fatalf("%v %d statements", err, len(a.Statements))
	}
	ids, err := s.Statements(ctx, store.StatementQuery{ArticleID: res.ID, Order: store.StoreOrder, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	// The first statement's text cut shorter by a correction of its span.
	first := ids[0].TextSpan
	if _, err := s.AddCorrections(ctx, []store.Correction{
		{Kind: store.CorrectStatement, StatementID: ids[1].ID, By: "ana", Note: "deputy", Edit: &store.Edit{Speaker: "Lena Brandt"}},
		{Kind: store.CorrectStatement, StatementID: ids[0].ID, By: "ana", Note: "shorter", Edit: &store.Edit{Span: &article.Span{first[0], first[1] - 4}}},
	}); err != nil {
		t.Fatal(err)
	}
	sameAsFresh(t, s)
	for i, extra := range []string{"UPDATE: adds background.", "Talks resumed."} {
		v := storetest.Sample(t, "talks.txt", "Wire", "2022-02-16")
		if i == 0 {
			v.Body = extra + " " + v.Body
			for j := range v.Statements {
				st := &v.Statements[j]
				for _, sp := range []*article.Span{&st.Span, &st.TextSpan, &st.CueSpan, &st.SpeakerSpan} {
					sp[0], sp[1] = sp[0]+len(extra)+1, sp[1]+len(extra)+1
				}
			}
		} else {
			v.Body += " " + extra
		}
		v.ContentHash = ""
		v.Mentions, v.Timexes, v.Events = nil, nil, nil
		r, err := s.SaveArticle(ctx, v)
		if err != nil || r.Status != store.NewVersion {
			t.Fatalf("version %d: %+v %v", i+2, r, err)
		}
		sameAsFresh(t, s)
	}
}
