package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/store"
)

// API list sizes.
const (
	apiDefaultLimit = 50
	apiMaxLimit     = 500
)

// List is the envelope of every API list.
type List[T any] struct {
	Items  []T `json:"items"`
	Limit  int `json:"limit"`
	Offset int `json:"offset"`
	// NextOffset is the offset of the next page; null on the last page.
	NextOffset *int `json:"next_offset"`
	// Next continues the list after this page (pass it as ?after=): a
	// keyset cursor, which costs the same at any depth, unlike offset.
	// Empty on the last page and for lists in relevance order.
	Next string `json:"next,omitempty"`
}

// withNext sets l.Next to the cursor after the page's last row.
func withNext[T any](l List[T], cursor func(T) any) List[T] {
	if l.NextOffset != nil && len(l.Items) > 0 {
		l.Next = encodeCursor(cursor(l.Items[len(l.Items)-1]))
	}
	return l
}

// after reads the ?after= cursor into c; false when there is none.
func after(r *http.Request, c any) (bool, error) {
	v := r.URL.Query().Get("after")
	if v == "" {
		return false, nil
	}
	return true, decodeCursor(v, c)
}

// page cuts rows fetched with limit+1 to a List.
func listOf[T any](rows []T, limit, offset int) List[T] {
	l := List[T]{Items: rows, Limit: limit, Offset: offset}
	if len(rows) > limit {
		l.Items = rows[:limit]
		n := offset + limit
		l.NextOffset = &n
	}
	if l.Items == nil {
		l.Items = []T{}
	}
	return l
}

func badParam(msg string) error { return fmt.Errorf("%w: %s", errBadParam, msg) }

// statementQuery reads the statement filters shared by the API and the
// statement browser.
func statementQuery(r *http.Request) (store.StatementQuery, error) {
	v := r.URL.Query()
	q := store.StatementQuery{
		Speaker: strings.TrimSpace(v.Get("speaker")),
		From:    strings.TrimSpace(v.Get("from")),
		To:      strings.TrimSpace(v.Get("to")),
		Outlet:  strings.TrimSpace(v.Get("outlet")),
		Kind:    strings.TrimSpace(v.Get("kind")),
		Query:   strings.TrimSpace(v.Get("q")),
	}
	if !validDate(q.From) || !validDate(q.To) {
		return q, badParam("from and to are dates: YYYY, YYYY-MM or YYYY-MM-DD")
	}
	switch q.Kind {
	case "", article.Direct, article.Indirect, article.Mixed:
	default:
		return q, badParam("kind is direct, indirect or mixed")
	}
	for _, f := range []struct {
		name string
		dst  *int64
	}{{"actor_id", &q.ActorID}, {"article_id", &q.ArticleID}} {
		if s := v.Get(f.name); s != "" {
			n, err := strconv.ParseInt(s, 10, 64)
			if err != nil || n <= 0 {
				return q, badParam(f.name + " must be a positive integer")
			}
			*f.dst = n
		}
	}
	if q.Query != "" {
		q.Order = store.Relevance
	}
	return q, nil
}

func articleQuery(r *http.Request) (store.ArticleQuery, error) {
	v := r.URL.Query()
	q := store.ArticleQuery{
		Outlet: strings.TrimSpace(v.Get("outlet")),
		From:   strings.TrimSpace(v.Get("from")),
		To:     strings.TrimSpace(v.Get("to")),
		Query:  strings.TrimSpace(v.Get("q")),
		Mark:   [2]string{"\x02", "\x03"},
	}
	if !validDate(q.From) || !validDate(q.To) {
		return q, badParam("from and to are dates: YYYY, YYYY-MM or YYYY-MM-DD")
	}
	if q.Query != "" {
		q.Order = store.Relevance
	}
	return q, nil
}

// apiGet adapts a read-only API handler: its value answers 200 as JSON, its
// error answers as a JSON error with a stable code.
func (s *Server) apiGet(fn func(r *http.Request) (any, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v, err := fn(r)
		if err != nil {
			s.failErr(w, r, err)
			return
		}
		s.json(w, http.StatusOK, v)
	}
}

func (s *Server) apiStats(r *http.Request) (any, error) { return s.st.Stats(r.Context()) }

func (s *Server) apiArticles(r *http.Request) (any, error) {
	limit, offset, err := paging(r, apiDefaultLimit, apiMaxLimit)
	if err != nil {
		return nil, err
	}
	q, err := articleQuery(r)
	if err != nil {
		return nil, err
	}
	q.Limit, q.Offset = limit+1, offset
	var c store.ArticleCursor
	if ok, err := after(r, &c); err != nil {
		return nil, err
	} else if ok && q.Order == store.Newest {
		q.After = &c
	}
	rows, err := s.st.Articles(r.Context(), q)
	if err != nil {
		return nil, err
	}
	for i := range rows {
		// The API marks matches with [ and ], the store's default.
		rows[i].Snippet = strings.NewReplacer("\x02", "[", "\x03", "]").Replace(rows[i].Snippet)
	}
	l := listOf(rows, limit, offset)
	if q.Order == store.Newest {
		l = withNext(l, func(a store.ArticleSummary) any { return a.Cursor() })
	}
	return l, nil
}

// ArticleResponse is GET /api/v1/articles/{id}: the stored article with a
// page of its statements (statements_limit, default 500, at most
// store.MaxStatements; statements_offset), so that no answer grows with an
// article's size past the caps.
type ArticleResponse struct {
	*store.StoredArticle
	Statements       []article.Statement `json:"statements"`
	StatementsTotal  int                 `json:"statements_total"`
	StatementsOffset int                 `json:"statements_offset"`
	StatementsNext   string              `json:"statements_next,omitempty"`
}

func (s *Server) apiArticle(r *http.Request) (any, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	limit, offset := 500, 0
	q := r.URL.Query()
	if v := q.Get("statements_limit"); v != "" {
		n, e := strconv.Atoi(v)
		if e != nil || n < 1 {
			return nil, errors.Join(errBadParam, errors.New("statements_limit must be a positive integer"))
		}
		limit = min(n, store.MaxStatements)
	}
	if v := q.Get("statements_offset"); v != "" {
		n, e := strconv.Atoi(v)
		if e != nil || n < 0 {
			return nil, errors.Join(errBadParam, errors.New("statements_offset must be a non-negative integer"))
		}
		offset = n
	}
	a, err := s.st.Article(r.Context(), id)
	if err != nil {
		return nil, err
	}
	total := len(a.Statements)
	lo := min(offset, total)
	hi := min(lo+limit, total)
	resp := ArticleResponse{StoredArticle: a, Statements: a.Statements[lo:hi], StatementsTotal: total, StatementsOffset: lo}
	if resp.Statements == nil {
		resp.Statements = []article.Statement{}
	}
	if hi < total {
		resp.StatementsNext = fmt.Sprintf("/api/v1/articles/%d?statements_offset=%d&statements_limit=%d", id, hi, limit)
	}
	return resp, nil
}

func (s *Server) apiVersions(r *http.Request) (any, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	vs, err := s.st.Versions(r.Context(), id)
	if err != nil {
		return nil, err
	}
	return listOf(vs, len(vs)+1, 0), nil
}

func (s *Server) apiStatements(r *http.Request) (any, error) {
	limit, offset, err := paging(r, apiDefaultLimit, apiMaxLimit)
	if err != nil {
		return nil, err
	}
	q, err := statementQuery(r)
	if err != nil {
		return nil, err
	}
	q.Limit, q.Offset = limit+1, offset
	var c store.StatementCursor
	if ok, err := after(r, &c); err != nil {
		return nil, err
	} else if ok && q.Order == store.Newest {
		q.After = &c
	}
	rows, err := s.st.Statements(r.Context(), q)
	if err != nil {
		return nil, err
	}
	l := listOf(rows, limit, offset)
	if q.Order == store.Newest {
		l = withNext(l, func(x store.StoredStatement) any { return x.Cursor() })
	}
	return l, nil
}

// window returns rows[offset:offset+limit+1] (one more, for listOf).
func window[T any](rows []T, limit, offset int) []T {
	if offset >= len(rows) {
		return nil
	}
	return rows[offset:min(len(rows), offset+limit+1)]
}

func (s *Server) apiActors(r *http.Request) (any, error) {
	limit, offset, err := paging(r, apiDefaultLimit, apiMaxLimit)
	if err != nil {
		return nil, err
	}
	q := store.ActorQuery{Name: strings.TrimSpace(r.URL.Query().Get("q")), Limit: limit + 1, Offset: offset}
	var c store.ActorCursor
	if ok, err := after(r, &c); err != nil {
		return nil, err
	} else if ok {
		q.After = &c
	}
	rows, err := s.actors(r.Context(), q)
	if err != nil {
		return nil, err
	}
	return withNext(listOf(rows, limit, offset), func(a ActorSummary) any { return a.cursor }), nil
}

func (s *Server) apiActor(r *http.Request) (any, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	return s.actor(r.Context(), id)
}

func (s *Server) apiOutlets(r *http.Request) (any, error) {
	outlets, err := s.outlets(r.Context())
	if err != nil {
		return nil, err
	}
	return listOf(outlets, len(outlets)+1, 0), nil
}

// IngestRequest is the JSON body of POST /api/v1/ingest.
type IngestRequest struct {
	URLs []string `json:"urls"`
	Feed string   `json:"feed,omitempty"`
}

// apiIngest takes JSON {"urls": [...], "feed": "..."} or a multipart form
// with files ("file") and URLs ("urls", one a line; "feed").
func (s *Server) apiIngest(w http.ResponseWriter, r *http.Request) {
	if s.ReadOnly() {
		s.fail(w, r, http.StatusForbidden, codeReadOnly, "this server is read-only (started without a token)")
		return
	}
	if s.failures.blocked(r) {
		s.fail(w, r, http.StatusTooManyRequests, codeRateLimited, "too many wrong tokens; wait a minute")
		return
	}
	if !s.bearerOK(r) {
		if r.Header.Get("Authorization") != "" {
			s.failures.fail(r)
		}
		w.Header().Set("WWW-Authenticate", `Bearer realm="parley"`)
		s.fail(w, r, http.StatusUnauthorized, codeUnauth, "a valid Authorization: Bearer token is required")
		return
	}
	var urls, files []string
	var dir string
	ct := r.Header.Get("Content-Type")
	switch {
	case strings.HasPrefix(ct, "application/json"):
		var req IngestRequest
		dec := json.NewDecoder(r.Body)
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				s.failErr(w, r, err)
				return
			}
			s.fail(w, r, http.StatusBadRequest, codeBadRequest, "body is not a valid ingest request: "+err.Error())
			return
		}
		urls = append(req.URLs, req.Feed)
	case strings.HasPrefix(ct, "multipart/form-data"):
		var err error
		dir, files, urls, err = s.readIngestForm(r)
		if dir != "" {
			defer os.RemoveAll(dir)
		}
		if err != nil {
			s.failErr(w, r, err)
			return
		}
	default:
		s.fail(w, r, http.StatusUnsupportedMediaType, codeBadRequest, "send application/json or multipart/form-data")
		return
	}
	inputs, err := s.ingestInputs(files, urls)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	rep, err := s.Ingest(r.Context(), inputs, IngestOptions{Rename: uploadName(dir)})
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	s.json(w, http.StatusOK, rep)
}

// ingestInputs checks the URLs and adds the uploaded files.
func (s *Server) ingestInputs(files, urls []string) ([]string, error) {
	var inputs []string
	for _, u := range urls {
		if strings.TrimSpace(u) == "" {
			continue
		}
		v, err := checkURL(u)
		if err != nil {
			return nil, badParam(err.Error())
		}
		inputs = append(inputs, v)
	}
	if len(inputs) > s.cfg.MaxURLs {
		return nil, badParam(fmt.Sprintf("at most %d URLs at a time", s.cfg.MaxURLs))
	}
	inputs = append(inputs, files...)
	if len(inputs) == 0 {
		return nil, badParam("nothing to ingest: give files, URLs or a feed URL")
	}
	return inputs, nil
}

// readIngestForm saves the uploaded files into a fresh temporary folder
// (names reduced to a safe base name, extension kept so the reader knows
// the format) and returns it, the files' paths (named one by one, so the
// reader sniffs those without a known extension) and the URLs typed in.
// The caller removes dir.
func (s *Server) readIngestForm(r *http.Request) (dir string, paths, urls []string, err error) {
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return "", nil, nil, err
		}
		return "", nil, nil, fmt.Errorf("%w: %w", errBadParam, err)
	}
	for _, line := range strings.Split(r.FormValue("urls"), "\n") {
		if l := strings.TrimSpace(line); l != "" {
			urls = append(urls, l)
		}
	}
	if f := strings.TrimSpace(r.FormValue("feed")); f != "" {
		urls = append(urls, f)
	}
	files := r.MultipartForm.File["file"]
	if len(files) == 0 {
		return "", nil, urls, nil
	}
	dir, err = os.MkdirTemp("", "parley-upload-")
	if err != nil {
		return "", nil, nil, fmt.Errorf("upload folder: %w", err)
	}
	for i, fh := range files {
		name := safeName(fh.Filename)
		src, err := fh.Open()
		if err != nil {
			return dir, nil, nil, fmt.Errorf("upload %s: %w", name, err)
		}
		// The index keeps the upload order (the reader reads a folder in
		// name order) and makes equal names distinct.
		p := filepath.Join(dir, fmt.Sprintf("%03d-%s", i, name))
		dst, err := os.Create(p)
		if err == nil {
			_, err = io.Copy(dst, src)
			if cerr := dst.Close(); err == nil {
				err = cerr
			}
		}
		src.Close()
		if err != nil {
			return dir, nil, nil, fmt.Errorf("upload %s: %w", name, err)
		}
		paths = append(paths, p)
	}
	return dir, paths, urls, nil
}

// safeName reduces an uploaded file name to letters, digits, '.', '-' and
// '_' with no leading dot (the reader skips dot files in folders), so it
// can never climb out of the upload folder or hide.
func safeName(n string) string {
	n = filepath.Base(strings.ReplaceAll(n, "\\", "/"))
	var b strings.Builder
	for _, c := range n {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '.', c == '-', c == '_':
			b.WriteRune(c)
		default:
			b.WriteByte('_')
		}
		if b.Len() >= 100 {
			break
		}
	}
	out := strings.TrimLeft(b.String(), ".")
	if out == "" {
		out = "upload.txt"
	}
	return out
}

// uploadName returns the rename function that records an uploaded file as
// "upload:NAME" rather than by its temporary path.
func uploadName(dir string) func(string) string {
	if dir == "" {
		return nil
	}
	prefix := dir + string(filepath.Separator)
	return func(src string) string {
		rest, ok := strings.CutPrefix(src, prefix)
		if !ok {
			return src
		}
		// Drop the "000-" that keeps uploads apart on disk.
		if len(rest) > 4 && rest[3] == '-' {
			rest = rest[4:]
		}
		return "upload:" + rest
	}
}
