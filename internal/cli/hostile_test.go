package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/parley-news/parley/internal/store/sqlite"
)

// blockingStdin is standard input that never ends: it tells the test when
// it is first read, then blocks until closed (a terminal nobody types in).
type blockingStdin struct {
	once    sync.Once
	reading chan struct{}
	closed  chan struct{}
}

func (b *blockingStdin) Read(p []byte) (int, error) {
	b.once.Do(func() { close(b.reading) })
	<-b.closed
	return 0, io.EOF
}

func storedArticles(t *testing.T, db string) []map[string]any {
	t.Helper()
	code, out, errs := run(t, context.Background(), db, "", "articles", "--format", "json")
	var list []map[string]any
	if err := json.Unmarshal([]byte(out), &list); code != ExitOK || err != nil {
		t.Fatalf("articles: exit %d, %v, %s", code, err, errs)
	}
	return list
}

// TestInterruptSavesWhatWasAnalysed: an ingest interrupted while it waits
// for more input (the first Ctrl-C) still saves every article it read and
// analysed, says so, and exits 1. It used to wait for good, and then to
// lose the batch in hand.
func TestInterruptSavesWhatWasAnalysed(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	dir := t.TempDir()
	a := filepath.Join(dir, "a.txt")
	b := filepath.Join(dir, "b.txt")
	os.WriteFile(a, []byte(sampleReport), 0o644)
	os.WriteFile(b, []byte(strings.Replace(sampleReport, "harbour", "canal", -1)), 0o644)
	stdin := &blockingStdin{reading: make(chan struct{}), closed: make(chan struct{})}
	defer close(stdin.closed)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errb bytes.Buffer
	env := &Env{Stdin: stdin, Stdout: &out, Stderr: &errb, Getenv: func(k string) string {
		if k == "PARLEY_DB" {
			return db
		}
		return ""
	}}
	done := make(chan int, 1)
	go func() { done <- Run(ctx, env, []string{"ingest", a, b, "-"}) }()
	select {
	case <-stdin.reading:
	case <-time.After(time.Minute):
		t.Fatal("standard input never read")
	}
	cancel() // the first SIGINT
	var code int
	select {
	case code = <-done:
	case <-time.After(time.Minute):
		t.Fatal("ingest did not stop after the interruption")
	}
	if code != ExitFailed || !strings.Contains(errb.String(), "interrupted; the 2 articles analysed were saved") {
		t.Fatalf("exit %d, stderr %q", code, errb.String())
	}
	if list := storedArticles(t, db); len(list) != 2 {
		t.Fatalf("%d articles stored, want 2", len(list))
	}
}

// TestSecondSignalExits: the first signal cancels, the second exits.
func TestSecondSignalExits(t *testing.T) {
	ch := make(chan os.Signal, 2)
	exited := make(chan int, 1)
	var errb syncBuffer
	ctx, stop := interruptOn(context.Background(), ch, &errb, func(c int) { exited <- c })
	defer stop()
	ch <- syscall.SIGINT
	<-ctx.Done()
	select {
	case c := <-exited:
		t.Fatalf("exited (%d) at the first signal", c)
	default:
	}
	ch <- syscall.SIGTERM
	if c := <-exited; c != ExitInterrupted {
		t.Fatalf("exit %d, want %d", c, ExitInterrupted)
	}
	if !strings.Contains(errb.String(), "interrupt again to stop at once") {
		t.Errorf("stderr %q", errb.String())
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestControlCharactersEscaped: file names and "source" fields reach
// standard error with their control characters escaped.
func TestControlCharactersEscaped(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	dir := t.TempDir()
	evil := filepath.Join(dir, "evil\x1b]0;owned\x07.txt")
	os.WriteFile(evil, []byte("\x00\x01binary"), 0o644)
	jl := filepath.Join(dir, "d.jsonl")
	os.WriteFile(jl, []byte(`{"source": "src\u001b[2J\u202eevil", "text": "x", "published": "someday"}`+"\n"), 0o644)
	code, _, errs := run(t, context.Background(), db, "", "ingest", evil, jl)
	if code != ExitFailed {
		t.Fatalf("exit %d", code)
	}
	if strings.ContainsAny(errs, "\x1b\x07") || strings.Contains(errs, "\u202e") {
		t.Fatalf("raw control characters on stderr: %q", errs)
	}
	for _, want := range []string{`evil\x1b]0;owned\x07.txt`, `src\x1b[2J\u202eevil`} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr %q lacks %q", errs, want)
		}
	}
	if got := escapeControl("plain ünïcode\ttab"); got != `plain ünïcode\x09tab` {
		t.Errorf("escapeControl: %q", got)
	}
}

// TestCSVNeutralisesFormulas: cells a spreadsheet would run as formulas
// are written as text.
func TestCSVNeutralisesFormulas(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	jl := filepath.Join(t.TempDir(), "d.jsonl")
	var lines []string
	for i, title := range []string{"=HYPERLINK(\"http://evil.example\",\"x\")", "+1+2", "-2+3", "@SUM(A1)", "\tTab", "Plain title"} {
		text := strings.Replace(sampleReport, "harbour", fmt.Sprintf("harbour%d", i), -1)
		b, _ := json.Marshal(map[string]string{"title": title, "text": text, "source": fmt.Sprintf("s%d", i)})
		lines = append(lines, string(b))
	}
	os.WriteFile(jl, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
	if code, _, errs := run(t, context.Background(), db, "", "ingest", jl); code != ExitOK {
		t.Fatalf("ingest: %d %s", code, errs)
	}
	code, out, _ := run(t, context.Background(), db, "", "articles", "--format", "csv")
	if code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	for _, line := range strings.Split(out, "\n") {
		for _, cell := range strings.Split(line, ",") {
			cell = strings.TrimPrefix(cell, `"`)
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("cell %q would be read as a formula (line %q)", cell, line)
			}
		}
	}
	if !strings.Contains(out, `'=HYPERLINK(`) || !strings.Contains(out, "Plain title") {
		t.Errorf("csv: %s", out)
	}
}

// TestIngestRefusesPrivateURLs: a feed whose items link to loopback is not
// fetched unless --allow-private.
func TestIngestRefusesPrivateURLs(t *testing.T) {
	hits := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits++
		w.Header().Set("Content-Type", "text/plain")
		io.WriteString(w, sampleReport)
	}))
	defer srv.Close()
	feed := filepath.Join(t.TempDir(), "feed.xml")
	os.WriteFile(feed, []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>
<item><title>Teaser</title><link>`+srv.URL+`/internal</link><description>Short.</description></item></channel></rss>`), 0o644)
	db := filepath.Join(t.TempDir(), "p.db")
	code, _, errs := run(t, context.Background(), db, "", "ingest", feed)
	if code != ExitFailed || hits != 0 || !strings.Contains(errs, "address refused") {
		t.Fatalf("exit %d, hits %d, stderr %q", code, hits, errs)
	}
	if n := len(storedArticles(t, db)); n != 0 {
		t.Fatalf("%d articles stored", n)
	}
	code, _, errs = run(t, context.Background(), db, "", "ingest", "--allow-private", feed)
	if code != ExitOK || hits != 1 {
		t.Fatalf("--allow-private: exit %d, hits %d, %s", code, hits, errs)
	}
}

// TestUnwritableDatabaseFoundFirst: ingest into a database that cannot
// take writes fails before it reads a single input.
func TestUnwritableDatabaseFoundFirst(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "p.db")
	if code, _, errs := run(t, ctx, db, "", "ingest", "-"); code != ExitFailed || !strings.Contains(errs, "empty input") {
		t.Fatalf("setup: %d %s", code, errs)
	}
	// A corrupt file: overwrite a page of data past the schema.
	st, err := sqlite.Open(ctx, db, nil)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	if code, _, errs := run(t, ctx, db, sampleReport, "ingest", "-"); code != ExitOK {
		t.Fatalf("%d %s", code, errs)
	}
	data, _ := os.ReadFile(db)
	for p := 3; p*4096 < len(data); p++ {
		copy(data[p*4096:], bytes.Repeat([]byte{0xA5}, 12))
	}
	os.WriteFile(db, data, 0o644)
	read := false
	stdin := readerFunc(func(p []byte) (int, error) { read = true; return 0, io.EOF })
	var out, errb bytes.Buffer
	code := Run(ctx, &Env{Stdin: stdin, Stdout: &out, Stderr: &errb, Getenv: func(k string) string {
		if k == "PARLEY_DB" {
			return db
		}
		return ""
	}}, []string{"ingest", "-"})
	if code == ExitOK || read || !strings.Contains(errb.String(), "integrity") {
		t.Fatalf("exit %d, input read %v, stderr %q", code, read, errb.String())
	}
}

type readerFunc func([]byte) (int, error)

func (f readerFunc) Read(p []byte) (int, error) { return f(p) }

// TestReadOnlyDatabaseFile: on a database file nobody may write, articles
// still lists (it used to fail to open) and ingest stops before reading
// any input (it used to find out after analysing everything).
func TestReadOnlyDatabaseFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes read-only files")
	}
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	if code, _, errs := run(t, ctx, db, sampleReport, "ingest", "-"); code != ExitOK {
		t.Fatalf("%d %s", code, errs)
	}
	os.Chmod(db, 0o444)
	os.Chmod(dir, 0o555)
	defer os.Chmod(dir, 0o755)
	if list := storedArticles(t, db); len(list) != 1 {
		t.Fatalf("articles on a read-only file: %d", len(list))
	}
	read := false
	stdin := readerFunc(func(p []byte) (int, error) { read = true; return 0, io.EOF })
	var out, errb bytes.Buffer
	code := Run(ctx, &Env{Stdin: stdin, Stdout: &out, Stderr: &errb, Getenv: func(k string) string {
		if k == "PARLEY_DB" {
			return db
		}
		return ""
	}}, []string{"ingest", "-"})
	if code == ExitOK || read || !strings.Contains(errb.String(), "read-only") {
		t.Fatalf("exit %d, input read %v, stderr %q", code, read, errb.String())
	}
}
