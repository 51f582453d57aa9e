package sqlite

import (
	"encoding/binary"
	"errors"
	"fmt"
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

func appendPackString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// appendRefString appends s as a reference to its earlier occurrence in
// seen (uvarint 2i+1) or as itself (uvarint 2·len, then the bytes), and
// returns the grown slices.
func appendRefString(b []byte, seen []string, s string) ([]byte, []string) {
	for i, v := range seen {
		if v == s {
			return binary.AppendUvarint(b, uint64(2*i+1)), seen
		}
	}
	b = binary.AppendUvarint(b, uint64(2*len(s)))
	return append(b, s...), append(seen, s)
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
	if k <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[k:]
	return v
}

func (r *packReader) varint() int64 {
	v, k := binary.Varint(r.b)
	if k <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[k:]
	return v
}

func (r *packReader) str() string {
	n := r.uvarint()
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
	if x&1 == 1 {
		i := x >> 1
		if i >= uint64(len(*seen)) {
			if r.err == nil {
				r.err = fmt.Errorf("%w: reference %d", errBadPack, i)
			}
			r.b = nil
			return ""
		}
		return (*seen)[i]
	}
	n := x >> 1
	if n > uint64(len(r.b)) {
		r.fail()
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	*seen = append(*seen, s)
	return s
}
