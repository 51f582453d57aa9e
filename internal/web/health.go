package web

import (
	"context"
	"net/http"
	"sync"
	"time"
)

// health caches the store's integrity check for /healthz: the check reads
// the whole file, so it runs at most once per healthEvery, whoever asks.
type health struct {
	run sync.Mutex // held while a check runs
	mu  sync.Mutex // guards at and err
	at  time.Time
	err error
}

func (h *health) last() (time.Time, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.at, h.err
}

const (
	healthEvery   = 30 * time.Second
	healthTimeout = 20 * time.Second
)

// healthz answers 200 {"status":"ok"} while the database passes its
// integrity check (PRAGMA quick_check for SQLite) and 503
// {"status":"corrupt"} once it fails it; "read_only" says whether writes
// are possible at all.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	err := s.checkStore(r.Context())
	body := map[string]any{"status": "ok"}
	if w, ok := s.st.(interface{ ReadOnly() bool }); ok {
		body["read_only"] = w.ReadOnly()
	}
	status := http.StatusOK
	if err != nil {
		status = http.StatusServiceUnavailable
		body["status"], body["error"] = "corrupt", err.Error()
		s.log.Error("healthz: store check failed", "err", err)
	}
	s.json(w, status, body)
}

// checkStore runs the store's integrity check, or returns the last result
// when it ran less than healthEvery ago or is running now.
func (s *Server) checkStore(ctx context.Context) error {
	c, ok := s.st.(interface{ Check(context.Context) error })
	if !ok {
		return nil
	}
	h := &s.health
	if !h.run.TryLock() {
		_, err := h.last() // a check is running: the last result
		return err
	}
	defer h.run.Unlock()
	if at, err := h.last(); !at.IsZero() && time.Since(at) < healthEvery {
		return err
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), healthTimeout)
	defer cancel()
	err := c.Check(ctx)
	h.mu.Lock()
	h.at, h.err = time.Now(), err
	h.mu.Unlock()
	return err
}
