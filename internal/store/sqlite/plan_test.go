package sqlite

import (
	"context"
	"database/sql"
	"net/url"
	"slices"
	"strings"
	"testing"
)

// TestQueryPlans checks that the hot queries are answered from indexes
// rather than by scanning a table.
func TestQueryPlans(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	if _, err := s.SaveArticle(ctx, benchArticle(1)); err != nil {
		t.Fatal(err)
	}
	// Plans as SQLite makes them for a million articles: the statistics
	// ANALYZE wrote for such a store (parley bench --n 1000000). With them,
	// and not with an empty store's, SQLite would build a Bloom filter over
	// every article for a join to articles.
	if _, err := s.write.ExecContext(ctx, `ANALYZE sqlite_schema; DELETE FROM sqlite_stat1;
		INSERT INTO sqlite_stat1(tbl, idx, stat) VALUES
		('articles', 'articles_newest', '1000000 2001 401 1'), ('articles', 'articles_outlet', '1000000 2001 76 1'),
		('articles', 'articles_pipeline', '1000000 2001 2001 1'), ('articles', 'sqlite_autoindex_articles_1', '1000000 1'),
		('statements', 'statements_actor', '9426095 2001 2 1'), ('statements', 'statements_newest', '9426095 1001 2 1'),
		('statements', 'sqlite_autoindex_statements_1', '9426095 10 1'), ('actor_stats', 'actor_stats_rank', '1048 7 1 1'),
		('actor_forms', 'actor_forms', '17415 15 15 2 1 1'), ('counters', 'counters', '9 1')`); err != nil {
		t.Fatal(err)
	}
	// A connection opened now reads them (the store's may have read the
	// schema before).
	db, err := sql.Open("sqlite", s.dsn(url.Values{}))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	tests := []struct {
		name, sql string
	}{
		{"by hash", `SELECT id, version FROM articles WHERE content_hash = 'x'`},
		{"by source", `SELECT (SELECT id FROM articles WHERE source_key = 'x' AND current = 1 AND source_key <> ''), (SELECT max(version) FROM articles WHERE source_key = 'x')`},
		{"newest page", `SELECT id FROM articles a WHERE a.current = 1 ORDER BY a.published_day DESC, a.id DESC LIMIT 20`},
		{"outlet page", `SELECT id FROM articles a WHERE a.current = 1 AND a.outlet = 'x' COLLATE NOCASE ORDER BY a.published_day DESC, a.id DESC LIMIT 20`},
		{"stale", `SELECT id FROM articles WHERE current = 1 AND pipeline <> 'x' ORDER BY id LIMIT 10`},
		// The lists' form (Statements): the article's flag a correlated
		// lookup, not a join.
		{"statements of an actor", `SELECT s.id FROM statements s WHERE (SELECT current FROM articles WHERE id = s.article_id) = 1 AND s.actor_id = 3 ORDER BY s.eff_date DESC`},
		{"statements page", `SELECT s.id FROM statements s WHERE (SELECT current FROM articles WHERE id = s.article_id) = 1 ORDER BY s.eff_date DESC, s.article_id DESC, s.seq LIMIT 20`},
		{"statements by speaker", `SELECT s.id FROM statements s WHERE (SELECT current FROM articles WHERE id = s.article_id) = 1 AND s.actor_id IN (SELECT id FROM actors WHERE name LIKE '%x%' ESCAPE '\' UNION SELECT actor_id FROM actor_aliases WHERE alias LIKE '%x%' ESCAPE '\') ORDER BY s.eff_date DESC, s.article_id DESC, s.seq LIMIT 20`},
		{"statements of a common kind", `SELECT s.id FROM statements s WHERE s.kind = 'direct' ORDER BY s.eff_date DESC, s.article_id DESC, s.seq LIMIT 20`},
		{"statements of a rare kind", `SELECT s.id FROM statements s WHERE s.kind = 'm' AND s.` + rareKindCodeCond() + ` ORDER BY s.eff_date DESC, s.article_id DESC, s.seq LIMIT 20`},
		// actorPlan's two ways: a small actor's entries (and their rows)
		// sorted, a large actor's along the newest order.
		{"statements of a small actor", `SELECT s.id FROM statements s INDEXED BY statements_actor WHERE (SELECT current FROM articles WHERE id = s.article_id) = 1 AND s.actor_id = 3 AND s.eff_date <= '2022-03' ORDER BY s.eff_date DESC, s.article_id DESC, s.seq LIMIT 20`},
		{"statements of a large actor", `SELECT s.id FROM statements s INDEXED BY statements_newest WHERE (SELECT current FROM articles WHERE id = s.article_id) = 1 AND s.actor_id = 3 ORDER BY s.eff_date DESC, s.article_id DESC, s.seq LIMIT 20`},
		// The triggers' search for an actor's and a form's first and last
		// dates again, both ways (edgesBySize).
		// (As the "speaker forms" migration rewrote them: formSQL.)
		{"actor edges", `UPDATE actor_stats SET ` + formSQL(edgesBySize("actor_stats", "", "7", true)) + ` WHERE actor_id = 3`},
		{"form edges", `UPDATE actor_forms SET ` + formSQL(edgesBySize("actor_forms", formCond, "0", false)) + ` WHERE actor_id = 3 AND form = 1`},
		{"statements of an article", `SELECT id FROM statements WHERE article_id = 1 ORDER BY seq`},
		{"actor by name", `SELECT id FROM actors WHERE name = 'x'`},
		// Merges and actor clean-up (corrections.go) find events by actor
		// through the partial indexes (eventIndexesSQL).
		{"events of merged actors", `SELECT article_id FROM events WHERE actor_id IN (SELECT 3) OR target_id IN (SELECT 3)`},
		{"actor without events", `SELECT id FROM actors WHERE name = 'x' AND NOT EXISTS (SELECT 1 FROM events WHERE actor_id = actors.id OR target_id = actors.id)`},
		{"events of a deleted actor", `UPDATE events SET actor_id = NULL WHERE actor_id = 3`},
		// The article triggers read an article's mention_actors rows by
		// their key; nothing on a write path reads them by actor, which
		// has no index since "mentions by actor unindexed".
		{"mention counts of an article", `UPDATE actor_stats SET mentions = mentions - (SELECT coalesce(sum(m.n), 0) FROM mention_actors m WHERE m.article_id = 1 AND m.actor_id = actor_stats.actor_id)
			WHERE actor_id IN (SELECT actor_id FROM mention_actors WHERE article_id = 1)`},
		{"mentions of an article", `DELETE FROM mention_actors WHERE article_id = 1`},
		// The event lists' dated part (store.EventParts) through the
		// partial events_date; the undated part by article.
		{"dated events page", `SELECT e.id FROM events e WHERE (SELECT current FROM articles WHERE id = e.article_id) = 1 AND e.date > '' ORDER BY e.date DESC, e.article_id DESC, e.seq LIMIT 20`},
		{"dated events in a range", `SELECT e.id FROM events e WHERE (SELECT current FROM articles WHERE id = e.article_id) = 1 AND e.date <> '' AND e.date || char(65535) >= '2022-03' AND e.date <= '2022-04' || char(65535) AND e.date > '' ORDER BY e.date, e.article_id, e.seq LIMIT 20`},
		{"undated events page", `SELECT e.id FROM events e INDEXED BY sqlite_autoindex_events_1 WHERE (SELECT current FROM articles WHERE id = e.article_id) = 1 AND e.date = '' ORDER BY e.article_id DESC, e.seq LIMIT 20`},
	}
	for _, tt := range tests {
		rows, err := conn.QueryContext(ctx, "EXPLAIN QUERY PLAN "+tt.sql)
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
		if strings.HasPrefix(tt.name, "dated events") && !strings.Contains(strings.Join(plan, " "), "USING INDEX events_date") {
			t.Errorf("%s does not use events_date: %q", tt.name, plan)
		}
		if strings.HasPrefix(tt.name, "undated events") && slices.Contains(plan, "USE TEMP B-TREE FOR ORDER BY") {
			t.Errorf("%s sorts every undated event: %q", tt.name, plan)
		}
		if strings.Contains(tt.name, "large actor") {
			if p := strings.Join(plan, " "); strings.Contains(p, "TEMP B-TREE") || !strings.Contains(p, "statements_newest") {
				t.Errorf("%s does not page along statements_newest: %q", tt.name, plan)
			}
		}
		if p := strings.Join(plan, " "); strings.HasSuffix(tt.name, " edges") &&
			(!strings.Contains(p, "CO-ROUTINE x") || !strings.Contains(p, "USING INDEX statements_newest") || !strings.Contains(p, "statements_actor (actor_id=?)")) {
			t.Errorf("%s does not seek both ways: %q", tt.name, plan)
		}
		if strings.Contains(tt.name, "small actor") && !strings.Contains(strings.Join(plan, " "), "USING INDEX statements_actor (actor_id=?)") {
			t.Errorf("%s does not sort the actor's entries: %q", tt.name, plan)
		}
		// A rare kind is found through its partial index, not by reading
		// the newest order until 20 of it turn up.
		if strings.Contains(tt.name, "rare kind") && !strings.Contains(strings.Join(plan, " "), "statements_kind_rare") {
			t.Errorf("%s does not use statements_kind_rare: %q", tt.name, plan)
		}
		// A Bloom filter is built by reading a whole table first.
		if p := strings.Join(plan, " "); strings.Contains(p, "BLOOM") {
			t.Errorf("%s builds a Bloom filter: %q", tt.name, plan)
		}
		for _, step := range plan {
			// Scanning the actors table (a few thousand names) for a
			// substring is expected; scanning anything else is not.
			if strings.HasPrefix(step, "SCAN ") && !strings.Contains(step, "USING") && !strings.Contains(step, "CONSTANT ROW") &&
				step != "SCAN actors" && step != "SCAN actor_aliases" && step != "SCAN x" /* a co-routine's rows */ {
				t.Errorf("%s scans a table: %q", tt.name, plan)
			}
		}
	}
}
