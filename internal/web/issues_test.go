package web

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/dossier"
	"github.com/parley-news/parley/internal/store/sqlite"
	"github.com/parley-news/parley/internal/store/storetest"
)

// TestTimelineIssueMarks: the timeline's issue filter finds every
// statement linked to the issue, not only the latest ones a cell shows as
// its evidence.
func TestTimelineIssueMarks(t *testing.T) {
	ctx := context.Background()
	d, err := dossier.Parse("talks.yaml", []byte(storetest.LinksDossier))
	if err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "m.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	r := rand.New(rand.NewPCG(3, 7))
	var as []*article.Article
	for i := range 150 {
		as = append(as, storetest.LinkArticle(r, i, 1, nil))
	}
	if _, err := st.SaveArticles(ctx, as); err != nil {
		t.Fatal(err)
	}
	all, err := dossier.PositionsFrom(ctx, st, d, dossier.Options{Evidence: -1})
	if err != nil {
		t.Fatal(err)
	}
	// The issue with the most evidence, past what a cell shows.
	byIssue := map[string][][2]int64{}
	for _, c := range all {
		for _, e := range c.Evidence {
			byIssue[c.Issue] = append(byIssue[c.Issue], [2]int64{e.ArticleID, int64(e.Span.Start())})
		}
	}
	issue := ""
	for is, ev := range byIssue {
		if issue == "" || len(ev) > len(byIssue[issue]) {
			issue = is
		}
	}
	if len(byIssue[issue]) <= 2*dossier.DefaultEvidence {
		t.Fatalf("the generated store links %d statements to %s: too few to test", len(byIssue[issue]), issue)
	}
	srv, err := New(Config{Dossier: d}, st, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	c := &http.Client{}
	covered := map[[2]int64]bool{}
	for offset := 0; ; offset += 500 {
		_, _, body := get(t, c, fmt.Sprintf("%s/api/v1/timeline?issue=%s&kind=statement&limit=500&offset=%d", ts.URL, issue, offset))
		m := decode(t, body)
		for _, it := range m["items"].([]any) {
			for _, rp := range it.(map[string]any)["reports"].([]any) {
				rep := rp.(map[string]any)
				sp := rep["span"].([]any)
				covered[[2]int64{int64(rep["article_id"].(float64)), int64(sp[0].(float64))}] = true
			}
		}
		if m["next_offset"] == nil {
			break
		}
	}
	missing := 0
	for _, e := range byIssue[issue] {
		if !covered[e] {
			missing++
		}
	}
	if missing > 0 {
		t.Errorf("%d of the %d statements linked to %s are not on its timeline", missing, len(byIssue[issue]), issue)
	}
}
