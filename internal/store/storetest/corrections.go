package storetest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/store"
)

// statementIDs returns the row ids of an article's statements by position.
func statementIDs(t *testing.T, st store.Store, article int64) []int64 {
	t.Helper()
	list, err := st.Statements(context.Background(), store.StatementQuery{ArticleID: article, Limit: 100})
	if err != nil {
		t.Fatalf("Statements: %v", err)
	}
	ids := make([]int64, len(list))
	for _, s := range list {
		if s.Seq >= len(ids) {
			t.Fatalf("seq %d of %d statements", s.Seq, len(list))
		}
		ids[s.Seq] = s.ID
	}
	return ids
}

func speakers(a *store.StoredArticle) []string {
	var out []string
	for _, s := range a.Statements {
		out = append(out, s.Speaker.Name)
	}
	return out
}

func mustArticle(t *testing.T, st store.Store, id int64) *store.StoredArticle {
	t.Helper()
	a, err := st.Article(context.Background(), id)
	if err != nil {
		t.Fatalf("Article %d: %v", id, err)
	}
	return a
}

func findActor(t *testing.T, st store.Store, name string) *store.StoredActor {
	t.Helper()
	list, err := st.Actors(context.Background(), store.ActorQuery{Limit: 1000})
	if err != nil {
		t.Fatalf("Actors: %v", err)
	}
	for i := range list {
		if list[i].Name == name {
			return &list[i]
		}
	}
	return nil
}

// corrections: every kind of correction is applied at once, holds after
// ReplaceAnalyses gives the pipeline's uncorrected output again, and is
// in the audit log with who, why and what it changed.
func corrections(t *testing.T, open Opener) {
	ctx := context.Background()
	body := Sample(t, "x", "", "").Body
	tests := []struct {
		name    string
		correct func(st store.Store, a int64, ids []int64) []store.Correction
		check   func(t *testing.T, st store.Store, a *store.StoredArticle)
	}{
		{"speaker", func(_ store.Store, _ int64, ids []int64) []store.Correction {
			return []store.Correction{{Kind: store.CorrectStatement, StatementID: ids[1], By: "ana", Note: "it was his deputy",
				Edit: &store.Edit{Speaker: "Lena Brandt"}}}
		}, func(t *testing.T, st store.Store, a *store.StoredArticle) {
			if got := speakers(a); len(got) != 2 || got[1] != "Lena Brandt" {
				t.Errorf("speakers = %q, want Lena Brandt second", got)
			}
			if findActor(t, st, "Lena Brandt") == nil {
				t.Error("no actor Lena Brandt created")
			}
		}},
		{"speaker names an alias", func(_ store.Store, _ int64, ids []int64) []store.Correction {
			return []store.Correction{{Kind: store.CorrectStatement, StatementID: ids[0], By: "ana", Note: "Brandt said it",
				Edit: &store.Edit{Speaker: "brandt"}}}
		}, func(t *testing.T, _ store.Store, a *store.StoredArticle) {
			if got := speakers(a); got[0] != "Otto Brandt" {
				t.Errorf("speakers = %q, want the alias resolved to Otto Brandt", got)
			}
		}},
		{"kind and date", func(_ store.Store, _ int64, ids []int64) []store.Correction {
			return []store.Correction{{Kind: store.CorrectStatement, StatementID: ids[0], By: "ana", Note: "reported speech",
				Edit: &store.Edit{Kind: article.Indirect, Date: "2022-02-14"}}}
		}, func(t *testing.T, _ store.Store, a *store.StoredArticle) {
			s := a.Statements[0]
			if s.Kind != article.Indirect || s.Date != "2022-02-14" || s.DateBasis != store.DateCorrected {
				t.Errorf("statement = %s %q %q, want indirect 2022-02-14 corrected", s.Kind, s.Date, s.DateBasis)
			}
		}},
		{"span", func(_ store.Store, _ int64, ids []int64) []store.Correction {
			sp := span(t, body, "the talks would resume")
			return []store.Correction{{Kind: store.CorrectStatement, StatementID: ids[1], By: "ana", Note: "next week is the reporter's",
				Edit: &store.Edit{Span: &sp}}}
		}, func(t *testing.T, _ store.Store, a *store.StoredArticle) {
			if s := a.Statements[1]; s.Text != "the talks would resume" || s.TextSpan != span(t, body, "the talks would resume") {
				t.Errorf("statement = %q %v", s.Text, s.TextSpan)
			}
		}},
		{"delete", func(_ store.Store, _ int64, ids []int64) []store.Correction {
			return []store.Correction{{Kind: store.CorrectStatement, StatementID: ids[0], By: "ana", Note: "not a statement",
				Edit: &store.Edit{Delete: true}}}
		}, func(t *testing.T, _ store.Store, a *store.StoredArticle) {
			if got := speakers(a); len(got) != 1 || got[0] != "Otto Brandt" {
				t.Errorf("speakers = %q, want only Otto Brandt", got)
			}
		}},
		{"add", func(_ store.Store, a int64, _ []int64) []store.Correction {
			sp := span(t, body, "Delegates from Ruritania and Freedonia met in Vienna on Tuesday.")
			return []store.Correction{{Kind: store.CorrectAdd, ArticleID: a, By: "ana", Note: "missed",
				Anchor: &store.Anchor{Span: sp}, Edit: &store.Edit{Speaker: "Mara Lind", Kind: article.Indirect, Date: "2022-02-15"}}}
		}, func(t *testing.T, _ store.Store, a *store.StoredArticle) {
			if got := speakers(a); len(got) != 3 || got[0] != "Mara Lind" || a.Statements[0].Date != "2022-02-15" ||
				!strings.HasPrefix(a.Statements[0].Text, "Delegates from") {
				t.Errorf("speakers = %q, first %+v; want the added statement first", got, a.Statements[0])
			}
		}},
		{"merge", func(st store.Store, _ int64, _ []int64) []store.Correction {
			return []store.Correction{{Kind: store.CorrectMerge, ActorID: findActor(t, st, "Otto Brandt").ID,
				IntoID: findActor(t, st, "Mara Lind").ID, By: "ana", Note: "one person"}}
		}, func(t *testing.T, st store.Store, a *store.StoredArticle) {
			if got := speakers(a); got[0] != "Mara Lind" || got[1] != "Mara Lind" {
				t.Errorf("speakers = %q, want both Mara Lind", got)
			}
			if findActor(t, st, "Otto Brandt") != nil {
				t.Error("Otto Brandt still listed as an actor")
			}
			m := findActor(t, st, "Mara Lind")
			if m == nil || m.Statements != 2 || !containsFold(m.Aliases, "Otto Brandt") {
				t.Errorf("Mara Lind = %+v, want 2 statements and the alias Otto Brandt", m)
			}
			says, err := st.Statements(ctx, store.StatementQuery{Speaker: "Otto"})
			if err != nil || len(says) != 2 {
				t.Errorf("statements of speaker Otto: %d, %v; want 2 (found through the alias)", len(says), err)
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := open(t)
			a := Sample(t, "talks.txt", "Wire", "2022-02-16")
			res, err := st.SaveArticle(ctx, a)
			if err != nil {
				t.Fatal(err)
			}
			before := statementIDs(t, st, res.ID)
			cs, err := st.AddCorrections(ctx, tc.correct(st, res.ID, before))
			if err != nil {
				t.Fatalf("AddCorrections: %v", err)
			}
			// The rows people read keep their ids while they correct.
			if after := statementIDs(t, st, res.ID); len(after) == len(before) && fmt.Sprint(after) != fmt.Sprint(before) {
				t.Errorf("statement ids %v became %v", before, after)
			}
			for _, c := range cs {
				if c.ID == 0 || c.Status != store.Applied || c.At.IsZero() || c.By != "ana" || c.StatementID != 0 || c.ActorID != 0 {
					t.Errorf("stored correction = %+v, want an id, applied, at, by ana, no input ids", c)
				}
			}
			tc.check(t, st, mustArticle(t, st, res.ID))

			// Re-analysis writes the pipeline's output again: the correction holds.
			fresh := Sample(t, "talks.txt", "Wire", "2022-02-16")
			fresh.Pipeline = "test-2"
			if err := st.ReplaceAnalyses(ctx, res.ID, fresh); err != nil {
				t.Fatalf("ReplaceAnalyses: %v", err)
			}
			t.Run("after reanalysis", func(t *testing.T) { tc.check(t, st, mustArticle(t, st, res.ID)) })

			log, err := st.Corrections(ctx, store.CorrectionQuery{})
			if err != nil || len(log) != len(cs) {
				t.Fatalf("Corrections = %d, %v; want %d", len(log), err, len(cs))
			}
			if c := log[0]; c.Note == "" || c.Status != store.Applied || len(c.After) == 0 {
				t.Errorf("logged = %+v, want note, applied and what it changed", c)
			}
		})
	}
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// correctionVersions: a statement correction follows its passage into a new
// version of the article, and is flagged for review, never dropped, when
// the passage is gone.
func correctionVersions(t *testing.T, open Opener) {
	ctx := context.Background()
	st := open(t)
	a := Sample(t, "talks.txt", "Wire", "2022-02-16")
	res, err := st.SaveArticle(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	ids := statementIDs(t, st, res.ID)
	if _, err := st.AddCorrections(ctx, []store.Correction{{Kind: store.CorrectStatement, StatementID: ids[1], By: "ana",
		Note: "deputy", Edit: &store.Edit{Speaker: "Lena Brandt"}}}); err != nil {
		t.Fatal(err)
	}

	// A new version with a paragraph before: the passage moved.
	moved := Sample(t, "talks.txt", "Wire", "2022-02-16")
	shift := "UPDATE: adds background. "
	moved.Body = shift + moved.Body
	moved.ContentHash = ""
	for i := range moved.Statements {
		s := &moved.Statements[i]
		for _, sp := range []*article.Span{&s.Span, &s.TextSpan, &s.CueSpan, &s.SpeakerSpan} {
			sp[0], sp[1] = sp[0]+len(shift), sp[1]+len(shift)
		}
	}
	moved.Mentions, moved.Timexes, moved.Events = nil, nil, nil
	r2, err := st.SaveArticle(ctx, moved)
	if err != nil || r2.Status != store.NewVersion {
		t.Fatalf("save moved: %+v, %v", r2, err)
	}
	if got := speakers(mustArticle(t, st, r2.ID)); got[1] != "Lena Brandt" {
		t.Errorf("new version speakers = %q, want the correction re-anchored", got)
	}

	// A version without the passage: flagged, kept.
	gone := Sample(t, "talks.txt", "Wire", "2022-02-16")
	gone.Body = strings.Replace(gone.Body, "the talks would resume next week", "talks were over", 1)
	gone.ContentHash = ""
	gone.Statements = gone.Statements[:1]
	gone.Mentions, gone.Timexes, gone.Events = nil, nil, nil
	if _, err := st.SaveArticle(ctx, gone); err != nil {
		t.Fatal(err)
	}
	flagged, err := st.Corrections(ctx, store.CorrectionQuery{Status: store.NeedsReview})
	if err != nil || len(flagged) != 1 || flagged[0].Problem == "" {
		t.Fatalf("needs review = %+v, %v; want the correction flagged with its problem", flagged, err)
	}

	// The passage comes back: the correction applies again.
	back := Sample(t, "talks.txt", "Wire", "2022-02-16")
	back.Body += " Talks resumed."
	back.ContentHash = ""
	r4, err := st.SaveArticle(ctx, back)
	if err != nil {
		t.Fatal(err)
	}
	if got := speakers(mustArticle(t, st, r4.ID)); got[1] != "Lena Brandt" {
		t.Errorf("speakers = %q, want the correction applied again", got)
	}
	if flagged, _ := st.Corrections(ctx, store.CorrectionQuery{Status: store.NeedsReview}); len(flagged) != 0 {
		t.Errorf("still flagged: %+v", flagged)
	}
}

// correctionMergeSplit: a merge holds for articles saved later; a split
// undoes it.
func correctionMergeSplit(t *testing.T, open Opener) {
	ctx := context.Background()
	st := open(t)
	res, err := st.SaveArticle(ctx, Sample(t, "one.txt", "Wire", "2022-02-16"))
	if err != nil {
		t.Fatal(err)
	}
	merge := store.Correction{Kind: store.CorrectMerge, Actor: "Otto Brandt", Into: "Mara Lind", By: "ana", Note: "same person"}
	if _, err := st.AddCorrections(ctx, []store.Correction{merge}); err != nil {
		t.Fatal(err)
	}
	later := Sample(t, "two.txt", "Post", "2022-02-17")
	later.Title = "Another report"
	r2, err := st.SaveArticle(ctx, later)
	if err != nil {
		t.Fatal(err)
	}
	if got := speakers(mustArticle(t, st, r2.ID)); got[1] != "Mara Lind" {
		t.Errorf("later article speakers = %q, want the merge applied on save", got)
	}
	if findActor(t, st, "Otto Brandt") != nil {
		t.Error("the merged actor was created again by a later save")
	}
	if m := findActor(t, st, "Mara Lind"); m == nil || m.Statements != 4 {
		t.Errorf("Mara Lind = %+v, want 4 statements", m)
	}
	split := store.Correction{Kind: store.CorrectSplit, Actor: "Otto Brandt", Into: "Mara Lind", By: "ana", Note: "two people after all"}
	if _, err := st.AddCorrections(ctx, []store.Correction{split}); err != nil {
		t.Fatal(err)
	}
	for _, id := range []int64{res.ID, r2.ID} {
		if got := speakers(mustArticle(t, st, id)); got[1] != "Otto Brandt" {
			t.Errorf("article %d speakers = %q after the split", id, got)
		}
	}
	if o := findActor(t, st, "Otto Brandt"); o == nil || o.Statements != 2 {
		t.Errorf("Otto Brandt = %+v, want back with 2 statements", o)
	}
	log, err := st.Corrections(ctx, store.CorrectionQuery{Kind: store.CorrectMerge})
	if err != nil || len(log) != 1 || log[0].Status != store.Undone {
		t.Errorf("merge = %+v, %v; want undone", log, err)
	}
	if _, err := st.AddCorrections(ctx, []store.Correction{split}); !errors.Is(err, store.ErrNoMerge) {
		t.Errorf("second split: %v, want ErrNoMerge", err)
	}
}

// correctionInvalid: what AddCorrections refuses, with nothing written.
func correctionInvalid(t *testing.T, open Opener) {
	ctx := context.Background()
	st := open(t)
	res, err := st.SaveArticle(ctx, Sample(t, "one.txt", "Wire", "2022-02-16"))
	if err != nil {
		t.Fatal(err)
	}
	ids := statementIDs(t, st, res.ID)
	ok := store.Correction{Kind: store.CorrectStatement, StatementID: ids[0], By: "ana", Note: "fine", Edit: &store.Edit{Kind: article.Mixed}}
	tests := []struct {
		name string
		c    store.Correction
		want error
	}{
		{"no note", store.Correction{Kind: store.CorrectStatement, StatementID: ids[0], Edit: &store.Edit{Kind: article.Mixed}}, store.ErrInvalid},
		{"bad kind", store.Correction{Kind: store.CorrectStatement, StatementID: ids[0], Note: "x", Edit: &store.Edit{Kind: "shouted"}}, store.ErrInvalid},
		{"bad date", store.Correction{Kind: store.CorrectStatement, StatementID: ids[0], Note: "x", Edit: &store.Edit{Date: "2022-13"}}, store.ErrInvalid},
		{"nothing to change", store.Correction{Kind: store.CorrectStatement, StatementID: ids[0], Note: "x", Edit: &store.Edit{}}, store.ErrInvalid},
		{"span outside", store.Correction{Kind: store.CorrectStatement, StatementID: ids[0], Note: "x", Edit: &store.Edit{Span: &article.Span{5, 99999}}}, store.ErrInvalid},
		{"unknown statement", store.Correction{Kind: store.CorrectStatement, StatementID: 99999, Note: "x", Edit: &store.Edit{Kind: article.Mixed}}, store.ErrNotFound},
		{"unknown actor", store.Correction{Kind: store.CorrectMerge, ActorID: 99999, Into: "Mara Lind", Note: "x"}, store.ErrNotFound},
		{"self merge", store.Correction{Kind: store.CorrectMerge, Actor: "Mara Lind", Into: "mara lind", Note: "x"}, store.ErrInvalid},
		{"unknown kind", store.Correction{Kind: "rewrite", Note: "x"}, store.ErrInvalid},
		{"add without speaker", store.Correction{Kind: store.CorrectAdd, ArticleID: res.ID, Note: "x", Anchor: &store.Anchor{Span: article.Span{0, 9}}, Edit: &store.Edit{}}, store.ErrInvalid},
		{"cell without stance", store.Correction{Kind: store.CorrectCell, Note: "x", Cell: &store.Cell{Dossier: "d", Party: "p", Issue: "i"}}, store.ErrInvalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// The valid one first: the batch is all or nothing.
			_, err := st.AddCorrections(ctx, []store.Correction{ok, tc.c})
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
		})
	}
	if log, err := st.Corrections(ctx, store.CorrectionQuery{}); err != nil || len(log) != 0 {
		t.Errorf("after refused batches: %d corrections, %v; want none", len(log), err)
	}
	if a := mustArticle(t, st, res.ID); a.Statements[0].Kind != article.Direct {
		t.Errorf("statement kind = %s, want unchanged", a.Statements[0].Kind)
	}
}

// correctionLog: the audit log pages newest first by keyset, filters by
// kind, and carries corrections to another database (portable values).
func correctionLog(t *testing.T, open Opener) {
	ctx := context.Background()
	st := open(t)
	res, err := st.SaveArticle(ctx, Sample(t, "one.txt", "Wire", "2022-02-16"))
	if err != nil {
		t.Fatal(err)
	}
	ids := statementIDs(t, st, res.ID)
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	var batch []store.Correction
	for i, d := range []string{"2022-02-01", "2022-02-02", "2022-02-03"} {
		batch = append(batch, store.Correction{Kind: store.CorrectStatement, StatementID: ids[i%2], By: "ana", At: at, Note: "date " + d,
			Edit: &store.Edit{Date: d}})
	}
	batch = append(batch, store.Correction{Kind: store.CorrectCell, By: "bo", Note: "stated in the communique",
		Cell: &store.Cell{Dossier: "Border talks", Party: "Ruritania", Issue: "border", Stance: "support"}})
	if _, err := st.AddCorrections(ctx, batch); err != nil {
		t.Fatal(err)
	}
	var seen []string
	var after int64
	for page := 0; page < 5; page++ {
		list, err := st.Corrections(ctx, store.CorrectionQuery{Limit: 3, After: after})
		if err != nil {
			t.Fatal(err)
		}
		if len(list) == 0 {
			break
		}
		for _, c := range list {
			seen = append(seen, c.Note)
		}
		after = list[len(list)-1].ID
	}
	want := []string{"stated in the communique", "date 2022-02-03", "date 2022-02-02", "date 2022-02-01"}
	if strings.Join(seen, "|") != strings.Join(want, "|") {
		t.Errorf("pages = %q, want %q", seen, want)
	}
	cells, err := st.Corrections(ctx, store.CorrectionQuery{Kind: store.CorrectCell})
	if err != nil || len(cells) != 1 || cells[0].Cell.Stance != "support" || cells[0].By != "bo" {
		t.Errorf("cells = %+v, %v", cells, err)
	}
	all, err := st.Corrections(ctx, store.CorrectionQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if got := all[len(all)-1].At; !got.Equal(at) {
		t.Errorf("at = %v, want the given %v kept", got, at)
	}

	// Into a fresh database: the articles first, then the corrections as
	// listed (oldest first); the record comes out the same.
	other := open(t)
	r2, err := other.SaveArticle(ctx, Sample(t, "one.txt", "Wire", "2022-02-16"))
	if err != nil {
		t.Fatal(err)
	}
	var carried []store.Correction
	for i := len(all) - 1; i >= 0; i-- {
		c := all[i]
		c.ID, c.Status, c.Problem = 0, "", ""
		carried = append(carried, c)
	}
	got, err := other.AddCorrections(ctx, carried)
	if err != nil {
		t.Fatalf("carry: %v", err)
	}
	if got[0].By != "ana" || !got[0].At.Equal(at) || got[0].Before["date"] != "" {
		t.Errorf("carried = %+v, want who, when and before kept", got[0])
	}
	x, y := mustArticle(t, st, res.ID), mustArticle(t, other, r2.ID)
	for i := range x.Statements {
		if x.Statements[i].Date != y.Statements[i].Date || x.Statements[i].Speaker.Name != y.Statements[i].Speaker.Name {
			t.Errorf("statement %d: %+v vs %+v", i, x.Statements[i], y.Statements[i])
		}
	}
	if y.Statements[0].Date != "2022-02-03" || y.Statements[1].Date != "2022-02-02" {
		t.Errorf("dates = %q %q, want the latest correction of each", y.Statements[0].Date, y.Statements[1].Date)
	}
}
