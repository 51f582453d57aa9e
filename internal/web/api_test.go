package web

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

// decode reads a JSON body into a generic map, failing the test when it is not JSON.
func decode(t *testing.T, body string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(body), &m); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, body)
	}
	return m
}

func errCode(t *testing.T, body string) string {
	t.Helper()
	m := decode(t, body)
	e, ok := m["error"].(map[string]any)
	if !ok {
		t.Fatalf("no error object in %s", body)
	}
	if msg, _ := e["message"].(string); msg == "" {
		t.Errorf("error without message: %s", body)
	}
	code, _ := e["code"].(string)
	return code
}

func items(t *testing.T, body string) []any {
	t.Helper()
	m := decode(t, body)
	it, ok := m["items"].([]any)
	if !ok {
		t.Fatalf("no items array in %s", body)
	}
	return it
}

func TestAPIReadEndpoints(t *testing.T) {
	f := newFixture(t, "", false)
	c := f.client(t)
	river := strconv.FormatInt(f.ids["test/river-1.txt"], 10)
	cases := []struct {
		name   string
		path   string
		status int
		// check inspects a 200 body; code is the error code otherwise.
		check func(t *testing.T, body string)
		code  string
	}{
		{"stats", "/api/v1/stats", 200, func(t *testing.T, b string) {
			m := decode(t, b)
			if m["articles"].(float64) != 62 || m["statements"].(float64) != 63 {
				t.Errorf("stats = %v", m)
			}
		}, ""},
		{"articles first page", "/api/v1/articles", 200, func(t *testing.T, b string) {
			m := decode(t, b)
			if n := len(m["items"].([]any)); n != 50 || m["next_offset"].(float64) != 50 || m["limit"].(float64) != 50 {
				t.Errorf("got %d items, next %v", n, m["next_offset"])
			}
		}, ""},
		{"articles last page", "/api/v1/articles?offset=50&limit=50", 200, func(t *testing.T, b string) {
			m := decode(t, b)
			if n := len(m["items"].([]any)); n != 12 || m["next_offset"] != nil {
				t.Errorf("got %d items, next %v", n, m["next_offset"])
			}
		}, ""},
		{"articles limit capped", "/api/v1/articles?limit=100000", 200, func(t *testing.T, b string) {
			if m := decode(t, b); m["limit"].(float64) != apiMaxLimit {
				t.Errorf("limit = %v", m["limit"])
			}
		}, ""},
		{"articles search", "/api/v1/articles?q=riverbank", 200, func(t *testing.T, b string) {
			it := items(t, b)
			if len(it) != 1 || it[0].(map[string]any)["title"] != "River treaty talks open in Valdora" {
				t.Fatalf("search: %v", it)
			}
			if sn, _ := it[0].(map[string]any)["snippet"].(string); !strings.Contains(sn, "[riverbank]") {
				t.Errorf("snippet %q does not mark the match", sn)
			}
		}, ""},
		{"articles by outlet", "/api/v1/articles?outlet=orsk%20daily", 200, func(t *testing.T, b string) {
			if it := items(t, b); len(it) != 1 {
				t.Errorf("outlet filter: %d items", len(it))
			}
		}, ""},
		{"articles bad limit", "/api/v1/articles?limit=-3", 400, nil, codeBadRequest},
		{"articles bad date", "/api/v1/articles?from=May", 400, nil, codeBadRequest},
		{"article", "/api/v1/articles/" + river, 200, func(t *testing.T, b string) {
			m := decode(t, b)
			st := m["statements"].([]any)
			if len(st) != 2 || !strings.HasPrefix(m["body"].(string), "VALDORA") {
				t.Fatalf("article: %d statements", len(st))
			}
			sp := st[0].(map[string]any)["text_span"].([]any)
			body := m["body"].(string)
			if got := body[int(sp[0].(float64)):int(sp[1].(float64))]; got != "We will not give up a single metre of the riverbank," {
				t.Errorf("text_span points at %q", got)
			}
		}, ""},
		{"article missing", "/api/v1/articles/999999", 404, nil, codeNotFound},
		{"article bad id", "/api/v1/articles/abc", 404, nil, codeNotFound},
		{"versions", "/api/v1/articles/" + river + "/versions", 200, func(t *testing.T, b string) {
			if it := items(t, b); len(it) != 1 {
				t.Errorf("versions: %d", len(it))
			}
		}, ""},
		{"versions missing", "/api/v1/articles/999999/versions", 404, nil, codeNotFound},
		{"statements page", "/api/v1/statements?limit=20&offset=20", 200, func(t *testing.T, b string) {
			m := decode(t, b)
			if n := len(m["items"].([]any)); n != 20 || m["next_offset"].(float64) != 40 || m["offset"].(float64) != 20 {
				t.Errorf("got %d, next %v", n, m["next_offset"])
			}
		}, ""},
		{"statements by speaker", "/api/v1/statements?speaker=berg", 200, func(t *testing.T, b string) {
			if it := items(t, b); len(it) != 2 {
				t.Errorf("speaker filter: %d", len(it))
			}
		}, ""},
		{"statements direct", "/api/v1/statements?kind=direct", 200, func(t *testing.T, b string) {
			if it := items(t, b); len(it) != 2 {
				t.Errorf("kind filter: %d", len(it))
			}
		}, ""},
		{"statements search", "/api/v1/statements?q=%22negotiating+position%22", 200, func(t *testing.T, b string) {
			it := items(t, b)
			if len(it) != 1 || !strings.Contains(it[0].(map[string]any)["text"].(string), "<script>") {
				t.Errorf("search: %v", it)
			}
		}, ""},
		{"statements date range", "/api/v1/statements?from=2040-05&to=2040-05", 200, func(t *testing.T, b string) {
			if it := items(t, b); len(it) != 3 {
				t.Errorf("May 2040: %d", len(it))
			}
		}, ""},
		{"statements bad kind", "/api/v1/statements?kind=shouted", 400, nil, codeBadRequest},
		{"statements bad actor", "/api/v1/statements?actor_id=x", 400, nil, codeBadRequest},
		{"actors", "/api/v1/actors?limit=2", 200, func(t *testing.T, b string) {
			m := decode(t, b)
			it := m["items"].([]any)
			if len(it) != 2 || it[0].(map[string]any)["name"] != "Lee Park" || m["next_offset"].(float64) != 2 {
				t.Errorf("actors: %v", m)
			}
		}, ""},
		{"actors filter", "/api/v1/actors?q=BERG", 200, func(t *testing.T, b string) {
			it := items(t, b)
			if len(it) != 1 {
				t.Fatalf("actors q: %v", it)
			}
			a := it[0].(map[string]any)
			if a["statements"].(float64) != 2 || a["titles"].([]any)[0].(map[string]any)["title"] != "Foreign Minister" {
				t.Errorf("actor: %v", a)
			}
		}, ""},
		{"actor missing", "/api/v1/actors/424242", 404, nil, codeNotFound},
		{"outlets", "/api/v1/outlets", 200, func(t *testing.T, b string) {
			if it := items(t, b); len(it) != 2 || it[0] != "Orsk Daily" {
				t.Errorf("outlets: %v", it)
			}
		}, ""},
		{"positions without dossier", "/api/v1/positions", 404, nil, codeNotFound},
		{"unknown endpoint", "/api/v1/nothing", 404, nil, codeNotFound},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			status, h, body := get(t, c, f.ts.URL+tc.path)
			if status != tc.status {
				t.Fatalf("status %d, want %d: %s", status, tc.status, body)
			}
			if ct := h.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type %q", ct)
			}
			if tc.check != nil {
				tc.check(t, body)
			}
			if tc.code != "" {
				if got := errCode(t, body); got != tc.code {
					t.Errorf("code %q, want %q", got, tc.code)
				}
			}
		})
	}
}

func TestAPIActorByID(t *testing.T) {
	f := newFixture(t, "", false)
	c := f.client(t)
	_, _, body := get(t, c, f.ts.URL+"/api/v1/actors?q=vos")
	it := items(t, body)
	if len(it) != 1 {
		t.Fatalf("vos: %v", it)
	}
	id := strconv.Itoa(int(it[0].(map[string]any)["id"].(float64)))
	status, _, body := get(t, c, f.ts.URL+"/api/v1/actors/"+id)
	if status != 200 || decode(t, body)["name"] != "Karl Vos" {
		t.Fatalf("actor %s: %d %s", id, status, body)
	}
	_, _, body = get(t, c, f.ts.URL+"/api/v1/statements?actor_id="+id)
	if it := items(t, body); len(it) != 1 {
		t.Errorf("statements of actor: %d", len(it))
	}
}

func TestAPIMethodNotAllowed(t *testing.T) {
	f := newFixture(t, "", false)
	req, _ := http.NewRequest(http.MethodDelete, f.ts.URL+"/api/v1/stats", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 405 || errCode(t, string(b)) != codeMethod || resp.Header.Get("Allow") != "GET" {
		t.Errorf("DELETE: %d %s allow %q", resp.StatusCode, b, resp.Header.Get("Allow"))
	}
}

func TestOpenAPIDocument(t *testing.T) {
	f := newFixture(t, "", false)
	status, _, body := get(t, f.client(t), f.ts.URL+"/api/openapi.json")
	if status != 200 {
		t.Fatalf("status %d", status)
	}
	m := decode(t, body)
	if v, _ := m["openapi"].(string); !strings.HasPrefix(v, "3.") {
		t.Errorf("openapi = %v", m["openapi"])
	}
	paths := m["paths"].(map[string]any)
	// Every API route the server registers is documented, and nothing else.
	want := []string{"/api/v1/stats", "/api/v1/articles", "/api/v1/articles/{id}", "/api/v1/articles/{id}/versions",
		"/api/v1/statements", "/api/v1/actors", "/api/v1/actors/{id}", "/api/v1/outlets", "/api/v1/ingest",
		"/api/v1/positions", "/api/v1/stances", "/api/v1/timeline", "/api/v1/dossiers", "/api/v1/dossiers/{name}", "/api/v1/dossiers/{name}/activate", "/api/v1/dossiers/{name}/changes",
		"/api/v1/sources", "/api/v1/jobs", "/api/v1/corrections"}
	for _, p := range want {
		if _, ok := paths[p]; !ok {
			t.Errorf("%s not documented", p)
		}
	}
	if len(paths) != len(want) {
		t.Errorf("%d paths documented, want %d", len(paths), len(want))
	}
	// Every $ref points at something in the document.
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if ref, ok := x.(string); ok && k == "$ref" {
					var at any = m
					for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
						next, _ := at.(map[string]any)
						at = next[part]
					}
					if at == nil {
						t.Errorf("dangling $ref %s", ref)
					}
				}
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(m)
}

func apiPost(t *testing.T, u, token, ctype string, body []byte) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, u, bytes.NewReader(body))
	req.Header.Set("Content-Type", ctype)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func multipartBody(t *testing.T, files map[string]string, fields map[string]string) (string, []byte) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for name, content := range files {
		w, err := mw.CreateFormFile("file", name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, content)
	}
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	mw.Close()
	return mw.FormDataContentType(), buf.Bytes()
}

const uploadText = "Border talks resume\n\nLUMEN CITY, June 2 — Talks on the mountain border resumed on Monday.\n\n" +
	"\"We are ready to sign within a week,\" Interior Minister Petra Holm told reporters.\n"

func TestAPIIngestAuth(t *testing.T) {
	ro := newFixture(t, "", true)
	status, body := apiPost(t, ro.ts.URL+"/api/v1/ingest", testToken, "application/json", []byte(`{"urls":["https://example.test/a"]}`))
	if status != 403 || errCode(t, body) != codeReadOnly {
		t.Errorf("read-only server: %d %s", status, body)
	}

	f := newFixture(t, testToken, true)
	u := f.ts.URL + "/api/v1/ingest"
	for _, tok := range []string{"", "wrong-token"} {
		status, body := apiPost(t, u, tok, "application/json", []byte(`{"urls":[]}`))
		if status != 401 || errCode(t, body) != codeUnauth {
			t.Errorf("token %q: %d %s", tok, status, body)
		}
	}
	bad := []struct{ name, ctype, body, code string }{
		{"local path refused", "application/json", `{"urls":["/etc/passwd"]}`, codeBadRequest},
		{"file scheme refused", "application/json", `{"urls":["file:///etc/passwd"]}`, codeBadRequest},
		{"unknown field", "application/json", `{"paths":["x"]}`, codeBadRequest},
		{"nothing", "application/json", `{}`, codeBadRequest},
		{"not JSON", "application/json", `{"urls":`, codeBadRequest},
		{"wrong content type", "text/plain", `https://example.test/`, codeBadRequest},
	}
	for _, b := range bad {
		status, body := apiPost(t, u, testToken, b.ctype, []byte(b.body))
		if status/100 != 4 || errCode(t, body) != b.code {
			t.Errorf("%s: %d %s", b.name, status, body)
		}
	}
}

func TestAPIIngestUploadAndRefusePrivate(t *testing.T) {
	f := newFixture(t, testToken, true)
	u := f.ts.URL + "/api/v1/ingest"
	ctype, body := multipartBody(t, map[string]string{"../../holm.txt": uploadText}, nil)
	status, resp := apiPost(t, u, testToken, ctype, body)
	if status != 200 {
		t.Fatalf("upload: %d %s", status, resp)
	}
	var rep IngestReport
	if err := json.Unmarshal([]byte(resp), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.New != 1 || rep.Failed != 0 || len(rep.Items) != 1 || rep.Items[0].Source != "upload:holm.txt" || rep.Items[0].ID == 0 {
		t.Fatalf("report: %+v", rep)
	}
	// The same upload again is a duplicate.
	_, resp = apiPost(t, u, testToken, ctype, body)
	if err := json.Unmarshal([]byte(resp), &rep); err != nil || rep.Duplicate != 1 {
		t.Errorf("second upload: %s", resp)
	}
	// The test server itself is on loopback: refused without --allow-private.
	status, resp = apiPost(t, u, testToken, "application/json", []byte(`{"urls":["`+f.ts.URL+`/api/v1/stats"]}`))
	if err := json.Unmarshal([]byte(resp), &rep); err != nil || status != 200 || rep.Failed != 1 || !strings.Contains(rep.Items[0].Error, "refused") {
		t.Errorf("loopback URL: %d %s", status, resp)
	}
}

func TestRequestSizeLimit(t *testing.T) {
	f := newFixture(t, testToken, true)
	srv, err := New(Config{Token: testToken, MaxUpload: 1 << 10}, f.st, f.srv.pipe, nil)
	if err != nil {
		t.Fatal(err)
	}
	ts := newTestServer(t, srv)
	ctype, body := multipartBody(t, map[string]string{"big.txt": strings.Repeat("word ", 1000)}, nil)
	status, resp := apiPost(t, ts+"/api/v1/ingest", testToken, ctype, body)
	if status != 413 || errCode(t, resp) != codeTooLarge {
		t.Errorf("big upload: %d %s", status, resp)
	}
	// Other requests are held to a small limit whatever the upload limit.
	status, _, _ = postForm(t, f.client(t), f.ts.URL+"/login", url.Values{"token": {strings.Repeat("x", smallBody+10)}})
	if status != 403 {
		t.Errorf("big login form: %d, want 403 (form unreadable, so no CSRF token)", status)
	}
}
