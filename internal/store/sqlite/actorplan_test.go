package sqlite

import (
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/store"
)

// planArticle is article n of a store where one actor ("Ada Big") says
// most things, a few ("Mid 0".."Mid 2") some, and each article has a
// speaker of its own ("Solo n"); a second version keeps only the Mid's.
// Statement dates jump around the publication date so that article order
// is not date order.
func planArticle(n, version int) *article.Article {
	var b strings.Builder
	fmt.Fprintf(&b, "GENEVA (Plan Wire) - Version %d. ", version)
	a := &article.Article{Source: fmt.Sprintf("plan/%d.txt", n), Title: fmt.Sprintf("Talks, day %d", n),
		Published: fmt.Sprintf("2022-03-%02d", n%28+1), Outlet: "Plan Wire", Language: "en", Pipeline: "plan"}
	say := func(name, title, date string) {
		start := b.Len()
		text := fmt.Sprintf("Point %d of %s", len(a.Statements), name)
		fmt.Fprintf(&b, "\"%s,\" said %s. ", text, name)
		a.Statements = append(a.Statements, article.Statement{
			Speaker: article.Actor{Name: name, Title: title, Kind: article.Person},
			Kind:    article.Direct, Text: text, Cue: "said", Date: date,
			Span: article.Span{start, b.Len() - 1}, TextSpan: article.Span{start + 1, start + 1 + len(text)},
		})
	}
	for i := range 5 * (2 - version) { // a new version drops them
		date := ""
		if i%2 == 1 {
			date = fmt.Sprintf("2022-02-%02d", (n*3+i)%28+1)
		}
		title := "minister"
		if (n+i)%4 == 0 {
			title = "foreign minister"
		}
		say("Ada Big", title, date)
	}
	say(fmt.Sprintf("Mid %d", n%3), "envoy", "")
	if version == 1 { // a new version drops the speaker of its own
		say(fmt.Sprintf("Solo %d", n), "", fmt.Sprintf("2022-01-%02d", n%28+1))
	}
	fmt.Fprintf(&b, "Reference %d.", n)
	a.Body = b.String()
	return a
}

func planStore(t *testing.T) *Store {
	t.Helper()
	s := openTest(t)
	for n := range 30 {
		if _, err := s.SaveArticle(context.Background(), planArticle(n, 1)); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// TestActorPlans: an actor's statements listed through statements_actor
// (sorted) and through statements_newest (filtered) are the same rows in
// the same order, for every way of paging and filtering, and the order is
// the newest order.
func TestActorPlans(t *testing.T) {
	ctx := context.Background()
	s := planStore(t)
	all, err := s.Statements(ctx, store.StatementQuery{Limit: store.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	actorOf := map[string]int64{}
	for _, st := range all {
		actorOf[st.Speaker.Name] = st.ActorID
	}
	for _, name := range []string{"Ada Big", "Mid 1", "Solo 7"} {
		var want []int64
		for _, st := range all { // all is in the newest order
			if st.Speaker.Name == name {
				want = append(want, st.ID)
			}
		}
		if len(want) == 0 {
			t.Fatalf("no statements of %s", name)
		}
		queries := []store.StatementQuery{
			{ActorID: actorOf[name], Limit: 7},
			{ActorID: actorOf[name], Limit: 4, Offset: 3},
			{ActorID: actorOf[name], Limit: 50, From: "2022-02", To: "2022-03-10"},
			{Speaker: strings.ToLower(name), Limit: 5},
			{Speaker: name, ActorID: actorOf[name], Limit: 6, Kind: article.Direct},
		}
		for qi, q := range queries {
			var got [3][]int64
			for i, index := range []string{"statements_actor", "statements_newest", ""} {
				s.actorIndex = index
				q := q
				for page := 0; page < 100; page++ {
					rows, err := s.Statements(ctx, q)
					if err != nil {
						t.Fatalf("%s query %d (%s): %v", name, qi, index, err)
					}
					for _, r := range rows {
						got[i] = append(got[i], r.ID)
					}
					if len(rows) < q.Limit || q.Offset > 0 {
						break
					}
					cur := rows[len(rows)-1].Cursor()
					q.After = cur
				}
			}
			s.actorIndex = ""
			if !slices.Equal(got[0], got[1]) || !slices.Equal(got[0], got[2]) {
				t.Errorf("%s query %d: plans differ:\nactor  %v\nnewest %v\nchosen %v", name, qi, got[0], got[1], got[2])
			}
			if qi == 0 && !slices.Equal(got[0], want) {
				t.Errorf("%s: got %v, want the newest order %v", name, got[0], want)
			}
			if qi == 1 && !slices.Equal(got[0], want[min(3, len(want)):min(7, len(want))]) {
				t.Errorf("%s with offset 3: got %v, want %v", name, got[0], want[min(3, len(want)):min(7, len(want))])
			}
		}
	}
}

// TestNewestCheaper: the newest order for an actor with a large share of
// the statements, the actor's own entries for a small one.
func TestNewestCheaper(t *testing.T) {
	for _, tt := range []struct {
		c, n, rows int64
		want       bool
	}{
		{510_000, 9_400_000, 51, true},
		{5_000, 9_400_000, 51, false},
		{20_000, 9_400_000, 51, true},
		{216_000, 9_400_000, 5_051, true},
		{216_000, 9_400_000, 200_051, false}, // a deep page: sorting is cheaper
		{0, 10, 10, false},
	} {
		if got := newestCheaper(tt.c, tt.n, tt.rows); got != tt.want {
			t.Errorf("newestCheaper(%d, %d, %d) = %v, want %v", tt.c, tt.n, tt.rows, got, tt.want)
		}
	}
}

// TestActorEdgesBothWays: as statements leave (deleted, or retired with
// their article by a new version), each actor's and each speaker form's
// first and last dates stay those of a recount, whether the triggers found
// them through statements_actor (small actors) or statements_newest (the
// large one).
func TestActorEdgesBothWays(t *testing.T) {
	ctx := context.Background()
	s := planStore(t)
	type edge struct{ first, last string }
	recount := func(table, key string) map[string]edge {
		out := map[string]edge{}
		q := `SELECT ` + key + `, coalesce(min(nullif(s.eff_date, 0)), 0), coalesce(max(s.eff_date), 0)
			FROM statements s JOIN articles a ON a.id = s.article_id WHERE a.current = 1 AND s.actor_id IS NOT NULL GROUP BY ` + key
		if table != "" {
			q = `SELECT ` + key + `, first_date, last_date FROM ` + table + ` WHERE ` + map[string]string{"actor_stats": "statements", "actor_forms": "n"}[table] + ` > 0`
		}
		rows, err := s.write.QueryContext(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var k, f, l string
			if err := rows.Scan(&k, &f, &l); err != nil {
				t.Fatal(err)
			}
			out[k] = edge{f, l}
		}
		return out
	}
	const byActor = "actor_id"
	const byForm = "actor_id || '|' || form"
	const byFormS = "s.actor_id || '|' || s.form"
	check := func(when string) {
		t.Helper()
		if got, want := recount("actor_stats", byActor), recount("", "s."+byActor); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("%s: actor edges %v, recount %v", when, got, want)
		}
		if got, want := recount("actor_forms", byForm), recount("", byFormS); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("%s: form edges %v, recount %v", when, got, want)
		}
	}
	check("built")

	// The large actor is found through statements_newest, the one-statement
	// speakers through statements_actor (edgesBySize's rule: 4c² > N).
	var big, n int64
	if err := s.write.QueryRowContext(ctx, `SELECT (SELECT statements FROM actor_stats WHERE name = 'Ada Big'), (SELECT n FROM counters WHERE name = 'statements')`).Scan(&big, &n); err != nil {
		t.Fatal(err)
	}
	if 4*big*big <= n || 4*1*1 > n {
		t.Fatalf("the store does not have one large actor and small ones: %d of %d", big, n)
	}

	var ids []int64
	rows, err := s.write.QueryContext(ctx, `SELECT id FROM statements ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	// Delete the earliest and the latest statements (they move the
	// dates), ties in a random order.
	r := rand.New(rand.NewPCG(1, 2))
	r.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
	dateOf := map[int64]string{}
	for _, id := range ids {
		var d string
		if err := s.write.QueryRowContext(ctx, `SELECT eff_date FROM statements WHERE id = ?`, id).Scan(&d); err != nil {
			t.Fatal(err)
		}
		dateOf[id] = d
	}
	slices.SortStableFunc(ids, func(a, b int64) int { return cmp.Compare(dateOf[a], dateOf[b]) })
	k := 10 // some of each kind left for the new versions below
	for i, id := range slices.Concat(ids[:k], ids[len(ids)-k:]) {
		if _, err := s.write.ExecContext(ctx, `DELETE FROM statements WHERE id = ?`, id); err != nil {
			t.Fatal(err)
		}
		check(fmt.Sprintf("deleted %d (%d of %d)", id, i+1, 2*k))
	}
	// New versions retire whole articles, the latest-dated first.
	for n := 29; n >= 20; n-- {
		if res, err := s.SaveArticle(ctx, planArticle(n, 2)); err != nil || res.Status != store.NewVersion {
			t.Fatalf("new version of %d: %+v %v", n, res, err)
		}
		check(fmt.Sprintf("new version of %d", n))
	}
}
