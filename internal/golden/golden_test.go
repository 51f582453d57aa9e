package golden

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// recorder is a testing.TB that records failures instead of failing.
type recorder struct {
	testing.TB
	failed bool
	msg    string
}

func (r *recorder) Helper()                   {}
func (r *recorder) Errorf(f string, a ...any) { r.failed = true; r.msg = f }
func (r *recorder) Fatalf(f string, a ...any) { r.failed = true; r.msg = f }
func (r *recorder) Fatal(a ...any)            { r.failed = true }

func TestCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.golden")
	os.WriteFile(path, []byte("a\nb\n"), 0o644)
	r := &recorder{TB: t}
	Check(r, path, []byte("a\nb"))
	if r.failed {
		t.Errorf("equal output (but for the final newline) failed: %s", r.msg)
	}
	r = &recorder{TB: t}
	Check(r, path, []byte("a\nc\n"))
	if !r.failed {
		t.Error("different output passed")
	}
	if d := firstDiff("a\nb", "a\nc"); !strings.Contains(d, "line 2") {
		t.Errorf("firstDiff = %q", d)
	}
	r = &recorder{TB: t}
	Check(r, filepath.Join(t.TempDir(), "missing"), []byte("x"))
	if !r.failed {
		t.Error("a missing golden file passed")
	}
}
