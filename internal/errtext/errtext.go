// Package errtext turns errors into the words a user reads, at every
// surface (the command line, the JSON API, the pages): no internal layer
// prefixes ("sqlite: ", "store: "), no sentinel words repeated, and
// "THING not found" for a missing thing.
package errtext

import (
	"errors"
	"strings"

	"github.com/parley-news/parley/internal/store"
)

// layerPrefixes are the package names the stages put before their errors
// ("sqlite: ", "store: "): they tell a developer where an error came from
// and tell a user nothing, so the command line leaves them out.
// joined are the sentinel words that errors.Join puts before the detail,
// dropped with their line break.
var joined = []string{"bad parameter", "invalid input"}

var layerPrefixes = []string{"sqlite: ", "postgres: ", "export: ", "alerts: ", "queue: ", "watch: ", "store: ", "dossier: ", "timeline: ", "facts: ", "pipeline: ", "ingest: ", "web: ", "actors: ", "report: ", "meta: "}

// Plain is the message a user sees for err: no layer prefixes, no sentinel
// words repeated inside it, and "THING not found" for a missing thing
// ("article 99 not found", not "sqlite: article 99: store: not found").
func Plain(err error) string {
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
	// errors.Join puts a sentinel on a line of its own before the detail.
	for _, s := range joined {
		msg = strings.ReplaceAll(msg, s+"\n", "")
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
