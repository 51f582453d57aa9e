// Package fileerr is the one shape of a problem found in a file the user
// wrote (a dossier, a sources file): "file:line:col: message", vale-style,
// every problem of a file reported at once, in file order.
package fileerr

import (
	"fmt"
	"strings"
)

// Error is one problem at a place in a file. Kind is the sentinel the
// caller's package defines (dossier.ErrInvalid, watch.ErrInvalid): every
// Error wraps it, so callers decide with errors.Is.
type Error struct {
	File      string
	Line, Col int
	Msg       string
	Kind      error
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg) }

// Unwrap returns the error's kind.
func (e *Error) Unwrap() error { return e.Kind }

// Errors is every problem found in one file, in file order.
type Errors []*Error

func (es Errors) Error() string {
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap exposes the single errors to errors.Is and errors.As.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}
