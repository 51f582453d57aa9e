package quotes

// The evaluation harness: runs only with PARLEY_EVALDATA=/work/shared/evaldata.
// It writes predictions as `parley extract` would and runs the project's
// scorer on them. PARLEY_PRED_DIR keeps the prediction files.

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/timex"
)

// evalTimexes tags time expressions with internal/timex (the pipeline's
// tagger); PARLEY_MINI_TIMEX=1 uses the harness's own small finder.
func evalTimexes(tg *timex.Tagger, body string, pub time.Time) []article.Timex {
	if os.Getenv("PARLEY_MINI_TIMEX") != "" {
		return miniTimex(body, pub)
	}
	return tg.Tag(body, pub)
}

type predDoc struct {
	Source     string              `json:"source"`
	Body       string              `json:"body"`
	Published  string              `json:"published"`
	Statements []article.Statement `json:"statements"`
}

var fileDate = regexp.MustCompile(`_(\d{4}-\d{2}-\d{2})_`)

func TestEvalPolNeAR(t *testing.T) {
	root := os.Getenv("PARLEY_EVALDATA")
	if root == "" {
		t.Skip("PARLEY_EVALDATA not set")
	}
	dir := filepath.Join(root, "polnear-dev")
	files, err := filepath.Glob(filepath.Join(dir, "text", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no texts: %v", err)
	}
	docs := analyzeFiles(t, files, func(f, raw string) (string, string, time.Time) {
		title, body, _ := strings.Cut(raw, "\n")
		var pub time.Time
		if m := fileDate.FindStringSubmatch(filepath.Base(f)); m != nil {
			pub, _ = time.Parse("2006-01-02", m[1])
		}
		return title, body, pub
	})
	score(t, dir, "polnear", docs)
}

func TestEvalSeeds(t *testing.T) {
	root := os.Getenv("PARLEY_EVALDATA")
	if root == "" {
		t.Skip("PARLEY_EVALDATA not set")
	}
	dir := filepath.Join(root, "seeds")
	pubs, titles := map[string]string{}, map[string]string{}
	if f, err := os.Open(filepath.Join(dir, "articles.gold.jsonl")); err == nil {
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			var a struct {
				Doc       string `json:"doc"`
				Title     string `json:"title"`
				Published string `json:"published"`
			}
			if json.Unmarshal(sc.Bytes(), &a) == nil {
				pubs[a.Doc] = a.Published
				titles[a.Doc] = a.Title
			}
		}
		f.Close()
	}
	files, _ := filepath.Glob(filepath.Join(root, "..", "seeds", "*.txt"))
	if len(files) == 0 {
		t.Fatal("no seed texts")
	}
	docs := analyzeFiles(t, files, func(f, raw string) (string, string, time.Time) {
		body := fromDateline(raw)
		base := filepath.Base(f)
		var pub time.Time
		title := ""
		for d, p := range pubs {
			if strings.HasPrefix(base, d) {
				title = titles[d]
				if p != "" {
					pub, _ = time.Parse("2006-01-02", p)
				}
			}
		}
		return title, body, pub
	})
	score(t, dir, "seeds", docs)
}

// analyzeFiles reads each file, splits it into title, body and date with
// split, and analyses it as the pipeline would.
func analyzeFiles(t *testing.T, files []string, split func(file, raw string) (string, string, time.Time)) []predDoc {
	t.Helper()
	an, _ := New(nil, nil)
	tg := timex.New()
	var docs []predDoc
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		title, body, pub := split(f, string(raw))
		out := an.Analyze(context.Background(), Input{Title: title, Body: body, Published: pub, Timexes: evalTimexes(tg, body, pub)})
		docs = append(docs, predDoc{Source: f, Body: body, Statements: out.Statements})
	}
	return docs
}

var datelineRe = regexp.MustCompile(`(?m)^(?:[A-Z][A-Z]+(?:,| \()|[A-Z][a-z]+-\.)`)

// fromDateline cuts the text from its dateline line on (rough).
func fromDateline(s string) string {
	if loc := datelineRe.FindStringIndex(s); loc != nil {
		return s[loc[0]:]
	}
	return s
}

func score(t *testing.T, gold, name string, docs []predDoc) {
	t.Helper()
	outDir := os.Getenv("PARLEY_PRED_DIR")
	if outDir == "" {
		outDir = t.TempDir()
	}
	path := filepath.Join(outDir, name+".pred.jsonl")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	enc := json.NewEncoder(f)
	enc.SetEscapeHTML(false)
	for _, d := range docs {
		if err := enc.Encode(d); err != nil {
			t.Fatal(err)
		}
	}
	f.Close()
	scorer := filepath.Join(filepath.Dir(os.Getenv("PARLEY_EVALDATA")), "tools", "score_extract.py")
	out, err := exec.Command("python3", scorer, gold, path, "--verbose").CombinedOutput()
	if err != nil {
		t.Fatalf("scorer: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) > 5 {
		lines = lines[len(lines)-5:]
	}
	t.Logf("%s:\n%s", name, strings.Join(lines, "\n"))
}

// miniTimex is a stand-in for internal/timex in this harness only: weekdays,
// "last/this month", "Month Day(, Year)".
var (
	weekdayRe  = regexp.MustCompile(`\b(?:on |last )?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:’s|'s)?\b`)
	monthRelRe = regexp.MustCompile(`\b(?:[Ee]arlier |[Ll]ater )?(last|this|next) (month|year)\b`)
	weekRelRe  = regexp.MustCompile(`\b([Ll]ast|[Tt]his) week\b`)
	monthDayRe = regexp.MustCompile(`\b(?:[Oo]n )?(January|February|March|April|May|June|July|August|September|October|November|December) (\d{1,2})(?:, (\d{4}))?\b`)
)

func miniTimex(body string, pub time.Time) []article.Timex {
	var out []article.Timex
	if pub.IsZero() {
		return nil
	}
	for _, m := range weekdayRe.FindAllStringSubmatchIndex(body, -1) {
		wd := body[m[2]:m[3]]
		d := pub
		for i := 0; i < 7; i++ {
			if d.Weekday().String() == wd {
				break
			}
			d = d.AddDate(0, 0, -1)
		}
		out = append(out, article.Timex{Text: body[m[0]:m[1]], Type: article.Date, Value: d.Format("2006-01-02"), Span: article.Span{m[0], m[1]}})
	}
	for _, m := range monthRelRe.FindAllStringSubmatchIndex(body, -1) {
		rel, unit := body[m[2]:m[3]], body[m[4]:m[5]]
		d := pub
		if rel == "last" {
			if unit == "month" {
				d = d.AddDate(0, -1, 0)
			} else {
				d = d.AddDate(-1, 0, 0)
			}
		}
		v := d.Format("2006-01")
		if unit == "year" {
			v = d.Format("2006")
		}
		out = append(out, article.Timex{Text: body[m[0]:m[1]], Type: article.Date, Value: v, Span: article.Span{m[0], m[1]}})
	}
	for _, m := range weekRelRe.FindAllStringSubmatchIndex(body, -1) {
		d := pub
		if strings.EqualFold(body[m[2]:m[3]], "last") {
			d = d.AddDate(0, 0, -7)
		}
		y, w := d.ISOWeek()
		out = append(out, article.Timex{Text: body[m[0]:m[1]], Type: article.Date, Value: fmt.Sprintf("%d-W%02d", y, w), Span: article.Span{m[0], m[1]}})
	}
	for _, m := range monthDayRe.FindAllStringSubmatchIndex(body, -1) {
		mon, _ := time.Parse("January", body[m[2]:m[3]])
		day := body[m[4]:m[5]]
		year := pub.Year()
		if m[6] >= 0 {
			year = atoi(body[m[6]:m[7]])
		} else if mon.Month() > pub.Month() {
			year--
		}
		d := time.Date(year, mon.Month(), atoi(day), 0, 0, 0, 0, time.UTC)
		out = append(out, article.Timex{Text: body[m[0]:m[1]], Type: article.Date, Value: d.Format("2006-01-02"), Span: article.Span{m[0], m[1]}})
	}
	return out
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// BenchmarkAnalyzeCorpus measures Analyze on the PolNeAR dev texts (news
// articles as they come, one statement every few hundred bytes), read
// from PARLEY_EVALDATA at run time; skipped without it. Time
// expressions are tagged once, outside the timed loop.
func BenchmarkAnalyzeCorpus(b *testing.B) {
	root := os.Getenv("PARLEY_EVALDATA")
	if root == "" {
		b.Skip("PARLEY_EVALDATA not set")
	}
	files, _ := filepath.Glob(filepath.Join(root, "polnear-dev", "text", "*.txt"))
	if len(files) == 0 {
		b.Skip("no texts")
	}
	tg := timex.New()
	var ins []Input
	size := 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		title, body, _ := strings.Cut(string(raw), "\n")
		var pub time.Time
		if m := fileDate.FindStringSubmatch(filepath.Base(f)); m != nil {
			pub, _ = time.Parse("2006-01-02", m[1])
		}
		ins = append(ins, Input{Title: title, Body: body, Published: pub, Timexes: tg.Tag(body, pub)})
		size += len(body)
	}
	an, _ := New(nil, nil)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, in := range ins {
			an.Analyze(context.Background(), in)
		}
	}
}
