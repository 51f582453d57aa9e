package facts

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/store"
	"github.com/parley-news/parley/internal/store/sqlite"
)

// dayArticle is a short report published on day, with one event and one
// statement dated that day; n makes its text its own.
func dayArticle(t *testing.T, day string, n int) *article.Article {
	t.Helper()
	body := fmt.Sprintf("Envoy Ana Ruiz met minister Li Wen in Geneva. \"Offer number %d stands,\" Ruiz said.", n)
	at := func(s string) article.Span {
		i := strings.Index(body, s)
		if i < 0 {
			t.Fatalf("%q not in %q", s, body)
		}
		return article.Span{i, i + len(s)}
	}
	text := fmt.Sprintf("Offer number %d stands,", n)
	return &article.Article{
		Source: fmt.Sprintf("a%d.txt", n), Title: fmt.Sprintf("Talks, round %d", n), Published: day,
		PublishedBasis: article.BasisInput, Outlet: "Wire", Language: "en", Body: body, Pipeline: "test",
		Statements: []article.Statement{{
			Speaker: article.Actor{Name: "Ana Ruiz", Title: "Envoy", Kind: article.Person}, Kind: article.Direct,
			Cue: "said", Text: text, Date: day, Span: at(`"` + text + `" Ruiz said`), TextSpan: at(text),
			CueSpan: at("said"), SpeakerSpan: at("Ruiz said"),
		}},
		Events: []article.Event{{Date: day, Type: "MEET", Actor: article.Actor{Name: "Ana Ruiz", Kind: article.Person},
			Target: &article.Actor{Name: "Li Wen", Kind: article.Person}, Text: "met", Span: at("met")}},
	}
}

func openTimelineStore(t *testing.T, days []string) store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "t.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for i, d := range days {
		if _, err := st.SaveArticle(ctx, dayArticle(t, d, i)); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

func factKeys(fs []Fact) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Date+" "+f.Kind+" "+f.Text)
	}
	return out
}

// TestTimelineWindow: a store holding more than the limit gives its newest
// days, complete, and where the earlier ones begin; walking back window by
// window lists every fact once, as one read without a limit does.
func TestTimelineWindow(t *testing.T) {
	ctx := context.Background()
	var days []string
	d0 := time.Date(2030, 3, 1, 0, 0, 0, 0, time.UTC)
	for i := range 12 {
		days = append(days, d0.AddDate(0, 0, i).Format("2006-01-02"))
	}
	st := openTimelineStore(t, days)

	whole, err := TimelineWindow(ctx, st, TimelineQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if whole.Earlier != "" || len(whole.Facts) != 24 {
		t.Fatalf("unlimited: %d facts, earlier %q; want 24 and none", len(whole.Facts), whole.Earlier)
	}
	w, err := TimelineWindow(ctx, st, TimelineQuery{Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	if w.Earlier != days[7] {
		t.Errorf("earlier = %q, want %q (the oldest day read, left to the next window)", w.Earlier, days[7])
	}
	for _, f := range w.Facts {
		if f.Date <= days[7] {
			t.Errorf("fact of %s on the window after %s", f.Date, days[7])
		}
	}
	if len(w.Facts) != 8 {
		t.Errorf("window holds %d facts, want 8 (4 days, an event and a statement each)", len(w.Facts))
	}
	var walked []string
	q := TimelineQuery{Limit: 5}
	for range 10 {
		w, err := TimelineWindow(ctx, st, q)
		if err != nil {
			t.Fatal(err)
		}
		walked = append(walked, factKeys(w.Facts)...)
		if w.Earlier == "" {
			break
		}
		q.To = w.Earlier
	}
	want := factKeys(whole.Facts)
	slices.Sort(walked)
	slices.Sort(want)
	if !slices.Equal(walked, want) {
		t.Errorf("walking back:\n%v\nwant\n%v", walked, want)
	}
	// One kind only: the same windows.
	ev, err := TimelineWindow(ctx, st, TimelineQuery{Kind: Event, Limit: 5})
	if err != nil || ev.Earlier != days[7] || len(ev.Facts) != 4 {
		t.Errorf("events only: %d facts, earlier %q, %v", len(ev.Facts), ev.Earlier, err)
	}
}

// TestTimelineWindowCrowdedDay: a day with more items than the limit is
// shown in part rather than as an empty window that points at itself.
func TestTimelineWindowCrowdedDay(t *testing.T) {
	st := openTimelineStore(t, []string{"2030-03-01", "2030-03-02", "2030-03-02", "2030-03-02"})
	w, err := TimelineWindow(context.Background(), st, TimelineQuery{Kind: Statement, Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	reports := 0
	for _, f := range w.Facts {
		reports += len(f.Reports)
		if f.Date != "2030-03-02" {
			t.Errorf("fact of %s on the crowded day's window", f.Date)
		}
	}
	if reports != 2 || w.Earlier != "2030-03-02" {
		t.Errorf("crowded day: %d reports, earlier %q; want 2 and 2030-03-02", reports, w.Earlier)
	}
}
