package dossier

import (
	"bufio"
	"encoding/json"
	"github.com/parley-news/parley/internal/golden"
	"os"
	"strings"
	"testing"
)

func testDossier(t testing.TB) *Dossier {
	t.Helper()
	d, err := Load("testdata/stance/dossier.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// want is one expected link: issue, party, stance, and whether the holder
// is reported by another side's speaker.
type want struct {
	issue, party string
	stance       Stance
	reported     bool
}

func TestClassify(t *testing.T) {
	d := testDossier(t)
	c := NewClassifier(d, nil)
	syl := Utterance{Speaker: "Ana Ruiz", Title: "Foreign Minister", Affiliation: "Sylvania"}
	fre := Utterance{Speaker: "Jon Berg", Title: "Water Minister", Affiliation: "Freedonia"}
	with := func(u Utterance, text string) Utterance { u.Text = text; return u }
	tests := []struct {
		name string
		u    Utterance
		want []want
	}{
		// Cue families.
		{"demand", with(syl, "Sylvania demands that Freedonia halt the dam immediately."),
			[]want{{"dam-halt", "Sylvania", For, false}}},
		{"insist", with(syl, "Sylvan City insisted on an equal share of the water."),
			[]want{{"water-share", "Sylvania", For, false}}},
		{"modal must: the speaker's demand on the other side", with(syl, "Freedonia must stop building the dam before the rains."),
			[]want{{"dam-halt", "Sylvania", For, false}}},
		{"nominal need", with(syl, "the need to halt the dam is obvious to everyone."),
			[]want{{"dam-halt", "Sylvania", For, false}}},
		{"call on", Utterance{Speaker: "Basin Council", Text: "the council called on both sides to set up a joint commission."},
			[]want{{"joint-monitoring", "Basin Council", For, false}}},
		{"want", with(syl, "we want half of the flow, no less."),
			[]want{{"water-share", "Sylvania", For, false}}},
		{"reject", with(fre, "Fredville rejected an equal share of the water."),
			[]want{{"water-share", "Freedonia", Against, false}}},
		{"reject of the demand to stop: against", with(syl, "Freedonia rejected the demand to stop building the dam."),
			[]want{{"dam-halt", "Freedonia", Against, true}}},
		{"will never accept", with(fre, "We will never accept an equal share of the water."),
			[]want{{"water-share", "Freedonia", Against, false}}},
		{"unacceptable after the phrase", with(fre, "An equal share of the water is unacceptable."),
			[]want{{"water-share", "Freedonia", Against, false}}},
		{"will not allow", with(fre, "Freedonia will not allow joint monitoring of its bank."),
			[]want{{"joint-monitoring", "Freedonia", Against, false}}},
		{"propose", with(fre, "Freedonia proposed joint monitoring of the whole river."),
			[]want{{"joint-monitoring", "Freedonia", For, false}}},
		{"support", with(syl, "Sylvania supports a joint commission."),
			[]want{{"joint-monitoring", "Sylvania", For, false}}},
		{"commit: will continue to", with(fre, "Freedonia will continue to finish the dam."),
			[]want{{"dam-halt", "Freedonia", Against, false}}},
		{"related phrase, no cue: unclear", with(fre, "the river data was published on Monday."),
			[]want{{"joint-monitoring", "Freedonia", Unclear, false}}},

		// Negation, scope-aware.
		{"negated against phrase states for", with(fre, "Fredville will not complete the dam this year."),
			[]want{{"dam-halt", "Freedonia", For, false}}},
		{"negated cue", with(fre, "Freedonia does not want a joint commission."),
			[]want{{"joint-monitoring", "Freedonia", Against, false}}},
		{"phrase negation folded: stop building ~ non-construction", with(syl, "Sylvania demands the non-construction of the dam."),
			[]want{{"dam-halt", "Sylvania", For, false}}},
		{"negation outside the clause does not count", with(syl, "No one doubts it: Sylvania wants an equal share of the water."),
			[]want{{"water-share", "Sylvania", For, false}}},

		{"giving up is a negation", with(syl, "Freedonia refused to give up the historic allocation."),
			[]want{{"water-share", "Freedonia", Against, true}}},
		{"abandoning is a negation", with(fre, "Fredville abandoned the historic allocation."),
			[]want{{"water-share", "Freedonia", For, false}}},

		{"an embedded cue's negation is not the phrase's", with(fre, "Freedonia insists it will not allow the historic allocation to be overturned."),
			[]want{{"water-share", "Freedonia", Against, false}}},

		{"a reversing passive after the phrase", with(syl, "Sylvania will not allow the historic allocation to be scrapped."),
			[]want{{"water-share", "Sylvania", Against, false}}},

		// Negation scoped to a reversing verb: not closing the open door
		// keeps it open.
		{"negated reversing verb keeps the phrase's side", with(fre, "Freedonia would not close its open door."),
			[]want{{"membership-freeze", "Freedonia", Against, false}}},
		{"closing the open door is for the freeze", with(fre, "Freedonia will close its open door."),
			[]want{{"membership-freeze", "Freedonia", For, false}}},

		// Hedges: no firm stance.
		{"may", with(fre, "Freedonia may halt the dam."), []want{{"dam-halt", "Freedonia", Unclear, false}}},
		{"unlikely", with(fre, "It is unlikely that Freedonia will halt the dam."), []want{{"dam-halt", "Freedonia", Unclear, false}}},
		{"asked whether", with(syl, "Sylvania asked whether Freedonia would halt the dam."), []want{{"dam-halt", "Sylvania", Unclear, false}}},
		{"an offer that may be made is conditional", with(fre, "Freedonia could propose joint monitoring."), []want{{"joint-monitoring", "Freedonia", Conditional, false}}},

		// Whole words and word forms, never loose prefixes.
		{"a nominalisation matches its verb", with(syl, "Sylvania demands the halting of the dam."), []want{{"dam-halt", "Sylvania", For, false}}},

		// Conditional.
		{"provided that", with(fre, "Fredville would consider joint monitoring, provided that Sylvania shares its river data."),
			[]want{{"joint-monitoring", "Freedonia", Conditional, false}}},
		{"no cue, with a condition", with(fre, "we will build monitoring stations if Sylvania pays for them."),
			[]want{{"joint-monitoring", "Freedonia", Conditional, false}}},
		{"a refusal with unless", with(fre, "Fredville will not halt the dam unless Sylvania shares its river data."),
			[]want{{"dam-halt", "Freedonia", Conditional, false}, {"joint-monitoring", "Freedonia", For, false}}},
		{"only if", with(syl, "Sylvania would support a joint commission, but only if it meets monthly."),
			[]want{{"joint-monitoring", "Sylvania", Conditional, false}}},
		{"the phrase inside the condition is a demand", with(syl, "Sylvania is ready to drop its claims if Freedonia halts the dam."),
			[]want{{"dam-halt", "Sylvania", For, false}}},
		{"a condition on a demand keeps it a demand", with(syl, "if Freedonia wants peace, it should halt the dam."),
			[]want{{"dam-halt", "Sylvania", For, false}}},

		// Counter-offers.
		{"instead", with(fre, "Fredville proposed monitoring stations on its own bank instead of a joint commission."),
			[]want{{"joint-monitoring", "Freedonia", Counter, false}}},
		{"an offer on another issue touches this one", with(fre, "Freedonia offered half of the flow, with monitoring stations run by its engineers."),
			[]want{{"water-share", "Freedonia", For, false}, {"joint-monitoring", "Freedonia", Counter, false}}},

		// Holder is not the speaker.
		{"evasion reported by the other side", with(fre, "Sylvania has ignored our proposal for joint monitoring."),
			[]want{{"joint-monitoring", "Sylvania", Against, true}, {"joint-monitoring", "Freedonia", For, false}}},
		{"evasion by a non-party: only the reporter's side", with(fre, "the mediators avoided discussing joint monitoring."),
			[]want{{"joint-monitoring", "Freedonia", For, false}}},
		{"denied mention", with(syl, "Neither joint monitoring nor river data were mentioned by Fredville."),
			[]want{{"joint-monitoring", "Freedonia", Against, true}, {"joint-monitoring", "Sylvania", For, false}}},
		{"coordinated subjects are each a holder", with(syl, "Freedonia and the council rejected an equal share of the water."),
			[]want{{"water-share", "Freedonia", Against, true}, {"water-share", "Basin Council", Against, true}}},
		{"three coordinated subjects", Utterance{Speaker: "a spokesman", Text: "Freedonia, Sylvania and the council agreed on a joint commission."},
			[]want{{"joint-monitoring", "Freedonia", For, true}, {"joint-monitoring", "Sylvania", For, true}, {"joint-monitoring", "Basin Council", For, true}}},
		{"a later clause has its own frame and holder", Utterance{Speaker: "a mediator", Text: "Freedonia proposed a joint commission, but Sylvania rejected joint monitoring."},
			[]want{{"joint-monitoring", "Freedonia", For, true}, {"joint-monitoring", "Sylvania", Against, true}}},
		{"a list continued with and keeps the frame", with(syl, "Freedonia ignored our proposals: an equal share of the water, and joint monitoring."),
			[]want{{"water-share", "Freedonia", Against, true}, {"water-share", "Sylvania", For, false}, {"joint-monitoring", "Freedonia", Against, true}, {"joint-monitoring", "Sylvania", For, false}}},
		{"possessive owner of a nominal cue", with(fre, "one of Sylvania's core demands is an equal share of the water."),
			[]want{{"water-share", "Sylvania", For, true}}},
		{"reporting verb passes the holder on", with(fre, "Sylvania stressed at the meeting that it wants half of the flow."),
			[]want{{"water-share", "Sylvania", For, true}}},
		{"agent of a passive", with(syl, "the plan presented by Freedonia did not contain a positive reaction to the non-construction of the dam."),
			[]want{{"dam-halt", "Freedonia", Against, true}, {"dam-halt", "Sylvania", For, false}}},
		{"members of a party are not the party", with(syl, "Council members avoided any talk of joint monitoring."),
			[]want{{"joint-monitoring", "Sylvania", For, false}}},
		{"disputing a reading is not rejecting the principle", with(syl, "Sylvania cannot accept Freedonia's interpretation of an equal share of the water."),
			[]want{{"water-share", "Sylvania", For, false}}},

		// Party from affiliation, alias, member, name.
		{"affiliation is an alias", Utterance{Speaker: "Marta Lind", Affiliation: "Sylvan City", Text: "we need half of the flow."},
			[]want{{"water-share", "Sylvania", For, false}}},
		{"speaker is a member body", Utterance{Speaker: "Water Ministry", Text: "work to finish the dam goes on."},
			[]want{{"dam-halt", "Freedonia", Against, false}}},
		{"speaker is the party", Utterance{Speaker: "Sylvania", Text: "an equal share of the water is the only fair outcome."},
			[]want{{"water-share", "Sylvania", For, false}}},
		{"party named in the title", Utterance{Speaker: "Ola Dahl", Title: "Freedonian side negotiator", Text: "we will complete the dam."},
			[]want{{"dam-halt", "Freedonia", Against, false}}},
		{"capitalised alias is not the pronoun", with(syl, "give us half of the flow, SYL says."),
			[]want{{"water-share", "Sylvania", For, false}}},
		{"no cue, another party's deed: no stance", with(syl, "Freedonia has built monitoring stations on its bank."), nil},
		{"no party: no link", Utterance{Speaker: "a farmer", Text: "we need half of the flow."}, nil},
		{"no issue: no link", with(syl, "the weather was fine."), nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := c.Classify(tc.u)
			var g []want
			for _, l := range got {
				g = append(g, want{l.Issue, l.Party, l.Stance, l.Reported})
				if l.Span.Start() < 0 || l.Span.End() > len(tc.u.Text) || l.Span.Len() <= 0 {
					t.Errorf("span %v outside the text", l.Span)
				}
			}
			if len(g) != len(tc.want) {
				t.Fatalf("got %+v, want %+v", got, tc.want)
			}
			for i := range g {
				if g[i] != tc.want[i] {
					t.Errorf("link %d = %+v, want %+v (%+v)", i, g[i], tc.want[i], got[i])
				}
			}
		})
	}
}

// TestClassifyGolden classifies testdata/stance/statements.txt (one
// statement a line: speaker | affiliation | text) and compares the links
// with statements.golden.
func TestClassifyGolden(t *testing.T) {
	c := NewClassifier(testDossier(t), nil)
	f, err := os.Open("testdata/stance/statements.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.SplitN(line, "|", 3)
		if len(parts) != 3 {
			t.Fatalf("bad line %q", line)
		}
		u := Utterance{Speaker: strings.TrimSpace(parts[0]), Affiliation: strings.TrimSpace(parts[1]), Text: strings.TrimSpace(parts[2])}
		b.WriteString(u.Text + "\n")
		for _, l := range c.Classify(u) {
			js, _ := json.Marshal(l)
			b.WriteString("  " + string(js) + "\n")
			if got := u.Text[l.Span.Start():l.Span.End()]; got == "" {
				t.Errorf("empty span in %q", u.Text)
			}
		}
	}
	golden.Check(t, "testdata/stance/statements.golden", []byte(b.String()))
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want string // low forms
		norm string
	}{
		{"NATO's non-expansion", "nato non expansion", "nato not expansion"},
		{"The U.S. won't stop", "the us wo not stop", "the us wo not not"},
		{"short-range missiles", "short range missiles", "short range missile"},
		{"stopping eastward", "stopping eastward", "not east"},
		{"Moscow’s demands", "moscow demands", "moscow demand"},
		{"", "", ""},
		{"\xff\xfe bad", "bad", "bad"},
	}
	for _, tc := range tests {
		toks := tokenize(tc.in, nil)
		var low, norm []string
		for _, tk := range toks {
			low = append(low, tk.low)
			norm = append(norm, tk.norm)
			if tk.start < 0 || tk.end > len(tc.in) || tk.start > tk.end {
				t.Errorf("%q: bad offsets %d..%d", tc.in, tk.start, tk.end)
			}
		}
		if g := strings.Join(low, " "); g != tc.want {
			t.Errorf("tokenize(%q) = %q, want %q", tc.in, g, tc.want)
		}
		if g := strings.Join(norm, " "); g != tc.norm {
			t.Errorf("norm(%q) = %q, want %q", tc.in, g, tc.norm)
		}
	}
}

func TestStemMatch(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"expand", "expansion", true}, {"deploy", "deployment", true}, {"provid", "provide", true},
		{"arm", "army", false}, {"east", "easy", false}, {"present", "prevent", false}, {"security", "security", true},
		{"consult", "consultation", true}, {"negotiate", "negotiation", true}, {"restrict", "restriction", true},
		{"consultation", "consumer", false}, {"comply", "compliance", false}, {"decide", "decision", true},
		{"admit", "admission", true}, {"nation", "national", false}, {"sanction", "sanctity", false},
	} {
		if got := stemMatch(tc.a, tc.b); got != tc.want {
			t.Errorf("stemMatch(%q, %q) = %v", tc.a, tc.b, got)
		}
	}
}

// FuzzClassify: any text, any speaker: no panic, spans inside the text.
func FuzzClassify(f *testing.F) {
	d := testDossier(f)
	c := NewClassifier(d, nil)
	f.Add("Sylvania demands that Freedonia halt the dam.", "Ana", "Sylvania")
	f.Add("\"Neither joint monitoring nor river data were mentioned by Fredville,\"", "", "")
	f.Add("U.S. won't'", "U.S.", "")
	f.Add("it's n't 's ’s ’", "x", "SYL")
	f.Fuzz(func(t *testing.T, text, speaker, aff string) {
		for _, l := range c.Classify(Utterance{Text: text, Speaker: speaker, Affiliation: aff}) {
			if l.Span.Start() < 0 || l.Span.End() > len(text) || l.Span.Start() >= l.Span.End() {
				t.Fatalf("span %v outside %q", l.Span, text)
			}
			if l.Party == "" || l.Issue == "" {
				t.Fatalf("link without party or issue: %+v", l)
			}
		}
	})
}

func BenchmarkClassify(b *testing.B) {
	d := testDossier(b)
	c := NewClassifier(d, nil)
	texts := []string{
		"Sylvania demands that Freedonia halt the dam immediately, and says the river data proves the harm.",
		"Fredville would consider joint monitoring, provided that Sylvania shares its river data.",
		"the plan presented by Freedonia did not contain a positive reaction to the non-construction of the dam.",
		"The minister said talks would resume next week in the capital after a short break for consultations.",
	}
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			c.Classify(Utterance{Text: t, Speaker: "Ana Ruiz", Affiliation: "Sylvania"})
		}
	}
}

func TestMembersOfOwnParty(t *testing.T) {
	d := testDossier(t)
	c := NewClassifier(d, nil)
	// Said by the council's own speaker, "Council members" is the council.
	got := c.Classify(Utterance{Speaker: "Basin Council", Text: "Basin Council members agreed on a joint commission."})
	if len(got) != 1 || got[0].Party != "Basin Council" || got[0].Stance != For {
		t.Errorf("got %+v", got)
	}
	// Said by another side, it is no party.
	got = c.Classify(Utterance{Speaker: "Ana Ruiz", Affiliation: "Sylvania", Text: "Basin Council members agreed on a joint commission."})
	if len(got) != 0 {
		t.Errorf("got %+v, want no link", got)
	}
}
