package text

import (
	"unicode"
	"unicode/utf8"
)

// IsUpper reports whether strings.ToUpper(s) == s, and IsLower whether
// strings.ToLower(s) == s, without building the converted string: the
// stages ask this of words and headlines ("is it set in capitals?"), and
// the conversion allocated for nearly every word it was asked of.
func IsUpper(s string) bool { return unmapped(s, unicode.ToUpper) }

// IsLower: see IsUpper.
func IsLower(s string) bool { return unmapped(s, unicode.ToLower) }

// unmapped reports whether strings.Map(f, s) == s. Map (which ToUpper and
// ToLower use past ASCII) writes an invalid byte as U+FFFD, so such a byte
// counts as changed.
func unmapped(s string, f func(rune) rune) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < utf8.RuneSelf {
			if f(rune(c)) != rune(c) {
				return false
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || f(r) != r {
			return false
		}
		i += n - 1
	}
	return true
}
