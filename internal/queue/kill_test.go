package queue_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/parley-news/parley/internal/cli"
	"github.com/parley-news/parley/internal/store"
	"github.com/parley-news/parley/internal/store/pgtest"
	"github.com/parley-news/parley/internal/store/postgres"
)

// envArgs, when set, makes the test binary run as `parley` with these
// arguments (JSON): the kill test's worker processes.
const envArgs = "PARLEY_TEST_CLI_ARGS"

func TestMain(m *testing.M) {
	if raw := os.Getenv(envArgs); raw != "" {
		var args []string
		if err := json.Unmarshal([]byte(raw), &args); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		code := cli.Run(ctx, &cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}, args)
		stop()
		os.Exit(code)
	}
	os.Exit(pgtest.Main(m))
}

// writeReports writes n short invented reports, one file each.
func writeReports(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	for i := range n {
		text := fmt.Sprintf("Harbour talks round %d ends, envoy says\n\n"+
			"PORTVILLE, March %d, 2031. /NAP/. The harbour talks ended round %d on Monday, envoy Piotr Lind told reporters.\n\n"+
			"\"We are ready to sign clause %d,\" he said. Minister Ana Sol said the port fees of berth %d would fall.\n",
			i, 1+i%27, i, i, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%05d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestKillWorker enqueues $PARLEY_KILL_ARTICLES generated articles on
// PostgreSQL, works them with three worker processes, and kills one with
// SIGKILL once a third is stored: every article must end up stored exactly
// once, with its analyses, and no job lost or failed. Heavy: it runs only
// when the variable is set (.ci/run sets 5000).
func TestKillWorker(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("PARLEY_KILL_ARTICLES"))
	if n <= 0 {
		t.Skip("set PARLEY_KILL_ARTICLES=N to run (heavy: starts three workers)")
	}
	url := pgtest.URL(t)
	dir := writeReports(t, n)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Minute)
	defer cancel()

	var out, errb bytes.Buffer
	env := &cli.Env{Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	if code := cli.Run(ctx, env, []string{"ingest", "--db", url, "--enqueue", dir}); code != 0 {
		t.Fatalf("enqueue: exit %d: %s", code, errb.String())
	}
	t.Logf("enqueue: %s", bytes.TrimSpace(out.Bytes()))

	st, err := postgres.Open(ctx, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()

	args, _ := json.Marshal([]string{"worker", "--db", url, "--until-idle", "--concurrency", "2",
		"--job-timeout", "20s", "--rescue-after", "25s"})
	start := time.Now()
	workers := make([]*exec.Cmd, 3)
	outputs := make([]*bytes.Buffer, 3)
	for i := range workers {
		outputs[i] = &bytes.Buffer{}
		cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), envArgs+"="+string(args))
		cmd.Stdout, cmd.Stderr = outputs[i], outputs[i]
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		workers[i] = cmd
	}
	// Kill the first worker once a third of the articles is stored.
	for {
		stats, err := st.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if stats.Articles >= int64(n/3) {
			break
		}
		if ctx.Err() != nil {
			t.Fatal("timed out before a third was stored")
		}
		time.Sleep(100 * time.Millisecond)
	}
	killedAt := time.Since(start)
	if err := workers[0].Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = workers[0].Wait()
	for i, w := range workers[1:] {
		if err := w.Wait(); err != nil {
			t.Fatalf("worker %d: %v\n%s", i+1, err, outputs[i+1])
		}
	}
	elapsed := time.Since(start)
	for i, o := range outputs[1:] {
		t.Logf("worker %d: %s", i+1, bytes.TrimSpace(o.Bytes()))
	}

	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	list, err := st.Articles(ctx, store.ArticleQuery{Limit: store.MaxLimit, IncludeSuperseded: true})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, a := range list {
		if seen[a.Source] {
			t.Errorf("%s stored twice", a.Source)
		}
		seen[a.Source] = true
		if a.Statements == 0 {
			t.Errorf("%s stored without statements", a.Source)
		}
	}
	if stats.Articles != int64(n) || stats.Versions != int64(n) || len(seen) != n && n <= store.MaxLimit {
		t.Errorf("stored %d articles in %d rows (%d sources), want %d", stats.Articles, stats.Versions, len(seen), n)
	}
	if stats.Statements < int64(2*n) {
		t.Errorf("%d statements for %d articles: analyses lost", stats.Statements, n)
	}
	out.Reset()
	if code := cli.Run(ctx, env, []string{"jobs", "--db", url, "--format", "json"}); code != 0 || bytes.TrimSpace(out.Bytes())[0] != '[' || len(bytes.TrimSpace(out.Bytes())) > 2 {
		t.Errorf("failed jobs after the run: %s", out.String())
	}
	t.Logf("%d articles, one of three workers killed at %.1fs: all stored once with analyses (%d statements) in %.1fs, %.1f articles/s",
		n, killedAt.Seconds(), stats.Statements, elapsed.Seconds(), float64(n)/elapsed.Seconds())
}
