package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/responses"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// PDF input: communiqués and draft treaties come as PDF. They are read with
// PDFium compiled to WebAssembly (go-pdfium's webassembly runtime, run by
// wazero: pure Go, no cgo) into plain text, which then takes the path of
// any text dump (cleaning, metadata, analyses).
//
// Starting PDFium compiles its WebAssembly module (about 6 MB), which
// costs seconds: it happens on the first PDF a process reads, once, and
// inputs that are not PDF never pay it. The compiled code is kept in the
// user's cache folder, so later processes start in a fraction of that. The compiled
// engine is shared by every Reader of the process (a web server makes a
// Reader per request); it is the one piece of package state, guarded by
// a sync.Once like a compiled regular expression.
//
// The text is laid out from PDFium's text runs ("rects": a line's text in
// one font, with its box): runs on one baseline make a line, lines follow
// the order PDFium reads them in, a vertical gap clearly larger than the
// page's usual line spacing leaves a blank line, and a form feed ends each
// page. Joining the typesetter's wrapped lines into paragraphs, words
// hyphenated across a line end, and the running headers, footers and page
// numbers repeated on every page are the layout reader's work
// (internal/layout, on the cleaning path), as for any hard-wrapped text.

// ErrPDF: a PDF that PDFium could not open or read (damaged, encrypted).
var ErrPDF = errors.New("unreadable PDF")

// pdfMaxPages bounds the pages read from one PDF: communiqués are short,
// a 5000-page upload is not one.
const pdfMaxPages = 500

// pdfStartTimeout bounds the wait for a PDFium instance.
const pdfStartTimeout = 2 * time.Minute

var pdfEngine struct {
	once sync.Once
	pool pdfium.Pool
	err  error
}

// pdfPool starts PDFium on first use. The module sees no file system and
// writes nowhere: documents are handed over as bytes.
func pdfPool() (pdfium.Pool, error) {
	pdfEngine.once.Do(func() {
		// The module needs the exception-handling feature (go-pdfium's
		// default runtime config says so too).
		rc := wazero.NewRuntimeConfig().WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling)
		if cache := pdfCache(); cache != nil {
			rc = rc.WithCompilationCache(cache)
		}
		pdfEngine.pool, pdfEngine.err = webassembly.Init(webassembly.Config{
			MinIdle: 0, MaxIdle: 1, MaxTotal: 2,
			FSConfig:      wazero.NewFSConfig(),
			RuntimeConfig: rc,
			Stdout:        io.Discard, Stderr: io.Discard,
		})
		if pdfEngine.err != nil {
			pdfEngine.err = fmt.Errorf("start PDFium: %w", pdfEngine.err)
		}
	})
	return pdfEngine.pool, pdfEngine.err
}

// pdfCache keeps the compiled module between runs in the user's cache
// folder ($XDG_CACHE_HOME/parley/wazero or ~/.cache/parley/wazero), so only
// the first PDF a machine ever reads pays the full compilation; nil (no
// cache) when there is no such folder.
func pdfCache() wazero.CompilationCache {
	dir, err := os.UserCacheDir()
	if err != nil {
		return nil
	}
	cache, err := wazero.NewCompilationCacheWithDir(filepath.Join(dir, "parley", "wazero"))
	if err != nil {
		return nil
	}
	return cache
}

// PDFText returns the text of a PDF: its lines as set, a blank line where
// the page leaves a gap, a form feed between pages. It fails with ErrPDF for a PDF PDFium
// cannot read.
func PDFText(ctx context.Context, data []byte) (string, error) {
	pool, err := pdfPool()
	if err != nil {
		return "", err
	}
	wctx, cancel := context.WithTimeout(ctx, pdfStartTimeout)
	defer cancel()
	inst, err := pool.GetInstanceWithContext(wctx)
	if err != nil {
		return "", fmt.Errorf("PDFium instance: %w", err)
	}
	defer inst.Close()
	doc, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		return "", fmt.Errorf("%w: %w", ErrPDF, err)
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document}) //nolint:errcheck // nothing to do about it
	count, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		return "", fmt.Errorf("%w: %w", ErrPDF, err)
	}
	var pages []string
	for i := 0; i < min(count.PageCount, pdfMaxPages); i++ {
		if err := ctx.Err(); err != nil {
			return "", err
		}
		page := requests.Page{ByIndex: &requests.PageByIndex{Document: doc.Document, Index: i}}
		st, err := inst.GetPageTextStructured(&requests.GetPageTextStructured{Page: page, Mode: requests.GetPageTextStructuredModeRects})
		if err != nil {
			return "", fmt.Errorf("%w: page %d: %w", ErrPDF, i+1, err)
		}
		if t := layoutPage(st.Rects); t != "" {
			pages = append(pages, t)
		}
	}
	return strings.Join(pages, "\f"), nil
}

// pdfLine is one line of a page: its text and vertical extent (PDF points,
// y growing upwards).
type pdfLine struct {
	text        string
	top, bottom float64
	right       float64
}

// layoutPage turns a page's text runs into lines, with a blank line at
// each gap.
func layoutPage(rects []*responses.GetPageTextStructuredRect) string {
	var lines []pdfLine
	for _, r := range rects {
		if r == nil {
			continue
		}
		t := strings.Map(pdfRune, r.Text)
		if strings.TrimSpace(t) == "" {
			continue
		}
		p := r.PointPosition
		top, bottom := math.Max(p.Top, p.Bottom), math.Min(p.Top, p.Bottom)
		if n := len(lines); n > 0 {
			l := &lines[n-1]
			h := math.Max(l.top-l.bottom, 1)
			// Same baseline: the run continues the line.
			if math.Abs(bottom-l.bottom) < h*0.5 && p.Left >= l.right-h {
				if p.Left-l.right > h*0.15 && !strings.HasSuffix(l.text, " ") && !strings.HasPrefix(t, " ") {
					l.text += " "
				}
				l.text += t
				l.top, l.bottom, l.right = math.Max(l.top, top), math.Min(l.bottom, bottom), math.Max(l.right, p.Right)
				continue
			}
		}
		lines = append(lines, pdfLine{text: t, top: top, bottom: bottom, right: p.Right})
	}
	if len(lines) == 0 {
		return ""
	}
	// The page's usual line spacing: the median step between lines that
	// go down the page.
	var steps []float64
	for i := 1; i < len(lines); i++ {
		if d := lines[i-1].bottom - lines[i].bottom; d > 0 {
			steps = append(steps, d)
		}
	}
	usual := 0.0
	if len(steps) > 0 {
		sort.Float64s(steps)
		usual = steps[len(steps)/2]
	}
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			step := lines[i-1].bottom - l.bottom
			if (usual > 0 && step > usual*1.4) || step < 0 { // a gap, or a new column or block
				b.WriteByte('\n')
			}
			b.WriteByte('\n')
		}
		b.WriteString(strings.TrimSpace(collapseSpaces(l.text)))
	}
	return b.String()
}

// pdfRune drops what PDFium reports that is no text: control characters
// (its line-break markers among them) become spaces, soft hyphens and
// NULs go.
func pdfRune(r rune) rune {
	switch {
	case r == 0 || r == '\u00AD' || r == '\uFFFE' || r == '\uFFFF':
		return -1
	case r == '\u0002': // PDFium's mark for a hyphen that breaks a word
		return '-'
	case r < 0x20 || r == 0x7F:
		return ' '
	}
	return r
}

func collapseSpaces(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\u00A0' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// pdf reads one PDF input into a text document.
func (r *Reader) pdf(ctx context.Context, source string, data []byte, yield emit) bool {
	text, err := PDFText(ctx, data)
	if err != nil {
		if ctx.Err() != nil {
			return false
		}
		return fail(yield, source, err)
	}
	if strings.TrimSpace(text) == "" {
		// A scan: pictures of text, nothing PDFium can read out.
		return fail(yield, source, fmt.Errorf("%w: the PDF has no text layer (a scan?)", ErrEmpty))
	}
	return yield(Document{Source: source, Format: FormatText, Text: text}, nil)
}
