// Package store keeps Parley's record: articles as ingested, every version
// of them, and the analyses the pipeline made (statements, mentions, time
// expressions, events), with the actors they name.
//
// The package holds only the contract: the Store interface, its row types and
// sentinel errors, the parsing of users' full-text queries and the default
// database path. Implementations live in sub-packages and keep their SQL to
// themselves:
//
//   - store/sqlite: the embedded default, one SQLite file (pure Go, no cgo).
//   - store/postgres: PostgreSQL through pgx, for many writers and machines.
//
// Both pass the same contract suite, store/storetest.
//
// # Using it
//
//	path, err := store.DefaultPath() // $PARLEY_DB, $XDG_DATA_HOME/parley/parley.db, ~/.local/share/parley/parley.db
//	st, err := sqlite.Open(ctx, path, logger)
//	defer st.Close()
//
//	res, err := st.SaveArticle(ctx, a) // a *article.Article with its analyses and Pipeline
//	switch res.Status {
//	case store.New, store.NewVersion: // stored as res.ID, version res.Version
//	case store.Duplicate:             // already there as res.ID; nothing written
//	}
//
//	list, err := st.Articles(ctx, store.ArticleQuery{Outlet: "Example Times", From: "2022-02", Limit: 20})
//	next, err := st.Articles(ctx, store.ArticleQuery{After: list[len(list)-1].Cursor(), Limit: 20})
//	hits, err := st.Articles(ctx, store.ArticleQuery{Query: `ceasefire "U.S." talk*`})
//	full, err := st.Article(ctx, id) // store.ErrNotFound when there is no such id
//	says, err := st.Statements(ctx, store.StatementQuery{Speaker: "minister", Kind: article.Direct})
//	who, err := st.Actors(ctx, store.ActorQuery{Name: "minister"})
//	n, err := st.Stats(ctx)
//
//	// bulk ingest: one transaction per batch (all or nothing), much faster
//	results, err := st.SaveArticles(ctx, batch)
//
//	// parley reanalyze:
//	ids, err := st.StaleArticles(ctx, pipelineVersion, 100)
//	for _, id := range ids {
//		stored, _ := st.Article(ctx, id)
//		fresh := analyse(stored.Article) // same Body, new analyses, Pipeline set
//		err = st.ReplaceAnalyses(ctx, id, &fresh)
//	}
//
// # Identity and versions
//
// An article is identified by its ContentHash (the hex SHA-256 the pipeline
// computes over the normalised headline and body; when it is empty the store
// computes one over Title and Body). SaveArticle is idempotent on it: the same
// hash twice is stored once and reported as Duplicate. An article whose source
// key (URL when set, else Source) matches the current version of a stored one
// but whose hash differs is a NewVersion: it gets version+1 and the previous
// row is kept, marked superseded (Current false, SupersededBy set). Anything
// else is New with version 1. (Content that matches an older, superseded
// version is a Duplicate of that version: nothing is written.)
//
// Actors are created from the names the analyses carry (statement speakers,
// mentions' resolved actors, event actors and targets), one per canonical
// name compared ASCII-case-insensitively; the first non-empty kind, title and
// affiliation are kept, and every statement also keeps the speaker's title
// and affiliation as reported in it. Article returns speakers with all the
// aliases the store knows for them.
//
// Queries see only current versions unless IncludeSuperseded is set; Versions
// lists the history of one article.
//
// # Atomicity
//
// SaveArticle writes the article and all its analyses in one transaction,
// SaveArticles a whole batch in one, and ReplaceAnalyses swaps all analyses
// in one: a cancelled context or a crash leaves everything or nothing.
//
// # Dates
//
// Dates in queries are "YYYY", "YYYY-MM" or "YYYY-MM-DD", inclusive at both
// ends and compared by what they cover: From "2022-02" and To "2022-02" select
// all of February 2022, and a statement dated only "2022-02" is selected by a
// range that overlaps that month. Rows with no date are left out whenever a
// range is given. A statement's date is its own Date, or the publication day
// of its article when it has none.
//
// # Full-text queries
//
// Query fields take what a user types. ParseQuery reads it as words and
// "quoted phrases", a trailing * makes a word a prefix; every other character
// is literal, so "U.S.", NOT, unbalanced quotes or lone operators never make
// a query fail. All terms must match (AND). An empty or blank query means no
// full-text filter; a query with no searchable characters ("***") matches
// nothing.
package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/parley-news/parley/internal/article"
)

// Sentinel errors: callers test them with errors.Is.
var (
	// ErrNotFound: no article with that id.
	ErrNotFound = errors.New("store: not found")
	// ErrInvalid: the input cannot be stored (nil article, malformed query date...).
	ErrInvalid = errors.New("store: invalid input")
	// ErrBodyMismatch: ReplaceAnalyses was given analyses of a different body
	// than the stored one; their spans would point at the wrong bytes. Save
	// the article instead (it will become a new version).
	ErrBodyMismatch = errors.New("store: body differs from the stored article")
	// ErrSchemaTooNew: the database was written by a newer Parley.
	ErrSchemaTooNew = errors.New("store: database schema is newer than this program")
	// ErrClosed: the store was closed.
	ErrClosed = errors.New("store: closed")
	// ErrReadOnly: the database cannot be written (a read-only file or
	// filesystem); it was opened for reading only.
	ErrReadOnly = errors.New("store: database is read-only")
	// ErrCorrupt: the database failed its integrity check; it takes no
	// more writes.
	ErrCorrupt = errors.New("store: database failed its integrity check")
)

// SaveStatus says what SaveArticle did.
type SaveStatus int

// Outcomes of SaveArticle.
const (
	// New: a new article, stored as version 1.
	New SaveStatus = iota + 1
	// Duplicate: the same content was already stored; nothing was written.
	Duplicate
	// NewVersion: a changed article from a known source; stored as a new
	// version, the previous one kept and marked superseded.
	NewVersion
)

// String returns "new", "duplicate" or "new-version".
func (s SaveStatus) String() string {
	switch s {
	case New:
		return "new"
	case Duplicate:
		return "duplicate"
	case NewVersion:
		return "new-version"
	}
	return fmt.Sprintf("SaveStatus(%d)", int(s))
}

// MarshalText makes the status print as its name in JSON.
func (s SaveStatus) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// SaveResult is what SaveArticle did and where the article is.
type SaveResult struct {
	ID      int64      `json:"id"`
	Status  SaveStatus `json:"status"`
	Version int        `json:"version"`
	// Previous is the id of the version this one superseded (NewVersion only).
	Previous int64 `json:"previous,omitempty"`
}

// Store is Parley's record. Implementations are safe for concurrent use.
type Store interface {
	// SaveArticle stores a with all its analyses in one transaction.
	SaveArticle(ctx context.Context, a *article.Article) (SaveResult, error)
	// SaveArticles stores several articles in one transaction, all or none;
	// results follow the order of as. Use it for bulk ingest.
	SaveArticles(ctx context.Context, as []*article.Article) ([]SaveResult, error)
	// Article returns one stored article with all its analyses, in the order
	// they were saved; ErrNotFound when there is none.
	Article(ctx context.Context, id int64) (*StoredArticle, error)
	// Articles lists articles, newest first unless q.Order says otherwise.
	Articles(ctx context.Context, q ArticleQuery) ([]ArticleSummary, error)
	// ArticleBodies returns the publication date and body of the articles
	// of ids (any version; unknown ids are left out), in no set order,
	// without their analyses: for the readers that compare texts over
	// many articles (syndicated copies on the timeline).
	ArticleBodies(ctx context.Context, ids []int64) ([]ArticleBody, error)
	// Versions lists every stored version of the article id belongs to,
	// newest version first; ErrNotFound when there is no such id.
	Versions(ctx context.Context, id int64) ([]ArticleSummary, error)
	// Statements lists statements, newest first.
	Statements(ctx context.Context, q StatementQuery) ([]StoredStatement, error)
	// Actors lists actors, most quoted first.
	Actors(ctx context.Context, q ActorQuery) ([]StoredActor, error)
	// Events lists events in time order (oldest first, undated last).
	Events(ctx context.Context, q EventQuery) ([]StoredEvent, error)
	// StaleArticles returns up to limit ids of current articles whose
	// analyses were made by a pipeline version other than pipeline, oldest
	// ids first (limit <= 0: all).
	StaleArticles(ctx context.Context, pipeline string, limit int) ([]int64, error)
	// ReplaceAnalyses replaces the statements, mentions, timexes and events
	// of article id with a's, and records a.Pipeline, in one transaction.
	// a.Body must be empty or equal to the stored body (ErrBodyMismatch).
	ReplaceAnalyses(ctx context.Context, id int64, a *article.Article) error
	// Stats counts what is stored.
	Stats(ctx context.Context) (Stats, error)
	// Outlets lists the outlets of current articles, by name
	// (case-insensitively), with how many articles each has; at most
	// limit (<= 0: DefaultLimit; at most MaxLimit).
	Outlets(ctx context.Context, limit int) ([]OutletCount, error)
	// AddCorrections stores analysts' corrections and applies them, in one
	// transaction, all or none; it returns them as stored (ids, anchors and
	// statuses set). See Correction.
	AddCorrections(ctx context.Context, cs []Correction) ([]Correction, error)
	// Corrections lists corrections, newest first (the audit log).
	Corrections(ctx context.Context, q CorrectionQuery) ([]Correction, error)
	// StanceHistory: the last stance of each dossier cell, for alerts.
	StanceHistory
	// DossierIndex: dossiers' statement ↔ cell links, for positions.
	DossierIndex
	// Close releases the store; later calls fail with ErrClosed.
	Close() error
}

// StoredArticle is an article as stored, with its analyses.
type StoredArticle struct {
	ID      int64 `json:"id"`
	Version int   `json:"version"`
	// Current is false when a newer version superseded this one.
	Current      bool      `json:"current"`
	SupersededBy int64     `json:"superseded_by,omitempty"`
	IngestedAt   time.Time `json:"ingested_at"`
	// AnalysedAt is when the analyses were last written.
	AnalysedAt time.Time `json:"analysed_at"`
	// Truncated: the article was stored before the caps (MaxStatements,
	// MaxAnalyses) and has more analyses than they allow; Article returns
	// only the first ones.
	Truncated bool `json:"truncated,omitempty"`
	article.Article
}

// ArticleBody is an article's text and date (Store.ArticleBodies).
type ArticleBody struct {
	ID        int64  `json:"id"`
	Published string `json:"published"`
	Body      string `json:"body"`
}

// Chunks calls fn with ids in parts of at most n (a store's query over
// "id IN (...)" keeps its parameters bounded).
func Chunks(ids []int64, n int, fn func([]int64) error) error {
	for len(ids) > 0 {
		k := min(n, len(ids))
		if err := fn(ids[:k]); err != nil {
			return err
		}
		ids = ids[k:]
	}
	return nil
}

// ArticleSummary is one line of an article list.
type ArticleSummary struct {
	ID             int64     `json:"id"`
	Version        int       `json:"version"`
	Current        bool      `json:"current"`
	Source         string    `json:"source"`
	URL            string    `json:"url,omitempty"`
	Outlet         string    `json:"outlet"`
	Place          string    `json:"place,omitempty"`
	Published      string    `json:"published"`
	PublishedBasis string    `json:"published_basis,omitempty"`
	Title          string    `json:"title"`
	Standfirst     string    `json:"standfirst,omitempty"`
	Language       string    `json:"language,omitempty"`
	ContentHash    string    `json:"content_hash"`
	Pipeline       string    `json:"pipeline,omitempty"`
	IngestedAt     time.Time `json:"ingested_at"`
	Statements     int       `json:"statements"`
	// Snippet is a piece of the body around the matches of a full-text
	// query (empty without one), the matches wrapped in ArticleQuery.Mark.
	Snippet string `json:"snippet,omitempty"`
}

// Cursor returns the keyset position after s, for ArticleQuery.After.
func (s ArticleSummary) Cursor() *ArticleCursor {
	return &ArticleCursor{Published: Day(s.Published), ID: s.ID}
}

// ArticleCursor is a keyset position in a newest-first article list.
type ArticleCursor struct {
	// Published is Day of the last row's publication date.
	Published string `json:"published"`
	ID        int64  `json:"id"`
}

// Order is the order of a list.
type Order int

// List orders.
const (
	// Newest: newest publication day first, then newest id (the default).
	Newest Order = iota
	// Relevance: best full-text match first; like Newest without a Query.
	Relevance
	// StoreOrder (statements only): in the order the store holds them,
	// article id then place in the article. A pass over every statement
	// that writes something per statement (the dossier index) writes in
	// key order then, which fills the pages it appends to.
	StoreOrder
)

// ArticleQuery selects articles. The zero value lists the newest
// DefaultLimit current articles.
type ArticleQuery struct {
	// Outlet keeps articles of this outlet (exact, case-insensitive).
	Outlet string
	// From and To bound the publication date, inclusive (see Dates above).
	From, To string
	// Query is a full-text query over title, standfirst and body (see ParseQuery).
	Query string
	// Pipeline keeps articles analysed by this pipeline version.
	Pipeline string
	Order    Order
	// Limit caps the rows (<= 0: DefaultLimit; at most MaxLimit).
	Limit  int
	Offset int
	// After continues a Newest list after this row (keyset paging); with
	// After, Offset is usually 0. With Relevance order it is ErrInvalid.
	After *ArticleCursor
	// IncludeSuperseded lists old versions too.
	IncludeSuperseded bool
	// Mark wraps each match in Snippet: {"[", "]"} by default.
	Mark [2]string
	// NoSnippet leaves Snippet empty (counting the rows of a search).
	NoSnippet bool
	// IDsOnly fills each row's ID only, no other field and no snippet:
	// counting rows or collecting ids reads no more than it needs.
	IDsOnly bool
}

// StoredStatement is one statement with where it comes from.
type StoredStatement struct {
	ID        int64 `json:"id"`
	ArticleID int64 `json:"article_id"`
	// ActorID is the speaker's actor; 0 when the speaker is unnamed.
	ActorID int64 `json:"actor_id,omitempty"`
	// Seq is the statement's position among its article's statements.
	Seq int `json:"seq"`
	article.Statement
	// EffectiveDate is Date, or the article's publication day when Date is empty.
	EffectiveDate string `json:"effective_date,omitempty"`
	ArticleTitle  string `json:"article_title"`
	Outlet        string `json:"outlet"`
	Published     string `json:"published"`
	Source        string `json:"source"`
	URL           string `json:"url,omitempty"`
}

// Cursor returns the keyset position after s, for StatementQuery.After.
func (s StoredStatement) Cursor() *StatementCursor {
	return &StatementCursor{Date: s.EffectiveDate, ArticleID: s.ArticleID, Seq: s.Seq}
}

// StatementCursor is a keyset position in a newest-first statement list.
type StatementCursor struct {
	Date      string `json:"date"`
	ArticleID int64  `json:"article_id"`
	Seq       int    `json:"seq"`
}

// StatementQuery selects statements. Statements are listed newest first
// (effective date, then article id descending), in text order within an
// article.
type StatementQuery struct {
	// Speaker keeps statements whose speaker's name, or one of the actor's
	// aliases, contains this (case-insensitive for ASCII).
	Speaker string
	// ActorID keeps statements of exactly this actor.
	ActorID int64
	// ArticleID keeps statements of one article.
	ArticleID int64
	// From and To bound the effective date, inclusive (see Dates above).
	From, To string
	// Outlet keeps statements from articles of this outlet (exact, case-insensitive).
	Outlet string
	// Kind keeps statements of this kind (article.Direct, ...).
	Kind string
	// Query is a full-text query over the statement text (see ParseQuery).
	Query string
	Order Order
	Limit int
	// Offset skips rows; After continues after a row (keyset paging,
	// Newest and StoreOrder: with Relevance it is ErrInvalid; StoreOrder
	// reads its ArticleID and Seq only).
	Offset int
	After  *StatementCursor
	// IncludeSuperseded lists statements of old versions too.
	IncludeSuperseded bool
	// IDsOnly fills each row's ID only, no other field: counting rows
	// reads no more than it needs.
	IDsOnly bool
}

// StoredActor is an actor with how often the current record names it.
type StoredActor struct {
	ID int64 `json:"id"`
	article.Actor
	// Statements counts the statements the actor made; Mentions the
	// mentions resolved to it (current article versions only).
	Statements int `json:"statements"`
	Mentions   int `json:"mentions"`
	// First and Last are the earliest and latest effective dates of its
	// statements.
	First string `json:"first,omitempty"`
	Last  string `json:"last,omitempty"`
	// Outlets (sorted) and Forms are filled when ActorQuery.Detail is set.
	Outlets []string      `json:"outlets,omitempty"`
	Forms   []SpeakerForm `json:"forms,omitempty"`
}

// Cursor returns the keyset position after a, for ActorQuery.After.
func (a StoredActor) Cursor() *ActorCursor {
	return &ActorCursor{Statements: a.Statements, Name: a.Name, ID: a.ID}
}

// ActorCursor is a keyset position in the actor ranking (most statements
// first, then by name).
type ActorCursor struct {
	Statements int    `json:"statements"`
	Name       string `json:"name"`
	ID         int64  `json:"id"`
}

// SpeakerForm is one way the statements gave an actor as their speaker:
// the name, title, affiliation and kind as reported, how many statements
// did so and between which effective dates.
type SpeakerForm struct {
	Name        string `json:"name"`
	Title       string `json:"title,omitempty"`
	Affiliation string `json:"affiliation,omitempty"`
	Kind        string `json:"kind,omitempty"`
	Statements  int    `json:"statements"`
	First       string `json:"first,omitempty"`
	Last        string `json:"last,omitempty"`
}

// ActorQuery selects actors. The counts come from aggregates the store
// keeps as it writes, so a page costs the same at any size.
type ActorQuery struct {
	// ID keeps one actor.
	ID int64
	// Name keeps actors whose name or an alias contains this (case-insensitive for ASCII).
	Name string
	// Kind keeps actors of this kind (article.Person, ...).
	Kind string
	// Speaking keeps actors with at least one statement.
	Speaking bool
	// Detail fills Outlets and Forms.
	Detail bool
	Limit  int
	Offset int
	// After continues after a row (keyset paging).
	After *ActorCursor
}

// OutletCount is an outlet with its number of current articles.
type OutletCount struct {
	Name     string `json:"name"`
	Articles int64  `json:"articles"`
}

// List sizes.
const (
	DefaultLimit = 50
	MaxLimit     = 10000
	// MaxMatches bounds the work of a full-text query whatever the size of
	// the store: a query considers at most this many matches, the most
	// recently stored ones, listed newest first or by relevance among
	// themselves. (Ranking every match of a common word would cost time
	// in proportion to the store.)
	MaxMatches = 2000
)

// ClampLimit returns the limit an implementation should use for n.
func ClampLimit(n int) int {
	switch {
	case n <= 0:
		return DefaultLimit
	case n > MaxLimit:
		return MaxLimit
	}
	return n
}

// Stats counts what is stored. Analyses are counted for current versions.
type Stats struct {
	// Articles counts current versions; Versions counts every stored row.
	Articles   int64 `json:"articles"`
	Versions   int64 `json:"versions"`
	Statements int64 `json:"statements"`
	Mentions   int64 `json:"mentions"`
	Timexes    int64 `json:"timexes"`
	Events     int64 `json:"events"`
	Actors     int64 `json:"actors"`
	// Speakers counts the actors with at least one statement.
	Speakers int64 `json:"speakers"`
	Aliases  int64 `json:"aliases"`
	Outlets  int64 `json:"outlets"`
	// FirstPublished and LastPublished are the earliest and latest
	// publication days of current articles.
	FirstPublished string `json:"first_published,omitempty"`
	LastPublished  string `json:"last_published,omitempty"`
	// Pipelines counts current articles by the pipeline version of their analyses.
	Pipelines map[string]int64 `json:"pipelines"`
}

// DefaultPath returns where the database lives unless told otherwise:
// $PARLEY_DB if set, else $XDG_DATA_HOME/parley/parley.db, else
// ~/.local/share/parley/parley.db. It does not create anything; opening
// the store creates the directory.
func DefaultPath() (string, error) {
	if p := os.Getenv("PARLEY_DB"); p != "" {
		return p, nil
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		// The XDG spec says relative values are invalid and must be ignored.
		return filepath.Join(d, "parley", "parley.db"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("store: default path: %w", err)
	}
	return filepath.Join(home, ".local", "share", "parley", "parley.db"), nil
}

// StoredEvent is one event with where it comes from.
type StoredEvent struct {
	ID        int64 `json:"id"`
	ArticleID int64 `json:"article_id"`
	Seq       int   `json:"seq"`
	article.Event
	ArticleTitle string `json:"article_title"`
	Outlet       string `json:"outlet"`
	Published    string `json:"published"`
	Source       string `json:"source"`
	URL          string `json:"url,omitempty"`
}

// EventQuery selects events.
type EventQuery struct {
	// Actor keeps events whose actor or target name contains this
	// (case-insensitive for ASCII).
	Actor string
	// Type keeps events of this type (exact).
	Type string
	// ArticleID keeps events of one article.
	ArticleID int64
	// From and To bound the event's date, inclusive (see Dates above);
	// undated events are left out whenever a range is given.
	From, To string
	// Outlet keeps events from articles of this outlet.
	Outlet string
	// Undated keeps events without a date too (without a range).
	Undated bool
	// Newest lists events newest first (date descending, then article
	// descending, in text order within an article); by default they are
	// listed oldest first. Undated events come last either way.
	Newest bool
	Limit  int
	Offset int
}

// EventParts runs an event listing of q as the queries a store's index on
// the date can answer without sorting every event: the dated events, then,
// when there is room left and q keeps them, the undated ones. run gets the
// condition to add (SQL over alias e), the ORDER BY clause, the limit and
// the offset; got says how many rows the calls so far produced. A listing
// with undated events and an offset cannot know where the dated part
// ends: it is one query, sorted whole. A dated event is one whose date is
// greater than the empty string: a range an index on the date answers in
// order, where "not equal" is not.
func EventParts(q EventQuery, limit int, run func(cond, order string, limit, offset int) error, got func() int) error {
	dated, undated := " ORDER BY e.date, e.article_id, e.seq", " ORDER BY e.article_id, e.seq"
	if q.Newest {
		dated, undated = " ORDER BY e.date DESC, e.article_id DESC, e.seq", " ORDER BY e.article_id DESC, e.seq"
	}
	offset := max(q.Offset, 0)
	switch {
	case q.From != "" || q.To != "" || !q.Undated:
		return run("e.date > ''", dated, limit, offset)
	case offset > 0:
		return run("", " ORDER BY e.date = '', "+dated[len(" ORDER BY "):], limit, offset)
	}
	if err := run("e.date > ''", dated, limit, 0); err != nil {
		return err
	}
	if n := got(); n < limit {
		return run("e.date = ''", undated, limit-n, 0)
	}
	return nil
}
