package report

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-news/parley/internal/facts"
)

func sample() Data {
	return Data{
		Title: "Steel quota talks <2031>",
		Timeline: []facts.Fact{
			{Kind: facts.Event, Type: "PUBLISH", Date: "2031-02-14", Actor: "Canada", Text: "published a joint framework for the talks",
				Reports: []facts.Report{{Source: "a.txt", Outlet: "Wire A"}, {Source: "b.txt", Outlet: "Wire B"}}, Outlets: []string{"Wire A", "Wire B"}},
			{Kind: facts.Statement, Date: "2031-03-03", Actor: "Helen Marchetti", Text: `we came here to settle the quotas <script>alert(1)</script>`,
				Reports: []facts.Report{{Source: "a.txt", Outlet: "Wire A"}}, Outlets: []string{"Wire A"}},
		},
		Matrix: &Matrix{
			Title:   "Positions",
			Issues:  []Issue{{ID: "steel-quota", Label: "Steel exports are capped by quota"}, {ID: "dairy-access", Label: "Dairy quota doubles"}},
			Parties: []string{"Canada", "Mexico", "United States"},
			Cells: []Cell{
				{Issue: "steel-quota", Party: "Canada", Stance: "conditional", Since: "2031-03-03",
					Evidence: []Evidence{{Source: "a.txt", Span: [2]int{10, 90}, Text: "ready to accept a ceiling provided that", Speaker: "Helen Marchetti"}}},
				{Issue: "dairy-access", Party: "United States", Stance: "for", Since: "2031-03-07"},
				{Issue: "dairy-access", Party: "Canada", Stance: "against", Since: "2031-03-07", History: []string{"2031-03-07 against"}},
			},
		},
	}
}

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, sample()); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{IndexFile, TimelineSVGFile, TimelinePNGFile, MatrixSVGFile, MatrixPNGFile} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		switch filepath.Ext(name) {
		case ".svg":
			// Well-formed XML, every token readable.
			d := xml.NewDecoder(bytes.NewReader(data))
			for {
				_, err := d.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("%s is not well-formed: %v", name, err)
				}
			}
		case ".png":
			img, err := png.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if b := img.Bounds(); b.Dx() < 1000 || b.Dy() < 100 {
				t.Errorf("%s is %v, too small", name, b)
			}
		}
	}
	html, _ := os.ReadFile(filepath.Join(dir, IndexFile))
	s := string(html)
	if strings.Contains(s, "<script>alert") {
		t.Error("article text is not escaped in the report")
	}
	for _, want := range []string{"Steel quota talks &lt;2031&gt;", "steel-quota", "provided that", "conditional", "since 2031-03-03", "2 reports, 2 outlets"} {
		if !strings.Contains(s, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".*"))
	if len(leftovers) != 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

func TestEmptyTimeline(t *testing.T) {
	svg, err := TimelineSVG("Timeline", nil)
	if err != nil || !bytes.Contains(svg, []byte("No dated events")) {
		t.Errorf("empty timeline: %v %s", err, svg)
	}
}
