package web

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromePath finds a Chromium-like browser: $PARLEY_CHROME, else the usual
// names on PATH. Browser tests skip without one.
func chromePath() string {
	if p := os.Getenv("PARLEY_CHROME"); p != "" {
		return p
	}
	for _, n := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell", "chrome"} {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	return ""
}

// artifacts returns the folder screenshots go to: $PARLEY_ARTIFACTS or a
// temporary folder of the test.
func artifacts(t *testing.T) string {
	dir := os.Getenv("PARLEY_ARTIFACTS")
	if dir == "" {
		dir = t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// browser starts headless Chromium with a fresh profile and returns a tab
// context and the console messages collected so far (a func, safe to call
// at any time).
func browser(t *testing.T) (context.Context, func() []chromedp.ConsoleMessage) {
	t.Helper()
	path := chromePath()
	if path == "" {
		// CI installs Chromium and sets PARLEY_REQUIRE_BROWSER: there a
		// missing browser is a failure, not a skip.
		if os.Getenv("PARLEY_REQUIRE_BROWSER") != "" {
			t.Fatal("no Chromium found and PARLEY_REQUIRE_BROWSER is set")
		}
		t.Skip("no Chromium found (set PARLEY_CHROME or install chromium)")
	}
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	if err := chromedp.Do(ctx); err != nil { // start the browser now
		t.Fatalf("start browser: %v", err)
	}
	var mu sync.Mutex
	var msgs []chromedp.ConsoleMessage
	stream := chromedp.Console(ctx)
	go func() {
		for m, err := range stream {
			if err != nil {
				return
			}
			mu.Lock()
			msgs = append(msgs, m)
			mu.Unlock()
		}
	}()
	return ctx, func() []chromedp.ConsoleMessage {
		mu.Lock()
		defer mu.Unlock()
		return append([]chromedp.ConsoleMessage(nil), msgs...)
	}
}

// problems returns the console errors and exceptions among msgs.
func problems(msgs []chromedp.ConsoleMessage) []string {
	var out []string
	for _, m := range msgs {
		if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException || m.IsException() {
			out = append(out, m.String()+" ("+m.URL+")")
		}
	}
	return out
}

// step runs actions with a time limit, so a page that never shows what a
// test waits for fails the test in seconds instead of hanging it.
func step(ctx context.Context, actions ...chromedp.Action[chromedp.Void]) error {
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	return chromedp.Do(ctx, actions...)
}

func shoot(t *testing.T, ctx context.Context, dir, name string) {
	t.Helper()
	save(t, ctx, dir, name, chromedp.FullScreenshot(100))
}

// shootScreen saves what the screen shows (for phones: the first screenful).
func shootScreen(t *testing.T, ctx context.Context, dir, name string) {
	t.Helper()
	save(t, ctx, dir, name, chromedp.CaptureScreenshot())
}

func save(t *testing.T, ctx context.Context, dir, name string, shot chromedp.Action[[]byte]) {
	t.Helper()
	png, err := chromedp.Run(ctx, shot)
	if err != nil {
		t.Errorf("screenshot %s: %v", name, err)
		return
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Error(err)
	}
}

func TestBrowser(t *testing.T) {
	f := newFixture(t, testToken, true)
	ctx, console := browser(t)
	dir := artifacts(t)
	river := strconv.FormatInt(f.ids["test/river-1.txt"], 10)
	markup := strconv.FormatInt(f.ids["test/markup.txt"], 10)

	t.Run("pages load without console errors", func(t *testing.T) {
		pages := []struct{ name, path string }{
			{"overview", "/"},
			{"statements", "/statements?kind=direct"},
			{"articles", "/articles?q=talks"},
			{"article", "/articles/" + river},
			{"article-evidence", "/articles/" + river + "?hl=" + evidenceSpan(t, f, river)},
			{"actors", "/actors"},
			{"actor", "/actors/" + actorID(t, f, "berg")},
			{"ingest-logged-out", "/ingest"},
			{"login", "/login"},
			{"matrix", "/matrix"},
			{"timeline", "/timeline"},
			{"not-found", "/articles/999999"},
		}
		for _, p := range pages {
			before := len(console())
			if err := step(ctx, chromedp.Navigate(f.ts.URL+p.path), chromedp.WaitVisible("footer.foot")); err != nil {
				t.Fatalf("%s: %v", p.name, err)
			}
			shoot(t, ctx, dir, p.name)
			time.Sleep(100 * time.Millisecond) // late console messages (CSP reports come after load)
			bad := problems(console()[before:])
			switch {
			case p.name == "not-found" && len(bad) == 0:
				// The browser logs the 404 as an error: seeing it proves
				// that console errors are caught at all.
				t.Errorf("not-found: the 404 left no console error; is the console watched?")
			case p.name != "not-found" && len(bad) > 0:
				t.Errorf("%s: console errors: %v", p.name, bad)
			}
		}
	})

	t.Run("phone layout", func(t *testing.T) {
		err := step(ctx,
			chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile),
			chromedp.Navigate(f.ts.URL+"/articles/"+river), chromedp.WaitVisible("#body"))
		if err != nil {
			t.Fatal(err)
		}
		shoot(t, ctx, dir, "phone-article")
		if err := step(ctx, chromedp.Navigate(f.ts.URL+"/statements"), chromedp.WaitVisible("#results")); err != nil {
			t.Fatal(err)
		}
		shootScreen(t, ctx, dir, "phone-statements")
		// Nothing may be wider than the phone's screen.
		wide, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
		if err != nil || wide {
			t.Errorf("statements page scrolls sideways on a phone (%v)", err)
		}
		if err := step(ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("search finds a statement", func(t *testing.T) {
		err := step(ctx,
			chromedp.Navigate(f.ts.URL+"/statements"),
			chromedp.WaitVisible(`input[name=q]`),
			chromedp.SendKeys(`input[name=q]`, "riverbank"),
			chromedp.Submit(`input[name=q]`),
			chromedp.WaitVisible(`#clear`), // only on the filtered page: the old page's #results must not count
		)
		if err != nil {
			t.Fatal(err)
		}
		got, err := chromedp.Run(ctx, chromedp.Text(`#results`))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(got, "single metre of the riverbank") || !strings.Contains(got, "Anna Berg") {
			t.Errorf("search results: %q", got)
		}
		shoot(t, ctx, dir, "statements-search")
	})

	t.Run("markup in quotes and javascript links are inert", func(t *testing.T) {
		err := step(ctx, chromedp.Navigate(f.ts.URL+"/articles/"+markup), chromedp.WaitVisible("#body"))
		if err != nil {
			t.Fatal(err)
		}
		pwned, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`typeof window.pwned !== "undefined"`))
		if err != nil || pwned {
			t.Errorf("script in the quote ran (%v)", err)
		}
		jsLinks, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('a[href^="javascript:" i]').length`))
		if err != nil || jsLinks != 0 {
			t.Errorf("%d javascript: links (%v)", jsLinks, err)
		}
		scripts, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('main script, main b, h1 i').length`))
		if err != nil || scripts != 0 {
			t.Errorf("%d elements made from article text (%v)", scripts, err)
		}
		text, err := chromedp.Run(ctx, chromedp.Text("#body"))
		if err != nil || !strings.Contains(text, "<script>window.pwned=1</script>") {
			t.Errorf("the quote is not shown as text: %q (%v)", text, err)
		}
		shoot(t, ctx, dir, "article-markup")
	})

	t.Run("highlight layers toggle", func(t *testing.T) {
		err := step(ctx, chromedp.Navigate(f.ts.URL+"/articles/"+river), chromedp.WaitVisible("#legend"),
			chromedp.Click(`input[data-layer="tx"]`))
		if err != nil {
			t.Fatal(err)
		}
		off, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById("body").classList.contains("no-tx")`))
		if err != nil || !off {
			t.Errorf("unchecking time expressions did not hide them (%v)", err)
		}
	})

	t.Run("login and ingest", func(t *testing.T) {
		err := step(ctx,
			chromedp.Navigate(f.ts.URL+"/login?next=/ingest"),
			chromedp.WaitVisible(`input[name=token]`),
			chromedp.SendKeys(`input[name=token]`, testToken),
			chromedp.Submit(`input[name=token]`),
			chromedp.WaitVisible(`textarea[name=urls]`),
		)
		if err != nil {
			t.Fatal(err)
		}
		shoot(t, ctx, dir, "ingest-logged-in")
		up := filepath.Join(t.TempDir(), "holm.txt")
		if err := os.WriteFile(up, []byte(uploadText), 0o644); err != nil {
			t.Fatal(err)
		}
		err = step(ctx,
			chromedp.SetUploadFiles(`input[type=file]`, []string{up}),
			chromedp.Submit(`textarea[name=urls]`),
			chromedp.WaitVisible(`#report`),
		)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := chromedp.Run(ctx, chromedp.Text(`#report`))
		if err != nil || !strings.Contains(rep, "new 1") {
			t.Errorf("report: %q (%v)", rep, err)
		}
		shoot(t, ctx, dir, "ingest-report")
	})
	t.Logf("screenshots in %s", dir)
}

// evidenceSpan returns "START-END" of the river article's first statement text.
func evidenceSpan(t *testing.T, f *fixture, id string) string {
	t.Helper()
	_, _, body := get(t, f.client(t), f.ts.URL+"/api/v1/articles/"+id)
	sp := decode(t, body)["statements"].([]any)[0].(map[string]any)["text_span"].([]any)
	return strconv.Itoa(int(sp[0].(float64))) + "-" + strconv.Itoa(int(sp[1].(float64)))
}

func actorID(t *testing.T, f *fixture, q string) string {
	t.Helper()
	_, _, body := get(t, f.client(t), f.ts.URL+"/api/v1/actors?q="+q)
	return strconv.Itoa(int(items(t, body)[0].(map[string]any)["id"].(float64)))
}
