// Package ingest reads articles as they arrive — files and folders, standard
// input, gzip, plain-text dumps, HTML pages, JSON Lines dumps, RSS/Atom
// feeds, WARC archives and http(s) URLs — and yields one Document per
// article. It decides formats and text encodings; it does not clean or
// analyse: that is the pipeline's work.
package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"
)

// Format is what a document's content is.
type Format int

// Document formats.
const (
	FormatText Format = iota + 1 // plain text: a scraped dump or a record's "text"
	FormatHTML                   // an HTML page or fragment
)

func (f Format) String() string {
	switch f {
	case FormatText:
		return "text"
	case FormatHTML:
		return "html"
	}
	return "unknown"
}

// Document is one article as it arrived.
type Document struct {
	Source string // path, URL or FILE#LINE, as the user gave it
	Format Format
	Text   string // FormatText: the UTF-8 text
	HTML   []byte // FormatHTML: the page's bytes, any charset
	// Verbatim is true when the text must be kept as given (a JSON Lines
	// record's "text"): no furniture is removed, so offsets into it hold.
	Verbatim bool
	Encoding string // the text encoding read, when it was not UTF-8

	// Hints that came with the input.
	Title            string
	URL              string
	Outlet           string
	Published        time.Time
	PublishedHasTime bool
	PublishedBasis   string
}

// Errors callers tell apart. Each failed input comes as an *InputError
// wrapping one of these.
var (
	ErrNotFound    = errors.New("no such file or directory")
	ErrEmpty       = errors.New("empty input")
	ErrBinary      = errors.New("binary file, not text")
	ErrTooLarge    = errors.New("input over the size limit")
	ErrEncoding    = errors.New("text encoding not recognised")
	ErrTruncated   = errors.New("truncated or corrupt data")
	ErrNotFeed     = errors.New("not a valid RSS/Atom feed")
	ErrBadRecord   = errors.New("bad JSON Lines record")
	ErrFetch       = errors.New("fetch failed")
	ErrRefused     = errors.New("address refused")
	ErrUnsupported = errors.New("unsupported input")
	// ErrNotRegular: a named pipe, socket or device; only regular files
	// are read (a FIFO would block the reader for good).
	ErrNotRegular = errors.New("not a regular file")
	// ErrNoDocuments: a container (WARC, JSON Lines) yielded no article.
	ErrNoDocuments = errors.New("no articles in the container")
)

// InputError is the failure of one input (a file, a URL, one record).
type InputError struct {
	Source string
	Err    error
}

func (e *InputError) Error() string { return e.Source + ": " + e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// Config sets the reader's limits.
type Config struct {
	// MaxBytes is the largest input read, after decompression (default 64 MiB).
	MaxBytes int64
	// MaxText is the longest article text (a text dump, a record's "text")
	// in bytes, default 1 MiB; an HTML page may have 8 times as many bytes
	// (markup). A longer article is an input error, never analysed: its
	// analyses would take gigabytes.
	MaxText int64
	// MaxRecord is the longest JSON Lines record, default 9 MiB.
	MaxRecord int64
	// FetchTimeout bounds each http(s) fetch (default 20 s).
	FetchTimeout time.Duration
	// UserAgent is sent with every fetch.
	UserAgent string
	// RefusePrivate refuses URLs that resolve to loopback, private,
	// link-local or cloud metadata addresses, after redirects and name
	// resolution (on by default; --allow-private turns it off).
	RefusePrivate bool
	// FollowFeedLinks fetches a feed item's page when the item carries no
	// article text of its own.
	FollowFeedLinks bool
}

// DefaultMaxText is the default cap on one article's text, in bytes.
const DefaultMaxText = 1 << 20

// DefaultConfig returns the limits used unless the user changes them.
func DefaultConfig() Config {
	return Config{
		MaxBytes:        64 << 20,
		MaxText:         DefaultMaxText,
		MaxRecord:       9 << 20,
		FetchTimeout:    20 * time.Second,
		UserAgent:       "Parley/1 (+news negotiation record; contact: see README)",
		RefusePrivate:   true,
		FollowFeedLinks: true,
	}
}

// Reader reads inputs into documents.
type Reader struct {
	cfg    Config
	log    *slog.Logger
	stdin  io.Reader
	client *http.Client
}

// New returns a Reader. stdin is read for the input "-".
func New(cfg Config, log *slog.Logger, stdin io.Reader) *Reader {
	def := DefaultConfig()
	if cfg.MaxBytes <= 0 {
		cfg.MaxBytes = def.MaxBytes
	}
	if cfg.FetchTimeout <= 0 {
		cfg.FetchTimeout = def.FetchTimeout
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = def.UserAgent
	}
	if cfg.MaxText <= 0 {
		cfg.MaxText = def.MaxText
	}
	if cfg.MaxRecord <= 0 {
		cfg.MaxRecord = max(def.MaxRecord, 8*cfg.MaxText+64<<10)
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Reader{cfg: cfg, log: log, stdin: stdin, client: newClient(cfg)}
}

// Documents yields every document in inputs, in the order given (a folder's
// files in name order). A failed input yields a nil-free zero Document with
// an *InputError, and reading goes on with the next. Reading stops when ctx
// is done or the consumer stops.
func (r *Reader) Documents(ctx context.Context, inputs []string) iter.Seq2[Document, error] {
	return func(yield func(Document, error) bool) {
		// Every document passes the size caps here, whatever its container.
		capped := func(d Document, err error) bool {
			if err == nil {
				if err = r.tooLarge(d); err != nil {
					return fail(yield, d.Source, err)
				}
			}
			return yield(d, err)
		}
		for _, in := range inputs {
			if ctx.Err() != nil {
				return
			}
			if !r.input(ctx, in, capped) {
				return
			}
		}
	}
}

// tooLarge checks a document against Config.MaxText.
func (r *Reader) tooLarge(d Document) error {
	switch {
	case int64(len(d.Text)) > r.cfg.MaxText:
		return fmt.Errorf("%w: article text of %d KiB, over the %d KiB an article may have", ErrTooLarge, len(d.Text)>>10, r.cfg.MaxText>>10)
	case int64(len(d.HTML)) > 8*r.cfg.MaxText:
		return fmt.Errorf("%w: HTML page of %d KiB, over the %d KiB a page may have", ErrTooLarge, len(d.HTML)>>10, 8*r.cfg.MaxText>>10)
	}
	return nil
}

// IsURL reports whether an input is an http(s) URL (the scheme in any case:
// "HTTP://" is a URL, not a file name).
func IsURL(in string) bool {
	i := strings.Index(in, "://")
	if i < 0 {
		return false
	}
	scheme := strings.ToLower(in[:i])
	return scheme == "http" || scheme == "https"
}

// emit is the yield function of Documents.
type emit = func(Document, error) bool

func fail(yield emit, source string, err error) bool {
	return yield(Document{}, &InputError{Source: source, Err: err})
}

func (r *Reader) input(ctx context.Context, in string, yield emit) bool {
	switch {
	case in == "-":
		data, err := readLimited(r.stdin, r.cfg.MaxBytes)
		if err != nil {
			return fail(yield, "-", err)
		}
		return r.content(ctx, "-", "", data, yield)
	case IsURL(in):
		return r.fetchURL(ctx, in, Document{}, yield)
	}
	info, err := os.Stat(in)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fail(yield, in, ErrNotFound)
		}
		return fail(yield, in, err)
	}
	if !info.IsDir() {
		return r.file(ctx, in, yield)
	}

	var files []string
	err = filepath.WalkDir(in, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // an unreadable entry is skipped; the rest of the tree is read
		}
		name := d.Name()
		if path != in && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() && knownExtension(name) {
			// Pipes, sockets and devices too: file reports them as skipped.
			files = append(files, path)
		}
		return nil
	})

	if err != nil {
		return fail(yield, in, err)
	}
	if len(files) == 0 {
		return fail(yield, in, fmt.Errorf("%w: no file with a name Parley reads (.txt, .html, .jsonl, .xml, .warc...) in the folder", ErrNoDocuments))
	}
	sort.Strings(files)
	for _, f := range files {
		if ctx.Err() != nil {
			return false
		}
		if !r.file(ctx, f, yield) {
			return false
		}
	}
	return true
}

// knownExtension reports whether a file found in a folder is one Parley reads.
// Files named on the command line are read whatever their name.
func knownExtension(name string) bool {
	name = strings.TrimSuffix(strings.ToLower(name), ".gz")
	switch filepath.Ext(name) {
	case ".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".json", ".xml", ".rss", ".atom", ".warc", ".pdf":
		return true
	}
	return false
}

func (r *Reader) file(ctx context.Context, path string, yield emit) bool {
	// A named pipe would block open and read for good, a device never ends:
	// only regular files are read. The check is made before opening (stat
	// follows symlinks) and again on the open file (O_NONBLOCK keeps a FIFO
	// swapped in between from blocking the open).
	info, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fail(yield, path, ErrNotFound)
		}
		return fail(yield, path, err)
	}
	if !info.Mode().IsRegular() {
		return fail(yield, path, notRegular(info.Mode()))
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return fail(yield, path, err)
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		if err == nil {
			err = notRegular(info.Mode())
		}
		return fail(yield, path, err)
	}
	var src io.Reader = f
	name := path
	if strings.HasSuffix(strings.ToLower(path), ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return fail(yield, path, fmt.Errorf("%w: %w", ErrTruncated, err))
		}
		defer zr.Close()
		src = zr
		name = path[:len(path)-3]
	}
	ext := strings.ToLower(filepath.Ext(name))
	if ext == ".jsonl" || ext == ".ndjson" {
		return r.jsonLines(ctx, path, src, yield)
	}
	if ext == ".warc" {
		return r.warc(ctx, path, src, yield)
	}
	data, err := readLimited(src, r.cfg.MaxBytes)
	if err != nil {
		return fail(yield, path, err)
	}
	return r.content(ctx, path, ext, data, yield)
}

// notRegular says what a file that is not a regular file is.
func notRegular(m fs.FileMode) error {
	kind := "special file"
	switch {
	case m&fs.ModeNamedPipe != 0:
		kind = "named pipe"
	case m&fs.ModeSocket != 0:
		kind = "socket"
	case m&fs.ModeCharDevice != 0:
		kind = "character device"
	case m&fs.ModeDevice != 0:
		kind = "device"
	case m.IsDir():
		kind = "directory"
	}
	return fmt.Errorf("%w: a %s, skipped", ErrNotRegular, kind)
}

// readLimited reads all of src up to max bytes.
func readLimited(src io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(src, max+1))
	if err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, gzip.ErrChecksum) || errors.Is(err, gzip.ErrHeader) {
			return nil, fmt.Errorf("%w: %w", ErrTruncated, err)
		}
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w (%d MiB)", ErrTooLarge, max>>20)
	}
	return data, nil
}

// content turns the bytes of one input into documents, by extension first
// and by sniffing when the extension says nothing.
func (r *Reader) content(ctx context.Context, source, ext string, data []byte, yield emit) bool {
	if len(bytes.TrimSpace(data)) == 0 {
		return fail(yield, source, ErrEmpty)
	}
	kind := ""
	switch ext {
	case ".html", ".htm", ".xhtml":
		kind = "html"
	case ".txt", ".text":
		kind = "text"
	case ".xml", ".rss", ".atom":
		kind = "feed"
	case ".json", ".jsonl", ".ndjson":
		kind = "jsonl"
	case ".warc":
		kind = "warc"
	default:
		kind = sniff(data)
	}
	if ext == ".pdf" || bytes.HasPrefix(data, []byte("%PDF-")) {
		return r.pdf(ctx, source, data, yield) // pdf.go
	}
	if kind != "feed" && kind != "html" && IsBinary(data) {
		return fail(yield, source, ErrBinary)
	}
	switch kind {
	case "html":
		return yield(Document{Source: source, Format: FormatHTML, HTML: data}, nil)
	case "feed":
		return r.feed(ctx, source, data, yield)
	case "jsonl":
		return r.jsonLines(ctx, source, bytes.NewReader(data), yield)
	case "warc":
		return r.warc(ctx, source, bytes.NewReader(data), yield)
	}
	text, enc, err := DecodeText(data)
	if err != nil {
		return fail(yield, source, err)
	}
	doc := Document{Source: source, Format: FormatText, Text: text}
	if enc != "utf-8" {
		doc.Encoding = enc
		r.log.Debug("decoded", "source", source, "encoding", enc)
	}
	return yield(doc, nil)
}

// sniff names the format of bytes that came without a telling name.
func sniff(data []byte) string {
	head := data
	if len(head) > 2048 {
		head = head[:2048]
	}
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")), " \t\r\n")
	lower := bytes.ToLower(head)
	switch {
	case bytes.HasPrefix(head, []byte("WARC/")):
		return "warc"
	case bytes.HasPrefix(lower, []byte("<?xml")) || bytes.HasPrefix(lower, []byte("<rss")) || bytes.HasPrefix(lower, []byte("<feed")) || bytes.HasPrefix(lower, []byte("<rdf:rdf")):
		if bytes.Contains(lower, []byte("<rss")) || bytes.Contains(lower, []byte("<feed")) || bytes.Contains(lower, []byte("<rdf:rdf")) {
			return "feed"
		}
		if bytes.Contains(lower, []byte("<html")) {
			return "html"
		}
		return "feed"
	case bytes.HasPrefix(lower, []byte("<!doctype html")) || bytes.HasPrefix(lower, []byte("<html")) || bytes.HasPrefix(lower, []byte("<head")) || bytes.HasPrefix(lower, []byte("<body")):
		return "html"
	case bytes.HasPrefix(head, []byte("{")):
		return "jsonl"
	}
	return "text"
}
