package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/dossier"
	"github.com/parley-news/parley/internal/store"
)

// CorrectionList is GET /api/v1/corrections: newest first, paged by keyset.
type CorrectionList struct {
	Items []store.Correction `json:"items"`
	Limit int                `json:"limit"`
	// NextAfter is the after= of the next page; null on the last page.
	NextAfter *int64 `json:"next_after"`
}

// correctionQuery reads status, kind, limit and after.
func correctionQuery(r *http.Request) (store.CorrectionQuery, error) {
	v := r.URL.Query()
	q := store.CorrectionQuery{Status: v.Get("status"), Kind: v.Get("kind")}
	switch q.Status {
	case "", store.Applied, store.NeedsReview, store.Undone:
	default:
		return q, errors.Join(errBadParam, errors.New("status must be applied, needs-review or undone"))
	}
	switch q.Kind {
	case "", store.CorrectStatement, store.CorrectAdd, store.CorrectMerge, store.CorrectSplit, store.CorrectCell:
	default:
		return q, errors.Join(errBadParam, errors.New("kind must be statement, add, merge, split or cell"))
	}
	limit, _, err := paging(r, apiDefaultLimit, apiMaxLimit)
	if err != nil {
		return q, err
	}
	q.Limit = limit
	if a := v.Get("after"); a != "" {
		n, err := strconv.ParseInt(a, 10, 64)
		if err != nil || n < 1 {
			return q, errors.Join(errBadParam, errors.New("after must be a correction id"))
		}
		q.After = n
	}
	return q, nil
}

// listCorrections fetches one page of the audit log.
func (s *Server) listCorrections(ctx context.Context, q store.CorrectionQuery) (CorrectionList, error) {
	limit := q.Limit
	q.Limit = limit + 1
	rows, err := s.st.Corrections(ctx, q)
	if err != nil {
		return CorrectionList{}, err
	}
	l := CorrectionList{Items: rows, Limit: limit}
	if len(rows) > limit {
		l.Items = rows[:limit]
		next := l.Items[limit-1].ID
		l.NextAfter = &next
	}
	return l, nil
}

func (s *Server) apiCorrections(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodPost {
		s.apiPostCorrection(w, r)
		return
	}
	q, err := correctionQuery(r)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	l, err := s.listCorrections(r.Context(), q)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	s.json(w, http.StatusOK, l)
}

// apiPostCorrection is POST /api/v1/corrections: one correction as JSON,
// in the shape GET lists (with statement_id, article_id, actor_id, into_id
// naming rows of this database, or portable anchors and names).
func (s *Server) apiPostCorrection(w http.ResponseWriter, r *http.Request) {
	if !s.writeAllowed(w, r) {
		return
	}
	ct := strings.ToLower(strings.TrimSpace(strings.Split(r.Header.Get("Content-Type"), ";")[0]))
	if ct != "application/json" {
		s.fail(w, r, http.StatusUnsupportedMediaType, codeBadRequest, "send the correction as JSON (Content-Type: application/json)")
		return
	}
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	var c store.Correction
	if err := dec.Decode(&c); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			s.failErr(w, r, err)
			return
		}
		s.fail(w, r, http.StatusBadRequest, codeBadRequest, "the body is not a correction: "+err.Error())
		return
	}
	c.ID, c.Status, c.Problem = 0, "", ""
	c.By = userName(c.By)
	if c.By == "" {
		c.By = "api"
	}
	got, err := s.correct(r.Context(), c)
	if err != nil {
		s.correctFailed(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/corrections?after="+strconv.FormatInt(got.ID+1, 10)+"&limit=1")
	s.json(w, http.StatusCreated, got)
}

// correct checks a cell correction against the loaded dossiers, stores
// the correction and rebuilds the web index so the next page shows it.
func (s *Server) correct(ctx context.Context, c store.Correction) (store.Correction, error) {
	if c.Kind == store.CorrectCell && c.Cell != nil {
		if err := s.checkCell(c.Cell); err != nil {
			return c, err
		}
	}
	got, err := s.st.AddCorrections(ctx, []store.Correction{c})
	if err != nil {
		return c, err
	}
	if err := s.positions.refresh(ctx); err != nil {
		s.log.Warn("positions recomputation after a correction failed", "err", err)
	}
	return got[0], nil
}

// checkCell resolves a cell's dossier (a loaded dossier's name, or its
// negotiation) and checks its party, issue and stance.
func (s *Server) checkCell(c *store.Cell) error {
	bad := func(format string, a ...any) error {
		return fmt.Errorf("%w: "+format, append([]any{store.ErrInvalid}, a...)...)
	}
	if !dossier.ValidStance(c.Stance) {
		return bad("stance %q: want for, against, counter, conditional or unclear", c.Stance)
	}
	var d *dossier.Dossier
	if c.Dossier == "" {
		d = s.dossiers.current("")
	}
	items, _ := s.dossiers.list()
	for _, e := range items {
		if e.D != nil && d == nil && (e.Name == c.Dossier || store.SameName(e.D.Name(), c.Dossier)) {
			d = e.D
		}
	}
	if d == nil {
		return bad("no dossier %q is loaded", c.Dossier)
	}
	p := d.PartyIndex(c.Party)
	if p < 0 {
		return bad("the dossier has no party %q", c.Party)
	}
	if !slices.ContainsFunc(d.Issues, func(is dossier.Issue) bool { return is.ID == c.Issue }) {
		return bad("the dossier has no issue %q", c.Issue)
	}
	c.Dossier, c.Party = d.Name(), d.Parties[p].Name
	return nil
}

// correctFailed answers a refused correction with a message without the
// store's layers ("statement 99 not found", "a correction needs a note").
func (s *Server) correctFailed(w http.ResponseWriter, r *http.Request, err error) {
	msg := plainError(err)
	switch {
	case errors.Is(err, store.ErrNotFound):
		s.fail(w, r, http.StatusNotFound, codeNotFound, msg)
	case errors.Is(err, store.ErrInvalid), errors.Is(err, store.ErrNoMerge):
		s.fail(w, r, http.StatusBadRequest, codeBadRequest, msg)
	default:
		s.failErr(w, r, err)
	}
}

// plainError strips the store's layer prefixes from an error message.
func plainError(err error) string {
	msg := err.Error()
	for _, p := range []string{"sqlite: ", "postgres: "} {
		msg = strings.TrimPrefix(msg, p)
	}
	msg = strings.ReplaceAll(msg, "store: invalid input: ", "")
	msg = strings.ReplaceAll(msg, ": store: not found", " not found")
	msg = strings.ReplaceAll(msg, "store: no such merge to undo: ", "")
	return msg
}

// userName cleans a name someone gave: one line, at most 80 characters.
func userName(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > 80 {
		s = string([]rune(s)[:80])
	}
	return s
}

// Pages.

// pageCorrections is the audit log.
func (s *Server) pageCorrections(w http.ResponseWriter, r *http.Request) {
	q, err := correctionQuery(r)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	l, err := s.listCorrections(r.Context(), q)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	type row struct {
		store.Correction
		What, Link string
	}
	rows := make([]row, len(l.Items))
	for i, c := range l.Items {
		rows[i] = row{Correction: c, What: c.Summary()}
		if c.Anchor != nil {
			rows[i].Link = "/statements?q=" + url.QueryEscape(firstWords(c.Anchor.Quote, 6))
		}
	}
	next := ""
	if l.NextAfter != nil {
		v := r.URL.Query()
		v.Set("after", strconv.FormatInt(*l.NextAfter, 10))
		next = "/corrections?" + v.Encode()
	}
	p := s.newPage(w, r, "Corrections", "corrections")
	p.Data = struct {
		Q               store.CorrectionQuery
		Rows            []row
		Next            string
		First           bool
		Statuses, Kinds []string
	}{q, rows, next, q.After == 0, []string{store.Applied, store.NeedsReview, store.Undone},
		[]string{store.CorrectStatement, store.CorrectAdd, store.CorrectMerge, store.CorrectSplit, store.CorrectCell}}
	s.render(w, r, http.StatusOK, "corrections", p)
}

func firstWords(s string, n int) string {
	f := strings.FieldsFunc(s, func(r rune) bool {
		return !(r == '-' || r == '\'' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r > 127)
	})
	return strings.Join(f[:min(n, len(f))], " ")
}

// back is where a correction form returns to: its "back" field when it is
// a path of this site, else fallback.
func back(r *http.Request, fallback string) string {
	if b := localPath(r.PostFormValue("back")); b != "/" {
		return b
	}
	return fallback
}

// formEdit reads the statement fields of a correction form.
func formEdit(r *http.Request) *store.Edit {
	e := &store.Edit{
		Speaker: strings.TrimSpace(r.PostFormValue("speaker")),
		Kind:    r.PostFormValue("kind"),
		Delete:  r.PostFormValue("delete") != "",
	}
	switch d := strings.TrimSpace(r.PostFormValue("date")); d {
	case "":
	case "none":
		e.ClearDate = true
	default:
		e.Date = d
	}
	return e
}

// pageCorrectStatement is the edit form of a statement on the article page.
// Fields left as the statement has them are not changed.
func (s *Server) pageCorrectStatement(w http.ResponseWriter, r *http.Request) {
	if !s.pageWriteAllowed(w, r) {
		return
	}
	id, err := pathID(r)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	e := formEdit(r)
	// The form shows the current values: only what differs is a change.
	if e.Speaker == r.PostFormValue("was_speaker") {
		e.Speaker = ""
	}
	if e.Kind == r.PostFormValue("was_kind") {
		e.Kind = ""
	}
	if (e.Date != "" && e.Date == r.PostFormValue("was_date")) || (e.ClearDate && r.PostFormValue("was_date") == "") {
		e.Date, e.ClearDate = "", false
	}
	if e.Delete {
		*e = store.Edit{Delete: true}
	}
	c := store.Correction{Kind: store.CorrectStatement, StatementID: id, Edit: e,
		Note: r.PostFormValue("note"), By: s.sessionUser(r)}
	if _, err := s.correct(r.Context(), c); err != nil {
		s.correctFailed(w, r, err)
		return
	}
	http.Redirect(w, r, back(r, "/corrections"), http.StatusSeeOther)
}

// pageCorrectAdd adds a statement from a span selected on the article page.
func (s *Server) pageCorrectAdd(w http.ResponseWriter, r *http.Request) {
	if !s.pageWriteAllowed(w, r) {
		return
	}
	aid, err1 := strconv.ParseInt(r.PostFormValue("article"), 10, 64)
	start, err2 := strconv.Atoi(r.PostFormValue("start"))
	end, err3 := strconv.Atoi(r.PostFormValue("end"))
	if err1 != nil || err2 != nil || err3 != nil {
		s.fail(w, r, http.StatusBadRequest, codeBadRequest, "select the statement's text in the article first")
		return
	}
	e := formEdit(r)
	e.Delete = false
	if e.Kind == "" {
		e.Kind = article.Indirect
	}
	c := store.Correction{Kind: store.CorrectAdd, ArticleID: aid, Anchor: &store.Anchor{Span: article.Span{start, end}},
		Edit: e, Note: r.PostFormValue("note"), By: s.sessionUser(r)}
	if _, err := s.correct(r.Context(), c); err != nil {
		s.correctFailed(w, r, err)
		return
	}
	http.Redirect(w, r, back(r, fmt.Sprintf("/articles/%d", aid)), http.StatusSeeOther)
}

// pageCorrectActor merges the actor into another (by name) or splits a
// merged one out of it again.
func (s *Server) pageCorrectActor(w http.ResponseWriter, r *http.Request) {
	if !s.pageWriteAllowed(w, r) {
		return
	}
	id, err := pathID(r)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	c := store.Correction{Note: r.PostFormValue("note"), By: s.sessionUser(r)}
	to := fmt.Sprintf("/actors/%d", id)
	if from := strings.TrimSpace(r.PostFormValue("split")); from != "" {
		c.Kind, c.IntoID, c.Actor = store.CorrectSplit, id, from
	} else {
		into := strings.TrimSpace(r.PostFormValue("into"))
		if into == "" {
			s.fail(w, r, http.StatusBadRequest, codeBadRequest, "name the actor to merge into")
			return
		}
		c.Kind, c.ActorID, c.Into = store.CorrectMerge, id, into
		if list, err := s.st.Actors(r.Context(), store.ActorQuery{Name: into, Limit: 50}); err == nil {
			for _, a := range list {
				if store.SameName(a.Name, into) {
					c.Into, to = a.Name, fmt.Sprintf("/actors/%d", a.ID)
				}
			}
		}
	}
	if _, err := s.correct(r.Context(), c); err != nil {
		s.correctFailed(w, r, err)
		return
	}
	if c.Kind == store.CorrectSplit {
		to = "/actors"
		if list, err := s.st.Actors(r.Context(), store.ActorQuery{Name: c.Actor, Limit: 50}); err == nil {
			for _, a := range list {
				if store.SameName(a.Name, c.Actor) {
					to = fmt.Sprintf("/actors/%d", a.ID)
				}
			}
		}
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// pageCorrectCell sets a cell of the matrix by hand.
func (s *Server) pageCorrectCell(w http.ResponseWriter, r *http.Request) {
	if !s.pageWriteAllowed(w, r) {
		return
	}
	c := store.Correction{Kind: store.CorrectCell, Note: r.PostFormValue("note"), By: s.sessionUser(r),
		Cell: &store.Cell{Dossier: r.PostFormValue("dossier"), Party: r.PostFormValue("party"),
			Issue: r.PostFormValue("issue"), Stance: r.PostFormValue("stance")}}
	if d := s.dossierOf(r); d != nil {
		if cells, err := s.positions.get(r.Context(), d); err == nil {
			for _, p := range cells {
				if p.Issue == c.Cell.Issue && store.SameName(p.Party, c.Cell.Party) {
					was := p.Stance
					if p.Override != nil {
						was = p.Override.Computed
					}
					c.Before = map[string]string{"stance": string(was)}
				}
			}
		}
	}
	if _, err := s.correct(r.Context(), c); err != nil {
		s.correctFailed(w, r, err)
		return
	}
	http.Redirect(w, r, back(r, "/matrix"), http.StatusSeeOther)
}

// correctedStatements maps each statement of a (by position) to the
// applied corrections anchored on it.
func (s *Server) correctedStatements(ctx context.Context, a *store.StoredArticle) map[int][]store.Correction {
	source := strings.TrimSpace(a.URL)
	if source == "" {
		source = strings.TrimSpace(a.Source)
	}
	cs, err := s.st.Corrections(ctx, store.CorrectionQuery{Source: source, Limit: store.MaxLimit})
	if err != nil || len(cs) == 0 {
		return nil
	}
	out := map[int][]store.Correction{}
	for _, c := range cs {
		if c.Anchor == nil || c.Status != store.Applied {
			continue
		}
		loc, ok := store.Locate(a.Body, c.Anchor)
		if !ok {
			continue
		}
		for i, st := range a.Statements {
			if st.Span.Overlaps(loc) || st.TextSpan.Overlaps(loc) {
				out[i] = append(out[i], c)
				break
			}
		}
	}
	return out
}

// mergesInto lists the active merges into the actor with this name.
func (s *Server) mergesInto(ctx context.Context, name string) []store.Correction {
	cs, err := s.st.Corrections(ctx, store.CorrectionQuery{Kind: store.CorrectMerge, Status: store.Applied, Limit: store.MaxLimit})
	if err != nil {
		return nil
	}
	var out []store.Correction
	for _, c := range cs {
		if store.SameName(c.Into, name) {
			out = append(out, c)
		}
	}
	return out
}
