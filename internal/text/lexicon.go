package text

import (
	"strings"
	"unicode/utf8"
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
	}
	return x
}

// Len is the number of words.
func (x *Lexicon[V]) Len() int { return len(x.keys) }

// Get returns the value of w, as m[w] would.
func (x *Lexicon[V]) Get(w string) (V, bool) {
	if len(x.slots) == 0 {
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
	if len(x.slots) == 0 {
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
	if len(x.slots) == 0 {
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
// hashExact(strings.ToLower(w)).
func hashExact(w string) uint32 {
	var h uint64 = uint64(len(w)) * 0x9e3779b97f4a7c15
	i := 0
	for ; i+8 <= len(w); i += 8 {
		c := uint64(w[i]) | uint64(w[i+1])<<8 | uint64(w[i+2])<<16 | uint64(w[i+3])<<24 |
			uint64(w[i+4])<<32 | uint64(w[i+5])<<40 | uint64(w[i+6])<<48 | uint64(w[i+7])<<56
		h = (h ^ c) * 0xff51afd7ed558ccd
	}
	var c uint64
	for j := len(w) - 1; j >= i; j-- {
		c = c<<8 | uint64(w[j])
	}
	h = (h ^ c) * 0xc4ceb9fe1a85ec53
	return uint32(h >> 32)
}

// hashLower is hashExact of w with its ASCII capitals lower-cased; ascii
// is false (and the hash meaningless) when w has a non-ASCII byte.
func hashLower(w string) (h32 uint32, ascii bool) {
	var h uint64 = uint64(len(w)) * 0x9e3779b97f4a7c15
	var high byte
	i := 0
	for ; i+8 <= len(w); i += 8 {
		high |= w[i] | w[i+1] | w[i+2] | w[i+3] | w[i+4] | w[i+5] | w[i+6] | w[i+7]
		c := uint64(lower[w[i]]) | uint64(lower[w[i+1]])<<8 | uint64(lower[w[i+2]])<<16 | uint64(lower[w[i+3]])<<24 |
			uint64(lower[w[i+4]])<<32 | uint64(lower[w[i+5]])<<40 | uint64(lower[w[i+6]])<<48 | uint64(lower[w[i+7]])<<56
		h = (h ^ c) * 0xff51afd7ed558ccd
	}
	var c uint64
	for j := len(w) - 1; j >= i; j-- {
		high |= w[j]
		c = c<<8 | uint64(lower[w[j]])
	}
	h = (h ^ c) * 0xc4ceb9fe1a85ec53
	return uint32(h >> 32), high < utf8.RuneSelf
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
