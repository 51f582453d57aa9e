package htmlpage

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Loose text. Older CMS templates write the article as bare text inside a
// <div>, paragraphs separated by <br><br>, with links and emphasis in
// between. trafilatura drops a container's leading text in that layout (the
// first paragraph disappears) and, with links kept, splits paragraphs at
// each link. wrapLooseText rewrites such runs into <p> elements before
// extraction, the way readability turns "divs into paragraphs".
//
// Safe because: only runs with visible text directly inside a block
// container are wrapped; runs end at block elements and at two <br> in a
// row, so existing paragraphs and lists keep their structure.

// looseContainers are the block elements whose direct text is wrapped.
var looseContainers = map[atom.Atom]bool{
	atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Td: true, atom.Center: true,
}

func wrapLooseText(n *html.Node, depth int) {
	if depth > maxWalkDepth {
		return
	}
	if n.Type == html.ElementNode && isCommentBox(n) {
		// Comment threads are left alone: wrapped, each comment would
		// look like an article paragraph.
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			switch c.DataAtom {
			case atom.Head, atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Pre, atom.P,
				atom.Textarea, atom.Select, atom.Svg:
				continue
			}
			wrapLooseText(c, depth+1)
		}
	}
	if n.Type == html.ElementNode && looseContainers[n.DataAtom] && hasLooseText(n) {
		wrapRuns(n)
	}
}

// isCommentBox reports an element whose class or id names it part of a
// comment thread.
func isCommentBox(n *html.Node) bool {
	cls := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	return strings.Contains(cls, "comment") || strings.Contains(cls, "reply") || strings.Contains(cls, "disqus")
}

// minLooseText is the fewest bytes of direct text a container needs to be
// rewritten: captions, credits and widget labels are shorter, article text
// written between <br>s is longer.
const minLooseText = 150

// hasLooseText reports a container written in the <br> idiom: direct text
// children with at least minLooseText bytes in all, and a direct <br>.
func hasLooseText(n *html.Node) bool {
	size, br := 0, false
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			size += len(strings.TrimSpace(c.Data))
		case c.Type == html.ElementNode && c.DataAtom == atom.Br:
			br = true
		}
	}
	return br && size >= minLooseText
}

// wrapRuns moves each run of inline children of n into a new <p>.
func wrapRuns(n *html.Node) {
	var run []*html.Node
	flush := func(before *html.Node) {
		if !runHasText(run) {
			run = run[:0]
			return
		}
		p := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
		n.InsertBefore(p, before)
		for _, x := range run {
			n.RemoveChild(x)
			p.AppendChild(x)
		}
		// Trailing <br>s of the run are dropped: the paragraph ends there.
		for p.LastChild != nil && p.LastChild.Type == html.ElementNode && p.LastChild.DataAtom == atom.Br {
			p.RemoveChild(p.LastChild)
		}
		run = run[:0]
	}
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.TextNode || (c.Type == html.ElementNode && isInlineTag(c.DataAtom)):
			run = append(run, c)
		case c.Type == html.ElementNode && c.DataAtom == atom.Br:
			if len(run) > 0 && lastIsBr(run) {
				// <br><br>: end of a paragraph.
				flush(c) // this <br> stays between the paragraphs
				c = next
				continue
			}
			run = append(run, c)
		case c.Type == html.CommentNode:
			// comments inside a run stay where they are
		default:
			flush(c)
		}
		c = next
	}
	flush(nil)
}

// lastIsBr reports whether the run ends with <br>, ignoring white space.
func lastIsBr(run []*html.Node) bool {
	for i := len(run) - 1; i >= 0; i-- {
		x := run[i]
		if x.Type == html.TextNode && strings.TrimSpace(x.Data) == "" {
			continue
		}
		return x.Type == html.ElementNode && x.DataAtom == atom.Br
	}
	return false
}

func runHasText(run []*html.Node) bool {
	for _, x := range run {
		if x.Type == html.TextNode && strings.TrimSpace(x.Data) != "" {
			return true
		}
		if x.Type == html.ElementNode && x.DataAtom != atom.Br && strings.TrimSpace(textOf(x)) != "" {
			return true
		}
	}
	return false
}

// isInlineTag reports phrasing elements that belong inside a paragraph.
func isInlineTag(a atom.Atom) bool {
	switch a {
	case atom.A, atom.B, atom.Strong, atom.I, atom.Em, atom.Span, atom.U, atom.Small,
		atom.Sup, atom.Sub, atom.Abbr, atom.Cite, atom.Code, atom.Q, atom.Mark,
		atom.Font, atom.Time, atom.S, atom.Del, atom.Ins, atom.Var, atom.Kbd, atom.Dfn,
		atom.Big, atom.Tt, atom.Strike, atom.Label, atom.Wbr, atom.Bdi, atom.Bdo:
		return true
	}
	return false
}
