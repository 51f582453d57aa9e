package sqlite

import (
	"database/sql/driver"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"

	sqlite3 "modernc.org/sqlite"

	"github.com/parley-news/parley/internal/article"
)

// Packed analyses: an article's time expressions (timexpack.go) and
// mentions (mentionpack.go) are each stored as one row of bytes rather
// than a row apiece (issue 9: bytes per article). They are only ever read
// with their article, so nothing is lost that an index served, and one row
// an article costs one B-tree cell and one trigger run instead of fifteen
// or twenty. The helpers below are the formats' common parts: varints,
// strings (a uvarint length and the bytes), and strings that may refer
// back to one the row already holds.

// errBadPack is a packed row that does not decode: a damaged file.
var errBadPack = errors.New("stored analyses do not decode")

// entryHead writes what every entry of a packed row starts with: a flags
// byte, the start of its span as a varint delta from the previous entry's,
// and the span's length (a varint: spans from hostile input may run
// backwards); it counts the entries.
type entryHead struct {
	n    int
	prev int
}

func (h *entryHead) append(b []byte, flags byte, start, end int) []byte {
	b = append(b, flags)
	b = binary.AppendVarint(b, int64(start)-int64(h.prev))
	b = binary.AppendVarint(b, int64(end)-int64(start))
	h.prev = start
	h.n++
	return b
}

// packedRow is a packed row: the format's mark, the count, the entries.
func packedRow(mark byte, n int, entries []byte) []byte {
	out := make([]byte, 0, len(entries)+binary.MaxVarintLen64+1)
	out = append(out, mark)
	out = binary.AppendUvarint(out, uint64(n))
	return append(out, entries...)
}

func appendPackString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// refTable holds the distinct strings a packed row has written, in order,
// for back references: a slice while short, indexed by a map past
// refScan entries (an article of thousands of distinct names, hostile or
// not, must not cost a scan of them all per name).
type refTable struct {
	list []string
	idx  map[string]int
}

const refScan = 16

func (t *refTable) find(s string) (int, bool) {
	if t.idx != nil {
		i, ok := t.idx[s]
		return i, ok
	}
	for i, v := range t.list {
		if v == s {
			return i, true
		}
	}
	return 0, false
}

// add appends s, which find did not find.
func (t *refTable) add(s string) {
	t.list = append(t.list, s)
	switch {
	case t.idx != nil:
		t.idx[s] = len(t.list) - 1
	case len(t.list) > refScan:
		t.idx = make(map[string]int, 2*len(t.list))
		for i, v := range t.list {
			t.idx[v] = i
		}
	}
}

// appendRefString appends s as a reference to its earlier occurrence in
// seen (uvarint 2i+1) or as itself (uvarint 2·len, then the bytes).
func appendRefString(b []byte, seen *refTable, s string) []byte {
	if i, ok := seen.find(s); ok {
		return binary.AppendUvarint(b, uint64(2*i+1))
	}
	seen.add(s)
	b = binary.AppendUvarint(b, uint64(2*len(s)))
	return append(b, s...)
}

// packReader reads a packed row; the first fault sticks in err and every
// later read returns a zero value.
type packReader struct {
	b   []byte
	err error
}

func (r *packReader) fail() {
	if r.err == nil {
		r.err = fmt.Errorf("%w: truncated", errBadPack)
	}
	r.b = nil
}

func (r *packReader) byte() byte {
	if len(r.b) == 0 {
		r.fail()
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *packReader) uvarint() uint64 {
	v, k := binary.Uvarint(r.b)
	return took(r, v, k)
}

func (r *packReader) varint() int64 {
	v, k := binary.Varint(r.b)
	return took(r, v, k)
}

// took consumes the k bytes a varint of value v took (k <= 0: none could
// be read).
func took[T uint64 | int64](r *packReader, v T, k int) T {
	if k <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[k:]
	return v
}

// header checks the format's mark and reads the count. A count past what
// the row's bytes can hold (each entry takes at least minEntry) is damage,
// not an allocation to make.
func (r *packReader) header(mark byte, minEntry int) (int, error) {
	if r.byte() != mark {
		return 0, fmt.Errorf("%w: unknown format", errBadPack)
	}
	n := r.uvarint()
	if r.err != nil || n > uint64(len(r.b)/minEntry+1) {
		return 0, fmt.Errorf("%w: bad count", errBadPack)
	}
	return int(n), nil
}

// head reads what entryHead wrote: the flags, and the span into span.
func (r *packReader) head(prev *int64, span *article.Span) byte {
	flags := r.byte()
	start := *prev + r.varint()
	end := start + r.varint()
	*prev = start
	*span = article.Span{int(start), int(end)}
	return flags
}

func (r *packReader) str() string { return r.take(r.uvarint()) }

// take reads n bytes as a string.
func (r *packReader) take(n uint64) string {
	if n > uint64(len(r.b)) {
		r.fail()
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

// refStr reads what appendRefString wrote, growing seen.
func (r *packReader) refStr(seen *[]string) string {
	x := r.uvarint()
	if x&1 == 0 {
		s := r.take(x >> 1)
		*seen = append(*seen, s)
		return s
	}
	if i := x >> 1; i < uint64(len(*seen)) {
		return (*seen)[i]
	}
	if r.err == nil {
		r.err = fmt.Errorf("%w: reference %d", errBadPack, x>>1)
	}
	r.b = nil
	return ""
}

// rowPacker is a packed format's builder, as the migrations' aggregates
// drive it: per row, its text, two strings (the type, and the value or the
// actor's name) and its span; a NULL text is the body's bytes at the span.
type rowPacker interface {
	add(text, s1, s2 string, start, end int, textFromBody bool)
	bytes() []byte
}

// packAgg is an SQL aggregate that packs the rows it steps over with p:
// parley_pack_timexes and parley_pack_mentions(text, type, value or
// actor_name, span_start, span_end ORDER BY seq).
type packAgg struct {
	name string
	p    rowPacker
}

func (a *packAgg) Step(_ *sqlite3.FunctionContext, args []driver.Value) error {
	text, textOK := args[0].(string)
	s1, _ := args[1].(string)
	s2, _ := args[2].(string)
	start, ok1 := args[3].(int64)
	end, ok2 := args[4].(int64)
	if !ok1 || !ok2 {
		return fmt.Errorf("%s: spans must be integers", a.name)
	}
	// The driver's values do not outlive the call.
	a.p.add(strings.Clone(text), strings.Clone(s1), strings.Clone(s2), int(start), int(end), !textOK)
	return nil
}

func (a *packAgg) WindowInverse(*sqlite3.FunctionContext, []driver.Value) error {
	return fmt.Errorf("%s: not a window function", a.name)
}

func (a *packAgg) WindowValue(*sqlite3.FunctionContext) (driver.Value, error) {
	return a.p.bytes(), nil
}

func (a *packAgg) Final(*sqlite3.FunctionContext) {}

// registerPackAggregate registers aggregate name, packing with a new
// packer from newPacker for each group.
func registerPackAggregate(name string, newPacker func() rowPacker) {
	sqlite3.MustRegisterFunction(name, &sqlite3.FunctionImpl{
		NArgs:         5,
		Deterministic: true,
		MakeAggregate: func(sqlite3.FunctionContext) (sqlite3.AggregateFunction, error) {
			return &packAgg{name: name, p: newPacker()}, nil
		},
	})
}
