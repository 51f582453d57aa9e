package web

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/parley-news/parley/internal/store"
)

// apiDo sends a request with an optional bearer token and JSON body.
func apiDo(t *testing.T, c *http.Client, method, u, token, ctype, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, u, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func firstStatementID(t *testing.T, f *fixture, source string) int64 {
	t.Helper()
	list, err := f.st.Statements(context.Background(), store.StatementQuery{ArticleID: f.ids[source]})
	if err != nil || len(list) == 0 {
		t.Fatalf("statements of %s: %v", source, err)
	}
	for _, s := range list {
		if s.Seq == 0 {
			return s.ID
		}
	}
	return list[0].ID
}

func TestAPICorrections(t *testing.T) {
	f := newFixture(t, testToken, false)
	c := f.client(t)
	u := f.ts.URL + "/api/v1/corrections"
	sid := firstStatementID(t, f, "test/river-1.txt")
	good := `{"kind":"statement","statement_id":` + strconv.FormatInt(sid, 10) + `,"edit":{"speaker":"Karl Vos"},"note":"Vos said it","by":"ana"}`

	tests := []struct {
		name         string
		token, ctype string
		body         string
		status       int
		msg          string
	}{
		{"no token", "", "application/json", good, 401, "Bearer"},
		{"wrong token", "not-the-token-at-all", "application/json", good, 401, "Bearer"},
		{"not JSON", testToken, "text/plain", good, 415, "JSON"},
		{"malformed", testToken, "application/json", `{"kind":`, 400, "not a correction"},
		{"unknown field", testToken, "application/json", `{"kind":"statement","colour":"red"}`, 400, "colour"},
		{"no note", testToken, "application/json", `{"kind":"statement","statement_id":` + strconv.FormatInt(sid, 10) + `,"edit":{"kind":"mixed"}}`, 400, "needs a note"},
		{"bad kind", testToken, "application/json", `{"kind":"statement","statement_id":` + strconv.FormatInt(sid, 10) + `,"edit":{"kind":"sung"},"note":"n"}`, 400, `kind \"sung\"`},
		{"unknown statement", testToken, "application/json", `{"kind":"statement","statement_id":999999,"edit":{"kind":"mixed"},"note":"n"}`, 404, "statement 999999 not found"},
		{"cell without dossier", testToken, "application/json", `{"kind":"cell","cell":{"dossier":"none","party":"A","issue":"b","stance":"for"},"note":"n"}`, 400, "no dossier"},
		{"cell bad stance", testToken, "application/json", `{"kind":"cell","cell":{"dossier":"none","party":"A","issue":"b","stance":"meh"},"note":"n"}`, 400, "stance"},
		{"ok", testToken, "application/json; charset=utf-8", good, 201, `"status":"applied"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			status, body := apiDo(t, c, http.MethodPost, u, tc.token, tc.ctype, tc.body)
			if status != tc.status || !strings.Contains(body, tc.msg) {
				t.Errorf("%d %s, want %d with %q", status, body, tc.status, tc.msg)
			}
		})
	}
	// The correction holds and is listed.
	a, err := f.st.Article(context.Background(), f.ids["test/river-1.txt"])
	if err != nil || a.Statements[0].Speaker.Name != "Karl Vos" {
		t.Errorf("speaker = %q (%v)", a.Statements[0].Speaker.Name, err)
	}

	// A cross-site form post is refused before anything else.
	req, _ := http.NewRequest(http.MethodPost, u, strings.NewReader(good))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+testToken)
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	if resp, err := c.Do(req); err != nil || resp.StatusCode != 403 {
		t.Errorf("cross-site POST: %v %v", resp, err)
	}

	// Pagination: newest first, after= the last id.
	for i := range 4 {
		body := `{"kind":"statement","statement_id":` + strconv.FormatInt(sid, 10) + `,"edit":{"date":"2040-05-0` + strconv.Itoa(i+1) + `"},"note":"n` + strconv.Itoa(i) + `"}`
		if status, b := apiDo(t, c, http.MethodPost, u, testToken, "application/json", body); status != 201 {
			t.Fatalf("post %d: %d %s", i, status, b)
		}
	}
	var notes []string
	next := u + "?limit=2"
	for pages := 0; next != "" && pages < 5; pages++ {
		status, _, body := get(t, c, next)
		if status != 200 {
			t.Fatalf("GET %s: %d %s", next, status, body)
		}
		var l CorrectionList
		if err := json.Unmarshal([]byte(body), &l); err != nil {
			t.Fatal(err)
		}
		for _, x := range l.Items {
			notes = append(notes, x.Note)
		}
		next = ""
		if l.NextAfter != nil {
			next = u + "?limit=2&after=" + strconv.FormatInt(*l.NextAfter, 10)
		}
	}
	if got := strings.Join(notes, ","); got != "n3,n2,n1,n0,Vos said it" {
		t.Errorf("pages = %s", got)
	}
	for _, q := range []string{"?limit=0", "?after=x", "?status=maybe", "?kind=rewrite"} {
		if status, _, body := get(t, c, u+q); status != 400 {
			t.Errorf("GET %s: %d %s", q, status, body)
		}
	}
	if status, _, body := get(t, c, u+"?kind=cell"); status != 200 || !strings.Contains(body, `"items":[]`) {
		t.Errorf("kind=cell: %d %s", status, body)
	}
}

// TestPageCorrections: the forms need a login and the CSRF token; a
// correction made through them shows on the article page and in the log.
func TestPageCorrections(t *testing.T) {
	f := newFixture(t, testToken, false)
	c := f.client(t)
	sid := firstStatementID(t, f, "test/river-1.txt")
	form := url.Values{"speaker": {"Karl Vos"}, "was_speaker": {"Anna Berg"}, "kind": {"direct"}, "was_kind": {"direct"},
		"date": {"2040-05-04"}, "was_date": {"2040-05-04"}, "note": {"it was Vos"}, "back": {"/articles/1"}}
	target := f.ts.URL + "/corrections/statements/" + strconv.FormatInt(sid, 10)
	if status, _, _ := postForm(t, c, target, form); status != 401 {
		t.Errorf("logged out: %d, want 401", status)
	}
	tok, _ := login(t, f, c, "/")
	form.Set("csrf", otherToken(tok))
	if status, _, _ := postForm(t, c, target, form); status != 403 {
		t.Errorf("bad csrf: %d, want 403", status)
	}
	form.Set("csrf", tok)
	form.Del("note")
	if status, _, body := postForm(t, c, target, form); status != 400 || !strings.Contains(body, "needs a note") {
		t.Errorf("no note: %d", status)
	}
	form.Set("note", "it was Vos")
	status, hdr, _ := postForm(t, c, target, form)
	if status != 303 || hdr.Get("Location") != "/articles/1" {
		t.Fatalf("correct: %d %q", status, hdr.Get("Location"))
	}
	aid := strconv.FormatInt(f.ids["test/river-1.txt"], 10)
	_, _, page := get(t, c, f.ts.URL+"/articles/"+aid)
	if !strings.Contains(page, `class="corrected"`) || !strings.Contains(page, "it was Vos") {
		t.Errorf("article page does not mark the correction")
	}
	_, _, page = get(t, c, f.ts.URL+"/corrections")
	if !strings.Contains(page, "it was Vos") || !strings.Contains(page, `speaker &#34;Anna Berg&#34; → &#34;Karl Vos&#34;`) {
		t.Errorf("log page:\n%s", page)
	}
	// Only the speaker changed: the unchanged fields were not sent as changes.
	cs, _ := f.st.Corrections(context.Background(), store.CorrectionQuery{})
	if len(cs) != 1 || cs[0].Edit.Kind != "" || cs[0].Edit.Date != "" || cs[0].By != "analyst" {
		t.Errorf("stored = %+v", cs)
	}
}
