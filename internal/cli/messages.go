package cli

import (
	"strings"

	"github.com/parley-news/parley/internal/errtext"
	"github.com/parley-news/parley/internal/text"
)

// plain is the message a user sees for err (errtext.Plain).
func plain(err error) string { return errtext.Plain(err) }

// suggest returns the command names close to a mistyped one: one or two
// edits away, or one that starts with it.
func suggest(name string, names []string) []string {
	var out []string
	for _, n := range names {
		if d := text.EditDistance(strings.ToLower(name), n); d <= 2 && d < len(n) || (len(name) >= 3 && strings.HasPrefix(n, strings.ToLower(name))) {
			out = append(out, n)
		}
	}
	return out
}
