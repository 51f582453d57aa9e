package web

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/parley-news/parley/examples"
	"github.com/parley-news/parley/internal/dossier"
)

// LoadDemo ingests the example corpus (embedded from examples/corpus, so it
// works from any directory) into the server's store. The files are written
// to a temporary folder for the reader and recorded under their repository
// path, examples/corpus/NAME. Feed items are not followed to the web.
func (s *Server) LoadDemo(ctx context.Context) (IngestReport, error) {
	dir, err := os.MkdirTemp("", "parley-demo-")
	if err != nil {
		return IngestReport{}, fmt.Errorf("demo: %w", err)
	}
	defer os.RemoveAll(dir)
	err = fs.WalkDir(examples.Corpus, "corpus", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		dst := filepath.Join(dir, filepath.FromSlash(p))
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		data, err := examples.Corpus.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		return IngestReport{}, fmt.Errorf("demo: copy corpus: %w", err)
	}
	prefix := dir + string(filepath.Separator)
	return s.Ingest(ctx, []string{filepath.Join(dir, "corpus")}, IngestOptions{
		NoFollow: true,
		Rename: func(src string) string {
			if rest, ok := strings.CutPrefix(src, prefix); ok {
				return "examples/" + filepath.ToSlash(rest)
			}
			return src
		},
	})
}

// DemoDossier returns the example corpus's dossier (examples/dossier.yaml,
// embedded), for the position matrix and timeline of the demo.
func DemoDossier() (*dossier.Dossier, error) {
	d, err := dossier.Parse("examples/dossier.yaml", examples.Dossier)
	if err != nil {
		return nil, fmt.Errorf("demo dossier: %w", err)
	}
	return d, nil
}
