package cli

import (
	"errors"
	"fmt"
	"testing"

	"github.com/parley-news/parley/internal/store"
)

func TestPlain(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{fmt.Errorf("sqlite: article 99: %w", fmt.Errorf("%w: article 99", store.ErrNotFound)), "article 99 not found"},
		{fmt.Errorf("sqlite: %w: date \"2031-13\": want YYYY", store.ErrInvalid), "date \"2031-13\": want YYYY"},
		{fmt.Errorf("dossier: open x.yaml: %w", errors.New("no such file or directory")), "open x.yaml: no such file or directory"},
		{fmt.Errorf("timeline: %w", fmt.Errorf("sqlite: query: %w", errors.New("disk I/O error"))), "query: disk I/O error"},
		{errors.New("plain words stay"), "plain words stay"},
	}
	for _, tc := range tests {
		if got := plain(tc.err); got != tc.want {
			t.Errorf("plain(%q) = %q, want %q", tc.err, got, tc.want)
		}
	}
}

func TestSuggest(t *testing.T) {
	names := []string{"ingest", "extract", "articles", "statements", "timeline", "serve", "version", "report", "reanalyze"}
	tests := []struct {
		typed string
		want  []string
	}{
		{"ingets", []string{"ingest"}},
		{"serv", []string{"serve"}},
		{"stat", []string{"statements"}},
		{"xyzzy", nil},
		{"rep", []string{"report"}},
	}
	for _, tc := range tests {
		got := suggest(tc.typed, names)
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("suggest(%q) = %v, want %v", tc.typed, got, tc.want)
		}
	}
}
