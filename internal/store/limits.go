package store

import (
	"errors"
	"fmt"

	"github.com/parley-news/parley/internal/article"
)

// Caps on one article, so that one hostile input cannot become gigabytes of
// analyses to store and pages to render. The ingest reader caps the text
// (ingest.Config.MaxText, 1 MiB by default); these cap what the analyses
// of it may hold.
const (
	// MaxBody is the longest article body stored, in bytes.
	MaxBody = 2 << 20
	// MaxStatements is the most statements one article may have.
	MaxStatements = 5000
	// MaxAnalyses is the most statements, mentions, time expressions and
	// events one article may have, all together.
	MaxAnalyses = 50000
)

// ErrTooBig: an article over one of the caps above (stores report it
// wrapped in ErrInvalid too).
var ErrTooBig = errors.New("article over the size limits")

// CheckSize reports an article over the caps, saying which.
func CheckSize(a *article.Article) error {
	if a == nil {
		return nil
	}
	n := len(a.Statements) + len(a.Mentions) + len(a.Timexes) + len(a.Events)
	switch {
	case len(a.Body) > MaxBody:
		return fmt.Errorf("%w: body of %d KiB, over %d KiB", ErrTooBig, len(a.Body)>>10, MaxBody>>10)
	case len(a.Statements) > MaxStatements:
		return fmt.Errorf("%w: %d statements, over %d", ErrTooBig, len(a.Statements), MaxStatements)
	case n > MaxAnalyses:
		return fmt.Errorf("%w: %d analyses, over %d", ErrTooBig, n, MaxAnalyses)
	}
	return nil
}
