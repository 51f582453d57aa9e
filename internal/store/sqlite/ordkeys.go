package sqlite

import (
	"database/sql/driver"
	"encoding/binary"
	"fmt"
	"strconv"

	"github.com/parley-news/parley/internal/store"
	sqlite3 "modernc.org/sqlite"
)

// A dossier link's order key (store.StanceLink.Order, made by the dossier
// package's orderKey) is text: publication, the article's URL or source,
// then four zero-padded numbers (article id, place, derived, the link's
// place among its statement's), separated by \x01. It is stored twice (in
// dossier_links and its cell index) for every link; the numbers alone were
// 37 of its ≈ 67 bytes. Stored, the numbers are fixed-width big-endian
// binary instead (15 bytes), in a BLOB: bytewise order is kept, since the
// text before them is kept as it is and fixed-width binary numbers sort as
// zero-padded decimal ones (issue 9: bytes per article; migration "compact
// link order keys").

// ordSuffix is the length of a key's numbers as text: \x01 + 19 digits,
// \x01 + 10, \x01 + 1, \x01 + 4; ordPacked is their length packed.
const (
	ordSuffix = 1 + 19 + 1 + 10 + 1 + 1 + 1 + 4
	ordPacked = 8 + 4 + 1 + 2
)

// packOrd is key as stored; ErrInvalid when it is not an order key.
func packOrd(key string) ([]byte, error) {
	if key == "" {
		return []byte{}, nil
	}
	n := len(key)
	if n < ordSuffix || key[n-ordSuffix] != 1 {
		return nil, fmt.Errorf("%w: link order key %q", store.ErrInvalid, key)
	}
	rest := key[n-ordSuffix+1:]
	var nums [4]uint64
	for i, width := range [4]int{19, 10, 1, 4} {
		if len(rest) < width || (i < 3 && (len(rest) == width || rest[width] != 1)) {
			return nil, fmt.Errorf("%w: link order key %q", store.ErrInvalid, key)
		}
		v, err := strconv.ParseUint(rest[:width], 10, 64)
		if err != nil {
			return nil, fmt.Errorf("%w: link order key %q", store.ErrInvalid, key)
		}
		nums[i] = v
		rest = rest[min(width+1, len(rest)):]
	}
	if nums[1] > 1<<32-1 || nums[2] > 255 || nums[3] > 1<<16-1 {
		return nil, fmt.Errorf("%w: link order key %q", store.ErrInvalid, key)
	}
	b := make([]byte, 0, n-ordSuffix+1+ordPacked)
	b = append(b, key[:n-ordSuffix+1]...)
	b = binary.BigEndian.AppendUint64(b, nums[0])
	b = binary.BigEndian.AppendUint32(b, uint32(nums[1]))
	b = append(b, byte(nums[2]))
	b = binary.BigEndian.AppendUint16(b, uint16(nums[3]))
	return b, nil
}

// unpackOrd is the order key a stored value holds: packOrd's BLOB, or
// text as an earlier version stored it.
func unpackOrd(v any) (string, error) {
	switch b := v.(type) {
	case nil:
		return "", nil
	case string:
		return b, nil
	case []byte:
		if len(b) == 0 {
			return "", nil
		}
		n := len(b)
		if n < ordPacked+1 || b[n-ordPacked-1] != 1 {
			return "", fmt.Errorf("stored link order key %q is damaged", b)
		}
		s := b[n-ordPacked:]
		return fmt.Sprintf("%s%019d\x01%010d\x01%d\x01%04d", b[:n-ordPacked], binary.BigEndian.Uint64(s),
			binary.BigEndian.Uint32(s[8:]), s[12], binary.BigEndian.Uint16(s[13:])), nil
	}
	return "", fmt.Errorf("stored link order key of type %T", v)
}

// ordValue scans a stored order key.
type ordValue struct{ key *string }

func (o ordValue) Scan(v any) error {
	k, err := unpackOrd(v)
	*o.key = k
	return err
}

// registerOrdFunctions makes parley_pack_ord(key) known to the driver, for
// the migration that packs the keys of an existing store (a value that is
// not an order key is left as it is).
func registerOrdFunctions() {
	sqlite3.MustRegisterDeterministicScalarFunction("parley_pack_ord", 1, func(_ *sqlite3.FunctionContext, args []driver.Value) (driver.Value, error) {
		s, ok := args[0].(string)
		if !ok {
			return args[0], nil
		}
		b, err := packOrd(s)
		if err != nil {
			return args[0], nil
		}
		return b, nil
	})
}

// ordKeysSQL is the "compact link order keys" migration.
const ordKeysSQL = `
UPDATE dossier_links SET ord = parley_pack_ord(ord);
UPDATE dossier_days SET first = parley_pack_ord(first);
`
