package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
)

// collect reads inputs and returns the documents and the errors.
func collect(t *testing.T, r *Reader, inputs ...string) ([]Document, []error) {
	t.Helper()
	var docs []Document
	var errs []error
	for d, err := range r.Documents(context.Background(), inputs) {
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v is not an *InputError", err)
			}
			errs = append(errs, err)
			continue
		}
		docs = append(docs, d)
	}
	return docs, errs
}

func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func gz(data []byte) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write(data)
	w.Close()
	return b.Bytes()
}

const sampleArticle = "Talks resume\n\nPORTVILLE, March 3. /NAP/. The talks resumed on Monday, officials said.\n"

// TestBadInput checks that every kind of bad input gives one error naming
// the input and the reason, and that reading goes on with the next input.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	big := strings.Repeat("word ", 300_000) // 1.5 MB
	truncated := gz([]byte(sampleArticle))
	truncated = truncated[:len(truncated)-10]
	dead := httptest.NewServer(http.NotFoundHandler())
	deadURL := dead.URL + "/story"
	dead.Close()
	notFound := httptest.NewServer(http.NotFoundHandler())
	defer notFound.Close()

	tests := []struct {
		name  string
		input string
		want  error
	}{
		{"binary file", write(t, dir, "photo.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")), ErrBinary},
		{"binary with NUL bytes", write(t, dir, "blob.txt", []byte("abc\x00def\x00")), ErrBinary},
		{"empty file", write(t, dir, "empty.txt", nil), ErrEmpty},
		{"white space only", write(t, dir, "blank.txt", []byte(" \n\t\n")), ErrEmpty},
		{"over the size limit", write(t, dir, "big.txt", []byte(big)), ErrTooLarge},
		{"truncated gzip", write(t, dir, "cut.txt.gz", truncated), ErrTruncated},
		{"gzip that is not gzip", write(t, dir, "fake.txt.gz", []byte("plain text, not gzip")), ErrTruncated},
		{"feed that is not XML", write(t, dir, "feed.rss", []byte("this is not a feed at all")), ErrNotFeed},
		{"feed with no items", write(t, dir, "none.xml", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>`)), ErrEmpty},
		{"missing file", filepath.Join(dir, "nope.txt"), ErrNotFound},
		{"unreachable URL", deadURL, ErrFetch},
		{"URL answering 404", notFound.URL + "/gone", ErrFetch},
		{"JSON Lines record without text", write(t, dir, "bad.jsonl", []byte(`{"title": "no text"}`+"\n")), ErrEmpty},
		{"JSON Lines record that is not JSON", write(t, dir, "broken.jsonl", []byte("{not json\n")), ErrBadRecord},
		{"JSON Lines with a bad date", write(t, dir, "date.jsonl", []byte(`{"text": "x", "published": "yesterday"}`+"\n")), ErrBadRecord},
	}
	good := write(t, dir, "good.txt", []byte(sampleArticle))
	cfg := DefaultConfig()
	cfg.MaxBytes = 1 << 20
	cfg.RefusePrivate = false // the test servers are on loopback
	r := New(cfg, nil, strings.NewReader(""))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := collect(t, r, tt.input, good)
			if len(errs) != 1 {
				t.Fatalf("got %d errors (%v), want 1", len(errs), errs)
			}
			if !errors.Is(errs[0], tt.want) {
				t.Errorf("error %q, want %q", errs[0], tt.want)
			}
			if !strings.Contains(errs[0].Error(), filepath.Base(strings.TrimPrefix(tt.input, "http://"))) && !strings.HasPrefix(tt.input, "http") {
				t.Errorf("error %q does not name the input", errs[0])
			}
			if strings.Contains(errs[0].Error(), "\n") {
				t.Errorf("error %q is not one line", errs[0])
			}
			if len(docs) != 1 || docs[0].Source != good {
				t.Errorf("the run did not go on to the next input: %d docs", len(docs))
			}
		})
	}
}

func TestEncodings(t *testing.T) {
	ru := "Министр иностранных дел заявил журналистам, что переговоры продолжатся в понедельник."
	cp1251, _ := charmap.Windows1251.NewEncoder().String(ru)
	koi, _ := charmap.KOI8R.NewEncoder().String(ru)
	fr := "Le ministre des Affaires étrangères a déclaré que les négociations reprendraient à Genève."
	latin1, _ := charmap.ISO8859_1.NewEncoder().String(fr)
	tests := []struct {
		name, data, want, enc string
	}{
		{"utf-8", ru, ru, "utf-8"},
		{"utf-8 with BOM", "\uFEFF" + fr, fr, "utf-8"},
		{"windows-1251", cp1251, ru, "windows-1251"},
		{"koi8-r", koi, ru, "koi8-r"},
		{"latin-1", latin1, fr, "windows-1252"},
		{"utf-16le with BOM", "\xFF\xFEh\x00i\x00", "hi", "utf-16le"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, enc, err := DecodeText([]byte(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want || enc != tt.enc {
				t.Errorf("DecodeText = %q (%s), want %q (%s)", got, enc, tt.want, tt.enc)
			}
		})
	}
}

func TestInputs(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a/one.txt", []byte(sampleArticle))
	write(t, dir, "a/b/two.txt.gz", gz([]byte(sampleArticle)))
	write(t, dir, "a/page.html", []byte("<html><body><p>x</p></body></html>"))
	write(t, dir, "a/.hidden/three.txt", []byte(sampleArticle))
	write(t, dir, "a/notes.md", []byte("not read from a folder"))
	write(t, dir, "a/dump.jsonl", []byte(`{"source": "s1", "title": "T", "published": "2031-03-03", "text": "  body one  "}`+"\n\n"+`{"html": "<p>two</p>", "url": "https://example.org/2"}`+"\n"))
	r := New(DefaultConfig(), nil, strings.NewReader(sampleArticle))
	docs, errs := collect(t, r, filepath.Join(dir, "a"), "-")
	if len(errs) != 0 {
		t.Fatalf("errors: %v", errs)
	}
	var got []string
	for _, d := range docs {
		got = append(got, fmt.Sprintf("%s %s", filepath.Base(d.Source), d.Format))
	}
	want := []string{"two.txt.gz text", "s1 text", "dump.jsonl#3 html", "one.txt text", "page.html html", "- text"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("documents:\n got %v\nwant %v", got, want)
	}
	for _, d := range docs {
		if d.Source == "s1" {
			if !d.Verbatim || d.Title != "T" || d.Published.Format("2006-01-02") != "2031-03-03" || d.PublishedBasis != "input" || d.Text != "  body one  " {
				t.Errorf("JSON Lines record read as %+v", d)
			}
		}
		if strings.HasSuffix(d.Source, "two.txt.gz") && d.Text != sampleArticle {
			t.Errorf("gzip text = %q", d.Text)
		}
	}
}

func TestFeedAndURL(t *testing.T) {
	var gotUA string
	mux := http.NewServeMux()
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		gotUA = r.UserAgent()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<html><body><article><p>Long story</p></article></body></html>")
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	feed := `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire</title>
<item><title>Full item</title><link>https://example.org/full</link><pubDate>Mon, 03 Mar 2031 10:00:00 +0000</pubDate>
<content:encoded><![CDATA[<p>` + strings.Repeat("The talks went on. ", 40) + `</p>]]></content:encoded></item>
<item><title>Teaser item</title><link>` + srv.URL + `/story</link><description>Short teaser.</description></item>
</channel></rss>`
	dir := t.TempDir()
	f := write(t, dir, "wire.xml", []byte(feed))
	cfg := DefaultConfig()
	cfg.RefusePrivate = false // the test server is on loopback
	r := New(cfg, nil, nil)
	docs, errs := collect(t, r, f, srv.URL+"/story")
	if len(errs) != 0 {
		t.Fatalf("errors: %v", errs)
	}
	if len(docs) != 3 {
		t.Fatalf("got %d documents, want 3", len(docs))
	}
	if docs[0].Source != "https://example.org/full" || docs[0].Format != FormatHTML || docs[0].PublishedBasis != "feed" || !bytes.Contains(docs[0].HTML, []byte("The talks went on.")) {
		t.Errorf("full item read as %+v", docs[0])
	}
	if docs[1].Source != srv.URL+"/story" || docs[1].Title != "Teaser item" || !bytes.Contains(docs[1].HTML, []byte("Long story")) {
		t.Errorf("teaser item was not followed to its page: %+v", docs[1])
	}
	if !strings.HasPrefix(gotUA, "Parley/") {
		t.Errorf("User-Agent %q", gotUA)
	}
}

func TestRefusePrivate(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	_, errs := collect(t, New(DefaultConfig(), nil, nil), srv.URL+"/x")
	if len(errs) != 1 || !errors.Is(errs[0], ErrRefused) {
		t.Fatalf("loopback URL: errors %v, want ErrRefused", errs)
	}
}

// warcRecord builds one WARC response record by hand.
func warcRecord(uri, contentType, body string) string {
	http := "HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nContent-Length: " + fmt.Sprint(len(body)) + "\r\n\r\n" + body
	return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:" + fmt.Sprintf("%08d", len(uri)) + "-0000-0000-0000-000000000000>\r\n" +
		"WARC-Date: 2031-03-03T10:00:00Z\r\nWARC-Target-URI: " + uri + "\r\nContent-Type: application/http; msgtype=response\r\n" +
		"Content-Length: " + fmt.Sprint(len(http)) + "\r\n\r\n" + http + "\r\n\r\n"
}

func TestWARC(t *testing.T) {
	dir := t.TempDir()
	data := warcRecord("https://example.org/a", "text/html", "<html><body><p>Story A</p></body></html>") +
		warcRecord("https://example.org/logo.png", "image/png", "PNGDATA") +
		warcRecord("https://example.org/b.txt", "text/plain", "Story B")
	f := write(t, dir, "crawl.warc.gz", gz([]byte(data)))
	docs, errs := collect(t, New(DefaultConfig(), nil, nil), f)
	if len(errs) != 0 {
		t.Fatalf("errors: %v", errs)
	}
	if len(docs) != 2 || docs[0].Source != "https://example.org/a" || docs[0].Format != FormatHTML || docs[1].Text != "Story B" {
		t.Fatalf("WARC documents: %+v", docs)
	}
}

func TestCancel(t *testing.T) {
	dir := t.TempDir()
	for i := range 5 {
		write(t, dir, fmt.Sprintf("%d.txt", i), []byte(sampleArticle))
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n := 0
	for _, err := range New(DefaultConfig(), nil, nil).Documents(ctx, []string{dir}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
		if n == 2 {
			cancel()
		}
	}
	if n != 2 {
		t.Errorf("read %d documents after cancel, want 2", n)
	}
}

func FuzzDecodeText(f *testing.F) {
	f.Add([]byte("plain"))
	f.Add([]byte("\xcf\xf0\xe8\xe2\xe5\xf2"))
	f.Add([]byte("\xFF\xFEa\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, _, err := DecodeText(data)
		if err == nil && !strings.Contains(s, "\uFFFD") && !isValid(s) {
			t.Fatalf("DecodeText returned invalid UTF-8")
		}
	})
}

func isValid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

func FuzzSniff(f *testing.F) {
	for _, s := range []string{"<?xml version='1.0'?><rss>", "<html>", "{\"text\":1}", "WARC/1.0", "plain"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		switch sniff(data) {
		case "html", "feed", "jsonl", "warc", "text":
		default:
			t.Fatalf("unknown kind")
		}
	})
}

// TestParseTimeBareDay: the bare-day fast path answers as the layouts do,
// for days that exist and days that do not.
func TestParseTimeBareDay(t *testing.T) {
	ref := func(s string) (time.Time, bool, bool) {
		s = strings.TrimSpace(s)
		for _, l := range timeLayouts {
			if t, err := time.Parse(l.layout, s); err == nil {
				return t, l.hasTime, true
			}
		}
		return time.Time{}, false, false
	}
	for _, s := range []string{"2031-07-30", " 2031-07-30\n", "2024-02-29", "2023-02-29", "2031-7-30", "2031-13-01",
		"20310730", "0000-01-01", "2031-07-30T10:00:00Z", "2031-07-30 10:00", "July 30, 2031", "２０３１-07-30", ""} {
		gt, gh, gok := ParseTime(s)
		wt, wh, wok := ref(s)
		if !gt.Equal(wt) || gh != wh || gok != wok || gt.Location().String() != wt.Location().String() {
			t.Errorf("ParseTime(%q) = %v %v %v, layouts give %v %v %v", s, gt, gh, gok, wt, wh, wok)
		}
	}
}

// Other dumps' field names and date forms read as ours: news-please's
// "maintext" and "date_publish", "headline", "body" holding HTML.
func TestRecordAliases(t *testing.T) {
	dir := t.TempDir()
	f := write(t, dir, "other.jsonl", []byte(
		`{"maintext": "The talks resumed.", "date_publish": "2031-03-03 09:12:00", "title": "T1", "source_domain": "example.org"}`+"\n"+
			`{"headline": "T2", "body": "<p>The talks resumed.</p><p>More are planned.</p>", "date": "2031/03/04"}`+"\n"+
			`{"text": "x", "published": "Mar. 5, 2031"}`+"\n"))
	docs, errs := collect(t, New(DefaultConfig(), nil, nil), f)
	if len(errs) != 0 || len(docs) != 3 {
		t.Fatalf("docs %d, errors %v", len(docs), errs)
	}
	got := []string{}
	for _, d := range docs {
		got = append(got, fmt.Sprintf("%s %s %s %s", d.Title, d.Format, d.Published.Format("2006-01-02"), d.Outlet))
	}
	want := []string{"T1 text 2031-03-03 example.org", "T2 html 2031-03-04 ", " text 2031-03-05 "}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
