package htmlpage

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

func TestExploreMeta(t *testing.T) {
	if os.Getenv("EXPLORE_META") == "" {
		t.Skip()
	}
	files, _ := filepath.Glob("/work/shared/evaldata/html-scrapinghub/html/*.html.gz")
	e := New(nil)
	for _, f := range files[:40] {
		p, err := e.Extract(context.Background(), gunzip(t, f), "")
		if err != nil {
			t.Log(err)
			continue
		}
		t.Logf("%s | %q | %q | %v %v | %q | %q | %q\n   SF=%.80q", filepath.Base(f)[:8], p.Title, p.Outlet, p.Published, p.PublishedHasTime, p.Language, p.Author, p.URL, p.Standfirst)
	}
}
