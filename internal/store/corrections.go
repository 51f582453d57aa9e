package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parley-news/parley/internal/article"
)

// Corrections are an analyst's fixes to what the pipeline found: a
// statement's speaker, kind, date or span changed, a false statement
// deleted, a missed one added, two actors merged (or a merge undone), a
// stance cell set by hand. Each is kept with who made it, when, why and what
// it changed: the audit log.
//
// A correction names no database row: a statement is anchored by its
// article's source key (URL, else Source) and the statement's span in the
// body with the text found there; an actor by its name; a cell by the
// dossier's negotiation, the party and the issue. The stores apply the
// corrections inside the same transaction every time analyses are written
// (SaveArticle, SaveArticles, ReplaceAnalyses) and when one is added, by
// rewriting the rows: what is read back is always the corrected record.
// They keep the pipeline's own output of a corrected article beside it, so
// a correction can later be undone or re-applied on top of fresh analyses.
//
// A statement correction whose anchor is no longer found (the article
// changed, or the pipeline no longer finds a statement there) stays in the
// log with Status NeedsReview and the Problem said in words: it is never
// dropped, and applies again if the anchor comes back.

// Correction kinds (Correction.Kind).
const (
	// CorrectStatement changes a statement's speaker, kind, date or span,
	// or deletes it (Edit.Delete).
	CorrectStatement = "statement"
	// CorrectAdd adds a statement the pipeline missed: Anchor is its span.
	CorrectAdd = "add"
	// CorrectMerge makes actor Actor one with actor Into: Actor's
	// statements, mentions and events count for Into, its name becomes
	// an alias of Into.
	CorrectMerge = "merge"
	// CorrectSplit undoes the merge of Actor into Into.
	CorrectSplit = "split"
	// CorrectCell sets the stance of one cell of a dossier's matrix.
	CorrectCell = "cell"
)

// Correction statuses (Correction.Status).
const (
	// Applied: the correction holds in the record.
	Applied = "applied"
	// NeedsReview: the correction could not be applied (its anchor is no
	// longer found); it is kept, and applies again if the anchor returns.
	NeedsReview = "needs-review"
	// Undone: a merge undone by a later split.
	Undone = "undone"
)

// DateCorrected is the DateBasis of a statement date set by an analyst.
const DateCorrected = "corrected"

// Correction is one analyst's fix. It needs no database ids: the same value
// moves between databases (export, import). The *ID fields are input only:
// AddCorrections resolves them to the portable fields and clears them.
type Correction struct {
	ID   int64  `json:"id,omitempty"`
	Kind string `json:"kind"`
	// By is who made it (a user name); At when (set by the store when zero).
	By string    `json:"by"`
	At time.Time `json:"at"`
	// Note says why; required.
	Note string `json:"note"`

	// Anchor locates the statement (CorrectStatement, CorrectAdd).
	Anchor *Anchor `json:"anchor,omitempty"`
	// Edit is what changes in the statement (CorrectStatement, CorrectAdd).
	Edit *Edit `json:"edit,omitempty"`
	// Actor and Into are actor names (CorrectMerge, CorrectSplit).
	Actor string `json:"actor,omitempty"`
	Into  string `json:"into,omitempty"`
	// Cell is the stance cell set (CorrectCell).
	Cell *Cell `json:"cell,omitempty"`

	// Before and After say what it changed, as recorded when it was made.
	Before map[string]string `json:"before,omitempty"`
	After  map[string]string `json:"after,omitempty"`
	// Status is Applied, NeedsReview or Undone; Problem says why it needs
	// review. Both are kept up to date by the store.
	Status  string `json:"status,omitempty"`
	Problem string `json:"problem,omitempty"`

	// Input only, resolved by AddCorrections: the statement row to correct
	// (CorrectStatement), the article to add a statement to (CorrectAdd, with
	// Anchor.Span set), the actors to merge or split (ActorID, IntoID).
	StatementID int64 `json:"statement_id,omitempty"`
	ArticleID   int64 `json:"article_id,omitempty"`
	ActorID     int64 `json:"actor_id,omitempty"`
	IntoID      int64 `json:"into_id,omitempty"`
}

// Anchor locates a stretch of an article's body in a way that outlives
// row ids, re-analysis and new versions of the article.
type Anchor struct {
	// Source is the article's source key: its URL, else its Source.
	Source string `json:"source"`
	// Span is the byte offsets of the stretch in the body when the
	// correction was made; Quote the text found there.
	Span  article.Span `json:"span"`
	Quote string       `json:"quote"`
}

// Edit is the change a statement correction makes; empty fields are left
// as they are.
type Edit struct {
	// Speaker is the new speaker's name (resolved to an existing actor's
	// canonical name when it names one or one of its aliases).
	Speaker     string `json:"speaker,omitempty"`
	SpeakerKind string `json:"speaker_kind,omitempty"`
	// Kind is article.Direct, Indirect or Mixed.
	Kind string `json:"kind,omitempty"`
	// Date is YYYY, YYYY-MM or YYYY-MM-DD; ClearDate removes the date.
	Date      string `json:"date,omitempty"`
	ClearDate bool   `json:"clear_date,omitempty"`
	// Span is the statement's new text span (byte offsets in the body).
	Span *article.Span `json:"span,omitempty"`
	// Delete removes the statement.
	Delete bool `json:"delete,omitempty"`
}

// Cell is a stance set by hand for one cell of a dossier's matrix.
type Cell struct {
	// Dossier is the dossier's negotiation name.
	Dossier string `json:"dossier"`
	Party   string `json:"party"`
	Issue   string `json:"issue"`
	Stance  string `json:"stance"`
}

// CorrectionQuery selects corrections; they are listed newest first.
type CorrectionQuery struct {
	// Kind keeps corrections of one kind.
	Kind string
	// Status keeps corrections with this status (NeedsReview: the flagged ones).
	Status string
	// Source keeps corrections anchored in articles of this source key.
	Source string
	// Limit caps the rows (<= 0: DefaultLimit; at most MaxLimit).
	Limit int
	// After continues after the correction with this id (keyset paging).
	After int64
}

// AnchorAt returns the anchor of span in an article with this source key and body.
func AnchorAt(source, body string, span article.Span) (*Anchor, error) {
	if err := checkSpan(body, span); err != nil {
		return nil, err
	}
	return &Anchor{Source: source, Span: span, Quote: body[span[0]:span[1]]}, nil
}

func checkSpan(body string, span article.Span) error {
	if span[0] < 0 || span[1] > len(body) || span[0] >= span[1] {
		return fmt.Errorf("%w: span %d:%d is outside the body (0:%d) or empty", ErrInvalid, span[0], span[1], len(body))
	}
	if !utf8.ValidString(body[span[0]:span[1]]) || !boundary(body, span[0]) || !boundary(body, span[1]) {
		return fmt.Errorf("%w: span %d:%d cuts a character in two", ErrInvalid, span[0], span[1])
	}
	return nil
}

func boundary(s string, i int) bool { return i == len(s) || utf8.RuneStart(s[i]) }

// CheckCorrection validates c as AddCorrections receives it, after its
// input ids were resolved: ErrInvalid with a message a person can act on.
func CheckCorrection(c *Correction) error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: "+format, append([]any{ErrInvalid}, args...)...)
	}
	if strings.TrimSpace(c.Note) == "" {
		return bad("a correction needs a note saying why")
	}
	switch c.Kind {
	case CorrectStatement, CorrectAdd:
		if c.Anchor == nil || c.Anchor.Source == "" || c.Anchor.Quote == "" {
			return bad("a %s correction needs the statement's anchor (article and span)", c.Kind)
		}
		e := c.Edit
		if e == nil {
			return bad("a %s correction needs a change", c.Kind)
		}
		if e.Kind != "" && e.Kind != article.Direct && e.Kind != article.Indirect && e.Kind != article.Mixed {
			return bad("kind %q: want direct, indirect or mixed", e.Kind)
		}
		if e.Date != "" && Day(e.Date) != e.Date {
			return bad("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", e.Date)
		}
		if e.Date != "" && e.ClearDate {
			return bad("a date and clearing the date at once")
		}
		if c.Kind == CorrectAdd {
			if strings.TrimSpace(e.Speaker) == "" {
				return bad("an added statement needs a speaker")
			}
			if e.Delete || e.Span != nil {
				return bad("an added statement is its span; it cannot be deleted or moved in the same correction")
			}
			return nil
		}
		if e.Delete && (e.Speaker != "" || e.Kind != "" || e.Date != "" || e.ClearDate || e.Span != nil) {
			return bad("deleting a statement and changing it at once")
		}
		if !e.Delete && e.Speaker == "" && e.Kind == "" && e.Date == "" && !e.ClearDate && e.Span == nil {
			return bad("nothing to change: give a speaker, kind, date, span or delete")
		}
		if e.Span != nil && (e.Span[0] < 0 || e.Span[0] >= e.Span[1]) {
			return bad("span %d:%d is empty or negative", e.Span[0], e.Span[1])
		}
	case CorrectMerge, CorrectSplit:
		if strings.TrimSpace(c.Actor) == "" || strings.TrimSpace(c.Into) == "" {
			return bad("a %s needs two actors", c.Kind)
		}
		if foldASCII(strings.TrimSpace(c.Actor)) == foldASCII(strings.TrimSpace(c.Into)) {
			return bad("an actor cannot be merged into itself")
		}
	case CorrectCell:
		x := c.Cell
		if x == nil || x.Dossier == "" || x.Party == "" || x.Issue == "" || x.Stance == "" {
			return bad("a cell correction needs the dossier, party, issue and stance")
		}
	default:
		return bad("unknown correction kind %q", c.Kind)
	}
	return nil
}

// CorrectionResult is what applying one correction to one article did.
type CorrectionResult struct {
	ID      int64
	Status  string
	Problem string
}

// Problems a statement correction can meet, in Correction.Problem.
const (
	problemText      = "the article's text changed: the corrected passage is no longer in it"
	problemStatement = "no statement at this passage any more: the analyses changed"
)

// ApplyCorrections returns a's analyses with cs applied in order (oldest
// first) and what each did. Statement and add corrections apply when their
// anchor's source is source; merges and splits everywhere; cells never (they
// apply where positions are computed). a is not modified; changed is false
// when nothing in the analyses differs.
func ApplyCorrections(source string, a *article.Article, cs []Correction) (out *article.Article, results []CorrectionResult, changed bool) {
	cp := *a
	cp.Statements = slices.Clone(a.Statements)
	cp.Mentions = slices.Clone(a.Mentions)
	cp.Events = slices.Clone(a.Events)
	for i := range cp.Statements {
		cp.Statements[i].Speaker.Aliases = slices.Clone(cp.Statements[i].Speaker.Aliases)
	}
	for i := range cp.Events {
		cp.Events[i].Actor.Aliases = slices.Clone(cp.Events[i].Actor.Aliases)
		if t := cp.Events[i].Target; t != nil {
			tc := *t
			tc.Aliases = slices.Clone(t.Aliases)
			cp.Events[i].Target = &tc
		}
	}
	deleted := make([]bool, len(cp.Statements))
	sorted := slices.IsSortedFunc(cp.Statements, func(x, y article.Statement) int { return x.Span[0] - y.Span[0] })
	added := false
	for i := range cs {
		c := &cs[i]
		if c.Status == Undone {
			continue
		}
		switch c.Kind {
		case CorrectMerge:
			if mergeNames(&cp, c.Actor, c.Into) {
				changed = true
			}
		case CorrectStatement, CorrectAdd:
			if c.Anchor == nil || c.Anchor.Source != source || c.Edit == nil {
				continue
			}
			res := CorrectionResult{ID: c.ID, Status: Applied}
			loc, ok := locate(cp.Body, c.Anchor)
			if !ok {
				res.Status, res.Problem = NeedsReview, problemText
				results = append(results, res)
				continue
			}
			k := matchStatement(cp.Statements, deleted, loc)
			switch {
			case k < 0 && c.Kind == CorrectAdd:
				st := article.Statement{
					Kind: article.Indirect, Text: cp.Body[loc[0]:loc[1]],
					Span: loc, TextSpan: loc, DateBasis: article.DateNone,
				}
				editStatement(&st, cp.Body, c.Edit)
				cp.Statements = append(cp.Statements, st)
				deleted = append(deleted, false)
				changed, added = true, true
			case k < 0 && c.Edit.Delete:
				// Already gone: what the correction wanted holds.
			case k < 0:
				res.Status, res.Problem = NeedsReview, problemStatement
			case c.Edit.Delete:
				deleted[k] = true
				changed = true
			default:
				if editStatement(&cp.Statements[k], cp.Body, c.Edit) {
					changed = true
				}
			}
			results = append(results, res)
		}
	}
	if slices.Contains(deleted, true) {
		kept := cp.Statements[:0:0]
		for i, st := range cp.Statements {
			if !deleted[i] {
				kept = append(kept, st)
			}
		}
		cp.Statements = kept
	}
	if added && sorted {
		slices.SortStableFunc(cp.Statements, func(x, y article.Statement) int { return x.Span[0] - y.Span[0] })
	}
	return &cp, results, changed
}

// Locate finds an anchor in body (see locate).
func Locate(body string, an *Anchor) (article.Span, bool) { return locate(body, an) }

// locate finds an anchor in body: at its span when the quote is still
// there, else at the occurrence of the quote nearest to the old span (the
// article changed elsewhere); ok is false when the quote is gone.
func locate(body string, an *Anchor) (article.Span, bool) {
	s := an.Span
	if s[0] >= 0 && s[1] <= len(body) && s[0] < s[1] && body[s[0]:s[1]] == an.Quote {
		return s, true
	}
	best, dist := -1, 0
	for from := 0; from <= len(body); {
		i := strings.Index(body[from:], an.Quote)
		if i < 0 {
			break
		}
		i += from
		d := i - s[0]
		if d < 0 {
			d = -d
		}
		if best < 0 || d < dist {
			best, dist = i, d
		}
		from = i + 1
	}
	if best < 0 {
		return article.Span{}, false
	}
	return article.Span{best, best + len(an.Quote)}, true
}

// matchStatement returns the statement at loc: the one whose span equals
// it, else the one overlapping it most when the overlap covers at least
// half of the shorter of the two (a pipeline that now draws the span a
// little wider or narrower); -1 when none.
func matchStatement(sts []article.Statement, deleted []bool, loc article.Span) int {
	best, bestOver := -1, 0
	for i := range sts {
		if deleted[i] {
			continue
		}
		for _, sp := range [...]article.Span{sts[i].Span, sts[i].TextSpan} {
			if sp == loc {
				return i
			}
			over := min(sp[1], loc[1]) - max(sp[0], loc[0])
			if over <= 0 || 2*over < min(sp.Len(), loc.Len()) {
				continue
			}
			if over > bestOver {
				best, bestOver = i, over
			}
		}
	}
	return best
}

// editStatement applies e to st; it reports whether anything changed.
func editStatement(st *article.Statement, body string, e *Edit) bool {
	before := fmt.Sprint(*st)
	if name := strings.TrimSpace(e.Speaker); name != "" && name != st.Speaker.Name {
		st.Speaker = article.Actor{Name: name, Kind: e.SpeakerKind}
	}
	if e.Kind != "" {
		st.Kind = e.Kind
	}
	if e.Date != "" {
		st.Date, st.DateBasis = e.Date, DateCorrected
	}
	if e.ClearDate {
		st.Date, st.DateBasis = "", article.DateNone
	}
	if sp := e.Span; sp != nil && checkSpan(body, *sp) == nil {
		st.TextSpan = *sp
		st.Text = body[sp[0]:sp[1]]
		st.Span = article.Span{min(sp[0], st.Span[0]), max(sp[1], st.Span[1])}
		if !st.Span.Contains(st.CueSpan) || !st.Span.Contains(st.SpeakerSpan) || st.Span.Len() > 2*sp.Len()+200 {
			st.Span = *sp
		}
	}
	return fmt.Sprint(*st) != before
}

// mergeNames renames actor from to into everywhere in a; from becomes an
// alias of into. It reports whether anything changed.
func mergeNames(a *article.Article, from, into string) bool {
	from, into = strings.TrimSpace(from), strings.TrimSpace(into)
	key := foldASCII(from)
	changed := false
	rename := func(x *article.Actor) {
		if foldASCII(strings.TrimSpace(x.Name)) != key {
			return
		}
		x.Aliases = appendAlias(x.Aliases, x.Name)
		x.Name = into
		changed = true
	}
	for i := range a.Statements {
		rename(&a.Statements[i].Speaker)
	}
	for i := range a.Events {
		rename(&a.Events[i].Actor)
		if a.Events[i].Target != nil {
			rename(a.Events[i].Target)
		}
	}
	for i := range a.Mentions {
		if m := &a.Mentions[i]; m.Actor != "" && foldASCII(strings.TrimSpace(m.Actor)) == key {
			m.Actor = into
			changed = true
		}
	}
	return changed
}

func appendAlias(aliases []string, name string) []string {
	for _, x := range aliases {
		if foldASCII(x) == foldASCII(name) {
			return aliases
		}
	}
	return append(aliases, name)
}

// foldASCII folds ASCII letters only, as the stores compare names.
func foldASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// SameName reports whether two actor names are the same for the stores
// (ASCII letters compared without case).
func SameName(a, b string) bool {
	return foldASCII(strings.TrimSpace(a)) == foldASCII(strings.TrimSpace(b))
}

// StatementBefore records the fields of st a statement correction may
// change, for Correction.Before and After.
func StatementBefore(st *article.Statement) map[string]string {
	return map[string]string{
		"speaker": st.Speaker.Name,
		"kind":    st.Kind,
		"date":    st.Date,
		"span":    fmt.Sprintf("%d:%d", st.TextSpan[0], st.TextSpan[1]),
		"text":    st.Text,
	}
}

// StatementAfter is StatementBefore of st with e applied.
func StatementAfter(st article.Statement, body string, e *Edit) map[string]string {
	if e.Delete {
		return map[string]string{"deleted": "true"}
	}
	editStatement(&st, body, e)
	return StatementBefore(&st)
}

// Analyses is the pipeline's own output for a corrected article, which the
// stores keep beside the corrected rows.
type Analyses struct {
	Statements []article.Statement `json:"statements"`
	Mentions   []article.Mention   `json:"mentions"`
	Timexes    []article.Timex     `json:"timexes"`
	Events     []article.Event     `json:"events"`
}

// AnalysesOf returns a's analyses.
func AnalysesOf(a *article.Article) Analyses {
	return Analyses{a.Statements, a.Mentions, a.Timexes, a.Events}
}

// Into copies x into a's analyses.
func (x Analyses) Into(a *article.Article) {
	a.Statements, a.Mentions, a.Timexes, a.Events = x.Statements, x.Mentions, x.Timexes, x.Events
}

// ErrNoMerge: a split names two actors no active merge joined.
var ErrNoMerge = errors.New("store: no such merge to undo")

// Summary says what c changed in a few words.
func (c Correction) Summary() string {
	switch c.Kind {
	case CorrectMerge:
		return fmt.Sprintf("%s merged into %s", c.Actor, c.Into)
	case CorrectSplit:
		return fmt.Sprintf("%s taken out of %s", c.Actor, c.Into)
	case CorrectCell:
		if c.Cell == nil {
			return ""
		}
		was := ""
		if b := c.Before["stance"]; b != "" {
			was = " (was " + b + ")"
		}
		return fmt.Sprintf("%s / %s / %s: %s%s", c.Cell.Dossier, c.Cell.Issue, c.Cell.Party, c.Cell.Stance, was)
	}
	where := ""
	if c.Anchor != nil {
		where = fmt.Sprintf("%s %d:%d ", c.Anchor.Source, c.Anchor.Span[0], c.Anchor.Span[1])
	}
	if c.Kind == CorrectAdd {
		sp := ""
		if c.Edit != nil {
			sp = c.Edit.Speaker
		}
		return where + "added, speaker " + sp
	}
	var parts []string
	keys := make([]string, 0, len(c.After))
	for k := range c.After {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if k == "text" || c.Before[k] == c.After[k] {
			continue
		}
		if k == "deleted" {
			parts = append(parts, "deleted")
			continue
		}
		parts = append(parts, fmt.Sprintf("%s %q → %q", k, c.Before[k], c.After[k]))
	}
	return where + strings.Join(parts, ", ")
}

// AllCorrections reads every correction q selects (its Limit and After
// ignored), newest first, a page at a time.
func AllCorrections(ctx context.Context, st interface {
	Corrections(ctx context.Context, q CorrectionQuery) ([]Correction, error)
}, q CorrectionQuery) ([]Correction, error) {
	var out []Correction
	q.Limit, q.After = MaxLimit, 0
	for {
		page, err := st.Corrections(ctx, q)
		if err != nil {
			return nil, err
		}
		out = append(out, page...)
		if len(page) < q.Limit {
			return out, nil
		}
		q.After = page[len(page)-1].ID
	}
}
