package sqlite

import (
	"context"
	"strings"
	"testing"
)

// TestQueryPlans checks that the hot queries are answered from indexes
// rather than by scanning a table.
func TestQueryPlans(t *testing.T) {
	s := openTest(t)
	if _, err := s.SaveArticle(context.Background(), benchArticle(1)); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, sql string
	}{
		{"by hash", `SELECT id, version FROM articles WHERE content_hash = 'x'`},
		{"by source", `SELECT (SELECT id FROM articles WHERE source_key = 'x' AND current = 1 AND source_key <> ''), (SELECT max(version) FROM articles WHERE source_key = 'x')`},
		{"newest page", `SELECT id FROM articles a WHERE a.current = 1 ORDER BY a.published_day DESC, a.id DESC LIMIT 20`},
		{"outlet page", `SELECT id FROM articles a WHERE a.current = 1 AND a.outlet = 'x' COLLATE NOCASE ORDER BY a.published_day DESC, a.id DESC LIMIT 20`},
		{"stale", `SELECT id FROM articles WHERE current = 1 AND pipeline <> 'x' ORDER BY id LIMIT 10`},
		{"statements of an actor", `SELECT s.id FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.actor_id = 3 ORDER BY s.eff_date DESC`},
		{"statements page", `SELECT s.id FROM statements s JOIN articles a ON a.id = s.article_id WHERE +a.current = 1 ORDER BY s.eff_date DESC, s.article_id DESC, s.seq LIMIT 20`},
		{"statements by speaker", `SELECT s.id FROM statements s JOIN articles a ON a.id = s.article_id WHERE +a.current = 1 AND s.actor_id IN (SELECT id FROM actors WHERE name LIKE '%x%' ESCAPE '\' UNION SELECT actor_id FROM actor_aliases WHERE alias LIKE '%x%' ESCAPE '\') ORDER BY s.eff_date DESC, s.article_id DESC, s.seq LIMIT 20`},
		{"statements of a common kind", `SELECT s.id FROM statements s WHERE s.kind = 'direct' ORDER BY s.eff_date DESC, s.article_id DESC, s.seq LIMIT 20`},
		{"statements of a rare kind", `SELECT s.id FROM statements s WHERE s.kind = 'mixed' AND s.` + rareKindCond + ` ORDER BY s.eff_date DESC, s.article_id DESC, s.seq LIMIT 20`},
		{"statements of an article", `SELECT id FROM statements WHERE article_id = 1 ORDER BY seq`},
		{"actor by name", `SELECT id FROM actors WHERE name = 'x'`},
	}
	for _, tt := range tests {
		rows, err := s.read.Query("EXPLAIN QUERY PLAN " + tt.sql)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		// Lists in the newest order read an index in that order: no sort
		// of every matching row before the first page.
		if strings.Contains(tt.name, "statements page") || strings.Contains(tt.name, "common kind") {
			if p := strings.Join(plan, " "); strings.Contains(p, "TEMP B-TREE") || !strings.Contains(p, "statements_newest") {
				t.Errorf("%s does not page along statements_newest: %q", tt.name, plan)
			}
		}
		// A rare kind is found through its partial index, not by reading
		// the newest order until 20 of it turn up.
		if strings.Contains(tt.name, "rare kind") && !strings.Contains(strings.Join(plan, " "), "statements_kind_rare") {
			t.Errorf("%s does not use statements_kind_rare: %q", tt.name, plan)
		}
		for _, step := range plan {
			// Scanning the actors table (a few thousand names) for a
			// substring is expected; scanning anything else is not.
			if strings.HasPrefix(step, "SCAN ") && !strings.Contains(step, "USING") && !strings.Contains(step, "CONSTANT ROW") &&
				step != "SCAN actors" && step != "SCAN actor_aliases" {
				t.Errorf("%s scans a table: %q", tt.name, plan)
			}
		}
	}
}
