package htmlpage

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Split bodies. Some sites cut the article body into several sibling
// containers with an ad or a newsletter box between them (each container
// with the same tag and class). trafilatura picks the best container and
// loses the rest of the article. restoreSplitBody finds the container the
// extracted paragraphs came from and appends the paragraphs of the later
// containers that carry exactly the same tag and class list.
//
// Safe because: the class list must match exactly and be non-empty, the
// main container must hold at least minSplitMatches of the extracted
// paragraphs, and only <p> and heading elements of the twins are taken,
// each at least splitMinWords long unless a heading.

const (
	minSplitMatches = 2  // extracted paragraphs that must sit in the main container
	splitMinWords   = 8  // shortest <p> taken from a twin container
	splitKeyWords   = 10 // paragraphs this long identify the main container
	maxSplitNodes   = 200000
	maxParaBytes    = 1 << 20 // a <p> longer than this is not matched
)

func restoreSplitBody(doc *html.Node, ps []para) []para {
	if doc == nil || len(ps) == 0 {
		return ps
	}
	keys := make([]string, len(ps))
	have := make(map[string]int, len(ps)) // normKey → index in ps
	for i, p := range ps {
		keys[i] = normKey(p.text)
		if countWords(p.text) >= splitKeyWords {
			have[keys[i]] = i
		}
	}
	if len(have) < minSplitMatches {
		return ps
	}

	// Count, for each parent element, how many extracted paragraphs it holds.
	type hit struct {
		n    int
		last int // index in ps of the last matched paragraph
	}
	hits := map[*html.Node]*hit{}
	var order []*html.Node // parents in document order, for a deterministic choice
	visited := 0
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		visited++
		if depth > maxWalkDepth || visited > maxSplitNodes {
			return
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head:
				return
			case atom.P:
				// A paragraph of splitKeyWords words has at least twice as
				// many bytes; shorter <p>s cannot match and are not keyed.
				if t := textOfN(n, maxParaBytes); n.Parent != nil && len(t) >= 2*splitKeyWords {
					if i, ok := have[normKey(t)]; ok {
						h := hits[n.Parent]
						if h == nil {
							h = &hit{}
							hits[n.Parent] = h
							order = append(order, n.Parent)
						}
						h.n++
						if i > h.last {
							h.last = i
						}
					}
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)

	var main *html.Node
	var mh *hit
	for _, n := range order {
		// The parent holding most extracted paragraphs; the first in
		// document order on a tie.
		if h := hits[n]; mh == nil || h.n > mh.n {
			main, mh = n, h
		}
	}
	if mh == nil || mh.n < minSplitMatches {
		return ps
	}
	class := strings.TrimSpace(attr(main, "class"))
	if class == "" {
		return ps
	}

	// Twins: elements after main with the same tag and class.
	var add []para
	seen := make(map[string]bool, len(ps))
	for _, k := range keys {
		seen[k] = true
	}
	for _, el := range twinsAfter(main, class) {
		for c := el.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			a := c.DataAtom
			if a != atom.P && a != atom.H2 && a != atom.H3 && a != atom.H4 && a != atom.Blockquote {
				continue
			}
			for _, p := range paragraphs(c) {
				k := normKey(p.text)
				if k == "" || seen[k] {
					continue
				}
				if !p.isHeading() && countWords(p.text) < splitMinWords {
					continue
				}
				seen[k] = true
				add = append(add, p)
			}
		}
	}
	if len(add) == 0 {
		return ps
	}
	out := make([]para, 0, len(ps)+len(add))
	out = append(out, ps[:mh.last+1]...)
	out = append(out, add...)
	out = append(out, ps[mh.last+1:]...)
	return out
}

// twinsAfter returns the elements after n in document order (not inside it)
// with n's tag and exactly the given class attribute.
func twinsAfter(n *html.Node, class string) []*html.Node {
	var out []*html.Node
	var walk func(x *html.Node, depth int)
	walk = func(x *html.Node, depth int) {
		if depth > maxWalkDepth || len(out) > 16 {
			return
		}
		if x.Type == html.ElementNode && isCommentBox(x) {
			// Readers' comments often reuse the article's "content" class.
			return
		}
		if x.Type == html.ElementNode && x.DataAtom == n.DataAtom && x.Data == n.Data &&
			strings.TrimSpace(attr(x, "class")) == class {
			out = append(out, x)
			return
		}
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	// Walk the following siblings of n and of each of its ancestors.
	for a := n; a != nil; a = a.Parent {
		for s := a.NextSibling; s != nil; s = s.NextSibling {
			walk(s, 0)
		}
	}
	return out
}
