package web

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/parley-news/parley/internal/errtext"
	"github.com/parley-news/parley/internal/store"
)

// Error codes of the API, stable: clients switch on them.
const (
	codeBadRequest  = "bad_request"
	codeNotFound    = "not_found"
	codeMethod      = "method_not_allowed"
	codeUnauth      = "unauthorized"
	codeReadOnly    = "read_only"
	codeCSRF        = "csrf"
	codeCrossOrigin = "cross_origin"
	codeRateLimited = "rate_limited"
	codeTooLarge    = "too_large"
	codeInternal    = "internal"
	codeUnavailable = "unavailable"
)

// route registers h for pattern (a path, no method) answering only the
// given methods; others get 405 in the API's or the pages' format.
func (s *Server) route(pattern string, h http.HandlerFunc, methods ...string) {
	s.mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		for _, m := range methods {
			if r.Method == m || (m == http.MethodGet && r.Method == http.MethodHead) {
				h(w, r)
				return
			}
		}
		w.Header().Set("Allow", strings.Join(methods, ", "))
		s.fail(w, r, http.StatusMethodNotAllowed, codeMethod, "method "+r.Method+" not allowed")
	})
}

func (s *Server) routes() {
	s.mux = http.NewServeMux()
	s.ingestMu = make(chan struct{}, 1)
	get, post := http.MethodGet, http.MethodPost

	// Pages.
	s.route("/{$}", s.pageOverview, get)
	s.route("/statements", s.pageStatements, get)
	s.route("/articles", s.pageArticles, get)
	s.route("/articles/{id}", s.pageArticle, get)
	s.route("/actors", s.pageActors, get)
	s.route("/actors/{id}", s.pageActor, get)
	s.route("/ingest", s.pageIngest, get, post)
	s.route("/login", s.pageLogin, get, post)
	s.route("/logout", s.pageLogout, post)
	s.route("/matrix", s.pageMatrix, get)
	s.route("/timeline", s.pageTimeline, get)
	s.route("/stances", s.pageStances, get)
	s.route("/dossiers", s.pageDossiers, get)
	s.route("/dossiers/{name}", s.pageDossierEdit, get, post)
	s.route("/dossiers/{name}/activate", s.pageDossierActivate, post)
	s.route("/dossiers/{name}/feed.atom", s.pageFeed, get)
	s.route("/sources", s.pageSources, get)
	s.route("/corrections", s.pageCorrections, get)
	s.route("/corrections/statements/{id}", s.pageCorrectStatement, post)
	s.route("/corrections/add", s.pageCorrectAdd, post)
	s.route("/corrections/actors/{id}", s.pageCorrectActor, post)
	s.route("/corrections/cells", s.pageCorrectCell, post)
	s.route("/static/{name}", s.pages.serveStatic, get)
	s.route("/healthz", s.healthz, get)
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, http.StatusNotFound, codeNotFound, "no such page")
	})

	// API.
	s.route("/api/openapi.json", s.apiOpenAPI, get)
	s.route("/api/v1/stats", s.apiGet(s.apiStats), get)
	s.route("/api/v1/articles", s.apiGet(s.apiArticles), get)
	s.route("/api/v1/articles/{id}", s.apiGet(s.apiArticle), get)
	s.route("/api/v1/articles/{id}/versions", s.apiGet(s.apiVersions), get)
	s.route("/api/v1/statements", s.apiGet(s.apiStatements), get)
	s.route("/api/v1/actors", s.apiGet(s.apiActors), get)
	s.route("/api/v1/actors/{id}", s.apiGet(s.apiActor), get)
	s.route("/api/v1/outlets", s.apiGet(s.apiOutlets), get)
	s.route("/api/v1/ingest", s.apiIngest, post)
	s.route("/api/v1/positions", s.apiPositions, get)
	s.route("/api/v1/timeline", s.apiTimeline, get)
	s.route("/api/v1/stances", s.apiStances, get)
	s.route("/api/v1/dossiers", s.apiGet(s.apiDossiers), get)
	s.route("/api/v1/dossiers/{name}", s.apiDossier, get, http.MethodPut)
	s.route("/api/v1/dossiers/{name}/activate", s.apiDossierActivate, post)
	s.route("/api/v1/dossiers/{name}/changes", s.apiGet(s.apiChanges), get)
	s.route("/api/v1/sources", s.apiGet(s.apiSources), get)
	s.route("/api/v1/jobs", s.apiGet(s.apiJobs), get)
	s.route("/api/v1/corrections", s.apiCorrections, get, post)
	s.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, http.StatusNotFound, codeNotFound, "no such endpoint")
	})

	s.handle = s.secure(s.mux)
}

func isAPI(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/api/") }

// apiError is the body of every API error.
type apiError struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// fail answers an error: JSON for the API, the error page otherwise.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, code, msg string) {
	if isAPI(r) {
		var e apiError
		e.Error.Code, e.Error.Message = code, msg
		s.json(w, status, e)
		return
	}
	p := s.newPage(w, r, "Error", "")
	p.Data = struct {
		Status  int
		Code    string
		Message string
	}{status, code, msg}
	if err := s.pages.execute(w, status, "error", p); err != nil {
		s.log.Error("render error page", "err", err)
		http.Error(w, msg, status)
	}
}

// failErr maps an error from the store or a handler to a response.
func (s *Server) failErr(w http.ResponseWriter, r *http.Request, err error) {
	var mbe *http.MaxBytesError
	switch {
	case errors.Is(err, store.ErrNotFound):
		s.fail(w, r, http.StatusNotFound, codeNotFound, errtext.Plain(err))
	case errors.Is(err, store.ErrInvalid), errors.Is(err, errBadParam):
		s.fail(w, r, http.StatusBadRequest, codeBadRequest, errtext.Plain(err))
	case errors.As(err, &mbe):
		s.fail(w, r, http.StatusRequestEntityTooLarge, codeTooLarge, "request body too large")
	case errors.Is(err, ErrNoPipeline), errors.Is(err, ErrUnwritable):
		s.fail(w, r, http.StatusServiceUnavailable, codeUnavailable, errtext.Plain(err))
	case r.Context().Err() != nil:
		// The client went away; nobody reads the answer.
		s.log.Debug("request cancelled", "path", r.URL.Path)
	default:
		s.log.Error("request failed", "path", r.URL.Path, "err", err)
		s.fail(w, r, http.StatusInternalServerError, codeInternal, "internal error")
	}
}

func (s *Server) json(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		s.log.Error("encode JSON", "err", err)
		status, b = http.StatusInternalServerError, []byte(`{"error":{"code":"internal","message":"encode"}}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)+1))
	w.WriteHeader(status)
	_, _ = w.Write(append(b, '\n'))
}

var errBadParam = errors.New("bad parameter")

// paging reads limit and offset; limit defaults to def and is capped at max.
func paging(r *http.Request, def, max int) (limit, offset int, err error) {
	limit, offset = def, 0
	if v := r.URL.Query().Get("limit"); v != "" {
		n, e := strconv.Atoi(v)
		if e != nil || n < 1 {
			return 0, 0, errors.Join(errBadParam, errors.New("limit must be a positive integer"))
		}
		limit = min(n, max)
	}
	if v := r.URL.Query().Get("offset"); v != "" {
		n, e := strconv.Atoi(v)
		if e != nil || n < 0 || n > 10_000_000 {
			return 0, 0, errors.Join(errBadParam, errors.New("offset must be a non-negative integer"))
		}
		offset = n
	}
	return limit, offset, nil
}

// pathID reads the {id} of a path; a malformed id is a 404 (no such thing).
func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, store.ErrNotFound
	}
	return id, nil
}

// validDate accepts what the store accepts: YYYY, YYYY-MM or YYYY-MM-DD.
func validDate(d string) bool {
	if d == "" {
		return true
	}
	digits := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		}
		return true
	}
	switch len(d) {
	case 4:
		return digits(d)
	case 7:
		return digits(d[:4]) && d[4] == '-' && digits(d[5:])
	case 10:
		return digits(d[:4]) && d[4] == '-' && digits(d[5:7]) && d[7] == '-' && digits(d[8:])
	}
	return false
}
