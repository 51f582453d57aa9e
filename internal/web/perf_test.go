package web

import (
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"testing"
	"time"
)

// demoPages are the pages timed on the demo, one of each kind.
func demoPages(t testing.TB, base string) []string {
	t.Helper()
	resp, err := http.Get(base + "/api/v1/actors?limit=1")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var actor string
	if m := decodeAny(t, b); m != nil {
		actor = strconv.Itoa(int(m["items"].([]any)[0].(map[string]any)["id"].(float64)))
	}
	return []string{
		"/", "/statements", "/statements?q=quota&kind=direct", "/articles", "/articles?q=tariffs",
		"/articles/1", "/articles/6?hl=0-40", "/actors", "/actors/" + actor, "/matrix", "/timeline", "/ingest",
		"/api/v1/statements", "/api/v1/articles/1", "/api/v1/positions",
	}
}

// TestPageTimesDemo fetches every page of the demo 40 times, checks each
// answers 200, and logs the 50th and 95th percentiles (run with -v to see
// them). It asserts no time: a loaded machine would make that flaky; the
// figures are for the notes, and BenchmarkPages measures rendering.
func TestPageTimesDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test skipped in -short mode")
	}
	srv, base := newDemo(t, "")
	_ = srv
	const n = 40
	for _, p := range demoPages(t, base) {
		times := make([]time.Duration, 0, n)
		for range n {
			start := time.Now()
			resp, err := http.Get(base + p)
			if err != nil {
				t.Fatal(err)
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				t.Fatalf("%s: status %d", p, resp.StatusCode)
			}
			times = append(times, time.Since(start))
		}
		slices.Sort(times)
		p95 := times[n*95/100-1]
		t.Logf("%-34s p50 %6.2f ms  p95 %6.2f ms", p, ms(times[n/2]), ms(p95))
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// BenchmarkPages renders each demo page in-process (no network).
func BenchmarkPages(b *testing.B) {
	srv, base := newDemo(b, "")
	for _, p := range demoPages(b, base) {
		b.Run(p, func(b *testing.B) {
			h := srv.Handler()
			for b.Loop() {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
				if rec.Code != 200 {
					b.Fatalf("status %d", rec.Code)
				}
			}
		})
	}
}
