// Package storetest is the contract every store.Store implementation
// passes: one suite of table-driven scenarios, run by the SQLite store's
// tests and by the PostgreSQL store's tests alike, so that both keep the
// same record with the same query semantics (see package store).
//
// When the record gains a field (a column in one store), add it to
// RoundTrip here: the other store then fails until it keeps it too.
//
//	func TestContract(t *testing.T) {
//		storetest.Run(t, func(t testing.TB) store.Store { return openFresh(t) })
//	}
package storetest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/store"
)

// Opener returns a new, empty store for t, closed when t ends.
type Opener func(t testing.TB) store.Store

// Scenarios lists the suite by name, in the order Run runs them.
var Scenarios = []struct {
	Name string
	Run  func(t *testing.T, open Opener)
}{
	{"SaveScenarios", saveScenarios},
	{"SaveInvalid", saveInvalid},
	{"RoundTrip", roundTrip},
	{"ReplaceAnalyses", replaceAnalyses},
	{"SaveArticlesBatch", saveArticlesBatch},
	{"ConcurrentSaves", concurrentSaves},
	{"SameArticleRace", sameArticleRace},
	{"ArticleSearch", articleSearch},
	{"ArticleFilters", articleFilters},
	{"StatementFilters", statementFilters},
	{"Actors", actors},
	{"Aggregates", aggregates},
	{"Events", events},
	{"ArticleBodies", articleBodies},
	{"StanceHistory", stanceHistory},
	{"DossierLinks", dossierLinks},
	{"Closed", closed},
	{"Corrections", corrections},
	{"CorrectionVersions", correctionVersions},
	{"CorrectionMergeSplit", correctionMergeSplit},
	{"CorrectionInvalid", correctionInvalid},
	{"CorrectionLog", correctionLog},
}

// Run runs every scenario as a subtest of t.
func Run(t *testing.T, open Opener) {
	for _, sc := range Scenarios {
		t.Run(sc.Name, func(t *testing.T) { sc.Run(t, open) })
	}
}

// span locates the first occurrence of sub in body.
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

func cueAfter(t testing.TB, body, ctx, cue string) article.Span {
	t.Helper()
	s := span(t, body, ctx)
	return article.Span{s[1] - len(cue), s[1]}
}

// Sample returns a short invented report with two statements, two
// mentions, a timex and an event.
func Sample(t testing.TB, source, outlet, published string) *article.Article {
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

type step struct {
	a       func(t *testing.T, prev []*article.Article) *article.Article
	status  store.SaveStatus
	version int
	sameID  int // 1-based step whose id this one must have; 0: any
}

func saveScenarios(t *testing.T, open Opener) {
	base := func(source string) func(t *testing.T, _ []*article.Article) *article.Article {
		return func(t *testing.T, _ []*article.Article) *article.Article {
			return Sample(t, source, "Wire", "2022-02-16")
		}
	}
	edit := func(of int, extra string) func(t *testing.T, prev []*article.Article) *article.Article {
		return func(t *testing.T, prev []*article.Article) *article.Article { return withBody(prev[of], extra) }
	}
	tests := []struct {
		name           string
		steps          []step
		current, total int
	}{
		{"new", []step{{a: base("one.txt"), status: store.New, version: 1}}, 1, 1},
		{"duplicate stored once", []step{
			{a: base("one.txt"), status: store.New, version: 1},
			{a: base("one.txt"), status: store.Duplicate, version: 1, sameID: 1},
			{a: base("one.txt"), status: store.Duplicate, version: 1, sameID: 1},
		}, 1, 1},
		{"same content from another source is a duplicate", []step{
			{a: base("one.txt"), status: store.New, version: 1},
			{a: base("mirror.txt"), status: store.Duplicate, version: 1, sameID: 1},
		}, 1, 1},
		{"changed article is a new version", []step{
			{a: base("one.txt"), status: store.New, version: 1},
			{a: edit(0, "Talks ended late."), status: store.NewVersion, version: 2},
			{a: edit(1, "A spokesman declined to comment."), status: store.NewVersion, version: 3},
			{a: edit(1, "A spokesman declined to comment."), status: store.Duplicate, version: 3, sameID: 3},
		}, 1, 3},
		{"new source with new content is new", []step{
			{a: base("one.txt"), status: store.New, version: 1},
			{a: func(t *testing.T, prev []*article.Article) *article.Article {
				b := withBody(prev[0], "Other story.")
				b.Source = "two.txt"
				return b
			}, status: store.New, version: 1},
		}, 2, 2},
		{"URL identifies the source over the path", []step{
			{a: func(t *testing.T, _ []*article.Article) *article.Article {
				a := Sample(t, "/tmp/x1.html", "Wire", "2022-02-16")
				a.URL = "https://news.example/talks"
				return a
			}, status: store.New, version: 1},
			{a: func(t *testing.T, prev []*article.Article) *article.Article {
				b := withBody(prev[0], "Updated at noon.")
				b.Source = "/tmp/x2.html"
				return b
			}, status: store.NewVersion, version: 2},
		}, 1, 2},
		{"without hash the store hashes title and body", []step{
			{a: func(t *testing.T, _ []*article.Article) *article.Article {
				a := Sample(t, "", "Wire", "2022-02-16")
				a.ContentHash = ""
				return a
			}, status: store.New, version: 1},
			{a: func(t *testing.T, prev []*article.Article) *article.Article {
				b := *prev[0]
				return &b
			}, status: store.Duplicate, version: 1, sameID: 1},
			{a: func(t *testing.T, prev []*article.Article) *article.Article {
				return withBody(prev[0], "More.")
			}, status: store.New, version: 1},
		}, 2, 2},
		{"explicit hash wins over the text", []step{
			{a: func(t *testing.T, _ []*article.Article) *article.Article {
				a := Sample(t, "h.txt", "Wire", "2022-02-16")
				a.ContentHash = "abc"
				return a
			}, status: store.New, version: 1},
			{a: func(t *testing.T, prev []*article.Article) *article.Article {
				b := withBody(prev[0], "whitespace-only change upstream")
				b.ContentHash = "abc"
				return b
			}, status: store.Duplicate, version: 1, sameID: 1},
		}, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			ctx := context.Background()
			var arts []*article.Article
			var results []store.SaveResult
			for i, st := range tt.steps {
				a := st.a(t, arts)
				res, err := s.SaveArticle(ctx, a)
				if err != nil {
					t.Fatalf("step %d: %v", i, err)
				}
				if res.Status != st.status || res.Version != st.version {
					t.Errorf("step %d: got %v v%d, want %v v%d", i, res.Status, res.Version, st.status, st.version)
				}
				if st.sameID > 0 && res.ID != results[st.sameID-1].ID {
					t.Errorf("step %d: id %d, want id of step %d (%d)", i, res.ID, st.sameID-1, results[st.sameID-1].ID)
				}
				if res.Status == store.NewVersion {
					prev, err := s.Article(ctx, res.Previous)
					if err != nil {
						t.Fatalf("step %d: previous: %v", i, err)
					}
					if prev.Current || prev.SupersededBy != res.ID || prev.Version != res.Version-1 {
						t.Errorf("step %d: previous version %d: current=%v superseded_by=%d, want false, %d",
							i, prev.Version, prev.Current, prev.SupersededBy, res.ID)
					}
					if len(prev.Statements) == 0 && i == 1 {
						t.Errorf("step %d: previous version lost its analyses", i)
					}
					vs, err := s.Versions(ctx, res.Previous)
					if err != nil || len(vs) != res.Version || vs[0].ID != res.ID {
						t.Errorf("step %d: Versions = %+v, %v", i, vs, err)
					}
				}
				arts = append(arts, a)
				results = append(results, res)
			}
			st, err := s.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if int(st.Articles) != tt.current || int(st.Versions) != tt.total {
				t.Errorf("stats: %d current / %d rows, want %d / %d", st.Articles, st.Versions, tt.current, tt.total)
			}
			list, err := s.Articles(ctx, store.ArticleQuery{})
			if err != nil || len(list) != tt.current {
				t.Errorf("Articles: %d rows, %v; want %d", len(list), err, tt.current)
			}
			all, err := s.Articles(ctx, store.ArticleQuery{IncludeSuperseded: true})
			if err != nil || len(all) != tt.total {
				t.Errorf("Articles(IncludeSuperseded): %d rows, %v; want %d", len(all), err, tt.total)
			}
		})
	}
}

func saveInvalid(t *testing.T, open Opener) {
	s := open(t)
	ctx := context.Background()
	if _, err := s.SaveArticle(ctx, nil); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("nil article: %v, want ErrInvalid", err)
	}
	if _, err := s.Article(ctx, 42); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing article: %v, want ErrNotFound", err)
	}
	if _, err := s.Versions(ctx, 42); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing versions: %v, want ErrNotFound", err)
	}
	if _, err := s.Articles(ctx, store.ArticleQuery{From: "last week"}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("bad date: %v, want ErrInvalid", err)
	}
	if _, err := s.Statements(ctx, store.StatementQuery{To: "2022-13"}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("bad statement date: %v, want ErrInvalid", err)
	}
	// Hostile but valid text is stored and read back unchanged.
	a := Sample(t, "odd 'name'; --", "Wire", "not a date")
	a.Title = `'quotes' "double" -- ; DROP TABLE articles; $1 \x 100% _`
	res, err := s.SaveArticle(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Article(ctx, res.ID)
	if err != nil || got.Title != a.Title || got.Source != a.Source || got.Published != a.Published {
		t.Errorf("round trip of odd values: %+v, %v", got, err)
	}
	// NUL bytes and invalid UTF-8 are either kept exactly or refused with
	// ErrInvalid (PostgreSQL text holds neither); never half-stored.
	b := Sample(t, "nul\x00name", "Wire", "2022-02-16")
	b.Title = "bad \xff utf-8"
	before, _ := s.Stats(ctx)
	res, err = s.SaveArticle(ctx, b)
	switch {
	case errors.Is(err, store.ErrInvalid):
		after, _ := s.Stats(ctx)
		if after.Versions != before.Versions || after.Statements != before.Statements {
			t.Errorf("refused article left rows: %+v -> %+v", before, after)
		}
	case err != nil:
		t.Errorf("odd bytes: %v, want success or ErrInvalid", err)
	default:
		got, err := s.Article(ctx, res.ID)
		if err != nil || got.Title != b.Title || got.Source != b.Source {
			t.Errorf("odd bytes round trip: %q %q, %v", got.Title, got.Source, err)
		}
	}
}

// roundTrip saves an article and reads back exactly what was saved.
func roundTrip(t *testing.T, open Opener) {
	s := open(t)
	ctx := context.Background()
	a := Sample(t, "rt.txt", "Wire", "2022-02-16T10:00:00Z")
	a.URL = "https://news.example/rt"
	a.Standfirst = "Envoys report progress."
	a.ContentHash = "rt-hash"
	a.Statements[1].Date, a.Statements[1].DateBasis = "2022-02-15", article.DateRelative
	res, got := SaveRead(t, s, a)
	if got.Title != a.Title || got.Body != a.Body || got.Standfirst != a.Standfirst || got.URL != a.URL ||
		got.Published != a.Published || got.PublishedBasis != a.PublishedBasis || got.Place != a.Place ||
		got.Outlet != a.Outlet || got.Language != a.Language || got.ContentHash != a.ContentHash || got.Pipeline != a.Pipeline {
		t.Errorf("article fields differ:\n got %+v\nwant %+v", got.Article, *a)
	}
	if !got.Current || got.Version != 1 || got.IngestedAt.IsZero() || got.AnalysedAt.IsZero() {
		t.Errorf("bookkeeping: current %v version %d ingested %v analysed %v", got.Current, got.Version, got.IngestedAt, got.AnalysedAt)
	}
	if fmt.Sprint(got.Statements[0].Span, got.Statements[0].TextSpan, got.Statements[0].CueSpan, got.Statements[0].SpeakerSpan) !=
		fmt.Sprint(a.Statements[0].Span, a.Statements[0].TextSpan, a.Statements[0].CueSpan, a.Statements[0].SpeakerSpan) {
		t.Errorf("spans differ: %+v vs %+v", got.Statements[0], a.Statements[0])
	}
	if len(got.Statements) != 2 || got.Statements[1].Speaker.Affiliation != "Freedonia" ||
		fmt.Sprint(got.Statements[1].Speaker.Aliases) != "[Brandt]" || got.Statements[1].Kind != article.Indirect ||
		got.Statements[1].Date != "2022-02-15" || got.Statements[1].DateBasis != article.DateRelative {
		t.Errorf("statements: %+v", got.Statements)
	}
	if len(got.Mentions) != 2 || got.Mentions[0] != a.Mentions[0] || got.Mentions[1] != a.Mentions[1] {
		t.Errorf("mentions: %+v", got.Mentions)
	}
	if len(got.Timexes) != 1 || got.Timexes[0] != a.Timexes[0] {
		t.Errorf("timexes: %+v", got.Timexes)
	}
	if len(got.Events) != 1 || got.Events[0].Target == nil || got.Events[0].Target.Name != "Freedonia" || got.Events[0].Span != a.Events[0].Span {
		t.Errorf("events: %+v", got.Events)
	}
	listed, err := s.Statements(ctx, store.StatementQuery{ArticleID: res.ID})
	if err != nil || len(listed) != 2 || listed[1].DateBasis != article.DateRelative || listed[1].EffectiveDate != "2022-02-15" {
		t.Errorf("listed statements: %+v, %v", listed, err)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 1 || st.Statements != 2 || st.Mentions != 2 || st.Timexes != 1 || st.Events != 1 ||
		st.Actors != 4 || st.Aliases != 1 || st.Outlets != 1 || st.FirstPublished != "2022-02-16" || st.Pipelines["test-1"] != 1 {
		t.Errorf("stats: %+v", st)
	}
}

func replaceAnalyses(t *testing.T, open Opener) {
	s := open(t)
	ctx := context.Background()
	a := Sample(t, "one.txt", "Wire", "2022-02-16")
	a.Pipeline = "v1"
	res, err := s.SaveArticle(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	b := Sample(t, "two.txt", "Wire", "2022-02-17")
	b.Body += " Later."
	b.Pipeline = "v2"
	if _, err := s.SaveArticle(ctx, b); err != nil {
		t.Fatal(err)
	}
	stale, err := s.StaleArticles(ctx, "v2", 0)
	if err != nil || len(stale) != 1 || stale[0] != res.ID {
		t.Fatalf("StaleArticles(v2) = %v, %v; want [%d]", stale, err, res.ID)
	}
	if lim, err := s.StaleArticles(ctx, "v3", 1); err != nil || len(lim) != 1 || lim[0] != res.ID {
		t.Errorf("StaleArticles(v3, 1) = %v, %v; want the oldest id only", lim, err)
	}
	fresh := *a
	fresh.Pipeline = "v2"
	fresh.Statements = []article.Statement{quote(t, a.Body, "Otto Brandt", "minister", "said", "the talks would resume next week", "2022-02-15")}
	fresh.Statements[0].Kind = article.Indirect
	fresh.Events = nil
	fresh.Published = "2022-02-15"
	if err := s.ReplaceAnalyses(ctx, res.ID, &fresh); err != nil {
		t.Fatal(err)
	}
	got, err := s.Article(ctx, res.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Pipeline != "v2" || len(got.Statements) != 1 || got.Statements[0].Text != fresh.Statements[0].Text ||
		len(got.Events) != 0 || len(got.Mentions) != len(a.Mentions) || got.Published != "2022-02-15" {
		t.Errorf("after replace: pipeline %q, %d statements, %d events, published %q", got.Pipeline, len(got.Statements), len(got.Events), got.Published)
	}
	if stale, _ := s.StaleArticles(ctx, "v2", 0); len(stale) != 0 {
		t.Errorf("still stale after replace: %v", stale)
	}
	hits, err := s.Statements(ctx, store.StatementQuery{Query: "close deal", ArticleID: res.ID})
	if err != nil || len(hits) != 0 {
		t.Errorf("old statement still found: %+v, %v", hits, err)
	}
	hits, err = s.Statements(ctx, store.StatementQuery{Query: "resume", ArticleID: res.ID})
	if err != nil || len(hits) != 1 || hits[0].EffectiveDate != "2022-02-15" {
		t.Errorf("new statement: %+v, %v", hits, err)
	}
	other := fresh
	other.Body = "A different body."
	if err := s.ReplaceAnalyses(ctx, res.ID, &other); !errors.Is(err, store.ErrBodyMismatch) {
		t.Errorf("different body: %v, want ErrBodyMismatch", err)
	}
	if err := s.ReplaceAnalyses(ctx, 999, &fresh); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing article: %v, want ErrNotFound", err)
	}
	if err := s.ReplaceAnalyses(ctx, res.ID, nil); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("nil: %v, want ErrInvalid", err)
	}
}

func saveArticlesBatch(t *testing.T, open Opener) {
	s := open(t)
	ctx := context.Background()
	a := Sample(t, "one.txt", "Wire", "2022-02-16")
	b := withBody(a, "Updated.")
	c := Sample(t, "two.txt", "Wire", "2022-02-17")
	c.Body += " Different."
	res, err := s.SaveArticles(ctx, []*article.Article{a, b, a, c})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		status  store.SaveStatus
		version int
	}{{store.New, 1}, {store.NewVersion, 2}, {store.Duplicate, 1}, {store.New, 1}}
	for i, w := range want {
		if res[i].Status != w.status || res[i].Version != w.version {
			t.Errorf("result %d: %v v%d, want %v v%d", i, res[i].Status, res[i].Version, w.status, w.version)
		}
	}
	if res[2].ID != res[0].ID || res[1].Previous != res[0].ID {
		t.Errorf("batch ids: %+v", res)
	}
	if _, err := s.SaveArticles(ctx, []*article.Article{c, nil}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("nil in batch: %v, want ErrInvalid", err)
	}
	// A cancelled context writes nothing.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	d := Sample(t, "three.txt", "Wire", "2022-02-18")
	d.Body += " Third."
	if _, err := s.SaveArticles(cctx, []*article.Article{d}); err == nil {
		t.Error("save with a cancelled context succeeded")
	}
	if st, _ := s.Stats(ctx); st.Versions != 3 {
		t.Errorf("rows after a cancelled save: %d, want 3", st.Versions)
	}
}

// concurrentSaves saves distinct articles from many goroutines: all are
// stored, and the actors they share are created once.
func concurrentSaves(t *testing.T, open Opener) {
	s := open(t)
	ctx := context.Background()
	const workers, each = 6, 10
	var wg sync.WaitGroup
	errs := make(chan error, workers*each*2)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				a := Sample(t, "", "Wire", "2022-02-16")
				a.Source = strings.Repeat("w", w+1) + "/" + string(rune('a'+i)) + ".txt"
				a.Body += " " + a.Source
				if _, err := s.SaveArticle(ctx, a); err != nil {
					errs <- err
				}
				if _, err := s.Articles(ctx, store.ArticleQuery{Limit: 5}); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != workers*each || st.Statements != 2*workers*each {
		t.Errorf("stored %d articles, %d statements; want %d, %d", st.Articles, st.Statements, workers*each, 2*workers*each)
	}
	if st.Actors != 4 {
		t.Errorf("actors = %d, want 4", st.Actors)
	}
}

// sameArticleRace saves the same article from many goroutines at once:
// exactly one is New, the others Duplicate of the same id.
func sameArticleRace(t *testing.T, open Opener) {
	s := open(t)
	ctx := context.Background()
	const n = 8
	results := make([]store.SaveResult, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], errs[i] = s.SaveArticle(ctx, Sample(t, "race.txt", "Wire", "2022-02-16"))
		}()
	}
	wg.Wait()
	news := 0
	for i := range n {
		if errs[i] != nil {
			t.Fatalf("save %d: %v", i, errs[i])
		}
		if results[i].Status == store.New {
			news++
		}
		if results[i].ID != results[0].ID {
			t.Errorf("save %d: id %d, want %d", i, results[i].ID, results[0].ID)
		}
	}
	st, _ := s.Stats(ctx)
	if news != 1 || st.Versions != 1 || st.Statements != 2 {
		t.Errorf("%d New results, %d rows, %d statements; want 1, 1, 2", news, st.Versions, st.Statements)
	}
}

func closed(t *testing.T, open Opener) {
	s := open(t)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := s.Articles(context.Background(), store.ArticleQuery{}); !errors.Is(err, store.ErrClosed) {
		t.Errorf("Articles after Close: %v, want ErrClosed", err)
	}
	if _, err := s.SaveArticle(context.Background(), Sample(t, "x", "Wire", "")); !errors.Is(err, store.ErrClosed) {
		t.Errorf("SaveArticle after Close: %v, want ErrClosed", err)
	}
}

// SaveRead saves a in s and reads it back.
func SaveRead(t testing.TB, s store.Store, a *article.Article) (store.SaveResult, *store.StoredArticle) {
	t.Helper()
	ctx := context.Background()
	res, err := s.SaveArticle(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Article(ctx, res.ID)
	if err != nil {
		t.Fatal(err)
	}
	return res, got
}
