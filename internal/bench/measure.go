package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strconv"
	"sync"
	"time"
)

// Latency is the measured latency of one page.
type Latency struct {
	Path     string
	P50, P95 time.Duration
	// Cold is the warm-up request's time: the first request after a
	// start or a write, which fills the server's caches.
	Cold   time.Duration
	Bytes  int // size of the answer to the warm-up request
	Errors int // failed requests
	Err    error
}

// Pages returns the pages and API lists `parley bench` times: every page
// of the web app and each list of the API, with an actor id and an article
// id found through the API itself.
func Pages(ctx context.Context, client *http.Client, base string) []string {
	actor, article := "1", "1"
	if id, err := firstID(ctx, client, base+"/api/v1/actors?limit=1"); err == nil {
		actor = id
	}
	if id, err := firstID(ctx, client, base+"/api/v1/articles?limit=1"); err == nil {
		article = id
	}
	return []string{
		"/", "/statements", "/statements?q=quota", "/statements?kind=direct", "/articles",
		"/articles?q=tariffs", "/articles/" + article, "/actors", "/actors/" + actor,
		"/matrix", "/timeline",
		"/api/v1/stats", "/api/v1/articles", "/api/v1/statements", "/api/v1/statements?q=dairy",
		"/api/v1/actors", "/api/v1/actors/" + actor, "/api/v1/outlets", "/api/v1/positions", "/api/v1/timeline",
	}
}

func firstID(ctx context.Context, client *http.Client, url string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return "", err
	}
	resp, err := client.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var v struct {
		Items []struct {
			ID json.Number `json:"id"`
		} `json:"items"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&v); err != nil {
		return "", err
	}
	if len(v.Items) == 0 {
		return "", fmt.Errorf("bench: %s lists nothing", url)
	}
	return v.Items[0].ID.String(), nil
}

// Time fetches base+path once to warm up, then n times from each of
// clients concurrent clients, and returns the 50th and 95th percentiles of
// all the requests. A status other than 200 is an error; Errors counts them
// and Err is the first.
func Time(ctx context.Context, client *http.Client, base, path string, n, clients int) Latency {
	l := Latency{Path: path}
	start := time.Now()
	size, err := fetch(ctx, client, base+path)
	l.Cold = time.Since(start)
	if err != nil {
		l.Err, l.Errors = err, 1
		return l
	}
	l.Bytes = size
	clients = max(clients, 1)
	var (
		mu    sync.Mutex
		wg    sync.WaitGroup
		times = make([]time.Duration, 0, n*clients)
	)
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range n {
				start := time.Now()
				_, err := fetch(ctx, client, base+path)
				d := time.Since(start)
				mu.Lock()
				if err != nil {
					l.Errors++
					if l.Err == nil {
						l.Err = err
					}
				} else {
					times = append(times, d)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	slices.Sort(times)
	l.P50 = Percentile(times, 50)
	l.P95 = Percentile(times, 95)
	return l
}

func fetch(ctx context.Context, client *http.Client, url string) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return 0, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	n, err := io.Copy(io.Discard, resp.Body)
	if err != nil {
		return 0, err
	}
	if resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("bench: %s: status %d", url, resp.StatusCode)
	}
	return int(n), nil
}

// Percentile returns the p-th percentile (nearest rank) of sorted times.
func Percentile(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	k := (len(sorted)*p + 99) / 100 // ceil(n·p/100)
	return sorted[max(k, 1)-1]
}

// FilesSize returns the total size of the files that exist among paths
// (a database with its -wal and -shm files).
func FilesSize(paths ...string) int64 {
	var n int64
	for _, p := range paths {
		if fi, err := os.Stat(p); err == nil {
			n += fi.Size()
		}
	}
	return n
}

// Ms formats a duration in milliseconds.
func Ms(d time.Duration) string {
	return strconv.FormatFloat(float64(d.Microseconds())/1000, 'f', 2, 64)
}
