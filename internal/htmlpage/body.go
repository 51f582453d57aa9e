package htmlpage

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// para is one paragraph of the body with the block element it came from.
type para struct {
	text string
	tag  atom.Atom // p, h1…h6, li, blockquote, td (table row), 0 for bare text
	// letters and linked are the counts of letters and digits in the
	// paragraph and in its <a> elements: link density tells a list of
	// links to other articles from text.
	letters, linked int
}

// linkDensity is the share of the paragraph's letters inside links.
func (p para) linkDensity() float64 {
	if p.letters == 0 {
		return 0
	}
	return float64(p.linked) / float64(p.letters)
}

func (p para) isHeading() bool {
	switch p.tag {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// blockTags start and end a paragraph. Everything else (a, b, em, span,
// font...) is inline and joins the text around it.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true,
	atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true,
	atom.Thead: true, atom.Tbody: true, atom.Tfoot: true, atom.Caption: true,
	atom.Figure: true, atom.Figcaption: true, atom.Section: true,
	atom.Article: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Main: true, atom.Hr: true, atom.Details: true, atom.Summary: true,
	atom.Address: true, atom.Center: true, atom.Body: true, atom.Html: true,
	atom.Form: true, atom.Fieldset: true, atom.Nav: true,
}

// paraBuilder accumulates the text of one paragraph, collapsing white space.
type paraBuilder struct {
	out       []para
	sb        strings.Builder
	tag       atom.Atom
	pendingSp bool // a space is owed before the next visible character
	pre       int  // depth inside <pre>
	inLink    int  // depth inside <a>
	letters   int
	linked    int
	// skip, when set, names elements whose subtree is left out (the
	// fast path's furniture inside an article element).
	skip func(*html.Node) bool
}

// paragraphs turns trafilatura's content tree into plain paragraphs.
func paragraphs(root *html.Node) []para {
	if root == nil {
		return nil
	}
	var b paraBuilder
	b.walk(root, 0, 0)
	b.flush()
	return b.out
}

// maxWalkDepth bounds recursion; trafilatura's output is shallow, this only
// guards against pathological input reaching here through the fallback.
const maxWalkDepth = 256

func (b *paraBuilder) walk(n *html.Node, block atom.Atom, depth int) {
	if depth > maxWalkDepth {
		return
	}
	switch n.Type {
	case html.TextNode:
		b.text(n.Data, block)
		return
	case html.ElementNode:
	default:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			b.walk(c, block, depth+1)
		}
		return
	}
	if b.skip != nil && b.skip(n) {
		return
	}
	a := tagAtom(n)
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Iframe, atom.Svg, atom.Button, atom.Select, atom.Textarea, atom.Input:
		return
	case atom.Br:
		b.lineBreak()
		return
	case atom.Td, atom.Th:
		// Cells of one row stay in one paragraph, separated by a space.
		if b.sb.Len() > 0 {
			b.pendingSp = true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			b.walk(c, block, depth+1)
		}
		if b.sb.Len() > 0 {
			b.pendingSp = true
		}
		return
	}
	if !blockTags[a] {
		if a == atom.A {
			b.inLink++
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			b.walk(c, block, depth+1)
		}
		if a == atom.A && b.inLink > 0 {
			b.inLink--
		}
		return
	}
	b.flush()
	tag := a
	if tag == atom.Tr {
		tag = atom.Td
	}
	if a == atom.Pre {
		b.pre++
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.walk(c, tag, depth+1)
	}
	if a == atom.Pre {
		b.pre--
	}
	b.flush()
}

// tagAtom returns the element's atom. Nodes that trafilatura creates carry
// only their tag name (DataAtom zero), so the name is looked up.
func tagAtom(n *html.Node) atom.Atom {
	if n.DataAtom != 0 {
		return n.DataAtom
	}
	return atom.Lookup([]byte(strings.ToLower(n.Data)))
}

func (b *paraBuilder) text(s string, block atom.Atom) {
	if b.sb.Len() == 0 {
		b.tag = block
	}
	for _, r := range s {
		switch {
		case r == linkOpen:
			b.inLink++
		case r == linkClose:
			if b.inLink > 0 {
				b.inLink--
			}
		case r == '\u200b' || r == '\ufeff' || r == '\u00ad' || r == 0:
			// zero-width space, BOM, soft hyphen, NUL: invisible, dropped.
		case r == '\n' && b.pre > 0:
			b.lineBreak()
		case unicode.IsSpace(r) || r == spaceMark: // includes NBSP and the other Unicode spaces
			if b.sb.Len() > 0 {
				b.pendingSp = true
			}
		case r == utf8.RuneError:
			// decoding residue; never useful text
		default:
			if b.pendingSp {
				b.sb.WriteByte(' ')
				b.pendingSp = false
			}
			b.sb.WriteRune(r)
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				b.letters++
				if b.inLink > 0 {
					b.linked++
				}
			}
		}
	}
}

// lineBreak records a <br>: a single one is a line break inside the
// paragraph; two in a row end the paragraph (the pre-CSS paragraph idiom).
func (b *paraBuilder) lineBreak() {
	if b.sb.Len() == 0 {
		return
	}
	cur := b.sb.String()
	if strings.HasSuffix(cur, "\n") {
		tag := b.tag
		b.sb.Reset()
		b.sb.WriteString(strings.TrimRight(cur, "\n"))
		b.flush()
		b.tag = tag
		return
	}
	b.sb.WriteByte('\n')
	b.pendingSp = false
}

func (b *paraBuilder) flush() {
	t := strings.TrimSpace(b.sb.String())
	b.sb.Reset()
	b.pendingSp = false
	if t != "" {
		b.out = append(b.out, para{text: t, tag: b.tag, letters: b.letters, linked: b.linked})
	}
	b.tag = 0
	b.letters, b.linked = 0, 0
	b.inLink = 0
}

func joinParagraphs(ps []para) string {
	n := 0
	for _, p := range ps {
		n += len(p.text) + 2
	}
	var sb strings.Builder
	sb.Grow(n)
	for i, p := range ps {
		if i > 0 {
			sb.WriteString("\n\n")
		}
		sb.WriteString(p.text)
	}
	return sb.String()
}

// cleanSpace trims s and collapses every run of white space to one space.
func cleanSpace(s string) string {
	var sb strings.Builder
	sp := false
	for _, r := range s {
		if unicode.IsSpace(r) || r == spaceMark {
			sp = true
			continue
		}
		if r == linkOpen || r == linkClose {
			continue
		}
		if sp && sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		sp = false
		sb.WriteRune(r)
	}
	return sb.String()
}

// countWords counts runs of letters or digits.
func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}
