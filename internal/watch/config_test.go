package watch

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	good := `defaults:
  every: 10m
  max_bytes: 2MB
rate: 2s
sources:
  - name: wire
    feed: https://news.example/rss.xml
    every: 5m
  - name: map
    sitemap: https://news.example/news-sitemap.xml
    allow_private: true
  - name: drop
    folder: /srv/drop
  - name: live
    url: https://news.example/live
    outlet: Example Times
`
	cfg, err := Parse("s.yaml", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Sources) != 4 || cfg.Rate != 2*time.Second || cfg.Sources[0].Every != 5*time.Minute ||
		cfg.Sources[1].Every != 10*time.Minute || cfg.Sources[1].MaxBytes != 2<<20 || !cfg.Sources[1].AllowPrivate ||
		cfg.Sources[2].Kind != KindFolder || cfg.Sources[3].Outlet != "Example Times" || cfg.Sources[0].Timeout != DefaultTimeout {
		t.Errorf("parsed: %+v", cfg)
	}

	tests := []struct {
		name, yaml string
		want       []string // file:line:col: message prefixes, in order
	}{
		{"empty", "", []string{"s.yaml:1:1: empty sources file"}},
		{"syntax", "sources: [\n", []string{"s.yaml:1:1: did not find"}},
		{"not a mapping", "- a\n", []string{"s.yaml:1:1: want a mapping"}},
		{"no sources", "rate: 1s\n", []string{"s.yaml:1:1: no sources"}},
		{"unknown top key", "srcs: []\nsources: []\n", []string{`s.yaml:1:1: unknown key "srcs"`, "s.yaml:2:10: sources: the list is empty"}},
		{"bad url and kind", "sources:\n  - name: a\n    feed: ftp://x/y\n  - name: b\n", []string{
			`s.yaml:3:11: feed: want an http(s) URL`, `s.yaml:4:5: source "b": give one of`}},
		{"two kinds", "sources:\n  - name: a\n    feed: https://x/f\n    url: https://x/u\n", []string{`s.yaml:4:5: url: a source has one of`}},
		{"duplicate names", "sources:\n  - name: a\n    feed: https://x/f\n  - name: a\n    url: https://x/u\n", []string{`s.yaml:4:5: duplicate source name "a" (first at line 2)`}},
		{"bad settings", "sources:\n  - name: a\n    feed: https://x/f\n    every: 1s\n    max_bytes: lots\n    allow_private: maybe\n    colour: red\n", []string{
			"s.yaml:4:12: every: 1s is too often", `s.yaml:5:16: max_bytes: want a size`, `s.yaml:6:20: allow_private: want true or false`, `s.yaml:7:5: unknown key "colour"`}},
		{"no name", "sources:\n  - feed: https://x/f\n", []string{"s.yaml:2:5: source without a name"}},
		{"duplicate key", "sources:\n  - name: a\n    name: b\n    feed: https://x/f\n", []string{`s.yaml:3:5: duplicate key "name"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("s.yaml", []byte(tt.yaml))
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("error %v, want ErrInvalid", err)
			}
			lines := strings.Split(err.Error(), "\n")
			if len(lines) != len(tt.want) {
				t.Fatalf("errors:\n%s\nwant %d", err, len(tt.want))
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(lines[i], w) {
					t.Errorf("error %d: %q, want prefix %q", i, lines[i], w)
				}
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	f.Add("sources:\n  - name: a\n    feed: https://x/f\n")
	f.Add("defaults: {every: 1m}\nsources: [{name: b, folder: /tmp}]\n")
	f.Fuzz(func(t *testing.T, s string) {
		cfg, err := Parse("f.yaml", []byte(s))
		if err == nil && len(cfg.Sources) == 0 && !strings.Contains(s, "sources") {
			t.Errorf("accepted without sources: %q", s)
		}
		if err != nil && !errors.Is(err, ErrInvalid) {
			t.Errorf("error not ErrInvalid: %v", err)
		}
	})
}
