package web

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestNewChecks(t *testing.T) {
	if _, err := New(Config{}, nil, nil, nil); !errors.Is(err, ErrConfig) {
		t.Errorf("nil store: %v", err)
	}
	// Every page template exists and parses (New checks them at start).
	r, err := newRenderer()
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range pageNames {
		if r.pages[n] == nil {
			t.Errorf("page %s missing", n)
		}
	}
}

func TestServeShutsDownGracefully(t *testing.T) {
	f := newFixture(t, "", false)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- f.srv.Serve(ctx, ln) }()
	resp, err := http.Get("http://" + ln.Addr().String() + "/healthz")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("healthz: %v", err)
	}
	resp.Body.Close()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve returned %v after a clean shutdown", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return after its context ended")
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/healthz"); err == nil {
		t.Error("still serving after shutdown")
	}
}

func TestWrongTokensAreThrottled(t *testing.T) {
	f := newFixture(t, testToken, false)
	c := f.client(t)
	_, _, page := get(t, c, f.ts.URL+"/login")
	tok := csrfFrom(t, page)
	for i := range maxFailures {
		if status, _, _ := postForm(t, c, f.ts.URL+"/login", url.Values{"csrf": {tok}, "token": {"guess"}}); status != 401 {
			t.Fatalf("attempt %d: %d", i, status)
		}
	}
	// Now even the right token waits, on the form and on the API.
	if status, _, _ := postForm(t, c, f.ts.URL+"/login", url.Values{"csrf": {tok}, "token": {testToken}}); status != 429 {
		t.Errorf("after %d failures: %d, want 429", maxFailures, status)
	}
	status, body := apiPost(t, f.ts.URL+"/api/v1/ingest", testToken, "application/json", []byte(`{"urls":["https://example.test/"]}`))
	if status != 429 || errCode(t, body) != codeRateLimited {
		t.Errorf("API after failures: %d %s", status, body)
	}
}

func TestIngestDocumentCap(t *testing.T) {
	f := newFixture(t, testToken, true)
	srv, err := New(Config{Token: testToken, MaxDocs: 2}, f.st, f.srv.pipe, nil)
	if err != nil {
		t.Fatal(err)
	}
	base := newTestServer(t, srv)
	ctype, body := multipartBody(t, map[string]string{
		"a.txt": uploadText, "b.txt": strings.Replace(uploadText, "Monday", "Tuesday", 1), "c.txt": strings.Replace(uploadText, "Monday", "Sunday", 1),
	}, nil)
	status, resp := apiPost(t, base+"/api/v1/ingest", testToken, ctype, body)
	var rep IngestReport
	if err := json.Unmarshal([]byte(resp), &rep); err != nil || status != 200 {
		t.Fatalf("%d %s", status, resp)
	}
	if rep.New != 2 || rep.Failed != 1 || !strings.Contains(resp, "more than 2 documents") {
		t.Errorf("report: %s", resp)
	}
}

func TestIndexFollowsTheStore(t *testing.T) {
	f := newFixture(t, "", false)
	c := f.client(t)
	_, _, body := get(t, c, f.ts.URL+"/api/v1/actors?q=holm")
	if len(items(t, body)) != 0 {
		t.Fatal("actor before ingest")
	}
	// Another process (the CLI) writes to the same database.
	a := testArticles(t)[0]
	a.Source, a.URL = "test/other.txt", ""
	a.Body = strings.Replace(a.Body, "Anna Berg", "Petra Holm", 1)
	a.Statements = a.Statements[:1]
	a.Statements[0].Speaker.Name = "Petra Holm"
	a.Mentions, a.Timexes = nil, nil
	if _, err := f.st.SaveArticle(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	// The actor list is the store's own (aggregates kept as it writes):
	// the next request lists the new speaker, counted.
	_, _, body = get(t, c, f.ts.URL+"/api/v1/actors?q=holm")
	got := items(t, body)
	if len(got) != 1 || got[0].(map[string]any)["statements"].(float64) != 1 {
		t.Errorf("the new speaker is not listed at once: %s", body)
	}
}
