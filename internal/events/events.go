package events

import (
	"bytes"
	"cmp"
	"context"
	"log/slog"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parley-news/parley/internal/actors"
	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/text"
)

// Input is one article with the analyses that came before events.
type Input struct {
	Body       string
	Published  time.Time // zero when unknown
	Timexes    []article.Timex
	Mentions   []article.Mention
	Statements []article.Statement
	Actors     []article.Actor
	// Lead is the offset where the report begins after its dateline; the
	// dateline is never part of an event (0: none).
	Lead int
	// Text, when not nil and prepared for Body, is the body's tokens and
	// sentences, shared with the other stages; nil (or prepared for
	// another text) makes Extract scan the body itself.
	Text *text.Prepared
}

// Extractor finds events. It is immutable after New and safe for
// concurrent use.
type Extractor struct {
	log *slog.Logger
	lex *compiled
	// classes is the word-class table with the trigger bit added for
	// every lexicon form: one lookup per word (text.Lexicon, a faster
	// lookup than a Go map).
	classes *text.Lexicon[uint32]
	maxWord int // the longest word in classes
	// shape has the bit shapeBit(w) set in shape[w[0]] for every word w of
	// classes: a word whose bit is clear is not in classes, and the map
	// is not asked (most words of a text are in no class).
	shape [256]uint64
	pool  sync.Pool // of *doc, the per-article working state
}

// New validates and indexes the trigger lexicon. log may be nil.
func New(log *slog.Logger) (*Extractor, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	lex, err := compile(lexicon)
	if err != nil {
		return nil, err
	}
	cl := make(map[string]uint32, len(classes)+len(lex.byForm))
	for w, f := range classes {
		cl[w] = f
	}
	for w := range lex.byForm {
		cl[w] |= fTrigger
	}
	mw := 0
	x := &Extractor{log: log, lex: lex, classes: text.NewLexicon(cl)}
	for w := range cl {
		mw = max(mw, len(w))
		if w != "" {
			x.shape[w[0]] |= shapeBit(w)
		}
	}
	x.maxWord = mw
	log.Debug("events: lexicon loaded", "entries", len(lexicon), "forms", len(lex.byForm))
	x.pool.New = func() any { return new(doc) }
	return x, nil
}

// dated is a time expression usable as an event date.
type dated struct {
	span  article.Span
	value string // YYYY, YYYY-MM or YYYY-MM-DD; "" when unusable
	// statement: the date of a reporting verb ("said on Friday"); it dates
	// only a trigger that is that verb.
	statement bool
	cue       article.Span
	// yearless: the expression names no year ("in December", "on
	// Wednesday"): its year or week was inferred and may be corrected by
	// the tense of the event. weekday: it names a day of the week.
	yearless, weekday bool
}

// mention is a body mention with its resolved actor.
type mention struct {
	span  article.Span
	actor article.Actor
}

// doc is the per-article working state.
type doc struct {
	x       *Extractor
	body    string
	tk      []text.Token    // the article's tokens: tkBuf or shared ones
	tkBuf   []text.Token    // the pooled token buffer
	outBuf  []article.Event // the pooled event buffer (see Extract)
	low     []string
	flags   []uint32 // word-class bits per token
	inQuote []bool
	ments   []mention
	byName  map[string]article.Actor // the article's actors by name (see mentions)
	dates   []dated
	stmts   []article.Statement
	// cueEnds and cueStarts are the statements' cues ordered by where they
	// end and where they start (prepareDates), pooled.
	cueEnds, cueStarts []cuePos
	longestDate        int       // the longest span in dates, in bytes
	pub                time.Time // publication date; zero when unknown
	// ref stands in for pub in tense corrections when pub is unknown: the
	// latest full date written with its year in the text.
	ref      time.Time
	out      []article.Event
	sentFrom int    // first event of the current sentence
	consumed []bool // per token of the current sentence: part of a trigger
	// last is the actor of the last event, where it was reported, for
	// "they", "he" and "it" in the next sentences.
	last       article.Actor
	lastTarget *article.Actor
	lastPos    int
}

// Extract finds the events of one article, in text order. It never panics;
// a cancelled context stops it early with what it has.
func (x *Extractor) Extract(ctx context.Context, in Input) []article.Event {
	body := in.Body
	if strings.TrimSpace(body) == "" {
		return nil
	}
	// The working state is pooled: its token tables are reused from one
	// article to the next.
	d := x.pool.Get().(*doc)
	defer d.release(x)
	d.x, d.body, d.stmts, d.pub = x, body, in.Statements, in.Published
	// Events gather in the pooled buffer and are copied out once, at
	// their exact number.
	d.out = d.outBuf[:0]
	// d.tkBuf is the pooled token buffer; d.tk is either it or the shared
	// tokens, which are only read.
	var sents []article.Span
	if in.Text.For(body) {
		d.tk, sents = in.Text.Tokens, in.Text.Sentences
	} else {
		d.tkBuf = text.Tokenize(d.tkBuf[:0], body, article.Span{0, len(body)})
		d.tk, sents = d.tkBuf, text.Sentences(body)
	}
	tk := d.tk
	d.low = grow(d.low, len(tk))
	d.flags = grow(d.flags, len(tk))
	// One ASCII-lower-cased copy of the body: byte offsets stay the same,
	// so every token's lower form is a substring of it (no allocation per
	// token). The lexicon is ASCII.
	var lower string
	if in.Text.For(body) {
		lower = in.Text.Lower
	} else {
		lower = text.ASCIILower(body)
	}
	for i, t := range tk {
		d.flags[i] = 0
		w := lower[t.Span[0]:t.Span[1]]
		switch t.Kind {
		case text.Word:
			w = strings.TrimSuffix(w, ".")
			var f uint32
			if len(w) <= x.maxWord && (w == "" || x.shape[w[0]]&shapeBit(w) != 0) {
				f, _ = x.classes.Get(w)
			}
			if (w == "and" || w == "but") && i > 0 && body[tk[i-1].Span[0]] == ',' {
				// ", and Scholz arrived": a comma and a conjunction start a
				// new clause with its own subject and date.
				f |= fBoundaries
			}
			if c := body[t.Span[0]]; 'A' <= c && c <= 'Z' {
				// "United States", "Will Smith": a capitalised word is not a
				// reporting, light or modal verb.
				f &^= fReporting | fLightVerbs | fIntentWords
			}
			d.flags[i] = f
		case text.Quote:
			d.flags[i] = fBoundaries
		case text.Punct:
			switch w {
			case ";":
				d.flags[i] = fBoundaries | fIndependent
			case ":", "(", ")", "—", "–", "[", "]":
				d.flags[i] = fBoundaries
			}
		}
		d.low[i] = w
	}
	d.markQuotes(tk)
	d.dates, d.ments = d.dates[:0], d.ments[:0]
	d.prepareDates(in)
	d.mentions(in)

	ti := 0
	for si, s := range sents {
		if si%64 == 0 && ctx.Err() != nil {
			d.x.log.Debug("events: cancelled", "sentences", si, "of", len(sents))
			break
		}
		for ti < len(d.tk) && d.tk[ti].Span[0] < s[0] {
			ti++
		}
		t0 := ti
		for ti < len(d.tk) && d.tk[ti].Span[1] <= s[1] {
			ti++
		}
		for t0 < ti && d.tk[t0].Span[0] < in.Lead {
			t0++ // the dateline
		}
		if t0 < ti {
			d.sentence(t0, ti)
		}
	}
	d.outBuf = d.out
	return append(make([]article.Event, 0, len(d.out)), d.out...)
}

// shapeBit is the bit of a non-empty word's last byte and length in the
// shape table: a cheap filter, never a false negative.
func shapeBit(w string) uint64 {
	return 1 << ((uint(w[len(w)-1])*7 + uint(len(w))) & 63)
}

// grow returns s resized to n, reusing its array when it is large enough.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// release returns the working state to the pool without what it refers to
// in the article, so the pool keeps no article alive.
func (d *doc) release(x *Extractor) {
	clear(d.low)
	clear(d.ments)
	clear(d.byName)
	d.body, d.stmts, d.out, d.x, d.tk = "", nil, nil, nil, nil
	d.last, d.lastPos, d.sentFrom = article.Actor{}, 0, 0
	if cap(d.tkBuf) > 1<<16 || cap(d.low) > 1<<16 || cap(d.outBuf) > 1<<12 {
		*d = doc{} // do not keep the tables of a huge article
	}
	x.pool.Put(d)
}

// markQuotes marks the tokens inside double quotation marks. Curly and
// guillemet quotes open and close; a straight quote toggles; a paragraph
// break closes any quotation (news prose reopens a quotation that runs on
// at the start of each paragraph). One pass over the tokens.
func (d *doc) markQuotes(tk []text.Token) {
	d.inQuote = grow(d.inQuote, len(tk))
	in := false
	prevEnd := 0
	for i, t := range tk {
		if t.Break && strings.Count(d.body[prevEnd:t.Span[0]], "\n") >= 2 {
			in = false
		}
		prevEnd = t.Span[1]
		if t.Kind == text.Quote {
			switch r, _ := utf8.DecodeRuneInString(d.body[t.Span[0]:t.Span[1]]); r {
			case '“', '„', '«':
				in = true
			case '”', '»':
				d.inQuote[i] = in
				in = false
				continue
			default:
				if in {
					d.inQuote[i] = true
					in = false
					continue
				}
				in = true
			}
		}
		d.inQuote[i] = in
	}
}

// ---- mentions and actors ----

func (d *doc) mentions(in Input) {
	if d.byName == nil {
		d.byName = make(map[string]article.Actor, len(in.Actors))
	}
	byName := d.byName // kept from article to article, as the doc is
	clear(byName)
	for _, a := range in.Actors {
		a.Aliases = nil
		byName[a.Name] = a
	}
	n := len(d.body)
	if in.Mentions == nil {
		d.findMentions(in.Timexes)
		return
	}
	for _, m := range in.Mentions {
		if m.Span[0] < 0 || m.Span[1] > n || m.Span[0] >= m.Span[1] {
			continue
		}
		a, ok := actorOf(m, byName)
		if !ok || d.datelineAt(m.Span) {
			continue
		}
		d.ments = append(d.ments, mention{m.Span, a})
	}
	slices.SortStableFunc(d.ments, func(a, b mention) int { return cmp.Compare(a.span[0], b.span[0]) })
}

// datelineAt reports whether sp is a dateline place ("MOSCOW, January 26"):
// an all-capitals word opening a paragraph. Safe to drop: a dateline names
// where the report was filed, never who acted.
func (d *doc) datelineAt(sp article.Span) bool {
	s := d.body[sp[0]:sp[1]]
	if len(s) < 3 || !text.IsUpper(s) || text.IsLower(s) {
		return false
	}
	j := sp[0]
	for j > 0 && (d.body[j-1] == ' ' || d.body[j-1] == '\t') {
		j--
	}
	return j == 0 || d.body[j-1] == '\n'
}

// actorOf resolves a mention to an actor: the article's registry first,
// then the gazetteer (capitals and seats stand for their country).
func actorOf(m article.Mention, byName map[string]article.Actor) (article.Actor, bool) {
	if m.Actor != "" {
		if a, ok := byName[m.Actor]; ok {
			return a, true
		}
		if canon, kind, ok := actors.Place(m.Actor); ok {
			return article.Actor{Name: canon, Kind: kind}, true
		}
		return article.Actor{Name: m.Actor, Kind: m.Type}, true
	}
	if canon, kind, ok := actors.Place(m.Text); ok {
		return article.Actor{Name: canon, Kind: kind}, true
	}
	switch m.Type {
	case article.Person, article.Org, article.GPE:
		return article.Actor{Name: m.Text, Kind: m.Type}, true
	}
	if collectives[strings.TrimPrefix(m.Text, "the ")] {
		return article.Actor{Name: strings.TrimPrefix(m.Text, "the "), Kind: article.Org}, true
	}
	return article.Actor{}, false
}

// findMentions is the fallback when no mentions were given: countries,
// capitals, demonyms and international bodies from the gazetteer, runs of
// two or more capitalised words, and single capitalised words inside a
// sentence (not its first word, not part of a time expression) as named
// actors.
func (d *doc) findMentions(timexes []article.Timex) {
	inTimex := func(sp article.Span) bool {
		for _, t := range timexes {
			if t.Span.Overlaps(sp) {
				return true
			}
		}
		return false
	}
	i := 0
	for i < len(d.tk) {
		if d.tk[i].Kind != text.Word || !capitalised(d.body[d.tk[i].Span[0]:d.tk[i].Span[1]]) {
			i++
			continue
		}
		if actors.IsCapStop(d.body[d.tk[i].Span[0]:d.tk[i].Span[1]]) {
			i++ // "The", "On": capitalised function words start no name
			continue
		}
		j := i + 1
		for j < len(d.tk) && d.tk[j].Kind == text.Word && capitalised(d.body[d.tk[j].Span[0]:d.tk[j].Span[1]]) && d.tk[j].Span[0]-d.tk[j-1].Span[1] == 1 {
			j++
		}
		sp := article.Span{d.tk[i].Span[0], d.tk[j-1].Span[1]}
		run := d.body[sp[0]:sp[1]]
		if canon, kind, ok := actors.Place(run); ok {
			if !d.datelineAt(sp) {
				d.ments = append(d.ments, mention{sp, article.Actor{Name: canon, Kind: kind}})
			}
		} else if j-i >= 2 {
			// A run with an organisation head ("Defence Ministry") is a
			// body; a short one without is a person's name.
			kind := ""
			for k := i; k < j; k++ {
				if actors.IsOrgHead(d.body[d.tk[k].Span[0]:d.tk[k].Span[1]]) {
					kind = article.Org
				}
			}
			if kind == "" && j-i <= 3 {
				kind = article.Person
			}
			d.ments = append(d.ments, mention{sp, article.Actor{Name: run, Kind: kind}})
		} else if c, ok := actors.Demonym(run); ok {
			d.ments = append(d.ments, mention{sp, article.Actor{Name: c, Kind: article.GPE}})
		} else if i > 0 && !d.sentenceStart(i) && !inTimex(sp) {
			d.ments = append(d.ments, mention{sp, article.Actor{Name: run}})
		}
		i = j
	}
}

// sentenceStart reports whether token i opens a sentence or a line.
func (d *doc) sentenceStart(i int) bool {
	if i == 0 {
		return true
	}
	switch d.low[i-1] {
	case ".", "!", "?", ":":
		return true
	}
	return d.tk[i-1].Kind == text.Quote || strings.ContainsRune(d.body[d.tk[i-1].Span[1]:d.tk[i].Span[0]], '\n')
}

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// ---- dates ----

func (d *doc) prepareDates(in Input) {
	anchor := in.Published
	if anchor.IsZero() {
		// No publication date: the latest full date written in the text is
		// the nearest stand-in (reports look back from their date).
		for _, t := range in.Timexes {
			if tt, ok := article.ParseDay(prefix(t.Value, 10)); ok && len(t.Value) >= 10 && tt.After(anchor) {
				anchor = tt
			}
		}
	}
	n := len(d.body)
	d.ref = time.Time{}
	if in.Published.IsZero() {
		for _, t := range in.Timexes {
			if !hasYear(t.Text) || len(t.Value) < 10 {
				continue
			}
			if tt, ok := article.ParseDay(t.Value[:10]); ok && tt.After(d.ref) {
				d.ref = tt
			}
		}
	}
	d.cueEnds, d.cueStarts, d.longestDate = d.cueEnds[:0], d.cueStarts[:0], 0
	for i, s := range d.stmts {
		if c := s.CueSpan; c[0] >= 0 && c[1] <= n && c[1] > c[0] {
			d.cueEnds = append(d.cueEnds, cuePos{c[1], i})
			d.cueStarts = append(d.cueStarts, cuePos{c[0], i})
		}
	}
	byPos := func(a, b cuePos) int { return cmp.Compare(a.pos, b.pos) }
	slices.SortFunc(d.cueEnds, byPos)
	slices.SortFunc(d.cueStarts, byPos)
	for _, t := range in.Timexes {
		if t.Span[0] < 0 || t.Span[1] > n || t.Span[0] >= t.Span[1] {
			continue
		}
		if t.Type != article.Date && t.Type != article.Time {
			continue
		}
		v := resolve(t.Value, anchor, !in.Published.IsZero())
		if v == "" {
			continue
		}
		dt := dated{span: t.Span, value: v, yearless: !hasYear(t.Text), weekday: hasWeekday(t.Text)}
		k := d.tokenAt(t.Span[0])
		if k > 0 && (d.flags[k-1]&fTimeSkip != 0) {
			continue
		}
		// A date right after a reporting verb dates the statement.
		for b := k - 1; b >= 0 && b >= k-3 && d.tk[b].Kind == text.Word; b-- {
			if d.flags[b]&fReporting != 0 {
				dt.statement, dt.cue = true, d.tk[b].Span
				break
			}
		}
		// A statement's cue just before the date ("said on Monday") or
		// just after it ("on Monday said"): of several, the statement
		// that comes last in the list. The cues are found in the two
		// sorted lists, not by reading every statement for every date,
		// which made a long report's dates cost its dates times its
		// statements (a 1 MB report: three quarters of its time).
		best := -1
		lo, _ := slices.BinarySearchFunc(d.cueEnds, t.Span[0]-12, func(c cuePos, p int) int { return cmp.Compare(c.pos, p) })
		for _, c := range d.cueEnds[lo:] {
			if c.pos > t.Span[0] {
				break
			}
			if c.i > best && wordsOnly(d.body[c.pos:t.Span[0]]) {
				best = c.i
			}
		}
		lo, _ = slices.BinarySearchFunc(d.cueStarts, t.Span[1], func(c cuePos, p int) int { return cmp.Compare(c.pos, p) })
		for _, c := range d.cueStarts[lo:] {
			if c.pos > t.Span[1]+2 {
				break
			}
			if c.i > best && wordsOnly(d.body[t.Span[1]:c.pos]) {
				best = c.i
			}
		}
		if best >= 0 {
			dt.statement, dt.cue = true, d.stmts[best].CueSpan
		}
		d.dates = append(d.dates, dt)
		d.longestDate = max(d.longestDate, t.Span[1]-t.Span[0])
	}
	slices.SortStableFunc(d.dates, func(a, b dated) int { return cmp.Compare(a.span[0], b.span[0]) })
}

// dateFrom returns the index of the first date that starts at pos or after.
func (d *doc) dateFrom(pos int) int {
	return sort.Search(len(d.dates), func(i int) bool { return d.dates[i].span[0] >= pos })
}

// cuePos is where a statement's cue ends or starts, and the statement's
// index in doc.stmts.
type cuePos struct{ pos, i int }

// hasYear reports whether s holds a run of four digits.
func hasYear(s string) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n++
			if n == 4 {
				return true
			}
		} else {
			n = 0
		}
	}
	return false
}

var weekdays = []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}

// hasWeekday reports whether s names a day of the week.
func hasWeekday(s string) bool {
	// Lower-cased in a stack buffer when short and ASCII (time expressions
	// are), as strings.ToLower would.
	var buf [64]byte
	if len(s) <= len(buf) && isASCII(s) {
		for i := 0; i < len(s); i++ {
			c := s[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		low := buf[:len(s)]
		for _, w := range weekdays {
			if bytes.Contains(low, []byte(w)) {
				return true
			}
		}
		return false
	}
	s = strings.ToLower(s)
	for _, w := range weekdays {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// wordsOnly reports whether s holds only letters and spaces: no sentence
// or clause break between a cue and a date.
func wordsOnly(s string) bool {
	for _, r := range s {
		if r != ' ' && !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

func prefix(s string, n int) string {
	if len(s) < n {
		return s
	}
	return s[:n]
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// resolve turns a TIMEX3 value into an event date: YYYY, YYYY-MM or
// YYYY-MM-DD, "" when it names no calendar date. A day or month without a
// year (XXXX-01-26) takes the year that puts it nearest the anchor; a bare
// weekday (XXXX-WXX-3) is resolved only against a real publication date,
// to the last such day on or before it.
func resolve(v string, anchor time.Time, published bool) string {
	switch {
	case len(v) >= 10 && digits(v[:4]) && v[4] == '-' && digits(v[5:7]) && v[7] == '-' && digits(v[8:10]):
		return v[:10]
	case len(v) == 7 && digits(v[:4]) && v[4] == '-' && digits(v[5:7]):
		return v
	case len(v) == 4 && digits(v):
		return v
	case len(v) >= 7 && digits(v[:4]) && v[4] == '-' && v[5] == 'W':
		// An ISO week ("last week" = 2022-W01) dates an event to its month
		// when the whole week lies in one month.
		y := int(v[0]-'0')*1000 + int(v[1]-'0')*100 + int(v[2]-'0')*10 + int(v[3]-'0')
		w := 0
		for _, c := range v[6:] {
			if c < '0' || c > '9' || w > 60 {
				return ""
			}
			w = w*10 + int(c-'0')
		}
		if w < 1 || w > 53 {
			return ""
		}
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		mon := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(w-1))
		if sun := mon.AddDate(0, 0, 6); sun.Month() == mon.Month() {
			return mon.Format("2006-01")
		}
		return ""
	case anchor.IsZero():
		return ""
	case len(v) >= 10 && v[:5] == "XXXX-" && digits(v[5:7]) && v[7] == '-' && digits(v[8:10]):
		best, bestD := "", time.Duration(1<<62)
		for y := anchor.Year() - 1; y <= anchor.Year()+1; y++ {
			t, ok := article.ParseDay(itoa4(y) + v[4:10])
			if !ok {
				continue
			}
			dd := t.Sub(anchor)
			if dd < 0 {
				dd = -dd
			}
			if dd < bestD {
				best, bestD = t.Format("2006-01-02"), dd
			}
		}
		return best
	case len(v) == 7 && v[:5] == "XXXX-" && digits(v[5:7]):
		m := int(v[5]-'0')*10 + int(v[6]-'0')
		if m < 1 || m > 12 {
			return ""
		}
		y := anchor.Year()
		if m > int(anchor.Month())+6 {
			y--
		} else if m < int(anchor.Month())-6 {
			y++
		}
		return itoa4(y) + v[4:]
	case published && len(v) == 10 && strings.HasPrefix(v, "XXXX-WXX-") && v[9] >= '1' && v[9] <= '7':
		want := time.Weekday(int(v[9]-'0') % 7)
		t := anchor
		for t.Weekday() != want {
			t = t.AddDate(0, 0, -1)
		}
		return t.Format("2006-01-02")
	}
	return ""
}

func itoa4(y int) string {
	if y < 0 || y > 9999 {
		return "0000"
	}
	b := []byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10)}
	return string(b)
}

// tokenAt returns the index of the first token starting at or after pos.
func (d *doc) tokenAt(pos int) int {
	return sort.Search(len(d.tk), func(i int) bool { return d.tk[i].Span[0] >= pos })
}
