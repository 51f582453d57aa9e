package sqlite

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// orderKey builds a key as the dossier package does.
func orderKey(published, article string, id int64, seq, derived, n int) string {
	return fmt.Sprintf("%s\x01%s\x01%019d\x01%010d\x01%d\x01%04d", published, article, id, seq, derived, n)
}

// TestPackOrd: keys read back as they were, and packed keys sort as the
// keys do, bytewise, including keys whose text is a prefix of another's.
func TestPackOrd(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	pubs := []string{"", "2022-02-14", "2022-02-14T09:30:00Z", "2022-02", "2022-02-14T09:30:00+03:00"}
	arts := []string{"", "a", "ab", "abc", "https://example.com/a", "https://example.com/a/b", "src-1", "é"}
	var keys []string
	for range 2000 {
		keys = append(keys, orderKey(pubs[r.IntN(len(pubs))], arts[r.IntN(len(arts))], r.Int64N(1<<40), r.IntN(300), r.IntN(2), r.IntN(10000)))
	}
	keys = append(keys, orderKey("", "", 0, 0, 0, 0), orderKey("9", "z", 1<<62, 9999999999%(1<<32), 1, 9999), "")
	packed := make([][]byte, len(keys))
	for i, k := range keys {
		p, err := packOrd(k)
		if err != nil {
			t.Fatalf("%q: %v", k, err)
		}
		back, err := unpackOrd(p)
		if err != nil || back != k {
			t.Fatalf("%q read back as %q, %v", k, back, err)
		}
		if k != "" && len(p) != len(k)-ordSuffix+1+ordPacked {
			t.Errorf("%q packed to %d bytes", k, len(p))
		}
		packed[i] = p
	}
	for range 20000 {
		i, j := r.IntN(len(keys)), r.IntN(len(keys))
		if want, got := strings.Compare(keys[i], keys[j]), bytes.Compare(packed[i], packed[j]); want != got {
			t.Fatalf("%q vs %q: %d, packed %d", keys[i], keys[j], want, got)
		}
	}
	for _, bad := range []string{"x", "2022\x01a\x01123", orderKey("d", "a", 1, 1, 1, 1) + "0", strings.Replace(orderKey("d", "a", 1, 1, 1, 1), "\x011\x01", "\x01x\x01", 1)} {
		if _, err := packOrd(bad); err == nil {
			t.Errorf("%q packed", bad)
		}
	}
	if _, err := unpackOrd([]byte("damaged")); err == nil {
		t.Error("a damaged key read back")
	}
}

// FuzzPackOrd: whatever packs reads back the same; nothing panics.
func FuzzPackOrd(f *testing.F) {
	f.Add(orderKey("2022-02-14", "https://example.com/a", 42, 3, 1, 2))
	f.Add("\x01\x01\x01\x01")
	f.Fuzz(func(t *testing.T, key string) {
		p, err := packOrd(key)
		if err != nil {
			return
		}
		back, err := unpackOrd(p)
		if err != nil || back != key {
			t.Fatalf("%q read back as %q, %v", key, back, err)
		}
	})
}
