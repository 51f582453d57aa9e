package sqlite

import (
	"encoding/binary"
	"fmt"
	"strings"

	"github.com/parley-news/parley/internal/article"
)

// An article's time expressions are stored packed, one row an article
// (timex_packs), since the "packed time expressions" migration (issue 9:
// bytes per article). They were a table of their own, a row each: at a
// million synthetic articles 14.6 rows and 524 bytes an article, 8% of
// the store, for data that is only ever read with its article (nothing
// looks time expressions up by value or by span, and no index but the key
// was left). Packed, an article's take ≈ 10 bytes each: spans as varint
// deltas, the type as a code, a value the article already used as a back
// reference, and the text left out when it is the body's bytes at the span
// (as the lean migration does for rows; lean.go).
//
// The format, after the mark packTimexes: the count (uvarint), then per
// time expression a flags byte (bits 0–2 the type code, packOther for a
// type spelled out; bit 3: the text follows; bit 4: the value is a back
// reference), the start as a varint delta from the previous start, the
// length of the span (varint), the type when spelled out, the value (a
// uvarint index into the values seen so far, or a string), the text when
// flagged. A string is its length (uvarint) and its bytes.
const (
	packTimexes = 0x01

	packOther    = 7
	packHasText  = 1 << 3
	packValueRef = 1 << 4
)

// timexTypes are the type codes: the index is the code.
var timexTypes = [...]string{article.Date, article.Time, article.Duration, article.Set}

// packTimexesOf encodes ts for article body body (the text of a time
// expression that is the body's bytes at its span is left out).
// This is the format of the "packed time expressions" migration, which
// that migration's SQL still writes.
func packTimexesOf(body string, ts []article.Timex) []byte {
	b, _ := packTimexesWith(body, ts, nil)
	return b
}

// packTimexesWith is packTimexesOf with the values interned by intern
// (packstrings.go), the format the store writes; nil intern: the older
// one.
func packTimexesWith(body string, ts []article.Timex, intern internFunc) ([]byte, error) {
	p := timexPacker{intern: intern}
	for i := range ts {
		p.add(ts[i].Text, ts[i].Type, ts[i].Value, ts[i].Span[0], ts[i].Span[1], fromBody(body, ts[i].Text, ts[i].Span[0], ts[i].Span[1]))
	}
	return p.bytes(), p.err
}

// timexPacker builds one packed row, a time expression at a time.
type timexPacker struct {
	head   entryHead
	values refTable
	b      []byte
	// intern, when set, makes values pack_strings ids (packstrings.go);
	// its first error sticks in err.
	intern internFunc
	err    error
}

func (p *timexPacker) add(text, typ, value string, start, end int, textFromBody bool) {
	flags := byte(packOther)
	for code, t := range timexTypes {
		if t == typ {
			flags = byte(code)
			break
		}
	}
	if !textFromBody {
		flags |= packHasText
	}
	if p.intern != nil {
		p.b = p.head.append(p.b, flags, start, end)
		if flags&7 == packOther {
			p.b = appendPackString(p.b, typ)
		}
		if p.err == nil {
			p.b, p.err = appendInterned(p.b, &p.values, value, p.intern)
		}
		if !textFromBody {
			p.b = appendPackString(p.b, text)
		}
		return
	}
	ref, seen := p.values.find(value)
	if seen {
		flags |= packValueRef
	}
	p.b = p.head.append(p.b, flags, start, end)
	if flags&7 == packOther {
		p.b = appendPackString(p.b, typ)
	}
	if seen {
		p.b = binary.AppendUvarint(p.b, uint64(ref))
	} else {
		p.b = appendPackString(p.b, value)
		p.values.add(value)
	}
	if !textFromBody {
		p.b = appendPackString(p.b, text)
	}
}

func (p *timexPacker) bytes() []byte {
	if p.intern != nil {
		return packedRow(packTimexesInterned, p.head.n, p.b)
	}
	return packedRow(packTimexes, p.head.n, p.b)
}

// unpackTimexes decodes a packed row for article body body, at most limit
// time expressions (the rest are not decoded), in either format; resolve
// reads interned values (nil: only the older format decodes).
func unpackTimexes(b []byte, body string, limit int, resolve resolveFunc) ([]article.Timex, error) {
	r := packReader{b: b}
	interned := len(b) > 0 && b[0] == packTimexesInterned
	mark := byte(packTimexes)
	if interned {
		mark = packTimexesInterned
	}
	// Every time expression takes at least three bytes.
	n, err := r.header(mark, 3)
	if err != nil {
		return nil, err
	}
	out := make([]article.Timex, 0, min(n, limit))
	var values []string
	var prev int64
	for i := 0; i < n && len(out) < limit; i++ {
		var x article.Timex
		flags := r.head(&prev, &x.Span)
		if code := flags & 7; code == packOther {
			x.Type = r.str()
		} else if int(code) < len(timexTypes) {
			x.Type = timexTypes[code]
		} else {
			return nil, fmt.Errorf("%w: type code %d", errBadPack, code)
		}
		switch {
		case interned && flags&packValueRef != 0:
			return nil, fmt.Errorf("%w: flags %#x", errBadPack, flags)
		case interned:
			x.Value = r.internedStr(&values, resolve)
		case flags&packValueRef != 0:
			k := r.uvarint()
			if k >= uint64(len(values)) {
				return nil, fmt.Errorf("%w: value reference %d", errBadPack, k)
			}
			x.Value = values[k]
		default:
			x.Value = r.str()
			values = append(values, x.Value)
		}
		if flags&packHasText != 0 {
			x.Text = r.str()
		} else {
			x.Text, _ = bodySpan(body, x.Span[0], x.Span[1])
		}
		if flags&^(7|packHasText|packValueRef) != 0 {
			return nil, fmt.Errorf("%w: flags %#x", errBadPack, flags)
		}
		if r.err != nil {
			return nil, r.err
		}
		out = append(out, x)
	}
	return out, nil
}

// timexCounts rewrites the article triggers' count of an article's time
// expressions: the n of its packed row.
var timexCounts = strings.NewReplacer("SELECT count(*) FROM timexes WHERE", "SELECT coalesce(sum(n), 0) FROM timex_packs WHERE")

// timexPacksSQL is the "packed time expressions" migration: each article's
// rows of timexes packed into one timex_packs row, the table dropped, the
// counters' triggers moved to the packed rows (a row adds or takes its n)
// and the article triggers that count an article's analyses rewritten to
// sum n.
func timexPacksSQL() string {
	return `
CREATE TABLE timex_packs (
	article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	-- n: how many time expressions data holds, for the counters.
	n          INTEGER NOT NULL,
	data       BLOB NOT NULL
);
INSERT INTO timex_packs(article_id, n, data)
	SELECT article_id, count(*), parley_pack_timexes(text, type, value, span_start, span_end ORDER BY seq)
	FROM timexes GROUP BY article_id;
DROP TABLE timexes;
CREATE TRIGGER agg_timex_packs_ai AFTER INSERT ON timex_packs WHEN ` + when("NEW") + ` BEGIN
	UPDATE counters SET n = n + NEW.n WHERE name = 'timexes';
END;
CREATE TRIGGER agg_timex_packs_ad AFTER DELETE ON timex_packs WHEN ` + when("OLD") + ` BEGIN
	UPDATE counters SET n = n - OLD.n WHERE name = 'timexes';
END;
` + articleTriggersSQL(timexCounts)
}
