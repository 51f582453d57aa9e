package quotes

import (
	"context"
	"encoding/json"
	"github.com/parley-news/parley/internal/golden"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/parley-news/parley/internal/actors"
	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/text"
)

// goldenStmt is what a golden file records of a statement.
type goldenStmt struct {
	Speaker string `json:"speaker"`
	Title   string `json:"title,omitempty"`
	Affil   string `json:"affiliation,omitempty"`
	Kind    string `json:"kind"`
	Cue     string `json:"cue"`
	Date    string `json:"date"`
	Text    string `json:"text"`
}

// readArticle reads a test article: a "published: YYYY-MM-DD" line, a
// blank line, then the body.
func readArticle(t testing.TB, path string) Input {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	head, body, _ := strings.Cut(string(raw), "\n\n")
	var pub time.Time
	if v, ok := strings.CutPrefix(strings.TrimSpace(head), "published: "); ok {
		pub, _ = time.Parse("2006-01-02", v)
	}
	// The golden articles are same-day reports (a dateline dates them).
	return Input{Body: body, Published: pub, SameDay: !pub.IsZero(), Timexes: miniTimex(body, pub)}
}

func TestGolden(t *testing.T) {
	reg, err := actors.Load(filepath.Join("testdata", "golden", "actors.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	an, err := New(reg, nil)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.txt"))
	if len(files) == 0 {
		t.Fatal("no golden articles")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			in := readArticle(t, f)
			out := an.Analyze(context.Background(), in)
			checkSpans(t, in.Body, out)
			var got []goldenStmt
			for _, s := range out.Statements {
				got = append(got, goldenStmt{Speaker: s.Speaker.Name, Title: s.Speaker.Title, Affil: s.Speaker.Affiliation,
					Kind: s.Kind, Cue: s.Cue, Date: s.Date, Text: s.Text})
			}
			gb, _ := json.MarshalIndent(got, "", "  ")
			gf := strings.TrimSuffix(f, ".txt") + ".golden.json"
			golden.Check(t, gf, gb)
		})
	}
}

// checkSpans asserts the invariants of the output: spans in range, on
// rune boundaries, texts equal to their spans' bytes.
func checkSpans(t testing.TB, body string, out Output) {
	t.Helper()
	ok := func(sp article.Span) bool {
		if sp == (article.Span{}) {
			return true
		}
		return sp[0] >= 0 && sp[0] <= sp[1] && sp[1] <= len(body) && (!utf8.ValidString(body) ||
			(sp[0] == len(body) || utf8.RuneStart(body[sp[0]])) && (sp[1] == len(body) || utf8.RuneStart(body[sp[1]])))
	}
	for _, s := range out.Statements {
		for _, sp := range []article.Span{s.Span, s.TextSpan, s.CueSpan, s.SpeakerSpan} {
			if !ok(sp) {
				t.Fatalf("bad span %v (body %d bytes) in %+v", sp, len(body), s)
			}
		}
		if s.Cue != "" && s.CueSpan != (article.Span{}) && body[s.CueSpan[0]:s.CueSpan[1]] != s.Cue {
			t.Fatalf("cue %q != span text %q", s.Cue, body[s.CueSpan[0]:s.CueSpan[1]])
		}
		if !s.Span.Contains(s.CueSpan) && s.CueSpan != (article.Span{}) {
			t.Fatalf("cue span %v outside statement span %v", s.CueSpan, s.Span)
		}
		if s.Speaker.Name == "" {
			t.Fatalf("statement without a speaker: %+v", s)
		}
	}
	for _, m := range out.Mentions {
		// A mention's text is its span's, white space folded ("Anna  Petrova").
		if !ok(m.Span) || strings.Join(strings.Fields(body[m.Span[0]:m.Span[1]]), " ") != strings.Join(strings.Fields(m.Text), " ") {
			t.Fatalf("bad mention %+v", m)
		}
	}
}

// Table-driven checks of single patterns.
func TestPatterns(t *testing.T) {
	an, _ := New(nil, nil)
	pub := time.Date(2023, 3, 15, 0, 0, 0, 0, time.UTC) // a Wednesday
	cases := []struct {
		name, body                  string
		speaker, kind, date, inText string
	}{
		{"title+name apposition", "Peace talks stalled, Norwegian Deputy Foreign Minister Lars Eikeland told journalists on Wednesday.",
			"Lars Eikeland", article.Indirect, "2023-03-15", "Peace talks stalled"},
		{"speaker after verb", "\"The talks were useful,\" said Eikeland.", "Eikeland", article.Direct, "2023-03-15", "The talks were useful"},
		{"headline style", "The paper is useless, says diplomat Anna Berg.", "Anna Berg", article.Indirect, "2023-03-15", "The paper is useless"},
		{"pronoun", "Anna Berg spoke in Oslo.\n\nShe said the deal was close.", "Anna Berg", article.Indirect, "2023-03-15", "the deal was close"},
		{"according to", "According to Anna Berg, the deal is close.", "Anna Berg", article.Indirect, "2023-03-15", "the deal is close"},
		{"country", "Russia has expressed its dissatisfaction with the answers.", "Russia", article.Indirect, "2023-03-15", "expressed its dissatisfaction"},
		{"capital", "Moscow says the answers lack substance.", "Russia", article.Indirect, "2023-03-15", "the answers lack substance"},
		{"earlier is undated", "Anna Berg earlier said the deal was dead.", "Anna Berg", article.Indirect, "", "the deal was dead"},
		{"last month", "Anna Berg said last month that the deal was dead.", "Anna Berg", article.Indirect, "2023-02", "the deal was dead"},
		{"mixed", "Anna Berg said the proposal was \"a joke\" and would fail.", "Anna Berg", article.Mixed, "2023-03-15", "\"a joke\""},
		{"parenthetical party", "\"We will win,\" Sen. Jane Roe (D-Ore.) said after the vote.", "Jane Roe", article.Direct, "2023-03-15", "We will win"},
		{"participle", "Anna Berg left the hall, saying the talks had failed.", "Anna Berg", article.Indirect, "2023-03-15", "the talks had failed"},
		{"dash signature", "“We are tired of waiting.” ― Maria Lopez", "Maria Lopez", article.Direct, "2023-03-15", "tired of waiting"},
		{"interrupted with modifier", "The workers, Anna Berg explained earlier in the hearing, were well paid.", "Anna Berg", article.Indirect, "", "were well paid"},
		{"relative clause", "The mayor met an engineer who said the bridge was unsafe.", "an engineer", article.Indirect, "2023-03-15", "the bridge was unsafe"},
		{"called with quote", "Anna Berg called the plan \"a reckless gamble.\"", "Anna Berg", article.Mixed, "2023-03-15", "reckless gamble"},
		{"apposition chain", "\"It is an invasion,\" Jane Roe, the attorney general of Utopia, one of the states suing, said at an event.", "Jane Roe", article.Direct, "2023-03-15", "It is an invasion"},
		{"dash apposition", "Tom Kall -- co-editor of a book on debates -- said the candidate liked surprises.", "Tom Kall", article.Indirect, "2023-03-15", "the candidate liked surprises"},
		{"question then clause", "“How many times must we see this?” Anna Berg asked.", "Anna Berg", article.Direct, "2023-03-15", "How many times"},
		{"progressive", "He’s claiming that fraud is rampant.", "He", article.Indirect, "2023-03-15", "fraud is rampant"},
		{"transcript", "HOST: Well, the question really is a different one.", "HOST", article.Direct, "2023-03-15", "the question really is"},
		{"posted on a platform", "Ministry spokesman Dmitry Lind posted on Telegram that the talks were over.",
			"Dmitry Lind", article.Indirect, "2023-03-15", "the talks were over"},
		{"statement posted on a website", "The ministry said in a statement posted on its website that its troops held the city.",
			"The ministry", article.Indirect, "2023-03-15", "its troops held the city"},
		{"warned someone that", "Foreign Secretary Anna Berg warned Moscow that an incursion would be a mistake.",
			"Anna Berg", article.Indirect, "2023-03-15", "an incursion would be a mistake"},
		{"day between subject and verb", "Foreign Minister Anna Berg on Tuesday said the talks would go on.",
			"Anna Berg", article.Indirect, "2023-03-14", "the talks would go on"},
		{"with X saying", "Talks resumed on Monday, with Tehran insisting that sanctions must be lifted first.",
			"Iran", article.Indirect, "2023-03-13", "sanctions must be lifted first"},
		{"document seen by a newspaper", "According to a draft seen by Reuters, the tariffs could take effect as early as July.",
			"a draft", article.Indirect, "2023-03-15", "the tariffs could take effect"},
		{"told object then that", "Anna Berg told national radio stations that the war must end.", "Anna Berg", article.Indirect, "2023-03-15", "the war must end"},
		{"figures released by a body", "Exports rose 12 percent in February, according to figures released on Monday by the statistics office in Port Lavelle.",
			"the statistics office in Port Lavelle", article.Indirect, "2023-03-13", "Exports rose 12 percent"},
		{"report by a body", "Output grew, according to a report by the planning ministry in Santa Olinda.",
			"the planning ministry in Santa Olinda", article.Indirect, "2023-03-15", "Output grew"},
		{"body located in a place", "The statistics office in Port Lavelle said exports fell.",
			"The statistics office in Port Lavelle", article.Indirect, "2023-03-15", "exports fell"},
		{"inverted, addressee after the name", "\"These are treasures,\" said Bolden to the gathered crowd, which cheered.", "Bolden", article.Direct, "2023-03-15", "treasures"},
		{"inverted, medium after a surname", "\"We are proud,\" said Bolden in a statement.", "Bolden", article.Direct, "2023-03-15", "proud"},
		{"inverted, occasion after a role", "\"We are proud,\" said the minister at the ceremony.", "the minister", article.Direct, "2023-03-15", "proud"},
		{"inverted, addressee after a full name", "\"We are proud,\" said Anna Berg to reporters.", "Anna Berg", article.Direct, "2023-03-15", "proud"},
		{"show with a bare clause", "Instant polls showed the challenger was ahead in the debate.", "Instant polls", article.Indirect, "2023-03-15", "the challenger was ahead"},
		{"reasoned with a quote", "The city reasoned, \"because the fees are too high, we must act.\"", "The city", article.Direct, "2023-03-15", "we must act"},
		{"quote after a colon, named subject", "Anna Berg defended the record on migration: \"We have worked hard to cut the numbers.\"", "Anna Berg", article.Direct, "2023-03-15", "worked hard"},
		{"quote after a colon, opening adverbial and scare quote", "During questions on Tuesday, Anna Berg defended her record while promising a \"formal update\": \"We have worked hard to cut the numbers.\"", "Anna Berg", article.Direct, "2023-03-15", "worked hard"},
		{"quote after a colon, role subject", "The minister hit back: \"We have worked hard to cut the numbers.\"", "The minister", article.Direct, "2023-03-15", "worked hard"},
		{"clausal verb closing the sentence", "\"We will not lift sanctions as a gesture,\" Anna Berg continued.", "Anna Berg", article.Direct, "2023-03-15", "lift sanctions"},
		{"told a programme with a possessive", "Anna Berg told the BBC's Today programme the row could be resolved.", "Anna Berg", article.Indirect, "2023-03-15", "the row could be resolved"},
		{"live-blog time stamp before the subject", "10:32 GMT - Zelinsky says the talks are not easy.", "Zelinsky", article.Indirect, "2023-03-15", "the talks are not easy"},
		{"double dash before the subject", "The boy is six -- Castellano said she sympathized with him.", "Castellano", article.Indirect, "2023-03-15", "she sympathized"},
		{"relative that is not content", "\"We are in a critical situation,\" Anna Berg told reporters after the meeting that was held on a boat.", "Anna Berg", article.Direct, "2023-03-15", "critical situation"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := Input{Body: c.body, Published: pub, SameDay: true, Timexes: miniTimex(c.body, pub)}
			out := an.Analyze(context.Background(), in)
			checkSpans(t, c.body, out)
			if len(out.Statements) != 1 {
				t.Fatalf("got %d statements, want 1: %+v", len(out.Statements), out.Statements)
			}
			s := out.Statements[0]
			if s.Speaker.Name != c.speaker || s.Kind != c.kind || s.Date != c.date || !strings.Contains(s.Text, c.inText) {
				t.Errorf("got speaker %q kind %s date %q text %q; want %q %s %q containing %q",
					s.Speaker.Name, s.Kind, s.Date, s.Text, c.speaker, c.kind, c.date, c.inText)
			}
		})
	}
}

// When a statement was made, and how Parley knows (date_basis).
func TestDateBasis(t *testing.T) {
	an, _ := New(nil, nil)
	pub := time.Date(2023, 3, 15, 0, 0, 0, 0, time.UTC) // a Wednesday
	cases := []struct {
		name, body  string
		sameDay     bool
		noPub       bool
		cue         string
		date, basis string
	}{
		{"stated date", "Anna Berg said on March 10 that the deal was dead.", false, false, "said", "2023-03-10", article.DateStated},
		{"relative day", "Anna Berg said on Monday that the deal was dead.", false, false, "said", "2023-03-13", article.DateRelative},
		{"date after the object", "The ministry announced the curbs on March 3, saying they were needed.", false, false, "announced", "2023-03-03", article.DateStated},
		{"addressee and place before the date", "Anna Berg told reporters in Oslo on Monday that the deal was dead.", false, false, "told", "2023-03-13", article.DateRelative},
		{"date inside the content is not the date of saying", "Anna Berg said that the talks would resume on March 20.", false, false, "said", "", article.DateNone},
		{"same-day report", "Anna Berg said the deal was dead.", true, false, "said", "2023-03-15", article.DatePublication},
		{"present tense", "Anna Berg says the deal is dead.", false, false, "says", "2023-03-15", article.DatePublication},
		{"no day in a later report", "Anna Berg said the deal was dead.", false, false, "said", "", article.DateNone},
		{"earlier", "Anna Berg earlier said the deal was dead.", true, false, "said", "", article.DateNone},
		{"has repeatedly said", "Anna Berg has repeatedly said the deal was dead.", true, false, "said", "", article.DateNone},
		{"undated article", "Anna Berg said the deal was dead.", true, true, "said", "", article.DateNone},
		{"tied to an event", "The minister announced the tariffs on March 6.\n\nIn announcing the tariffs, the minister said they would stay for a year.", false, false, "said", "2023-03-06", article.DateEvent},
		{"a person at an earlier day's event", "OSLO, March 15. The two delegations met on Monday for six hours of talks on the fishing quota, the first round since the autumn, and agreed to meet again soon.\n\nAnna Berg said the quota could not be raised.", false, false, "said", "2023-03-13", article.DateEvent},
		{"a ministry's statement after an earlier day's event", "OSLO, March 15. The two delegations met on Monday for six hours of talks on the fishing quota, the first round since the autumn, and agreed to meet again soon.\n\nThe Fisheries Ministry said the quota could not be raised.", false, false, "said", "", article.DateNone},
		{"a ministry's statement at the event", "OSLO, March 15. The two delegations met on Monday for six hours of talks on the fishing quota, the first round since the autumn, and agreed to meet again soon.\n\nAccording to the ministry, Norway stressed at the meeting that the quota was final.", false, false, "According to", "2023-03-13", article.DateEvent},
		{"last week dates by its month", "Last week, Anna Berg had warned that the talks could collapse.", false, false, "warned", "2023-03", article.DateRelative},
		{"a day beats the week", "This week Anna Berg said on Monday that the talks could collapse.", false, false, "said", "2023-03-13", article.DateRelative},
		{"a date modifying the content", "Anna Berg said the March 6 talks had failed.", true, false, "said", "2023-03-15", article.DatePublication},
		{"a day of the occasion", "Anna Berg said at a March 6 event in Oslo the talks had failed.", false, false, "said", "2023-03-06", article.DateStated},
		{"a date in a phrase after the cue", "\"The ball is in their court,\" Anna Berg said, referring to the March 6 talks.", true, false, "said", "2023-03-15", article.DatePublication},
		{"late on a day belongs to the reporting clause", "Anna Berg said late on Monday that the deal was dead.", false, false, "said", "2023-03-13", article.DateRelative},
		{"the day of a relative clause telling the occasion", "Simon Bako, who spoke with journalists in Oslo on Monday, said the offer was fair.", false, false, "said", "2023-03-13", article.DateRelative},
		{"a date of the document after the cue", "According to a March 6 report by Anna Berg, the talks had failed.", true, false, "According to", "2023-03-06", article.DateStated},
		{"opening participle tied to an earlier sentence", "The ministry received the written response last month.\n\nCommenting on the response, Anna Berg said it ignored the key proposals.", false, false, "said", "2023-02", article.DateEvent},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := pub
			if c.noPub {
				p = time.Time{}
			}
			out := an.Analyze(context.Background(), Input{Body: c.body, Published: p, SameDay: c.sameDay, Timexes: miniTimex(c.body, p)})
			checkSpans(t, c.body, out)
			for _, s := range out.Statements {
				if s.Cue != c.cue {
					continue
				}
				if s.Date != c.date || s.DateBasis != c.basis {
					t.Errorf("got date %q basis %q; want %q %q (%q)", s.Date, s.DateBasis, c.date, c.basis, s.Text)
				}
				return
			}
			t.Fatalf("no statement with cue %q: %+v", c.cue, out.Statements)
		})
	}
}

func TestNoStatement(t *testing.T) {
	an, _ := New(nil, nil)
	for _, body := range []string{
		"",
		"The weather was cold and the talks were postponed.",
		"The report is due next week.",
		"The United States and Canada signed the deal.",
		// "show" reports only a clause: an agency shows a prototype
		"The agency showed the trainer on Tuesday.",
		"A scan of his chest showed a pattern in both lungs.",
		"The two sides continue to negotiate and could sign a deal soon.",
		// a colon after a clause without a person
		"The report listed three demands: \"lower fees, more berths and a new pier.\"",
		// "state" after a name is the noun
		"Florida state records show he was fined twice.",
		// "what" is the object of the verb: the words after it are its
		// time and topic
		"This is what the minister said on Monday about the pension plan.",
		"What the ministers said on day one",
		// a coordinated verb with an object that reports no speech
		"Reporters reached the embassy at dawn and found broken glass in the hall.",
		// a participle with an object that reports no speech
		"The alliance has expanded three times before, adding Greece and Turkey in 1952.",
		// a label that is a place or a body at the very start (read
		// before its first token once: index -1)
		"Norland Bank: Rates will rise.",
		// a title cited with its outlet and date
		"\"Harbour talks resume after a long pause\" — Daily Courier, August 15, 2031",
	} {
		out := an.Analyze(context.Background(), Input{Body: body})
		if len(out.Statements) != 0 {
			t.Errorf("%q: got %+v, want none", body, out.Statements)
		}
	}
}

func TestCancelled(t *testing.T) {
	an, _ := New(nil, nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	out := an.Analyze(ctx, Input{Body: "Anna Berg said the deal was close."})
	if len(out.Statements) != 0 {
		t.Errorf("cancelled context still produced %d statements", len(out.Statements))
	}
}

func FuzzQuotes(f *testing.F) {
	for _, s := range []string{
		"\"We have answers. Yet we want more,\" he said.",
		"According to him, “the deal is close”",
		"Anna Berg, 25, of Oslo, said ''it works.''",
		"”Fear.” ― Jo",
		"(\"a\" said) , said , according to",
		"Mr. X said: \"\n\n\"more\" she said",
		"\xff\xfe said \"",
		"Berg: Anna Berg said the deal - diplomat",
		"x - - — – : :",
	} {
		f.Add(s)
	}
	an, _ := New(nil, nil)
	f.Fuzz(func(t *testing.T, body string) {
		pub := time.Date(2023, 3, 15, 0, 0, 0, 0, time.UTC)
		out := an.Analyze(context.Background(), Input{Title: body, Body: body, Published: pub, Timexes: miniTimex(body, pub)})
		checkSpans(t, body, out)
	})
}

func BenchmarkAnalyze(b *testing.B) {
	in := readArticle(b, filepath.Join("testdata", "golden", "apposition.txt"))
	in2 := readArticle(b, filepath.Join("testdata", "golden", "bodies.txt"))
	// a typical news article: a few kilobytes
	body := strings.Repeat(in.Body+"\n\n"+in2.Body+"\n\n", 3)
	in = Input{Body: body, Published: in.Published, Timexes: miniTimex(body, in.Published)}
	an, _ := New(nil, nil)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		an.Analyze(context.Background(), in)
	}
}

func TestColonParagraph(t *testing.T) {
	an, _ := New(nil, nil)
	body := "Anna Berg spoke last.\n\nShe said:\n\n\"We will not stop. We will go on every day.\"\n\nThe meeting ended."
	out := an.Analyze(context.Background(), Input{Body: body})
	checkSpans(t, body, out)
	if len(out.Statements) != 1 {
		t.Fatalf("got %d statements, want 1: %+v", len(out.Statements), out.Statements)
	}
	s := out.Statements[0]
	if s.Speaker.Name != "Anna Berg" || !strings.Contains(s.Text, "every day") || s.Kind != article.Direct {
		t.Errorf("got %+v", s)
	}
}

func TestInterruptedQuoteIsOne(t *testing.T) {
	an, _ := New(nil, nil)
	body := "\"We came to talk,\" Anna Berg said, \"and we will talk until it is done.\" Then she left."
	out := an.Analyze(context.Background(), Input{Body: body})
	if len(out.Statements) != 1 {
		t.Fatalf("got %d statements, want 1: %+v", len(out.Statements), out.Statements)
	}
	if s := out.Statements[0]; !strings.Contains(s.Text, "We came to talk") || !strings.Contains(s.Text, "until it is done") {
		t.Errorf("text %q lacks a part of the quote", s.Text)
	}
}

func TestHeadline(t *testing.T) {
	an, _ := New(nil, nil)
	pub := time.Date(2023, 3, 15, 0, 0, 0, 0, time.UTC)
	cases := []struct{ title, body, speaker string }{
		{"Talks Made No Progress, Senior Diplomat Says", "Norwegian Deputy Foreign Minister Lars Eikeland met the press.", "Lars Eikeland"},
		{"Oslo says the fishing accord is outdated", "The talks went on.", "Norway"},
		{"Eikeland Warns Of Trade War", "Lars Eikeland spoke on Wednesday.", "Lars Eikeland"},
		{"Hong Kong chaos: Canada deploys ships and warns blockade is only option", "The protests went on.", "Canada"},
		{"Helix Said to Weigh Sale of Chip Unit", "Helix Corp. is exploring a sale of its unit, people familiar with the matter said.", ""},
		// a speaker labelled before a colon or after a closing dash
		{"Eikeland: Norway will not accept the quota", "Lars Eikeland said Norway could not accept the quota.", "Lars Eikeland"},
		{"Norway will not accept the new quota - diplomat", "Norwegian Deputy Foreign Minister Lars Eikeland said the quota was too high.", "Lars Eikeland"},
		{"Poll: Voters abandon the governing party", "Paul Eikeland said the poll was wrong.", ""},
		{"Eikeland: The man who sank the quota", "The court heard that Lars Eikeland sank the quota. Eikeland said he was innocent.", ""},
	}
	for _, c := range cases {
		out := an.Analyze(context.Background(), Input{Title: c.title, Body: c.body, Published: pub})
		checkSpans(t, c.body, out)
		var got []string
		for _, s := range out.Statements {
			if s.Span == (article.Span{}) {
				got = append(got, s.Speaker.Name)
			}
		}
		want := c.speaker
		if want == "" && len(got) == 0 {
			continue // no statement in the headline
		}
		if len(got) != 1 || got[0] != want {
			t.Errorf("%q: headline speakers %v, want [%s]", c.title, got, want)
		}
	}
}

func TestNestedAccordingTo(t *testing.T) {
	an, _ := New(nil, nil)
	body := "The Daily Planet reports that the senator has lost ground among older voters, according to the Institute for Polling."
	out := an.Analyze(context.Background(), Input{Body: body})
	checkSpans(t, body, out)
	var names []string
	for _, s := range out.Statements {
		names = append(names, s.Speaker.Name)
	}
	if len(names) != 2 || names[0] != "The Daily Planet" && names[0] != "Daily Planet" || names[1] != "Institute for Polling" {
		t.Errorf("speakers %q, want the Daily Planet and the Institute for Polling", names)
	}
}

// The verb-form prefilter must pass every form of the lexicon and reject
// common non-verbs.
func TestMaybeVerbForm(t *testing.T) {
	for f := range verbForms {
		if !maybeVerbForm(f) {
			t.Errorf("prefilter rejects lexicon form %q", f)
		}
	}
	if verbShapeOff {
		t.Error("prefilter disabled: a lexicon form is not lower-case ASCII")
	}
	for _, w := range []string{"the", "tariffs", "quota", "x", ""} {
		if maybeVerbForm(w) {
			t.Errorf("prefilter passes %q", w)
		}
	}
}

// A title that opens with a body's name gives the speaker's side.
func TestTitleBody(t *testing.T) {
	for _, c := range []struct{ title, want string }{
		{"Bank of Japan Governor", "Bank of Japan"},
		{"OPEC President", "OPEC"},
		{"Acme Corp Chairman", "Acme Corp"},
		{"Commerce Secretary", ""},
		{"Former Acme Corp Chairman", ""},
		{"U.S. But Commerce Secretary", ""},
		{"Governor", ""},
	} {
		if got := titleBody(c.title); got != c.want {
			t.Errorf("titleBody(%q) = %q, want %q", c.title, got, c.want)
		}
	}
}

func TestTranscriptTurns(t *testing.T) {
	// A briefing transcript: the spokesman introduced by name, then
	// labelled by his surname in capitals; a reporter's questions; a turn
	// of two sentences.
	body := "Ministry spokesman Piotr Lind briefed reporters on Wednesday.\n\n" +
		"QUESTION: Has the other side answered the proposals?\n\n" +
		"LIND: We have not received a formal answer. We remain ready to meet.\n\n" +
		"QUESTION: And the talks next week?\n\n" +
		"LIND: They will go ahead as planned."
	an, _ := New(nil, nil)
	pub := time.Date(2023, 3, 15, 0, 0, 0, 0, time.UTC)
	out := an.Analyze(context.Background(), Input{Body: body, Published: pub, SameDay: true, Timexes: miniTimex(body, pub)})
	checkSpans(t, body, out)
	var got []string
	for _, s := range out.Statements {
		if s.Cue != ":" {
			continue
		}
		got = append(got, s.Speaker.Name+" | "+s.Kind+" | "+s.Text)
	}
	want := []string{
		"Piotr Lind | direct | We have not received a formal answer. We remain ready to meet.",
		"Piotr Lind | direct | They will go ahead as planned.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A briefing's labels in capitals with an honorific or a title name a
// person in ordinary case (they read as an organisation "MR. WARD").
func TestTranscriptCapsTitledLabels(t *testing.T) {
	body := "Department Press Briefing\n\nMR. WARD: Good afternoon. We support the framework in principle.\n\n" +
		"QUESTION: Is there a deadline?\n\nMR. WARD: I am not going to put a date on it.\n\n" +
		"SECRETARY LINDQVIST: We will sign it when it is ready."
	an, _ := New(nil, nil)
	out := an.Analyze(context.Background(), Input{Body: body})
	checkSpans(t, body, out)
	var got []string
	for _, s := range out.Statements {
		got = append(got, s.Speaker.Name+" | "+s.Speaker.Kind+" | "+s.Speaker.Title+" | "+s.Text)
	}
	want := []string{
		"Ward | PERSON |  | Good afternoon. We support the framework in principle.",
		"Ward | PERSON |  | I am not going to put a date on it.",
		"Lindqvist | PERSON | Secretary | We will sign it when it is ready.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A legislator named with the state they represent ("Rangel of New
// York") is the speaker; the state is no part of the name. An office
// named for the district it serves speaks for itself.
func TestSpeakerOfState(t *testing.T) {
	an, _ := New(nil, nil)
	for _, c := range []struct{ body, want string }{
		{"Representative Charles B. Rangel of New York said the plan was fair.", "Charles B. Rangel"},
		{"The plan was fair, said Senator Ann Ray of Ohio.", "Ann Ray"},
		{"Jack Kemp, Republican of New York, said the plan was a trap.", "Jack Kemp"},
		// a body for the district it serves
		{"The U.S. Attorney's Office for the Western District of New York said the man pleaded guilty.", "U.S. Attorney's Office"},
		// a person's words in the possessive
		{"Foreign Minister Anna Berg spoke. Berg's remarks suggested the talks would resume.", "Anna Berg"},
		{"Foreign Minister Anna Berg spoke. Berg's campaign manager said the talks would resume.", "Berg's campaign manager"},
	} {
		out := an.Analyze(context.Background(), Input{Body: c.body})
		if len(out.Statements) != 1 || out.Statements[0].Speaker.Name != c.want {
			t.Errorf("%q: %+v", c.body, out.Statements)
		}
	}
}

// Where a speaker stood is no part of who they are, before the verb or
// after it; a live blog's time stamp is no part of what was said.
func TestSpeakerWhereTheyStood(t *testing.T) {
	an, _ := New(nil, nil)
	for _, c := range []struct{ body, speaker, text string }{
		{"Farmers outside the building said the deal was bad.", "Farmers", "the deal was bad."},
		{"A woman near the border said the shelling had stopped.", "A woman", "the shelling had stopped."},
		{"\"It is a disgrace,\" said one farmer outside the building.", "one farmer", "\"It is a disgrace,\""},
		{"Troops near the border said they had been shelled.", "Troops", "they had been shelled."},
		{"10:15 GMT - \"We are not optimistic,\" a senior official told reporters.", "a senior official", "\"We are not optimistic,\""},
		{"Analysts in Tokyo said the yen would fall.", "Analysts in Tokyo", "the yen would fall."},
	} {
		if st, ok := one(t, an, Input{Body: c.body}); ok && (st.Speaker.Name != c.speaker || st.Text != c.text) {
			t.Errorf("%q: %+v", c.body, st)
		}
	}
	for _, c := range []struct {
		in   string
		want int
	}{{"10:42 GMT - Talks", 12}, {"9.15am: Talks", 8}, {"1042 GMT: x", 10}, {"14:05 – x", 10}, {"10:42 talks", -1}, {"2022 - x", -1}, {"10:4 - x", -1}} {
		if got := liveStamp(c.in, 0); got != c.want {
			t.Errorf("liveStamp(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}

// A verb after a comma and "and" or "but" that opens its own clause is
// the speaker's second statement, even after a content with a verb of its
// own; British spellings report as American ones do.
func TestCoordinatedAfterComma(t *testing.T) {
	an, _ := New(nil, nil)
	for _, c := range []struct {
		body string
		want []string
	}{
		{"The envoy conceded progress had been made, but denied that a deal was close.",
			[]string{"conceded: progress had been made", "denied: a deal was close."}},
		{"The envoy said the union had rejected the offer and demanded higher pay.",
			[]string{"said: the union had rejected the offer and demanded higher pay."}},
		{"The envoy said the deal was close, before adding that it was not done.",
			[]string{"said: the deal was close", "adding: it was not done."}},
		{"The envoy said the deal was close, after meeting the minister.",
			[]string{"said: the deal was close, after meeting the minister."}},
		{"The trade minister signalled on Sunday that she might accept a shorter transition.",
			[]string{"signalled: she might accept a shorter transition."}},
	} {
		out := an.Analyze(context.Background(), Input{Body: c.body})
		checkSpans(t, c.body, out)
		var got []string
		for _, s := range out.Statements {
			got = append(got, s.Cue+": "+s.Text)
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q:\ngot  %q\nwant %q", c.body, got, c.want)
		}
	}
}

// What a reporter could not check is no one's statement; how a speaker
// spoke, told after the reporting clause, is no part of what they said.
func TestUnverifiedAndMannerOfSpeaking(t *testing.T) {
	an, _ := New(nil, nil)
	for _, body := range []string{
		"The Associated Press could not independently confirm the details.",
		"Reuters was unable to verify the claim.",
		"The agency could not immediately confirm that the talks had ended.",
	} {
		if out := an.Analyze(context.Background(), Input{Body: body}); len(out.Statements) != 0 {
			t.Errorf("%q: %+v", body, out.Statements)
		}
	}
	for _, c := range []struct{ body, text string }{
		{"The two sides are close to a deal, a senior official said Tuesday, speaking on condition of anonymity because he was not authorized to speak.",
			"The two sides are close to a deal"},
		{"The deal, a senior official said, is close.", "The deal is close."},
		{"The ministry confirmed that the talks had ended.", "the talks had ended."},
	} {
		if st, ok := one(t, an, Input{Body: c.body}); ok && (st.Text != c.text) {
			t.Errorf("%q: %+v", c.body, st)
		}
	}
}

// "the two governments" is one subject (a numeral after an article);
// "no one" speaks for no one.
func TestNumeralSubjectsAndNoOne(t *testing.T) {
	an, _ := New(nil, nil)
	for _, c := range []struct{ body, speaker, text string }{
		{"Norland and Kestrel will resume talks next month, the two governments said in a joint statement.", "the two governments",
			"Norland and Kestrel will resume talks next month"},
		{"The two sides said the talks would resume.", "The two sides", "the talks would resume."},
	} {
		if st, ok := one(t, an, Input{Body: c.body}); ok && (st.Speaker.Name != c.speaker || st.Text != c.text) {
			t.Errorf("%q: %+v", c.body, st)
		}
	}
	for _, body := range []string{"No one claimed responsibility for the attack.", "Nobody said the talks had failed."} {
		if out := an.Analyze(context.Background(), Input{Body: body}); len(out.Statements) != 0 {
			t.Errorf("%q: %+v", body, out.Statements)
		}
	}
}

// Two parties named before a group's noun speak together, for neither
// alone; a role named with a body's possessive after an inverted verb is
// a speaker ("said the group's chair, Adonia Ayebare").
func TestJointGroupsAndPossessiveRoles(t *testing.T) {
	an, _ := New(nil, nil)
	for _, c := range []struct{ body, speaker, side string }{
		{"The EU and UK negotiating teams said the talks would go on.", "The EU and UK negotiating teams", ""},
		{"U.S. and Russian negotiators said the talks would go on.", "U.S. and Russian negotiators", ""},
		{"Sean Roe, a spokesman for the U.S. operation in Iraq and Syria, said the claim was false.", "Sean Roe", "United States"},
		{"\"Anything less is a betrayal,\" said the group's chair, Adonia Ayebare of Uganda.", "Adonia Ayebare", ""},
		{"\"Anything less is a betrayal,\" said the ministry's spokesman, Ali Khan.", "Ali Khan", ""},
	} {
		out := an.Analyze(context.Background(), Input{Body: c.body})
		checkSpans(t, c.body, out)
		if len(out.Statements) != 1 || out.Statements[0].Speaker.Name != c.speaker || c.side != "" && out.Statements[0].Speaker.Affiliation != c.side ||
			c.side == "" && strings.Contains(c.speaker, " and ") && out.Statements[0].Speaker.Affiliation != "" {
			t.Errorf("%q: %+v", c.body, out.Statements)
		}
	}
	if out := an.Analyze(context.Background(), Input{Body: "\"It is bad,\" said Trump's plan."}); len(out.Statements) != 0 {
		t.Errorf("a thing in the possessive spoke: %+v", out.Statements)
	}
}

// People named by their trade and their country speak for themselves;
// officials named by their country speak for it.
func TestTradeSides(t *testing.T) {
	an, _ := New(nil, nil)
	for _, c := range []struct{ body, side string }{
		{"Chinese experts said the tariffs would hurt consumers.", ""},
		{"A Russian analyst said the tariffs would hurt consumers.", ""},
		{"Chinese officials said the tariffs would hurt consumers.", "China"},
		{"A Russian negotiator said the tariffs would hurt consumers.", "Russia"},
	} {
		out := an.Analyze(context.Background(), Input{Body: c.body})
		if len(out.Statements) != 1 || out.Statements[0].Speaker.Affiliation != c.side {
			t.Errorf("%q: %+v, want side %q", c.body, out.Statements, c.side)
		}
	}
}

// A role phrase with its side, named later in the report, is the person
// named; without a side, or with two who fit, it stays a phrase.
func TestRoleNamedLater(t *testing.T) {
	an, _ := New(nil, nil)
	body := "Turkey's foreign minister said on Monday that the port was ready to host talks. " +
		"Speaking in the capital, Turkish Foreign Minister Anna Berg told reporters the venue would be the port. " +
		"The defence minister said the navy would help."
	out := an.Analyze(context.Background(), Input{Body: body})
	checkSpans(t, body, out)
	var got []string
	for _, s := range out.Statements {
		got = append(got, s.Speaker.Name)
	}
	if strings.Join(got, "|") != "Anna Berg|Anna Berg|The defence minister" {
		t.Errorf("speakers %q", got)
	}
}

// "“We will see,” was all the minister would say": the quotation is the
// speaker's.
func TestAllTheySaid(t *testing.T) {
	an, _ := New(nil, nil)
	body := "Foreign Minister Anna Berg met the envoy on Monday.\n\n\"We will see,\" was all she would say.\n\n\"No comment,\" was all Berg said."
	out := an.Analyze(context.Background(), Input{Body: body})
	checkSpans(t, body, out)
	var got []string
	for _, s := range out.Statements {
		got = append(got, s.Speaker.Name+": "+s.Text+" ("+s.Kind+")")
	}
	want := "Anna Berg: \"We will see,\" (direct)|Anna Berg: \"No comment,\" (direct)"
	if strings.Join(got, "|") != want {
		t.Errorf("got %q", got)
	}
}

// "made clear that …", "made it clear on Tuesday that …": diplomacy's
// firm statements; "The decision made clear the limits" is none.
func TestMadeClear(t *testing.T) {
	an, _ := New(nil, nil)
	for _, c := range []struct{ body, cue, text string }{
		{"Foreign Minister Anna Berg made clear that the quota was not negotiable.", "made clear", "the quota was not negotiable."},
		{"Foreign Minister Anna Berg made it clear on Tuesday that the quota was not negotiable.", "made it clear", "the quota was not negotiable."},
		{"Foreign Minister Anna Berg made it clear the quota was not negotiable.", "made it clear", "the quota was not negotiable."},
	} {
		pub := time.Date(2023, 3, 15, 0, 0, 0, 0, time.UTC)
		if st, ok := one(t, an, Input{Body: c.body, Published: pub, Timexes: miniTimex(c.body, pub)}); ok && (st.Cue != c.cue || st.Text != c.text) {
			t.Errorf("%q: %+v", c.body, st)
		}
	}
	if out := an.Analyze(context.Background(), Input{Body: "The decision made clear the limits of the deal."}); len(out.Statements) != 0 {
		t.Errorf("%+v", out.Statements)
	}
}

// Another side's stance after ", while" is no part of what was said; a
// clause of facts after it is.
func TestContrastClause(t *testing.T) {
	an, _ := New(nil, nil)
	for _, c := range []struct{ body, text string }{
		{"The Norland Fishermen's Association said the deal \"sells out our coastal communities,\" while its Kestrel counterpart welcomed it.",
			"the deal \"sells out our coastal communities,\""},
		{"Relatives in Miami say the boy's mother died to give him freedom, while the government maintains he is being kept from his father.",
			"the boy's mother died to give him freedom"},
		{"The Tax Policy Center said the top 1 percent would face higher taxes, while the lower 95 percent would face little or no increase.",
			"the top 1 percent would face higher taxes, while the lower 95 percent would face little or no increase."},
	} {
		if st, ok := one(t, an, Input{Body: c.body}); ok && (st.Text != c.text) {
			t.Errorf("%q: %+v", c.body, st)
		}
	}
}

// "said over the weekend that …": the time of saying after "over" or
// "during" is no content.
func TestOverTheWeekend(t *testing.T) {
	an, _ := New(nil, nil)
	body := "Foreign Minister Anna Berg said over the weekend that the quota was fixed."
	i := strings.Index(body, "the weekend")
	tx := []article.Timex{{Text: "the weekend", Type: article.Date, Value: "2023-W10-WE", Span: article.Span{i, i + len("the weekend")}}}
	out := an.Analyze(context.Background(), Input{Body: body, Published: time.Date(2023, 3, 15, 0, 0, 0, 0, time.UTC), Timexes: tx})
	checkSpans(t, body, out)
	if len(out.Statements) != 1 || out.Statements[0].Text != "the quota was fixed." {
		t.Errorf("%+v", out.Statements)
	}
}

// A quantifier floated after the subject ("the ministers all said", "X
// and Y both said") leaves the verb a verb ("both sides" stays a noun
// phrase).
func TestFloatingQuantifiers(t *testing.T) {
	an, _ := New(nil, nil)
	for _, c := range []struct{ body, speaker string }{
		{"The ministers all said the talks would continue.", "The ministers"},
		{"The two sides each said the talks would continue.", "The two sides"},
		{"Both sides said the talks would continue.", "Both sides"},
	} {
		if st, ok := one(t, an, Input{Body: c.body}); ok && (st.Speaker.Name != c.speaker) {
			t.Errorf("%q: %+v", c.body, st)
		}
	}
}

// An evaluation reported in the passive is the agent's: "The plan was
// criticised by X as “a surrender”" (the subject and the "as" phrase are
// what was said).
func TestPassiveEvaluation(t *testing.T) {
	an, _ := New(nil, nil)
	for _, c := range []struct{ body, speaker, text string }{
		{"The plan was criticised by opposition leader Tom Hill as \"a surrender.\"", "Tom Hill", "The plan as \"a surrender.\""},
		{"Foreign Minister Anna Berg spoke. The proposal has been described by Berg as \"a good basis for talks.\"", "Anna Berg",
			"The proposal as \"a good basis for talks.\""},
	} {
		if st, ok := one(t, an, Input{Body: c.body}); ok && (st.Speaker.Name != c.speaker || st.Text != c.text) {
			t.Errorf("%q: %+v", c.body, st)
		}
	}
	for _, body := range []string{"The road was built by engineers as a shortcut.", "The minister was criticised by the opposition for his handling of the talks."} {
		if out := an.Analyze(context.Background(), Input{Body: body}); len(out.Statements) != 0 {
			t.Errorf("%q: %+v", body, out.Statements)
		}
	}
}

// "In Berg's words, …", "…, in Berg's words": the name in the possessive
// is the speaker, as after "according to".
func TestInNamesWords(t *testing.T) {
	an, _ := New(nil, nil)
	for _, c := range []struct{ body, text string }{
		{"Foreign Minister Anna Berg spoke. In Berg's words, the offer was \"an insult.\"", "the offer was \"an insult.\""},
		{"Foreign Minister Anna Berg spoke. The offer was \"an insult,\" in Berg's words.", "The offer was \"an insult,\""},
	} {
		if st, ok := one(t, an, Input{Body: c.body}); ok && (st.Speaker.Name != "Anna Berg" || st.Text != c.text) {
			t.Errorf("%q: %+v", c.body, st)
		}
	}
}

func TestPronounGenderAgainstRoleNoun(t *testing.T) {
	// "he" after "a spokesman" is the spokesman; "she" is not.
	an, _ := New(nil, nil)
	pub := time.Date(2023, 3, 15, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		body string
		same bool
	}{
		{"The deal runs until 2031, a spokesman said. The talks will go on next week, he said.", true},
		{"The deal runs until 2031, a spokesman said. The talks will go on next week, she said.", false},
		{"The deal runs until 2031, a spokeswoman said. The talks will go on next week, she said.", true},
	} {
		out := an.Analyze(context.Background(), Input{Body: c.body, Published: pub, SameDay: true, Timexes: miniTimex(c.body, pub)})
		if len(out.Statements) != 2 {
			t.Fatalf("%q: %d statements", c.body, len(out.Statements))
		}
		if got := out.Statements[1].Speaker.Name == out.Statements[0].Speaker.Name; got != c.same {
			t.Errorf("%q: second speaker %q, first %q", c.body, out.Statements[1].Speaker.Name, out.Statements[0].Speaker.Name)
		}
	}
}

func TestPostedWithoutClause(t *testing.T) {
	// "post" reports only with a clause or a quote after it.
	an, _ := New(nil, nil)
	pub := time.Date(2023, 3, 15, 0, 0, 0, 0, time.UTC)
	for _, body := range []string{"The company posted record profits in the first quarter.", "The army posted troops along the border on Monday."} {
		if out := an.Analyze(context.Background(), Input{Body: body, Published: pub, Timexes: miniTimex(body, pub)}); len(out.Statements) != 0 {
			t.Errorf("%q: %+v", body, out.Statements)
		}
	}
}

func TestMediumParticipleNotContent(t *testing.T) {
	an, _ := New(nil, nil)
	pub := time.Date(2023, 3, 15, 0, 0, 0, 0, time.UTC)
	body := "The ministry said in a statement posted on its website that its troops held the city."
	out := an.Analyze(context.Background(), Input{Body: body, Published: pub, Timexes: miniTimex(body, pub)})
	if len(out.Statements) != 1 || out.Statements[0].Text != "its troops held the city." {
		t.Errorf("%+v", out.Statements)
	}
}

func TestAmbassadorToAPlace(t *testing.T) {
	// An ambassador speaks for the country that sent them, not the one
	// they serve in.
	an, _ := New(nil, nil)
	pub := time.Date(2023, 3, 15, 0, 0, 0, 0, time.UTC)
	for body, want := range map[string]string{
		"The Finnish ambassador to Kenya, Piotr Lind, told reporters that talks would go on.": "Piotr Lind / Finland",
		"Russian Ambassador to the United States Anatoly Lind said talks were possible.":      "Anatoly Lind / Russia",
	} {
		out := an.Analyze(context.Background(), Input{Body: body, Published: pub, Timexes: miniTimex(body, pub)})
		if len(out.Statements) != 1 {
			t.Fatalf("%q: %d statements", body, len(out.Statements))
		}
		sp := out.Statements[0].Speaker
		if got := sp.Name + " / " + sp.Affiliation; got != want {
			t.Errorf("%q: %q, want %q", body, got, want)
		}
	}
}

func TestWarnedObjectNotContent(t *testing.T) {
	an, _ := New(nil, nil)
	pub := time.Date(2023, 3, 15, 0, 0, 0, 0, time.UTC)
	for body, want := range map[string]string{
		"Foreign Secretary Anna Berg warned Moscow that an incursion would be a mistake.": "an incursion would be a mistake.",
		"Foreign Secretary Anna Berg warned Russia would pay a heavy price.":              "Russia would pay a heavy price.",
	} {
		out := an.Analyze(context.Background(), Input{Body: body, Published: pub, Timexes: miniTimex(body, pub)})
		if len(out.Statements) != 1 || out.Statements[0].Text != want {
			t.Errorf("%q: %+v", body, out.Statements)
		}
	}
}

func TestAgeDescriptorSpeaker(t *testing.T) {
	// "the 46-year-old added": the person the report is about.
	an, _ := New(nil, nil)
	pub := time.Date(2023, 3, 15, 0, 0, 0, 0, time.UTC)
	body := "Foreign Minister Anna Berg said the talks would go on. The 46-year-old added that the other side had to move."
	out := an.Analyze(context.Background(), Input{Body: body, Published: pub, Timexes: miniTimex(body, pub)})
	if len(out.Statements) != 2 || out.Statements[1].Speaker.Name != "Anna Berg" {
		t.Errorf("%+v", out.Statements)
	}
}

// A day near the subject is no part of the speaker's name: "Norway's
// fisheries minister on Tuesday defended the deal, saying …" (the
// participle reports for the noun phrase), "…, said Northline Holdings on
// Tuesday, March 14." (the day closes the inverted clause).
func TestDayOutsideSpeakerName(t *testing.T) {
	an, _ := New(nil, nil)
	for _, c := range []struct{ body, day, want string }{
		{"Norway's fisheries minister on Tuesday defended the agreement, saying the country had secured its core demands.", "Tuesday", "Norway's fisheries minister"},
		{"The plant will close in May, said Northline Holdings on Tuesday, March 14.", "Tuesday, March 14", "Northline Holdings"},
	} {
		i := strings.Index(c.body, c.day)
		tx := []article.Timex{{Text: c.day, Type: article.Date, Value: "2023-03-14", Span: article.Span{i, i + len(c.day)}}}
		out := an.Analyze(context.Background(), Input{Body: c.body, Published: time.Date(2023, 3, 15, 0, 0, 0, 0, time.UTC), Timexes: tx})
		if len(out.Statements) != 1 || out.Statements[0].Speaker.Name != c.want {
			t.Errorf("%q: %+v, want %s", c.body, out.Statements, c.want)
		}
	}
}

func TestDayBetweenSubjectAndVerb(t *testing.T) {
	// The time tagger's extent is the day alone ("Tuesday"): "on" before
	// it is still between the subject and the verb.
	an, _ := New(nil, nil)
	pub := time.Date(2023, 3, 15, 0, 0, 0, 0, time.UTC)
	for _, body := range []string{"Foreign Minister Anna Berg on Tuesday said the talks would go on.", "Foreign Minister Anna Berg late on Tuesday told reporters the talks would go on."} {
		i := strings.Index(body, "Tuesday")
		tx := []article.Timex{{Text: "Tuesday", Type: article.Date, Value: "2023-03-14", Span: article.Span{i, i + len("Tuesday")}}}
		out := an.Analyze(context.Background(), Input{Body: body, Published: pub, Timexes: tx})
		if len(out.Statements) != 1 || out.Statements[0].Speaker.Name != "Anna Berg" || out.Statements[0].Date != "2023-03-14" {
			t.Errorf("%q: %+v", body, out.Statements)
		}
	}
}

// "They" after a group spoke is that group, not a body named before it.
func TestTheyAfterUnnamedGroup(t *testing.T) {
	an, _ := New(nil, nil)
	pub := time.Date(2023, 3, 15, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct{ body, want string }{
		{"The Foreign Ministry said the talks would resume.\n\nOfficials said the round lasted eight hours. They added that both sides would meet again.", "Officials"},
		{"The Foreign Ministry said the talks would resume.\n\nWestern diplomats said the round lasted eight hours.\n\nThey added that both sides would meet again.", "Western diplomats"},
		// no group spoke: the body that spoke last
		{"The Foreign Ministry said the talks would resume. They added that both sides would meet again.", "Foreign Ministry"},
	} {
		out := an.Analyze(context.Background(), Input{Body: c.body, Published: pub, SameDay: true, Timexes: miniTimex(c.body, pub)})
		checkSpans(t, c.body, out)
		n := len(out.Statements)
		if n == 0 || !strings.Contains(out.Statements[n-1].Text, "both sides") || !strings.Contains(out.Statements[n-1].Speaker.Name, c.want) {
			t.Errorf("%q: got %+v, want the last statement by %q", c.body, out.Statements, c.want)
		}
	}
}

// "… released the following statement:" closing a paragraph: the
// quotation of the next paragraph is the subject's statement.
func TestStatementIntroParagraph(t *testing.T) {
	an, _ := New(nil, nil)
	body := "Senator Anna Berg today released the following statement on the harbour talks:\n\n\"The talks are a step forward, but we must see results.\"\n\nBerg has long pressed for lower fees."
	out := an.Analyze(context.Background(), Input{Body: body})
	checkSpans(t, body, out)
	if len(out.Statements) == 0 {
		t.Fatal("no statement")
	}
	s := out.Statements[0]
	if s.Speaker.Name != "Anna Berg" || s.Kind != article.Direct || !strings.Contains(s.Text, "step forward") || s.Span[1] < strings.Index(body, "results") {
		t.Errorf("got %+v", s)
	}
	// no quotation after the colon: nothing
	body = "Senator Anna Berg today released the following statement on the harbour talks:\n\nThe talks are a step forward, but we must see results."
	if out := an.Analyze(context.Background(), Input{Body: body}); len(out.Statements) != 0 {
		t.Errorf("unquoted paragraph taken: %+v", out.Statements)
	}
}

// A short second part of an interrupted quotation is part of it.
func TestInterruptedShortSecondPart(t *testing.T) {
	an, _ := New(nil, nil)
	body := "Anna Berg spoke.\n\n\"The deal,\" she said, \"is clear.\""
	out := an.Analyze(context.Background(), Input{Body: body})
	checkSpans(t, body, out)
	if len(out.Statements) != 1 || !strings.Contains(out.Statements[0].Text, "is clear") {
		t.Errorf("got %+v", out.Statements)
	}
}

// A relative clause in apposition tells what else the speaker did: its
// day does not date the statement, and a country it names is not the
// speaker's side unless it tells their office.
func TestRelativeClauseApposition(t *testing.T) {
	an, _ := New(nil, nil)
	pub := time.Date(2023, 3, 15, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct{ body, affil, date string }{
		{"Fisheries Minister Anna Berg, who met her French counterpart on Monday, said progress had been made.", "", "2023-03-15"},
		{"Anna Berg, who heads the French delegation, said progress had been made.", "France", "2023-03-15"},
		{"Anna Berg, who has long served in the French navy, said progress had been made.", "France", "2023-03-15"},
	} {
		body := "Talks on fishing resumed in Geneva.\n\n" + c.body
		out := an.Analyze(context.Background(), Input{Body: body, Published: pub, SameDay: true, Timexes: miniTimex(body, pub)})
		checkSpans(t, body, out)
		if len(out.Statements) != 1 {
			t.Fatalf("%q: %+v", body, out.Statements)
		}
		s := out.Statements[0]
		if s.Speaker.Name != "Anna Berg" || s.Speaker.Affiliation != c.affil || s.Date != c.date {
			t.Errorf("%q: speaker %+v date %q; want side %q date %q", c.body, s.Speaker, s.Date, c.affil, c.date)
		}
	}
}

// A headline in capitals with a colon is no transcript turn.
func TestCapsHeadlineIsNoTurn(t *testing.T) {
	an, _ := New(nil, nil)
	for _, body := range []string{
		"STEALTH OVER HARBOUR: PORT BOARD WAS HEADED TO COURT BUT TURNED BACK.\n\nThe board met on Monday.",
		"POLL: VOTERS ABANDON THE HARBOUR PLAN.\n\nThe board met on Monday.",
		"Приготовление: желтки разотрите с сахаром, затем вмешайте масло.",
	} {
		if out := an.Analyze(context.Background(), Input{Body: body}); len(out.Statements) != 0 {
			t.Errorf("%q: %+v", body, out.Statements)
		}
	}
	// a turn is still a turn
	body := "Ned Price spoke.\n\nPRICE: We have not received a reply yet."
	if out := an.Analyze(context.Background(), Input{Body: body}); len(out.Statements) != 1 {
		t.Errorf("turn lost: %+v", out.Statements)
	}
}

// The place and the time of saying between the verb and its content are
// no part of the content.
func TestPlaceAndTimeBeforeContent(t *testing.T) {
	an, _ := New(nil, nil)
	pub := time.Date(2023, 3, 15, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct{ body, date, text string }{
		{"Foreign Minister Anna Berg said in Geneva on Tuesday her country was ready to sign.", "2023-03-14", "her country was ready to sign."},
		{"Foreign Minister Anna Berg said later the minister would not travel.", "2023-03-15", "the minister would not travel."},
		{"Foreign Minister Anna Berg on Tuesday urged the two sides to return to talks.", "2023-03-14", "urged the two sides to return to talks."},
		{"* Norland proposes a neutral port, Anna Berg says.", "2023-03-15", "Norland proposes a neutral port"},
		// a day with a possessive is the content's; the medium's day is the saying's
		{"Foreign Minister Anna Berg said Friday's meeting had gone well.", "2023-03-15", "Friday's meeting had gone well."},
		{"\"We are ready,\" Anna Berg told the Kestrel Times in an interview published Sunday.", "2023-03-12", "\"We are ready,\""},
		// a person's words in the possessive are the person's
		{"Foreign Minister Anna Berg spoke. Berg's remarks, made in Oslo, suggested the talks would resume.", "2023-03-15", "the talks would resume."},
		// a fronted medium is no content
		{"In remarks broadcast on state television, Foreign Minister Anna Berg said the deal was close.", "2023-03-15", "the deal was close."},
	} {
		if st, ok := one(t, an, Input{Body: c.body, Published: pub, SameDay: true, Timexes: miniTimex(c.body, pub)}); ok && (st.Text != c.text || st.Date != c.date) {
			t.Errorf("%q: %+v", c.body, st)
		}
	}
}

// An interview printed as questions and answers: the answers are the
// interviewee's direct statements, the questions no one's.
func TestQuestionAnswerInterview(t *testing.T) {
	an, _ := New(nil, nil)
	body := "Harbour Minister Anna Berg spoke to the Daily Courier about the stalled talks.\n\nQ: Are the talks dead?\n\nA: No. We will go back to the table next week.\n\nQ: What do you need from the union?\n\nA: A sign that they want a deal. We have made three offers."
	out := an.Analyze(context.Background(), Input{Body: body})
	checkSpans(t, body, out)
	if len(out.Statements) != 2 {
		t.Fatalf("got %+v", out.Statements)
	}
	for _, s := range out.Statements {
		if s.Speaker.Name != "Anna Berg" || s.Kind != article.Direct || strings.Contains(s.Text, "?") {
			t.Errorf("got %+v", s)
		}
	}
	if !strings.Contains(out.Statements[1].Text, "three offers") {
		t.Errorf("the answer's second sentence is lost: %q", out.Statements[1].Text)
	}
	// one "A:" alone is no interview
	body = "Anna Berg spoke.\n\nA: No."
	if out := an.Analyze(context.Background(), Input{Body: body}); len(out.Statements) != 0 {
		t.Errorf("got %+v", out.Statements)
	}
}

// An apposition that names a role gives the speaker's title, and a role
// phrase later refers back to them.
func TestAppositionTitle(t *testing.T) {
	an, _ := New(nil, nil)
	body := "Tom Reyes spoke first.\n\nAnna Berg, the fund's chief negotiator, said the talks were over. The negotiator added that a new round was possible.\n\n" +
		"Piet Holm, the Republican nominee's eldest son, said little of note today."
	out := an.Analyze(context.Background(), Input{Body: body})
	checkSpans(t, body, out)
	if len(out.Statements) < 3 {
		t.Fatalf("got %+v", out.Statements)
	}
	if s := out.Statements[0]; s.Speaker.Name != "Anna Berg" || s.Speaker.Title != "chief negotiator" {
		t.Errorf("apposition title: %+v", s.Speaker)
	}
	if s := out.Statements[1]; s.Speaker.Name != "Anna Berg" {
		t.Errorf("'the negotiator' is %+v, want Anna Berg", s.Speaker)
	}
	if s := out.Statements[2]; s.Speaker.Name != "Piet Holm" || s.Speaker.Title != "" {
		t.Errorf("a possessor's title is not the speaker's: %+v", s.Speaker)
	}
}

// A parliamentary record's labels give each speech to its speaker.
func TestParliamentaryRecord(t *testing.T) {
	an, _ := New(nil, nil)
	body := "The Minister for Marine Affairs (Mr Callum Reid): I beg to move, That the Bill be now read a Second time.\n\n" +
		"This Bill will give coastal communities a greater say in how quotas are allocated.\n\n" +
		"Mrs Fiona Dunbar (North Harbour) (Con): Will the Minister give way?\n\nMr Reid: I will give way.\n\n" +
		"EDITORS: Corrects the spelling of a name in the second paragraph."
	out := an.Analyze(context.Background(), Input{Body: body})
	checkSpans(t, body, out)
	var got []string
	for _, s := range out.Statements {
		got = append(got, s.Speaker.Name+": "+s.Text)
	}
	want := []string{"Callum Reid: I beg to move, That the Bill be now read a Second time.",
		"Callum Reid: This Bill will give coastal communities a greater say in how quotas are allocated.",
		"Fiona Dunbar: Will the Minister give way?", "Callum Reid: I will give way."}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Speakers in other house styles: an age, chained appositions, a
// participle phrase between commas, a correspondent of a network, the
// tabloid's verbs.
func TestOtherHouseStyles(t *testing.T) {
	an, _ := New(nil, nil)
	for _, c := range []struct{ body, speaker, text string }{
		{"Manager Pat Larkin spoke.\n\n\"From the first whistle we were on it,\" the 52-year-old said.", "Pat Larkin", "first whistle"},
		{"Kelly Harrington, 38, from Dudley, West Midlands, said the stench was unbearable.", "Kelly Harrington", "the stench was unbearable."},
		{"But a military source, speaking to Al Jazeera on condition of anonymity, said troops had pulled back.", "a military source", "troops had pulled back."},
		{"Al Jazeera's Hiba Morgan, reporting from Khartoum, said there was deep fear among residents.", "Hiba Morgan", "there was deep fear among residents."},
		{"Kelly Harrington spoke.\n\n\"It's absolutely disgusting,\" she fumed.", "Kelly Harrington", "disgusting"},
		{"Her neighbour, pensioner Derek Moss, 74, raged: \"They could not organise anything.\"", "Derek Moss", "organise"},
		{"Judge Caroline Hale spoke.\n\n\"You were entrusted with the public good,\" the judge told him.", "Caroline Hale", "entrusted"},
		{"Harbourline Energy, Inc. (NYSE: HBLE) today announced that it has entered into a definitive agreement.", "Harbourline Energy", "definitive agreement"},
		{"The central bank kept its key rate unchanged but said it was likely to cut rates in June.", "The central bank", "likely to cut rates"},
		{"Norway's central bank kept its key rate unchanged but said it was likely to cut rates in June.", "Norway's central bank", "likely to cut rates"},
	} {
		out := an.Analyze(context.Background(), Input{Body: c.body})
		checkSpans(t, c.body, out)
		if len(out.Statements) != 1 || out.Statements[0].Speaker.Name != c.speaker || !strings.Contains(out.Statements[0].Text, c.text) {
			t.Errorf("%q: %+v; want %q saying %q", c.body, out.Statements, c.speaker, c.text)
		}
	}
}

// "X disclosed this in a statement": "this" is the paragraph before, when
// no one else said it; "this was a mistake" is a clause.
func TestThisRefersBack(t *testing.T) {
	an, _ := New(nil, nil)
	body := "Fuel queues eased across the city on Saturday as delayed vessels finally reached the port.\n\n" +
		"Its spokesman, Olu Soneye, disclosed this in a statement on Sunday.\n\nAnna Berg said this was a mistake."
	out := an.Analyze(context.Background(), Input{Body: body})
	checkSpans(t, body, out)
	if len(out.Statements) != 2 {
		t.Fatalf("got %+v", out.Statements)
	}
	if s := out.Statements[0]; s.Speaker.Name != "Olu Soneye" || !strings.HasPrefix(s.Text, "Fuel queues eased") || s.Span[0] != 0 {
		t.Errorf("got %+v", s)
	}
	if s := out.Statements[1]; s.Text != "this was a mistake." {
		t.Errorf("got %+v", s)
	}
	// the paragraph before is already someone's statement: nothing
	body = "Supplies are sufficient, the ministry said.\n\nOlu Soneye disclosed this in a statement on Sunday."
	if out := an.Analyze(context.Background(), Input{Body: body}); len(out.Statements) != 1 {
		t.Errorf("got %+v", out.Statements)
	}
}

// Wire constructions of other outlets: the US party-and-state tag before
// an apposition, a pronoun after an unnamed speaker, the news agencies'
// "affirmed", a name in apposition to an object, a question put to the
// speaker.
func TestWireConstructions(t *testing.T) {
	an, _ := New(nil, nil)
	for _, c := range []struct {
		name, body string
		want       [][2]string // speaker, text fragment, in order
	}{
		{"party tag then apposition", "Rep. Dale Hutto, D-Fla., chairman of the House Science Committee, said he would support the request.",
			[][2]string{{"Dale Hutto", "he would support"}}},
		{"he after an unnamed officer", "A police officer said the road was closed. \"Nobody may pass,\" he said.",
			[][2]string{{"A police officer", "road was closed"}, {"A police officer", "Nobody may pass"}}},
		{"she after an unnamed ambassador, next paragraph", "The ambassador of Kestrel said the offer was late.\n\n\"It is too little,\" she added.",
			[][2]string{{"The ambassador of Kestrel", "offer was late"}, {"The ambassador of Kestrel", "too little"}}},
		{"a person named since wins", "A police officer said the road was closed.\n\nMayor Lina Varga visited the site. \"We will reopen it,\" she said.",
			[][2]string{{"A police officer", "road was closed"}, {"Lina Varga", "reopen it"}}},
		{"affirmed with an object", "Minister Adel Qasimi affirmed the Kingdom's support for the talks.",
			[][2]string{{"Adel Qasimi", "support for the talks"}}},
		{"apposition to an object is no subject", "Minister Adel Qasimi affirmed the Kingdom's support for the talks.\n\nThis came during his meeting today with the envoy of the Union, Moussa Diallo.\n\nHe pointed out that the Kingdom will continue its efforts.",
			[][2]string{{"Adel Qasimi", "support for the talks"}, {"Adel Qasimi", "continue its efforts"}}},
		{"asked whether", "Sara Holm spoke in the square.\n\nAsked whether she would call for protests, Holm said: \"The people will decide.\"",
			[][2]string{{"Sara Holm", "people will decide"}}},
		{"a company named by its trade", "Northline Rail said the claims were baseless.\n\nThe company said it had made a fair offer.",
			[][2]string{{"Northline Rail", "claims were baseless"}, {"Northline Rail", "fair offer"}}},
		{"a document speaks for who issued it", "Northline Rail made an offer on Monday.\n\nA statement from the company read: \"We have made a fair offer.\"",
			[][2]string{{"Northline Rail", "fair offer"}}},
		{"the company that spoke, not the broker", "Nordic Steel Holdings said it would cut output.\n\n\"Demand is weak,\" said analyst Tom Lee at Acme Securities.\n\nThe company said the plant would close.",
			[][2]string{{"Nordic Steel Holdings", "cut output"}, {"Tom Lee", "Demand is weak"}, {"Nordic Steel Holdings", "plant would close"}}},
		{"a trade word opening a sentence is no name", "Energy prices rose sharply, analysts said.",
			[][2]string{{"analysts", "Energy prices rose"}}},
		{"a dash in a running sentence is no signature", "The network licenses \"Politicking\" and \"Larry Now\" -- which was nominated for an award -- from Ora.",
			nil},
		{"a relative clause before the verb", "A diplomat who attended the meeting said the mood was grim.",
			[][2]string{{"A diplomat", "mood was grim"}}},
		{"a named apposition after a possessive", "Daria Volk spoke first.\n\nVolk's spokesman, Ivan Petrenko, said the minister would travel in the spring.",
			[][2]string{{"Ivan Petrenko", "would travel"}}},
		{"people of two parties", "The energy ministers of Norland and Kestrel said on Monday that the pipeline would be completed by 2027.",
			[][2]string{{"The energy ministers of Norland and Kestrel", "completed by 2027"}}},
		{"an interview with a paper", "Finance Minister Ruth Adler said in an interview with the Morning Post that spending cuts were unavoidable.",
			[][2]string{{"Ruth Adler", "^spending cuts were unavoidable."}}},
		{"cited as saying", "Her predecessor, Tomas Berg, was cited as saying by the Evening Standard that the cuts went too far.",
			[][2]string{{"Tomas Berg", "^the cuts went too far."}}},
		{"reported to have said", "Ruth Adler is reported to have said privately that she had no choice.",
			[][2]string{{"Ruth Adler", "she had no choice"}}},
		{"a body's head noun", "The federation said it regretted the decision.",
			[][2]string{{"The federation", "regretted the decision"}}},
		{"an event is no speaker", "Jobs announced the phone at a developers conference.",
			[][2]string{{"Jobs", "announced the phone"}}},
		{"a transcript label with a note", "HOST: Is the deal dead?\n\nORLOV (through translator): The deal is not dead.",
			[][2]string{{"HOST", "Is the deal dead?"}, {"ORLOV", "^The deal is not dead."}}},
		{"the statement", "Northline Rail said in a statement that the claims were baseless.\n\nAccording to the statement, the offer stands.",
			[][2]string{{"Northline Rail", "claims were baseless"}, {"Northline Rail", "the offer stands"}}},
		{"house verbs of South Asia", "Minister Rakesh Verma opined that the bills would help farmers.\n\nVerma informed that eleven rounds of talks had been held. Union leader Balwant Singh averred that the talks were a farce.",
			[][2]string{{"Rakesh Verma", "bills would help"}, {"Rakesh Verma", "eleven rounds"}, {"Balwant Singh", "talks were a farce"}}},
		{"praise after an apposition", "The chairman of the council, Tunde Ajayi, commended the governor for his efforts.",
			[][2]string{{"Tunde Ajayi", "^commended the governor"}}},
		{"a programme's quoted title", "Ruth Keane told CNN's \"State of the Union\" on Sunday that she had spoken to the White House.",
			[][2]string{{"Ruth Keane", "^she had spoken"}}},
		{"conceding a race is no speech", "Governor Mark Tolliver conceded the race in a brief speech to supporters.", nil},
		{"conceding a point is", "Governor Mark Tolliver conceded that the race was lost.", [][2]string{{"Mark Tolliver", "^the race was lost"}}},
		{"a quote resumed after a dash", "\"We will fight,\" the leader said -- \"and we will win.\"",
			[][2]string{{"the leader", "^\"We will fight,\" \"and we will win."}}},
		{"German quotation marks", "„We will not give in“, the chancellor said on Monday.",
			[][2]string{{"the chancellor", "^„We will not give in“"}}},
		{"an opinion verb and a speech verb coordinated", "Iran condemned the bombing of the embassies, and expressed sympathy for the families of the victims.",
			[][2]string{{"Iran", "^condemned the bombing"}, {"Iran", "sympathy for the families"}}},
		{"told reporters she", "Karin Aalto told reporters she was tired of waiting.",
			[][2]string{{"Karin Aalto", "^she was tired"}}},
		{"told his advisers", "Karin Aalto told his advisers to prepare a plan for the talks.",
			[][2]string{{"Karin Aalto", "^to prepare a plan"}}},
		{"a quote interrupted between sentences", "\"The lads showed real heart,\" Ashby told reporters. \"We kept going.\"",
			[][2]string{{"Ashby", "^\"The lads showed real heart,\" \"We kept going.\""}}},
		{"the message from", "The minister said the talks had stalled.\n\n\"We are ready to sign.\" That was the message from Ana Costa on Monday.",
			[][2]string{{"The minister", "talks had stalled"}, {"Ana Costa", "^\"We are ready to sign.\""}}},
		{"the verdict of", "\"Nothing is agreed until everything is agreed,\" was the verdict of one veteran diplomat.",
			[][2]string{{"one veteran diplomat", "^\"Nothing is agreed"}}},
		{"regretted that", "The president regretted that the talks had failed.", [][2]string{{"The president", "^the talks had failed"}}},
		{"regretting a decision is an act", "The union regretted the decision.", nil},
		{"two sides before the noun", "U.S. and Russian negotiators said key issues remained.",
			[][2]string{{"U.S. and Russian negotiators", "^key issues remained"}}},
		{"a court's ruling", "The Supreme Court ruled that the city had acted lawfully when it closed the road.",
			[][2]string{{"Supreme Court", "^the city had acted lawfully"}}},
		{"a rule is no verb", "As a general rule, we like what the new model brings.", nil},
		{"a dash signature", "\"We are tired of waiting for the council.\" -- Maria Lopez.",
			[][2]string{{"Maria Lopez", "tired of waiting"}}},
		{"a government official after a venue and a target", "WASHINGTON - The administration is weighing sanctions against Kestrel as talks in Geneva stall, a senior administration official said.",
			[][2]string{{"United States", "weighing sanctions"}}},
		{"a role and a name after the first mention", "White House press secretary Karen Lowell declined to give details, telling reporters at the briefing only that \"all options remain open.\"",
			[][2]string{{"Karen Lowell", "all options remain open"}}},
		{"a family name with its article opening a sentence", "Majed al-Ansari spoke in Doha.\n\n\"We are working day and night,\" al-Ansari said.",
			[][2]string{{"Majed al-Ansari", "working day and night"}}},
		{"a body's name with a possessive inside", "The Scottish Fishermen's Federation said the deal was a bitter pill.\n\nThe Prime Minister's Office said it would not comment.",
			[][2]string{{"Scottish Fishermen's Federation", "bitter pill"}, {"Prime Minister's Office", "not comment"}}},
		{"a place owns the body after its possessive", "Russia's Foreign Ministry said the talks would resume.",
			[][2]string{{"Foreign Ministry", "talks would resume"}}},
		{"and inside a title", "\"Both sides have made progress,\" Commerce and Industry Minister Piyush Rao said after meeting his counterpart.",
			[][2]string{{"Piyush Rao", "^\"Both sides have made progress"}}},
		{"a name in apposition to an inverted role", "\"We have come with a serious proposal,\" said the chief negotiator, Assistant Secretary James Whitlock.",
			[][2]string{{"James Whitlock", "serious proposal"}}},
		{"another of the sources", "One of the sources said a cut was on the table. Another said no decision had been made.",
			[][2]string{{"One of the sources", "cut was on the table"}, {"Another", "no decision"}}},
		{"another without a first one", "Another said no decision had been made.", nil},
		{"not specifying a date", "Anna Berg spoke on Monday. She did not specify the date.", nil},
		{"an armed attack", "The militant group attacked a convoy on Saturday. Gunmen attacked a police station.", nil},
		{"attacking a plan", "Senator Anna Berg attacked the plan as reckless.", [][2]string{{"Anna Berg", "attacked the plan"}}},
		{"a statement's medium before the subject", "In a statement posted on Telegram, the group said its fighters had destroyed two vehicles.",
			[][2]string{{"the group", "^its fighters"}}},
		{"a leader named by an apposition", "Opposition leader Anna Holm and Ivan Petrov, the Soviet party leader, signed the treaty.\n\nHolm left for home.\n\nThe Soviet leader said he hoped for more.",
			[][2]string{{"Ivan Petrov", "hoped for more"}}},
		{"a person with knowledge of", "A person with knowledge of the discussions said the session would resume after midnight.",
			[][2]string{{"A person with knowledge of the discussions", "^the session would resume"}}},
		{"that is how X put it", "\"We will not back down.\" That is how union leader Maria Costa put it on Thursday as the strike entered its third week.",
			[][2]string{{"Maria Costa", "^\"We will not back down.\""}}},
		{"told state television", "Foreign Minister Sameh Khalil told state television: \"We are in the final stage.\"",
			[][2]string{{"Sameh Khalil", "^\"We are in the final stage"}}},
		{"a readout speaks for who released it", "The White House said in a readout of the call that the leaders spoke.\n\nHolm \"emphasized the importance of peace,\" the readout said.",
			[][2]string{{"United States", "leaders spoke"}, {"United States", "^Holm \"emphasized"}}},
		{"a readout released by a side", "The two leaders agreed to meet again, according to a readout released by the Japanese side.",
			[][2]string{{"the Japanese side", "^The two leaders agreed"}}},
		{"an envoy for a place", "The U.N. envoy for Yemen said that peace talks could resume.",
			[][2]string{{"The U.N. envoy for Yemen", "^peace talks could resume"}}},
		{"a role owned by a movement", "The U.N. envoy, Hans Lindgren, said talks could resume.\n\nThe Houthi movement's chief negotiator said the group was ready.",
			[][2]string{{"Hans Lindgren", "talks could resume"}, {"The Houthi movement's chief negotiator", "^the group was ready"}}},
		{"lawyers for a party", "Lawyers for the plaintiffs called the decision \"a victory for the rule of law.\"",
			[][2]string{{"Lawyers for the plaintiffs", "a victory"}}},
		{"a possessive after the body told opens the content", "Fire Chief Ron Becker told the council his department would leave two posts unfilled.",
			[][2]string{{"Ron Becker", "^his department would"}}},
		{"a local title", "Councilwoman Deb Alvarez said the plan kicks the can down the road.",
			[][2]string{{"Deb Alvarez", "^the plan kicks"}}},
		{"a group named by a plural noun, then they", "The rebels said they had been excluded from the talks. They also demanded the release of their leaders.",
			[][2]string{{"The rebels", "^they had been excluded"}, {"The rebels", "release of their leaders"}}},
		{"a body named by a common noun, then it", "The Norland foreign ministry said it remained committed to the process. It added that a new round could be held in March.",
			[][2]string{{"The Norland foreign ministry", "^it remained committed"}, {"The Norland foreign ministry", "^a new round"}}},
		{"an occasion after the cue", "Russia will take measures in response, Foreign Minister Sergey Lavrov said at a news conference following talks with his British counterpart.",
			[][2]string{{"Sergey Lavrov", "^Russia will take measures"}}},
		{"according to inside the clause", "The talks, according to two diplomats briefed on them, have stalled over the border.",
			[][2]string{{"two diplomats briefed on them", "^The talks, according to two diplomats briefed on them, have stalled"}}},
		{"an inverted clause closing the unit after a statement's verb", "China urged Kestrel on Tuesday to stop interfering, said Foreign Ministry spokesperson Wang Lin at a regular press briefing.",
			[][2]string{{"Wang Lin", "^China urged Kestrel"}}},
		{"styles of address", "The Minister of Labour, Hon. Simon Bako, has said the strike must end. H.E. Alhaji Musa Danladi urged calm. Comrade Joe Ajaero said the strike would go on.",
			[][2]string{{"Simon Bako", "^the strike must end"}, {"Musa Danladi", "urged calm"}, {"Joe Ajaero", "^the strike would go on"}}},
		{"told reporters outside a hall", "\"We are here to make progress,\" the chief negotiator, Anna Berg, told reporters outside the conference hall.",
			[][2]string{{"Anna Berg", "^\"We are here to make progress"}}},
		{"an acronym in brackets inside the subject", "Pakistan is ready for a dialogue with India, Foreign Office (FO) spokesperson Mumtaz Zahra Baloch said.",
			[][2]string{{"Mumtaz Zahra Baloch", "^Pakistan is ready"}}},
		{"the journal a study appeared in is not its author", "Eating more sugar raises the risk, according to a study published Wednesday in the journal Nature Medicine.",
			[][2]string{{"a study published Wednesday in the journal Nature Medicine", "^Eating more sugar"}}},
		{"what X says with a clause after it", "Economists doubt what the minister says the plan would cost.",
			[][2]string{{"the minister", "^the plan would cost"}}},
		{"an as-clause before the content", "As the minister pointed out on Monday, the two sides have not met since February.",
			[][2]string{{"the minister", "^the two sides have not met"}}},
		{"an as-clause whose medium has commas in its name", "As Jane Holt wrote on her blog Save, Spend, Retire, \"Prices will fall next year.\"",
			[][2]string{{"Jane Holt", "^\"Prices will fall"}}},
		{"an as-clause inside the content", "Hawaii, as one adviser pointed out, rarely gets two storms in a row.",
			[][2]string{{"one adviser", "^Hawaii rarely gets"}}},
		{"an as-clause after a conjunction", "Yet, as the minister said, the deal is not dead.",
			[][2]string{{"the minister", "^the deal is not dead"}}},
		{"an as-clause with a naming verb keeps the name", "The deal was, as the minister called it, \"a surrender dressed up as a compromise.\"",
			[][2]string{{"the minister", "^called it, \"a surrender"}}},
		{"a list of reactions", "Governments reacted on Sunday.\n\n- German Chancellor Olaf Kessler: \"This is a good day for Europe.\"\n\n* Kenyan President William Ruto: rich nations must \"pay what they owe\".",
			[][2]string{{"Olaf Kessler", "^\"This is a good day"}, {"William Ruto", "^rich nations must"}}},
		{"a participle reports for the noun phrase opening the sentence", "Norway's fisheries minister defended the agreement, saying the country had secured its core demands.",
			[][2]string{{"Norway's fisheries minister", "^the country had secured"}}},
		{"a participle after a day between subject and verb", "The minister on Tuesday defended the agreement, telling lawmakers that the country had secured its core demands.",
			[][2]string{{"The minister", "^the country had secured"}}},
		{"justices speak as a bench", "The justices said the petitioners had failed to show that the contract was void.",
			[][2]string{{"The justices", "^the petitioners had failed"}}},
		{"officials here", "Officials here said privately that the offer was a sign of goodwill.",
			[][2]string{{"Officials", "^the offer was a sign"}}},
		{"people by trade where they are speak for themselves", "Analysts in Tokyo were cautious, saying the deal would take years to implement. Farmers' groups in Ireland and Poland voiced concerns, arguing that the deal would hurt them.",
			[][2]string{{"Analysts in Tokyo", "^the deal would take years"}, {"Farmers' groups in Ireland and Poland", "^the deal would hurt"}}},
		{"people by trade at a body speak for themselves", "Analysts at Capital Partners said in a note that the results were weak. An economist at Capital Partners said rates would rise.",
			[][2]string{{"Analysts at Capital Partners", "^the results were weak"}, {"An economist at Capital Partners", "^rates would rise"}}},
		{"one of a group named before", "Talks collapsed on Tuesday, diplomats said.\n\n\"It is over,\" one of them said.",
			[][2]string{{"diplomats", "^Talks collapsed"}, {"one of them", "^\"It is over"}}},
		{"a bare plural and a coordinated verb of saying", "Lawyers met the judge on Monday and said they would appeal.",
			[][2]string{{"Lawyers", "^they would appeal"}}},
		{"reported as saying", "Berg was reported as saying that Norland would not sign.",
			[][2]string{{"Berg", "^Norland would not sign"}}},
		{"a pronoun's message opens a quotation after a colon", "Foreign Minister Anna Berg met reporters. Her message was simple: \"We will not sign this text.\"",
			[][2]string{{"Anna Berg", "^\"We will not sign"}}},
		{"a name's reply opens a quotation after a colon", "Anna Berg met reporters. Berg's reply was swift: \"We will not sign this text.\"",
			[][2]string{{"Anna Berg", "^\"We will not sign"}}},
		{"an Administration official is American when the report names the United States", "Washington and Moscow met in Geneva. The Soviet Foreign Minister said Moscow was ready.\n\nA senior Administration official said the Russians had dropped their demand.",
			[][2]string{{"The Soviet Foreign Minister", "Moscow was ready"}, {"United States", "^the Russians had dropped"}}},
		{"an Administration official is of no country the report names otherwise", "The Soviet Foreign Minister said Moscow was ready.\n\nA senior Administration official said the Russians had dropped their demand.",
			[][2]string{{"The Soviet Foreign Minister", "Moscow was ready"}, {"A senior Administration official", "^the Russians had dropped"}}},
		{"an explainer's section label", "What's next: Officials will meet again in the coming weeks, Lars Holm said.\n\nWhat they're saying: \"We share an interest,\" Holm told reporters.",
			[][2]string{{"Lars Holm", "^Officials will meet"}, {"Lars Holm", "^\"We share an interest"}}},
		{"the person warned before a clause", "Lena Volkova warned the West it would pay a price.",
			[][2]string{{"Lena Volkova", "^it would pay a price"}}},
		{"a cue inside an opening subordinate clause, then the main clause", "While Anna Berg acknowledged that funding was short, Lars Holm noted several problems remained.",
			[][2]string{{"Anna Berg", "^funding was short"}, {"Lars Holm", "^several problems remained"}}},
		{"exhorted", "Senator Ted Ruiz exhorted Republicans to \"vote your conscience\".",
			[][2]string{{"Ted Ruiz", "^exhorted Republicans"}}},
		{"the role of the untitled person who spoke last", "Speaking on Monday, Nasser Karimi said the talks had been useful.\n\nThe spokesman further stated that no new proposal had arrived.",
			[][2]string{{"Nasser Karimi", "^the talks had been useful"}, {"Nasser Karimi", "^no new proposal"}}},
		{"a briefing's titled labels", "Reporter: Will the minister attend the summit?\n\nSpokesperson Lin Hao: We will release information in due course.\n\nThe Plan Stage: Think and dream.",
			[][2]string{{"Lin Hao", "release information"}}},
	} {
		out := an.Analyze(context.Background(), Input{Body: c.body})
		checkSpans(t, c.body, out)
		var got [][2]string
		for _, s := range out.Statements {
			got = append(got, [2]string{s.Speaker.Name, s.Text})
		}
		ok := len(got) == len(c.want)
		for i := 0; ok && i < len(got); i++ {
			// a fragment opening with "^" must open the text
			if f, prefix := strings.CutPrefix(c.want[i][1], "^"); prefix {
				ok = got[i][0] == c.want[i][0] && strings.HasPrefix(got[i][1], f)
			} else {
				ok = got[i][0] == c.want[i][0] && strings.Contains(got[i][1], f)
			}
		}
		if !ok {
			t.Errorf("%s: got %q; want %q", c.name, got, c.want)
		}
	}
}

// An ISO week dates a statement by the month all its days lie in, else
// by its year.
func TestWeekValue(t *testing.T) {
	for in, want := range map[string]string{
		"2023-W10":    "2023-03", // March 6-12
		"2023-W09":    "",        // Feb 27 - Mar 5: two months of one year
		"2023-W9":     "",
		"2023-W13-WE": "2023-04", // April 1-2
		"2023-W13":    "2023",    // March 27 - April 2
		"2020-W53":    "",        // Dec 28 2020 - Jan 3 2021
		"2023-W60":    "",
	} {
		if want == "" && (in == "2023-W09" || in == "2023-W9") {
			want = "2023"
		}
		if got := weekValue(in); got != want {
			t.Errorf("weekValue(%q) = %q, want %q", in, got, want)
		}
	}
}

// An embedded post closes with "— Name (@handle) Month D, YYYY": the
// paragraph before it is that person's, posted that day.
func TestEmbeddedPost(t *testing.T) {
	an, _ := New(nil, nil)
	pub := time.Date(2021, 3, 5, 0, 0, 0, 0, time.UTC)
	body := "Officials said the vote was delayed.\n\nWe are disappointed by the decision. The people deserve better.\n\n— Jane Roe (@janeroe) March 3, 2021\n\nThe party said it would appeal."
	out := an.Analyze(context.Background(), Input{Body: body, Published: pub, Timexes: miniTimex(body, pub)})
	checkSpans(t, body, out)
	if len(out.Statements) != 3 {
		t.Fatalf("got %+v", out.Statements)
	}
	s := out.Statements[1]
	if s.Speaker.Name != "Jane Roe" || !strings.HasPrefix(s.Text, "We are disappointed") || s.Kind != article.Direct || s.Date != "2021-03-03" || s.DateBasis != article.DateStated {
		t.Errorf("got %+v", s)
	}
}

// A ministry's statement about an event of the day its report was filed
// is of that day, though the report was stamped two days later.
func TestBodyStatementOnFiledDay(t *testing.T) {
	an, _ := New(nil, nil)
	pub := time.Date(2023, 3, 15, 0, 0, 0, 0, time.UTC) // a Wednesday
	filed := time.Date(2023, 3, 13, 0, 0, 0, 0, time.UTC)
	body := "OSLO, March 13. The two delegations met on Monday for six hours of talks on the fishing quota, the first round since the autumn, and agreed to meet again soon, the Fisheries Ministry said."
	out := an.Analyze(context.Background(), Input{Body: body, Published: pub, SameDay: true, Filed: filed, Timexes: miniTimex(body, pub)})
	if len(out.Statements) != 1 || out.Statements[0].Date != "2023-03-13" {
		t.Fatalf("statements %+v, want one dated 2023-03-13", out.Statements)
	}
}

// "said late on Monday that …": the time word and its "late" belong to
// the reporting clause, not to what was said.
func TestLateOnADayIsNoContent(t *testing.T) {
	an, _ := New(nil, nil)
	pub := time.Date(2023, 3, 15, 0, 0, 0, 0, time.UTC)
	body := "Anna Berg said late on Monday that the deal was dead."
	out := an.Analyze(context.Background(), Input{Body: body, Published: pub, Timexes: miniTimex(body, pub)})
	if len(out.Statements) != 1 || !strings.HasPrefix(out.Statements[0].Text, "the deal was dead") {
		t.Fatalf("statements %+v, want one reading \"the deal was dead\"", out.Statements)
	}
}

// A list of reactions quotes some whole and paraphrases others around a
// quoted fragment: the first are direct, the second mixed.
func TestReactionListKinds(t *testing.T) {
	an, _ := New(nil, nil)
	body := "Leaders reacted on Monday.\n\n- French President Marie Duval: \"We will hold everyone to their word.\"\n\n- Kenyan President William Ruto: rich nations must \"pay what they owe\"."
	out := an.Analyze(context.Background(), Input{Body: body})
	checkSpans(t, body, out)
	if len(out.Statements) != 2 {
		t.Fatalf("got %d statements, want 2: %+v", len(out.Statements), out.Statements)
	}
	if k := out.Statements[0].Kind; k != article.Direct {
		t.Errorf("quoted whole: kind %q, want direct", k)
	}
	if k := out.Statements[1].Kind; k != article.Mixed {
		t.Errorf("paraphrase with a fragment: kind %q, want mixed", k)
	}
}

// "…, but gave no details" tells how the speaker stopped short: it is the
// reporting clause's, not part of what was said.
func TestReticenceNotContent(t *testing.T) {
	an, _ := New(nil, nil)
	for body, want := range map[string]string{
		"Anna Berg said the government had new proposals on the crossings, but gave no details.": "the government had new proposals on the crossings",
		"Anna Berg said the ministry would act soon, but did not say when.":                      "the ministry would act soon",
		"Anna Berg said the talks would \"go on, but gave no details\" on the timing.":           "the talks would \"go on, but gave no details\" on the timing.",
		"Anna Berg said the plan, but did not say more.":                                         "the plan, but did not say more.",
	} {
		out := an.Analyze(context.Background(), Input{Body: body})
		if len(out.Statements) != 1 || out.Statements[0].Text != want {
			t.Errorf("%q: got %+v, want %q", body, out.Statements, want)
		}
	}
}

// A headline in capitals reads "WHAT LEADERS" as one name: still no
// statement.
func TestCapsWhatHeadline(t *testing.T) {
	an, _ := New(nil, nil)
	out := an.Analyze(context.Background(), Input{Title: "CLIMATE SUMMIT: WHAT LEADERS SAID ON DAY ONE", Body: "Leaders met on Monday."})
	if len(out.Statements) != 0 {
		t.Errorf("got %+v, want none", out.Statements)
	}
}

// A headline in capitals names the body its report names: "NORLAND BANK
// SAYS …" is Norland Bank's, as written in the body.
func TestCapsHeadlineCasedByBody(t *testing.T) {
	an, _ := New(nil, nil)
	out := an.Analyze(context.Background(), Input{Title: "NORLAND BANK SAYS RATES WILL RISE IN MAY",
		Body: "Norland Bank said on Monday that rates would rise. Norland Bank gave no figure."})
	var hl []article.Statement
	for _, s := range out.Statements {
		if s.Span[1] <= s.Span[0] { // a headline statement has no span
			hl = append(hl, s)
		}
	}
	if len(hl) != 1 || hl[0].Speaker.Name != "Norland Bank" {
		t.Errorf("headline statements %+v", hl)
	}
}

// An apposition's office replaces a ruler's honorific as the title:
// "Prince Omar bin Saad, the foreign minister, said …".
func TestOfficeOverHonorific(t *testing.T) {
	an, _ := New(nil, nil)
	out := an.Analyze(context.Background(), Input{Body: "Prince Omar bin Saad, the foreign minister, said the talks would resume.\n\nThe foreign minister added that a deal was near."})
	if len(out.Statements) != 2 || out.Statements[0].Speaker.Title != "foreign minister" || out.Statements[1].Speaker.Name != "Omar bin Saad" {
		t.Errorf("%+v", out.Statements)
	}
}

// kindOf counts quotation marks with byte searches; the reference reads
// every byte. Random strings over the marks and their lead bytes.
func TestKindOfMatchesReference(t *testing.T) {
	ref := func(s string) string {
		q := strings.Count(s, "''")
		for i := 0; i < len(s); i++ {
			if c := s[i]; c == '"' {
				q++
			} else if c == 0xE2 || c == 0xC2 {
				if r, _ := utf8.DecodeRuneInString(s[i:]); text.IsDoubleQuote(r) {
					q++
				}
			}
		}
		if strings.HasPrefix(s, "''") && strings.HasSuffix(strings.TrimRight(s, ".,;: "), "''") {
			return article.Direct
		}
		if q == 0 {
			return article.Indirect
		}
		if r0, r1 := firstLast(s); text.IsDoubleQuote(r0) && text.IsDoubleQuote(r1) {
			return article.Direct
		}
		return article.Mixed
	}
	parts := []string{"a", " ", "\"", "“", "”", "«", "»", "„", "''", "'", "é", "—", "\xe2", "\xc2", "x y", "."}
	r := rand.New(rand.NewSource(1))
	for n := 0; n < 50000; n++ {
		var b strings.Builder
		for k := r.Intn(12); k >= 0; k-- {
			b.WriteString(parts[r.Intn(len(parts))])
		}
		if s := b.String(); kindOf(s) != ref(s) {
			t.Fatalf("kindOf(%q) = %s, reference %s", s, kindOf(s), ref(s))
		}
	}
}

// one analyses in with an, checks its spans and that it gives exactly
// one statement, which it returns (ok false, and the test failed, when
// there is not exactly one).
func one(t *testing.T, an *Analyzer, in Input) (article.Statement, bool) {
	t.Helper()
	out := an.Analyze(context.Background(), in)
	checkSpans(t, in.Body, out)
	if len(out.Statements) != 1 {
		t.Errorf("%q: %d statements, want 1: %+v", in.Body, len(out.Statements), out.Statements)
		return article.Statement{}, false
	}
	return out.Statements[0], true
}
