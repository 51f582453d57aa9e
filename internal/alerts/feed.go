package alerts

import (
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/parley-news/parley/internal/store"
)

// Atom (RFC 4287) elements, as much as a feed of changes needs.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Author  atomPerson  `xml:"author"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Href string `xml:"href,attr"`
	Type string `xml:"type,attr,omitempty"`
}

type atomEntry struct {
	ID      string     `xml:"id"`
	Title   string     `xml:"title"`
	Updated string     `xml:"updated"`
	Links   []atomLink `xml:"link"`
	Summary atomText   `xml:"summary"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

// FeedInfo names a dossier's feed.
type FeedInfo struct {
	// Base is the site's absolute URL without a trailing slash
	// ("https://parley.example.org"); links are made from it.
	Base string
	// Dossier is the dossier's name; Title says what it is about.
	Dossier, Title string
	// Since is when the dossier was first watched: the feed's updated
	// time when it has no entry (zero: the Unix epoch).
	Since time.Time
}

// Feed writes an Atom feed of changes (newest first). Each entry links to
// the statement behind the new stance in the article page (rel alternate)
// and to the original report when its URL is known (rel related).
func Feed(w io.Writer, info FeedInfo, changes []store.StanceChange) error {
	esc := url.PathEscape(info.Dossier)
	self := info.Base + "/dossiers/" + esc + "/feed.atom"
	title := "Stance changes: " + info.Dossier
	if info.Title != "" {
		title += " — " + info.Title
	}
	updated := info.Since
	if len(changes) > 0 {
		updated = changes[0].At
	}
	f := atomFeed{
		ID: self, Title: clean(title), Updated: stamp(updated), Author: atomPerson{Name: "Parley"},
		Links: []atomLink{
			{Rel: "self", Href: self, Type: "application/atom+xml"},
			{Rel: "alternate", Href: info.Base + "/matrix?dossier=" + url.QueryEscape(info.Dossier), Type: "text/html"},
		},
	}
	for _, c := range changes {
		e := atomEntry{
			ID:      self + "#change-" + strconv.FormatInt(c.ID, 10),
			Title:   clean(Describe(c)),
			Updated: stamp(c.At),
			Summary: atomText{Type: "text", Text: clean(summary(c))},
		}
		if c.ArticleID > 0 {
			e.Links = append(e.Links, atomLink{Rel: "alternate", Type: "text/html",
				Href: fmt.Sprintf("%s/articles/%d?hl=%d-%d#hl", info.Base, c.ArticleID, c.Span[0], c.Span[1])})
		} else {
			e.Links = append(e.Links, atomLink{Rel: "alternate", Type: "text/html", Href: f.Links[1].Href})
		}
		if c.URL != "" {
			e.Links = append(e.Links, atomLink{Rel: "related", Href: c.URL})
		}
		f.Entries = append(f.Entries, e)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// summary says the change and the statement behind it in plain words.
func summary(c store.StanceChange) string {
	var b strings.Builder
	b.WriteString(Describe(c))
	if c.Since != "" {
		b.WriteString(", since " + c.Since)
	}
	b.WriteString(".")
	if c.Text != "" {
		b.WriteString(" Latest statement")
		if c.Speaker != "" {
			b.WriteString(" by " + c.Speaker)
		}
		if c.Date != "" {
			b.WriteString(" on " + c.Date)
		}
		if c.Outlet != "" {
			b.WriteString(" (" + c.Outlet + ")")
		}
		b.WriteString(": “" + c.Text + "”")
	}
	return b.String()
}

func stamp(t time.Time) string {
	if t.IsZero() {
		t = time.Unix(0, 0)
	}
	return t.UTC().Format(time.RFC3339)
}

// clean drops the characters XML 1.0 cannot carry (most C0 controls),
// which article text may hold.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || (r >= 0x20 && r != 0xfffe && r != 0xffff && !(r >= 0xd800 && r <= 0xdfff)) {
			return r
		}
		return -1
	}, s)
}
