package sqlite

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
)

// Interned strings in packed rows (issue 9: bytes per article). The names
// of the actors that mentions name and the values of time expressions
// ("2031-02-03", "P1M", "PRESENT_REF") were written out in full in every
// packed row that used them: at a million synthetic articles about 100 of
// a mention row's 175 bytes were names and 84 of a time-expression row's
// 141 were values, although a whole store holds only some thousands of
// distinct ones. Rows written since the "interned pack strings" migration
// (the formats' marks packMentionsInterned and packTimexesInterned) store
// each such string once per store, in pack_strings, and refer to it by id;
// inside a row a string met again is still a back reference to its first
// occurrence, which takes one byte. Rows written before keep their format
// and read as before.
//
// A reference is a uvarint x: odd, a back reference to the row's
// (x>>1)-th distinct string; even, the pack_strings id x>>1, id 0 being
// the empty string (which has no row). pack_strings rows are never
// deleted or changed, so an id once read means the same string for good:
// the writer's cache (Store.stringIDs) needs no invalidation beyond a
// rolled-back transaction, and a damaged reference is an error, never a
// wrong string.
const (
	packTimexesInterned  = 0x02
	packMentionsInterned = 0x02
)

// packStringsSQL is the "interned pack strings" migration. s is a BLOB so
// that any bytes, NUL included, round-trip exactly (the driver cuts TEXT
// arguments at a NUL byte) and compare bytewise.
const packStringsSQL = `
CREATE TABLE pack_strings (
	id INTEGER PRIMARY KEY,
	s  BLOB NOT NULL UNIQUE
);
`

// internFunc returns the pack_strings id of s, adding it when new; 0 for "".
type internFunc func(s string) (int64, error)

// resolveFunc returns the string of a pack_strings id; "" for 0.
type resolveFunc func(id int64) (string, error)

// errNoResolver is an interned packed row read where no pack_strings
// lookup was given: a programming error, reported rather than guessed.
var errNoResolver = errors.New("interned packed row read without a string lookup")

// appendInterned appends s as a back reference to its earlier occurrence
// in seen (uvarint 2i+1) or as its pack_strings id (uvarint 2·id).
func appendInterned(b []byte, seen *refTable, s string, intern internFunc) ([]byte, error) {
	if i, ok := seen.find(s); ok {
		return binary.AppendUvarint(b, uint64(2*i+1)), nil
	}
	id, err := intern(s)
	if err != nil {
		return b, err
	}
	seen.add(s)
	return binary.AppendUvarint(b, uint64(2*id)), nil
}

// internedStr reads what appendInterned wrote, growing seen.
func (r *packReader) internedStr(seen *[]string, resolve resolveFunc) string {
	x := r.uvarint()
	if r.err != nil {
		return ""
	}
	if x&1 == 1 {
		if i := x >> 1; i < uint64(len(*seen)) {
			return (*seen)[i]
		}
		r.err = fmt.Errorf("%w: reference %d", errBadPack, x>>1)
		r.b = nil
		return ""
	}
	if resolve == nil {
		r.err, r.b = errNoResolver, nil
		return ""
	}
	s, err := resolve(int64(x >> 1))
	if err != nil {
		r.err, r.b = err, nil
		return ""
	}
	*seen = append(*seen, s)
	return s
}

// intern is the writer's internFunc for c's transaction: the id from the
// store's cache, else read, else inserted. It reads before it writes, as
// id does: a write opens a statement savepoint, and each makes FTS5 flush.
func (c *actorCache) intern(ctx context.Context) internFunc {
	return func(s string) (int64, error) {
		if s == "" {
			return 0, nil
		}
		if id, ok := c.strs[s]; ok {
			return id, nil
		}
		var id int64
		err := c.stmt(ctx, c.prep.stringByValue).QueryRowContext(ctx, []byte(s)).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			err = c.stmt(ctx, c.prep.stringAdd).QueryRowContext(ctx, []byte(s)).Scan(&id)
		}
		if err != nil {
			return 0, fmt.Errorf("pack string: %w", err)
		}
		if c.strs != nil {
			c.strs[s] = id
		}
		return id, nil
	}
}

// stringResolver is a resolveFunc reading pack_strings in tx, each id
// once.
func stringResolver(ctx context.Context, tx *sql.Tx) resolveFunc {
	memo := map[int64]string{}
	return func(id int64) (string, error) {
		if id == 0 {
			return "", nil
		}
		if s, ok := memo[id]; ok {
			return s, nil
		}
		var b []byte
		err := tx.QueryRowContext(ctx, `SELECT s FROM pack_strings WHERE id = ?`, id).Scan(&b)
		if errors.Is(err, sql.ErrNoRows) {
			return "", fmt.Errorf("%w: no string %d", errBadPack, id)
		}
		if err != nil {
			return "", err
		}
		memo[id] = string(b)
		return string(b), nil
	}
}
