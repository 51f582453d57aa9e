package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/store"
)

// migrationIndex is the index in migrations of the step called name.
func migrationIndex(t testing.TB, name string) int {
	t.Helper()
	for i, m := range migrations {
		if m.name == name {
			return i
		}
	}
	t.Fatalf("no migration %q", name)
	return -1
}

// writeOld builds, at path, a database at the schema of migrations[:upTo]
// and writes arts into it as the store wrote them before the "lean
// analyses" migration (every text copied into its row, statements indexed
// with their text): the database an older Parley left. A later article
// with the source of an earlier one is its new version.
func writeOld(t testing.TB, path string, upTo int, arts []*article.Article) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=foreign_keys(1)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	exec := func(q string, args ...any) sql.Result {
		t.Helper()
		r, err := db.Exec(q, args...)
		if err != nil {
			t.Fatalf("%v\n%s", err, q)
		}
		return r
	}
	exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`)
	for i, m := range migrations[:upTo] {
		exec(m.sql)
		exec(`INSERT INTO schema_migrations VALUES (?, ?, ?)`, i+1, m.name, now())
	}
	actor := func(a article.Actor) any {
		if a.Name == "" {
			return nil
		}
		var id int64
		if err := db.QueryRow(`INSERT INTO actors(name, kind, title, affiliation, created_at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT(name) DO UPDATE SET name = actors.name RETURNING id`, a.Name, a.Kind, a.Title, a.Affiliation, now()).Scan(&id); err != nil {
			t.Fatal(err)
		}
		return id
	}
	// Time expressions are packed from the "packed time expressions"
	// schema on.
	packedTimexes := upTo > migrationIndex(t, "packed time expressions")
	for _, a := range arts {
		key, day := sourceKey(a), store.Day(a.Published)
		var prev, top sql.NullInt64
		if err := db.QueryRow(`SELECT (SELECT id FROM articles WHERE source_key = ?1 AND current = 1),
			(SELECT max(version) FROM articles WHERE source_key = ?1)`, key).Scan(&prev, &top); err != nil {
			t.Fatal(err)
		}
		if prev.Valid {
			exec(`UPDATE articles SET current = 0 WHERE id = ?`, prev.Int64)
		}
		r := exec(`INSERT INTO articles(source, url, source_key, outlet, place, published, published_day, published_basis,
			title, standfirst, body, language, content_hash, version, current, pipeline, ingested_at, analysed_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
			a.Source, a.URL, key, a.Outlet, a.Place, a.Published, day, a.PublishedBasis, a.Title, a.Standfirst, a.Body,
			a.Language, contentHash(a), top.Int64+1, a.Pipeline, now(), now())
		id, _ := r.LastInsertId()
		if prev.Valid {
			exec(`UPDATE articles SET superseded_by = ? WHERE id = ?`, id, prev.Int64)
		}
		for i, x := range a.Statements {
			eff := store.Day(x.Date)
			if eff == "" {
				eff = day
			}
			exec(`INSERT INTO statements(article_id, seq, actor_id, speaker_name, speaker_title, speaker_affiliation, speaker_kind,
				kind, cue, text, date, date_basis, eff_date, span_start, span_end, text_start, text_end, cue_start, cue_end, speaker_start, speaker_end)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				id, i, actor(x.Speaker), x.Speaker.Name, x.Speaker.Title, x.Speaker.Affiliation, x.Speaker.Kind,
				x.Kind, x.Cue, x.Text, x.Date, x.DateBasis, eff, x.Span[0], x.Span[1], x.TextSpan[0], x.TextSpan[1],
				x.CueSpan[0], x.CueSpan[1], x.SpeakerSpan[0], x.SpeakerSpan[1])
		}
		exec(`INSERT INTO statements_fts(rowid, text) SELECT id, text FROM statements WHERE article_id = ?`, id)
		for i, m := range a.Mentions {
			exec(`INSERT INTO mentions(article_id, seq, text, type, actor_name, actor_id, span_start, span_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
				id, i, m.Text, m.Type, m.Actor, actor(article.Actor{Name: m.Actor}), m.Span[0], m.Span[1])
		}
		if packedTimexes {
			if len(a.Timexes) > 0 {
				exec(`INSERT INTO timex_packs(article_id, n, data) VALUES (?, ?, ?)`, id, len(a.Timexes), packTimexesOf(a.Body, a.Timexes))
			}
		} else {
			for i, x := range a.Timexes {
				exec(`INSERT INTO timexes(article_id, seq, text, type, value, span_start, span_end) VALUES (?, ?, ?, ?, ?, ?, ?)`,
					id, i, x.Text, x.Type, x.Value, x.Span[0], x.Span[1])
			}
		}
		for i, e := range a.Events {
			var tgt article.Actor
			if e.Target != nil {
				tgt = *e.Target
			}
			exec(`INSERT INTO events(article_id, seq, date, type, actor_id, actor_name, actor_title, actor_affiliation, actor_kind,
				has_target, target_id, target_name, target_title, target_affiliation, target_kind, text, span_start, span_end)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				id, i, e.Date, e.Type, actor(e.Actor), e.Actor.Name, e.Actor.Title, e.Actor.Affiliation, e.Actor.Kind,
				e.Target != nil, actor(tgt), tgt.Name, tgt.Title, tgt.Affiliation, tgt.Kind, e.Text, e.Span[0], e.Span[1])
		}
	}
}

// leanArticles are benchArticle's (whose analyses are partly the body's
// bytes at their spans, partly not: "Geneva" at "GENEVA"), a new version
// of the first, and an article with text beyond ASCII whose statement
// text was edited (not its span) and whose spans run past its body.
func leanArticles() []*article.Article {
	var arts []*article.Article
	for i := range 4 {
		arts = append(arts, benchArticle(i))
	}
	v := benchArticle(0)
	v.Body += " Corrected."
	arts = append(arts, v)
	body := `«Nous avançons», a déclaré la ministre Müller à Genève. "Progress is real," she said.`
	quote := "Nous avançons"
	qs := len("«")
	es := len(body) - len(`"Progress is real," she said.`)
	arts = append(arts, &article.Article{Source: "lean/1", Title: "Genève", Body: body, Published: "2022-04-02", Outlet: "Wire", Pipeline: "bench",
		Statements: []article.Statement{
			{Speaker: article.Actor{Name: "Müller", Kind: article.Person}, Kind: article.Direct, Text: quote, Cue: "a déclaré",
				Span: article.Span{0, 57}, TextSpan: article.Span{qs, qs + len(quote)},
				CueSpan: article.Span{qs + len(quote) + len("», "), qs + len(quote) + len("», a déclaré")}},
			// Edited text: not the body at its span.
			{Speaker: article.Actor{Name: "Müller", Kind: article.Person}, Kind: article.Direct, Text: "Progress is real!", Cue: "said",
				Span: article.Span{es, len(body)}, TextSpan: article.Span{es + 1, es + 18}, CueSpan: article.Span{len(body) - 5, len(body) - 1}},
			// Spans past the body (hostile input): stored as given.
			{Kind: article.Direct, Text: "out of range", TextSpan: article.Span{len(body) - 2, len(body) + 40}, CueSpan: article.Span{-3, 2}, Cue: "x"},
		},
		Mentions: []article.Mention{{Text: "Müller", Type: article.Person, Actor: "Müller", Span: article.Span{len(`«Nous avançons», a déclaré la ministre `), len(`«Nous avançons», a déclaré la ministre Müller`)}},
			{Text: "", Type: article.Loc, Span: article.Span{3, 3}}},
		Timexes: []article.Timex{{Text: "Genève", Type: article.Date, Span: article.Span{len(body) - 3, len(body) + 3}}},
		Events:  []article.Event{{Type: "STATE", Actor: article.Actor{Name: "Müller"}, Text: "déclaré", Span: article.Span{qs + len(quote) + len("», a "), qs + len(quote) + len("», a déclaré")}}},
	})
	return arts
}

// TestLeanMigration: a database written before the "lean analyses"
// migration reads back, once migrated, exactly what a database written by
// this version reads, its text cut from the body where the body holds it;
// full-text search finds the same statements (diacritics folded), and new
// articles go on being stored and found.
func TestLeanMigration(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	arts := leanArticles()
	old := filepath.Join(dir, "old.db")
	writeOld(t, old, migrationIndex(t, "lean analyses"), arts)
	migrated, err := Open(ctx, old, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer migrated.Close()
	fresh := openTest(t)
	for _, a := range leanArticles() {
		if _, err := fresh.SaveArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	// The migration left text out where the body holds it, and kept it
	// where not.
	for _, s := range []*Store{migrated, fresh} {
		// (Mentions are packed since: mentionpack_test.go.)
		var fromText, kept int
		if err := s.read.QueryRow(`SELECT (SELECT count(*) FROM statements WHERE from_body & 1 AND text = ''),
			(SELECT count(*) FROM statements WHERE from_body & 1 = 0 AND text <> '')`).
			Scan(&fromText, &kept); err != nil {
			t.Fatal(err)
		}
		if fromText < 40 || kept != 2 {
			t.Errorf("statements from the body %d, kept %d (want 2)", fromText, kept)
		}
	}
	// Kinds and date bases are stored as the codes a fresh store writes.
	stored := func(s *Store) string {
		var v string
		if err := s.read.QueryRow(`SELECT group_concat(x, ' ') FROM (SELECT DISTINCT kind || '/' || date_basis AS x FROM statements ORDER BY 1)`).Scan(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	if a, b := stored(migrated), stored(fresh); a != b || strings.Contains(a, article.Direct) {
		t.Errorf("stored kinds and bases: migrated %q, fresh %q", a, b)
	}
	for id := int64(1); id <= int64(len(arts)); id++ {
		a, err := migrated.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		b, err := fresh.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		want := arts[id-1]
		if got, exp := jsonOf(t, a.Statements), jsonOf(t, b.Statements); got != exp {
			t.Errorf("article %d statements:\nmigrated %s\nfresh    %s", id, got, exp)
		}
		for i, x := range a.Statements {
			if x.Text != want.Statements[i].Text || x.Cue != want.Statements[i].Cue {
				t.Errorf("article %d statement %d: %q %q, stored %q %q", id, i, x.Text, x.Cue, want.Statements[i].Text, want.Statements[i].Cue)
			}
		}
		for _, pair := range [][2]any{{a.Mentions, want.Mentions}, {a.Timexes, want.Timexes}, {a.Events, want.Events},
			{b.Mentions, want.Mentions}, {b.Timexes, want.Timexes}, {b.Events, want.Events}} {
			if got, exp := jsonOf(t, pair[0]), jsonOf(t, pair[1]); got != exp {
				t.Errorf("article %d:\nread   %s\nstored %s", id, got, exp)
			}
		}
	}
	for _, q := range []store.StatementQuery{{Query: "progress"}, {Query: "avancons"}, {Query: "REAL"}, {Kind: article.Direct}, {Query: "range"}} {
		q.Limit = 100
		a, err := migrated.Statements(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		b, err := fresh.Statements(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if len(a) == 0 || jsonOf(t, a) != jsonOf(t, b) {
			t.Errorf("%+v: migrated %d rows, fresh %d\n%s\n%s", q, len(a), len(b), jsonOf(t, a), jsonOf(t, b))
		}
	}
	// The aggregates the migrations rebuilt (the "speaker forms" one keyed
	// actor_forms by form) are those of a fresh store: every actor, its
	// speaker forms, counts and dates; events found by an actor's name.
	actors := func(s *Store) string {
		list, err := s.Actors(ctx, store.ActorQuery{Detail: true, Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		for i := range list {
			// (writeOld makes the actors its mentions name without the
			// kind the store gives them: not what this compares.)
			list[i].ID, list[i].Kind = 0, ""
		}
		return jsonOf(t, list)
	}
	if a, b := actors(migrated), actors(fresh); a != b || !strings.Contains(a, `"forms":[{`) {
		t.Errorf("actors:\nmigrated %s\nfresh    %s", a, b)
	}
	events := func(s *Store, q store.EventQuery) string {
		list, err := s.Events(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		for i := range list {
			list[i].ID = 0
		}
		return jsonOf(t, list)
	}
	for _, name := range []string{"a", "Hel"} {
		q := store.EventQuery{Actor: name, Undated: true, Limit: 100}
		if a, b := events(migrated, q), events(fresh, q); a != b {
			t.Errorf("events of %q:\nmigrated %s\nfresh    %s", name, a, b)
		}
	}
	for _, s := range []*Store{migrated, fresh} {
		ev, err := s.Events(ctx, store.EventQuery{Undated: true, Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		if len(ev) == 0 || ev[len(ev)-1].Text != "déclaré" {
			t.Errorf("events: %s", jsonOf(t, ev))
		}
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Articles != 5 || st.Versions != 6 || st.Statements != 4*10+3 {
			t.Errorf("stats %+v", st)
		}
		// Stored after the migration: found, and its rows read back.
		res, err := s.SaveArticle(ctx, benchArticle(99))
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Statements(ctx, store.StatementQuery{Query: "progress", ArticleID: res.ID, Limit: 100})
		if err != nil || len(got) != 10 || got[0].Text != benchArticle(99).Statements[0].Text {
			t.Errorf("new article's statements: %v %s", err, jsonOf(t, got))
		}
		if list, err := s.Articles(ctx, store.ArticleQuery{Query: "geneve", Limit: 10}); err != nil || len(list) != 1 {
			t.Errorf("articles matching geneve: %v %d", err, len(list))
		}
	}
}

func jsonOf(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestCheckedRecently: a passed check is remembered, so that a large file
// is not read whole at every open within recheckAfter.
func TestCheckedRecently(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	if s.checkedRecently(ctx) {
		t.Fatal("a new store has never been checked")
	}
	if err := s.Check(ctx); err != nil {
		t.Fatal(err)
	}
	s.noteChecked(ctx)
	if !s.checkedRecently(ctx) {
		t.Fatal("check not remembered")
	}
	if _, err := s.write.Exec(`UPDATE store_meta SET value = ? WHERE name = 'quick_check_ok'`,
		time.Now().Add(-recheckAfter-time.Minute).UTC().Format(time.RFC3339Nano)); err != nil {
		t.Fatal(err)
	}
	if s.checkedRecently(ctx) {
		t.Fatal("an old check still counts")
	}
}
