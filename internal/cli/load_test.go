package cli

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parley-news/parley/internal/store/sqlite"
	"github.com/parley-news/parley/internal/web"
)

// loadArticle writes the i-th article of the load corpus: its own speakers
// and words, so that every one is new.
func loadArticle(i int) string {
	names := []string{"Anna Berg", "Piotr Lind", "Mara Holm", "Jonas Vik", "Ilse Dorn", "Tomas Rak"}
	var b strings.Builder
	fmt.Fprintf(&b, "Quota round %d ends\n\nPORTVILLE, March %d, 2031. /NAP/. The quota talks went into round %d on Monday.\n\n", i, 1+i%28, i)
	for j := range 6 {
		n := names[(i+j)%len(names)]
		fmt.Fprintf(&b, "\"We want clause %d-%d settled this week,\" minister %s %d told reporters.\n\n", i, j, n, i%40)
		fmt.Fprintf(&b, "Envoy %s %d said the dairy quota of round %d would follow in April.\n\n", names[(i+j+1)%len(names)], i%40, i)
	}
	return b.String()
}

// TestLoadReadersWhileIngesting: readers on the statements page and the API
// while another process ingests into the same database: no errors, no
// time-outs. Latencies are measured and logged, not asserted. Bounded: it
// stops when the ingest ends (or after two minutes), on loopback only.
// Run with PARLEY_LOAD=1 (CI does).
func TestLoadReadersWhileIngesting(t *testing.T) {
	if os.Getenv("PARLEY_LOAD") == "" {
		t.Skip("set PARLEY_LOAD=1 to run the load test")
	}
	const (
		readers     = 20
		articles    = 1000
		reqTimeout  = 10 * time.Second
		maxDuration = 2 * time.Minute
	)
	dir := t.TempDir()
	db := filepath.Join(dir, "load.db")
	corpus := filepath.Join(dir, "corpus")
	os.MkdirAll(corpus, 0o755)
	for i := range articles {
		os.WriteFile(filepath.Join(corpus, fmt.Sprintf("%04d.txt", i)), []byte(loadArticle(i)), 0o644)
	}
	// Something to read from the start.
	seed := filepath.Join(dir, "seed")
	os.MkdirAll(seed, 0o755)
	for i := range 40 {
		os.WriteFile(filepath.Join(seed, fmt.Sprintf("%04d.txt", i)), []byte(loadArticle(articles+i)), 0o644)
	}
	if code, _, errs := run(t, context.Background(), db, "", "ingest", "--quiet", seed); code != ExitOK {
		t.Fatalf("seed: %d %s", code, errs)
	}
	ctx, cancel := context.WithTimeout(context.Background(), maxDuration)
	defer cancel()
	st, err := sqlite.Open(ctx, db, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv, err := web.New(web.Config{}, st, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler()) // 127.0.0.1
	defer ts.Close()

	// The writer: another process.
	ingestDone := make(chan struct{})
	var icode int
	var ierrs string
	go func() {
		defer close(ingestDone)
		icode, _, ierrs, _ = child(t, ctx, []string{"PARLEY_DB=" + db}, "ingest", "--quiet", corpus)
	}()

	paths := []string{"/statements", "/api/v1/statements?limit=50", "/statements?offset=50", "/api/v1/stats"}
	client := &http.Client{Timeout: reqTimeout, Transport: &http.Transport{MaxIdleConnsPerHost: readers}}
	var mu sync.Mutex
	var lat []time.Duration
	var failures []string
	timeouts := 0
	var wg sync.WaitGroup
	start := time.Now()
	for r := range readers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-ingestDone:
					return
				case <-ctx.Done():
					return
				default:
				}
				p := paths[(r+i)%len(paths)]
				t0 := time.Now()
				resp, err := client.Get(ts.URL + p)
				var status int
				if err == nil {
					_, err = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					status = resp.StatusCode
				}
				d := time.Since(t0)
				mu.Lock()
				switch {
				case err != nil && (os.IsTimeout(err) || strings.Contains(err.Error(), "Timeout")):
					timeouts++
				case err != nil:
					failures = append(failures, fmt.Sprintf("%s: %v", p, err))
				case status != http.StatusOK:
					failures = append(failures, fmt.Sprintf("%s: HTTP %d", p, status))
				default:
					lat = append(lat, d)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	<-ingestDone
	elapsed := time.Since(start)
	if ctx.Err() != nil {
		t.Fatalf("the ingest did not end within %s", maxDuration)
	}
	if icode != ExitOK {
		t.Fatalf("ingest: exit %d, %s", icode, ierrs)
	}
	slices.Sort(lat)
	pct := func(p float64) time.Duration {
		if len(lat) == 0 {
			return 0
		}
		return lat[min(len(lat)-1, int(p*float64(len(lat))))]
	}
	t.Logf("load: %d readers, %d requests in %s (%.0f req/s) while another process ingested %d articles; p50 %s, p99 %s, max %s; %d errors, %d time-outs",
		readers, len(lat), elapsed.Round(time.Millisecond), float64(len(lat))/elapsed.Seconds(), articles,
		pct(0.50).Round(time.Millisecond), pct(0.99).Round(time.Millisecond), pct(1).Round(time.Millisecond), len(failures), timeouts)
	if len(failures) > 0 {
		t.Errorf("%d failed requests, the first: %s", len(failures), failures[0])
	}
	if timeouts > 0 {
		t.Errorf("%d requests timed out (over %s)", timeouts, reqTimeout)
	}
	if len(lat) == 0 {
		t.Errorf("no request answered")
	}
	if s, err := st.Stats(context.Background()); err != nil || s.Articles != articles+40 {
		t.Errorf("after the load: %d articles stored (%v), want %d", s.Articles, err, articles+40)
	}
}
