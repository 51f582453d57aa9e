package store

import (
	"encoding/json"
	"path/filepath"
	"testing"
)

func TestDefaultPath(t *testing.T) {
	home := t.TempDir()
	tests := []struct {
		name, db, xdg, want string
	}{
		{"PARLEY_DB wins", "/data/p.db", "/xdg", "/data/p.db"},
		{"XDG data home", "", "/xdg", filepath.Join("/xdg", "parley", "parley.db")},
		{"relative XDG is ignored", "", "rel", filepath.Join(home, ".local", "share", "parley", "parley.db")},
		{"home fallback", "", "", filepath.Join(home, ".local", "share", "parley", "parley.db")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("HOME", home)
			t.Setenv("PARLEY_DB", tt.db)
			t.Setenv("XDG_DATA_HOME", tt.xdg)
			got, err := DefaultPath()
			if err != nil || got != tt.want {
				t.Errorf("DefaultPath() = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestSaveStatus(t *testing.T) {
	for s, want := range map[SaveStatus]string{New: "new", Duplicate: "duplicate", NewVersion: "new-version", 0: "SaveStatus(0)"} {
		if s.String() != want {
			t.Errorf("%d.String() = %q, want %q", int(s), s.String(), want)
		}
	}
	b, err := json.Marshal(SaveResult{ID: 3, Status: NewVersion, Version: 2, Previous: 1})
	if err != nil || string(b) != `{"id":3,"status":"new-version","version":2,"previous":1}` {
		t.Errorf("SaveResult JSON = %s, %v", b, err)
	}
}

func TestClampLimit(t *testing.T) {
	for in, want := range map[int]int{-1: DefaultLimit, 0: DefaultLimit, 7: 7, MaxLimit + 1: MaxLimit} {
		if got := ClampLimit(in); got != want {
			t.Errorf("ClampLimit(%d) = %d, want %d", in, got, want)
		}
	}
}

func TestCursor(t *testing.T) {
	c := ArticleSummary{ID: 9, Published: "2022-02-24T10:00:00Z"}.Cursor()
	if c.Published != "2022-02-24" || c.ID != 9 {
		t.Errorf("Cursor = %+v", c)
	}
}
