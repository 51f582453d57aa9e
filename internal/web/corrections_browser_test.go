package web

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/parley-news/parley/internal/store"
)

// reanalyzeAll is what `parley reanalyze --all` does: every current
// article analysed again by the pipeline and its analyses replaced.
func reanalyzeAll(t *testing.T, srv *Server) int {
	t.Helper()
	ctx := context.Background()
	ids, err := srv.st.StaleArticles(ctx, "\x00none", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		stored, err := srv.st.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		a := stored.Article
		if err := srv.pipe.Reanalyze(ctx, &a); err != nil {
			t.Fatal(err)
		}
		if err := srv.st.ReplaceAnalyses(ctx, id, &a); err != nil {
			t.Fatal(err)
		}
	}
	return len(ids)
}

// waitText waits until the page shows text (after a form's redirect: the
// new page, not the old one).
func waitText(ctx context.Context, text string) error {
	q, _ := json.Marshal(text)
	expr := "document.body !== null && document.body.innerText.includes(" + string(q) + ")"
	deadline := time.Now().Add(20 * time.Second)
	for {
		// Evaluating during the navigation fails: try again on the new page.
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
		if err == nil && ok {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("the page never showed %q (%v)", text, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestBrowserCorrections walks an analyst's session on the demo corpus:
// log in, fix a wrong speaker on an article page, add a missed statement by
// selecting its text, merge two actors on an actor page, set a matrix cell
// with a note; then reanalyse every article, and all of it still holds and
// is in the audit log.
func TestBrowserCorrections(t *testing.T) {
	srv, base := newDemo(t, testToken)
	ctx, console := browser(t)
	dir := artifacts(t)
	t.Logf("screenshots in %s", dir)
	bg := context.Background()

	// The article and statement to fix: the first statement of the oldest
	// article that has two or more, whose speaker is a named person.
	arts, err := srv.st.Articles(bg, store.ArticleQuery{Limit: 100})
	if err != nil || len(arts) == 0 {
		t.Fatalf("articles: %v", err)
	}
	var art int64
	var wrong store.StoredStatement
	for _, a := range arts {
		sts, err := srv.st.Statements(bg, store.StatementQuery{ArticleID: a.ID, Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range sts {
			if s.Seq == 0 && s.ActorID != 0 && s.Speaker.Name != "Lucia Ferrer" && len(sts) > 1 {
				art, wrong = a.ID, s
			}
		}
	}
	if art == 0 {
		t.Fatal("no article with a named first speaker")
	}
	artURL := base + "/articles/" + strconv.FormatInt(art, 10)
	actorID := func(name string) string {
		list, err := srv.st.Actors(bg, store.ActorQuery{Name: name, Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range list {
			if a.Name == name {
				return strconv.FormatInt(a.ID, 10)
			}
		}
		return ""
	}
	dubois := actorID("Paul Dubois")
	if dubois == "" || actorID("Helen Marchetti") == "" {
		t.Fatal("the demo has no Paul Dubois or Helen Marchetti")
	}

	t.Run("log in with a name", func(t *testing.T) {
		err := step(ctx, chromedp.Navigate(base+"/login"), chromedp.WaitVisible(`input[name=token]`),
			chromedp.SendKeys(`input[name=token]`, testToken), chromedp.SendKeys(`input[name=name]`, "Ana Analyst"),
			chromedp.Click(`form.login button[type=submit]`), chromedp.WaitVisible(`form[action="/logout"]`))
		if err != nil {
			t.Fatal(err)
		}
	})

	t.Run("fix a wrong speaker", func(t *testing.T) {
		li := `ol.stmts li.stmt:first-child`
		err := step(ctx, chromedp.Navigate(artURL), chromedp.WaitVisible(li),
			chromedp.Click(li+` details.edit summary`), chromedp.WaitVisible(li+` input[name=speaker]`))
		if err != nil {
			t.Fatal(err)
		}
		shoot(t, ctx, dir, "correct-1-edit-form")
		err = step(ctx,
			chromedp.SetValue(li+` input[name=speaker]`, "Lucia Ferrer"),
			chromedp.SendKeys(li+` input[name=note]`, "the Mexican minister said it, per the wire"),
			chromedp.Click(li+` form.editform button[type=submit]`))
		if err == nil {
			err = waitText(ctx, "Corrected: the Mexican minister said it")
		}
		if err != nil {
			t.Fatal(err)
		}
		who, err := chromedp.Run(ctx, chromedp.Text(li+` .who`))
		if err != nil || !strings.Contains(who, "Lucia Ferrer") {
			t.Errorf("speaker shown: %q (%v)", who, err)
		}
		shoot(t, ctx, dir, "correct-2-speaker-fixed")
	})

	t.Run("add a missed statement by selecting it", func(t *testing.T) {
		// Select the article's first sentence as a reader would, by mouse.
		// Select the article's last sentence as a reader would, by mouse:
		// from its first word to its last, across the highlight's spans.
		sel := `(() => {
			const body = document.getElementById("body");
			const text = body.textContent;
			const from = text.lastIndexOf("\n") + 1;
			const to = text.trimEnd().length;
			const w = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
			const r = document.createRange();
			let seen = 0, n;
			while ((n = w.nextNode())) {
				if (seen <= from && from < seen + n.length) r.setStart(n, from - seen);
				if (seen < to && to <= seen + n.length) r.setEnd(n, to - seen);
				seen += n.length;
			}
			const s = window.getSelection();
			s.removeAllRanges(); s.addRange(r);
			document.dispatchEvent(new MouseEvent("mouseup", {bubbles: true}));
			return r.toString();
		})()`
		if err := step(ctx, chromedp.Navigate(artURL), chromedp.WaitVisible(`#body`)); err != nil {
			t.Fatal(err)
		}
		picked, err := chromedp.Run(ctx, chromedp.Evaluate[string](sel))
		if err != nil {
			t.Fatal(err)
		}
		if err := step(ctx, chromedp.WaitVisible(`#addst`)); err != nil {
			t.Fatal(err)
		}
		shoot(t, ctx, dir, "correct-3-add-selected")
		a, err := srv.st.Article(bg, art)
		if err != nil {
			t.Fatal(err)
		}
		start, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("addst-start").value`))
		end, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("addst-end").value`))
		s, _ := strconv.Atoi(start)
		e, _ := strconv.Atoi(end)
		if e <= s || e > len(a.Body) || a.Body[s:e] != strings.TrimSpace(picked) {
			t.Fatalf("selection %q gave bytes %s:%s", picked, start, end)
		}
		err = step(ctx,
			chromedp.SendKeys(`#addst input[name=speaker]`, "Helen Marchetti"),
			chromedp.SendKeys(`#addst input[name=note]`, "her opening line, missed"),
			chromedp.Click(`#addst button[type=submit]`))
		if err == nil {
			err = waitText(ctx, "Corrected: her opening line, missed")
		}
		if err != nil {
			t.Fatal(err)
		}
		shoot(t, ctx, dir, "correct-3b-added")
	})

	t.Run("merge two actors", func(t *testing.T) {
		err := step(ctx, chromedp.Navigate(base+"/actors/"+dubois), chromedp.WaitVisible(`details.edit summary`),
			chromedp.Click(`details.edit summary`), chromedp.WaitVisible(`input[name=into]`),
			chromedp.SendKeys(`input[name=into]`, "Helen Marchetti"),
			chromedp.SendKeys(`details.edit form.editform input[name=note]`, "one Canadian voice for this test"))
		if err != nil {
			t.Fatal(err)
		}
		shoot(t, ctx, dir, "correct-4-merge-form")
		err = step(ctx, chromedp.Click(`details.edit form.editform button[type=submit]`))
		if err == nil {
			err = waitText(ctx, "Merged into this actor by analysts")
		}
		if err != nil {
			t.Fatal(err)
		}
		shoot(t, ctx, dir, "correct-5-merged-actor")
	})

	t.Run("override a cell with a note", func(t *testing.T) {
		err := step(ctx, chromedp.Navigate(base+"/matrix"), chromedp.WaitVisible(`#setcell summary`),
			chromedp.Click(`#setcell summary`), chromedp.WaitVisible(`#setcell select[name=issue]`),
			chromedp.SetValue(`#setcell select[name=issue]`, "dairy-quota"),
			chromedp.SetValue(`#setcell select[name=party]`, "Canada"),
			chromedp.SetValue(`#setcell select[name=stance]`, "conditional"),
			chromedp.SendKeys(`#setcell input[name=note]`, "ready to discuss a modest increase"))
		if err != nil {
			t.Fatal(err)
		}
		shoot(t, ctx, dir, "correct-6-cell-form")
		if err := step(ctx, chromedp.Click(`#setcell button[type=submit]`), chromedp.WaitVisible(`a.cell.overridden`)); err != nil {
			t.Fatal(err)
		}
		shoot(t, ctx, dir, "correct-7-cell-set")
	})

	if n := reanalyzeAll(t, srv); n == 0 {
		t.Fatal("nothing reanalysed")
	}

	t.Run("all of it holds after reanalyze --all", func(t *testing.T) {
		before := len(console())
		li := `ol.stmts li.stmt`
		if err := step(ctx, chromedp.Navigate(artURL), chromedp.WaitVisible(li)); err != nil {
			t.Fatal(err)
		}
		page, err := chromedp.Run(ctx, chromedp.Text(`ol.stmts`))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(page, "Lucia Ferrer") || !strings.Contains(page, "the Mexican minister said it") {
			t.Errorf("the speaker fix is gone: %s", page)
		}
		if strings.Contains(page, "Paul Dubois") {
			t.Errorf("Paul Dubois still speaks on the article page")
		}
		shoot(t, ctx, dir, "correct-8-article-after-reanalysis")
		a, err := srv.st.Article(bg, art)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, s := range a.Statements {
			if s.TextSpan == wrong.TextSpan && s.Speaker.Name == "Lucia Ferrer" {
				found = true
			}
		}
		if !found {
			t.Errorf("stored statement at %v not spoken by Lucia Ferrer after reanalysis", wrong.TextSpan)
		}

		if err := step(ctx, chromedp.Navigate(base+"/actors"), chromedp.WaitVisible(`footer.foot`)); err != nil {
			t.Fatal(err)
		}
		actors, _ := chromedp.Run(ctx, chromedp.Text(`main`))
		if strings.Contains(actors, "Paul Dubois") && !strings.Contains(actors, "Helen Marchetti") {
			t.Errorf("actors page: %s", actors)
		}
		if id := actorID("Paul Dubois"); id != "" {
			t.Errorf("Paul Dubois is an actor again (%s)", id)
		}

		if err := step(ctx, chromedp.Navigate(base+"/matrix"), chromedp.WaitVisible(`a.cell.overridden`)); err != nil {
			t.Errorf("no overridden cell on the matrix: %v", err)
		}

		if err := step(ctx, chromedp.Navigate(base+"/corrections"), chromedp.WaitVisible(`#log`)); err != nil {
			t.Fatal(err)
		}
		shoot(t, ctx, dir, "correct-9-audit-log")
		rows, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#log tbody tr")).map(r => r.innerText)`))
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"cell", "merge", "add", "statement"}
		if len(rows) != len(want) {
			t.Fatalf("log rows: %q", rows)
		}
		for i, r := range rows {
			if !strings.Contains(r, want[i]) || !strings.Contains(r, "Ana Analyst") || !strings.Contains(r, "applied") {
				t.Errorf("log row %d = %q, want %s by Ana Analyst, applied", i, r, want[i])
			}
		}
		if p := problems(console()[before:]); len(p) > 0 {
			t.Errorf("console errors: %v", p)
		}
	})
}
