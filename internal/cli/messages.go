package cli

import (
	"strings"

	"github.com/parley-news/parley/internal/errtext"
)

// plain is the message a user sees for err (errtext.Plain).
func plain(err error) string { return errtext.Plain(err) }

// suggest returns the command names close to a mistyped one: one or two
// edits away, or one that starts with it.
func suggest(name string, names []string) []string {
	var out []string
	for _, n := range names {
		if d := editDistance(strings.ToLower(name), n); d <= 2 && d < len(n) || (len(name) >= 3 && strings.HasPrefix(n, strings.ToLower(name))) {
			out = append(out, n)
		}
	}
	return out
}

// editDistance is the Levenshtein distance between a and b (bytes; the
// command names are ASCII).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
