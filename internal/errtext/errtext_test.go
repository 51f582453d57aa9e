package errtext

import (
	"errors"
	"fmt"
	"testing"

	"github.com/parley-news/parley/internal/store"
)

func TestPlain(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{fmt.Errorf("sqlite: article 99: %w", store.ErrNotFound), "article 99 not found"},
		{fmt.Errorf("postgres: article 7: %w", store.ErrNotFound), "article 7 not found"},
		{store.ErrNotFound, "not found"},
		{fmt.Errorf("%w: date \"2022-13\": want YYYY, YYYY-MM or YYYY-MM-DD", store.ErrInvalid), `date "2022-13": want YYYY, YYYY-MM or YYYY-MM-DD`},
		{errors.Join(errors.New("bad parameter"), errors.New("limit must be a positive integer")), "limit must be a positive integer"},
		{fmt.Errorf("web: %w", errors.New("no pipeline")), "no pipeline"},
		{nil, ""},
	} {
		if got := Plain(tc.err); got != tc.want {
			t.Errorf("Plain(%q) = %q, want %q", tc.err, got, tc.want)
		}
	}
}
