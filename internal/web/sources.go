package web

import (
	"net/http"

	"github.com/parley-news/parley/internal/queue"
	"github.com/parley-news/parley/internal/watch"
)

// pageSources shows the watched sources' health (serve --watch).
func (s *Server) pageSources(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Sources == nil {
		s.fail(w, r, http.StatusNotFound, codeNotFound, "no sources are watched (start with parley serve --watch SOURCES.yaml)")
		return
	}
	p := s.newPage(w, r, "Sources", "sources")
	var jobs []queue.Job
	if s.cfg.Jobs != nil {
		var err error
		if jobs, err = s.cfg.Jobs(r.Context()); err != nil {
			s.failErr(w, r, err)
			return
		}
	}
	p.Data = struct {
		Sources []watch.Health
		Jobs    []queue.Job
	}{s.cfg.Sources(), jobs}
	s.render(w, r, http.StatusOK, "sources", p)
}

// apiSources is GET /api/v1/sources: each watched source's health.
func (s *Server) apiSources(r *http.Request) (any, error) {
	out := []watch.Health{}
	if s.cfg.Sources != nil {
		out = s.cfg.Sources()
	}
	return map[string]any{"sources": out}, nil
}

// apiJobs is GET /api/v1/jobs: the queue's failed and retrying jobs.
func (s *Server) apiJobs(r *http.Request) (any, error) {
	out := []queue.Job{}
	if s.cfg.Jobs != nil {
		jobs, err := s.cfg.Jobs(r.Context())
		if err != nil {
			return nil, err
		}
		out = jobs
	}
	return map[string]any{"jobs": out}, nil
}
