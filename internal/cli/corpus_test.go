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
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// hostileMaxRSS is the peak resident memory the hostile corpus may cost
// the ingest process. Before the caps a 12 MB record alone was analysed
// into well over a gigabyte.
const hostileMaxRSS = 320 << 20

// child runs parley with args in a child process (see TestMain) and
// returns its exit status, output and peak resident memory in bytes.
func child(t *testing.T, ctx context.Context, env []string, args ...string) (int, string, string, int64) {
	t.Helper()
	argv, _ := json.Marshal(args)
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^$")
	cmd.Env = append(append(os.Environ(), "PARLEY_TEST_ARGS="+string(argv)), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := cmd.ProcessState.ExitCode()
	if err != nil && code < 0 {
		t.Fatalf("child %v: %v (stderr %s)", args, err, errb.String())
	}
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = int64(ru.Maxrss) << 10 // kilobytes on Linux
	}
	return code, out.String(), errb.String(), rss
}

func jsonRecord(fields map[string]string) string {
	b, _ := json.Marshal(fields)
	return string(b)
}

func warcResponse(uri, ctype, body string) string {
	http := "HTTP/1.1 200 OK\r\nContent-Type: " + ctype + "\r\nContent-Length: " + fmt.Sprint(len(body)) + "\r\n\r\n" + body
	return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:" + fmt.Sprintf("%08d", len(uri)) + "-0000-0000-0000-000000000000>\r\n" +
		"WARC-Date: 2031-03-03T10:00:00Z\r\nWARC-Target-URI: " + uri + "\r\nContent-Type: application/http; msgtype=response\r\n" +
		"Content-Length: " + fmt.Sprint(len(http)) + "\r\n\r\n" + http + "\r\n\r\n"
}

// story writes one more article for the corpus: its own subject, so that
// no two are the same article.
func story(subject string) string {
	return strings.NewReplacer("harbour", subject, "Harbour", strings.ToUpper(subject[:1])+subject[1:]).Replace(sampleReport)
}

// TestHostileCorpus: small versions of every bad input the issue found,
// mixed with good files, in one ingest. It must end (no hang on the FIFO),
// exit 1, print one clear line per bad input naming it, store every good
// article, and stay within hostileMaxRSS.
func TestHostileCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 15 MB corpus")
	}
	internal := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		internal++
		w.Header().Set("Content-Type", "text/plain")
		io.WriteString(w, story("secret"))
	}))
	defer srv.Close()

	dir := t.TempDir()
	in := filepath.Join(dir, "corpus")
	os.MkdirAll(in, 0o755)
	put := func(name, data string) string {
		p := filepath.Join(in, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// The good ones: five articles.
	put("good1.txt", story("canal"))
	put("good2.html", "<!DOCTYPE html><html><head><title>Dam talks</title></head><body><article><h1>Dam talks resume</h1><p>"+
		strings.Join(strings.Split(story("dam"), "\n\n")[1:], "</p><p>")+"</p></article></body></html>")
	huge := jsonRecord(map[string]string{"text": strings.Repeat("\"We will sign,\" the minister said. ", 350_000)}) // 12 MB
	put("good3.jsonl", jsonRecord(map[string]string{"text": story("bridge"), "source": "wire/bridge"})+"\n"+
		huge+"\n"+
		jsonRecord(map[string]string{"text": story("tunnel"), "source": "wire/tunnel"})+"\n")
	cut := warcResponse("https://example.org/cut.txt", "text/plain", story("railway"))
	put("truncated.warc", warcResponse("https://example.org/port.txt", "text/plain", story("port"))+cut[:len(cut)-40])

	// The bad ones, one error line each.
	bad := map[string]string{} // name in the error line -> what it is
	fifo := filepath.Join(in, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatalf("mkfifo: %v", err)
	}
	bad["pipe.txt: not a regular file: a named pipe"] = "FIFO"
	bad["truncated.warc#"] = "truncated WARC record"
	put("requests.warc", "WARC/1.0\r\nWARC-Type: request\r\nWARC-Record-ID: <urn:uuid:00000001-0000-0000-0000-000000000000>\r\nWARC-Date: 2031-03-03T10:00:00Z\r\nContent-Length: 0\r\n\r\n\r\n\r\n")
	bad["requests.warc: no articles in the container"] = "WARC with no article"
	put("empty.jsonl", "\n\n")
	bad["empty.jsonl: no articles in the container"] = "JSON Lines with no record"
	bad["good3.jsonl#2: input over the size limit"] = "12 MB record"
	put("big.txt", strings.Repeat("The talks went on and on. ", 90_000)) // 2.3 MB
	bad["big.txt: input over the size limit: article text"] = "2 MB text"
	var dense strings.Builder
	dense.WriteString("Many words\n\nPORTVILLE, March 3, 2031. /NAP/. ")
	for dense.Len() < 900<<10 {
		dense.WriteString("\"We are ready to sign the steel deal,\" minister Anna Berg told reporters. ")
	}
	put("dense.txt", dense.String())
	bad["dense.txt: article over the size limits"] = "too many statements"
	put("feed.xml", `<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>Teaser</title><link>`+srv.URL+`/internal</link><description>Short.</description></item></channel></rss>`)
	bad[srv.URL+"/internal: address refused"] = "feed link to loopback"
	put("evil\x1b[2J\x07.txt", "\x00\x01\x02binary")
	bad[`evil\x1b[2J\x07.txt: binary file`] = "control characters in the name"
	upper := "HTTP://" + strings.TrimPrefix(srv.URL, "http://") + "/upper"
	bad[upper+": address refused"] = "upper-case URL to loopback"

	db := filepath.Join(dir, "p.db")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	code, out, errs, rss := child(t, ctx, []string{"PARLEY_DB=" + db}, "ingest", "--quiet", "--workers", "2", in, upper)
	if ctx.Err() != nil {
		t.Fatalf("the ingest did not end: %v", ctx.Err())
	}
	t.Logf("hostile corpus: exit %d, peak RSS %.1f MiB (bound %d MiB)\n%s%s", code, float64(rss)/(1<<20), hostileMaxRSS>>20, out, errs)
	if code != ExitFailed {
		t.Errorf("exit %d, want %d", code, ExitFailed)
	}
	if strings.ContainsAny(errs, "\x1b\x07") {
		t.Errorf("raw control characters on standard error")
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(errs), "\n") {
		if strings.HasPrefix(l, "parley: ") {
			lines = append(lines, l)
		}
	}
	if len(lines) != len(bad) {
		t.Errorf("%d error lines, want one per bad input (%d)", len(lines), len(bad))
	}
	for want, what := range bad {
		n := 0
		for _, l := range lines {
			if strings.Contains(l, want) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s: %d lines containing %q, want 1", what, n, want)
		}
	}
	if internal != 0 {
		t.Errorf("loopback was fetched %d times", internal)
	}
	if rss == 0 || rss > hostileMaxRSS {
		t.Errorf("peak RSS %d MiB, over the bound of %d MiB (or not measured)", rss>>20, hostileMaxRSS>>20)
	}
	var list []struct {
		Title  string `json:"title"`
		Source string `json:"source"`
	}
	_, lout, _ := run(t, context.Background(), db, "", "articles", "--format", "json")
	if err := json.Unmarshal([]byte(lout), &list); err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, a := range list {
		got[strings.ToLower(a.Title)] = true
		got[a.Source] = true
	}
	for _, want := range []string{"canal talks resume, envoy says", "dam talks resume", "wire/bridge", "wire/tunnel", "https://example.org/port.txt"} {
		if !got[want] {
			t.Errorf("good article %q not stored (stored: %v)", want, got)
		}
	}
	if len(list) != 5 {
		t.Errorf("%d articles stored, want the 5 good ones", len(list))
	}
}
