package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parley-news/parley/internal/golden"
	"github.com/parley-news/parley/internal/layout"
)

// pdfLine is one line the test PDF sets, at a height on its page.
type testLine struct {
	y    float64
	text string
}

// makePDF writes a small PDF: letter-size pages, Helvetica 12 pt, each line
// placed at its height (PDF points, from the bottom). It writes the
// cross-reference table with the real offsets, as a PDF writer must.
func makePDF(pages [][]testLine) []byte {
	var objs []string
	// 1: catalog, 2: pages, 3: font; then per page: page object, contents.
	objs = append(objs, "<< /Type /Catalog /Pages 2 0 R >>", "", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	var kids []string
	for _, lines := range pages {
		var content strings.Builder
		for _, l := range lines {
			esc := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`).Replace(l.text)
			fmt.Fprintf(&content, "BT /F1 12 Tf 1 0 0 1 72 %.0f Tm (%s) Tj ET\n", l.y, esc)
		}
		page := len(objs) + 1
		kids = append(kids, fmt.Sprintf("%d 0 R", page))
		objs = append(objs,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", page+1),
			fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", content.Len(), content.String()))
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// communique is a joint statement written for this test: a headline, a
// dateline, paragraphs wrapped by the typesetter (one word broken with a
// hyphen), a quote across lines, and a second page.
func communique() []byte {
	return makePDF([][]testLine{{
		{740, "JOINT STATEMENT ON STEEL QUOTAS"},
		{700, "PORTVILLE, March 21, 2031"},
		{670, "Canada, Mexico and the United States agreed today on quotas for"},
		{656, "steel and aluminium exports. The parties will review the quotas"},
		{642, "every year."},
		{612, "\"This is a fair deal for workers on both sides of the border,\" said"},
		{598, "Trade Minister Helen Marchetti. The tariffs will be lifted within eigh-"},
		{584, "teen months (the first review is due in March 2032)."},
	}, {
		{740, "Done at Portville in eighteen copies."},
	}})
}

func TestPDFTextGolden(t *testing.T) {
	text, err := PDFText(context.Background(), communique())
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/communique.pdf.golden", []byte(text))
	if n := strings.Count(text, "\f"); n != 1 {
		t.Errorf("%d page breaks, want 1", n)
	}
	if n := strings.Count(text, "\n\n"); n != 3 {
		t.Errorf("%d gaps, want 3 (after the headline, the dateline, the first paragraph)\n%s", n, text)
	}
	// Through the layout reader, the wrapped sentences are whole again.
	paras := layout.Paragraphs(text).Paragraphs
	got := strings.Join(paras, "\n")
	for _, want := range []string{
		"Canada, Mexico and the United States agreed today on quotas for steel and aluminium exports. The parties will review the quotas every year.",
		"within eighteen months (the first review is due in March 2032).",
		"Done at Portville in eighteen copies.",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in the paragraphs:\n%s", want, got)
		}
	}
	if len(paras) != 5 {
		t.Errorf("%d paragraphs, want 5:\n%s", len(paras), got)
	}
}

func TestPDFInput(t *testing.T) {
	dir := t.TempDir()
	pdf := communique()
	named := write(t, dir, "statement.pdf", pdf)
	unnamed := write(t, dir, "statement.bin", pdf)
	broken := write(t, dir, "broken.pdf", []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage"))
	blank := write(t, dir, "blank.pdf", makePDF([][]testLine{{}}))
	r := New(DefaultConfig(), nil, strings.NewReader(""))
	docs, errs := collect(t, r, named, unnamed, broken, blank)
	if len(docs) != 2 {
		t.Fatalf("%d documents, want 2 (errors %v)", len(docs), errs)
	}
	for _, d := range docs {
		if d.Format != FormatText || !strings.HasPrefix(d.Text, "JOINT STATEMENT") {
			t.Errorf("%s: %v %.40q", d.Source, d.Format, d.Text)
		}
	}
	if len(errs) != 2 || !errors.Is(errs[0], ErrPDF) || !errors.Is(errs[1], ErrEmpty) {
		t.Errorf("errors: %v", errs)
	}
	// A folder picks the PDF up by its name.
	docs, _ = collect(t, New(DefaultConfig(), nil, strings.NewReader("")), dir)
	found := false
	for _, d := range docs {
		found = found || strings.HasSuffix(d.Source, "statement.pdf")
	}
	if !found {
		t.Errorf("a folder's .pdf is not read")
	}
}

func BenchmarkPDFText(b *testing.B) {
	pdf := communique()
	ctx := context.Background()
	if _, err := PDFText(ctx, pdf); err != nil { // the engine starts once, outside the loop
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := PDFText(ctx, pdf); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzPDFText feeds PDFium damaged and hostile PDFs: it must answer with
// text or an error, never a panic or a hang.
func FuzzPDFText(f *testing.F) {
	good := communique()
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 1 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"))
	f.Add(bytes.ReplaceAll(good, []byte("/Count 2"), []byte("/Count 999999")))
	f.Fuzz(func(t *testing.T, data []byte) {
		text, err := PDFText(context.Background(), data)
		if err == nil && !utf8.ValidString(text) {
			t.Errorf("invalid UTF-8 from a PDF")
		}
	})
}
