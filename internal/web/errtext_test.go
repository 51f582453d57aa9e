package web

import (
	"strings"
	"testing"
)

// TestAPIErrorsInPlainWords: API errors name the thing and the problem,
// without the internal layers ("sqlite: …: store: not found").
func TestAPIErrorsInPlainWords(t *testing.T) {
	f := newFixture(t, "", false)
	c := f.client(t)
	for _, tc := range []struct {
		path   string
		status int
		want   string
	}{
		{"/api/v1/articles/99999", 404, `"message":"article 99999 not found"`},
		{"/api/v1/statements?from=2022-13", 400, `"message":"date \"2022-13\": want YYYY, YYYY-MM or YYYY-MM-DD"`},
		{"/api/v1/statements?limit=x", 400, `"message":"limit must be a positive integer"`},
	} {
		status, _, body := get(t, c, f.ts.URL+tc.path)
		if status != tc.status || !strings.Contains(body, tc.want) || strings.Contains(body, "store:") || strings.Contains(body, "sqlite:") {
			t.Errorf("GET %s: %d %s; want %d with %s", tc.path, status, body, tc.status, tc.want)
		}
	}
}

// TestStatementDateBasisShown: a statement list says how each date was
// found, in words, on the page (not only in a tooltip a phone never shows).
func TestStatementDateBasisShown(t *testing.T) {
	f := newFixture(t, "", false)
	status, _, page := get(t, f.client(t), f.ts.URL+"/statements")
	if status != 200 || !strings.Contains(page, `<small class="muted basis">(the text gives no day: the publication day)</small>`) {
		t.Errorf("statements page: %d, no date basis in words", status)
	}
}
