package report

import (
	"bytes"
	"fmt"
	"html"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"math"
	"strconv"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// canvas is what the plots draw on. One drawing function serves both the
// SVG (for the HTML report and the web) and the PNG (for slides and mail):
// the same calls go to an svgCanvas or a pngCanvas.
type canvas interface {
	rect(x, y, w, h float64, fill, stroke string)
	circle(cx, cy, r float64, fill string)
	line(x1, y1, x2, y2 float64, stroke string, width float64)
	// text draws s with its baseline at y; anchor is "start", "middle" or "end".
	text(x, y float64, s string, size float64, fill, anchor string, bold bool)
	// measure returns the width of s at size.
	measure(s string, size float64, bold bool) float64
}

// svgCanvas writes SVG elements.
type svgCanvas struct {
	buf  bytes.Buffer
	w, h float64
	png  *pngCanvas // used only to measure text the same way in both outputs
}

func newSVG(w, h float64, m *pngCanvas) *svgCanvas {
	c := &svgCanvas{w: w, h: h, png: m}
	fmt.Fprintf(&c.buf, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %s %s" width="%s" height="%s" font-family="Go, Helvetica, Arial, sans-serif">`+"\n",
		f(w), f(h), f(w), f(h))
	return c
}

func f(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func (c *svgCanvas) rect(x, y, w, h float64, fill, stroke string) {
	if stroke == "" {
		stroke = "none"
	}
	fmt.Fprintf(&c.buf, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s" stroke="%s"/>`+"\n", f(x), f(y), f(w), f(h), fill, stroke)
}

func (c *svgCanvas) circle(cx, cy, r float64, fill string) {
	fmt.Fprintf(&c.buf, `<circle cx="%s" cy="%s" r="%s" fill="%s"/>`+"\n", f(cx), f(cy), f(r), fill)
}

func (c *svgCanvas) line(x1, y1, x2, y2 float64, stroke string, width float64) {
	fmt.Fprintf(&c.buf, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="%s"/>`+"\n", f(x1), f(y1), f(x2), f(y2), stroke, f(width))
}

func (c *svgCanvas) text(x, y float64, s string, size float64, fill, anchor string, bold bool) {
	weight := ""
	if bold {
		weight = ` font-weight="bold"`
	}
	fmt.Fprintf(&c.buf, `<text x="%s" y="%s" font-size="%s" fill="%s" text-anchor="%s"%s>%s</text>`+"\n",
		f(x), f(y), f(size), fill, anchor, weight, html.EscapeString(s))
}

func (c *svgCanvas) measure(s string, size float64, bold bool) float64 {
	return c.png.measure(s, size, bold)
}

func (c *svgCanvas) writeTo(w io.Writer) error {
	c.buf.WriteString("</svg>\n")
	_, err := w.Write(c.buf.Bytes())
	return err
}

// pngCanvas rasterises the same calls, at scale pixels per unit.
type pngCanvas struct {
	img   *image.RGBA
	scale float64
	faces map[faceKey]font.Face
	fonts [2]*opentype.Font
}

type faceKey struct {
	size float64
	bold bool
}

func newPNG(w, h, scale float64) (*pngCanvas, error) {
	reg, err := opentype.Parse(goregular.TTF)
	if err != nil {
		return nil, err
	}
	bold, err := opentype.Parse(gobold.TTF)
	if err != nil {
		return nil, err
	}
	c := &pngCanvas{scale: scale, faces: map[faceKey]font.Face{}, fonts: [2]*opentype.Font{reg, bold}}
	if w > 0 && h > 0 {
		c.img = image.NewRGBA(image.Rect(0, 0, int(math.Ceil(w*scale)), int(math.Ceil(h*scale))))
		draw.Draw(c.img, c.img.Bounds(), image.White, image.Point{}, draw.Src)
	}
	return c, nil
}

func (c *pngCanvas) face(size float64, bold bool) font.Face {
	k := faceKey{size, bold}
	if fc, ok := c.faces[k]; ok {
		return fc
	}
	i := 0
	if bold {
		i = 1
	}
	fc, err := opentype.NewFace(c.fonts[i], &opentype.FaceOptions{Size: size * c.scale, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		return nil
	}
	c.faces[k] = fc
	return fc
}

func parseColor(s string) color.RGBA {
	if len(s) == 7 && s[0] == '#' {
		v, err := strconv.ParseUint(s[1:], 16, 32)
		if err == nil {
			return color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 255}
		}
	}
	switch s {
	case "white":
		return color.RGBA{255, 255, 255, 255}
	case "none", "":
		return color.RGBA{}
	}
	return color.RGBA{0, 0, 0, 255}
}

func (c *pngCanvas) rect(x, y, w, h float64, fill, stroke string) {
	r := image.Rect(int(x*c.scale), int(y*c.scale), int((x+w)*c.scale), int((y+h)*c.scale))
	if fill != "" && fill != "none" {
		draw.Draw(c.img, r, &image.Uniform{parseColor(fill)}, image.Point{}, draw.Over)
	}
	if stroke != "" && stroke != "none" {
		col := parseColor(stroke)
		for _, e := range []image.Rectangle{
			{r.Min, image.Pt(r.Max.X, r.Min.Y+1)}, {image.Pt(r.Min.X, r.Max.Y-1), r.Max},
			{r.Min, image.Pt(r.Min.X+1, r.Max.Y)}, {image.Pt(r.Max.X-1, r.Min.Y), r.Max},
		} {
			draw.Draw(c.img, e, &image.Uniform{col}, image.Point{}, draw.Over)
		}
	}
}

func (c *pngCanvas) circle(cx, cy, r float64, fill string) {
	col := parseColor(fill)
	cx, cy, r = cx*c.scale, cy*c.scale, r*c.scale
	for y := int(cy - r - 1); y <= int(cy+r+1); y++ {
		for x := int(cx - r - 1); x <= int(cx+r+1); x++ {
			// Coverage from the distance to the edge: smooth edges.
			d := math.Hypot(float64(x)+0.5-cx, float64(y)+0.5-cy)
			a := math.Max(0, math.Min(1, r-d+0.5))
			if a > 0 {
				blend(c.img, x, y, col, a)
			}
		}
	}
}

func blend(img *image.RGBA, x, y int, col color.RGBA, a float64) {
	if !(image.Point{x, y}.In(img.Bounds())) {
		return
	}
	o := img.RGBAAt(x, y)
	mix := func(f, b uint8) uint8 { return uint8(float64(f)*a + float64(b)*(1-a)) }
	img.SetRGBA(x, y, color.RGBA{mix(col.R, o.R), mix(col.G, o.G), mix(col.B, o.B), 255})
}

func (c *pngCanvas) line(x1, y1, x2, y2 float64, stroke string, width float64) {
	col := parseColor(stroke)
	x1, y1, x2, y2, width = x1*c.scale, y1*c.scale, x2*c.scale, y2*c.scale, math.Max(1, width*c.scale)
	n := int(math.Max(math.Abs(x2-x1), math.Abs(y2-y1))) + 1
	for i := 0; i <= n; i++ {
		t := float64(i) / float64(n)
		x, y := x1+(x2-x1)*t, y1+(y2-y1)*t
		r := image.Rect(int(x-width/2), int(y-width/2), int(x+width/2+0.5), int(y+width/2+0.5))
		if r.Dx() == 0 {
			r.Max.X++
		}
		if r.Dy() == 0 {
			r.Max.Y++
		}
		draw.Draw(c.img, r, &image.Uniform{col}, image.Point{}, draw.Over)
	}
}

func (c *pngCanvas) text(x, y float64, s string, size float64, fill, anchor string, bold bool) {
	fc := c.face(size, bold)
	if fc == nil {
		return
	}
	w := c.measure(s, size, bold)
	switch anchor {
	case "middle":
		x -= w / 2
	case "end":
		x -= w
	}
	d := font.Drawer{Dst: c.img, Src: &image.Uniform{parseColor(fill)}, Face: fc,
		Dot: fixed.P(int(x*c.scale), int(y*c.scale))}
	d.DrawString(s)
}

func (c *pngCanvas) measure(s string, size float64, bold bool) float64 {
	fc := c.face(size, bold)
	if fc == nil {
		return float64(len(s)) * size * 0.55
	}
	return float64(font.MeasureString(fc, s)) / 64 / c.scale
}

func (c *pngCanvas) writeTo(w io.Writer) error { return png.Encode(w, c.img) }
