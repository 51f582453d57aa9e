package sqlite

import (
	"bytes"
	"compress/flate"
	"database/sql/driver"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	sqlite3 "modernc.org/sqlite"

	"github.com/parley-news/parley/internal/store"
)

// Article bodies are stored compressed (issue 9: bytes per article). The
// body was the largest column of the largest table: at 300,000 synthetic
// articles 1,355 of ≈ 9,000 bytes an article, and a real report (3–5 KB)
// is a larger share still. DEFLATE keeps ≈ 45% of a news report's bytes
// (84 PolNeAR reports) and decompresses one in microseconds.
//
// A stored body is either TEXT (as given: short bodies, and bodies that
// would not shrink by an eighth) or a BLOB: the format mark bodyDeflate,
// then a raw DEFLATE stream; the mark bodyDeflateDict, then a raw DEFLATE
// stream with a preset dictionary (bodyDict); or the mark bodyStored, then the body as it is
// (a body holding a NUL byte that DEFLATE would not shrink: see
// bodyStored). SQL reads it through parley_text(body), which
// returns TEXT as it is and decompresses a BLOB; every connection has the
// function (it is registered with the driver before the first open). The
// full-text index reads bodies through the articles_text view, which
// applies it.
const (
	bodyDeflate = 0x01
	// bodyDeflateDict marks a raw DEFLATE stream compressed with bodyDict
	// as its preset dictionary, what the store writes since the "body
	// dictionary" step (issue 9: bytes per article; see bodyDict).
	bodyDeflateDict = 0x03
	// bodyStored marks a body kept as it is, in a BLOB. A body holding a
	// NUL byte cannot be TEXT: the driver hands a TEXT argument to a Go
	// function (parley_text) only up to its first NUL, so the body would
	// read back cut there.
	bodyStored = 0x02
	// minPack is the shortest body worth compressing: below it the
	// DEFLATE block header and the mark eat most of the gain.
	minPack = 128
)

// maxInflate bounds what a stored body may inflate to: the longest body
// the store takes. A stream that inflates past it is not one this program
// wrote.
const maxInflate = store.MaxBody

// errBadBody is a BLOB body that does not decompress: a damaged file.
var errBadBody = errors.New("stored body does not decompress")

// bodyDict is the preset dictionary of bodyDeflateDict bodies: common
// English words and the phrases of news reports (reporting verbs,
// titles, institutions, weekdays and months), written for this purpose,
// none taken from a corpus. DEFLATE starts every body with an empty
// window, so a report of one or two kilobytes pays for its first "the
// minister said on Wednesday" in full; with these 6 KB before it, such
// words are back references from the first sentence. Measured on the
// bodies alone: 337 real reports (≈ 4.4 KB each) 1,923 → 1,803 bytes
// (−6%), 20,000 synthetic bench articles (≈ 1.4 KB) 640 → 550 (−14%).
//
// Stored bodies depend on these exact bytes: the file must never change
// (TestBodyDictUnchanged). A better dictionary would be a new mark.
//
//go:embed bodydict.txt
var bodyDict []byte

var (
	registerOnce sync.Once
	writers      = sync.Pool{New: func() any {
		w, _ := flate.NewWriterDict(nil, flate.DefaultCompression, bodyDict)
		return w
	}}
	readers = sync.Pool{New: func() any { return flate.NewReader(bytes.NewReader(nil)) }}
)

// registerFunctions makes parley_text, parley_pack, parley_pack_timexes
// (timexpack.go) and parley_pack_mentions (mentionpack.go) known to the
// driver, once per process
// (the driver keeps its functions for every connection it opens).
func registerFunctions() {
	registerOnce.Do(func() {
		sqlite3.MustRegisterDeterministicScalarFunction("parley_text", 1, func(_ *sqlite3.FunctionContext, args []driver.Value) (driver.Value, error) {
			switch v := args[0].(type) {
			case nil:
				return nil, nil
			case string:
				return v, nil
			case []byte:
				return bodies.text(v)
			default:
				return fmt.Sprint(v), nil
			}
		})
		// parley_pack(body) is packBody, for the migration that packs the
		// bodies of an existing store.
		sqlite3.MustRegisterDeterministicScalarFunction("parley_pack", 1, func(_ *sqlite3.FunctionContext, args []driver.Value) (driver.Value, error) {
			if v, ok := args[0].(string); ok {
				return packBody(v), nil
			}
			return args[0], nil
		})
		// parley_pack_bytes(CAST(body AS BLOB)) is packBody of the body's
		// bytes: for TEXT bodies that may hold a NUL byte, which a TEXT
		// argument would lose from there on (bodyStored).
		sqlite3.MustRegisterDeterministicScalarFunction("parley_pack_bytes", 1, func(_ *sqlite3.FunctionContext, args []driver.Value) (driver.Value, error) {
			switch v := args[0].(type) {
			case []byte:
				return packBody(string(v)), nil
			case string:
				return packBody(v), nil
			}
			return args[0], nil
		})
		// parley_phrases(pattern, column...) checks a query's phrases in
		// a full-text candidate (phrases.go).
		sqlite3.MustRegisterDeterministicScalarFunction("parley_phrases", -1, parleyPhrases)
		sqlite3.MustRegisterDeterministicScalarFunction("parley_rank", -1, parleyRank)
		registerOrdFunctions()
		registerSpanFunctions()
		registerPackAggregate("parley_pack_timexes", func() rowPacker { return &timexPacker{} })
		registerPackAggregate("parley_pack_mentions", func() rowPacker { return &mentionPacker{} })
	})
}

// bodyCache keeps the last body parley_text (or a statement's text, cut
// from it) unpacked: a row's text and cue, and an article's statements in
// turn, ask for the same body one after another.
type bodyCache struct {
	sync.Mutex
	in  []byte
	out string
}

var bodies bodyCache

// text is the body stored as v (a packed BLOB).
func (c *bodyCache) text(v []byte) (string, error) {
	c.Lock()
	if c.in != nil && bytes.Equal(c.in, v) {
		out := c.out
		c.Unlock()
		return out, nil
	}
	c.Unlock()
	out, err := unpackBody(v)
	if err != nil {
		return "", err
	}
	c.Lock()
	c.in, c.out = append(c.in[:0], v...), out
	c.Unlock()
	return out, nil
}

// packBody is what the articles table stores for body: the body itself, or
// its compressed form when that is at least an eighth shorter; a body with
// a NUL byte is never stored as TEXT (bodyStored).
func packBody(body string) any {
	// A body longer than the store now takes (one an older version stored)
	// is not compressed: unpackBody refuses to inflate past maxInflate.
	if len(body) >= minPack && len(body) <= maxInflate {
		if b := deflateBody(body); b != nil {
			return b
		}
	}
	if strings.IndexByte(body, 0) >= 0 {
		return append([]byte{bodyStored}, body...)
	}
	return body
}

// deflateBody is the body compressed, nil when that does not save an
// eighth of it.
func deflateBody(body string) []byte {
	w := writers.Get().(*flate.Writer)
	defer writers.Put(w)
	var buf bytes.Buffer
	buf.Grow(len(body)/2 + 16)
	buf.WriteByte(bodyDeflateDict)
	// Reset keeps the writer's dictionary (bodyDict).
	w.Reset(&buf)
	if _, err := io.WriteString(w, body); err != nil {
		return nil
	}
	if err := w.Close(); err != nil {
		return nil
	}
	if buf.Len() > len(body)-len(body)/8 {
		return nil
	}
	return buf.Bytes()
}

// unpackBody is the body a stored BLOB holds.
func unpackBody(b []byte) (string, error) {
	if len(b) > 0 && b[0] == bodyStored {
		return string(b[1:]), nil
	}
	var dict []byte
	switch {
	case len(b) > 0 && b[0] == bodyDeflateDict:
		dict = bodyDict
	case len(b) == 0 || b[0] != bodyDeflate:
		return "", fmt.Errorf("%w: unknown format", errBadBody)
	}
	r := readers.Get().(io.ReadCloser)
	defer readers.Put(r)
	if err := r.(flate.Resetter).Reset(bytes.NewReader(b[1:]), dict); err != nil {
		return "", fmt.Errorf("%w: %w", errBadBody, err)
	}
	var out bytes.Buffer
	out.Grow(len(b) * 3)
	if _, err := io.Copy(&out, io.LimitReader(r, maxInflate+1)); err != nil {
		return "", fmt.Errorf("%w: %w", errBadBody, err)
	}
	if out.Len() > maxInflate {
		return "", fmt.Errorf("%w: longer than any stored body", errBadBody)
	}
	return out.String(), nil
}

// liveBody is SQL for article alias a's body as text; the helpers below
// are the lean migration's (lean.go) over it, for the queries of today's
// schema (the migration's own SQL must not change).
func liveBody(a string) string { return "parley_text(" + a + ".body)" }

func liveStmtText(s, a string) string { return stmtTextIn(s, liveBody(a)) }

func liveStmtCue(s, a string) string { return stmtCueIn(s, liveBody(a)) }

func liveTextOrSpan(alias, a string) string { return textOrSpan(alias, liveBody(a)) }

// articlesFTSTriggers keep the article index (external content, read
// through parley_text) in step with deletes and updates of articles.
const articlesFTSTriggers = `CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, standfirst, body) VALUES ('delete', old.id, old.title, old.standfirst, parley_text(old.body));
END;
CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, standfirst, body ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, standfirst, body) VALUES ('delete', old.id, old.title, old.standfirst, parley_text(old.body));
	INSERT INTO articles_fts(rowid, title, standfirst, body) VALUES (new.id, new.title, new.standfirst, parley_text(new.body));
END;
`

// bodiesSQL is the "compressed bodies" migration: bodies packed in place,
// the article index rebuilt over the articles_text view, and the triggers
// that read bodies rewritten to read them through parley_text.
//
// Changed since it was released, in one place: the bodies are packed from
// their bytes (parley_pack_bytes over the body as a BLOB), not from the
// TEXT value, which reached parley_pack cut at a NUL byte and so lost the
// rest of such a body. For every other body the result is the same.
func bodiesSQL() string {
	return `
DROP TRIGGER articles_fts_ad;
DROP TRIGGER articles_fts_au;
DROP TABLE articles_fts;
UPDATE articles SET body = parley_pack_bytes(CAST(body AS BLOB)) WHERE typeof(body) = 'text' AND length(CAST(body AS BLOB)) >= ` + fmt.Sprint(minPack) + `;
CREATE VIEW articles_text AS SELECT id, title, standfirst, parley_text(body) AS body FROM articles;
CREATE VIRTUAL TABLE articles_fts USING fts5(
	title, standfirst, body,
	content='articles_text', content_rowid='id',
	tokenize='unicode61 remove_diacritics 2'
);
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
` + articlesFTSTriggers + `DROP TRIGGER statements_fts_au;
CREATE TRIGGER statements_fts_au AFTER UPDATE OF text, from_body, text_start, text_end ON statements BEGIN
	DELETE FROM statements_fts WHERE rowid = OLD.id;
	INSERT INTO statements_fts(rowid, text) SELECT NEW.id, ` + liveStmtText("NEW", "a") + ` FROM articles a WHERE a.id = NEW.article_id;
END;
`
}

// nulBodiesSQL is the "bodies with NUL bytes" migration: TEXT bodies that
// hold a NUL byte become BLOBs (bodyStored, or compressed), which
// parley_text reads back whole. The update's full-text trigger takes the
// old entry out with the text it was indexed with (cut at the NUL, as
// parley_text read it then) and indexes the whole body.
const nulBodiesSQL = `
UPDATE articles SET body = parley_pack_bytes(CAST(body AS BLOB))
	WHERE typeof(body) = 'text' AND instr(CAST(body AS BLOB), X'00') > 0;
`
