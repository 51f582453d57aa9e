package htmlpage

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"testing"

	"github.com/go-shiori/dom"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

func TestExploreDump(t *testing.T) {
	p := os.Getenv("EXPLORE")
	if p == "" {
		t.Skip()
	}
	f, _ := os.Open(p)
	zr, _ := gzip.NewReader(f)
	raw, _ := io.ReadAll(zr)
	text, _ := decode(raw)
	doc, _ := html.Parse(bytes.NewReader(text))
	markEdgeSpaces(doc, 0)
	cfg := trafilatura.DefaultConfig()
	if os.Getenv("EXPLORE_MIN") != "" {
		cfg.MinExtractedSize = 0
	}
	res, err := trafilatura.ExtractDocument(doc, trafilatura.Options{Config: cfg, ExcludeComments: true, IncludeLinks: true, Focus: trafilatura.FavorRecall})
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("EXPLORE_HTML") != "" {
		t.Log(dom.OuterHTML(res.ContentNode))
	}
	for _, p := range paragraphs(res.ContentNode) {
		t.Logf("%s %.2f %q", p.tag, p.linkDensity(), p.text[:min(len(p.text), 100)])
	}
}
