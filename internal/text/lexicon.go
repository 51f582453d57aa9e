package text

import (
	"strings"
)

// Lexicon is an immutable table from words to values, looked up many
// times per token by the stages (time words, event word classes, actor
// lexicons). It answers as a Go map would — Get(w) is m[w],
// GetLower(w) is m[strings.ToLower(w)] — but it is built for short
// words: the hash reads a word eight bytes at a time, lower-casing ASCII
// as it goes, so a case-blind lookup needs no lower-cased copy, and a
// miss usually costs one probe of a dense slot array. In the profile of
// issue 9 the Go maps of these lexicons (string hashing, group probing,
// key compares) took ≈ 15% of the pipeline's time.
//
// The zero Lexicon is empty. Build one with NewLexicon.
type Lexicon[V any] struct {
	slots []lexSlot // open addressing, a power of two, at most half full
	keys  []string  // the words, by entry
	vals  []V       // their values, by entry
	mask  uint32
	// lens has bit min(len(k), 63) and firsts bit k[0] set for every key
	// k: a word whose length or first byte no key has is not hashed (most
	// words of a text miss the small sets, and this rejects them cheaply).
	lens   uint64
	firsts [4]uint64
}

// lexSlot is one slot of the table: the word's hash, to skip most
// compares, and its entry plus one (0 is an empty slot).
type lexSlot struct {
	hash  uint32
	entry uint32
}

// NewLexicon builds the table of m. Keys meant for GetLower must be
// lower-case (strings.ToLower of themselves), as the keys of a map
// looked up lower-cased are.
func NewLexicon[V any](m map[string]V) *Lexicon[V] {
	x := &Lexicon[V]{keys: make([]string, 0, len(m)), vals: make([]V, 0, len(m))}
	n := 8
	for n < 2*len(m) {
		n *= 2
	}
	x.slots = make([]lexSlot, n)
	x.mask = uint32(n - 1)
	for k, v := range m {
		x.keys = append(x.keys, k)
		x.vals = append(x.vals, v)
		h := hashExact(k)
		i := h & x.mask
		for x.slots[i].entry != 0 {
			i = (i + 1) & x.mask
		}
		x.slots[i] = lexSlot{hash: h, entry: uint32(len(x.keys))}
		x.lens |= 1 << min(len(k), 63)
		if k != "" {
			x.firsts[k[0]>>6] |= 1 << (k[0] & 63)
		}
	}
	return x
}

// hasFirst reports whether some key starts with byte c.
func (x *Lexicon[V]) hasFirst(c byte) bool { return x.firsts[c>>6]&(1<<(c&63)) != 0 }

// maybe reports whether a key of length n starting with byte c (any when
// n is 0) may be in x; false for the zero Lexicon.
func (x *Lexicon[V]) maybe(n int, c byte) bool {
	return x.lens&(1<<min(n, 63)) != 0 && (n == 0 || x.hasFirst(c))
}

// Len is the number of words.
func (x *Lexicon[V]) Len() int { return len(x.keys) }

// Get returns the value of w, as m[w] would.
func (x *Lexicon[V]) Get(w string) (V, bool) {
	var c byte
	if w != "" {
		c = w[0]
	}
	if !x.maybe(len(w), c) {
		var zero V
		return zero, false
	}
	h := hashExact(w)
	for i := h & x.mask; ; i = (i + 1) & x.mask {
		s := x.slots[i]
		if s.entry == 0 {
			var zero V
			return zero, false
		}
		if s.hash == h && x.keys[s.entry-1] == w {
			return x.vals[s.entry-1], true
		}
	}
}

// Has reports whether w is a word of x.
func (x *Lexicon[V]) Has(w string) bool {
	_, ok := x.Get(w)
	return ok
}

// GetLower returns the value of w lower-cased, as
// m[strings.ToLower(w)] would. ASCII words are lower-cased while they
// are hashed and compared; others go through strings.ToLower.
func (x *Lexicon[V]) GetLower(w string) (V, bool) {
	// strings.ToLower keeps an ASCII first byte first, lower-cased; the
	// length may change when w is not ASCII, so only the first byte is
	// tested before hashing.
	if len(x.slots) == 0 || (w != "" && w[0] < 0x80 && !x.hasFirst(lower[w[0]])) {
		var zero V
		return zero, false
	}
	h, ascii := hashLower(w)
	if !ascii {
		return x.Get(strings.ToLower(w))
	}
	return x.probeLower(h, w)
}

// GetASCIILower returns the value of w with its ASCII capitals
// lower-cased and other bytes kept, as m[ASCIILower(w)] would.
func (x *Lexicon[V]) GetASCIILower(w string) (V, bool) {
	var c byte
	if w != "" {
		c = lower[w[0]]
	}
	if !x.maybe(len(w), c) {
		var zero V
		return zero, false
	}
	h, _ := hashLower(w)
	return x.probeLower(h, w)
}

// probeLower finds the entry of w lower-cased by hashLower's rule, h
// being its hash.
func (x *Lexicon[V]) probeLower(h uint32, w string) (V, bool) {
	for i := h & x.mask; ; i = (i + 1) & x.mask {
		s := x.slots[i]
		if s.entry == 0 {
			var zero V
			return zero, false
		}
		if s.hash == h && equalLower(x.keys[s.entry-1], w) {
			return x.vals[s.entry-1], true
		}
	}
}

// lower maps ASCII capitals to small letters and keeps every other byte.
var lower = func() (t [256]byte) {
	for i := range t {
		t[i] = byte(i)
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = byte(c) + 'a' - 'A'
	}
	return t
}()

// hashExact hashes the bytes of w; hashLower(w) of an ASCII word is
// hashExact(strings.ToLower(w)). Words are read eight bytes at a time;
// the last chunk overlaps the one before it (or, for words under eight
// bytes, two four-byte loads overlap), so every byte is read with few
// loads and no byte loop, and the length is mixed in to tell words that
// share their chunks apart.
func hashExact(w string) uint32 {
	h := uint64(len(w)) * 0x9e3779b97f4a7c15
	n := len(w)
	switch {
	case n >= 8:
		for i := 0; i+8 < n; i += 8 {
			h = (h ^ Load64(w, i)) * 0xff51afd7ed558ccd
		}
		h = (h ^ Load64(w, n-8)) * 0xc4ceb9fe1a85ec53
	case n >= 4:
		h = (h ^ (uint64(load32(w, 0)) | uint64(load32(w, n-4))<<32)) * 0xc4ceb9fe1a85ec53
	case n > 0:
		h = (h ^ (uint64(w[0]) | uint64(w[n>>1])<<8 | uint64(w[n-1])<<16)) * 0xc4ceb9fe1a85ec53
	}
	return uint32(h >> 32)
}

// hashLower is hashExact of w with its ASCII capitals lower-cased (other
// bytes kept); ascii is false when w has a non-ASCII byte.
func hashLower(w string) (h32 uint32, ascii bool) {
	h := uint64(len(w)) * 0x9e3779b97f4a7c15
	n := len(w)
	var high uint64
	switch {
	case n >= 8:
		for i := 0; i+8 < n; i += 8 {
			c := Load64(w, i)
			high |= c
			h = (h ^ lower64(c)) * 0xff51afd7ed558ccd
		}
		c := Load64(w, n-8)
		high |= c
		h = (h ^ lower64(c)) * 0xc4ceb9fe1a85ec53
	case n >= 4:
		c := uint64(load32(w, 0)) | uint64(load32(w, n-4))<<32
		high = c
		h = (h ^ lower64(c)) * 0xc4ceb9fe1a85ec53
	case n > 0:
		c := uint64(w[0]) | uint64(w[n>>1])<<8 | uint64(w[n-1])<<16
		high = c
		h = (h ^ lower64(c)) * 0xc4ceb9fe1a85ec53
	}
	return uint32(h >> 32), high&0x8080808080808080 == 0
}

// Load64 and load32 read eight and four bytes of w from i, little-endian
// (the compiler makes each one load). Load64 is exported for the other
// byte scanners that test eight bytes at once (meta, pipeline).
func Load64(w string, i int) uint64 {
	w = w[i : i+8]
	return uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
		uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
}

func load32(w string, i int) uint32 {
	w = w[i : i+4]
	return uint32(w[0]) | uint32(w[1])<<8 | uint32(w[2])<<16 | uint32(w[3])<<24
}

// lower64 lower-cases the ASCII capitals among the eight bytes of c and
// keeps every other byte, non-ASCII ones included: a byte b gets 0x20
// when 'A' <= b <= 'Z', found by adding to the low seven bits of each
// byte (no carry between bytes) and reading the high bit.
func lower64(c uint64) uint64 {
	const low7 = 0x7f7f7f7f7f7f7f7f
	const high = 0x8080808080808080
	x := c & low7
	geA := x + 0x3f3f3f3f3f3f3f3f // high bit set: low seven bits >= 'A'
	gtZ := x + 0x2525252525252525 // high bit set: low seven bits > 'Z'
	upper := geA &^ gtZ &^ c & high
	return c | upper>>2
}

// equalLower reports whether key == w with w's ASCII capitals
// lower-cased.
func equalLower(key, w string) bool {
	if len(key) != len(w) {
		return false
	}
	for i := 0; i < len(w); i++ {
		if key[i] != lower[w[i]] {
			return false
		}
	}
	return true
}
