package web

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserDesk walks the analyst's desk on the demo corpus: the fact
// timeline, the dossier editor showing an error inline, and the matrix at
// phone width.
func TestBrowserDesk(t *testing.T) {
	_, base := newDemo(t, testToken)
	ctx, console := browser(t)
	dir := artifacts(t)

	t.Run("timeline", func(t *testing.T) {
		before := len(console())
		if err := step(ctx, chromedp.Navigate(base+"/timeline"), chromedp.WaitVisible("#facts")); err != nil {
			t.Fatal(err)
		}
		shoot(t, ctx, dir, "desk-timeline")
		shootScreen(t, ctx, dir, "desk-timeline-top")
		marks, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#facts g.fact circle.mark").length`))
		if err != nil || marks == 0 {
			t.Errorf("timeline draws %d facts (%v)", marks, err)
		}
		// No fact is drawn at the left edge for want of a date: every mark
		// lies inside the axis, and undated ones have their whisker.
		left, err := chromedp.Run(ctx, chromedp.Evaluate[int](`Array.from(document.querySelectorAll("#facts circle.mark")).filter(c => +c.getAttribute("cx") < 21).length`))
		if err != nil || left != 0 {
			t.Errorf("%d marks at the start of the axis (%v)", left, err)
		}
		bad, err := chromedp.Run(ctx, chromedp.Evaluate[int](`Array.from(document.querySelectorAll("#facts g.undated")).filter(g => !g.querySelector("line.span")).length`))
		if err != nil || bad != 0 {
			t.Errorf("%d undated facts without their window (%v)", bad, err)
		}
		count, err := chromedp.Run(ctx, chromedp.Text("#count"))
		if err != nil || !strings.Contains(count, "Showing 1–") || !strings.Contains(count, " of ") {
			t.Errorf("count line: %q (%v)", count, err)
		}
		// Filtering by kind keeps only events.
		err = step(ctx, chromedp.Navigate(base+"/timeline?kind=event"), chromedp.WaitVisible("#factlist"))
		if err != nil {
			t.Fatal(err)
		}
		other, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#factlist li.k-statement").length`))
		if err != nil || other != 0 {
			t.Errorf("kind=event shows %d statements (%v)", other, err)
		}
		shoot(t, ctx, dir, "desk-timeline-events")
		if p := problems(console()[before:]); len(p) > 0 {
			t.Errorf("console errors: %v", p)
		}
	})

	t.Run("dossier editor shows an error", func(t *testing.T) {
		before := len(console())
		err := step(ctx,
			chromedp.Navigate(base+"/login?next=/dossiers/dossier"),
			chromedp.WaitVisible(`input[name=token]`),
			chromedp.SendKeys(`input[name=token]`, testToken),
			chromedp.Submit(`input[name=token]`),
			chromedp.WaitVisible(`textarea#source`),
		)
		if err != nil {
			t.Fatal(err)
		}
		// Make the month impossible and submit.
		_, err = chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const s = document.getElementById("source"); s.value = s.value.replace(/^from: .*$/m, "from: 2031-13"); return true })()`))
		if err != nil {
			t.Fatal(err)
		}
		if err := step(ctx, chromedp.Submit(`textarea#source`), chromedp.WaitVisible(`#problems`)); err != nil {
			t.Fatal(err)
		}
		text, err := chromedp.Run(ctx, chromedp.Text(`#problems`))
		if err != nil || !strings.Contains(text, "dossier.yaml:5:7") || !strings.Contains(text, "no month 13") {
			t.Errorf("problems: %q (%v)", text, err)
		}
		// The error link selects its line in the editor.
		if err := step(ctx, chromedp.Click(`#problems a.goto`)); err != nil {
			t.Fatal(err)
		}
		sel, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => { const s = document.getElementById("source"); return s.value.substring(s.selectionStart, s.selectionEnd) })()`))
		if err != nil || sel != "from: 2031-13" {
			t.Errorf("selected %q (%v)", sel, err)
		}
		shoot(t, ctx, dir, "desk-dossier-error")
		// The list of dossiers, with the active one.
		if err := step(ctx, chromedp.Navigate(base+"/dossiers"), chromedp.WaitVisible("#dossiers")); err != nil {
			t.Fatal(err)
		}
		shoot(t, ctx, dir, "desk-dossiers")
		// The 422 of the refused save is logged by the browser; nothing else may be.
		var p []string
		for _, m := range problems(console()[before:]) {
			if !strings.Contains(m, "422") {
				p = append(p, m)
			}
		}
		if len(p) > 0 {
			t.Errorf("console errors: %v", p)
		}
	})

	t.Run("matrix at 390 px", func(t *testing.T) {
		err := step(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile),
			chromedp.Navigate(base+"/matrix"), chromedp.WaitVisible("#matrix"))
		if err != nil {
			t.Fatal(err)
		}
		shootScreen(t, ctx, dir, "desk-matrix-390")
		if err := step(ctx, chromedp.Navigate(base+"/timeline"), chromedp.WaitVisible("#facts")); err != nil {
			t.Fatal(err)
		}
		shootScreen(t, ctx, dir, "desk-timeline-390")
		wide, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
		if err != nil || wide {
			t.Errorf("the timeline scrolls sideways at 390 px (%v)", err)
		}
		if err := step(ctx, chromedp.Navigate(base+"/matrix"), chromedp.WaitVisible("#matrix")); err != nil {
			t.Fatal(err)
		}
		page, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
		if err != nil || page {
			t.Errorf("the page scrolls sideways at 390 px (%v)", err)
		}
		box, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const w = document.querySelector(".matrix-wrap"); return w.scrollWidth > w.clientWidth && getComputedStyle(w).overflowX === "auto" })()`))
		if err != nil || !box {
			t.Errorf("the matrix does not scroll inside its box (%v)", err)
		}
		if err := step(ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
			t.Fatal(err)
		}
	})
	t.Logf("screenshots in %s", dir)
}
