package cli

import (
	"errors"
	"strings"

	"github.com/parley-news/parley/internal/store"
)

// layerPrefixes are the package names the stages put before their errors
// ("sqlite: ", "store: "): they tell a developer where an error came from
// and tell a user nothing, so the command line leaves them out.
var layerPrefixes = []string{"sqlite: ", "store: ", "dossier: ", "timeline: ", "facts: ", "pipeline: ", "ingest: ", "web: ", "actors: ", "report: ", "meta: "}

// plain is the message a user sees for err: no layer prefixes, no sentinel
// words repeated inside it, and "THING not found" for a missing thing
// ("article 99 not found", not "sqlite: article 99: store: not found").
func plain(err error) string {
	if err == nil {
		return ""
	}
	msg := err.Error()
	if errors.Is(err, store.ErrNotFound) {
		// The first segment that is not a layer names the thing.
		for _, seg := range strings.Split(msg, ": ") {
			seg = strings.TrimSpace(seg)
			if seg == "" || isLayer(seg+": ") || seg == "not found" || seg == "store" {
				continue
			}
			return seg + " not found"
		}
		return "not found"
	}
	for _, s := range []string{store.ErrInvalid.Error() + ": ", store.ErrInvalid.Error()} {
		msg = strings.ReplaceAll(msg, s, "")
	}
	for _, p := range layerPrefixes {
		msg = strings.ReplaceAll(msg, ": "+p, ": ")
		msg = strings.ReplaceAll(msg, "\n"+p, "\n")
	}
	for changed := true; changed; {
		changed = false
		for _, p := range layerPrefixes {
			if strings.HasPrefix(msg, p) {
				msg, changed = msg[len(p):], true
			}
		}
	}
	return strings.TrimSpace(msg)
}

func isLayer(s string) bool {
	for _, p := range layerPrefixes {
		if s == p {
			return true
		}
	}
	return false
}

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
