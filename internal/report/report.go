// Package report writes the negotiation record as a self-contained HTML
// report: the timeline and the issue × party matrix drawn as SVG (and PNG
// for slides and mail), with each cell's evidence listed. Everything is
// drawn by Go code here; nothing is fetched from the network.
package report

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"time"

	"github.com/parley-news/parley/internal/facts"
)

// Issue is one row of the matrix.
type Issue struct {
	ID    string `json:"id"`
	Label string `json:"label"` // the proposition
}

// Evidence is one piece of evidence behind a cell.
type Evidence struct {
	Source     string `json:"source"`
	Span       [2]int `json:"span"`
	Text       string `json:"text"`
	Speaker    string `json:"speaker"`
	ReportedBy string `json:"reported_by,omitempty"`
	Date       string `json:"date,omitempty"`
}

// Cell is a party's stance on an issue.
type Cell struct {
	Issue  string `json:"issue"`
	Party  string `json:"party"`
	Stance string `json:"stance"`
	Since  string `json:"since"`
	// Reported: the cell rests only on other sides' accounts.
	Reported bool       `json:"reported,omitempty"`
	History  []string   `json:"history,omitempty"` // "2022-01-12 for", in order
	Evidence []Evidence `json:"evidence"`
}

// Matrix is issues × parties.
type Matrix struct {
	Title   string
	Issues  []Issue
	Parties []string
	Cells   []Cell
}

func (m *Matrix) cellMap() map[[2]string]Cell {
	out := make(map[[2]string]Cell, len(m.Cells))
	for _, c := range m.Cells {
		out[[2]string{c.Issue, c.Party}] = c
	}
	return out
}

// Data is what a report shows.
type Data struct {
	Title    string
	Timeline []facts.Fact
	Matrix   *Matrix // nil when no dossier was given
	// Generated is when the report was made (zero: now).
	Generated time.Time
}

//go:embed report.html
var files embed.FS

var page = template.Must(template.ParseFS(files, "report.html"))

// Files written by Write.
const (
	IndexFile       = "index.html"
	TimelineSVGFile = "timeline.svg"
	TimelinePNGFile = "timeline.png"
	MatrixSVGFile   = "matrix.svg"
	MatrixPNGFile   = "matrix.png"
)

// TimelineSVG draws the timeline as SVG.
func TimelineSVG(title string, fs []facts.Fact) ([]byte, error) {
	m, err := newPNG(0, 0, 1)
	if err != nil {
		return nil, err
	}
	w, h := timelineSize(len(fs))
	c := newSVG(w, h, m)
	drawTimeline(c, title, fs)
	var b bytes.Buffer
	err = c.writeTo(&b)
	return b.Bytes(), err
}

// MatrixSVG draws the matrix as SVG.
func MatrixSVG(mx *Matrix) ([]byte, error) {
	m, err := newPNG(0, 0, 1)
	if err != nil {
		return nil, err
	}
	w, h := matrixSize(mx)
	c := newSVG(w, h, m)
	drawMatrix(c, mx)
	var b bytes.Buffer
	err = c.writeTo(&b)
	return b.Bytes(), err
}

// Write writes the report into dir (created if missing): index.html and the
// plots as SVG and PNG. Each file is written to a temporary name and renamed,
// so a reader never sees half a report.
func Write(dir string, d Data) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if d.Generated.IsZero() {
		d.Generated = time.Now().UTC()
	}
	tsvg, err := TimelineSVG("Timeline", d.Timeline)
	if err != nil {
		return fmt.Errorf("report: timeline: %w", err)
	}
	w, h := timelineSize(len(d.Timeline))
	tpng, err := newPNG(w, h, 2)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	drawTimeline(tpng, "Timeline", d.Timeline)
	if err := writeFile(dir, TimelineSVGFile, tsvg); err != nil {
		return err
	}
	if err := writePNG(dir, TimelinePNGFile, tpng); err != nil {
		return err
	}
	var msvg []byte
	if d.Matrix != nil {
		if msvg, err = MatrixSVG(d.Matrix); err != nil {
			return fmt.Errorf("report: matrix: %w", err)
		}
		w, h := matrixSize(d.Matrix)
		mpng, err := newPNG(w, h, 2)
		if err != nil {
			return fmt.Errorf("report: %w", err)
		}
		drawMatrix(mpng, d.Matrix)
		if err := writeFile(dir, MatrixSVGFile, msvg); err != nil {
			return err
		}
		if err := writePNG(dir, MatrixPNGFile, mpng); err != nil {
			return err
		}
	}
	var b bytes.Buffer
	err = page.Execute(&b, map[string]any{
		"Data":        d,
		"TimelineSVG": template.HTML(tsvg), // drawn here, every string escaped by the canvas
		"MatrixSVG":   template.HTML(msvg),
		"Colors":      StanceColors,
	})
	if err != nil {
		return fmt.Errorf("report: page: %w", err)
	}
	return writeFile(dir, IndexFile, b.Bytes())
}

func writePNG(dir, name string, c *pngCanvas) error {
	var b bytes.Buffer
	if err := c.writeTo(&b); err != nil {
		return fmt.Errorf("report: %s: %w", name, err)
	}
	return writeFile(dir, name, b.Bytes())
}

func writeFile(dir, name string, data []byte) error {
	tmp, err := os.CreateTemp(dir, "."+name+".*")
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return fmt.Errorf("report: %s: %w", name, err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("report: %s: %w", name, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return os.Rename(tmp.Name(), filepath.Join(dir, name))
}
