package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/parley-news/parley/internal/article"
)

// CorrectionTx is what a store gives, inside one write transaction, for
// ApplyOnWrite and AddCorrectionsTx to keep corrections: the rules live
// here once, the SQL in each store.
type CorrectionTx interface {
	// ArticleInfo returns an article's source key, body, publication day
	// and whether it is the current version; ErrNotFound when none.
	ArticleInfo(ctx context.Context, id int64) (source, body, day string, current bool, err error)
	// CurrentBySource returns the current article of a source key (0: none).
	CurrentBySource(ctx context.Context, source string) (int64, error)
	// StatementRow returns the article and position of a statement row;
	// ErrNotFound when none.
	StatementRow(ctx context.Context, id int64) (articleID int64, seq int, err error)
	// Rows reads an article's analyses as its rows hold them.
	Rows(ctx context.Context, id int64) (*article.Article, error)
	// DeleteRows removes an article's statements, mentions, timexes, events.
	DeleteRows(ctx context.Context, id int64) error
	// InsertRows writes a's analyses for article id (creating actors);
	// ids, when not nil, gives each statement row its id (0: a new one).
	InsertRows(ctx context.Context, id int64, day string, a *article.Article, ids []int64) error
	// StatementKeys lists an article's statement rows: id and spans.
	StatementKeys(ctx context.Context, id int64) ([]RowKey, error)
	// Snapshot returns the pipeline's own analyses kept for a corrected
	// article; ok is false when none are kept.
	Snapshot(ctx context.Context, id int64) (x Analyses, ok bool, err error)
	// SetSnapshot keeps (x non-nil) or drops (nil) an article's snapshot.
	SetSnapshot(ctx context.Context, id int64, x *Analyses) error
	// Snapshots lists the articles that have one.
	Snapshots(ctx context.Context) ([]int64, error)
	// ActiveCorrections returns, oldest first, the active merges and, when
	// source is not empty, the statement and add corrections anchored in it.
	ActiveCorrections(ctx context.Context, source string) ([]Correction, error)
	// InsertCorrection stores c (At set) and returns its id.
	InsertCorrection(ctx context.Context, c *Correction) (int64, error)
	// SetStatus records a correction's status and problem.
	SetStatus(ctx context.Context, id int64, status, problem string) error
	// ActorName returns an actor's name by id; ErrNotFound when none.
	ActorName(ctx context.Context, id int64) (string, error)
	// ResolveActor returns the canonical name and kind of the actor a name
	// or an alias names; found is false when none (or several) does.
	ResolveActor(ctx context.Context, name string) (canonical, kind string, found bool, err error)
	// ActorArticles lists the articles (any version) whose rows name the
	// actor with this name.
	ActorArticles(ctx context.Context, name string) ([]int64, error)
	// AddAliases gives the actor named into the aliases (creating it when
	// missing), RemoveAlias takes one away.
	AddAliases(ctx context.Context, into string, aliases []string) error
	RemoveAlias(ctx context.Context, into, alias string) error
	// ActorAliases lists the aliases of the actor with this name.
	ActorAliases(ctx context.Context, name string) ([]string, error)
	// DropActorIfUnused deletes the actor with this name when no row names it.
	DropActorIfUnused(ctx context.Context, name string) error
}

// ApplyOnWrite writes raw, the pipeline's analyses of article id, with the
// active corrections applied: the corrected rows, the raw snapshot when
// they differ, and the statuses of the statement corrections (for the
// current version only). fresh says the article was just inserted (no
// rows and no snapshot to clear).
//
// prev, when not nil, lists the statement rows the article had: a written
// statement at the same spans as one of them keeps its id, so that the ids
// people read stay good while they correct.
func ApplyOnWrite(ctx context.Context, tx CorrectionTx, id int64, source, day string, current, fresh bool, raw *article.Article, prev []RowKey) ([]CorrectionResult, error) {
	anchored := source
	if !current {
		anchored = ""
	}
	cs, err := tx.ActiveCorrections(ctx, anchored)
	if err != nil {
		return nil, fmt.Errorf("corrections: %w", err)
	}
	if len(cs) == 0 {
		if !fresh {
			if err := tx.SetSnapshot(ctx, id, nil); err != nil {
				return nil, err
			}
		}
		return nil, tx.InsertRows(ctx, id, day, raw, keepIDs(raw.Statements, prev))
	}
	out, results, changed := ApplyCorrections(source, raw, cs)
	if changed {
		x := AnalysesOf(raw)
		if err := tx.SetSnapshot(ctx, id, &x); err != nil {
			return nil, err
		}
	} else if !fresh {
		if err := tx.SetSnapshot(ctx, id, nil); err != nil {
			return nil, err
		}
	}
	if err := tx.InsertRows(ctx, id, day, out, keepIDs(out.Statements, prev)); err != nil {
		return nil, err
	}
	if current {
		byID := map[int64]Correction{}
		for _, c := range cs {
			byID[c.ID] = c
		}
		for _, r := range results {
			if c := byID[r.ID]; c.Status == r.Status && c.Problem == r.Problem {
				continue
			}
			if err := tx.SetStatus(ctx, r.ID, r.Status, r.Problem); err != nil {
				return nil, err
			}
		}
	}
	return results, nil
}

// RowKey is a statement row's id and spans.
type RowKey struct {
	ID             int64
	Span, TextSpan article.Span
}

// keepIDs gives each statement the id of the previous row at the same
// spans (0: none); nil when prev is nil.
func keepIDs(sts []article.Statement, prev []RowKey) []int64 {
	if prev == nil {
		return nil
	}
	type key [2]article.Span
	free := map[key][]int64{}
	for _, r := range prev {
		k := key{r.Span, r.TextSpan}
		free[k] = append(free[k], r.ID)
	}
	ids := make([]int64, len(sts))
	used := map[int64]bool{}
	for i, st := range sts {
		k := key{st.Span, st.TextSpan}
		if l := free[k]; len(l) > 0 {
			ids[i], free[k] = l[0], l[1:]
			used[ids[i]] = true
		}
	}
	// A statement whose span an analyst moved keeps the id of the row it
	// overlaps.
	for i, st := range sts {
		if ids[i] != 0 {
			continue
		}
		for _, r := range prev {
			if !used[r.ID] && (r.Span.Overlaps(st.Span) || r.TextSpan.Overlaps(st.TextSpan)) {
				ids[i] = r.ID
				used[r.ID] = true
				break
			}
		}
	}
	return ids
}

// rebuild rewrites article id's rows from its raw analyses (the snapshot,
// else the rows themselves) with the active corrections applied.
func rebuild(ctx context.Context, tx CorrectionTx, id int64) ([]CorrectionResult, error) {
	source, _, day, current, err := tx.ArticleInfo(ctx, id)
	if err != nil {
		return nil, err
	}
	raw, err := tx.Rows(ctx, id)
	if err != nil {
		return nil, err
	}
	snap, ok, err := tx.Snapshot(ctx, id)
	if err != nil {
		return nil, err
	}
	if ok {
		snap.Into(raw)
	}
	prev, err := tx.StatementKeys(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := tx.DeleteRows(ctx, id); err != nil {
		return nil, err
	}
	if prev == nil {
		prev = []RowKey{}
	}
	return ApplyOnWrite(ctx, tx, id, source, day, current, false, raw, prev)
}

// AddCorrectionsTx resolves, checks, stores and applies cs in order, inside
// the caller's transaction; it returns them as stored. An invalid one fails
// the whole call with ErrInvalid (or ErrNotFound for an unknown id).
func AddCorrectionsTx(ctx context.Context, tx CorrectionTx, cs []Correction, now time.Time) ([]Correction, error) {
	out, err := addCorrections(ctx, tx, cs, now)
	var n *numbered
	if errors.As(err, &n) {
		if len(cs) == 1 {
			// One correction: its number says nothing.
			return nil, n.err
		}
		return nil, fmt.Errorf("correction %d: %w", n.i, n.err)
	}
	return out, err
}

// numbered is the error of the i-th correction of a call.
type numbered struct {
	i   int
	err error
}

func (n *numbered) Error() string { return fmt.Sprintf("correction %d: %v", n.i, n.err) }
func (n *numbered) Unwrap() error { return n.err }

func addCorrections(ctx context.Context, tx CorrectionTx, cs []Correction, now time.Time) ([]Correction, error) {
	out := make([]Correction, 0, len(cs))
	// Row ids name rows as they were when the call was made.
	resolved := make([]Correction, len(cs))
	for i := range cs {
		resolved[i] = cs[i]
		if err := resolve(ctx, tx, &resolved[i]); err != nil {
			return nil, &numbered{i + 1, err}
		}
	}
	for i := range resolved {
		c := resolved[i]
		if err := CheckCorrection(&c); err != nil {
			return nil, &numbered{i + 1, err}
		}
		if c.At.IsZero() {
			c.At = now
		}
		c.At = c.At.UTC()
		if c.By == "" {
			c.By = "unknown"
		}
		c.Status, c.Problem = Applied, ""
		var affected []int64
		switch c.Kind {
		case CorrectStatement, CorrectAdd:
			id, err := tx.CurrentBySource(ctx, c.Anchor.Source)
			if err != nil {
				return nil, err
			}
			if id == 0 {
				c.Status, c.Problem = NeedsReview, "no article from this source in the database"
			} else {
				affected = []int64{id}
			}
		case CorrectMerge:
			ids, err := tx.ActorArticles(ctx, c.Actor)
			if err != nil {
				return nil, err
			}
			affected = ids
		case CorrectSplit:
			merges, err := tx.ActiveCorrections(ctx, "")
			if err != nil {
				return nil, err
			}
			var undo int64
			for _, m := range merges {
				if m.Kind == CorrectMerge && SameName(m.Actor, c.Actor) && SameName(m.Into, c.Into) {
					undo = m.ID
				}
			}
			if undo == 0 {
				return nil, &numbered{i + 1, fmt.Errorf("%w: %q was not merged into %q", ErrNoMerge, c.Actor, c.Into)}
			}
			if err := tx.SetStatus(ctx, undo, Undone, fmt.Sprintf("undone by a split on %s", c.At.Format("2006-01-02"))); err != nil {
				return nil, err
			}
			if err := tx.RemoveAlias(ctx, c.Into, c.Actor); err != nil {
				return nil, err
			}
			if affected, err = tx.Snapshots(ctx); err != nil {
				return nil, err
			}
		}
		id, err := tx.InsertCorrection(ctx, &c)
		if err != nil {
			return nil, err
		}
		c.ID = id
		if c.Kind == CorrectMerge {
			aliases, err := tx.ActorAliases(ctx, c.Actor)
			if err != nil {
				return nil, err
			}
			if err := tx.AddAliases(ctx, c.Into, append(aliases, strings.TrimSpace(c.Actor))); err != nil {
				return nil, err
			}
		}
		for _, a := range affected {
			results, err := rebuild(ctx, tx, a)
			if err != nil {
				return nil, &numbered{i + 1, fmt.Errorf("apply to article %d: %w", a, err)}
			}
			for _, r := range results {
				if r.ID == c.ID {
					c.Status, c.Problem = r.Status, r.Problem
				}
			}
		}
		if c.Kind == CorrectMerge {
			if err := tx.DropActorIfUnused(ctx, c.Actor); err != nil {
				return nil, err
			}
		}
		out = append(out, c)
	}
	return out, nil
}

// resolve turns the input ids of c into its portable fields.
func resolve(ctx context.Context, tx CorrectionTx, c *Correction) error {
	switch c.Kind {
	case CorrectStatement:
		if c.StatementID != 0 {
			aid, seq, err := tx.StatementRow(ctx, c.StatementID)
			if err != nil {
				return fmt.Errorf("statement %d: %w", c.StatementID, err)
			}
			source, body, _, current, err := tx.ArticleInfo(ctx, aid)
			if err != nil {
				return err
			}
			if !current {
				return fmt.Errorf("%w: statement %d belongs to an old version of its article; correct the current one", ErrInvalid, c.StatementID)
			}
			rows, err := tx.Rows(ctx, aid)
			if err != nil {
				return err
			}
			if seq < 0 || seq >= len(rows.Statements) {
				return fmt.Errorf("%w: statement %d", ErrNotFound, c.StatementID)
			}
			st := rows.Statements[seq]
			sp := st.Span
			if checkSpan(body, sp) != nil {
				sp = st.TextSpan
			}
			if c.Anchor, err = AnchorAt(source, body, sp); err != nil {
				return err
			}
			if c.Edit != nil {
				if c.Edit.Span != nil {
					if err := checkSpan(body, *c.Edit.Span); err != nil {
						return err
					}
				}
				if err := resolveSpeaker(ctx, tx, c.Edit); err != nil {
					return err
				}
				if c.Before == nil {
					c.Before = StatementBefore(&st)
				}
				if c.After == nil {
					c.After = StatementAfter(st, body, c.Edit)
				}
			}
			c.StatementID = 0
		}
	case CorrectAdd:
		if c.ArticleID != 0 {
			if c.Anchor == nil {
				return fmt.Errorf("%w: an added statement needs its span", ErrInvalid)
			}
			source, body, _, current, err := tx.ArticleInfo(ctx, c.ArticleID)
			if err != nil {
				return fmt.Errorf("article %d: %w", c.ArticleID, err)
			}
			if !current {
				return fmt.Errorf("%w: article %d is an old version; add to the current one", ErrInvalid, c.ArticleID)
			}
			if c.Anchor, err = AnchorAt(source, body, c.Anchor.Span); err != nil {
				return err
			}
			c.ArticleID = 0
		}
		if c.Edit != nil {
			if err := resolveSpeaker(ctx, tx, c.Edit); err != nil {
				return err
			}
			if c.After == nil && c.Anchor != nil {
				st := article.Statement{Kind: article.Indirect, Text: c.Anchor.Quote, TextSpan: c.Anchor.Span}
				c.After = StatementAfter(st, "", c.Edit)
				c.After["span"] = fmt.Sprintf("%d:%d", c.Anchor.Span[0], c.Anchor.Span[1])
			}
		}
	case CorrectMerge, CorrectSplit:
		for _, x := range []struct {
			id   *int64
			name *string
		}{{&c.ActorID, &c.Actor}, {&c.IntoID, &c.Into}} {
			if *x.id == 0 {
				continue
			}
			name, err := tx.ActorName(ctx, *x.id)
			if err != nil {
				return fmt.Errorf("actor %d: %w", *x.id, err)
			}
			*x.name, *x.id = name, 0
		}
		if c.Kind == CorrectSplit && c.Actor == "" && c.Into != "" {
			// Undo the latest merge into Into.
			merges, err := tx.ActiveCorrections(ctx, "")
			if err != nil {
				return err
			}
			for _, m := range merges {
				if m.Kind == CorrectMerge && SameName(m.Into, c.Into) {
					c.Actor = m.Actor
				}
			}
			if c.Actor == "" {
				return fmt.Errorf("%w: nothing was merged into %q", ErrNoMerge, c.Into)
			}
		}
		if c.Before == nil && c.Actor != "" && c.Into != "" {
			c.Before = map[string]string{"actor": c.Actor, "into": c.Into}
			if c.Kind == CorrectMerge {
				c.After = map[string]string{"actor": c.Into, "alias": c.Actor}
			} else {
				c.After = map[string]string{"actor": c.Actor, "split_from": c.Into}
			}
		}
	case CorrectCell:
		if c.Cell != nil && c.After == nil {
			c.After = map[string]string{"stance": c.Cell.Stance}
		}
	}
	return nil
}

// resolveSpeaker replaces the speaker name an analyst typed with the
// canonical name of the actor it names, when one does.
func resolveSpeaker(ctx context.Context, tx CorrectionTx, e *Edit) error {
	name := strings.TrimSpace(e.Speaker)
	if name == "" {
		return nil
	}
	canon, kind, found, err := tx.ResolveActor(ctx, name)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return err
	}
	if found {
		e.Speaker, e.SpeakerKind = canon, kind
	} else {
		e.Speaker = name
		if e.SpeakerKind == "" {
			e.SpeakerKind = article.Person
		}
	}
	return nil
}
