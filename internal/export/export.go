// Package export writes the whole record as JSON Lines and reads it back:
// `parley export` and the export form of `parley ingest`.
//
// The format ("parley-export", version 1) is one JSON object per line, each
// with a "type":
//
//	{"type":"header","format":"parley-export","version":1,"parley":"0.1.0","pipeline":"0.3.0","exported":"2031-03-02T10:00:00Z"}
//	{"type":"article","id":1,"version":1,"current":false,"superseded_by":2,"ingested_at":"…","analysed_at":"…","article":{…}}
//	{"type":"article","id":2,"version":2,"current":true,"ingested_at":"…","analysed_at":"…","article":{…}}
//	{"type":"correction","correction":{"kind":"statement","by":"ana","at":"…","note":"…","anchor":{…},"edit":{…}}}
//
// The header comes first. Then every stored article version, each article's
// versions oldest first, so that saving them in file order rebuilds the same
// version chains. "article" holds the article as article.Article marshals it:
// body, every metadata field, the pipeline version and all the analyses
// (statements, mentions, time expressions, events) with their byte spans.
//
// A reader skips record types it does not know (Record.Raw keeps them), so
// later versions may add types ("correction") without breaking older readers
// of the types they share.
//
// Both directions stream: one article in memory at a time (the export keeps
// the ids of the current articles, eight bytes each).
package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/ingest"
	"github.com/parley-news/parley/internal/store"
)

// Format names the format in the header; FormatVersion is its version.
const (
	Format        = "parley-export"
	FormatVersion = 1
)

// Record types.
const (
	TypeHeader  = "header"
	TypeArticle = "article"
	// TypeCorrection records an analyst's correction (store.Correction),
	// written after every article, oldest first.
	TypeCorrection = "correction"
)

// MaxLine is the longest line read: an article of store.MaxBody with its
// analyses at the caps fits.
const MaxLine = 64 << 20

// Errors callers tell apart.
var (
	// ErrNotExport: the input is neither an export nor extract output.
	ErrNotExport = errors.New("not a Parley export or extract output")
	// ErrNewer: the export was written by a newer format version.
	ErrNewer = errors.New("export format is newer than this program")
	// ErrBadRecord: one line could not be read; the rest can.
	ErrBadRecord = errors.New("bad export record")
)

// Header is the first line of an export.
type Header struct {
	Type     string `json:"type"`
	Format   string `json:"format"`
	Version  int    `json:"version"`
	Parley   string `json:"parley"`
	Pipeline string `json:"pipeline,omitempty"`
	Exported string `json:"exported,omitempty"`
}

// ArticleRecord is one stored article version.
type ArticleRecord struct {
	Type         string    `json:"type"`
	ID           int64     `json:"id"`
	Version      int       `json:"version"`
	Current      bool      `json:"current"`
	SupersededBy int64     `json:"superseded_by,omitempty"`
	IngestedAt   time.Time `json:"ingested_at"`
	AnalysedAt   time.Time `json:"analysed_at"`
	Truncated    bool      `json:"truncated,omitempty"`
	// Article is the article with its body, metadata and analyses.
	Article *article.Article `json:"article"`
}

// Options are what Write puts in the header.
type Options struct {
	// Parley and Pipeline are the program's and the analyses' versions.
	Parley, Pipeline string
	// Now is the export time (time.Now when zero).
	Now time.Time
}

// Counts says what Write wrote.
type Counts struct {
	Articles int `json:"articles"` // current articles
	Versions int `json:"versions"` // article records, every version
	// Corrections counts the correction records.
	Corrections int `json:"corrections"`
}

// CorrectionRecord is one analyst's correction: a portable value (anchored
// by source keys, spans and names, never by row ids).
type CorrectionRecord struct {
	Type       string           `json:"type"`
	Correction store.Correction `json:"correction"`
}

// Write writes the header and every stored article version to w.
func Write(ctx context.Context, st store.Store, w io.Writer, opt Options) (Counts, error) {
	var c Counts
	bw := bufio.NewWriterSize(w, 256<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	now := opt.Now
	if now.IsZero() {
		now = time.Now()
	}
	h := Header{Type: TypeHeader, Format: Format, Version: FormatVersion, Parley: opt.Parley, Pipeline: opt.Pipeline,
		Exported: now.UTC().Format(time.RFC3339)}
	if err := enc.Encode(h); err != nil {
		return c, err
	}
	// Every current article (no article was analysed by this version), oldest first.
	ids, err := st.StaleArticles(ctx, allArticles, 0)
	if err != nil {
		return c, fmt.Errorf("export: %w", err)
	}
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return c, err
		}
		versions, err := st.Versions(ctx, id)
		if err != nil {
			return c, fmt.Errorf("export: article %d: %w", id, err)
		}
		// Versions are newest first; the chain is written oldest first.
		for i := len(versions) - 1; i >= 0; i-- {
			sa, err := st.Article(ctx, versions[i].ID)
			if err != nil {
				return c, fmt.Errorf("export: article %d: %w", versions[i].ID, err)
			}
			if err := enc.Encode(recordOf(sa)); err != nil {
				return c, err
			}
			c.Versions++
		}
		c.Articles++
	}
	// The corrections, oldest first, after the articles they are anchored in.
	fixes, err := store.AllCorrections(ctx, st, store.CorrectionQuery{})
	if err != nil {
		return c, fmt.Errorf("export: corrections: %w", err)
	}
	for i := len(fixes) - 1; i >= 0; i-- {
		fx := fixes[i]
		fx.ID, fx.StatementID, fx.ArticleID, fx.ActorID, fx.IntoID = 0, 0, 0, 0, 0
		if err := enc.Encode(CorrectionRecord{Type: TypeCorrection, Correction: fx}); err != nil {
			return c, err
		}
		c.Corrections++
	}
	return c, bw.Flush()
}

func recordOf(sa *store.StoredArticle) ArticleRecord {
	a := sa.Article
	return ArticleRecord{Type: TypeArticle, ID: sa.ID, Version: sa.Version, Current: sa.Current,
		SupersededBy: sa.SupersededBy, IngestedAt: sa.IngestedAt.UTC(), AnalysedAt: sa.AnalysedAt.UTC(),
		Truncated: sa.Truncated, Article: &a}
}

// Kind is what a JSON Lines input holds, as Sniff tells from its start.
type Kind int

// Kinds of input.
const (
	// Other: not for this package (a dump with "text" or "html" to analyse).
	Other Kind = iota
	// Export: a parley-export file (its first line is the header).
	Export
	// Analysed: `parley extract` output, one analysed article a line.
	Analysed
)

// Sniff tells from the start of an input (its first bytes, up to a whole
// first line) whether it is an export, extract output or something else.
// It reads the top-level keys of the first object until one decides: a
// "type":"header" with the export format, or "body" (extract output) before
// "text" or "html" (a dump to analyse).
func Sniff(prefix []byte) Kind {
	prefix = bytes.TrimLeft(prefix, " \t\r\n\ufeff")
	prefix = bytes.TrimPrefix(prefix, []byte("\ufeff"))
	dec := json.NewDecoder(bytes.NewReader(prefix))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return Other
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return Other
		}
		key, _ := t.(string)
		switch key {
		case "type":
			var v string
			if dec.Decode(&v) != nil || v != TypeHeader {
				return Other
			}
			return Export
		case "text", "html":
			return Other
		case "body":
			return Analysed
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return Other
		}
	}
	return Other
}

// Record is one line read back.
type Record struct {
	// Line is the 1-based line number.
	Line int
	// Type is the record's type; "article" for extract output lines.
	Type       string
	Header     *Header
	Article    *ArticleRecord
	Correction *store.Correction
	// Raw is the line itself for a type this package does not know.
	Raw json.RawMessage
}

// Reader reads an export or extract output one record at a time.
type Reader struct {
	br     *bufio.Reader
	line   int
	header bool // an export: the header was read
	kind   Kind
}

// NewReader reads from r.
func NewReader(r io.Reader) *Reader {
	return &Reader{br: bufio.NewReaderSize(r, 256<<10)}
}

// Kind returns what the input turned out to be, once Next returned a record.
func (r *Reader) Kind() Kind { return r.kind }

// Next returns the next record; io.EOF after the last. An error wrapping
// ErrBadRecord concerns one line: Next may be called again for the rest.
// Any other error ends the input.
func (r *Reader) Next() (Record, error) {
	for {
		line, err := ingest.ReadLine(r.br, MaxLine)
		if errors.Is(err, ingest.ErrTooLarge) {
			err = fmt.Errorf("%w: %w", ErrBadRecord, err)
		}
		if err != nil && len(line) == 0 && !errors.Is(err, ErrBadRecord) {
			if errors.Is(err, io.EOF) && r.kind == Other && r.line == 0 {
				return Record{}, fmt.Errorf("%w: the input is empty", ErrNotExport)
			}
			return Record{}, err
		}
		r.line++
		if errors.Is(err, ErrBadRecord) {
			return Record{Line: r.line}, fmt.Errorf("line %d: %w", r.line, err)
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		return r.parse(line)
	}
}

func (r *Reader) parse(line []byte) (Record, error) {
	rec := Record{Line: r.line}
	if r.kind == Other {
		switch r.kind = Sniff(line); r.kind {
		case Export:
		case Analysed:
		default:
			return rec, fmt.Errorf("line %d: %w", r.line, ErrNotExport)
		}
	}
	if r.kind == Analysed {
		var a article.Article
		if err := json.Unmarshal(line, &a); err != nil {
			return rec, fmt.Errorf("line %d: %w: %w", r.line, ErrBadRecord, err)
		}
		if err := splitHeadline(line, &a); err != nil {
			return rec, fmt.Errorf("line %d: %w: %w", r.line, ErrBadRecord, err)
		}
		rec.Type, rec.Article = TypeArticle, &ArticleRecord{Type: TypeArticle, Article: &a}
		return rec, nil
	}
	var head struct {
		Type string `json:"type"`
	}
	if err := json.Unmarshal(line, &head); err != nil {
		return rec, fmt.Errorf("line %d: %w: %w", r.line, ErrBadRecord, err)
	}
	rec.Type = head.Type
	switch head.Type {
	case TypeHeader:
		var h Header
		if err := json.Unmarshal(line, &h); err != nil {
			return rec, fmt.Errorf("line %d: %w: %w", r.line, ErrBadRecord, err)
		}
		if h.Format != Format {
			return rec, fmt.Errorf("line %d: %w: format %q", r.line, ErrNotExport, h.Format)
		}
		if h.Version > FormatVersion {
			return rec, fmt.Errorf("line %d: %w (version %d, this program reads %d)", r.line, ErrNewer, h.Version, FormatVersion)
		}
		r.header = true
		rec.Header = &h
	case TypeArticle:
		var ar ArticleRecord
		if err := json.Unmarshal(line, &ar); err != nil {
			return rec, fmt.Errorf("line %d: %w: %w", r.line, ErrBadRecord, err)
		}
		if ar.Article == nil {
			return rec, fmt.Errorf("line %d: %w: no \"article\"", r.line, ErrBadRecord)
		}
		rec.Article = &ar
	case TypeCorrection:
		var cr CorrectionRecord
		if err := json.Unmarshal(line, &cr); err != nil {
			return rec, fmt.Errorf("line %d: %w: %w", r.line, ErrBadRecord, err)
		}
		rec.Correction = &cr.Correction
	default:
		rec.Raw = append(json.RawMessage(nil), line...)
	}
	return rec, nil
}

// Validate reports an article that cannot be stored as it is: no body, a
// span outside the body or backwards, or over the store's caps.
func Validate(a *article.Article) error {
	if a == nil || len(bytes.TrimSpace([]byte(a.Body))) == 0 {
		return fmt.Errorf("%w: no body", ErrBadRecord)
	}
	if err := store.CheckSize(a); err != nil {
		return err
	}
	n := len(a.Body)
	bad := func(what string, i int, s article.Span) error {
		return fmt.Errorf("%w: %s %d: span [%d,%d) is not inside the body of %d bytes", ErrBadRecord, what, i+1, s[0], s[1], n)
	}
	ok := func(s article.Span) bool { return s[0] >= 0 && s[1] >= s[0] && s[1] <= n }
	for i, s := range a.Statements {
		for _, sp := range []article.Span{s.Span, s.TextSpan, s.CueSpan, s.SpeakerSpan} {
			if !ok(sp) {
				return bad("statement", i, sp)
			}
		}
	}
	for i, m := range a.Mentions {
		if !ok(m.Span) {
			return bad("mention", i, m.Span)
		}
	}
	for i, t := range a.Timexes {
		if !ok(t.Span) {
			return bad("time expression", i, t.Span)
		}
	}
	for i, e := range a.Events {
		if !ok(e.Span) {
			return bad("event", i, e.Span)
		}
	}
	return nil
}

// allArticles is a pipeline version no article has: StaleArticles with it
// lists every current article. (No NUL in it: PostgreSQL text refuses one.)
const allArticles = "(every version)"

// splitHeadline moves the statements extract output marks "headline":
// true (the headline's, with no place in the body) out of a.Statements
// into a.HeadlineStatements, as the pipeline keeps them: the record
// stores the body's only.
func splitHeadline(line []byte, a *article.Article) error {
	if !bytes.Contains(line, []byte(`"headline":true`)) {
		return nil
	}
	var flags struct {
		Statements []struct {
			Headline bool `json:"headline"`
		} `json:"statements"`
	}
	if err := json.Unmarshal(line, &flags); err != nil {
		return err
	}
	if len(flags.Statements) != len(a.Statements) {
		return nil
	}
	body := a.Statements[:0:0]
	for i, s := range a.Statements {
		if flags.Statements[i].Headline {
			a.HeadlineStatements = append(a.HeadlineStatements, s)
		} else {
			body = append(body, s)
		}
	}
	a.Statements = body
	return nil
}
