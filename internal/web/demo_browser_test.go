package web

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

func TestBrowserDemoMatrix(t *testing.T) {
	_, base := newDemo(t, "")
	ctx, console := browser(t)
	dir := artifacts(t)
	for _, p := range []struct{ name, path string }{
		{"demo-overview", "/"}, {"demo-matrix", "/matrix"}, {"demo-stances", "/stances"}, {"demo-timeline", "/timeline"},
		{"demo-statements", "/statements"}, {"demo-actors", "/actors"},
	} {
		before := len(console())
		if err := step(ctx, chromedp.Navigate(base+p.path), chromedp.WaitVisible("footer.foot")); err != nil {
			t.Fatalf("%s: %v", p.name, err)
		}
		shoot(t, ctx, dir, p.name)
		if bad := problems(console()[before:]); len(bad) > 0 {
			t.Errorf("%s: console errors: %v", p.name, bad)
		}
	}
	// The stances page draws a lane per cell with its dots.
	if err := step(ctx, chromedp.Navigate(base+"/stances"), chromedp.WaitVisible("#timeline")); err != nil {
		t.Fatal(err)
	}
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#timeline circle.dot").length`))
	if err != nil || n == 0 {
		t.Errorf("timeline has %d dots (%v)", n, err)
	}

	// Clicking a cell shows its evidence; the evidence opens its article
	// with the statement highlighted.
	err = step(ctx, chromedp.Navigate(base+"/matrix"), chromedp.WaitVisible("#matrix"))
	if err != nil {
		t.Fatal(err)
	}
	hidden, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`getComputedStyle(document.querySelector("section.evidence")).display === "none"`))
	if err != nil || !hidden {
		t.Errorf("evidence shown before any click (%v)", err)
	}
	err = step(ctx, chromedp.Click(`#matrix a.cell`), chromedp.WaitVisible(`section.evidence:target`))
	if err != nil {
		t.Fatalf("click a cell: %v", err)
	}
	ev, err := chromedp.Run(ctx, chromedp.Text(`section.evidence:target`))
	if err != nil || !strings.Contains(ev, "show in the article") {
		t.Errorf("evidence panel: %q (%v)", ev, err)
	}
	shoot(t, ctx, dir, "demo-matrix-evidence")
	want, err := chromedp.Run(ctx, chromedp.Text(`section.evidence:target blockquote`))
	if err != nil {
		t.Fatal(err)
	}
	err = step(ctx, chromedp.Click(`section.evidence:target a.evlink`), chromedp.WaitVisible(`#body .hl`))
	if err != nil {
		t.Fatalf("open evidence: %v", err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`Array.from(document.querySelectorAll("#body .hl")).map(e => e.textContent).join("")`))
	if err != nil || !strings.Contains(got, strings.Trim(want, "\"“” ")) {
		t.Errorf("highlighted %q, want the evidence %q (%v)", got, want, err)
	}
	shoot(t, ctx, dir, "demo-evidence-article")
}
