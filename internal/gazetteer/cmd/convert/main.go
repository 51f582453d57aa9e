// Command convert writes the gazetteer's data file from the CAMEO/Phoenix dictionaries:
//
//	go run ./internal/gazetteer/cmd/convert [-dir ../shared/dictionaries/phoenix] [-out internal/gazetteer/data/gazetteer.txt]
//
// Relative paths are taken from the repository root (the folder holding go.mod), so the
// command works the same from `go generate` in internal/gazetteer.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/parley-news/parley/internal/gazetteer/convert"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "convert:", err)
		os.Exit(1)
	}
}

func run() error {
	dir := flag.String("dir", "../shared/dictionaries/phoenix", "folder with the Phoenix dictionaries")
	out := flag.String("out", "internal/gazetteer/data/gazetteer.txt", "data file to write")
	verbose := flag.Bool("v", false, "list every skipped or partly read line")
	flag.Parse()
	root, err := repoRoot()
	if err != nil {
		return err
	}
	abs := func(p string) string {
		if filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(root, p)
	}
	var buf bytes.Buffer
	st, err := convert.Convert(os.DirFS(abs(*dir)), &buf)
	if err != nil {
		return err
	}
	if err := os.WriteFile(abs(*out), buf.Bytes(), 0o644); err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if *verbose {
		for _, p := range st.Problems {
			log.Warn("skipped", "line", p)
		}
	}
	log.Info("wrote gazetteer", "file", abs(*out), "bytes", buf.Len(), "countries", st.Countries,
		"people", st.People, "orgs", st.Orgs, "agents", st.Agents, "codes", st.Codes,
		"records_without_code", st.NoCode, "problem_lines", len(st.Problems))
	return nil
}

// repoRoot is the nearest folder upwards from the working directory that holds go.mod.
func repoRoot() (string, error) {
	d, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		p := filepath.Dir(d)
		if p == d {
			return "", errors.New("no go.mod above the working directory")
		}
		d = p
	}
}
