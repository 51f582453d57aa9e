package quotes

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
)

// Analyze is safe for concurrent use: the same input analysed from several
// goroutines gives the same statements.
func TestConcurrent(t *testing.T) {
	an, _ := New(nil, nil)
	in := readArticle(t, filepath.Join("testdata", "golden", "apposition.txt"))
	want := an.Analyze(context.Background(), in)
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				got := an.Analyze(context.Background(), in)
				if len(got.Statements) != len(want.Statements) {
					errs <- "statement count differs"
					return
				}
				for k := range got.Statements {
					if got.Statements[k].Text != want.Statements[k].Text || got.Statements[k].Speaker.Name != want.Statements[k].Speaker.Name {
						errs <- "statement differs: " + got.Statements[k].Text
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
