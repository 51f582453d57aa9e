package sqlite

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/store"
)

const mentionBody = "GENEVA, Jan. 10. Russian Deputy Foreign Minister Sergei Ryabkov met Wendy Sherman; Ryabkov said Russia and the United States disagree."

func TestPackMentionsRoundTrip(t *testing.T) {
	body := mentionBody
	tests := []struct {
		name string
		ms   []article.Mention
	}{
		{"none", []article.Mention{}},
		{"from the body, actors named again", []article.Mention{
			{Text: "GENEVA", Type: article.GPE, Actor: "Geneva", Span: at(body, "GENEVA")},
			{Text: "Sergei Ryabkov", Type: article.Person, Actor: "Sergei Ryabkov", Span: at(body, "Sergei Ryabkov")},
			{Text: "Wendy Sherman", Type: article.Person, Actor: "Wendy Sherman", Span: at(body, "Wendy Sherman")},
			{Text: "Ryabkov", Type: article.Person, Actor: "Sergei Ryabkov", Span: head(at(body, "Ryabkov said"), len("Ryabkov"))},
			{Text: "Russia", Type: article.GPE, Actor: "Russia", Span: head(at(body, "Russia and"), len("Russia"))},
			{Text: "the United States", Type: article.GPE, Actor: "United States", Span: at(body, "the United States")},
			{Text: "Foreign Minister", Type: article.Other, Span: at(body, "Foreign Minister")},
		}},
		{"types spelled out, text not the body's, spans past it", []article.Mention{
			{Text: "Genève", Type: "FACILITY", Actor: "Geneva", Span: at(body, "GENEVA")},
			{Text: "Genève", Type: "FACILITY", Actor: "FACILITY", Span: article.Span{len(body) - 2, len(body) + 30}},
			{Text: "", Type: "", Actor: "", Span: article.Span{-4, 3}},
			{Text: "x", Type: article.Loc, Actor: "", Span: article.Span{9, 2}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			packed := packMentionsOf(body, tt.ms)
			got, err := unpackMentions(packed, body, store.MaxAnalyses+1, nil)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.ms) {
				t.Errorf("round trip:\n got %+v\nwant %+v", got, tt.ms)
			}
			if len(tt.ms) > 2 {
				got, err := unpackMentions(packed, body, 2, nil)
				if err != nil || !reflect.DeepEqual(got, tt.ms[:2]) {
					t.Errorf("limit 2: %+v, %v", got, err)
				}
			}
		})
	}
}

// head is the first n bytes of span s.
func head(s article.Span, n int) article.Span { return article.Span{s[0], s[0] + n} }

// TestPackMentionsSize: the point of packing. Mentions that are the body's
// bytes take a few bytes each, an actor named again no more.
func TestPackMentionsSize(t *testing.T) {
	body := mentionBody
	var ms []article.Mention
	for range 10 {
		ms = append(ms, article.Mention{Text: "Sergei Ryabkov", Type: article.Person, Actor: "Sergei Ryabkov", Span: at(body, "Sergei Ryabkov")},
			article.Mention{Text: "Russia", Type: article.GPE, Actor: "Russia", Span: head(at(body, "Russia and"), len("Russia"))})
	}
	packed := packMentionsOf(body, ms)
	// Two names, then 5 bytes a mention at most.
	if len(packed) > 2+len("Sergei Ryabkov")+len("Russia")+2+len(ms)*5 {
		t.Errorf("%d mentions packed in %d bytes", len(ms), len(packed))
	}
}

func TestUnpackMentionsRefusesDamage(t *testing.T) {
	body := mentionBody
	good := packMentionsOf(body, []article.Mention{
		{Text: "Sergei Ryabkov", Type: article.Person, Actor: "Sergei Ryabkov", Span: at(body, "Sergei Ryabkov")},
		{Text: "Genève", Type: "FACILITY", Actor: "Sergei Ryabkov", Span: at(body, "GENEVA")},
	})
	for n := range len(good) {
		if _, err := unpackMentions(good[:n], body, 100, nil); !errors.Is(err, errBadPack) {
			t.Errorf("cut at %d of %d: %v, want errBadPack", n, len(good), err)
		}
	}
	for name, b := range map[string][]byte{
		"unknown mark":         {0x03, 0x00},
		"count past the bytes": {packMentions, 0xff, 0xff, 0xff, 0xff, 0x0f, 0, 0, 0, 0},
		"type code 6":          {packMentions, 1, 6, 0, 0, 0},
		"unknown flag":         {packMentions, 1, 0x40, 0, 0, 0},
		"reference ahead":      {packMentions, 1, 0, 0, 0, 3},
		"string past the end":  {packMentions, 1, 0, 0, 0, 18, 'a'},
	} {
		if _, err := unpackMentions(b, body, 100, nil); !errors.Is(err, errBadPack) {
			t.Errorf("%s: %v, want errBadPack", name, err)
		}
	}
}

func FuzzUnpackMentions(f *testing.F) {
	body := mentionBody
	f.Add(packMentionsOf(body, []article.Mention{
		{Text: "Sergei Ryabkov", Type: article.Person, Actor: "Sergei Ryabkov", Span: at(body, "Sergei Ryabkov")},
		{Text: "x", Type: "OTHER KIND", Actor: "OTHER KIND", Span: article.Span{-1, 900}},
	}))
	f.Add([]byte{packMentions, 0})
	f.Add([]byte{packMentionsInterned, 2, 0, 2, 4, 2, 0, 1, 2, 1})
	f.Fuzz(func(t *testing.T, b []byte) {
		// Rows of either format, interned ones against a small table.
		var strs memStrings
		for _, x := range []string{"Sergei Ryabkov", "2021-12-20", "P1M"} {
			strs.intern(x)
		}
		ms, err := unpackMentions(b, body, 1000, strs.resolve)
		if err != nil {
			if !errors.Is(err, errBadPack) {
				t.Fatalf("error %v is not errBadPack", err)
			}
			return
		}
		again, err := unpackMentions(packMentionsOf(body, ms), body, 1000, nil)
		if err == nil && reflect.DeepEqual(again, ms) {
			var fresh memStrings
			repacked, perr := packMentionsWith(body, ms, fresh.intern)
			if perr != nil {
				t.Fatal(perr)
			}
			again, err = unpackMentions(repacked, body, 1000, fresh.resolve)
		}
		if err != nil || !reflect.DeepEqual(again, ms) {
			t.Fatalf("re-pack: %+v, %v; want %+v", again, err, ms)
		}
	})
}

// TestMentionPacksMigration: a store written before the "packed mentions"
// migration reads back the same mentions once migrated, one packed row an
// article, with the same counts overall and per actor as a store written
// by this version; actor merges still find the articles that only mention
// an actor.
func TestMentionPacksMigration(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	arts := leanArticles()
	registerFunctions() // the migrations writeOld replays call them
	writeOld(t, path, migrationIndex(t, "packed mentions"), arts)
	migrated, err := Open(ctx, path, nil)
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
	var old int
	if err := migrated.read.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE name = 'mentions'`).Scan(&old); err != nil || old != 0 {
		t.Errorf("old table left: %d %v", old, err)
	}
	for i, want := range arts {
		for _, s := range []*Store{migrated, fresh} {
			got, err := s.Article(ctx, int64(i+1))
			if err != nil {
				t.Fatal(err)
			}
			if g, w := jsonOf(t, got.Mentions), jsonOf(t, want.Mentions); g != w {
				t.Errorf("article %d:\nread   %s\nstored %s", i+1, g, w)
			}
		}
	}
	stats := func(s *Store) (store.Stats, map[string]int) {
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		actors, err := s.Actors(ctx, store.ActorQuery{Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		per := map[string]int{}
		for _, a := range actors {
			per[a.Name] = a.Mentions
		}
		return st, per
	}
	st1, per1 := stats(migrated)
	st2, per2 := stats(fresh)
	if st1.Mentions != st2.Mentions || st1.Mentions == 0 || !reflect.DeepEqual(per1, per2) {
		t.Errorf("migrated: %d mentions %v\nfresh:    %d mentions %v", st1.Mentions, per1, st2.Mentions, per2)
	}
	// An actor the articles only mention: a merge finds its articles.
	actors, err := migrated.Actors(ctx, store.ActorQuery{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	checked := false
	for _, a := range actors {
		if a.Statements > 0 || a.Mentions == 0 {
			continue
		}
		tx, err := migrated.write.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		ids, err := (&corrTx{s: migrated, tx: tx}).ActorArticles(ctx, a.Name)
		tx.Rollback()
		if err != nil || len(ids) == 0 {
			t.Errorf("articles of %s (mentioned %d times): %v %v", a.Name, a.Mentions, ids, err)
		}
		checked = true
	}
	if !checked {
		t.Error("no actor only mentioned: the check above did not run")
	}
	// Retiring an article takes its mentions out of the counts.
	if _, err := migrated.write.ExecContext(ctx, `UPDATE articles SET current = 0 WHERE id = 2`); err != nil {
		t.Fatal(err)
	}
	var counted, summed, actorSum, actorCounted int64
	if err := migrated.read.QueryRowContext(ctx, `SELECT (SELECT n FROM counters WHERE name = 'mentions'),
		(SELECT coalesce(sum(p.n), 0) FROM mention_packs p JOIN articles a ON a.id = p.article_id WHERE a.current = 1),
		(SELECT sum(mentions) FROM actor_stats),
		(SELECT coalesce(sum(m.n), 0) FROM mention_actors m JOIN articles a ON a.id = m.article_id WHERE a.current = 1)`).
		Scan(&counted, &summed, &actorSum, &actorCounted); err != nil {
		t.Fatal(err)
	}
	if counted != summed || actorSum != actorCounted || counted >= int64(st1.Mentions) {
		t.Errorf("after retiring an article: counter %d, packed rows %d (before %d); actors %d, rows %d", counted, summed, st1.Mentions, actorSum, actorCounted)
	}
}

// TestPackManyDistinct: past refScan distinct strings the back references
// go through the map; the rows read back the same either way, and a name
// or value used again is written once.
func TestPackManyDistinct(t *testing.T) {
	body := mentionBody
	var ms []article.Mention
	var ts []article.Timex
	for round := range 2 {
		for i := range 100 {
			name := fmt.Sprintf("Actor %03d", i)
			ms = append(ms, article.Mention{Text: name, Type: article.Person, Actor: name, Span: article.Span{i, i + 3}})
			ts = append(ts, article.Timex{Text: "x", Type: article.Date, Value: fmt.Sprintf("2031-01-%03d", i), Span: article.Span{round, i}})
		}
	}
	mp := packMentionsOf(body, ms)
	gotM, err := unpackMentions(mp, body, 1000, nil)
	if err != nil || !reflect.DeepEqual(gotM, ms) {
		t.Fatalf("mentions: %v", err)
	}
	tp := packTimexesOf(body, ts)
	gotT, err := unpackTimexes(tp, body, 1000, nil)
	if err != nil || !reflect.DeepEqual(gotT, ts) {
		t.Fatalf("time expressions: %v", err)
	}
	// A name used again is a reference: "Actor 050" is written as the
	// actor once and as the (edited) text of its two mentions; a value
	// once.
	if n := bytes.Count(mp, []byte("Actor 050")); n != 3 {
		t.Errorf("mentions row holds \"Actor 050\" %d times, want 3", n)
	}
	if n := bytes.Count(tp, []byte("2031-01-050")); n != 1 {
		t.Errorf("time expressions row holds the value %d times, want 1", n)
	}
}
