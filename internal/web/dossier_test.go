package web

import (
	"net/http"
	"strings"
	"testing"
)

func TestDossierEndpoints(t *testing.T) {
	srv, base := newDemo(t, "")
	c := &http.Client{}
	status, _, body := get(t, c, base+"/api/v1/positions")
	if status != 200 {
		t.Fatalf("positions: %d %s", status, body)
	}
	m := decode(t, body)
	all := m["items"].([]any)
	issues, parties := m["issues"].([]any), m["parties"].([]any)
	if len(all) == 0 || len(all) > len(issues)*len(parties) || m["negotiation"] == "" {
		t.Fatalf("positions: %d cells for %d×%d", len(all), len(issues), len(parties))
	}
	for _, it := range all {
		cell := it.(map[string]any)
		if len(cell["evidence"].([]any)) == 0 || cell["stance"] == "" {
			t.Errorf("cell without evidence or stance: %v", cell)
		}
	}
	// Pagination.
	_, _, body = get(t, c, base+"/api/v1/positions?limit=2")
	m = decode(t, body)
	if len(m["items"].([]any)) != min(2, len(all)) || (len(all) > 2 && m["next_offset"].(float64) != 2) {
		t.Errorf("positions page: %v", m["next_offset"])
	}
	if status, _, body := get(t, c, base+"/api/v1/positions?limit=0"); status != 400 || errCode(t, body) != codeBadRequest {
		t.Errorf("limit=0: %d", status)
	}
	// The timeline has a lane per cell, each starting no earlier than From.
	status, _, body = get(t, c, base+"/api/v1/stances")
	tl := decode(t, body)
	lanes := tl["lanes"].([]any)
	if status != 200 || len(lanes) != len(all) {
		t.Fatalf("timeline: %d, %d lanes for %d cells", status, len(lanes), len(all))
	}
	from := tl["from"].(string)
	for _, l := range lanes {
		for _, sg := range l.(map[string]any)["segments"].([]any) {
			if f := sg.(map[string]any)["from"].(string); f < from {
				t.Errorf("segment starts %s before the timeline's %s", f, from)
			}
		}
	}
	// The pages: every cell with evidence links to its articles with a span.
	_, _, page := get(t, c, base+"/matrix")
	if n := strings.Count(page, `class="evlink" href="/articles/`); n == 0 || !strings.Contains(page, "?hl=") {
		t.Errorf("matrix has %d evidence links", n)
	}
	if got := strings.Count(page, `<a class="cell s-`); got != len(all) {
		t.Errorf("matrix has %d clickable cells, want %d", got, len(all))
	}
	_, _, page = get(t, c, base+"/stances")
	if !strings.Contains(page, `<svg id="timeline"`) || strings.Count(page, "<rect class=\"seg") < len(all) {
		t.Errorf("timeline page lacks its lanes")
	}
	_, _, page = get(t, c, base+"/")
	if !strings.Contains(page, "Dossiers") || !strings.Contains(page, srv.cfg.Dossier.Negotiation) {
		t.Errorf("overview does not name the dossier")
	}
}

func TestTimelineWithoutDates(t *testing.T) {
	// No position at all, or none dated: the picture still has its frame.
	tl := timeline(nil)
	if len(tl.Lanes) != 0 || tl.From == "" || tl.Height <= 0 {
		t.Errorf("empty timeline: %+v", tl)
	}
	if _, ok := day("2031-03"); !ok {
		t.Error("a month must parse")
	}
	if _, ok := day("March"); ok {
		t.Error("a word must not parse")
	}
}
