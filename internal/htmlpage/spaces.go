package htmlpage

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// spaceMark stands in for white space at the edge of a text node while
// trafilatura works on the tree. trafilatura trims every text and tail, so
// "<b>Vernon's</b> injury" came out as "Vernon'sinjury"; U+2060 WORD JOINER
// is not white space to strings.Fields, survives the trim, and the
// paragraph builder turns it back into a space. It never reaches the output:
// every string taken from trafilatura goes through paraBuilder or cleanSpace.
const spaceMark = '\u2060'

const spaceMarkStr = string(spaceMark)

// linkOpen and linkClose (private-use code points) bracket the text of each
// <a> while trafilatura works, so that the paragraph builder can measure
// link density without asking trafilatura to keep links: with links kept,
// it splits a paragraph at every link that sits in loose text.
const (
	linkOpen  = '\uE000'
	linkClose = '\uE001'
)

// isMarker reports the marker runes that never reach the output.
func isMarker(r rune) bool {
	return r == spaceMark || r == linkOpen || r == linkClose
}

// markEdgeSpaces brackets link text with linkOpen/linkClose and replaces the leading and trailing white space of every
// text node with spaceMark, and a white-space-only text node between two
// inline elements ("<a>X</a> <a>Y</a>") with one spaceMark. Other
// white-space-only nodes (indentation between blocks) are left alone so
// trafilatura's emptiness tests see them as before.
func markEdgeSpaces(n *html.Node, depth int) {
	if depth > maxWalkDepth {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			c.Data = markText(c)
		case html.ElementNode:
			switch c.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Textarea, atom.Pre, atom.Title:
				continue
			}
			markEdgeSpaces(c, depth+1)
			if c.DataAtom == atom.A && c.FirstChild != nil {
				c.InsertBefore(&html.Node{Type: html.TextNode, Data: string(linkOpen)}, c.FirstChild)
				c.AppendChild(&html.Node{Type: html.TextNode, Data: string(linkClose)})
			}
		}
	}
}

func markText(c *html.Node) string {
	s := c.Data
	if s == "" {
		return s
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if !unicode.IsSpace(first) && !unicode.IsSpace(last) {
		return s
	}
	t := strings.TrimSpace(s)
	if t == "" {
		if isInline(c.PrevSibling) && isInline(c.NextSibling) {
			return spaceMarkStr
		}
		return s
	}
	var sb strings.Builder
	sb.Grow(len(t) + 6)
	if unicode.IsSpace(first) {
		sb.WriteRune(spaceMark)
	}
	sb.WriteString(t)
	if unicode.IsSpace(last) {
		sb.WriteRune(spaceMark)
	}
	return sb.String()
}

// isInline reports an inline element (or text) as a neighbour of a
// white-space-only text node.
func isInline(n *html.Node) bool {
	if n == nil {
		return false
	}
	if n.Type == html.TextNode {
		return true
	}
	if n.Type != html.ElementNode {
		return false
	}
	switch n.DataAtom {
	case atom.A, atom.B, atom.Strong, atom.I, atom.Em, atom.Span, atom.U, atom.Small,
		atom.Sup, atom.Sub, atom.Abbr, atom.Cite, atom.Code, atom.Q, atom.Mark,
		atom.Font, atom.Time, atom.S, atom.Del, atom.Ins, atom.Var, atom.Kbd, atom.Dfn:
		return true
	}
	return false
}
