package web

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/parley-news/parley/internal/article"
)

// Mark is one highlighted stretch of an article body: a statement, its cue
// or speaker, a mention, a time expression, or the evidence a link points at.
type Mark struct {
	// Span is a half-open byte range into the body, as everywhere in Parley.
	Span article.Span
	// Class is the CSS class (or classes) the stretch gets.
	Class string
	// Title is shown on hover; empty for none.
	Title string
	// Anchor, when set, is an element id placed where the mark starts, so
	// that links can point at it (#s-3, #hl).
	Anchor string
}

// Segment is a run of body text with the same set of marks over all of it.
// Rendering the segments in order, each as a <span> with its classes,
// reproduces the body exactly, with overlapping marks flattened.
type Segment struct {
	Text    string
	Class   string
	Title   string
	Anchors []string
}

// Segments cuts body at every mark boundary and returns the pieces with the
// classes of the marks covering them. Marks may nest, overlap or repeat.
// Spans that are inverted, empty or outside the body are dropped; spans that
// cut a UTF-8 sequence are widened to whole characters, so no segment ever
// holds half a character (the browser would show U+FFFD). It never panics.
func Segments(body string, marks []Mark) []Segment {
	type edge struct {
		pos   int
		start bool
		idx   int
	}
	ms := make([]Mark, 0, len(marks))
	for _, m := range marks {
		s, e := m.Span[0], m.Span[1]
		if s < 0 {
			s = 0
		}
		if e > len(body) {
			e = len(body)
		}
		if s >= e {
			continue
		}
		// Widen to character boundaries: a span from another tool (or an
		// off-by-one) may land inside a multi-byte character.
		for s > 0 && !utf8.RuneStart(body[s]) {
			s--
		}
		for e < len(body) && !utf8.RuneStart(body[e]) {
			e++
		}
		m.Span = article.Span{s, e}
		ms = append(ms, m)
	}
	if len(ms) == 0 {
		if body == "" {
			return nil
		}
		return []Segment{{Text: body}}
	}
	edges := make([]edge, 0, 2*len(ms))
	for i, m := range ms {
		edges = append(edges, edge{m.Span[0], true, i}, edge{m.Span[1], false, i})
	}
	slices.SortFunc(edges, func(a, b edge) int {
		if a.pos != b.pos {
			return a.pos - b.pos
		}
		// Ends before starts at the same position, so touching marks do not
		// count as covering the empty stretch between them.
		if a.start != b.start {
			if a.start {
				return 1
			}
			return -1
		}
		return a.idx - b.idx
	})

	out := make([]Segment, 0, len(edges)+1)
	active := make([]int, 0, 8) // indices into ms, kept in mark order
	var anchors []string
	var cls, title []byte // scratch, reused for every segment
	pos := 0
	emit := func(end int) {
		if end <= pos {
			return
		}
		seg := Segment{Text: body[pos:end], Anchors: anchors}
		anchors = nil
		if len(active) > 0 {
			cls, title = cls[:0], title[:0]
			for _, i := range active {
				if len(cls) > 0 {
					cls = append(cls, ' ')
				}
				cls = append(cls, ms[i].Class...)
				if ms[i].Title != "" {
					if len(title) > 0 {
						title = append(title, " · "...)
					}
					title = append(title, ms[i].Title...)
				}
			}
			seg.Class, seg.Title = string(cls), string(title)
		}
		// Join with the previous segment when nothing changed between them.
		if n := len(out); n > 0 && seg.Anchors == nil && out[n-1].Class == seg.Class && out[n-1].Title == seg.Title {
			out[n-1].Text = body[end-len(out[n-1].Text)-len(seg.Text) : end]
		} else {
			out = append(out, seg)
		}
		pos = end
	}
	for _, e := range edges {
		emit(e.pos)
		if e.start {
			at := sort.SearchInts(active, e.idx)
			active = append(active, 0)
			copy(active[at+1:], active[at:])
			active[at] = e.idx
			if a := ms[e.idx].Anchor; a != "" {
				anchors = append(anchors, a)
			}
		} else if at := sort.SearchInts(active, e.idx); at < len(active) && active[at] == e.idx {
			active = append(active[:at], active[at+1:]...)
		}
	}
	emit(len(body))
	if len(anchors) > 0 { // a mark at the very end of the body
		out = append(out, Segment{Anchors: anchors})
	}
	return out
}

// ArticleMarks returns the marks for an article's analyses: statements
// (anchored s-N by their position), their cues and speakers, mentions and
// time expressions. focus, when non-empty, is marked "hl" and anchored "hl".
func ArticleMarks(a *article.Article, focus article.Span) []Mark {
	marks := make([]Mark, 0, 3*len(a.Statements)+len(a.Mentions)+len(a.Timexes)+1)
	for i, s := range a.Statements {
		title := s.Speaker.Name
		if title == "" {
			title = "unnamed speaker"
		}
		title += " (" + s.Kind
		if s.Date != "" {
			title += ", " + s.Date
		}
		title += ")"
		marks = append(marks, Mark{Span: s.Span, Class: "st st-" + classWord(s.Kind), Title: title, Anchor: "s-" + itoa(i)})
		if s.CueSpan.Len() > 0 {
			marks = append(marks, Mark{Span: s.CueSpan, Class: "cue"})
		}
		if s.SpeakerSpan.Len() > 0 {
			marks = append(marks, Mark{Span: s.SpeakerSpan, Class: "spk"})
		}
	}
	for _, m := range a.Mentions {
		title := m.Type
		if m.Actor != "" && m.Actor != m.Text {
			title += ": " + m.Actor
		}
		marks = append(marks, Mark{Span: m.Span, Class: "m m-" + classWord(m.Type), Title: title})
	}
	for _, t := range a.Timexes {
		marks = append(marks, Mark{Span: t.Span, Class: "tx", Title: t.Type + " " + t.Value})
	}
	if focus.Len() > 0 {
		marks = append(marks, Mark{Span: focus, Class: "hl", Anchor: "hl"})
	}
	return marks
}

// classWord lower-cases s and keeps only ASCII letters and digits, so a kind
// or type from the data can never break out of a class attribute or inject
// another class name.
func classWord(s string) string {
	var b strings.Builder
	for i := 0; i < len(s) && b.Len() < 24; i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b.WriteByte(c)
		case c >= 'A' && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		}
	}
	if b.Len() == 0 {
		return "x"
	}
	return b.String()
}
