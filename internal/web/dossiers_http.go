package web

import (
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/parley-news/parley/internal/dossier"
)

// DossierSummary is one dossier of GET /api/v1/dossiers.
type DossierSummary struct {
	Name        string    `json:"name"`
	Active      bool      `json:"active"`
	Negotiation string    `json:"negotiation,omitempty"`
	Issues      int       `json:"issues"`
	Parties     int       `json:"parties"`
	Valid       bool      `json:"valid"`
	Errors      int       `json:"errors"`
	Updated     time.Time `json:"updated"`
}

// DossierError is one problem of a dossier, at its file:line:col.
type DossierError struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	Message string `json:"message"`
}

// DossierDoc is GET and PUT /api/v1/dossiers/{name}.
type DossierDoc struct {
	DossierSummary
	From      string          `json:"from,omitempty"`
	To        string          `json:"to,omitempty"`
	PartyList []dossier.Party `json:"parties_list"`
	IssueList []dossier.Issue `json:"issues_list"`
	// Source is the YAML as written.
	Source string `json:"source"`
	// Problems are the file:line:col errors of a dossier that does not validate.
	Problems []DossierError `json:"problems"`
}

// DossierList is GET /api/v1/dossiers.
type DossierList struct {
	List[DossierSummary]
	// Active names the dossier the matrix and positions use by default.
	Active string `json:"active"`
}

// dossierInvalid is the body of a 422 from PUT: every problem, positioned.
type dossierInvalid struct {
	Error struct {
		Code     string         `json:"code"`
		Message  string         `json:"message"`
		Problems []DossierError `json:"problems"`
	} `json:"error"`
}

const codeInvalidDossier = "invalid_dossier"

func summaryOf(e *dossierEntry, active string) DossierSummary {
	s := DossierSummary{Name: e.Name, Active: e.Name == active, Valid: e.D != nil, Errors: len(e.Errors), Updated: e.Updated}
	if e.D != nil {
		s.Negotiation, s.Issues, s.Parties = e.D.Negotiation, len(e.D.Issues), len(e.D.Parties)
	}
	return s
}

func dossierProblems(es dossier.Errors) []DossierError {
	out := make([]DossierError, 0, len(es))
	for _, e := range es {
		out = append(out, DossierError{File: e.File, Line: e.Line, Col: e.Col, Message: e.Msg})
	}
	return out
}

func docOf(e *dossierEntry, active string) DossierDoc {
	d := DossierDoc{DossierSummary: summaryOf(e, active), Source: string(e.Source), Problems: dossierProblems(e.Errors),
		PartyList: []dossier.Party{}, IssueList: []dossier.Issue{}}
	if e.D != nil {
		d.From, d.To, d.PartyList, d.IssueList = e.D.From, e.D.To, e.D.Parties, e.D.Issues
	}
	return d
}

func (s *Server) apiDossiers(r *http.Request) (any, error) {
	limit, offset, err := paging(r, apiDefaultLimit, apiMaxLimit)
	if err != nil {
		return nil, err
	}
	items, active := s.dossiers.list()
	all := make([]DossierSummary, len(items))
	for i, e := range items {
		all[i] = summaryOf(e, active)
	}
	return DossierList{List: listOf(window(all, limit, offset), limit, offset), Active: active}, nil
}

// writeAllowed checks an API write: the server takes writes and the
// request carries the token. It answers the refusal itself.
func (s *Server) writeAllowed(w http.ResponseWriter, r *http.Request) bool {
	switch {
	case s.ReadOnly():
		s.fail(w, r, http.StatusForbidden, codeReadOnly, "this server is read-only (started without a token)")
		return false
	case s.failures.blocked(r):
		s.fail(w, r, http.StatusTooManyRequests, codeRateLimited, "too many wrong tokens; wait a minute")
		return false
	case !s.bearerOK(r):
		if r.Header.Get("Authorization") != "" {
			s.failures.fail(r)
		}
		w.Header().Set("WWW-Authenticate", `Bearer realm="parley"`)
		s.fail(w, r, http.StatusUnauthorized, codeUnauth, "a valid Authorization: Bearer token is required")
		return false
	}
	return true
}

func (s *Server) apiDossier(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	if r.Method == http.MethodPut {
		s.apiPutDossier(w, r, name)
		return
	}
	e, err := s.dossiers.get(name)
	if err != nil || name == "" {
		s.fail(w, r, http.StatusNotFound, codeNotFound, "no dossier named "+quoteName(name))
		return
	}
	_, active := s.dossiers.list()
	s.json(w, http.StatusOK, docOf(e, active))
}

func quoteName(n string) string { return "“" + truncate(64, n) + "”" }

// yamlBody accepts the content types a YAML body comes with.
func yamlBody(ct string) bool {
	ct = strings.ToLower(strings.TrimSpace(strings.Split(ct, ";")[0]))
	switch ct {
	case "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain", "":
		return true
	}
	return false
}

func (s *Server) apiPutDossier(w http.ResponseWriter, r *http.Request, name string) {
	if !s.writeAllowed(w, r) {
		return
	}
	if !validDossierName(name) {
		s.fail(w, r, http.StatusBadRequest, codeBadRequest, errDossierName.Error())
		return
	}
	if !yamlBody(r.Header.Get("Content-Type")) {
		s.fail(w, r, http.StatusUnsupportedMediaType, codeBadRequest, "send the dossier as YAML (Content-Type: application/yaml)")
		return
	}
	src, err := io.ReadAll(r.Body)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	e, created, err := s.dossiers.put(name, src)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	if e.D == nil {
		var body dossierInvalid
		body.Error.Code = codeInvalidDossier
		body.Error.Message = "the dossier does not validate; nothing was saved"
		body.Error.Problems = dossierProblems(e.Errors)
		s.json(w, http.StatusUnprocessableEntity, body)
		return
	}
	if r.URL.Query().Get("activate") == "true" {
		_ = s.dossiers.activate(name)
	}
	_, active := s.dossiers.list()
	status := http.StatusOK
	if created {
		status = http.StatusCreated
		w.Header().Set("Location", "/api/v1/dossiers/"+name)
	}
	s.json(w, status, docOf(e, active))
}

func (s *Server) apiDossierActivate(w http.ResponseWriter, r *http.Request) {
	if !s.writeAllowed(w, r) {
		return
	}
	name := r.PathValue("name")
	switch err := s.dossiers.activate(name); {
	case errors.Is(err, errNoDossier):
		s.fail(w, r, http.StatusNotFound, codeNotFound, "no dossier named "+quoteName(name))
	case errors.Is(err, errDossierInvalid):
		s.fail(w, r, http.StatusConflict, codeInvalidDossier, err.Error())
	default:
		s.json(w, http.StatusOK, map[string]string{"active": name})
	}
}

// pageWriteAllowed checks a form post: writable server, logged in, CSRF
// token right. It answers the refusal itself.
func (s *Server) pageWriteAllowed(w http.ResponseWriter, r *http.Request) bool {
	switch {
	case s.ReadOnly():
		s.fail(w, r, http.StatusForbidden, codeReadOnly, "this server is read-only (started without a token)")
	case !s.loggedIn(r):
		s.fail(w, r, http.StatusUnauthorized, codeUnauth, "log in first")
	case !s.csrfOK(r):
		s.fail(w, r, http.StatusForbidden, codeCSRF, "the form expired or did not come from this site; reload it and try again")
	default:
		return true
	}
	return false
}

func (s *Server) pageDossiers(w http.ResponseWriter, r *http.Request) {
	if n := strings.TrimSpace(r.URL.Query().Get("new")); n != "" {
		if !validDossierName(n) {
			s.fail(w, r, http.StatusBadRequest, codeBadRequest, errDossierName.Error())
			return
		}
		http.Redirect(w, r, "/dossiers/"+url.PathEscape(n), http.StatusSeeOther)
		return
	}
	items, active := s.dossiers.list()
	rows := make([]DossierSummary, len(items))
	for i, e := range items {
		rows[i] = summaryOf(e, active)
	}
	p := s.newPage(w, r, "Dossiers", "dossiers")
	p.Data = struct {
		Items []DossierSummary
		Dir   string
	}{rows, s.cfg.DossierDir}
	s.render(w, r, http.StatusOK, "dossiers", p)
}

func (s *Server) pageDossierActivate(w http.ResponseWriter, r *http.Request) {
	if !s.pageWriteAllowed(w, r) {
		return
	}
	name := r.PathValue("name")
	switch err := s.dossiers.activate(name); {
	case errors.Is(err, errNoDossier):
		s.fail(w, r, http.StatusNotFound, codeNotFound, "no dossier named "+quoteName(name))
	case errors.Is(err, errDossierInvalid):
		s.fail(w, r, http.StatusConflict, codeInvalidDossier, err.Error())
	default:
		http.Redirect(w, r, "/dossiers", http.StatusSeeOther)
	}
}

// EditorLine is one line of the source listing under the editor, with
// the problems found on it.
type EditorLine struct {
	N      int
	Text   string
	Gap    bool // lines left out before this one
	Errors []EditorMark
}

// EditorMark is one problem on a line; Pad puts a caret under its column.
type EditorMark struct {
	Col int
	Pad string
	Msg string
}

// listing shows the lines with problems and one line around each.
func listing(src string, errs dossier.Errors) []EditorLine {
	if len(errs) == 0 {
		return nil
	}
	lines := strings.Split(strings.TrimSuffix(strings.ReplaceAll(src, "\r\n", "\n"), "\n"), "\n")
	marks := map[int][]EditorMark{}
	show := map[int]bool{}
	for _, e := range errs {
		n := min(max(e.Line, 1), len(lines))
		pad := ""
		if n-1 < len(lines) {
			pad = caretPad(lines[n-1], e.Col)
		}
		marks[n] = append(marks[n], EditorMark{Col: e.Col, Pad: pad, Msg: e.Msg})
		for k := n - 1; k <= n+1; k++ {
			show[k] = true
		}
	}
	var out []EditorLine
	last := 0
	for n := 1; n <= len(lines); n++ {
		if !show[n] {
			continue
		}
		out = append(out, EditorLine{N: n, Text: lines[n-1], Gap: last != 0 && n != last+1, Errors: marks[n]})
		last = n
	}
	return out
}

// caretPad is the text before column col (1-based, in bytes as yaml.v3
// counts them... in runes), tabs kept, everything else a space.
func caretPad(line string, col int) string {
	var b strings.Builder
	i := 1
	for _, r := range line {
		if i >= col {
			break
		}
		if r == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
		i++
	}
	return b.String()
}

// dossierSkeleton starts a new dossier in the editor.
const dossierSkeleton = `negotiation: Name of the negotiation
from: 2031-01      # optional: statements outside from..to are left out
to: 2031-12
parties:
  - name: First party
    aliases: [Its capital]
  - name: Second party
issues:
  - id: first-issue
    proposition: What is on the table, as one sentence
    for: [phrase that states it]
    against: [phrase that states its opposite]
`

func (s *Server) pageDossierEdit(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	if !validDossierName(name) {
		s.fail(w, r, http.StatusNotFound, codeNotFound, "no dossier named "+quoteName(name)+" ("+errDossierName.Error()+")")
		return
	}
	type data struct {
		Name     string
		Source   string
		New      bool
		Active   bool
		Saved    bool
		Errors   []DossierError
		Lines    []EditorLine
		Summary  DossierSummary
		Activate bool
	}
	d := data{Name: name}
	status := http.StatusOK
	e, err := s.dossiers.get(name)
	_, active := s.dossiers.list()
	if err != nil {
		d.New, d.Source = true, dossierSkeleton
	} else {
		d.Source, d.Summary = string(e.Source), summaryOf(e, active)
		d.Errors, d.Lines = dossierProblems(e.Errors), listing(d.Source, e.Errors)
	}
	d.Active = name == active
	d.Saved = r.URL.Query().Get("saved") == "1"
	if r.Method == http.MethodPost {
		if !s.pageWriteAllowed(w, r) {
			return
		}
		src := strings.ReplaceAll(r.PostFormValue("source"), "\r\n", "\n")
		d.Source, d.Saved = src, false
		d.Activate = r.PostFormValue("activate") == "on"
		e, _, err := s.dossiers.put(name, []byte(src))
		switch {
		case err != nil:
			s.failErr(w, r, err)
			return
		case e.D == nil:
			status = http.StatusUnprocessableEntity
			d.Errors, d.Lines = dossierProblems(e.Errors), listing(src, e.Errors)
		default:
			if d.Activate {
				_ = s.dossiers.activate(name)
			}
			http.Redirect(w, r, "/dossiers/"+url.PathEscape(name)+"?saved=1", http.StatusSeeOther)
			return
		}
	}
	p := s.newPage(w, r, "Dossier "+name, "dossiers")
	p.Data = d
	s.render(w, r, status, "dossier", p)
}
