package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/parley-news/parley/internal/article"
)

// record is one line of a JSON Lines dump.
type record struct {
	Text      *string `json:"text"`
	HTML      *string `json:"html"`
	Source    string  `json:"source"`
	Title     string  `json:"title"`
	Published string  `json:"published"`
	URL       string  `json:"url"`
	Outlet    string  `json:"outlet"`

	// Other dumps' names for the same fields (news-please's "maintext"
	// and "date_publish", "headline", "body", "content", "date", …),
	// read when the record has none of the names above (see aliases).
	Maintext     *string `json:"maintext"`
	Body         *string `json:"body"`
	Content      *string `json:"content"`
	ArticleText  *string `json:"article"`
	Headline     string  `json:"headline"`
	Date         string  `json:"date"`
	DatePublish  string  `json:"date_publish"`
	PublishedAt  string  `json:"published_at"`
	PubDate      string  `json:"pub_date"`
	SourceDomain string  `json:"source_domain"`
	Publisher    string  `json:"publisher"`
}

// aliases fills the record's fields from other dumps' names for them,
// where the record has none of its own: a news-please dump
// ({"maintext": …, "date_publish": "2023-11-14 09:12:00", "source_domain":
// …}) reads as one of ours.
func (r *record) aliases() {
	if r.Text == nil && r.HTML == nil {
		for _, t := range []*string{r.Maintext, r.Body, r.ArticleText, r.Content} {
			if t != nil && strings.TrimSpace(*t) != "" {
				if looksHTML(*t) {
					r.HTML = t
				} else {
					r.Text = t
				}
				break
			}
		}
	}
	if r.Title == "" {
		r.Title = r.Headline
	}
	for _, d := range []string{r.DatePublish, r.PublishedAt, r.PubDate, r.Date} {
		if r.Published == "" && strings.TrimSpace(d) != "" {
			r.Published = d
		}
	}
	if r.Outlet == "" {
		r.Outlet = firstNonBlank(r.SourceDomain, r.Publisher)
	}
}

// looksHTML reports a text that is an HTML page or fragment ("<p>…").
func looksHTML(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasPrefix(s, "<") && (strings.Contains(s, "</p>") || strings.Contains(s, "</div>") || strings.Contains(s, "<br"))
}

func firstNonBlank(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// jsonLines reads a JSON Lines dump: one article per line, with "text" or
// "html". A bad line is reported as FILE#LINE and the rest is read; a line
// longer than a record may be (Config.MaxRecord) is skipped unread. A dump
// with no record at all is reported.
func (r *Reader) jsonLines(ctx context.Context, file string, src io.Reader, yield emit) bool {
	br := bufio.NewReaderSize(src, 64<<10)
	records := 0
	for n := 1; ; n++ {
		if ctx.Err() != nil {
			return false
		}
		line, err := ReadLine(br, min(r.cfg.MaxBytes, r.cfg.MaxRecord))
		if errors.Is(err, ErrTooLarge) {
			records++
			if !fail(yield, fmt.Sprintf("%s#%d", file, n), err) {
				return false
			}
			continue
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return fail(yield, fmt.Sprintf("%s#%d", file, n), err)
		}
		if t := bytes.TrimSpace(line); len(t) > 0 {
			records++
			if !r.record(file, n, t, yield) {
				return false
			}
		}
		if errors.Is(err, io.EOF) {
			if records == 0 {
				return fail(yield, file, fmt.Errorf("%w: no JSON Lines records", ErrNoDocuments))
			}
			return true
		}
	}
}

// ReadLine reads one line of at most max bytes. A longer line is read to
// its end and dropped (ErrTooLarge), so the next line can be read.
func ReadLine(br *bufio.Reader, max int64) ([]byte, error) {
	var line []byte
	var long int64
	for {
		chunk, err := br.ReadSlice('\n')
		if long > 0 || int64(len(line)+len(chunk)) > max {
			long += int64(len(line) + len(chunk))
			line = nil
			if err == bufio.ErrBufferFull {
				continue
			}
			if err != nil && !errors.Is(err, io.EOF) {
				return nil, err
			}
			return nil, fmt.Errorf("%w: a line of %d KiB, over the %d KiB a record may have", ErrTooLarge, long>>10, max>>10)
		}
		line = append(line, chunk...)
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil && !errors.Is(err, io.EOF) {
			if errors.Is(err, io.ErrUnexpectedEOF) {
				return line, fmt.Errorf("%w: %w", ErrTruncated, err)
			}
			return line, err
		}
		return line, err
	}
}

func (r *Reader) record(file string, n int, line []byte, yield emit) bool {
	source := fmt.Sprintf("%s#%d", file, n)
	var rec record
	if err := decodeRecord(line, &rec); err != nil {
		return fail(yield, source, fmt.Errorf("%w: %w", ErrBadRecord, err))
	}
	rec.aliases()
	if rec.Source != "" {
		source = rec.Source
	}
	doc := Document{Source: source, Title: strings.TrimSpace(rec.Title), URL: rec.URL, Outlet: rec.Outlet}
	if rec.Published != "" {
		t, hasTime, ok := ParseTime(rec.Published)
		if !ok {
			return fail(yield, source, fmt.Errorf("%w: published %q is not a date", ErrBadRecord, rec.Published))
		}
		doc.Published, doc.PublishedHasTime, doc.PublishedBasis = t, hasTime, "input"
	}
	switch {
	case rec.Text != nil && strings.TrimSpace(*rec.Text) != "":
		doc.Format, doc.Text, doc.Verbatim = FormatText, *rec.Text, true
	case rec.HTML != nil && strings.TrimSpace(*rec.HTML) != "":
		doc.Format, doc.HTML = FormatHTML, []byte(*rec.HTML)
	default:
		return fail(yield, source, fmt.Errorf("%w: no \"text\" or \"html\"", ErrEmpty))
	}
	return yield(doc, nil)
}

// timeLayouts are the date forms accepted in inputs, most specific first.
var timeLayouts = []struct {
	layout  string
	hasTime bool
}{
	{time.RFC3339Nano, true},
	{"2006-01-02T15:04:05", true},
	{"2006-01-02T15:04", true},
	{"2006-01-02 15:04:05Z07:00", true},
	{"2006-01-02 15:04:05", true},
	{"2006-01-02 15:04", true},
	{time.RFC1123Z, true},
	{time.RFC1123, true},
	{"Mon, 2 Jan 2006 15:04:05 -0700", true},
	{"Mon, 2 Jan 2006 15:04:05 MST", true},
	{"2006-01-02", false},
	{"20060102", false},
	{"January 2, 2006", false},
	{"2 January 2006", false},
	{"Jan 2, 2006", false},
	// other dumps' forms
	{"2006-01-02T15:04:05-0700", true},
	{"2006-01-02T15:04:05.000-0700", true},
	{"2006-01-02 15:04:05 -0700", true},
	{"2006-01-02 15:04:05 MST", true},
	{"2006/01/02 15:04:05", true},
	{"2006/01/02 15:04", true},
	{"2006/01/02", false},
	{"Jan. 2, 2006", false},
	{"January 2 2006", false},
	{"Monday, January 2, 2006", false},
	{"2 Jan 2006", false},
	{"02.01.2006", false},
}

// ParseTime reads a date or date-time in the forms inputs use. hasTime is
// false for a bare date.
func ParseTime(s string) (t time.Time, hasTime, ok bool) {
	s = strings.TrimSpace(s)
	// Most inputs give a bare day: it is read without trying the ten
	// layouts with times first (each failure builds an error value). No
	// layout before "2006-01-02" matches ten bytes of that form.
	if t, ok := article.ParseDay(s); ok {
		return t, false, true
	}
	for _, l := range timeLayouts {
		if t, err := time.Parse(l.layout, s); err == nil {
			return t, l.hasTime, true
		}
	}
	return time.Time{}, false, false
}
