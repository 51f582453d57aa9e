package sqlite

import (
	"fmt"
	"strings"

	"github.com/parley-news/parley/internal/article"
)

// An article's mentions are stored packed, one row an article
// (mention_packs), since the "packed mentions" migration (issue 9: bytes per
// article). They were the store's second-largest table: at a million
// synthetic articles 19 rows an article, 734 bytes, and 255 more in their
// index by actor, which only actor merges and the actor counts used. What
// those need is kept in mention_actors: one row per actor and article with
// how many of the article's mentions name it (≈ 9 an article, not 19).
//
// The format, after the mark packMentions: the count (uvarint), then per
// mention a flags byte (bits 0–2 the type code, packOther for a type
// spelled out; bit 3: the text follows), the start as a varint delta from
// the previous start, the length of the span (varint), the type when
// spelled out and the actor's name as strings that may refer back to one
// the row holds (appendRefString: an article names the same few actors
// again and again), the text when flagged.
const packMentions = 0x01

// mentionTypes are the type codes: the index is the code.
var mentionTypes = [...]string{article.Person, article.Org, article.GPE, article.Loc, article.Other, ""}

// mentionPacker builds one packed row, a mention at a time.
type mentionPacker struct {
	head entryHead
	seen refTable
	b    []byte
	// intern, when set, makes the row's strings pack_strings ids
	// (packstrings.go); its first error sticks in err.
	intern internFunc
	err    error
}

// str appends a string the row may hold again: the type when spelled out,
// the actor's name.
func (p *mentionPacker) str(s string) {
	switch {
	case p.intern == nil:
		p.b = appendRefString(p.b, &p.seen, s)
	case p.err == nil:
		p.b, p.err = appendInterned(p.b, &p.seen, s, p.intern)
	}
}

func (p *mentionPacker) add(text, typ, actor string, start, end int, textFromBody bool) {
	flags := byte(packOther)
	for code, t := range mentionTypes {
		if t == typ {
			flags = byte(code)
			break
		}
	}
	if !textFromBody {
		flags |= packHasText
	}
	p.b = p.head.append(p.b, flags, start, end)
	if flags&7 == packOther {
		p.str(typ)
	}
	p.str(actor)
	if !textFromBody {
		p.b = appendPackString(p.b, text)
	}
}

func (p *mentionPacker) bytes() []byte {
	if p.intern != nil {
		return packedRow(packMentionsInterned, p.head.n, p.b)
	}
	return packedRow(packMentions, p.head.n, p.b)
}

// packMentionsOf encodes ms for article body body (the text of a mention
// that is the body's bytes at its span is left out), in the format of the
// "packed mentions" migration, which that migration's SQL still writes.
func packMentionsOf(body string, ms []article.Mention) []byte {
	b, _ := packMentionsWith(body, ms, nil)
	return b
}

// packMentionsWith is packMentionsOf with the strings interned by intern
// (packstrings.go), the format the store writes; nil intern: the older one.
func packMentionsWith(body string, ms []article.Mention, intern internFunc) ([]byte, error) {
	p := mentionPacker{intern: intern}
	for i := range ms {
		m := &ms[i]
		p.add(m.Text, m.Type, m.Actor, m.Span[0], m.Span[1], fromBody(body, m.Text, m.Span[0], m.Span[1]))
	}
	return p.bytes(), p.err
}

// unpackMentions decodes a packed row for article body body, at most limit
// mentions (the rest are not decoded), in either format; resolve reads
// interned strings (nil: only the older format decodes).
func unpackMentions(b []byte, body string, limit int, resolve resolveFunc) ([]article.Mention, error) {
	r := packReader{b: b}
	interned := len(b) > 0 && b[0] == packMentionsInterned
	mark := byte(packMentions)
	if interned {
		mark = packMentionsInterned
	}
	// Every mention takes at least four bytes.
	n, err := r.header(mark, 4)
	if err != nil {
		return nil, err
	}
	str := func(seen *[]string) string {
		if interned {
			return r.internedStr(seen, resolve)
		}
		return r.refStr(seen)
	}
	out := make([]article.Mention, 0, min(n, limit))
	var seen []string
	var prev int64
	for i := 0; i < n && len(out) < limit; i++ {
		var m article.Mention
		flags := r.head(&prev, &m.Span)
		if flags&^(7|packHasText) != 0 {
			return nil, fmt.Errorf("%w: flags %#x", errBadPack, flags)
		}
		if code := flags & 7; code == packOther {
			m.Type = str(&seen)
		} else if int(code) < len(mentionTypes) {
			m.Type = mentionTypes[code]
		} else {
			return nil, fmt.Errorf("%w: type code %d", errBadPack, code)
		}
		m.Actor = str(&seen)
		if flags&packHasText != 0 {
			m.Text = r.str()
		} else {
			m.Text, _ = bodySpan(body, m.Span[0], m.Span[1])
		}
		if r.err != nil {
			return nil, r.err
		}
		out = append(out, m)
	}
	return out, nil
}

// mentionPacksSQL is the "packed mentions" migration: each article's rows
// of mentions packed into one mention_packs row, their actors counted into
// mention_actors, the table and its index dropped, the counters' triggers
// moved to the new tables (a row adds or takes its n) and the article
// triggers that count an article's analyses rewritten to sum n.
func mentionPacksSQL() string {
	return `
CREATE TABLE mention_packs (
	article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	-- n: how many mentions data holds, for the counters.
	n          INTEGER NOT NULL,
	data       BLOB NOT NULL
);
INSERT INTO mention_packs(article_id, n, data)
	SELECT article_id, count(*), parley_pack_mentions(text, type, actor_name, span_start, span_end ORDER BY seq)
	FROM mentions GROUP BY article_id;
-- One row per article and actor its mentions name: n of them.
CREATE TABLE mention_actors (
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	actor_id   INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
	n          INTEGER NOT NULL,
	PRIMARY KEY (article_id, actor_id)
) WITHOUT ROWID;
INSERT INTO mention_actors(article_id, actor_id, n)
	SELECT article_id, actor_id, count(*) FROM mentions WHERE actor_id IS NOT NULL GROUP BY article_id, actor_id;
CREATE INDEX mention_actors_actor ON mention_actors(actor_id);
DROP TABLE mentions;
CREATE TRIGGER agg_mention_packs_ai AFTER INSERT ON mention_packs WHEN ` + when("NEW") + ` BEGIN
	UPDATE counters SET n = n + NEW.n WHERE name = 'mentions';
END;
CREATE TRIGGER agg_mention_packs_ad AFTER DELETE ON mention_packs WHEN ` + when("OLD") + ` BEGIN
	UPDATE counters SET n = n - OLD.n WHERE name = 'mentions';
END;
CREATE TRIGGER agg_mention_actors_ai AFTER INSERT ON mention_actors WHEN ` + when("NEW") + ` BEGIN
	UPDATE actor_stats SET mentions = mentions + NEW.n WHERE actor_id = NEW.actor_id;
END;
CREATE TRIGGER agg_mention_actors_ad AFTER DELETE ON mention_actors WHEN ` + when("OLD") + ` BEGIN
	UPDATE actor_stats SET mentions = mentions - OLD.n WHERE actor_id = OLD.actor_id;
END;
` + articleTriggersSQL(packedCounts)
}

// mentionActorsUnindexedSQL is the "mentions by actor unindexed"
// migration: mention_actors loses its index by actor (issue 9: bytes per
// article; ≈ 100 bytes an article at a million synthetic ones, 3% of the
// store). Every write and every article trigger reads mention_actors by
// article, its key. By actor only an actor merge reads it (ActorArticles:
// which articles to analyse again, each of which costs far more than the
// scan) and the clean-up after one (DropActorIfUnused, and the foreign
// key's check when that deletes the actor): one scan of a table of about
// 120 bytes an article each time, a fraction of a second at a million.
const mentionActorsUnindexedSQL = `
DROP INDEX mention_actors_actor;
`

// packedCounts rewrites the article triggers' counts of an article's
// analyses for the packed tables: the time expressions and mentions of an
// article are the n of its packed rows, its mentions of an actor the n of
// its mention_actors row.
var packedCounts = strings.NewReplacer(
	"SELECT count(*) FROM timexes WHERE", "SELECT coalesce(sum(n), 0) FROM timex_packs WHERE",
	"SELECT count(*) FROM mentions WHERE", "SELECT coalesce(sum(n), 0) FROM mention_packs WHERE",
	"SELECT count(*) FROM mentions m WHERE", "SELECT coalesce(sum(m.n), 0) FROM mention_actors m WHERE",
	"SELECT actor_id FROM mentions WHERE", "SELECT actor_id FROM mention_actors WHERE",
)

// articleTriggersSQL drops and creates again the article triggers that
// take an article's analyses out of the aggregates and put them in
// (articleLeaves, articleJoins), their counts rewritten by r.
func articleTriggersSQL(r *strings.Replacer) string {
	return articleTriggersSQLWith(r, edgesByDate, false)
}

// articleTriggersSQLWith is articleTriggersSQL with the edges found by e
// (atEdges: see articleLeavesWith).
func articleTriggersSQLWith(r *strings.Replacer, e edgeSQL, atEdges bool) string {
	articleLeaves := func(p string) string { return articleLeavesWith(p, e, atEdges) }
	articleJoins := func(p string) string { return articleJoinsWith(p, e) }
	return `
DROP TRIGGER agg_articles_retire;
DROP TRIGGER agg_articles_restore;
DROP TRIGGER agg_articles_outlet;
DROP TRIGGER agg_articles_bd_current;
CREATE TRIGGER agg_articles_retire AFTER UPDATE OF current ON articles WHEN OLD.current = 1 AND NEW.current <> 1 BEGIN` + r.Replace(articleLeaves("NEW")) + `END;
CREATE TRIGGER agg_articles_restore AFTER UPDATE OF current ON articles WHEN OLD.current <> 1 AND NEW.current = 1 BEGIN` + r.Replace(articleJoins("NEW")) + `END;
CREATE TRIGGER agg_articles_outlet AFTER UPDATE OF outlet ON articles
	WHEN OLD.current = 1 AND NEW.current = 1 AND OLD.outlet IS NOT NEW.outlet BEGIN` + r.Replace(articleLeaves("OLD")+articleJoins("NEW")) + `END;
CREATE TRIGGER agg_articles_bd_current BEFORE DELETE ON articles WHEN OLD.current = 1 BEGIN` + r.Replace(articleLeaves("OLD")) + `END;
`
}
