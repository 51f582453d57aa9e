package web

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/parley-news/parley/internal/queue"
	"github.com/parley-news/parley/internal/watch"
)

func TestSourcesAndJobs(t *testing.T) {
	f := newFixture(t, "", false)
	c := f.client(t)
	// Without --watch there is no sources page, and the API lists nothing.
	if code, _, _ := get(t, c, f.ts.URL+"/sources"); code != http.StatusNotFound {
		t.Errorf("/sources without watching: %d", code)
	}
	if code, _, body := get(t, c, f.ts.URL+"/api/v1/sources"); code != 200 || !strings.Contains(body, `"sources":[]`) {
		t.Errorf("/api/v1/sources: %d %s", code, body)
	}
	next := time.Date(2031, 3, 3, 12, 15, 0, 0, time.UTC)
	srv, err := New(Config{
		Sources: func() []watch.Health {
			return []watch.Health{{Name: "port-feed", Kind: watch.KindFeed, Target: "https://port.example/rss", Every: "15m0s",
				LastStatus: "error", Failures: 2, Errors: 3, LastError: "unexpected HTTP status 503", NextPoll: next}}
		},
		Jobs: func(context.Context) ([]queue.Job, error) {
			return []queue.Job{{ID: 7, Kind: "analyse", State: "discarded", Subject: "https://port.example/a", Error: "no article text"}}, nil
		},
	}, f.st, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	u := newTestServer(t, srv)
	code, _, body := get(t, c, u+"/sources")
	if code != 200 || !strings.Contains(body, "port-feed") || !strings.Contains(body, "2 failed in a row: unexpected HTTP status 503") || !strings.Contains(body, "2031-03-03 12:15 UTC") {
		t.Errorf("/sources: %d %s", code, body)
	}
	if !strings.Contains(body, "no article text") || !strings.Contains(body, "https://port.example/a") {
		t.Errorf("/sources lacks the failed job: %s", body)
	}
	if _, _, body := get(t, c, u+"/"); !strings.Contains(body, `href="/sources"`) {
		t.Error("no Sources entry in the menu while watching")
	}
	code, _, body = get(t, c, u+"/api/v1/sources")
	if code != 200 || !strings.Contains(body, `"name":"port-feed"`) || !strings.Contains(body, `"failures":2`) || !strings.Contains(body, `"next_poll":"2031-03-03T12:15:00Z"`) {
		t.Errorf("/api/v1/sources: %d %s", code, body)
	}
	code, _, body = get(t, c, u+"/api/v1/jobs")
	if code != 200 || !strings.Contains(body, `"id":7`) || !strings.Contains(body, `"error":"no article text"`) {
		t.Errorf("/api/v1/jobs: %d %s", code, body)
	}
}
