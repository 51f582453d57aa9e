package web

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"
)

// Pasted text on the ingest page: an article copied from a browser or an
// e-mail, with the publication date the analyst knows. It goes the way of
// a .txt file (cleaning, metadata, analyses); the date given is the
// publication date unless the text carries one of its own in a form the
// reader trusts more (none for plain text: the given date wins, basis
// "input").

// pasted is a validated paste.
type pasted struct {
	text      string
	published time.Time
	outlet    string
}

// maxPaste bounds pasted text (the request body limit is larger: files).
const maxPaste = 2 << 20

func readPaste(text, published, outlet string) (pasted, error) {
	p := pasted{text: strings.TrimSpace(strings.ReplaceAll(text, "\r\n", "\n")), outlet: strings.TrimSpace(outlet)}
	if p.text == "" {
		if published != "" {
			return p, badParam("a publication date was given but no text was pasted")
		}
		return p, nil
	}
	if len(p.text) > maxPaste {
		return p, badParam(fmt.Sprintf("the pasted text is over %d MiB; upload it as a file", maxPaste>>20))
	}
	if !utf8.ValidString(p.text) {
		return p, badParam("the pasted text is not valid UTF-8")
	}
	if published != "" {
		t, err := time.Parse("2006-01-02", published)
		if err != nil {
			return p, badParam(fmt.Sprintf("publication date %q is not a day (YYYY-MM-DD)", truncate(20, published)))
		}
		p.published = t
	}
	if len(p.outlet) > 200 {
		return p, badParam("the outlet name is too long")
	}
	return p, nil
}

// ingestPaste stores one pasted text as "pasted:YYYY-MM-DD" (or
// "pasted:undated").
func (s *Server) ingestPaste(ctx context.Context, p pasted) (IngestReport, error) {
	dir, err := os.MkdirTemp("", "parley-paste-")
	if err != nil {
		return IngestReport{}, fmt.Errorf("paste folder: %w", err)
	}
	defer removeAll(dir)
	path := filepath.Join(dir, "pasted.txt")
	if err := os.WriteFile(path, []byte(p.text), 0o600); err != nil {
		return IngestReport{}, fmt.Errorf("paste: %w", err)
	}
	name := "pasted:undated"
	if !p.published.IsZero() {
		name = "pasted:" + p.published.Format("2006-01-02")
	}
	return s.Ingest(ctx, []string{path}, IngestOptions{
		Rename:    func(string) string { return name },
		Published: p.published, Outlet: p.outlet,
	})
}

// add sums two reports (nil-safe on the receiver).
func (r *IngestReport) add(o IngestReport) *IngestReport {
	if r == nil {
		return &o
	}
	r.Read += o.Read
	r.New += o.New
	r.Duplicate += o.Duplicate
	r.NewVersion += o.NewVersion
	r.Failed += o.Failed
	r.Items = append(r.Items, o.Items...)
	return r
}
