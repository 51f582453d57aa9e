package sqlite

import (
	"database/sql/driver"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/parley-news/parley/internal/store"
	"golang.org/x/text/unicode/norm"
	sqlite3 "modernc.org/sqlite"
)

// The full-text indexes keep which documents hold a word, not where
// (FTS5 detail=none; migration "lean full-text indexes", issue 9: bytes
// per article). That is a sixth of the positions' bytes, but FTS5 cannot
// then match a phrase. A query is therefore asked in two steps:
//
//   - FTS5 finds the documents that hold every word of every term (a
//     term's words each quoted, the last one a prefix when the term is);
//   - a term of two or more words ("trade minister", and a single word
//     the tokeniser splits, such as U.S. or Russia's) is then checked in
//     the document's text by parley_phrases, which tokenises as FTS5's
//     unicode61 tokeniser does: letters, digits and private-use
//     characters make tokens, everything else separates them; case and
//     diacritics are folded.
//
// A phrase must lie within one column (title, standfirst or body), as in
// FTS5. A query considers, as before, at most store.MaxMatches candidates
// (the latest stored that hold all its words); with phrases, the sorted
// candidates are checked in order until the page is full, so a page costs
// a check (≈ 20–45 µs: a body inflated and tokenised) for each candidate
// it passes over, at most store.MaxMatches.

// ftsPlan is what a parsed query asks of the SQLite full-text indexes:
// match, the FTS5 query of every term's words, and phrases, the pattern
// of the terms of more than one word for parley_phrases ("" when there is
// none).
type ftsPlan struct {
	match   string
	phrases string
	// terms are every term's folded tokens, for the snippets; all is
	// their pattern, for parley_rank.
	terms []phrase
	all   string
}

// Pattern encoding: phrases separated by patPhrase, each a flag byte
// (patExact or patPrefix: whether its last token is a prefix) followed by
// its folded tokens separated by patToken.
const (
	patPhrase = '\x1e'
	patToken  = '\x1f'
	patExact  = '='
	patPrefix = '*'
)

// planFTS builds the plan of terms; an empty match means nothing to look
// for.
func planFTS(parsed []store.Term) ftsPlan {
	var m strings.Builder
	var raw, toks []string
	var terms, phrases []phrase
	for _, t := range parsed {
		raw, toks = appendTokens(raw[:0], toks[:0], t.Text)
		if len(toks) == 0 {
			continue
		}
		p := phrase{toks: slices.Clone(toks), prefix: t.Prefix}
		terms = append(terms, p)
		if len(toks) > 1 {
			phrases = append(phrases, p)
		}
		for i, tok := range raw {
			if m.Len() > 0 {
				m.WriteByte(' ')
			}
			// The word as written: FTS5 folds it its own way. Tokens hold
			// letters, digits and marks only, never a quote.
			m.WriteByte('"')
			m.WriteString(tok)
			m.WriteByte('"')
			if t.Prefix && i == len(toks)-1 {
				m.WriteByte('*')
			}
		}
	}
	return ftsPlan{match: m.String(), phrases: writePattern(phrases), terms: terms, all: writePattern(terms)}
}

// writePattern is the pattern of phrases parsePattern reads.
func writePattern(phrases []phrase) string {
	var b strings.Builder
	for _, p := range phrases {
		if b.Len() > 0 {
			b.WriteByte(patPhrase)
		}
		if p.prefix {
			b.WriteByte(patPrefix)
		} else {
			b.WriteByte(patExact)
		}
		b.WriteString(strings.Join(p.toks, string(patToken)))
	}
	return b.String()
}

// tokenRune reports whether r belongs to a token as unicode61 (with
// remove_diacritics) sees it: letters, digits and private-use characters
// (L*, N*, Co), and the combining diacritics it removes; not the few
// characters its older Unicode tables class otherwise (TestTokenRunesAsFTS5
// tries every character: a token here must be one token to FTS5, or the
// query would hold a phrase FTS5 refuses without positions).
func tokenRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	if 0x300 <= r && r <= 0x36f {
		return combiningDiacritic(r)
	}
	if 0x19b0 <= r && r <= 0x19c0 || r == 0x19c8 || r == 0x19c9 || r == 0x1cf2 || r == 0x1cf3 {
		return false // New Tai Lue vowel signs, Vedic signs: marks to FTS5
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r)
}

// combiningDiacritic reports whether r is one of the combining marks
// remove_diacritics drops (the rest of U+0300–U+036F separate tokens).
func combiningDiacritic(r rune) bool {
	switch {
	case 0x300 <= r && r <= 0x304, 0x306 <= r && r <= 0x30c, r == 0x30f, r == 0x311, r == 0x31b,
		0x323 <= r && r <= 0x328, 0x32d <= r && r <= 0x32e, 0x330 <= r && r <= 0x331:
		return true
	}
	return false
}

// latinRune reports whether r is in the Latin blocks whose letters
// remove_diacritics folds to their base letter.
func latinRune(r rune) bool { return 0xc0 <= r && r <= 0x24f || 0x1e00 <= r && r <= 0x1eff }

// appendFolded appends r folded as unicode61 remove_diacritics=2 folds
// it: lower case; a Latin letter without its diacritics; a combining
// diacritic to nothing. Other scripts keep their marks (Greek tonos,
// Hangul syllables stay whole), and final sigma is sigma.
func appendFolded(b []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(b, byte(r))
	}
	if combiningDiacritic(r) {
		return b
	}
	r = unicode.ToLower(r)
	if r == 'ς' {
		r = 'σ'
	}
	if !latinRune(r) {
		return utf8.AppendRune(b, r)
	}
	for _, d := range norm.NFD.String(string(r)) {
		if !unicode.Is(unicode.Mn, d) {
			b = utf8.AppendRune(b, d)
		}
	}
	return b
}

// eachToken calls f with each token of s: its bytes s[start:end] and
// folded (the folded slice is only valid during the call). f returns false
// to stop.
func eachToken(s string, buf []byte, f func(start, end int, folded []byte) bool) []byte {
	i := 0
	for i < len(s) {
		// ASCII separators are skipped a byte at a time.
		if c := s[i]; c < utf8.RuneSelf {
			if asciiFold[c] == 0 {
				i++
				continue
			}
		} else if r, w := utf8.DecodeRuneInString(s[i:]); !tokenRune(r) {
			i += w
			continue
		}
		start := i
		buf = buf[:0]
		for i < len(s) {
			if c := s[i]; c < utf8.RuneSelf {
				f := asciiFold[c]
				if f == 0 {
					break
				}
				buf = append(buf, f)
				i++
				continue
			}
			r, w := utf8.DecodeRuneInString(s[i:])
			if !tokenRune(r) {
				break
			}
			buf = appendFolded(buf, r)
			i += w
		}
		if len(buf) == 0 { // marks only
			continue
		}
		if !f(start, i, buf) {
			return buf
		}
	}
	return buf
}

// asciiFold is an ASCII byte folded when it belongs to a token (a letter
// or digit), else 0.
var asciiFold = func() (t [utf8.RuneSelf]byte) {
	for c := byte('0'); c <= '9'; c++ {
		t[c] = c
	}
	for c := byte('a'); c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = c, c
	}
	return t
}()

// appendTokens appends the tokens of s as they are written (raw) and
// folded.
func appendTokens(raw, folded []string, s string) ([]string, []string) {
	eachToken(s, nil, func(start, end int, tok []byte) bool {
		raw, folded = append(raw, s[start:end]), append(folded, string(tok))
		return true
	})
	return raw, folded
}

// phrase is one term of a pattern.
type phrase struct {
	toks   []string
	prefix bool
}

// parsePattern reads a pattern planFTS wrote; nil for a malformed one.
func parsePattern(pat string) []phrase {
	var out []phrase
	for _, part := range strings.Split(pat, string(patPhrase)) {
		if len(part) < 2 || (part[0] != patExact && part[0] != patPrefix) {
			return nil
		}
		toks := strings.Split(part[1:], string(patToken))
		for _, t := range toks {
			if t == "" {
				return nil
			}
		}
		out = append(out, phrase{toks: toks, prefix: part[0] == patPrefix})
	}
	return out
}

// docTokens is a document's folded tokens, reused between calls.
type docTokens struct {
	text []byte
	ends []int32
	buf  []byte
}

func (d *docTokens) reset(s string) {
	d.text, d.ends = d.text[:0], d.ends[:0]
	d.buf = eachToken(s, d.buf, func(_, _ int, tok []byte) bool {
		d.text = append(d.text, tok...)
		d.ends = append(d.ends, int32(len(d.text)))
		return true
	})
}

func (d *docTokens) tok(i int) []byte {
	start := int32(0)
	if i > 0 {
		start = d.ends[i-1]
	}
	return d.text[start:d.ends[i]]
}

// has reports whether p occurs in the document: its tokens in a row, the
// last a prefix when p is one.
func (d *docTokens) has(p phrase) bool {
	for i := 0; i+len(p.toks) <= len(d.ends); i++ {
		if d.hasAt(p, i) {
			return true
		}
	}
	return false
}

// matchPhrases reports whether every phrase of pattern occurs within one
// of the columns.
func matchPhrases(phrases []phrase, cols []string, docs []docTokens) bool {
	for i, c := range cols {
		docs[i].reset(c)
	}
	for _, p := range phrases {
		found := false
		for i := range cols {
			if docs[i].has(p) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// phraseState is one call's scratch, pooled.
type phraseState struct {
	pattern string
	phrases []phrase
	docs    []docTokens
	cols    []string
	tf      []float64
}

var phraseStates = sync.Pool{New: func() any { return new(phraseState) }}

// read makes pat the state's pattern (parsed once while it stays the
// same); false for a malformed one.
func (st *phraseState) read(pat string) bool {
	if st.pattern != pat || st.phrases == nil {
		st.phrases, st.pattern = parsePattern(pat), pat
	}
	return st.phrases != nil
}

// columnText is a column argument of parley_phrases and parley_rank as
// text: a BLOB is a packed body (bodies.go), read here rather than through
// parley_text; NULL is empty.
func columnText(v driver.Value) (string, error) {
	switch v := v.(type) {
	case string:
		return v, nil
	case []byte:
		return unpackBody(v)
	}
	return "", nil
}

// parleyPhrases is parley_phrases(pattern, column...): 1 when every phrase
// of the pattern occurs within one of the columns (columnText), else 0;
// NULL for a malformed pattern.
func parleyPhrases(_ *sqlite3.FunctionContext, args []driver.Value) (driver.Value, error) {
	if len(args) < 2 {
		return nil, nil
	}
	pat, ok := args[0].(string)
	if !ok {
		return nil, nil
	}
	st := phraseStates.Get().(*phraseState)
	defer phraseStates.Put(st)
	if !st.read(pat) {
		return nil, nil
	}
	st.cols = st.cols[:0]
	for _, a := range args[1:] {
		text, err := columnText(a)
		if err != nil {
			return nil, err
		}
		st.cols = append(st.cols, text)
	}
	for len(st.docs) < len(st.cols) {
		st.docs = append(st.docs, docTokens{})
	}
	if matchPhrases(st.phrases, st.cols, st.docs) {
		return int64(1), nil
	}
	return int64(0), nil
}

// leanFTSSQL is the "lean full-text indexes" migration: both full-text
// indexes rebuilt with detail=none, and the triggers that name them
// created again as they were. Measured on a 105,000-article bench store:
// articles_fts 828 → 151 bytes an article, statements_fts 520 → 248 (the
// contentless table keeps its sizes table: contentless_delete needs it).
func leanFTSSQL() string {
	return `
DROP TRIGGER articles_fts_ad;
DROP TRIGGER articles_fts_au;
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(
	title, standfirst, body,
	content='articles_text', content_rowid='id',
	tokenize='unicode61 remove_diacritics 2',
	detail=none
);
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
` + articlesFTSTriggers + `DROP TRIGGER statements_fts_ad;
DROP TRIGGER statements_fts_au;
DROP TABLE statements_fts;
CREATE VIRTUAL TABLE statements_fts USING fts5(
	text,
	content='', contentless_delete=1,
	tokenize='unicode61 remove_diacritics 2',
	detail=none
);
INSERT INTO statements_fts(rowid, text)
	SELECT s.id, ` + liveStmtText("s", "a") + ` FROM statements s JOIN articles a ON a.id = s.article_id;
CREATE TRIGGER statements_fts_ad AFTER DELETE ON statements BEGIN
	DELETE FROM statements_fts WHERE rowid = OLD.id;
END;
CREATE TRIGGER statements_fts_au AFTER UPDATE OF text, from_body, text_start, text_end ON statements BEGIN
	DELETE FROM statements_fts WHERE rowid = OLD.id;
	INSERT INTO statements_fts(rowid, text) SELECT NEW.id, ` + liveStmtText("NEW", "a") + ` FROM articles a WHERE a.id = NEW.article_id;
END;
`
}

// stmtFTSSizesSQL is the "statement index without sizes" migration. A
// contentless table with contentless_delete keeps, for every statement, a
// row of its column sizes and origin (statements_fts_docsize: ≈ 14 bytes a
// statement, 129 bytes an article at 1M) so that a DELETE by rowid can find
// what to take out; and SQLite refuses columnsize=0 with that option. The
// store never needs the sizes (its rank, parley_rank, measures the text
// itself) and always knows a statement's text when it deletes one: the
// text is its own or the body's bytes at its span, and bodies are never
// rewritten with other text. So the table becomes a plain contentless one
// without sizes, and the triggers take a statement out with FTS5's
// 'delete' command and the text it was indexed with, read as flushFTS
// read it. Articles are never deleted, so a statement's article is there
// when its rows go (re-analysis, corrections). TestStatementIndexMatches
// compares the index with one built afresh after deletes and updates.
func stmtFTSSizesSQL() string {
	return `
DROP TRIGGER statements_fts_ad;
DROP TRIGGER statements_fts_au;
DROP TABLE statements_fts;
CREATE VIRTUAL TABLE statements_fts USING fts5(
	text,
	content='', columnsize=0,
	tokenize='unicode61 remove_diacritics 2',
	detail=none
);
INSERT INTO statements_fts(rowid, text)
	SELECT s.id, ` + liveStmtText("s", "a") + ` FROM statements s JOIN articles a ON a.id = s.article_id;
CREATE TRIGGER statements_fts_ad AFTER DELETE ON statements BEGIN
	INSERT INTO statements_fts(statements_fts, rowid, text)
		SELECT 'delete', OLD.id, ` + liveStmtText("OLD", "a") + ` FROM articles a WHERE a.id = OLD.article_id;
END;
CREATE TRIGGER statements_fts_au AFTER UPDATE OF text, from_body, text_start, text_end ON statements BEGIN
	INSERT INTO statements_fts(statements_fts, rowid, text)
		SELECT 'delete', OLD.id, ` + liveStmtText("OLD", "a") + ` FROM articles a WHERE a.id = OLD.article_id;
	INSERT INTO statements_fts(rowid, text) SELECT NEW.id, ` + liveStmtText("NEW", "a") + ` FROM articles a WHERE a.id = NEW.article_id;
END;
`
}

// snippetTokens is how many tokens a snippet shows, as FTS5's
// snippet(..., 16) did.
const snippetTokens = 16

// span is a token's bytes in its column.
type span struct{ start, end int }

// snippet is the piece of cols around the matches of terms, each match
// wrapped in mark, "…" where the piece cuts the column. It chooses as
// FTS5's snippet() did (which needs the positions the lean index no
// longer keeps; this one tokenises the page's rows only): windows of
// snippetTokens tokens, each starting at a match, scored 1000 for each
// different term that starts in them and 1 for each further match, and
// centred on their matches; in a column longer than a window, also the window from the
// start of the match's sentence, with 100 more (120 at the column's
// start). The best score wins, the first column on a tie.
func snippet(cols []string, terms []phrase, mark [2]string) string {
	best, bestScore, bestStart := -1, -1, 0
	var bestToks []span
	var bestMatches []tokMatch
	var d docTokens
	for c, text := range cols {
		var toks []span
		d.text, d.ends = d.text[:0], d.ends[:0]
		d.buf = eachToken(text, d.buf, func(start, end int, tok []byte) bool {
			toks = append(toks, span{start, end})
			d.text = append(d.text, tok...)
			d.ends = append(d.ends, int32(len(d.text)))
			return true
		})
		if len(toks) == 0 {
			continue
		}
		var matches []tokMatch
		for k, p := range terms {
			for i := 0; i+len(p.toks) <= len(toks); i++ {
				if d.hasAt(p, i) {
					matches = append(matches, tokMatch{k, i, i + len(p.toks)})
				}
			}
		}
		slices.SortStableFunc(matches, func(a, b tokMatch) int { return a.from - b.from })
		if best < 0 {
			best, bestToks, bestMatches = c, toks, matches // no match anywhere: the first column's start
		}
		// score is the window from token start's score and, centred,
		// where it starts.
		score := func(start int) (int, int) {
			seen := make([]bool, len(terms))
			sc, first, last := 0, -1, -1
			for _, x := range matches {
				if x.from < start || x.from >= start+snippetTokens {
					continue
				}
				if seen[x.term] {
					sc++
				} else {
					seen[x.term] = true
					sc += 1000
				}
				if first < 0 {
					first = x.from
				}
				last = x.to
			}
			if first < 0 {
				return sc, start
			}
			adj := first - (snippetTokens-(last-first))/2
			adj = max(0, min(adj, len(toks)-snippetTokens))
			return sc, adj
		}
		sentence := 0 // the start of the latest sentence seen
		next := 0
		for _, m := range matches {
			if sc, start := score(m.from); sc > bestScore {
				best, bestScore, bestStart, bestToks, bestMatches = c, sc, start, toks, matches
			}
			if len(toks) <= snippetTokens {
				continue
			}
			for ; next <= m.from; next++ {
				if next == 0 || sentenceStart(text, toks[next].start) {
					sentence = next
				}
			}
			if sentence < m.from {
				sc, _ := score(sentence)
				if sentence == 0 {
					sc += 120
				} else {
					sc += 100
				}
				if sc > bestScore {
					best, bestScore, bestStart, bestToks, bestMatches = c, sc, sentence, toks, matches
				}
			}
		}
	}
	if best < 0 {
		return ""
	}
	toks, text := bestToks, cols[best]
	start := bestStart
	end := min(start+snippetTokens, len(toks))
	var b strings.Builder
	from := 0
	if start > 0 {
		b.WriteString("…")
		from = toks[start].start
	}
	to := len(text)
	if end < len(toks) {
		to = toks[end-1].end
	}
	at := from
	for _, x := range mergeMatches(bestMatches, start, end) {
		b.WriteString(text[at:toks[x.from].start])
		b.WriteString(mark[0])
		b.WriteString(text[toks[x.from].start:toks[x.to-1].end])
		b.WriteString(mark[1])
		at = toks[x.to-1].end
	}
	b.WriteString(text[at:to])
	if end < len(toks) {
		b.WriteString("…")
	}
	return b.String()
}

// sentenceStart reports whether a token at byte i of text begins a
// sentence as FTS5's snippet sees one: white space before it, and a full
// stop or colon before that.
func sentenceStart(text string, i int) bool {
	j := i - 1
	for j >= 0 && (text[j] == ' ' || text[j] == '\t' || text[j] == '\n' || text[j] == '\r') {
		j--
	}
	return j >= 0 && j < i-1 && (text[j] == '.' || text[j] == ':')
}

// tokMatch is a term's match: tokens [from, to) of a column.
type tokMatch struct{ term, from, to int }

// mergeMatches is the token ranges of the matches that start in [start,
// end), cut at end, overlapping ones merged, in order.
func mergeMatches(matches []tokMatch, start, end int) []tokMatch {
	var out []tokMatch
	for _, x := range matches {
		if x.from < start || x.from >= end {
			continue // FTS5 marks a match that starts in the window
		}
		x.to = min(x.to, end)
		if n := len(out); n > 0 && x.from < out[n-1].to {
			out[n-1].to = max(out[n-1].to, x.to)
			continue
		}
		out = append(out, x)
	}
	return out
}

// hasAt reports whether p's tokens are the document's from token i.
func (d *docTokens) hasAt(p phrase, i int) bool {
	n := len(p.toks)
	if i+n > len(d.ends) {
		return false
	}
	for k := 0; k < n; k++ {
		t := d.tok(i + k)
		want := p.toks[k]
		if k == n-1 && p.prefix {
			if len(t) < len(want) || string(t[:len(want)]) != want {
				return false
			}
		} else if string(t) != want {
			return false
		}
	}
	return true
}

// BM25's constants, as FTS5's bm25() has them, and the lengths of the
// average statement and article in tokens (measured on the seeds and
// PolNeAR: statements 25–35, articles 600–900).
const (
	bm25K1        = 1.2
	bm25B         = 0.75
	avgStmtLen    = 30
	avgArticleLen = 700
)

// parleyRank is parley_rank(pattern, average length, column...): minus
// the BM25 score of the columns together for the pattern's terms (lower is
// better, as FTS5's rank), each term counted wherever it occurs (a phrase
// within one column), the length the columns' tokens (columnText). The
// full-text indexes keep no positions, so FTS5's bm25() would tokenise
// every candidate through the articles_text view (75 ms for 2,000 at a
// million articles, this 40) and cannot see a statement's text at all.
// Every candidate holds every term, so the terms' rarity (BM25's idf) is
// left out: it would weigh the terms against each other only.
func parleyRank(_ *sqlite3.FunctionContext, args []driver.Value) (driver.Value, error) {
	if len(args) < 3 {
		return nil, nil
	}
	pat, ok := args[0].(string)
	if !ok {
		return nil, nil
	}
	avg, ok := args[1].(int64)
	if !ok || avg <= 0 {
		return nil, nil
	}
	st := phraseStates.Get().(*phraseState)
	defer phraseStates.Put(st)
	if !st.read(pat) {
		return nil, nil
	}
	if cap(st.tf) < len(st.phrases) {
		st.tf = make([]float64, len(st.phrases))
	}
	tf := st.tf[:len(st.phrases)]
	clear(tf)
	if len(st.docs) == 0 {
		st.docs = append(st.docs, docTokens{})
	}
	d := &st.docs[0]
	n := 0
	for _, a := range args[2:] {
		text, err := columnText(a)
		if err != nil {
			return nil, err
		}
		d.reset(text)
		n += len(d.ends)
		for k, p := range st.phrases {
			for i := 0; i+len(p.toks) <= len(d.ends); i++ {
				if d.hasAt(p, i) {
					tf[k]++
				}
			}
		}
	}
	score := 0.0
	for _, f := range tf {
		score += f * (bm25K1 + 1) / (f + bm25K1*(1-bm25B+bm25B*float64(n)/float64(avg)))
	}
	return -score, nil
}
