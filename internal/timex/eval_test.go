package timex

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/parley-news/parley/internal/article"
)

// TestEvalTempEval runs the tagger over the TempEval-3 AQUAINT dev set and
// logs the scorer's output. It reads the data at run time and only when
// PARLEY_EVALDATA points at the evaluation directory; nothing is copied.
//
//	PARLEY_EVALDATA=/work/shared/evaldata go test ./internal/timex -run TestEvalTempEval -v
//
// PARLEY_TIMEX_DIR=DIR scores another set in the same layout instead;
// PARLEY_TIMEX_VERBOSE=1 adds the scorer's per-expression notes.
func TestEvalTempEval(t *testing.T) {
	root := os.Getenv("PARLEY_EVALDATA")
	if root == "" {
		t.Skip("PARLEY_EVALDATA not set")
	}
	dir := filepath.Join(root, "tempeval3-aquaint")
	if d := os.Getenv("PARLEY_TIMEX_DIR"); d != "" {
		dir = d // another set in the same layout (input.jsonl, timexes.gold.jsonl)
	}
	scorer := filepath.Join(root, "..", "tools", "score_timex.py")
	if _, err := os.Stat(filepath.Join(dir, "input.jsonl")); err != nil {
		t.Skipf("no dev set: %v", err)
	}
	if _, err := os.Stat(scorer); err != nil {
		t.Skipf("no scorer: %v", err)
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found")
	}
	in, err := os.Open(filepath.Join(dir, "input.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	predPath := filepath.Join(t.TempDir(), "pred.jsonl")
	out, err := os.Create(predPath)
	if err != nil {
		t.Fatal(err)
	}
	enc := json.NewEncoder(out)
	tg := New()
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	docs := 0
	for sc.Scan() {
		var d struct{ Source, Published, Text string }
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		var anchor time.Time
		if len(d.Published) >= 10 {
			anchor, _ = time.Parse("2006-01-02", d.Published[:10])
		}
		tx := tg.Tag(d.Text, anchor)
		if tx == nil {
			tx = []article.Timex{}
		}
		if err := enc.Encode(map[string]any{"source": d.Source, "body": d.Text, "timexes": tx}); err != nil {
			t.Fatal(err)
		}
		docs++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	if docs == 0 {
		t.Fatal("no documents read")
	}
	// throughput on the real text: tag the whole set a few times
	in2, err := os.ReadFile(filepath.Join(dir, "input.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	var size int
	for _, line := range bytes.Split(in2, []byte("\n")) {
		var d struct{ Text string }
		if json.Unmarshal(line, &d) == nil && d.Text != "" {
			texts = append(texts, d.Text)
			size += len(d.Text)
		}
	}
	anchor := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	start := time.Now()
	const rounds = 20
	for r := 0; r < rounds; r++ {
		for _, s := range texts {
			tg.Tag(s, anchor)
		}
	}
	el := time.Since(start)
	t.Logf("throughput: %.1f MB/s over %d bytes x %d", float64(size*rounds)/el.Seconds()/1e6, size, rounds)
	args := []string{scorer, dir, predPath}
	if os.Getenv("PARLEY_TIMEX_VERBOSE") != "" {
		args = append(args, "--verbose")
	}
	res, err := exec.Command(py, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("scorer: %v\n%s", err, res)
	}
	t.Logf("%d documents\n%s", docs, res)
}
