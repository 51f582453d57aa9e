package ingest

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"strings"

	"github.com/nlnwa/gowarc"
)

// warc reads a WARC archive (already decompressed when it was .warc.gz):
// every response record with an HTML or plain-text payload and status 200 is
// one document whose source is the record's target URI. Request, metadata
// and revisit records carry no article and are skipped.
func (r *Reader) warc(ctx context.Context, file string, src io.Reader, yield emit) bool {
	wr, err := gowarc.NewWarcFileReaderFromStream(bufio.NewReader(src), 0, gowarc.WithSyntaxErrorPolicy(gowarc.ErrWarn), gowarc.WithSpecViolationPolicy(gowarc.ErrIgnore), gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore))
	if err != nil {
		return fail(yield, file, fmt.Errorf("%w: %w", ErrUnsupported, err))
	}
	defer wr.Close()
	n := 0
	for {
		if ctx.Err() != nil {
			return false
		}
		rec, _, _, err := wr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if n == 0 {
				return fail(yield, file, fmt.Errorf("%w: not a WARC archive: %w", ErrUnsupported, err))
			}
			return fail(yield, file, fmt.Errorf("%w: after %d records: %w", ErrTruncated, n, err))
		}
		n++
		if rec.Type() != gowarc.Response {
			continue
		}
		block, ok := rec.Block().(gowarc.HttpResponseBlock)
		if !ok || block.HttpStatusCode() != 200 {
			continue
		}
		uri := rec.WarcHeader().Get(gowarc.WarcTargetURI)
		ct, _, _ := mime.ParseMediaType(block.HttpHeader().Get("Content-Type"))
		ext := ""
		switch {
		case ct == "text/html" || ct == "application/xhtml+xml":
			ext = ".html"
		case ct == "text/plain":
			ext = ".txt"
		default:
			continue // images, scripts, styles: not articles
		}
		payload, err := block.PayloadBytes()
		if err != nil {
			if !fail(yield, uri, fmt.Errorf("%w: %w", ErrTruncated, err)) {
				return false
			}
			continue
		}
		data, err := readLimited(payload, r.cfg.MaxBytes)
		if err != nil {
			if !fail(yield, uri, err) {
				return false
			}
			continue
		}
		source := uri
		if source == "" {
			source = fmt.Sprintf("%s#%d", file, n)
		}
		if !r.content(ctx, source, ext, data, func(d Document, err error) bool {
			if err == nil && strings.HasPrefix(uri, "http") {
				d.URL = uri
			}
			return yield(d, err)
		}) {
			return false
		}
	}
	if n == 0 {
		return fail(yield, file, fmt.Errorf("%w: no WARC records", ErrEmpty))
	}
	return true
}
