// Package article holds Parley's record types: the article as published and
// everything the pipeline finds in it. Every stage reads and writes these
// types; the store persists them; the CLI and the web app print them.
//
// Spans are byte offsets into Article.Body, half-open [start, end), everywhere.
package article

import "time"

// Span is a half-open byte range [Start, End) into Article.Body.
// It marshals as the two-element array the extract contract uses.
type Span [2]int

// Start returns the first byte of the span.
func (s Span) Start() int { return s[0] }

// End returns the byte after the span.
func (s Span) End() int { return s[1] }

// Len returns the span's length in bytes.
func (s Span) Len() int { return s[1] - s[0] }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return o[0] >= s[0] && o[1] <= s[1] }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s[0] < o[1] && o[0] < s[1] }

// Article is one report as published, with its analyses.
// Fields tagged in JSON are the contract of `parley extract`
// (shared/spec/extract-output.md); the rest are Parley's own.
type Article struct {
	Source     string `json:"source"`
	URL        string `json:"url,omitempty"`
	Title      string `json:"title"`
	Standfirst string `json:"standfirst,omitempty"`
	// Published is an ISO 8601 date (YYYY-MM-DD) or date-time; empty when unknown.
	Published string `json:"published"`
	// PublishedBasis says how Published was decided (see the Basis* constants).
	PublishedBasis string `json:"published_basis,omitempty"`
	// TimeAnchor is the date relative time expressions were read against
	// when it is not Published: an assumption, named by TimeAnchorBasis,
	// that never becomes the publication date.
	TimeAnchor      string `json:"time_anchor,omitempty"`
	TimeAnchorBasis string `json:"time_anchor_basis,omitempty"`
	Place           string `json:"place"`
	Outlet          string `json:"outlet"`
	Language        string `json:"language"`
	Body            string `json:"body"`
	// ContentHash is the hex SHA-256 of the normalised body and headline:
	// the same article ingested twice has the same hash.
	ContentHash string `json:"content_hash,omitempty"`
	// Pipeline is the version of the pipeline that made the analyses.
	Pipeline string `json:"pipeline,omitempty"`

	Statements []Statement `json:"statements"`
	// HeadlineStatements are the statements the headline makes ("Russia
	// Received Answers, Senior Diplomat Says"): they have no place in the
	// body (their spans are zero), so the record keeps only the body's;
	// the extract contract prints them first, marked "headline": true.
	HeadlineStatements []Statement `json:"-"`
	Mentions           []Mention   `json:"mentions"`
	Timexes            []Timex     `json:"timexes"`
	Events             []Event     `json:"events"`
}

// Ways a publication date was decided, recorded in Article.PublishedBasis.
const (
	BasisInput        = "input"         // given with the input (JSON Lines field, --published flag)
	BasisFeed         = "feed"          // the feed item's date
	BasisHTMLMeta     = "html-meta"     // the page's own metadata
	BasisDateline     = "dateline"      // a dateline with a full date
	BasisDatelineYear = "dateline+year" // a dateline's day and month, the year inferred
	BasisDateStamp    = "date-stamp"    // a site date stamp such as "20.02.2022"
	BasisTextDate     = "text"          // inferred from dates written in the text
)

// Actor is a person or body with one canonical name.
type Actor struct {
	Name        string   `json:"name"`
	Title       string   `json:"title,omitempty"`
	Affiliation string   `json:"affiliation,omitempty"`
	Kind        string   `json:"kind,omitempty"` // PERSON, ORG, GPE
	Aliases     []string `json:"aliases,omitempty"`
}

// Statement kinds.
const (
	Direct   = "direct"
	Indirect = "indirect"
	Mixed    = "mixed"
)

// Statement is one speech act by one speaker.
type Statement struct {
	Speaker Actor  `json:"speaker"`
	Kind    string `json:"kind"`
	Text    string `json:"text"`
	Cue     string `json:"cue"`
	// Date is when it was said: YYYY-MM-DD, YYYY-MM or YYYY; empty when unknown.
	Date string `json:"date"`
	// DateBasis says how Date was found: one of the DateBasis constants.
	DateBasis string `json:"date_basis"`
	Span      Span   `json:"span"`
	// TextSpan is the content without the reporting clause.
	TextSpan Span `json:"text_span"`
	// CueSpan locates the reporting verb or phrase.
	CueSpan Span `json:"cue_span"`
	// SpeakerSpan locates the words that name the speaker in this sentence
	// (a name, a pronoun, a role noun); zero when the speaker is implicit.
	SpeakerSpan Span `json:"speaker_span"`
}

// How a statement's date was found (Statement.DateBasis).
const (
	// DateStated: a date written in the text ("on January 26").
	DateStated = "stated"
	// DateRelative: a relative time word ("on Wednesday", "yesterday")
	// read against the publication date.
	DateRelative = "relative"
	// DateEvent: the day of the event the statement is tied to (the talks
	// the report is about, "in announcing the tariffs").
	DateEvent = "event"
	// DatePublication: a present-tense or same-day report with no time word.
	DatePublication = "publication"
	// DateNone: the text gives no day; Date is empty.
	DateNone = "none"
)

// DateBasisText says a statement's date basis in plain words, for people.
func DateBasisText(basis string) string {
	switch basis {
	case DateStated:
		return "date given in the text"
	case DateRelative:
		return "worked out from a word like “on Wednesday” and the publication date"
	case DateEvent:
		return "the day of the event the statement belongs to"
	case DatePublication:
		return "the publication day: a same-day report with no other time word"
	case DateNone:
		return "the text gives no day"
	}
	return ""
}

// Mention types.
const (
	Person = "PERSON"
	Org    = "ORG"
	GPE    = "GPE"
	Loc    = "LOC"
	Other  = "OTHER"
)

// Mention is a stretch of the body naming a person, organisation or place.
type Mention struct {
	Text  string `json:"text"`
	Type  string `json:"type"`
	Actor string `json:"actor,omitempty"`
	Span  Span   `json:"span"`
}

// Timex types.
const (
	Date     = "DATE"
	Time     = "TIME"
	Duration = "DURATION"
	Set      = "SET"
)

// Timex is a time expression with its TIMEX3 value.
type Timex struct {
	Text  string `json:"text"`
	Type  string `json:"type"`
	Value string `json:"value"`
	Span  Span   `json:"span"`
}

// Event is who did what to whom, when.
type Event struct {
	Date string `json:"date"`
	Type string `json:"type"`
	// Mode refines Type (PLOVER mode: "visit", "written", "troops", ...);
	// empty when the trigger says no more than the type.
	Mode   string `json:"mode,omitempty"`
	Actor  Actor  `json:"actor"`
	Target *Actor `json:"target,omitempty"`
	Text   string `json:"text"`
	Span   Span   `json:"span"`
}

// PublishedTime parses Published; ok is false when it is empty or malformed.
func (a *Article) PublishedTime() (t time.Time, ok bool) {
	if len(a.Published) < 10 {
		return time.Time{}, false
	}
	return ParseDay(a.Published[:10])
}

// ParseDay is time.Parse("2006-01-02", s) without the error value (which
// allocates, and the stages ask it of many values that are not full days:
// months, weeks, years): four digits, two for a month 01-12, two for a
// day that exists in that month and year; the time is midnight UTC.
func ParseDay(s string) (time.Time, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' || !allDigits(s[:4]) || !allDigits(s[5:7]) || !allDigits(s[8:]) {
		return time.Time{}, false
	}
	y := int(s[0]-'0')*1000 + int(s[1]-'0')*100 + int(s[2]-'0')*10 + int(s[3]-'0')
	m := int(s[5]-'0')*10 + int(s[6]-'0')
	dd := int(s[8]-'0')*10 + int(s[9]-'0')
	if m < 1 || m > 12 || dd < 1 {
		return time.Time{}, false
	}
	// The last day of month m: the day before the first of the next.
	if dd > time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
		return time.Time{}, false
	}
	return time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC), true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Contract returns a for JSON output in the extract contract's shape
// (shared/spec/extract-output.md): unknown publication date, place, outlet,
// statement and event dates print as null rather than "".
func (a *Article) Contract() any {
	type plain Article
	type statement struct {
		Statement
		Date     *string `json:"date"`
		Headline bool    `json:"headline,omitempty"`
	}
	stmts := make([]statement, 0, len(a.HeadlineStatements)+len(a.Statements))
	for _, s := range a.HeadlineStatements {
		stmts = append(stmts, statement{Statement: s, Date: nullable(s.Date), Headline: true})
	}
	for _, s := range a.Statements {
		stmts = append(stmts, statement{Statement: s, Date: nullable(s.Date)})
	}
	type event struct {
		Event
		Date *string `json:"date"`
	}
	evs := make([]event, len(a.Events))
	for i, e := range a.Events {
		evs[i] = event{Event: e, Date: nullable(e.Date)}
	}
	return struct {
		plain
		Published  *string     `json:"published"`
		Place      *string     `json:"place"`
		Outlet     *string     `json:"outlet"`
		Statements []statement `json:"statements"`
		Events     []event     `json:"events"`
	}{plain(*a), nullable(a.Published), nullable(a.Place), nullable(a.Outlet), stmts, evs}
}

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
