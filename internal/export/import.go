package export

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/pipeline"
	"github.com/parley-news/parley/internal/store"
)

// ImportOptions say how Import stores what it reads.
type ImportOptions struct {
	// Reanalyze, when set, redoes each article's analyses before it is
	// stored (`parley ingest --reanalyze`); nil stores them as read.
	Reanalyze func(ctx context.Context, a *article.Article) error
	// Batch is how many articles one transaction saves (default 64).
	Batch int
	// Saved is called for each article stored (or found a duplicate).
	Saved func(a *article.Article, res store.SaveResult)
	// Failed is called for each line that could not be read or stored;
	// the import goes on.
	Failed func(err error)
	// Unknown is called for each record of a type this package does not
	// know (nil: skipped).
	Unknown func(rec Record) error
}

// ImportResult counts what Import did.
type ImportResult struct {
	Kind   Kind
	Read   int // article records read
	Failed int // lines that failed
	Other  int // records of other types, skipped or handed to Unknown
	// Corrections counts the corrections added (after every article).
	Corrections int
	Status      map[store.SaveStatus]int
}

// Import reads an export or extract output from r and saves its articles
// in st, in batches, in file order (so version chains are rebuilt).
// name is used in error messages. Analyses are stored as read unless
// opt.Reanalyze is set. The article ids of the input are not kept: the
// store gives its own.
func Import(ctx context.Context, st store.Store, r io.Reader, name string, opt ImportOptions) (ImportResult, error) {
	res := ImportResult{Status: map[store.SaveStatus]int{}}
	if opt.Batch <= 0 {
		opt.Batch = 64
	}
	failed := func(err error) {
		res.Failed++
		if opt.Failed != nil {
			opt.Failed(fmt.Errorf("%s: %w", name, err))
		}
	}
	rd := NewReader(r)
	var batch []*article.Article
	var fixes []store.Correction // applied once every article is in
	var fixLines []int
	saveCtx := context.WithoutCancel(ctx)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		saved, err := st.SaveArticles(saveCtx, batch)
		if err != nil {
			return fmt.Errorf("%s: saving %d articles: %w", name, len(batch), err)
		}
		for i, sv := range saved {
			res.Status[sv.Status]++
			if opt.Saved != nil {
				opt.Saved(batch[i], sv)
			}
		}
		batch = batch[:0]
		return nil
	}
	for {
		if err := ctx.Err(); err != nil {
			if ferr := flush(); ferr != nil {
				return res, ferr
			}
			return res, err
		}
		rec, err := rd.Next()
		res.Kind = rd.Kind()
		if errors.Is(err, io.EOF) {
			break
		}
		if errors.Is(err, ErrBadRecord) {
			failed(err)
			continue
		}
		if err != nil {
			return res, fmt.Errorf("%s: %w", name, err)
		}
		switch rec.Type {
		case TypeHeader:
			continue
		case TypeCorrection:
			c := *rec.Correction
			c.ID, c.Status, c.Problem = 0, "", ""
			fixes = append(fixes, c)
			fixLines = append(fixLines, rec.Line)
			continue
		case TypeArticle:
		default:
			res.Other++
			if opt.Unknown != nil {
				if err := opt.Unknown(rec); err != nil {
					failed(fmt.Errorf("line %d: %w", rec.Line, err))
				}
			}
			continue
		}
		res.Read++
		a := rec.Article.Article
		if opt.Reanalyze != nil {
			if err := opt.Reanalyze(ctx, a); err != nil {
				failed(fmt.Errorf("line %d: %w", rec.Line, err))
				continue
			}
		}
		if err := Validate(a); err != nil {
			failed(fmt.Errorf("line %d: %w", rec.Line, err))
			continue
		}
		if a.ContentHash == "" {
			a.ContentHash = pipeline.ContentHash(a.Title, a.Body)
		}
		batch = append(batch, a)
		if len(batch) >= opt.Batch {
			if err := flush(); err != nil {
				return res, err
			}
		}
	}
	if err := flush(); err != nil {
		return res, err
	}
	// One at a time, in file order: a correction the store refuses is
	// reported with its line, the others still apply.
	for i := range fixes {
		if _, err := st.AddCorrections(saveCtx, fixes[i:i+1]); err != nil {
			failed(fmt.Errorf("line %d: correction: %w", fixLines[i], err))
			continue
		}
		res.Corrections++
	}
	return res, nil
}
