package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/golden"
	"github.com/parley-news/parley/internal/ingest"
)

// golden is the part of the output the golden files pin: the metadata and
// the body. The analyses have golden tests of their own in their packages.
type goldenArticle struct {
	Title          string `json:"title"`
	Standfirst     string `json:"standfirst,omitempty"`
	Published      string `json:"published"`
	PublishedBasis string `json:"published_basis"`
	NeedsYear      bool   `json:"needs_year,omitempty"`
	Place          string `json:"place"`
	Outlet         string `json:"outlet"`
	Language       string `json:"language"`
	Body           string `json:"body"`
}

func TestGolden(t *testing.T) {
	p, err := New(Config{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/*.*")
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, ".golden.json") {
			continue
		}
		n++
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			doc := ingest.Document{Source: f, Format: ingest.FormatText, Text: string(data)}
			if strings.HasSuffix(f, ".html") {
				doc = ingest.Document{Source: f, Format: ingest.FormatHTML, HTML: data}
			}
			res, err := p.Analyze(context.Background(), doc, Options{})
			if err != nil {
				t.Fatal(err)
			}
			a := res.Article
			g := goldenArticle{a.Title, a.Standfirst, a.Published, a.PublishedBasis, res.Date.NeedsYear, a.Place, a.Outlet, a.Language, a.Body}
			got, _ := json.MarshalIndent(g, "", "  ")
			golden.Check(t, f[:len(f)-len(filepath.Ext(f))]+".golden.json", got)
			// Every span of every analysis lies inside the body.
			for _, s := range a.Statements {
				if s.Span[0] < 0 || s.Span[1] > len(a.Body) || s.Span[0] > s.Span[1] {
					t.Errorf("statement span %v outside the body", s.Span)
				}
			}
			for _, x := range a.Timexes {
				if a.Body[x.Span[0]:x.Span[1]] != x.Text {
					t.Errorf("timex span %v holds %q, not %q", x.Span, a.Body[x.Span[0]:x.Span[1]], x.Text)
				}
			}
		})
	}
	if n < 7 {
		t.Fatalf("only %d golden inputs", n)
	}
}

func TestYearHint(t *testing.T) {
	p, _ := New(Config{Year: 2030}, nil)
	data, _ := os.ReadFile("testdata/tass-no-year.txt")
	res, err := p.Analyze(context.Background(), ingest.Document{Source: "x", Format: ingest.FormatText, Text: string(data)}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Article.Published != "2030-12-17" || res.Article.PublishedBasis != "dateline+year-hint" {
		t.Errorf("published %q (%s), want 2030-12-17 from --year", res.Article.Published, res.Article.PublishedBasis)
	}
}

func TestVerbatimKeepsText(t *testing.T) {
	p, _ := New(Config{}, nil)
	text := "\n\nMOSCOW (AP) _\n\nAll news\n\nThe talks went on, he said.\n"
	res, err := p.Analyze(context.Background(), ingest.Document{Source: "x#1", Format: ingest.FormatText, Text: text, Verbatim: true}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Article.Body != strings.TrimSpace(text) {
		t.Errorf("a record's text must be kept as given (trimmed): %q", res.Article.Body)
	}
	if res.Article.Place != "Moscow" || res.Article.Outlet != "AP" {
		t.Errorf("place %q outlet %q", res.Article.Place, res.Article.Outlet)
	}
}

func TestNoArticle(t *testing.T) {
	p, _ := New(Config{}, nil)
	for _, doc := range []ingest.Document{
		{Source: "empty.html", Format: ingest.FormatHTML, HTML: []byte("<html><body><nav><a href='/'>Home</a></nav></body></html>")},
		{Source: "furniture.txt", Format: ingest.FormatText, Text: "All news\n\nLeave a Reply\n"},
	} {
		if _, err := p.Analyze(context.Background(), doc, Options{}); err == nil {
			t.Errorf("%s: no error for an input with no article", doc.Source)
		}
	}
}

func BenchmarkAnalyze(b *testing.B) {
	p, _ := New(Config{}, nil)
	var docs []ingest.Document
	size := 0
	files, _ := filepath.Glob("testdata/*.txt")
	files = append(files, "../clean/testdata/bench/long-report.txt")
	for _, f := range files {
		data, _ := os.ReadFile(f)
		docs = append(docs, ingest.Document{Source: f, Format: ingest.FormatText, Text: string(data)})
		size += len(data)
	}
	b.SetBytes(int64(size))
	ctx := context.Background()
	// Warm up: the actor dictionary is loaded once per process, on the
	// first speaker it is needed for (about 130 ms); steady state is
	// what is measured.
	for _, d := range docs {
		if _, err := p.Analyze(ctx, d, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		for _, d := range docs {
			if _, err := p.Analyze(ctx, d, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func TestContentHashFoldsSpace(t *testing.T) {
	a := ContentHash("Talks  resume", "One two\n\nthree\tfour ")
	b := ContentHash(" Talks resume", "One two three four")
	c := ContentHash("Talks resume", "One two three five")
	if a != b || a == c || len(a) != 64 {
		t.Errorf("ContentHash: %s %s %s", a, b, c)
	}
	long := strings.Repeat("word  ", 5000)
	if ContentHash("t", long) != ContentHash("t", strings.Join(strings.Fields(long), " ")) {
		t.Error("ContentHash of a long body depends on its spacing")
	}
}

// A named speaker's side comes from the actor dictionary, for the day they
// spoke: in office they speak for their country, after it for nobody; the
// text's own affiliation wins.
func TestSides(t *testing.T) {
	p, err := New(Config{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	stmts := []article.Statement{
		{Speaker: article.Actor{Name: "Barack Obama", Kind: article.Person}, Date: "2010-06-01"},
		{Speaker: article.Actor{Name: "Barack Obama", Kind: article.Person}, Date: "2005-06-01"},
		{Speaker: article.Actor{Name: "Barack Obama", Kind: article.Person, Affiliation: "Freedonia"}, Date: "2010-06-01"},
		{Speaker: article.Actor{Name: "Jane Nobody-Known", Kind: article.Person}, Date: "2010-06-01"},
	}
	p.sides(stmts, day("2010-06-02"), "Washington", nil)
	for i, want := range []string{"United States", "", "Freedonia", ""} {
		if got := stmts[i].Speaker.Affiliation; got != want {
			t.Errorf("statement %d: affiliation %q, want %q", i, got, want)
		}
	}
}

// A state body named without its country speaks for the dateline's country.
func TestStateBodySide(t *testing.T) {
	p, err := New(Config{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	stmts := []article.Statement{{Speaker: article.Actor{Name: "Commerce Department", Kind: article.Org}}}
	p.sides(stmts, time.Time{}, "Washington", nil)
	if got := stmts[0].Speaker.Affiliation; got != "United States" {
		t.Errorf("affiliation %q, want United States", got)
	}
	// A city that hosts talks is not the side of the bodies reported from it.
	stmts = []article.Statement{{Speaker: article.Actor{Name: "Foreign Ministry", Kind: article.Org}}}
	p.sides(stmts, time.Time{}, "Geneva", nil)
	if got := stmts[0].Speaker.Affiliation; got != "" {
		t.Errorf("affiliation %q in a Geneva report, want none", got)
	}
}

// A dictionary role whose country the article never names is not taken: a
// common name is not given a stranger's office.
func TestSidesNeedTheCountryNamed(t *testing.T) {
	p, err := New(Config{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	on, _ := time.Parse("2006-01-02", "2010-06-01")
	stmts := []article.Statement{{Speaker: article.Actor{Name: "Barack Obama", Kind: article.Person}, Date: "2010-06-01"}}
	p.sides(stmts, on, "Oslo", []article.Mention{{Text: "Norway", Type: article.GPE, Actor: "Norway"}})
	if got := stmts[0].Speaker.Affiliation; got != "" {
		t.Errorf("affiliation %q, want none: the article names no United States", got)
	}
}

// ContentHash is the SHA-256 of the headline and body with ASCII white
// space folded, joined by a zero byte, whatever the sizes and spacing.
func TestContentHashReference(t *testing.T) {
	fold := func(s string) string {
		return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r < 0x80 && asciiSpace[r] }), " ")
	}
	ref := func(title, body string) string {
		sum := sha256.Sum256([]byte(fold(title) + "\x00" + fold(body)))
		return hex.EncodeToString(sum[:])
	}
	r := rand.New(rand.NewPCG(5, 6))
	pieces := []string{"word", " ", "  ", "\n\n", "\t", "\r\n", "é", "\u00a0", "\v\f", strings.Repeat("x", 5000), "."}
	for range 500 {
		var title, body strings.Builder
		for range r.IntN(4) {
			title.WriteString(pieces[r.IntN(len(pieces))])
		}
		for range r.IntN(3000) {
			body.WriteString(pieces[r.IntN(len(pieces))])
		}
		if got, want := ContentHash(title.String(), body.String()), ref(title.String(), body.String()); got != want {
			t.Fatalf("ContentHash(%q, %d bytes) = %s, want %s", title.String(), body.Len(), got, want)
		}
	}
}

func BenchmarkContentHash(b *testing.B) {
	data, err := os.ReadFile("../clean/testdata/bench/long-report.txt")
	if err != nil {
		b.Fatal(err)
	}
	body := string(data)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if len(ContentHash("Talks resume", body)) != 64 {
			b.Fatal("bad hash")
		}
	}
}

// A panic in a stage costs the document, not the process: it comes back
// as ErrInternal (a nil article makes the analyses panic).
func TestPanicBecomesError(t *testing.T) {
	p, err := New(Config{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = p.Reanalyze(context.Background(), nil)
	if !errors.Is(err, ErrInternal) {
		t.Fatalf("got %v, want ErrInternal", err)
	}
	// and the pipeline still works afterwards
	res, err := p.Analyze(context.Background(), ingest.Document{Source: "a", Format: ingest.FormatText, Text: "Talks resume\n\nAnna Berg said the talks would resume on Monday."}, Options{})
	if err != nil || len(res.Article.Statements) != 1 {
		t.Fatalf("after a panic: %v %+v", err, res)
	}
}
