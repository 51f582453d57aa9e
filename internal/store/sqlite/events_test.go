package sqlite

import (
	"context"
	"testing"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/store"
)

func TestEvents(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a := sample(t, "a.txt", "Wire A", "2022-02-16")
	b := sample(t, "b.txt", "Wire B", "2022-02-10")
	b.Body += " More."
	b.ContentHash = ""
	b.Events = append(b.Events, article.Event{Type: "CONSULT", Actor: article.Actor{Name: "Freedonia"}, Text: "met", Span: a.Events[0].Span},
		article.Event{Date: "2022-01-30", Type: "AGREE", Actor: article.Actor{Name: "Freedonia"}, Text: "met", Span: a.Events[0].Span})
	for _, x := range []*article.Article{a, b} {
		if _, err := s.SaveArticle(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name  string
		q     store.EventQuery
		types []string
	}{
		{"all dated, oldest first", store.EventQuery{}, []string{"AGREE", "MEET", "MEET"}},
		{"with undated, last", store.EventQuery{Undated: true}, []string{"AGREE", "MEET", "MEET", "CONSULT"}},
		{"by type", store.EventQuery{Type: "AGREE"}, []string{"AGREE"}},
		{"by target name", store.EventQuery{Actor: "freedonia", From: "2022-02"}, []string{"MEET", "MEET"}},
		{"by outlet", store.EventQuery{Outlet: "wire a"}, []string{"MEET"}},
		{"range excludes", store.EventQuery{To: "2022-01"}, []string{"AGREE"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Events(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			var types []string
			for _, e := range got {
				types = append(types, e.Type)
			}
			if len(types) != len(tt.types) {
				t.Fatalf("types %v, want %v", types, tt.types)
			}
			for i := range types {
				if types[i] != tt.types[i] {
					t.Fatalf("types %v, want %v", types, tt.types)
				}
			}
		})
	}
	got, _ := s.Events(ctx, store.EventQuery{Type: "MEET", Outlet: "Wire A"})
	if len(got) != 1 || got[0].Target == nil || got[0].Target.Name != "Freedonia" || got[0].Source != "a.txt" || got[0].Published != "2022-02-16" {
		t.Errorf("event row: %+v", got)
	}
	if _, err := s.Events(ctx, store.EventQuery{From: "soon"}); err == nil {
		t.Error("a bad date must be an error")
	}
}
