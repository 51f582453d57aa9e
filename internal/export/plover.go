package export

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/store"
	"github.com/parley-news/parley/internal/text"
)

// PloverActor is one actor of a PLOVER record.
type PloverActor struct {
	// ActorText is the actor's canonical name.
	ActorText string `json:"actorText"`
	// Kind is Parley's actor kind (PERSON, ORG, GPE); Affiliation the body
	// or country a person speaks for.
	Kind        string `json:"kind,omitempty"`
	Affiliation string `json:"affiliation,omitempty"`
}

// PloverEvent is one event in the shape of a PLOVER record (the Open Event
// Data Alliance's ontology: "event", "mode", "source" and "target" actor
// lists, "date", "eventText", "text"), with where it was reported.
type PloverEvent struct {
	ID string `json:"id"`
	// Date is YYYY-MM-DD (or YYYY-MM, YYYY); null when the text gives none.
	Date        *string       `json:"date"`
	Event       string        `json:"event"`
	Mode        string        `json:"mode,omitempty"`
	Source      []PloverActor `json:"source"`
	Target      []PloverActor `json:"target"`
	EventText   string        `json:"eventText"`
	Text        string        `json:"text"`
	Language    string        `json:"language,omitempty"`
	Publication string        `json:"publication,omitempty"`
	// Published is the article's publication date; ArticleID, URL and
	// Span (bytes of the article body) lead back to the evidence.
	Published string       `json:"published,omitempty"`
	ArticleID int64        `json:"article_id"`
	URL       string       `json:"url,omitempty"`
	Span      article.Span `json:"span"`
	Version   string       `json:"version,omitempty"`
}

// WritePLOVER writes every event of the current articles as one PLOVER
// record a line, article by article, oldest article first.
func WritePLOVER(ctx context.Context, st store.Store, w io.Writer) (int, error) {
	bw := bufio.NewWriterSize(w, 256<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	ids, err := st.StaleArticles(ctx, allArticles, 0)
	if err != nil {
		return 0, fmt.Errorf("export: %w", err)
	}
	n := 0
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		sa, err := st.Article(ctx, id)
		if err != nil {
			return n, fmt.Errorf("export: article %d: %w", id, err)
		}
		if len(sa.Events) == 0 {
			continue
		}
		for _, p := range PLOVER(sa) {
			if err := enc.Encode(p); err != nil {
				return n, err
			}
			n++
		}
	}
	return n, bw.Flush()
}

// PLOVER returns the events of one stored article as PLOVER records.
func PLOVER(sa *store.StoredArticle) []PloverEvent {
	sents := text.Sentences(sa.Body)
	out := make([]PloverEvent, 0, len(sa.Events))
	for i, e := range sa.Events {
		p := PloverEvent{
			ID:    fmt.Sprintf("parley-%d-%d", sa.ID, i+1),
			Event: e.Type, Mode: e.Mode,
			Source: []PloverActor{}, Target: []PloverActor{},
			EventText: e.Text, Text: sentenceOf(sa.Body, sents, e.Span),
			Language: sa.Language, Publication: sa.Outlet, Published: sa.Published,
			ArticleID: sa.ID, URL: sa.URL, Span: e.Span, Version: sa.Pipeline,
		}
		if e.Date != "" {
			d := e.Date
			p.Date = &d
		}
		if e.Actor.Name != "" {
			p.Source = append(p.Source, PloverActor{ActorText: e.Actor.Name, Kind: e.Actor.Kind, Affiliation: e.Actor.Affiliation})
		}
		if e.Target != nil && e.Target.Name != "" {
			p.Target = append(p.Target, PloverActor{ActorText: e.Target.Name, Kind: e.Target.Kind, Affiliation: e.Target.Affiliation})
		}
		out = append(out, p)
	}
	return out
}

// sentenceOf returns the sentences of body that sp touches, spaces folded;
// the span's own text when it is outside every sentence.
func sentenceOf(body string, sents []article.Span, sp article.Span) string {
	lo, hi := -1, -1
	for _, s := range sents {
		if s.Overlaps(sp) || (sp.Len() == 0 && s[0] <= sp[0] && sp[0] < s[1]) {
			if lo < 0 {
				lo = s[0]
			}
			hi = s[1]
		}
	}
	if lo < 0 {
		lo, hi = sp[0], sp[1]
	}
	if lo < 0 || hi > len(body) || lo > hi {
		return ""
	}
	return strings.Join(strings.Fields(body[lo:hi]), " ")
}
