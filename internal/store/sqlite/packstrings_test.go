package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/store"
)

// memStrings is an in-memory pack_strings: ids from 1 in order of first use.
type memStrings struct {
	ids  map[string]int64
	list []string
}

func (m *memStrings) intern(s string) (int64, error) {
	if s == "" {
		return 0, nil
	}
	if m.ids == nil {
		m.ids = map[string]int64{}
	}
	if id, ok := m.ids[s]; ok {
		return id, nil
	}
	m.list = append(m.list, s)
	m.ids[s] = int64(len(m.list))
	return int64(len(m.list)), nil
}

func (m *memStrings) resolve(id int64) (string, error) {
	switch {
	case id == 0:
		return "", nil
	case id < 0 || id > int64(len(m.list)):
		return "", fmt.Errorf("%w: no string %d", errBadPack, id)
	}
	return m.list[id-1], nil
}

// TestInternedPacksRoundTrip: both packed formats read back what was
// written when their strings are interned, and a row holds no name or
// value, only ids and back references.
func TestInternedPacksRoundTrip(t *testing.T) {
	body := mentionBody
	ms := []article.Mention{
		{Text: "GENEVA", Type: article.GPE, Actor: "Geneva", Span: at(body, "GENEVA")},
		{Text: "Sergei Ryabkov", Type: article.Person, Actor: "Sergei Ryabkov", Span: at(body, "Sergei Ryabkov")},
		{Text: "Ryabkov", Type: article.Person, Actor: "Sergei Ryabkov", Span: head(at(body, "Ryabkov said"), len("Ryabkov"))},
		{Text: "Genève", Type: "FACILITY", Actor: "FACILITY", Span: article.Span{len(body) - 2, len(body) + 30}},
		{Text: "", Type: "", Actor: "", Span: article.Span{-4, 3}},
		{Text: "Foreign Minister", Type: article.Other, Span: at(body, "Foreign Minister")},
		{Text: "nul\x00name", Type: article.Person, Actor: "nul\x00name", Span: article.Span{1, 2}},
	}
	ts := []article.Timex{
		{Text: "Jan. 10", Type: article.Date, Value: "2031-01-10", Span: at(body, "Jan. 10")},
		{Text: "x", Type: "INTERVAL", Value: "2031-01-10", Span: article.Span{-1, 900}},
		{Text: "GENEVA", Type: article.Duration, Value: "P1M", Span: at(body, "GENEVA")},
		{Text: "GENEVA", Type: article.Set, Value: "", Span: at(body, "GENEVA")},
	}
	var m memStrings
	mp, err := packMentionsWith(body, ms, m.intern)
	if err != nil {
		t.Fatal(err)
	}
	tp, err := packTimexesWith(body, ts, m.intern)
	if err != nil {
		t.Fatal(err)
	}
	if mp[0] != packMentionsInterned || tp[0] != packTimexesInterned {
		t.Fatalf("marks %#x %#x", mp[0], tp[0])
	}
	gotM, err := unpackMentions(mp, body, store.MaxAnalyses+1, m.resolve)
	if err != nil || !reflect.DeepEqual(gotM, ms) {
		t.Errorf("mentions: %v\n got %+v\nwant %+v", err, gotM, ms)
	}
	gotT, err := unpackTimexes(tp, body, store.MaxAnalyses+1, m.resolve)
	if err != nil || !reflect.DeepEqual(gotT, ts) {
		t.Errorf("time expressions: %v\n got %+v\nwant %+v", err, gotT, ts)
	}
	for _, s := range []string{"Sergei Ryabkov", "Geneva", "2031-01-10", "P1M"} {
		if bytes.Contains(mp, []byte(s)) || bytes.Contains(tp, []byte(s)) {
			t.Errorf("a packed row holds %q itself", s)
		}
	}
	if older := packMentionsOf(body, ms); len(mp) >= len(older) {
		t.Errorf("interned mentions %d bytes, older format %d", len(mp), len(older))
	}
	// Without a lookup an interned row is an error, not a guess.
	if _, err := unpackMentions(mp, body, 100, nil); !errors.Is(err, errNoResolver) {
		t.Errorf("no resolver: %v", err)
	}
	// An id the table does not hold is damage.
	var empty memStrings
	if _, err := unpackTimexes(tp, body, 100, empty.resolve); !errors.Is(err, errBadPack) {
		t.Errorf("unknown id: %v", err)
	}
	for n := range len(tp) {
		if _, err := unpackTimexes(tp[:n], body, 100, m.resolve); !errors.Is(err, errBadPack) {
			t.Errorf("time expressions cut at %d of %d: %v", n, len(tp), err)
		}
	}
	for n := range len(mp) {
		if _, err := unpackMentions(mp[:n], body, 100, m.resolve); !errors.Is(err, errBadPack) {
			t.Errorf("mentions cut at %d of %d: %v", n, len(mp), err)
		}
	}
	// The older format's value-reference flag has no place in the new one.
	if _, err := unpackTimexes([]byte{packTimexesInterned, 1, packValueRef, 0, 0, 0}, body, 100, m.resolve); !errors.Is(err, errBadPack) {
		t.Errorf("value-reference flag: %v", err)
	}
}

// TestPackStringsStore: a store writes interned rows, keeps one
// pack_strings row per distinct string across articles, reads the
// analyses back unchanged, and a transaction that fails takes its new
// strings' ids with it without the next one reusing them wrongly.
func TestPackStringsStore(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	body := mentionBody
	mk := func(i int) *article.Article {
		return &article.Article{
			Source: fmt.Sprintf("s%d.txt", i), Title: fmt.Sprintf("Talks %d", i), Body: body,
			Mentions: []article.Mention{
				{Text: "Sergei Ryabkov", Type: article.Person, Actor: "Sergei Ryabkov", Span: at(body, "Sergei Ryabkov")},
				{Text: "Wendy Sherman", Type: article.Person, Actor: fmt.Sprintf("Wendy Sherman %d", i), Span: at(body, "Wendy Sherman")},
			},
			Timexes: []article.Timex{{Text: "Jan. 10", Type: article.Date, Value: "2031-01-10", Span: at(body, "Jan. 10")}},
		}
	}
	var ids []int64
	for i := range 3 {
		a := mk(i)
		saved, err := s.SaveArticle(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, saved.ID)
	}
	var n int
	if err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM pack_strings`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	// Sergei Ryabkov, three Wendy Shermans, one value.
	if n != 5 {
		t.Errorf("%d pack strings, want 5", n)
	}
	var mark []byte
	if err := s.read.QueryRowContext(ctx, `SELECT substr(data, 1, 1) FROM mention_packs LIMIT 1`).Scan(&mark); err != nil || mark[0] != packMentionsInterned {
		t.Errorf("mention row mark %x, %v", mark, err)
	}
	for i, id := range ids {
		got, err := s.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		want := mk(i)
		if !reflect.DeepEqual(got.Mentions, want.Mentions) || !reflect.DeepEqual(got.Timexes, want.Timexes) {
			t.Errorf("article %d: mentions %+v timexes %+v", i, got.Mentions, got.Timexes)
		}
	}
	// A failing transaction that interned a new string: the cache must not
	// keep its id.
	err := s.inTx(ctx, func(*sql.Tx) error {
		if _, err := s.actors.intern(ctx)("Rolled Back"); err != nil {
			return err
		}
		return errors.New("fail on purpose")
	})
	if err == nil {
		t.Fatal("the transaction did not fail")
	}
	a := mk(9)
	a.Mentions[0].Actor = "Another Name"
	a.Mentions[1].Actor = "Rolled Back"
	saved, err := s.SaveArticle(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Article(ctx, saved.ID)
	if err != nil || !reflect.DeepEqual(got.Mentions, a.Mentions) {
		t.Errorf("after a rollback: %+v, %v", got.Mentions, err)
	}
}
