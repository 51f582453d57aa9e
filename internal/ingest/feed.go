package ingest

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"strings"

	"github.com/mmcdole/gofeed"
)

// minItemText is the length below which a feed item's own text is a teaser
// and its page is fetched instead (when FollowFeedLinks is on).
const minItemText = 400

// feed reads an RSS or Atom feed: one document per item, from the item's
// full content when it carries one, else from its page.
func (r *Reader) feed(ctx context.Context, source string, data []byte, yield emit) bool {
	f, err := gofeed.NewParser().ParseString(string(data))
	if err != nil {
		return fail(yield, source, fmt.Errorf("%w: %w", ErrNotFeed, err))
	}
	if len(f.Items) == 0 {
		return fail(yield, source, fmt.Errorf("%w: the feed has no items", ErrEmpty))
	}
	for i, it := range f.Items {
		if ctx.Err() != nil {
			return false
		}
		hint := Document{
			Source: fmt.Sprintf("%s#%d", source, i+1),
			Title:  strings.TrimSpace(it.Title),
			URL:    it.Link,
		}
		if it.Link != "" {
			hint.Source = it.Link
		}
		switch {
		case it.PublishedParsed != nil:
			hint.Published, hint.PublishedHasTime, hint.PublishedBasis = *it.PublishedParsed, true, "feed"
		case it.UpdatedParsed != nil:
			hint.Published, hint.PublishedHasTime, hint.PublishedBasis = *it.UpdatedParsed, true, "feed"
		}
		content := it.Content
		if len(content) < len(it.Description) {
			content = it.Description
		}
		if r.cfg.FollowFeedLinks && textLen(content) < minItemText &&
			IsURL(it.Link) {
			if !r.fetchURL(ctx, it.Link, hint, yield) {
				return false
			}
			continue
		}
		if strings.TrimSpace(content) == "" {
			if !fail(yield, hint.Source, fmt.Errorf("%w: feed item has no text", ErrEmpty)) {
				return false
			}
			continue
		}
		doc := hint
		doc.Format = FormatHTML
		doc.HTML = wrapFragment(hint.Title, content)
		if !yield(doc, nil) {
			return false
		}
	}
	return true
}

// wrapFragment makes a page of an item's HTML fragment so that the page
// extractor reads it like any other article.
func wrapFragment(title, fragment string) []byte {
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
	b.WriteString(html.EscapeString(title))
	b.WriteString("</title></head><body><article><h1>")
	b.WriteString(html.EscapeString(title))
	b.WriteString("</h1>")
	if !strings.Contains(fragment, "<") {
		for _, p := range strings.Split(fragment, "\n\n") {
			b.WriteString("<p>" + html.EscapeString(strings.TrimSpace(p)) + "</p>")
		}
	} else {
		b.WriteString(fragment)
	}
	b.WriteString("</article></body></html>")
	return b.Bytes()
}

// textLen is the length of s without its tags, roughly.
func textLen(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '<':
			in = true
		case c == '>':
			in = false
		case !in:
			n++
		}
	}
	return n
}
