package export_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/export"
	"github.com/parley-news/parley/internal/store"
	"github.com/parley-news/parley/internal/store/pgtest"
	"github.com/parley-news/parley/internal/store/postgres"
	"github.com/parley-news/parley/internal/store/sqlite"
	"github.com/parley-news/parley/internal/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

func openPG(t testing.TB) store.Store {
	t.Helper()
	s, err := postgres.Open(context.Background(), pgtest.URL(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestRoundTripAcrossStores: an export of the SQLite store read into the
// PostgreSQL one, exported again and read into a fresh SQLite store, is the
// same record all the way.
func TestRoundTripAcrossStores(t *testing.T) {
	ctx := context.Background()
	src := open(t)
	fill(t, src)
	want := dump(t, src)
	pg := openPG(t)
	var buf bytes.Buffer
	export.Write(ctx, src, &buf, export.Options{})
	if res, err := export.Import(ctx, pg, &buf, "sqlite.jsonl", export.ImportOptions{}); err != nil || res.Read != 4 {
		t.Fatalf("into PostgreSQL: %+v %v", res, err)
	}
	if got := dump(t, pg); !reflect.DeepEqual(got, want) {
		t.Errorf("PostgreSQL holds another record:\n got %v\nwant %v", got, want)
	}
	buf.Reset()
	export.Write(ctx, pg, &buf, export.Options{})
	back := open(t)
	if _, err := export.Import(ctx, back, &buf, "pg.jsonl", export.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if got := dump(t, back); !reflect.DeepEqual(got, want) {
		t.Errorf("back in SQLite:\n got %v\nwant %v", got, want)
	}
	if got, want := statements(t, pg), statements(t, src); !reflect.DeepEqual(got, want) {
		t.Errorf("statements differ:\n got %v\nwant %v", got, want)
	}
}

func open(t testing.TB) store.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "x.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// fill stores three articles, one of them in two versions.
func fill(t *testing.T, st store.Store) {
	t.Helper()
	ctx := context.Background()
	a := storetest.Sample(t, "a.txt", "Example Wire", "2022-02-15")
	b := storetest.Sample(t, "b.txt", "Other Times", "2022-02-16")
	b.Title = "Border talks, day two"
	b.Statements[0].Date = "2022-02-14"
	b.Statements[0].DateBasis = article.DateStated
	v2 := *a
	v2.Body = a.Body + " Both sides will meet again."
	v2.ContentHash = ""
	v2.Statements = a.Statements[:1]
	c := storetest.Sample(t, "c.txt", "Third Post", "")
	c.Title = "Undated note"
	for _, x := range []*article.Article{a, b, &v2, c} {
		if _, err := st.SaveArticle(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
}

// dump is what must survive a round trip: every version's article and
// analyses, without the ids and times the store gives.
func dump(t *testing.T, st store.Store) []string {
	t.Helper()
	var buf bytes.Buffer
	if _, err := export.Write(context.Background(), st, &buf, export.Options{Parley: "test"}); err != nil {
		t.Fatal(err)
	}
	var out []string
	rd := export.NewReader(&buf)
	for {
		rec, err := rd.Next()
		if err != nil {
			break
		}
		if rec.Article == nil {
			continue
		}
		r := rec.Article
		r.ID, r.SupersededBy, r.IngestedAt, r.AnalysedAt = 0, 0, time.Time{}, time.Time{}
		b, _ := json.Marshal(r)
		out = append(out, string(b))
	}
	return out
}

func statements(t *testing.T, st store.Store) []string {
	t.Helper()
	list, err := st.Statements(context.Background(), store.StatementQuery{Limit: store.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range list {
		out = append(out, s.Speaker.Name+"|"+s.Text+"|"+s.EffectiveDate+"|"+s.Kind+"|"+s.Outlet)
	}
	return out
}

func TestRoundTrip(t *testing.T) {
	ctx := context.Background()
	src := open(t)
	fill(t, src)
	var buf bytes.Buffer
	c, err := export.Write(ctx, src, &buf, export.Options{Parley: "test", Pipeline: "p"})
	if err != nil {
		t.Fatal(err)
	}
	if c.Articles != 3 || c.Versions != 4 {
		t.Fatalf("counts %+v, want 3 articles in 4 versions", c)
	}
	first, _, _ := strings.Cut(buf.String(), "\n")
	if !strings.HasPrefix(first, `{"type":"header","format":"parley-export","version":1,"parley":"test"`) {
		t.Errorf("header line %s", first)
	}
	if k := export.Sniff(buf.Bytes()); k != export.Export {
		t.Errorf("Sniff = %v, want Export", k)
	}

	dst := open(t)
	res, err := export.Import(ctx, dst, bytes.NewReader(buf.Bytes()), "x.jsonl", export.ImportOptions{Batch: 3}) // versions 1 and 2 in one batch
	if err != nil {
		t.Fatal(err)
	}
	if res.Read != 4 || res.Failed != 0 || res.Status[store.New] != 3 || res.Status[store.NewVersion] != 1 {
		t.Fatalf("import %+v", res)
	}
	if got, want := dump(t, dst), dump(t, src); !reflect.DeepEqual(got, want) {
		t.Errorf("export of the import differs:\n got %v\nwant %v", got, want)
	}
	if got, want := statements(t, dst), statements(t, src); !reflect.DeepEqual(got, want) || len(got) == 0 {
		t.Errorf("statements differ:\n got %v\nwant %v", got, want)
	}
	// Importing again changes nothing.
	res, err = export.Import(ctx, dst, bytes.NewReader(buf.Bytes()), "x.jsonl", export.ImportOptions{})
	if err != nil || res.Status[store.Duplicate] != 4 {
		t.Errorf("second import %+v, %v; want 4 duplicates", res, err)
	}
}

func TestImportBadLines(t *testing.T) {
	ctx := context.Background()
	good := storetest.Sample(t, "a.txt", "Wire", "2022-02-15")
	bad := storetest.Sample(t, "b.txt", "Wire", "2022-02-15")
	bad.Title = "bad"
	bad.Statements[0].Span = article.Span{0, len(bad.Body) + 5}
	line := func(a *article.Article) string {
		b, _ := json.Marshal(export.ArticleRecord{Type: "article", Article: a})
		return string(b)
	}
	in := strings.Join([]string{
		`{"type":"header","format":"parley-export","version":1,"parley":"x"}`,
		`{"type":"note","text":"a record type of a later version"}`,
		line(bad),
		`{"type":"article","article":`, // cut
		line(good),
	}, "\n")
	var errs []string
	var unknown []string
	res, err := export.Import(ctx, open(t), strings.NewReader(in), "in.jsonl", export.ImportOptions{
		Failed:  func(err error) { errs = append(errs, err.Error()) },
		Unknown: func(r export.Record) error { unknown = append(unknown, r.Type); return nil },
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Status[store.New] != 1 || res.Failed != 2 || res.Other != 1 {
		t.Errorf("result %+v, errors %q", res, errs)
	}
	if len(errs) != 2 || !strings.Contains(errs[0], "in.jsonl: line 3:") || !strings.Contains(errs[0], "not inside the body") ||
		!strings.Contains(errs[1], "line 4:") {
		t.Errorf("errors %q", errs)
	}
	if !reflect.DeepEqual(unknown, []string{"note"}) {
		t.Errorf("unknown records %q", unknown)
	}
}

func TestImportRefuses(t *testing.T) {
	for name, in := range map[string]string{
		"newer":   `{"type":"header","format":"parley-export","version":99}`,
		"foreign": `{"type":"header","format":"other"}`,
		"dump":    `{"text":"MOSCOW, Jan 1. Someone said things."}`,
		"empty":   "",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := export.Import(context.Background(), open(t), strings.NewReader(in), "in", export.ImportOptions{})
			if err == nil || !(errors.Is(err, export.ErrNewer) || errors.Is(err, export.ErrNotExport)) {
				t.Errorf("err = %v", err)
			}
		})
	}
}

func TestSniff(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want export.Kind
	}{
		{`{"type":"header","format":"parley-export"}`, export.Export},
		{"\ufeff" + `{"type":"header"}`, export.Export},
		{`{"source":"a.txt","url":"x","title":"T","published":null,"body":"…`, export.Analysed},
		{`{"source":"a.txt","text":"x","body":"y"}`, export.Other},
		{`{"html":"<p>"}`, export.Other},
		{`{"type":"article"}`, export.Other},
		{`[1,2]`, export.Other},
		{`not json`, export.Other},
		{``, export.Other},
	} {
		if got := export.Sniff([]byte(tc.in)); got != tc.want {
			t.Errorf("Sniff(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func FuzzReader(f *testing.F) {
	f.Add([]byte(`{"type":"header","format":"parley-export","version":1}` + "\n" + `{"type":"article","article":{"body":"x","statements":[{"span":[0,9]}]}}`))
	f.Add([]byte(`{"source":"a","body":"abc","mentions":[{"span":[2,1]}]}`))
	f.Fuzz(func(t *testing.T, in []byte) {
		rd := export.NewReader(bytes.NewReader(in))
		for range 1000 {
			rec, err := rd.Next()
			if err != nil && !errors.Is(err, export.ErrBadRecord) {
				return
			}
			if rec.Article != nil && rec.Article.Article != nil && export.Validate(rec.Article.Article) == nil {
				a := rec.Article.Article
				for _, s := range a.Statements {
					_ = a.Body[s.Span[0]:s.Span[1]] // must not panic
				}
			}
		}
	})
}

func TestPLOVER(t *testing.T) {
	ctx := context.Background()
	st := open(t)
	if _, err := st.SaveArticle(ctx, storetest.Sample(t, "a.txt", "Example Wire", "2022-02-15")); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	n, err := export.WritePLOVER(ctx, st, &buf)
	if err != nil || n != 1 {
		t.Fatalf("WritePLOVER = %d, %v", n, err)
	}
	want := `{"id":"parley-1-1","date":"2022-02-15","event":"MEET","source":[{"actorText":"Ruritania","kind":"GPE"}],` +
		`"target":[{"actorText":"Freedonia","kind":"GPE"}],"eventText":"met",` +
		`"text":"Delegates from Ruritania and Freedonia met in Vienna on Tuesday.","language":"en",` +
		`"publication":"Example Wire","published":"2022-02-15","article_id":1,"span":[39,42],"version":"test-1"}`
	if got := strings.TrimSpace(buf.String()); got != want {
		t.Errorf("PLOVER record\n got %s\nwant %s", got, want)
	}
}

// Extract output marks the headline's statements: read back, they are
// kept apart from the body's, as the pipeline keeps them.
func TestAnalysedHeadlineStatements(t *testing.T) {
	a := &article.Article{Source: "a.txt", Title: "Talks fail, envoy says", Body: "The envoy said the talks had failed.",
		HeadlineStatements: []article.Statement{{Speaker: article.Actor{Name: "envoy"}, Kind: article.Indirect, Text: "Talks fail", Cue: "says"}},
		Statements:         []article.Statement{{Speaker: article.Actor{Name: "envoy"}, Kind: article.Indirect, Text: "the talks had failed.", Cue: "said", Span: article.Span{0, 36}}}}
	line := a.AppendContractJSON(nil)
	rd := export.NewReader(bytes.NewReader(append(line, '\n')))
	rec, err := rd.Next()
	if err != nil {
		t.Fatal(err)
	}
	got := rec.Article.Article
	if len(got.Statements) != 1 || got.Statements[0].Cue != "said" || len(got.HeadlineStatements) != 1 || got.HeadlineStatements[0].Cue != "says" {
		t.Errorf("statements %+v, headline %+v", got.Statements, got.HeadlineStatements)
	}
}
