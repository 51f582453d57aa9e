package ingest

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"strconv"
	"strings"

	"github.com/nlnwa/gowarc"
)

// warc reads a WARC archive (already decompressed when it was .warc.gz):
// every response record with an HTML or plain-text payload and status 200 is
// one document whose source is the record's target URI. Request, metadata
// and revisit records carry no article and are skipped. A record shorter
// than its Content-Length (a cut-off download) is an input error, never a
// document with its end missing; an archive that holds no article at all is
// reported too.
func (r *Reader) warc(ctx context.Context, file string, src io.Reader, yield emit) bool {
	wr, err := gowarc.NewWarcFileReaderFromStream(bufio.NewReader(src), 0, gowarc.WithSyntaxErrorPolicy(gowarc.ErrWarn), gowarc.WithSpecViolationPolicy(gowarc.ErrIgnore), gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore))
	if err != nil {
		return fail(yield, file, fmt.Errorf("%w: %w", ErrUnsupported, err))
	}
	defer wr.Close()
	n, docs := 0, 0
	for {
		if ctx.Err() != nil {
			return false
		}
		rec, err := nextRecord(wr)
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
		uri := rec.WarcHeader().Get(gowarc.WarcTargetURI)
		where := fmt.Sprintf("%s#%d", file, n)
		if uri != "" {
			where += " (" + uri + ")"
		}
		block, ok := rec.Block().(gowarc.HttpResponseBlock)
		if !ok || block.HttpStatusCode() == 0 || block.HttpHeader() == nil {
			// A response whose HTTP head does not parse: cut off, or not HTTP.
			if !fail(yield, where, fmt.Errorf("%w: response record without a complete HTTP head", ErrTruncated)) {
				return false
			}
			continue
		}
		if block.HttpStatusCode() != 200 {
			continue
		}
		payload, err := block.PayloadBytes()
		if err != nil {
			if !fail(yield, where, fmt.Errorf("%w: %w", ErrTruncated, err)) {
				return false
			}
			continue
		}
		data, err := readLimited(payload, r.cfg.MaxBytes)
		if err != nil {
			if !fail(yield, where, err) {
				return false
			}
			continue
		}
		if want, err := strconv.ParseInt(rec.WarcHeader().Get(gowarc.ContentLength), 10, 64); err == nil {
			if got := max(block.Size(), int64(len(block.ProtocolHeaderBytes())+len(data))); got < want {
				if !fail(yield, where, fmt.Errorf("%w: record of %d bytes ends after %d", ErrTruncated, want, got)) {
					return false
				}
				continue
			}
		}
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
		docs++
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
	if docs == 0 {
		return fail(yield, file, fmt.Errorf("%w: %d WARC records, none an HTML or text page with status 200", ErrNoDocuments, n))
	}
	return true
}

// nextRecord is wr.Next, with the library's panics on malformed input
// (an index out of range on a short version line, say) turned into errors.
func nextRecord(wr *gowarc.WarcFileReader) (rec gowarc.WarcRecord, err error) {
	defer func() {
		if v := recover(); v != nil {
			rec, err = nil, fmt.Errorf("malformed WARC record: %v", v)
		}
	}()
	rec, _, _, err = wr.Next()
	return rec, err
}
