package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/parley-news/parley/internal/store"
)

// trickyAlphabet holds what tokenisers disagree on: punctuation inside
// words, precomposed and decomposed diacritics, case pairs that change
// length, scripts without case, marks that are not diacritics, symbols,
// private use, spaces other than the space.
var trickyAlphabet = []string{
	"a", "B", "z", "Q", "0", "9", " ", " ", ".", "'", "’", "-", "_", ",", "\"", "*",
	"é", "É", "ñ", "Ü", "ß", "İ", "ı", "ø", "Ł", "e\u0301", "\u0301", "ǅ", "ﬁ",
	"ά", "Σ", "ς", "Ж", "ж", "中", "文", "한", "국", "ا", "ل", "ـ", "ক্ষ", "ি", "ि",
	"\u0323", "\u1dc0", "\u20d7", "\ufe20", "ệ", "ǎ", "ș", "Đ", "đ", "Ħ", "Ŀ", "ŉ", "Ǆ", "Ǳ", "Ȁ", "ɐ", "Ɓ", "ḉ", "ẞ", "Å", "Æ", "Þ", "ÿ", "Ÿ",
	"½", "²", "Ⅻ", "\u00a0", "\u200b", "😀", "$", "€", "\ue000", "\t", "\n",
}

func randomText(r *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(trickyAlphabet[r.IntN(len(trickyAlphabet))])
	}
	return b.String()
}

func memoryDB(t *testing.T) *sql.DB {
	t.Helper()
	registerFunctions()
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { db.Close() })
	return db
}

// vocabDB is an in-memory database with an FTS5 table t(x) as the store's
// indexes tokenise, and v, its tokens by document (fts5vocab instances).
func vocabDB(t *testing.T) *sql.DB {
	t.Helper()
	db := memoryDB(t)
	for _, q := range []string{
		`CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 2')`,
		`CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

// TestTokensAsFTS5 holds the Go tokeniser that checks phrases to FTS5's
// own: for random text over trickyAlphabet, the tokens FTS5 indexes
// (fts5vocab's instances, in order) are the Go tokens, folded alike.
func TestTokensAsFTS5(t *testing.T) {
	ctx := context.Background()
	db := vocabDB(t)
	r := rand.New(rand.NewPCG(1, 2))
	docs := map[int64]string{}
	for i := range 3000 {
		s := randomText(r, 1+r.IntN(12))
		if i < len(trickyAlphabet) {
			s = "x" + trickyAlphabet[i] + "y " + trickyAlphabet[i]
		}
		res, err := db.ExecContext(ctx, `INSERT INTO t(x) VALUES (?)`, s)
		if err != nil {
			t.Fatal(err)
		}
		id, _ := res.LastInsertId()
		docs[id] = s
	}
	got := map[int64][]string{}
	rows, err := db.QueryContext(ctx, `SELECT doc, term FROM v ORDER BY doc, offset`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		var term string
		if err := rows.Scan(&id, &term); err != nil {
			t.Fatal(err)
		}
		got[id] = append(got[id], term)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	bad := 0
	for id, s := range docs {
		_, want := appendTokens(nil, nil, s)
		if !slices.Equal(got[id], want) {
			if bad++; bad <= 15 {
				t.Errorf("%+q: FTS5 %+q, Go %+q", s, got[id], want)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d texts tokenised differently", bad, len(docs))
	}
}

// TestTokenRunesAsFTS5 tries every character the Go tokeniser takes into a
// token between two letters: FTS5 must see one token too. (Were it two, a
// query word holding it would be a phrase to FTS5, which detail=none
// refuses.)
func TestTokenRunesAsFTS5(t *testing.T) {
	ctx := context.Background()
	db := vocabDB(t)
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	ins, err := tx.PrepareContext(ctx, `INSERT INTO t(rowid, x) VALUES (?, ?)`)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) || !tokenRune(r) {
			continue
		}
		if _, err := ins.ExecContext(ctx, int64(r), "a"+string(r)+"b"); err != nil {
			t.Fatal(err)
		}
		n++
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d token characters tried", n)
	if n < 100000 {
		t.Fatalf("only %d token characters tried", n)
	}
	rows, err := db.QueryContext(ctx, `SELECT doc FROM v GROUP BY doc HAVING count(*) <> 1 ORDER BY doc LIMIT 20`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var r int64
		if err := rows.Scan(&r); err != nil {
			t.Fatal(err)
		}
		t.Errorf("U+%04X: a token character here, a separator to FTS5", r)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
}

// TestPhrasesAsFTS5 holds the two-step search (words from a detail=none
// index, phrases checked in the text) to FTS5's own phrase search over an
// index with positions: random two-column documents over a small
// vocabulary, random queries of words, phrases and prefixes, the same
// rows.
func TestPhrasesAsFTS5(t *testing.T) {
	ctx := context.Background()
	db := memoryDB(t)
	for _, q := range []string{
		`CREATE VIRTUAL TABLE full USING fts5(a, b, tokenize='unicode61 remove_diacritics 2')`,
		`CREATE VIRTUAL TABLE lean USING fts5(a, b, tokenize='unicode61 remove_diacritics 2', detail=none)`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	vocab := []string{"trade", "Trade", "minister", "ministers", "U.S.", "u", "s", "Russia's", "russia", "said", "the",
		"Café", "cafe", "naïve", "NAIVE", "ς", "Σ", "中文", "한국", "e\u0301te", "ete", "-", ",", ".", "“", "”"}
	r := rand.New(rand.NewPCG(5, 6))
	text := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(vocab[r.IntN(len(vocab))])
			b.WriteString([]string{" ", " ", " ", "\n", "-", ""}[r.IntN(6)])
		}
		return b.String()
	}
	for i := 1; i <= 400; i++ {
		a, b := text(1+r.IntN(4)), text(3+r.IntN(12))
		for _, tbl := range []string{"full", "lean"} {
			if _, err := db.ExecContext(ctx, `INSERT INTO `+tbl+`(rowid, a, b) VALUES (?, ?, ?)`, i, a, b); err != nil {
				t.Fatal(err)
			}
		}
	}
	ids := func(q string, args ...any) []int64 {
		t.Helper()
		var out []int64
		rows, err := db.QueryContext(ctx, q, args...)
		if err != nil {
			t.Fatalf("%s %q: %v", q, args, err)
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				t.Fatal(err)
			}
			out = append(out, id)
		}
		return out
	}
	phrases, hits := 0, 0
	for range 600 {
		var terms []store.Term
		for range 1 + r.IntN(3) {
			var tm store.Term
			n := 1
			if r.IntN(2) == 0 {
				n, tm.Phrase = 1+r.IntN(3), true
			}
			var words []string
			for range n {
				words = append(words, vocab[r.IntN(20)])
			}
			tm.Text = strings.Join(words, " ")
			if r.IntN(4) == 0 {
				tm.Text, tm.Prefix = tm.Text[:len(tm.Text)-1], true
			}
			terms = append(terms, tm)
		}
		terms = store.ParseQuery(store.FormatQuery(terms))
		plan := planFTS(terms)
		if plan.match == "" {
			continue
		}
		// What the index with positions answers: each term an FTS5
		// string (a phrase), as the store asked before.
		var full []string
		for _, tm := range terms {
			s := `"` + strings.ReplaceAll(tm.Text, `"`, `""`) + `"`
			if tm.Prefix {
				s += "*"
			}
			full = append(full, s)
		}
		want := ids(`SELECT rowid FROM full WHERE full MATCH ? ORDER BY rowid`, strings.Join(full, " "))
		var got []int64
		if plan.phrases == "" {
			got = ids(`SELECT rowid FROM lean WHERE lean MATCH ? ORDER BY rowid`, plan.match)
		} else {
			phrases++
			got = ids(`SELECT rowid FROM lean WHERE lean MATCH ? AND parley_phrases(?, a, b) ORDER BY rowid`, plan.match, plan.phrases)
		}
		hits += len(want)
		if !slices.Equal(got, want) {
			t.Errorf("%q (match %q, phrases %q): got %v, want %v", store.FormatQuery(terms), plan.match, plan.phrases, got, want)
		}
	}
	if phrases < 100 || hits < 1000 {
		t.Errorf("too easy: %d queries with phrases, %d hits", phrases, hits)
	}
}

// TestSnippetsAsFTS5 holds snippet to what FTS5's snippet() made over an
// index with positions, for random three-column documents of several
// sentences and random queries.
func TestSnippetsAsFTS5(t *testing.T) {
	ctx := context.Background()
	db := memoryDB(t)
	if _, err := db.ExecContext(ctx, `CREATE VIRTUAL TABLE full USING fts5(a, b, c, tokenize='unicode61 remove_diacritics 2')`); err != nil {
		t.Fatal(err)
	}
	vocab := []string{"trade", "minister", "U.S.", "Russia's", "said", "the", "talks", "on", "Café", "naïve", "tariffs", "quota",
		"of", "a", "deal", "in", "Geneva", "would", "be", "signed"}
	r := rand.New(rand.NewPCG(7, 8))
	text := func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(vocab[r.IntN(len(vocab))])
			if i == n-1 {
				break
			}
			b.WriteString([]string{" ", " ", " ", " ", ". ", ", ", ": ", "\n"}[r.IntN(8)])
		}
		return b.String()
	}
	docs := map[int64][]string{}
	for i := int64(1); i <= 300; i++ {
		cols := []string{text(1 + r.IntN(6)), text(r.IntN(3) * 8), text(5 + r.IntN(60))}
		docs[i] = cols
		if _, err := db.ExecContext(ctx, `INSERT INTO full(rowid, a, b, c) VALUES (?, ?, ?, ?)`, i, cols[0], cols[1], cols[2]); err != nil {
			t.Fatal(err)
		}
	}
	same, all := 0, 0
	for range 300 {
		var terms []store.Term
		for range 1 + r.IntN(3) {
			tm := store.Term{Text: vocab[r.IntN(len(vocab))]}
			if r.IntN(3) == 0 {
				tm.Text += " " + vocab[r.IntN(len(vocab))]
				tm.Phrase = true
			}
			terms = append(terms, tm)
		}
		plan := planFTS(terms)
		var full []string
		for _, tm := range terms {
			full = append(full, `"`+tm.Text+`"`)
		}
		rows, err := db.QueryContext(ctx, `SELECT rowid, snippet(full, -1, '[', ']', '…', 16) FROM full WHERE full MATCH ?`, strings.Join(full, " "))
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var id int64
			var want string
			if err := rows.Scan(&id, &want); err != nil {
				t.Fatal(err)
			}
			all++
			got := snippet(docs[id], plan.terms, [2]string{"[", "]"})
			if got == want {
				same++
			} else if all-same <= 5 {
				t.Errorf("%q in %q:\n got %q\nwant %q", store.FormatQuery(terms), docs[id], got, want)
			}
		}
		rows.Close()
	}
	if all < 500 || same < all {
		t.Errorf("%d of %d snippets as FTS5's", same, all)
	}
}

// TestRank: more occurrences rank first, then the shorter text; a phrase
// counts where its words are in a row; lower is better, as FTS5's rank.
func TestRank(t *testing.T) {
	plan := planFTS(store.ParseQuery(`quota "dairy farmers"`))
	texts := []string{
		"The quota for dairy farmers is too small, and the quota must grow.",                              // 2 quota, 1 phrase
		"The quota for dairy farmers is too small.",                                                       // 1, 1, short
		"The quota for dairy farmers is too small, we have said so many times and we say it again today.", // 1, 1, long
		"The quota for farmers of dairy is too small.",                                                    // 1, no phrase
	}
	var prev float64
	for i, text := range texts {
		v, err := parleyRank(nil, []driver.Value{plan.all, int64(avgStmtLen), text})
		if err != nil {
			t.Fatal(err)
		}
		r := v.(float64)
		if i > 0 && r <= prev {
			t.Errorf("%q ranks %v, not after %v", text, r, prev)
		}
		prev = r
	}
	// An article: the columns together, a packed body as its text.
	body := strings.Repeat("The talks went on. ", 40) + texts[0]
	packed, ok := packBody(body).([]byte)
	if !ok {
		t.Fatal("body not packed")
	}
	a, _ := parleyRank(nil, []driver.Value{plan.all, int64(avgArticleLen), "Dairy farmers", "", body})
	b, _ := parleyRank(nil, []driver.Value{plan.all, int64(avgArticleLen), "Dairy farmers", "", packed})
	c, _ := parleyRank(nil, []driver.Value{plan.all, int64(avgArticleLen), "", "", body})
	if a == nil || a != b || c == nil || a.(float64) >= c.(float64) {
		t.Errorf("article ranks: text %v, packed %v, without the title's phrase %v", a, b, c)
	}
	if v, _ := parleyRank(nil, []driver.Value{"\x1e", int64(avgStmtLen), "quota"}); v != nil {
		t.Errorf("malformed pattern: %v, want NULL", v)
	}
}

// FuzzPhrases: any pattern and text, no panic; a pattern planFTS writes
// is read back whole, and a text always holds its own words as a phrase.
func FuzzPhrases(f *testing.F) {
	f.Add(`"trade minister" U.S. talk*`, "The trade minister of the U.S. talked.")
	f.Add(`"é\u0301"`, "\x00\xff")
	f.Fuzz(func(t *testing.T, query, text string) {
		plan := planFTS(store.ParseQuery(query))
		if plan.all != "" && len(parsePattern(plan.all)) != len(plan.terms) {
			t.Fatalf("pattern %q read back as %d terms, want %d", plan.all, len(parsePattern(plan.all)), len(plan.terms))
		}
		parleyPhrases(nil, []driver.Value{query, text})
		parleyRank(nil, []driver.Value{query, int64(30), text, []byte(text)})
		snippet([]string{query, text}, plan.terms, [2]string{"[", "]"})
		self := planFTS(store.ParseQuery(`"` + strings.ReplaceAll(text, `"`, " ") + `"`))
		if self.phrases != "" {
			if v, _ := parleyPhrases(nil, []driver.Value{self.phrases, text}); v != int64(1) {
				t.Errorf("%q does not hold itself (pattern %q): %v", text, self.phrases, v)
			}
		}
	})
}

// TestSearchPaging: a search's pages, taken by offset, are its whole list
// cut in pieces, in every order, with and without phrases (the lists are
// sorted whole in a subquery and the page taken after: wholeSort).
func TestSearchPaging(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	for i := range 40 {
		if _, err := s.SaveArticle(ctx, benchArticle(i)); err != nil {
			t.Fatal(err)
		}
	}
	for _, query := range []string{"progress", `"made progress"`, "point 3", `"progress on point"`} {
		for _, order := range []store.Order{store.Newest, store.Relevance} {
			all, err := s.Statements(ctx, store.StatementQuery{Query: query, Order: order, Limit: 1000})
			if err != nil {
				t.Fatal(err)
			}
			if len(all) < 40 {
				t.Fatalf("%s: %d statements", query, len(all))
			}
			var paged []int64
			for off := 0; off < len(all)+7; off += 7 {
				page, err := s.Statements(ctx, store.StatementQuery{Query: query, Order: order, Limit: 7, Offset: off})
				if err != nil {
					t.Fatal(err)
				}
				for _, x := range page {
					paged = append(paged, x.ID)
				}
			}
			var want []int64
			for _, x := range all {
				want = append(want, x.ID)
			}
			if !slices.Equal(paged, want) {
				t.Errorf("%s, order %d: pages %v, list %v", query, order, paged, want)
			}
		}
		arts, err := s.Articles(ctx, store.ArticleQuery{Query: query, Limit: 1000, NoSnippet: true})
		if err != nil {
			t.Fatal(err)
		}
		var paged []int64
		for off := 0; off < len(arts)+5; off += 5 {
			page, err := s.Articles(ctx, store.ArticleQuery{Query: query, Limit: 5, Offset: off, NoSnippet: true})
			if err != nil {
				t.Fatal(err)
			}
			for _, x := range page {
				paged = append(paged, x.ID)
			}
		}
		if len(arts) != 40 || len(paged) != len(arts) {
			t.Errorf("%s: %d articles, %d paged", query, len(arts), len(paged))
		}
		for i := range min(len(paged), len(arts)) {
			if paged[i] != arts[i].ID {
				t.Errorf("%s: article %d of the pages is %d, of the list %d", query, i, paged[i], arts[i].ID)
				break
			}
		}
	}
}
