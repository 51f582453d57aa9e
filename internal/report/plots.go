package report

import (
	"fmt"

	"github.com/parley-news/parley/internal/facts"
)

// StanceColors are the matrix colours, one per stance; the web app uses the
// same ones.
var StanceColors = map[string]string{
	"for":         "#2e7d32",
	"against":     "#c62828",
	"counter":     "#ef6c00",
	"conditional": "#f9a825",
	"unclear":     "#757575",
	"":            "#eeeeee",
}

// Stances in legend order.
var Stances = []string{"for", "against", "counter", "conditional", "unclear"}

const (
	timelineWidth = 1000.0
	rowHeight     = 24.0
	pad           = 16.0
)

// timelineSize returns the drawing's size for n entries.
func timelineSize(n int) (w, h float64) {
	return timelineWidth, pad*2 + 30 + float64(max(n, 1))*rowHeight
}

// drawTimeline draws facts as a vertical timeline: the date, a dot on the
// time line (blue for events, purple for statements), who and what, and how
// many outlets carried it.
func drawTimeline(c canvas, title string, fs []facts.Fact) {
	w, h := timelineSize(len(fs))
	c.rect(0, 0, w, h, "#ffffff", "")
	c.text(pad, pad+14, title, 16, "#212121", "start", true)
	top := pad + 30.0
	axis := 130.0
	c.line(axis, top, axis, h-pad, "#bdbdbd", 2)
	if len(fs) == 0 {
		c.text(axis+16, top+16, "No dated events or statements yet.", 13, "#757575", "start", false)
		return
	}
	prev := ""
	for i, f := range fs {
		y := top + float64(i)*rowHeight + rowHeight/2
		if i%2 == 1 {
			c.rect(axis+8, y-rowHeight/2, w-axis-8-pad, rowHeight, "#fafafa", "")
		}
		date := f.Date
		if date == "" {
			date = "undated"
		}
		if date != prev {
			c.text(axis-14, y+4, date, 12, "#424242", "end", true)
			prev = date
		}
		col := "#6a1b9a"
		if f.Kind == facts.Event {
			col = "#1565c0"
		}
		c.circle(axis, y, 5, col)
		who := f.Actor
		if who == "" {
			who = "unknown"
		}
		label := who + ": "
		if f.Kind == facts.Event {
			label = f.Type + " · " + label
		}
		c.text(axis+16, y+4, label, 12, col, "start", true)
		x := axis + 16 + c.measure(label, 12, true)
		n := len(f.Outlets)
		note := ""
		if len(f.Reports) > 1 {
			note = fmt.Sprintf("  (%d reports, %d outlets)", len(f.Reports), n)
		}
		room := w - pad - x - c.measure(note, 11, false)
		c.text(x, y+4, fit(c, f.Text, room, 12), 12, "#212121", "start", false)
		if note != "" {
			c.text(w-pad, y+4, note, 11, "#757575", "end", false)
		}
	}
}

// fit cuts s with an ellipsis so that it is at most width wide.
func fit(c canvas, s string, width, size float64) string {
	if c.measure(s, size, false) <= width {
		return s
	}
	r := []rune(s)
	lo, hi := 0, len(r)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if c.measure(string(r[:mid])+"…", size, false) <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return string(r[:lo]) + "…"
}

const (
	cellW   = 132.0
	cellH   = 46.0
	labelW  = 330.0
	headerH = 40.0
)

func matrixSize(m *Matrix) (w, h float64) {
	return pad*2 + labelW + cellW*float64(max(len(m.Parties), 1)), pad*2 + 30 + headerH + cellH*float64(max(len(m.Issues), 1)) + 40
}

// drawMatrix draws issues × parties, each cell coloured by the party's
// latest stance, with the date it has held since.
func drawMatrix(c canvas, m *Matrix) {
	w, h := matrixSize(m)
	c.rect(0, 0, w, h, "#ffffff", "")
	c.text(pad, pad+14, m.Title, 16, "#212121", "start", true)
	top := pad + 30
	for j, p := range m.Parties {
		x := pad + labelW + float64(j)*cellW
		c.text(x+cellW/2, top+headerH-12, fit(c, p, cellW-8, 13), 13, "#212121", "middle", true)
	}
	cells := m.cellMap()
	for i, is := range m.Issues {
		y := top + headerH + float64(i)*cellH
		label := is.ID
		c.text(pad, y+cellH/2-2, fit(c, label, labelW-12, 13), 13, "#212121", "start", true)
		if is.Label != "" {
			c.text(pad, y+cellH/2+13, fit(c, is.Label, labelW-12, 10.5), 10.5, "#616161", "start", false)
		}
		for j, p := range m.Parties {
			x := pad + labelW + float64(j)*cellW
			cell, ok := cells[[2]string{is.ID, p}]
			fill := StanceColors[""]
			if ok {
				fill = StanceColors[cell.Stance]
			}
			c.rect(x+2, y+2, cellW-4, cellH-4, fill, "#ffffff")
			if ok {
				if cell.Reported {
					// a cell that rests on other sides' accounts only
					c.text(x+cellW-8, y+14, "reported", 9, "#ffffff", "end", false)
				}
				if cell.Since != "" {
					c.text(x+cellW/2, y+cellH/2, cell.Stance, 13, "#ffffff", "middle", true)
					c.text(x+cellW/2, y+cellH/2+14, "since "+cell.Since, 10, "#ffffff", "middle", false)
				} else {
					c.text(x+cellW/2, y+cellH/2+5, cell.Stance, 13, "#ffffff", "middle", true)
				}
			}
		}
	}
	// Legend.
	y := h - pad - 8
	x := pad
	for _, s := range Stances {
		c.rect(x, y-11, 14, 14, StanceColors[s], "")
		c.text(x+20, y, s, 12, "#424242", "start", false)
		x += 20 + c.measure(s, 12, false) + 24
	}
	c.rect(x, y-11, 14, 14, StanceColors[""], "#bdbdbd")
	c.text(x+20, y, "no stance on record", 12, "#424242", "start", false)
}
