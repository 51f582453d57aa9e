package bench

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
)

func TestTime(t *testing.T) {
	var calls atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := calls.Add(1)
		if r.URL.Path == "/flaky" && n%3 == 0 {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		_, _ = w.Write([]byte("hello"))
	}))
	defer srv.Close()
	ctx := context.Background()

	l := Time(ctx, srv.Client(), srv.URL, "/ok", 5, 4)
	if l.Err != nil || l.Errors != 0 || l.Bytes != 5 || l.P50 <= 0 || l.P95 < l.P50 || l.Cold <= 0 {
		t.Errorf("ok page: %+v", l)
	}
	if got := calls.Load(); got != 1+5*4 {
		t.Errorf("%d requests, want %d (a warm-up and 5 from each of 4 clients)", got, 1+5*4)
	}

	calls.Store(0)
	l = Time(ctx, srv.Client(), srv.URL, "/flaky", 5, 3)
	if l.Err == nil || l.Errors == 0 {
		t.Errorf("flaky page: no error counted: %+v", l)
	}
}
