package events

import (
	"context"
	"encoding/json"
	"errors"
	"github.com/parley-news/parley/internal/golden"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/quotes"
)

// tx is a time expression given by its text and value; its span is the
// first occurrence of the text in the body.
type tx struct{ text, value string }

func input(body string, pub string, ts ...tx) Input {
	in := Input{Body: body}
	if pub != "" {
		in.Published, _ = time.Parse("2006-01-02", pub)
	}
	for _, t := range ts {
		i := strings.Index(body, t.text)
		if i < 0 {
			panic("timex not in body: " + t.text)
		}
		in.Timexes = append(in.Timexes, article.Timex{Text: t.text, Type: article.Date, Value: t.value, Span: article.Span{i, i + len(t.text)}})
	}
	return in
}

func extract(t testing.TB, in Input) []article.Event {
	t.Helper()
	x, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return x.Extract(context.Background(), in)
}

func TestFamilies(t *testing.T) {
	cases := []struct {
		name, body          string
		typ, mode           string
		actor, target, date string
	}{
		{"meeting", "Norway and Chile met in Oslo on Tuesday.", Consult, "meet", "Norway", "", "2022-03-08"},
		{"visit", "The Italian foreign minister visited Cairo.", Consult, "visit", "Italy", "Egypt", ""},
		{"talks noun", "Poland held talks with Finland on Monday.", Consult, "", "Poland", "Finland", "2022-03-07"},
		{"written answer", "Ottawa replied in writing to the proposals.", Consult, "written", "Canada", "", ""},
		{"delivered draft", "Sweden delivered the draft treaty to Denmark.", Consult, "deliver", "Sweden", "Denmark", ""},
		{"published draft", "Japan published its draft agreement on fisheries.", Publish, "", "Japan", "", ""},
		{"agreement", "Spain and Portugal agreed to reopen the border.", Agree, "", "Spain", "", ""},
		{"intent to meet", "Greece will host the next round of talks.", Agree, "consult", "Greece", "", ""},
		{"demand", "Brazil demanded that Mexico withdraw the envoy.", Request, "", "Brazil", "Mexico", ""},
		{"a warning that threatens", "Chile warned it would respond with sanctions if Peru closed the border.", Threaten, "warn", "Chile", "Peru", ""},
		{"call for", "Austria called on Hungary to release the lorries.", Request, "", "Austria", "Hungary", ""},
		{"must", "Ukraine said Belarus must close the crossing.", Request, "demand", "Ukraine", "Belarus", ""},
		{"rejection", "Iran rejected the offer from Iraq.", Reject, "", "Iran", "Iraq", ""},
		{"refusal by negation", "Turkey will not accept the conditions.", Reject, "refuse", "Turkey", "", ""},
		{"warning", "Berlin warned Warsaw against the move.", Threaten, "warn", "Germany", "Poland", ""},
		{"threat of force", "Armenia threatened to attack Azerbaijan.", Threaten, "", "Armenia", "Azerbaijan", ""},
		{"intent to sanction", "France plans to impose sanctions on Syria.", Threaten, "sanction", "France", "Syria", ""},
		{"sanctions", "Canada imposed sanctions on Venezuela.", Sanction, "", "Canada", "Venezuela", ""},
		{"expulsion", "Latvia expelled two diplomats from Estonia.", Sanction, "expel", "Latvia", "Estonia", ""},
		{"accusation", "Serbia accused Romania of spying.", Accuse, "", "Serbia", "Romania", ""},
		{"praise", "Denmark praised Norway for the rescue.", Support, "praise", "Denmark", "Norway", ""},
		{"signing", "Egypt and Israel signed a treaty.", Support, "sign", "Egypt", "Israel", ""},
		{"troops", "Russia deployed troops near the border.", Mobilize, "troops", "Russia", "", ""},
		{"attack", "Syrian forces shelled the town.", Assault, "", "Syria", "", ""},
		{"arrest", "Cuban police arrested the organisers.", Coerce, "arrest", "Cuba", "", ""},
		{"protest", "Thousands demonstrated in Minsk.", Protest, "", "", "", ""},
		{"government protest is a complaint", "China protested to Japan about the visit.", Accuse, "complain", "China", "Japan", ""},
		{"withdrawal", "Israel withdrew its troops from Gaza.", Retreat, "withdraw", "Israel", "", ""},
		{"release", "Iran freed the hostages on Friday.", Retreat, "release", "Iran", "", "2022-03-04"},
		{"aid", "Australia sent food aid to Pakistan.", Aid, "", "Australia", "Pakistan", ""},
		{"concession", "Egypt lifted the curfew.", Concede, "", "Egypt", "", ""},
		{"governed complement", "Cuba agreed to stop the attacks.", Agree, "", "Cuba", "", ""},
		{"passive", "The convoy was attacked by Iraqi forces.", Assault, "", "Iraq", "", ""},
		{"progressive is not passive", "Officials said that Canada is proposing new talks with Cuba.", Agree, "propose", "Canada", "Cuba", ""},
		{"phone call", "Japan and China spoke by phone on Monday.", Consult, "phone", "Japan", "China", "2022-03-07"},
		{"talks were held", "Talks between Peru and Chile were held in Lima.", Consult, "", "Peru", "Chile", ""},
		{"reply to proposals", "Madrid responded to the proposals from Rabat.", Consult, "reply", "Spain", "", ""},
		{"the person named beside a title", "The Polish ambassador, Anna Nowak, delivered the letter to Ukraine.", Consult, "deliver", "Anna Nowak", "Ukraine", ""},
		{"last week", "Last week, Japan and China met in Tokyo.", Consult, "meet", "Japan", "China", "2022-02"},
		{"troops arriving are a deployment", "Canadian troops arrived in Latvia.", Mobilize, "troops", "Canada", "", ""},
		{"ruled out", "Poland ruled out talks with Belarus.", Reject, "", "Poland", "Belarus", ""},
		{"embassy closed", "Canada closed its embassy in Iran.", Sanction, "withdraw", "Canada", "", ""},
		{"subject is not the object", "The talks between Spain and Italy ended on Monday.", Consult, "", "Spain", "Italy", "2022-03-07"},
		{"coordinated past verb after a governing one", "Syria accused Israel of shelling and deployed troops.", Accuse, "", "Syria", "Israel", ""},
	}
	pub := "2022-03-09" // a Wednesday
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := input(c.body, pub)
			// Weekdays as the timex stage resolves them against pub.
			for _, w := range []tx{{"Tuesday", "2022-03-08"}, {"Monday", "2022-03-07"}, {"Friday", "2022-03-04"}, {"Last week", "2022-W08"}} {
				if i := strings.Index(c.body, w.text); i >= 0 {
					in.Timexes = append(in.Timexes, article.Timex{Text: w.text, Type: article.Date, Value: w.value, Span: article.Span{i, i + len(w.text)}})
				}
			}
			evs := extract(t, in)
			if len(evs) == 0 {
				t.Fatalf("no event")
			}
			e := evs[0]
			if e.Type != c.typ || e.Mode != c.mode {
				t.Errorf("type %s/%s, want %s/%s", e.Type, e.Mode, c.typ, c.mode)
			}
			if e.Actor.Name != c.actor {
				t.Errorf("actor %q, want %q", e.Actor.Name, c.actor)
			}
			got := ""
			if e.Target != nil {
				got = e.Target.Name
			}
			if c.target != "" && got != c.target {
				t.Errorf("target %q, want %q", got, c.target)
			}
			if e.Date != c.date {
				t.Errorf("date %q, want %q", e.Date, c.date)
			}
			if c.body[e.Span[0]:e.Span[1]] != e.Text {
				t.Errorf("span %v does not hold text %q", e.Span, e.Text)
			}
		})
	}
}

// TestNoEvent: negated, hypothetical and descriptive uses report nothing.
func TestNoEvent(t *testing.T) {
	for _, body := range []string{
		"Norway did not meet Chile.",
		"The two ministers have never met.",
		"Sweden avoided discussing the draft.",
		"Russia's core demands were ignored.",
		"The offer was generous.",
		"The ministry released a statement.",
		"They want their security interests not to be brutally attacked.",
		"Chile sent troops in order to de-escalate.", // MOBILIZE only
		`He said: "We will attack."`,                 // quoted speech is not read
		"The talks with Peru were long.",
		"Mr. Ban's record on the issue was mixed; the Security Council Rally was a success.", // capitalised words are names
		"The outlet reported it in protest.",
		"Peru succeeded by offering nothing.",
		// What was said about a thing is not the thing done.
		"Chile warned that the draft did not contain a reply to the main question.",
		"If Peru deploys troops on the border, talks will end.",                 // hypothetical
		"The Chilean ministry declined to comment on the talks.",                // no answer is no refusal
		"Asked about the French position, the Peruvian minister said nothing.",  // a reporter's question
		"It was not immediately clear whether Peru and Chile would meet again.", // an open question
		"The minister declined to say when Peru would sign the agreement.",      // what was not said
	} {
		evs := extract(t, input(body, ""))
		for _, e := range evs {
			if body == "Chile sent troops in order to de-escalate." && e.Type == Mobilize {
				continue
			}
			t.Errorf("%q: unexpected %s (%s) %q", body, e.Type, e.Mode, e.Text)
		}
	}
}

func TestDates(t *testing.T) {
	cases := []struct {
		name string
		in   Input
		want string
	}{
		{"full date fronted", input("On December 3, 2021, Peru published the draft treaty.", "2022-01-10", tx{"December 3, 2021", "2021-12-03"}), "2021-12-03"},
		{"weekday resolved by timex", input("Peru and Chile met on Wednesday.", "2022-01-14", tx{"Wednesday", "2022-01-12"}), "2022-01-12"},
		{"weekday left open, published known", input("Peru and Chile met on Wednesday.", "2022-01-14", tx{"Wednesday", "XXXX-WXX-3"}), "2022-01-12"},
		{"weekday without publication date", input("Peru and Chile met on Wednesday.", "", tx{"Wednesday", "XXXX-WXX-3"}), ""},
		{"day without year, anchored on the text", input("On January 26, Peru replied in writing to the drafts of December 17, 2021.", "",
			tx{"January 26", "XXXX-01-26"}, tx{"December 17, 2021", "2021-12-17"}), "2022-01-26"},
		{"month", input("Earlier this month, Peru received the written reply.", "2022-02-20", tx{"Earlier this month", "2022-02"}), "2022-02"},
		{"possessive date on a noun", input("Peru and Chile had a tense exchange at Friday's meeting of the council.", "2022-01-15", tx{"Friday", "2022-01-14"}), "2022-01-14"},
		{"date of the reporting verb is not the event's", input("Peru said on Thursday that Chile had handed over the draft documents.", "2022-01-15", tx{"Thursday", "2022-01-13"}), ""},
		{"since is not a date of the event", input("Peru and Chile met, the first meeting since 2019.", "2022-01-15", tx{"2019", "2019"}), ""},
		{"past act, month without year after publication", input("Peru handed over the draft documents in December.", "2022-01-10", tx{"December", "2022-12"}), "2021-12"},
		{"announced act, weekday before publication", input("The next round of talks will be held on Wednesday.", "2022-01-10", tx{"Wednesday", "2022-01-05"}), "2022-01-12"},
		{"written year is never corrected", input("Peru handed over the draft documents in December 2022.", "2022-01-10", tx{"December 2022", "2022-12"}), "2022-12"},
		{"statement date of a cue trigger", input("Chile warned on Monday that it would close the border.", "2022-01-15", tx{"Monday", "2022-01-10"}), "2022-01-10"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			evs := extract(t, c.in)
			if len(evs) == 0 {
				t.Fatal("no event")
			}
			if evs[0].Date != c.want {
				t.Errorf("date %q (%s %q), want %q", evs[0].Date, evs[0].Type, evs[0].Text, c.want)
			}
		})
	}
}

// TestPronouns: "they" after a meeting are its parties; "it" in a reported
// clause is the reporting subject.
func TestPronouns(t *testing.T) {
	body := "Spain and Italy met in Rome. They agreed to meet again. Germany said it would host the talks."
	evs := extract(t, input(body, ""))
	if len(evs) != 3 {
		t.Fatalf("got %d events, want 3: %+v", len(evs), evs)
	}
	if evs[1].Type != Agree || evs[1].Actor.Name != "Spain" {
		t.Errorf("they: %s by %q, want AGREE by Spain", evs[1].Type, evs[1].Actor.Name)
	}
	if evs[2].Actor.Name != "Germany" {
		t.Errorf("it: actor %q, want Germany", evs[2].Actor.Name)
	}
}

func TestActors(t *testing.T) {
	// Mentions as the actors stage gives them: a capital stands for its
	// country; an unresolved role phrase finds the last named person.
	body := "Sergio Ruiz visited Washington. The minister then met officials of the Kremlin."
	in := input(body, "")
	add := func(text, typ, actor string) {
		i := strings.Index(body, text)
		in.Mentions = append(in.Mentions, article.Mention{Text: text, Type: typ, Actor: actor, Span: article.Span{i, i + len(text)}})
	}
	add("Sergio Ruiz", article.Person, "Sergio Ruiz")
	add("Washington", article.GPE, "")
	add("Kremlin", article.GPE, "Russia")
	in.Actors = []article.Actor{{Name: "Sergio Ruiz", Title: "Minister", Kind: article.Person, Aliases: []string{"Ruiz"}}}
	evs := extract(t, in)
	if len(evs) != 2 {
		t.Fatalf("got %d events, want 2: %+v", len(evs), evs)
	}
	if evs[0].Actor.Name != "Sergio Ruiz" || evs[0].Actor.Title != "Minister" || evs[0].Actor.Aliases != nil {
		t.Errorf("actor %+v", evs[0].Actor)
	}
	if evs[0].Target == nil || evs[0].Target.Name != "United States" {
		t.Errorf("target %+v, want United States", evs[0].Target)
	}
	if evs[1].Actor.Name != "Sergio Ruiz" || evs[1].Target == nil || evs[1].Target.Name != "Russia" {
		t.Errorf("second event %+v", evs[1])
	}
}

func TestLexiconValid(t *testing.T) {
	if _, err := compile(lexicon); err != nil {
		t.Fatal(err)
	}
	bad := []entry{{Forms: "meet", Type: "MEETING"}}
	if _, err := compile(bad); !errors.Is(err, ErrLexicon) {
		t.Errorf("unknown type: err %v, want ErrLexicon", err)
	}
	if _, err := compile([]entry{{Forms: "Meet", Type: Consult}}); !errors.Is(err, ErrLexicon) {
		t.Errorf("upper-case form: err %v, want ErrLexicon", err)
	}
	for _, c := range []struct{ base, want string }{{"agree", "agreed"}, {"deny", "denied"}, {"discuss", "discusses"}, {"visit", "visiting"}} {
		if !strings.Contains(strings.Join(inflect(c.base), " "), c.want) {
			t.Errorf("inflect(%q) = %v, want %q", c.base, inflect(c.base), c.want)
		}
	}
}

func TestResolve(t *testing.T) {
	pub, _ := time.Parse("2006-01-02", "2022-01-14") // a Friday
	cases := []struct{ v, want string }{
		{"2022-01-12", "2022-01-12"}, {"2022-01-12T10:00", "2022-01-12"}, {"2022-01", "2022-01"}, {"2021", "2021"},
		{"XXXX-12-30", "2021-12-30"}, {"XXXX-01-20", "2022-01-20"}, {"XXXX-WXX-3", "2022-01-12"}, {"XXXX-WXX-5", "2022-01-14"},
		{"XXXX-11", "2021-11"}, {"PRESENT_REF", ""}, {"P1M", ""}, {"2022-W02", "2022-01"}, {"2022-W05", ""}, {"2022-W99", ""},
	}
	for _, c := range cases {
		if got := resolve(c.v, pub, true); got != c.want {
			t.Errorf("resolve(%q) = %q, want %q", c.v, got, c.want)
		}
	}
	if got := resolve("XXXX-WXX-3", pub, false); got != "" {
		t.Errorf("weekday against a guessed anchor = %q, want empty", got)
	}
}

// goldenIn is a testdata input: an article written for the test, its
// publication date and its time expressions (text → value; span = first
// occurrence).
type goldenIn struct {
	Published string      `json:"published"`
	Body      string      `json:"body"`
	Timexes   [][2]string `json:"timexes"`
}

func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.in.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var g goldenIn
			if err := json.Unmarshal(data, &g); err != nil {
				t.Fatal(err)
			}
			var ts []tx
			for _, p := range g.Timexes {
				ts = append(ts, tx{p[0], p[1]})
			}
			evs := extract(t, input(g.Body, g.Published, ts...))
			got, _ := json.MarshalIndent(evs, "", "  ")
			want := strings.TrimSuffix(f, ".in.json") + ".golden.json"
			golden.Check(t, want, got)
		})
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	x, _ := New(nil)
	if evs := x.Extract(ctx, input("Peru met Chile.", "")); len(evs) != 0 {
		t.Errorf("cancelled context: %d events", len(evs))
	}
}

func FuzzExtract(f *testing.F) {
	f.Add("Norway and Chile met in Oslo on Tuesday.", 9, 16)
	f.Add("Iran will not accept the conditions; it threatened to attack. \"We refuse.\"", 0, 4)
	f.Add("The convoy was attacked by. by by", 3, 40)
	f.Add("\xff\xfe met on \u00a0 Friday’s meeting of", 2, 1)
	x, err := New(nil)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body string, a, b int) {
		in := Input{Body: body, Timexes: []article.Timex{{Type: article.Date, Value: "XXXX-01-26", Span: article.Span{a, b}}},
			Mentions:   []article.Mention{{Text: "x", Type: article.GPE, Actor: "Russia", Span: article.Span{b, a}}, {Type: article.Org, Span: article.Span{a, a + 3}}},
			Statements: []article.Statement{{CueSpan: article.Span{a, b}, Span: article.Span{0, len(body)}, Speaker: article.Actor{Name: "X"}}}}
		for _, e := range x.Extract(context.Background(), in) {
			if e.Span[0] < 0 || e.Span[1] > len(body) || e.Span[0] > e.Span[1] {
				t.Fatalf("span %v out of range %d", e.Span, len(body))
			}
			if body[e.Span[0]:e.Span[1]] != e.Text {
				t.Fatalf("text %q is not the span", e.Text)
			}
			if !knownTypes[e.Type] {
				t.Fatalf("unknown type %q", e.Type)
			}
		}
	})
}

const benchBody = `OSLO, March 9. Norway and Chile met in Oslo on Tuesday to discuss the fisheries dispute, the Norwegian foreign ministry said.
The Chilean delegation delivered the draft agreement to Norway and called on Oslo to reply in writing. Norway will not accept the conditions, its minister said on Wednesday.
On March 1, 2022, Peru published its own draft treaty. Ecuador rejected the offer and warned that it could impose sanctions on Peru.
Thousands demonstrated in Lima. Police arrested the organisers; the government later lifted the curfew and freed the detainees.
Argentine forces shelled the border post, and Bolivia deployed troops near the frontier. The two countries have never met since the war.
`

func BenchmarkExtract(b *testing.B) {
	x, err := New(nil)
	if err != nil {
		b.Fatal(err)
	}
	in := input(strings.Repeat(benchBody, 8), "2022-03-09", tx{"Tuesday", "2022-03-08"}, tx{"Wednesday", "2022-03-09"}, tx{"March 1, 2022", "2022-03-01"})
	b.SetBytes(int64(len(in.Body)))
	b.ReportAllocs()
	ctx := context.Background()
	for b.Loop() {
		x.Extract(ctx, in)
	}
}

// newsBody is a report with the density of events of real coverage: most
// sentences are background, quotes or comment.
const newsBody = `GENEVA, March 9. Norway and Chile met in Geneva on Tuesday to discuss the fisheries dispute that has strained relations between the two countries for more than a decade, the Norwegian foreign ministry said in a statement.
"We have listened carefully to each other, and we understand the position of our partners better now," the head of the Norwegian delegation told reporters after the session, which lasted almost five hours. "There is still a long way to go."
The dispute concerns the quotas for several species in the southern waters, where both fleets have operated since the early 1990s. Scientists have warned for years that stocks are declining, and environmental groups have pressed both governments to agree on stricter limits.
The Chilean delegation delivered its draft agreement to Norway at the end of the meeting. According to diplomats familiar with the text, it proposes a joint monitoring body, a shared database of catches and an arbitration panel for future disagreements.
Analysts in Oslo said the proposal was more detailed than expected. "It is a serious document, and it deserves a serious answer," said one researcher at a university institute, who has followed the talks since they began.
The next round is expected in Santiago in April, although no date has been set. Officials on both sides cautioned that a final settlement could take years, given the number of technical questions that remain open and the pressure from the industry at home.
`

func BenchmarkExtractNews(b *testing.B) {
	x, err := New(nil)
	if err != nil {
		b.Fatal(err)
	}
	in := input(strings.Repeat(newsBody, 4), "2022-03-09", tx{"Tuesday", "2022-03-08"}, tx{"April", "2022-04"})
	b.SetBytes(int64(len(in.Body)))
	b.ReportAllocs()
	ctx := context.Background()
	for b.Loop() {
		x.Extract(ctx, in)
	}
}

// TestConcurrent: one Extractor used from many goroutines gives each
// article the events it gives it alone (the pooled working state is not
// shared).
func TestConcurrent(t *testing.T) {
	x, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	bodies := []string{benchBody, newsBody, "Spain and Italy met in Rome. They agreed to meet again.", strings.Repeat(newsBody, 3)}
	want := make([]string, len(bodies))
	for i, b := range bodies {
		j, _ := json.Marshal(x.Extract(context.Background(), input(b, "2022-03-09")))
		want[i] = string(j)
	}
	done := make(chan error)
	for g := 0; g < 8; g++ {
		go func(g int) {
			for k := 0; k < 20; k++ {
				i := (g + k) % len(bodies)
				j, _ := json.Marshal(x.Extract(context.Background(), input(bodies[i], "2022-03-09")))
				if string(j) != want[i] {
					done <- errors.New("different events under concurrency for body " + strconv.Itoa(i))
					return
				}
			}
			done <- nil
		}(g)
	}
	for g := 0; g < 8; g++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

// A conditional demand in reported speech is the speaker's REQUEST, not the
// act it asks to stop.
func TestConditionalDemand(t *testing.T) {
	q, err := quotes.New(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	body := "If Peru wants calm, it should stop sending weapons to the rebels, Chile said."
	out := q.Analyze(context.Background(), quotes.Input{Body: body})
	evs := extract(t, Input{Body: body, Mentions: out.Mentions, Statements: out.Statements, Actors: out.Actors})
	if len(evs) != 1 || evs[0].Type != Request || evs[0].Actor.Name != "Chile" {
		t.Fatalf("got %+v, want one REQUEST by Chile", evs)
	}
}

// The actor of an event whose trigger is a statement's cue, or whose
// subject is the pronoun opening a statement's content, is the statement's
// speaker as quotes resolved it; a source's terms with the reporter are no
// request; a time zone is no actor.
func TestActorsFromStatements(t *testing.T) {
	q, err := quotes.New(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ body, typ, actor string }{
		{"Peru's trade minister met the envoy. His Chilean counterpart conceded that some progress had been made.", Concede, "His Chilean counterpart"},
		{"09:30 GMT - Hamas said in a statement that it had accepted the proposal.", Agree, "Hamas"},
		{"The trade minister said she might accept a shorter transition period.", Agree, "The trade minister"},
	} {
		out := q.Analyze(context.Background(), quotes.Input{Body: c.body})
		in := Input{Body: c.body, Statements: out.Statements, Mentions: out.Mentions}
		var got []string
		ok := false
		for _, e := range extract(t, in) {
			got = append(got, e.Type+" by "+e.Actor.Name)
			if e.Type == c.typ && e.Actor.Name == c.actor {
				ok = true
			}
		}
		if !ok {
			t.Errorf("%q: %v, want %s by %s", c.body, got, c.typ, c.actor)
		}
	}
	body := "Soviet officials, who asked not to be identified, said Moscow was ready. A diplomat who requested anonymity said so."
	for _, e := range extract(t, input(body, "")) {
		if e.Type == Request {
			t.Errorf("%q: unexpected %s %q", body, e.Type, e.Text)
		}
	}
}
