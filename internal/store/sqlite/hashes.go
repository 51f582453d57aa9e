package sqlite

import (
	"encoding/hex"
	"fmt"
)

// An article's content hash is a SHA-256 in lowercase hex (contentHash,
// or the hash an exported article carries): 64 bytes as text, stored in
// the row and again in its UNIQUE index. Stored, such a hash is its 32
// bytes, a BLOB; any other value stays the text it is. The mapping is one
// to one (only lowercase hex is packed), and SQLite never finds a BLOB
// equal to a TEXT, so a lookup packs its hash the same way and finds what
// it would have found before (issue 9: bytes per article; migration
// "binary content hashes").

// packHash is hash as stored.
func packHash(hash string) any {
	if len(hash) != 64 {
		return hash
	}
	for i := 0; i < len(hash); i++ {
		if c := hash[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return hash
		}
	}
	b, err := hex.DecodeString(hash)
	if err != nil {
		return hash
	}
	return b
}

// hashValue scans a stored content hash back to its text.
type hashValue struct{ hash *string }

func (h hashValue) Scan(v any) error {
	switch b := v.(type) {
	case string:
		*h.hash = b
	case []byte:
		*h.hash = hex.EncodeToString(b)
	case nil:
		*h.hash = ""
	default:
		return fmt.Errorf("stored content hash of type %T", v)
	}
	return nil
}

// hashesSQL is the "binary content hashes" migration.
const hashesSQL = `
UPDATE articles SET content_hash = unhex(content_hash)
	WHERE typeof(content_hash) = 'text' AND length(content_hash) = 64 AND content_hash NOT GLOB '*[^0-9a-f]*';
`
