package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// cancelOn is standard output that ends the context once the server says
// it is serving.
type cancelOn struct {
	mu     sync.Mutex
	b      bytes.Buffer
	cancel context.CancelFunc
}

func (c *cancelOn) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.b.Write(p)
	if strings.Contains(c.b.String(), "Parley is serving") {
		c.cancel()
	}
	return len(p), nil
}

// serve runs parley serve until it is up, then stops it.
func serve(t *testing.T, getenv map[string]string, args ...string) (int, string, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out := &cancelOn{cancel: cancel}
	var errb syncBuffer
	db := filepath.Join(t.TempDir(), "p.db")
	env := &Env{Stdin: strings.NewReader(""), Stdout: out, Stderr: &errb, Getenv: func(k string) string {
		if k == "PARLEY_DB" {
			return db
		}
		return getenv[k]
	}}
	code := Run(ctx, env, append([]string{"serve"}, args...))
	out.mu.Lock()
	defer out.mu.Unlock()
	return code, out.b.String(), errb.String()
}

func TestServeTokens(t *testing.T) {
	dir := t.TempDir()
	strong := "k7Qp2xVm9LrT4wZa"
	file := filepath.Join(dir, "token")
	os.WriteFile(file, []byte(strong+"\n"), 0o600)
	weakFile := filepath.Join(dir, "weak")
	os.WriteFile(weakFile, []byte("aaaaaaaaaaaaaaaaaaaa\n"), 0o600)
	tests := []struct {
		name   string
		env    map[string]string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"weak --token", nil, []string{"--token", "a"}, ExitUsage, "", "too weak: 1 characters"},
		{"repetitive token", nil, []string{"--token-file", weakFile}, ExitUsage, "", "only 1 different characters"},
		{"weak env token", map[string]string{"PARLEY_TOKEN": "short"}, nil, ExitUsage, "", "$PARLEY_TOKEN is too weak"},
		{"token file", nil, []string{"--token-file", file, "--addr", "127.0.0.1:0"}, ExitOK, "writes enabled", ""},
		{"env token", map[string]string{"PARLEY_TOKEN": strong}, []string{"--addr", "127.0.0.1:0"}, ExitOK, "writes enabled", ""},
		{"generated", nil, []string{"--generate-token", "--addr", "127.0.0.1:0"}, ExitOK, "writes enabled", "write token (shown only now; keep it): "},
		{"no token", nil, []string{"--addr", "127.0.0.1:0"}, ExitOK, "read-only", ""},
		{"two sources", nil, []string{"--token", strong, "--generate-token"}, ExitUsage, "", "give one of"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := serve(t, tt.env, tt.args...)
			if code != tt.code || !strings.Contains(out, tt.stdout) || !strings.Contains(errs, tt.stderr) {
				t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
			}
			if strings.Contains(errs, "warning") {
				t.Errorf("a loopback address warned: %q", errs)
			}
		})
	}
}

// TestServeWarnsOffLoopback: writes enabled on an address other machines
// reach, over plain HTTP, start with a warning.
func TestServeWarnsOffLoopback(t *testing.T) {
	code, _, errs := serve(t, map[string]string{"PARLEY_TOKEN": "k7Qp2xVm9LrT4wZa"}, "--addr", "0.0.0.0:0")
	if code != ExitOK || !strings.Contains(errs, "warning: writes are enabled") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	code, _, errs = serve(t, nil, "--addr", "0.0.0.0:0")
	if code != ExitOK || strings.Contains(errs, "warning") {
		t.Errorf("read-only off loopback warned: exit %d, stderr %q", code, errs)
	}
}
