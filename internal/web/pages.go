package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/errtext"
	"github.com/parley-news/parley/internal/store"
)

// pageSize is the rows per page of the HTML lists.
const pageSize = 50

func (s *Server) newPage(w http.ResponseWriter, r *http.Request, title, nav string) *page {
	return &page{
		Site: s.cfg.Title, Title: title, Nav: nav, Nonce: nonce(r),
		CSRF: s.csrfToken(w, r), LoggedIn: s.loggedIn(r), ReadOnly: s.ReadOnly(),
		Dossier: s.dossierReady(), Watching: s.cfg.Sources != nil,
	}
}

func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, p *page) {
	if err := s.pages.execute(w, status, name, p); err != nil {
		s.log.Error("render", "page", name, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
	}
}

// Pager links the pages of a list, keeping its filters.
type Pager struct {
	Prev, Next string
	From, To   int // 1-based rows shown
	// Total counts the rows of the whole list; AtLeast says it is a lower
	// bound (the list was counted only so far); -1 when unknown.
	Total   int
	AtLeast bool
	Size    int // rows per page
	// PrevLabel and NextLabel name the links ("← Newer", "Older →").
	PrevLabel, NextLabel string
}

// countCap bounds the rows counted for a filtered list's total.
const countCap = 1000

// total sets the pager's total: n exact, or at least countCap when the
// count stopped there.
func (p Pager) total(n int) Pager {
	p.Total, p.AtLeast = n, false
	if n > countCap {
		p.Total, p.AtLeast = countCap, true
	}
	return p
}

func pager(v url.Values, offset, shown int, more bool) Pager {
	p := Pager{From: offset + 1, To: offset + shown, Total: -1, Size: pageSize, PrevLabel: "← Newer", NextLabel: "Older →"}
	if shown == 0 {
		p.From = 0
	}
	if offset > 0 {
		p.Prev = withParam(v, "offset", max(0, offset-pageSize))
	}
	if more {
		p.Next = withParam(v, "offset", offset+pageSize)
	}
	return p
}

// cursorPager links the pages of a list paged by keyset cursor: Next
// continues after the last row shown (?after=, with ?from= counting the
// rows before, for "Showing 51–100"), Prev goes back to the first page.
// Each page then costs the same at any depth; an old ?offset= link still
// works (see pageOffset).
func cursorPager(v url.Values, skipped, shown int, more bool, next any) Pager {
	p := Pager{From: skipped + 1, To: skipped + shown, Total: -1, Size: pageSize, PrevLabel: "← Newest", NextLabel: "Older →"}
	if shown == 0 {
		p.From = 0
	}
	first := cloneValues(v)
	first.Del("after")
	first.Del("from")
	first.Del("offset")
	if skipped > 0 {
		p.Prev = "?" + first.Encode()
	}
	if more && next != nil {
		first.Set("after", encodeCursor(next))
		first.Set("from", strconv.Itoa(skipped+shown))
		p.Next = "?" + first.Encode()
	}
	return p
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

// pageCursor reads a page's ?after= cursor into c and the rows before it
// (?from=, else ?offset= for old links); ok false without a cursor.
func pageCursor(r *http.Request, c any) (skipped int, ok bool) {
	v := r.URL.Query()
	skipped = pageOffset(r)
	if v.Get("after") == "" || decodeCursor(v.Get("after"), c) != nil {
		return skipped, false
	}
	n, err := strconv.Atoi(v.Get("from"))
	if err != nil || n < 0 || n > 1_000_000_000 {
		n = 0
	}
	return n, true
}

func pageOffset(r *http.Request) int {
	n, err := strconv.Atoi(r.URL.Query().Get("offset"))
	if err != nil || n < 0 || n > 10_000_000 {
		return 0
	}
	return n
}

func (s *Server) pageOverview(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	stats, err := s.st.Stats(ctx)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	latest, err := s.st.Statements(ctx, store.StatementQuery{Limit: 8})
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	arts, err := s.st.Articles(ctx, store.ArticleQuery{Limit: 8})
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	top, err := s.actors(ctx, store.ActorQuery{Limit: 8})
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	p := s.newPage(w, r, "Overview", "overview")
	p.Data = struct {
		Stats      store.Stats
		Statements []store.StoredStatement
		Articles   []store.ArticleSummary
		Actors     []ActorSummary
		Dossiers   []DossierInfo
	}{stats, latest, arts, top, s.dossierInfos(ctx, stats)}
	s.render(w, r, http.StatusOK, "overview", p)
}

// Option is one choice of a <select>.
type Option struct {
	Value, Label string
	Selected     bool
}

func (s *Server) pageStatements(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	v := r.URL.Query()
	q, qerr := statementQuery(r)
	var cur store.StatementCursor
	skipped, keyed := pageCursor(r, &cur)
	var rows []store.StoredStatement
	var count <-chan counted
	status := http.StatusOK
	msg := ""
	if qerr != nil {
		status, msg = http.StatusBadRequest, errtext.Plain(qerr)
	} else {
		q.Limit, q.Offset = pageSize+1, skipped
		if keyed && q.Order == store.Newest {
			q.Offset, q.After = 0, &cur
		}
		cq := q // the count goroutine reads its own copy
		count = counting(func() (int, error) { return s.countStatements(ctx, cq) })
		var err error
		rows, err = s.st.Statements(ctx, q)
		if errors.Is(err, store.ErrInvalid) {
			status, msg = http.StatusBadRequest, errtext.Plain(err)
		} else if err != nil {
			s.failErr(w, r, err)
			return
		}
	}
	outletNames, err := s.outlets(ctx)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	speakers, err := s.speakers(ctx, 300)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	more := len(rows) > pageSize
	if more {
		rows = rows[:pageSize]
	}
	outOpts := []Option{{Value: "", Label: "any outlet"}}
	for _, o := range outletNames {
		outOpts = append(outOpts, Option{Value: o, Label: o, Selected: strings.EqualFold(o, q.Outlet)})
	}
	pg := pager(v, skipped, len(rows), more)
	if q.Order == store.Newest && qerr == nil {
		// Relevance order pages by offset; newest first by cursor.
		var next any
		if len(rows) > 0 {
			next = rows[len(rows)-1].Cursor()
		}
		pg = cursorPager(v, skipped, len(rows), more, next)
	}
	if count != nil {
		if c := <-count; c.err == nil {
			pg = pg.total(c.n)
		}
	}
	kinds := []Option{{Value: "", Label: "any kind"}}
	for _, k := range []string{article.Direct, article.Indirect, article.Mixed} {
		kinds = append(kinds, Option{Value: k, Label: kindName(k), Selected: k == q.Kind})
	}
	p := s.newPage(w, r, "Statements", "statements")
	p.Data = struct {
		Q          store.StatementQuery
		Outlets    []Option
		Kinds      []Option
		Statements []store.StoredStatement
		Pager      Pager
		Error      string
		Filtered   bool
		Speakers   []string
	}{q, outOpts, kinds, rows, pg, msg, len(v) > 0, speakers}
	s.render(w, r, status, "statements", p)
}

// Snip is a piece of a search snippet; Hit marks a match.
type Snip struct {
	Text string
	Hit  bool
}

// snippet splits a store snippet marked with \x02 and \x03 into pieces, so
// the template escapes the text and marks the hits itself.
func snippet(s string) []Snip {
	var out []Snip
	for s != "" {
		i := strings.IndexByte(s, '\x02')
		if i < 0 {
			out = append(out, Snip{Text: strings.ReplaceAll(s, "\x03", "")})
			break
		}
		if i > 0 {
			out = append(out, Snip{Text: strings.ReplaceAll(s[:i], "\x03", "")})
		}
		s = s[i+1:]
		j := strings.IndexByte(s, '\x03')
		if j < 0 {
			j = len(s)
		}
		out = append(out, Snip{Text: strings.ReplaceAll(s[:j], "\x02", ""), Hit: true})
		if j < len(s) {
			j++
		}
		s = s[j:]
	}
	return out
}

// ArticleRow is an article list row with its snippet cut for marking.
type ArticleRow struct {
	store.ArticleSummary
	Snips []Snip
}

func (s *Server) pageArticles(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	v := r.URL.Query()
	q, qerr := articleQuery(r)
	var cur store.ArticleCursor
	skipped, keyed := pageCursor(r, &cur)
	status, msg := http.StatusOK, ""
	var rows []store.ArticleSummary
	var count <-chan counted
	if qerr != nil {
		status, msg = http.StatusBadRequest, errtext.Plain(qerr)
	} else {
		q.Limit, q.Offset = pageSize+1, skipped
		if keyed && q.Order == store.Newest {
			q.Offset, q.After = 0, &cur
		}
		cq := q // the count goroutine reads its own copy
		count = counting(func() (int, error) { return s.countArticles(ctx, cq) })
		var err error
		rows, err = s.st.Articles(ctx, q)
		if errors.Is(err, store.ErrInvalid) {
			status, msg = http.StatusBadRequest, errtext.Plain(err)
		} else if err != nil {
			s.failErr(w, r, err)
			return
		}
	}
	more := len(rows) > pageSize
	if more {
		rows = rows[:pageSize]
	}
	pg := pager(v, skipped, len(rows), more)
	if q.Order == store.Newest && qerr == nil {
		var next any
		if len(rows) > 0 {
			next = rows[len(rows)-1].Cursor()
		}
		pg = cursorPager(v, skipped, len(rows), more, next)
	}
	if count != nil {
		if c := <-count; c.err == nil {
			pg = pg.total(c.n)
		}
	}
	out := make([]ArticleRow, len(rows))
	for i, a := range rows {
		out[i] = ArticleRow{ArticleSummary: a, Snips: snippet(a.Snippet)}
	}
	p := s.newPage(w, r, "Articles", "articles")
	p.Data = struct {
		Q        store.ArticleQuery
		Articles []ArticleRow
		Pager    Pager
		Error    string
	}{q, out, pg, msg}
	s.render(w, r, status, "articles", p)
}

// parseFocus reads ?hl=START-END, the byte span a link asks to highlight.
func parseFocus(v string, bodyLen int) article.Span {
	a, b, ok := strings.Cut(v, "-")
	if !ok {
		return article.Span{}
	}
	s, err1 := strconv.Atoi(a)
	e, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil || s < 0 || e > bodyLen || s >= e {
		return article.Span{}
	}
	return article.Span{s, e}
}

// articleSpeakers suggests speakers in the article page's forms (only to
// a logged-in analyst: nobody else sees the forms).
func (s *Server) articleSpeakers(ctx context.Context) []string {
	names, err := s.speakers(ctx, 200)
	if err != nil {
		return nil
	}
	return names
}

func (s *Server) pageArticle(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	ctx := r.Context()
	a, err := s.st.Article(ctx, id)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	versions, err := s.st.Versions(ctx, id)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	focus := parseFocus(r.URL.Query().Get("hl"), len(a.Body))
	marks := ArticleMarks(&a.Article, focus)
	// The issue phrase inside the evidence, from the position matrix.
	if m := parseFocus(r.URL.Query().Get("m"), len(a.Body)); m.Len() > 0 && focus.Contains(m) {
		marks = append(marks, Mark{Span: m, Class: "hlm", Title: "the issue's phrase"})
	}
	// The statements are listed a page at a time (an article may have
	// thousands); the text above marks them all.
	offset := min(pageOffset(r), len(a.Statements))
	end := min(offset+pageSize, len(a.Statements))
	stmts, err := s.st.Statements(ctx, store.StatementQuery{ArticleID: id, Limit: store.MaxLimit, IncludeSuperseded: !a.Current})
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	// The statement rows carry actor ids; line them up with the article's
	// statements by their sequence number for links to actor pages.
	actorOf := make(map[int]int64, len(stmts))
	idOf := make(map[int]int64, len(stmts))
	for _, st := range stmts {
		actorOf[st.Seq] = st.ActorID
		idOf[st.Seq] = st.ID
	}
	type stmtRow struct {
		N       int
		ID      int64
		ActorID int64
		article.Statement
		// Corrections are the analysts' corrections that hold here.
		Corrections []store.Correction
	}
	fixed := s.correctedStatements(ctx, a)
	rows := make([]stmtRow, 0, end-offset)
	for i := offset; i < end; i++ {
		rows = append(rows, stmtRow{N: i, ID: idOf[i], ActorID: actorOf[i], Statement: a.Statements[i], Corrections: fixed[i]})
	}
	p := s.newPage(w, r, untitled(a.Title), "articles")
	p.Data = struct {
		A          *store.StoredArticle
		Link       string
		Segments   []Segment
		Statements []stmtRow
		Total      int
		Pager      Pager
		Versions   []store.ArticleSummary
		Focus      bool
		Kinds      []string
		Back       string
		Speakers   []string
	}{a, httpURL(a.URL), Segments(a.Body, marks), rows, len(a.Statements),
		pager(r.URL.Query(), offset, len(rows), end < len(a.Statements)), versions, focus.Len() > 0,
		[]string{article.Direct, article.Indirect, article.Mixed}, r.URL.RequestURI(), s.articleSpeakers(ctx)}
	s.render(w, r, http.StatusOK, "article", p)
}

func (s *Server) pageActors(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	qs := strings.TrimSpace(r.URL.Query().Get("q"))
	var cur store.ActorCursor
	skipped, keyed := pageCursor(r, &cur)
	q := store.ActorQuery{Name: qs, Limit: pageSize + 1, Offset: skipped}
	if keyed {
		q.Offset, q.After = 0, &cur
	}
	win, err := s.actors(ctx, q)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	more := len(win) > pageSize
	if more {
		win = win[:pageSize]
	}
	var next any
	if len(win) > 0 {
		next = win[len(win)-1].cursor
	}
	pg := cursorPager(r.URL.Query(), skipped, len(win), more, next)
	pg.PrevLabel = "← Most quoted"
	pg.NextLabel = "Next →"
	if qs == "" {
		if st, err := s.st.Stats(ctx); err == nil {
			pg = pg.total(int(st.Speakers))
		}
	} else if all, err := s.st.Actors(ctx, store.ActorQuery{Name: qs, Speaking: true, Limit: countCap + 1}); err == nil {
		pg = pg.total(len(all))
	}
	p := s.newPage(w, r, "Actors", "actors")
	p.Data = struct {
		Q      string
		Actors []ActorSummary
		Pager  Pager
	}{qs, win, pg}
	s.render(w, r, http.StatusOK, "actors", p)
}

func (s *Server) pageActor(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	a, err := s.actor(r.Context(), id)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	var cur store.StatementCursor
	skipped, keyed := pageCursor(r, &cur)
	q := store.StatementQuery{ActorID: id, Limit: pageSize + 1, Offset: skipped}
	if keyed {
		q.Offset, q.After = 0, &cur
	}
	rows, err := s.st.Statements(r.Context(), q)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	more := len(rows) > pageSize
	if more {
		rows = rows[:pageSize]
	}
	var next any
	if len(rows) > 0 {
		next = rows[len(rows)-1].Cursor()
	}
	names, err := s.speakers(r.Context(), 200)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	p := s.newPage(w, r, a.Name, "actors")
	p.Data = struct {
		A          ActorSummary
		Statements []store.StoredStatement
		Pager      Pager
		Merged     []store.Correction
		Names      []string
	}{a, rows, cursorPager(r.URL.Query(), skipped, len(rows), more, next).total(a.Statements),
		s.mergesInto(r.Context(), a.Name), names}
	s.render(w, r, http.StatusOK, "actor", p)
}

func (s *Server) pageIngest(w http.ResponseWriter, r *http.Request) {
	type data struct {
		Report                  *IngestReport
		Error                   string
		URLs                    string
		Feed                    string
		Text, Published, Outlet string
	}
	d := data{}
	status := http.StatusOK
	if r.Method == http.MethodPost {
		switch {
		case s.ReadOnly():
			s.fail(w, r, http.StatusForbidden, codeReadOnly, "this server is read-only (started without a token)")
			return
		case !s.loggedIn(r):
			s.fail(w, r, http.StatusUnauthorized, codeUnauth, "log in first")
			return
		}
		dir, files, urls, err := s.readIngestForm(r)
		if dir != "" {
			defer removeAll(dir)
		}
		if !s.csrfOK(r) {
			s.fail(w, r, http.StatusForbidden, codeCSRF, "the form expired or did not come from this site; reload it and try again")
			return
		}
		d.URLs, d.Feed = r.FormValue("urls"), r.FormValue("feed")
		d.Text, d.Published, d.Outlet = r.FormValue("text"), strings.TrimSpace(r.FormValue("published")), strings.TrimSpace(r.FormValue("outlet"))
		var paste pasted
		if err == nil {
			paste, err = readPaste(d.Text, d.Published, d.Outlet)
		}
		if err == nil && len(files)+len(urls) == 0 && paste.text == "" {
			err = badParam("nothing to ingest: choose files, give URLs or a feed, or paste a text")
		}
		if err == nil && (len(files) > 0 || len(urls) > 0) {
			var inputs []string
			inputs, err = s.ingestInputs(files, urls)
			if err == nil {
				var rep IngestReport
				rep, err = s.Ingest(r.Context(), inputs, IngestOptions{Rename: uploadName(dir)})
				if err == nil {
					d.Report = &rep
				}
			}
		}
		if err == nil && paste.text != "" {
			var rep IngestReport
			rep, err = s.ingestPaste(r.Context(), paste)
			if err == nil {
				d.Report = d.Report.add(rep)
				d.Text = "" // done: the form starts empty again
			}
		}
		if err != nil {
			var mbe *http.MaxBytesError
			switch {
			case errors.As(err, &mbe):
				status, d.Error = http.StatusRequestEntityTooLarge, "the upload is too large"
			case errors.Is(err, errBadParam):
				status, d.Error = http.StatusBadRequest, errtext.Plain(err)
			case errors.Is(err, ErrNoPipeline):
				status, d.Error = http.StatusServiceUnavailable, errtext.Plain(err)
			default:
				s.failErr(w, r, err)
				return
			}
		}
	}
	p := s.newPage(w, r, "Ingest", "ingest")
	p.Data = d
	s.render(w, r, status, "ingest", p)
}

// localPath keeps a redirect target on this site: a path of this site,
// never "//host", "/\\host" or a scheme, which would make the login form an
// open redirect. Browsers drop tabs and newlines from URLs ("/\t/evil" is
// "//evil" to them) and read backslashes as slashes, so any control
// character or backslash refuses the target, as does anything that parses
// with a scheme or a host.
func localPath(p string) string {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.ContainsRune(p, '\\') {
		return "/"
	}
	for i := 0; i < len(p); i++ {
		if p[i] < 0x20 || p[i] == 0x7f {
			return "/"
		}
	}
	u, err := url.Parse(p)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || !strings.HasPrefix(u.Path, "/") || strings.HasPrefix(u.Path, "//") {
		return "/"
	}
	return p
}

func (s *Server) pageLogin(w http.ResponseWriter, r *http.Request) {
	next := localPath(r.FormValue("next"))
	msg, status := "", http.StatusOK
	if r.Method == http.MethodPost {
		switch {
		case s.ReadOnly():
			s.fail(w, r, http.StatusForbidden, codeReadOnly, "this server is read-only (started without a token): there is nothing to log in to")
			return
		case !s.csrfOK(r):
			s.fail(w, r, http.StatusForbidden, codeCSRF, "the form expired or did not come from this site; reload it and try again")
			return
		case s.failures.blocked(r):
			s.fail(w, r, http.StatusTooManyRequests, codeRateLimited, "too many wrong tokens; wait a minute")
			return
		case s.tokenOK(r.PostFormValue("token")):
			s.setSession(w, userName(r.PostFormValue("name")))
			http.Redirect(w, r, next, http.StatusSeeOther)
			return
		}
		s.failures.fail(r)
		msg, status = "That token is not right.", http.StatusUnauthorized
	}
	p := s.newPage(w, r, "Log in", "ingest")
	p.Data = struct{ Next, Error string }{next, msg}
	s.render(w, r, status, "login", p)
}

func (s *Server) pageLogout(w http.ResponseWriter, r *http.Request) {
	if !s.csrfOK(r) {
		s.fail(w, r, http.StatusForbidden, codeCSRF, "the form expired or did not come from this site; reload it and try again")
		return
	}
	s.clearSession(w, r)
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// speakerNames lists the names of the most quoted actors, for the speaker
// box's suggestions.

// countStatements counts the statements of q (its paging ignored): from
// the store's counts when unfiltered, else by reading up to countCap+1.
func (s *Server) countStatements(ctx context.Context, q store.StatementQuery) (int, error) {
	q.Offset, q.After, q.Order = 0, nil, store.Newest
	if q.Speaker == "" && q.ActorID == 0 && q.ArticleID == 0 && q.From == "" && q.To == "" && q.Outlet == "" && q.Kind == "" && q.Query == "" && !q.IncludeSuperseded {
		st, err := s.st.Stats(ctx)
		return int(st.Statements), err
	}
	q.Limit, q.IDsOnly = countCap+1, true
	rows, err := s.st.Statements(ctx, q)
	return len(rows), err
}

// counted is a count made beside a page's own query.
type counted struct {
	n   int
	err error
}

// counting starts count beside the page's own query (a search's count
// reads as many candidates again: run at once on another core, the page
// takes the time of the longer, not of both). The channel is buffered: a
// page that fails before reading it leaks nothing.
func counting(count func() (int, error)) <-chan counted {
	ch := make(chan counted, 1)
	go func() {
		n, err := count()
		ch <- counted{n, err}
	}()
	return ch
}

// countArticles is countStatements for articles.
func (s *Server) countArticles(ctx context.Context, q store.ArticleQuery) (int, error) {
	q.Offset, q.After, q.Order = 0, nil, store.Newest
	if q.Outlet == "" && q.From == "" && q.To == "" && q.Query == "" && q.Pipeline == "" && !q.IncludeSuperseded {
		st, err := s.st.Stats(ctx)
		return int(st.Articles), err
	}
	q.Limit, q.IDsOnly = countCap+1, true
	rows, err := s.st.Articles(ctx, q)
	return len(rows), err
}
