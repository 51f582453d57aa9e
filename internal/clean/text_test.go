package clean

import (
	"encoding/json"
	"github.com/parley-news/parley/internal/golden"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/parley-news/parley/internal/meta"
)

// golden is what the tests compare: the cleaned article and the rules that fired.
type goldenArticle struct {
	Headline   string         `json:"headline"`
	Standfirst string         `json:"standfirst"`
	Body       string         `json:"body"`
	Dateline   *meta.Dateline `json:"dateline"`
	Stamps     []string       `json:"stamps"`
	Removed    []Removed      `json:"removed"`
}

func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			in, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			r := Text(string(in))
			g := goldenArticle{Headline: r.Headline, Standfirst: r.Standfirst, Body: r.Body, Dateline: r.Dateline, Removed: r.Removed}
			for _, s := range r.Stamps {
				g.Stamps = append(g.Stamps, s.Format("2006-01-02"))
			}
			got, _ := json.MarshalIndent(g, "", "  ")
			golden.Check(t, strings.TrimSuffix(f, ".txt")+".golden.json", got)
		})
	}
}

// TestKeepsArticleText checks the promise of the package: furniture goes,
// article text stays, whatever its shape.
func TestKeepsArticleText(t *testing.T) {
	tests := []struct {
		file    string
		present []string
		absent  []string
	}{
		{"agency-slashes.txt",
			[]string{"We are ready to sign tomorrow", "Yes.", "A photo published by the ministry showed", "Talks"},
			[]string{"All news", "©", "Foreign Ministry/NAP", "Lakeland Deputy Foreign Minister Irena Volk\n"}},
		{"sputnik-style.txt",
			[]string{"The talks on harbour fees stalled", "Nobody moved an inch", "the next round would start in April"},
			[]string{"1920", "Go to the mediabank", "File Photo", "Harbour Dispute", "Port Authority Chief Quits", "participate in the discussion", "log in or register", "Заголовок", "traded proposals"}},
		{"blog-comments.txt",
			[]string{"dissatisfaction with the harbour offer", "no reason for optimism", "the talks were not over"},
			[]string{"See also", "Floods close", "Leave a Reply", "Your email address", "Great article"}},
		{"no-dateline.txt",
			[]string{"The Senate foreign relations panel delayed", "We need more time to read it", "expected next month"},
			[]string{"Advertisement", "Share this article", "Senate Panel Delays", "Continue reading", "appears in print"}},
		{"contact-tail.txt",
			[]string{"Talks on harbour fees", "We are ready for all outcomes"},
			[]string{"With assistance", "To contact", "alee@", "jberg@"}},
		{"press-release.txt",
			[]string{"opened a tender", "The quay will double our capacity", "The tender closes on 30 June 2031"},
			[]string{"FOR IMMEDIATE RELEASE", "ENDS", "Notes to editors", "Media contact"}},
	}
	for _, tt := range tests {
		in, err := os.ReadFile(filepath.Join("testdata", tt.file))
		if err != nil {
			t.Fatal(err)
		}
		r := Text(string(in))
		for _, s := range tt.present {
			if !strings.Contains(r.Body, s) {
				t.Errorf("%s: article text lost: %q", tt.file, s)
			}
		}
		for _, s := range tt.absent {
			if strings.Contains(r.Body, s) {
				t.Errorf("%s: furniture left in the body: %q", tt.file, s)
			}
		}
	}
}

func TestStampsDatePublication(t *testing.T) {
	in, _ := os.ReadFile("testdata/sputnik-style.txt")
	r := Text(string(in))
	d := meta.Decide(meta.Evidence{Dateline: r.Dateline, Stamps: r.Stamps})
	if d.Published != "2031-03-09" {
		t.Errorf("published %q, want the latest stamp above the body, 2031-03-09", d.Published)
	}
	if r.Headline != "Harbour Talks Stall as Delegations Trade Blame, Officials Say" {
		t.Errorf("headline %q", r.Headline)
	}
}

// A date printed alone under the headline, in the forms sites use, dates
// the article and leaves the body; a line with other words stays.
func TestDateLineUnderHeadline(t *testing.T) {
	for line, want := range map[string]string{
		"Published: 14/11/2031":                     "2031-11-14",
		"Tuesday, 14 November 2031 15:30 GMT":       "2031-11-14",
		"Nov 14 2031 at 3:45 PM":                    "2031-11-14",
		"14.11.2031, 09:12":                         "2031-11-14",
		"2031-11-14T09:12:00Z":                      "2031-11-14",
		"November 14th, 2031":                       "2031-11-14",
		"Tue 14 Nov 2031 10.02 GMT":                 "2031-11-14",
		"Updated: 11/14/2031 9:12 AM":               "2031-11-14",
		"Published 03/04/2031":                      "", // day or month first: unknown
		"Talks resumed on 14 November 2031 in Oslo": "",
	} {
		in := "Harbour talks collapse in Oslo\n\n" + line + "\n\nThe talks collapsed on Tuesday, officials said.\n"
		r := Text(in)
		d := meta.Decide(meta.Evidence{Dateline: r.Dateline, Stamps: r.Stamps})
		if d.Published != want {
			t.Errorf("%q: published %q, want %q", line, d.Published, want)
		}
		if want != "" && strings.Contains(r.Body, line) {
			t.Errorf("%q: the date line stayed in the body", line)
		}
	}
}

func TestEmptyAndOdd(t *testing.T) {
	for _, in := range []string{"", "\n\n\n", "\uFEFF", "one line", "\r\nA\r\n\r\nB\r\n", strings.Repeat("word ", 10000)} {
		r := Text(in)
		if !utf8.ValidString(r.Body) {
			t.Errorf("Text(%q) body is not UTF-8", in)
		}
		if strings.TrimSpace(in) != "" && strings.TrimSpace(in) != "\uFEFF" && r.Body == "" && r.Headline == "" {
			t.Errorf("Text(%.20q) lost everything", in)
		}
	}
}

func FuzzText(f *testing.F) {
	for _, name := range []string{"agency-slashes.txt", "sputnik-style.txt", "blog-comments.txt"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err == nil {
			f.Add(string(b))
		}
	}
	f.Add("A\n\nB (X) - c\n© d\n")
	f.Fuzz(func(t *testing.T, s string) {
		r := Text(s)
		if utf8.ValidString(s) && !utf8.ValidString(r.Body) {
			t.Fatalf("body not UTF-8")
		}
		// Nothing is invented: every body paragraph comes from the input.
		// Lines are joined, hyphens at line ends dropped, character
		// references decoded and control characters left out, so the
		// paragraph's letters and digits, in order, stand in the input's.
		if !utf8.ValidString(s) {
			return
		}
		ref := alnum(unescapeEntities(s))
		// A paged text's page-number lines are dropped and the sentence
		// they interrupted joined again (package layout), so a paragraph
		// may also stand in the input without its lines that hold no letter.
		var lettered []string
		for _, line := range strings.Split(s, "\n") {
			if strings.IndexFunc(line, unicode.IsLetter) >= 0 {
				lettered = append(lettered, line)
			}
		}
		unpaged := alnum(unescapeEntities(strings.Join(lettered, "\n")))
		refLetters := letters(unescapeEntities(s))
		for _, p := range strings.Split(r.Body, "\n\n") {
			a := alnum(p)
			if a == "" || strings.Contains(ref, a) || strings.Contains(unpaged, a) {
				continue
			}
			// Page-number lines are told by their neighbours, so some
			// letterless lines may go and others stay; and lines the
			// layout or the cleaner report removing (a running header
			// such as "A0" that recurs, a repeated section label) may go
			// from inside a paragraph. Either way its letters and digits
			// stand in order among the input's (a subsequence: nothing
			// invented), and when nothing was reported removed, its
			// letters stand together in the input's.
			if !subsequence(a, ref) || (len(r.Removed) == 0 && !strings.Contains(refLetters, letters(p))) {
				t.Fatalf("paragraph %q is not in the input", p)
			}
		}
	})
}

// letters keeps the letters of s.
func letters(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) {
			return r
		}
		return -1
	}, s)
}

// subsequence reports whether the runes of a stand in b in order.
func subsequence(a, b string) bool {
	for _, r := range a {
		i := strings.IndexRune(b, r)
		if i < 0 {
			return false
		}
		b = b[i+utf8.RuneLen(r):]
	}
	return true
}

// alnum keeps the letters and digits of s.
func alnum(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
}

func BenchmarkCleanAndMeta(b *testing.B) {
	var docs []string
	files, _ := filepath.Glob("testdata/*.txt")
	long, _ := filepath.Glob("testdata/bench/*.txt")
	files = append(files, long...)
	size := 0
	for _, f := range files {
		in, _ := os.ReadFile(f)
		docs = append(docs, string(in))
		size += len(in)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			r := Text(d)
			ev := meta.Evidence{Dateline: r.Dateline, Stamps: r.Stamps, TextDates: meta.TextDates(r.Body)}
			_ = meta.Decide(ev)
			_ = meta.Language(r.Body)
		}
	}
}

// BenchmarkCleanLongReport measures one wire report of typical length
// (5 KB, 28 paragraphs): the per-byte cost on real articles.
func BenchmarkCleanLongReport(b *testing.B) {
	in, err := os.ReadFile("testdata/bench/long-report.txt")
	if err != nil {
		b.Fatal(err)
	}
	doc := string(in)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		r := Text(doc)
		_ = meta.Decide(meta.Evidence{Dateline: r.Dateline, Stamps: r.Stamps, TextDates: meta.TextDates(r.Body)})
		_ = meta.Language(r.Body)
	}
}

func TestProseIsNotFurniture(t *testing.T) {
	body := "Senate vote delayed\n\n" +
		"The Senate delayed the vote on the treaty on Thursday after a long debate about fishing rights and harbour fees.\n\n" +
		"Senators from both parties said they needed more time to read the annexes, which run to four hundred pages.\n\n" +
		"The latest Reuters/Ipsos opinion poll released Friday shows that most voters support the treaty, although the margin has narrowed since the spring.\n\n" +
		"He told one of his young protegÃ©s on a regular basis that the treaty was a mistake.\n\n" +
		"HARD QUESTIONS — For years, the committee has asked the ministry for the annexes, without an answer.\n\n" +
		"Rep. Ann Lee (D-Mass.) said the committee would keep asking.\n"
	r := Text(body)
	for _, want := range []string{"Reuters/Ipsos", "protegÃ©s", "HARD QUESTIONS", "needed more time", "Ann Lee"} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("prose lost: %q (removed: %v)", want, r.Removed)
		}
	}
	if r.Dateline != nil {
		t.Errorf("a paragraph deep in the article was taken for the dateline: %+v", r.Dateline)
	}
}

func TestCredits(t *testing.T) {
	tests := map[string]bool{
		"© Lakeland Foreign Ministry/NAP":                                true,
		"A ship in the harbour on March 2. REUTERS/Ann Smith/File Photo": true,
		"Minister Irena Volk Lakeland Foreign Ministry/TASS":             true,
		"Getty/Instagram.":  true,
		"AP Photo/John Doe": true,
		"The Reuters/Ipsos poll showed the treaty doing better than expected.": false,
		"His protegA\u0303©s said so.":                                         false,
		"The photo shows the two delegations at the table.":                    false,
		"MOSCOW, January 26. /TASS/. The talks resumed.":                       false,
	}
	for in, want := range tests {
		if got := isCredit(in); got != want {
			t.Errorf("isCredit(%q) = %v, want %v", in, got, want)
		}
	}
}

// Character references and control characters in a text dump are not
// text: "&lt;" is "<", the old wire end-of-story ^C (&#3;) disappears, and
// the sign-off before it still names the outlet.
func TestEntitiesAndControlCharacters(t *testing.T) {
	raw := "ACME STEEL &lt;ACST> CUTS OUTPUT\n\nPITTSBURGH, March 3 - Acme Steel Corp &lt;ACST> said it would cut output at AT&amp;T's request.\n\n Reuter\n&#3;\n"
	r := Text(raw)
	if r.Headline != "ACME STEEL <ACST> CUTS OUTPUT" {
		t.Errorf("headline %q", r.Headline)
	}
	if want := "PITTSBURGH, March 3 - Acme Steel Corp <ACST> said it would cut output at AT&T's request."; r.Body != want {
		t.Errorf("body %q, want %q", r.Body, want)
	}
	if r.Signoff != "Reuters" {
		t.Errorf("sign-off %q, want Reuters", r.Signoff)
	}
}

// normKey's ASCII paths give what the rune loop gives.
func TestNormKeyASCII(t *testing.T) {
	cases := []string{"", " ", "a", "A", " lead", "trail ", "two  spaces", "tab\there", "Mixed Case Label:", "already lower", "é accent", "Ünïcode  Mixed\tText", "x \t y", "\t", "a ", " a"}
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a", "B", " ", "\t", ".", "é", "Z", "q", "  "}
	for range 2000 {
		var sb strings.Builder
		for range r.IntN(12) {
			sb.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		cases = append(cases, sb.String())
	}
	for _, s := range cases {
		if got, want := normKey(s), normKeyRunes(s); got != want {
			t.Fatalf("normKey(%q) = %q, want %q", s, got, want)
		}
	}
}

// hasWords(s, n) is wordCount(s) >= n.
func TestHasWords(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	alphabet := []string{"w", "ord", " ", "\t", "\n", "  ", "é"}
	for range 2000 {
		var sb strings.Builder
		for range r.IntN(40) {
			sb.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		s := sb.String()
		for n := 0; n <= 15; n++ {
			if got, want := hasWords(s, n), wordCount(s) >= n; got != want {
				t.Fatalf("hasWords(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
	}
}

func TestLeadIsNotTheHeadline(t *testing.T) {
	// A dump with no title and no dateline opens with the report's first
	// sentence: it is the body's first paragraph, not the headline.
	lead := "Japan will impose additional sanctions on Russia, Prime Minister Fumio Kishida said Thursday, calling the move necessary."
	in := lead + "\n\nKishida told reporters at his office that Tokyo would coordinate with its partners.\n"
	res := Text(in)
	if res.Headline != "" || !strings.HasPrefix(res.Body, lead) {
		t.Errorf("headline %q, body %q", res.Headline, res.Body)
	}
	// A title is still a title, full stop or not.
	for _, title := range []string{"Kishida says Japan will impose more sanctions on Russia", "Japan to impose more sanctions on Russia."} {
		res := Text(title + "\n\n" + lead + "\n")
		if res.Headline != title {
			t.Errorf("title %q read as %q", title, res.Headline)
		}
	}
}

// A stamp printed under the lead or a standfirst dates the article; one
// far down the report does not.
func TestStampUnderLead(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Harbour talks resume\n\nNegotiators met again on Thursday to discuss harbour fees.\n\nDate 03.03.2031\n\nThe talks went on.\n", "2031-03-03"},
		{"Harbour talks resume\n\nThe port says it will wait.\n\nPublished On 3 Mar 2031\n\nNegotiators met again on Thursday.\n", "2031-03-03"},
		{"Harbour talks resume\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n\nPublished On 3 Mar 2031\n\nSix.\n", ""},
		{"Harbour talks resume\n\nBy Jane Doe Published: Mar 03, 2031 09:12 PM\n\nNegotiators met again on Thursday.\n", "2031-03-03"},
	} {
		r := Text(c.in)
		got := ""
		if len(r.Stamps) > 0 {
			got = r.Stamps[0].Format("2006-01-02")
		}
		if got != c.want {
			t.Errorf("%q: stamps %v, want %q", c.in, r.Stamps, c.want)
		}
		if strings.Contains(r.Body, "Date 0") || strings.Contains(r.Body, "Published On") {
			t.Errorf("stamp left in the body: %q", r.Body)
		}
	}
}

func TestBylineAndStamp(t *testing.T) {
	in := "Harbour talks resume as boats stay in port\n\nBy Jane Doe, CNN\n\nUpdated 10:32 AM ET, Thu March 3, 2031\n\n" +
		"Negotiators met again on Thursday to discuss harbour fees, officials said.\n\nBy Tuesday, the talks had collapsed.\n"
	r := Text(in)
	if strings.Contains(r.Body, "Jane Doe") || strings.Contains(r.Body, "Updated") {
		t.Errorf("byline or stamp left in the body: %q", r.Body)
	}
	if !strings.Contains(r.Body, "By Tuesday, the talks had collapsed.") || !strings.HasPrefix(r.Body, "Negotiators met again") {
		t.Errorf("prose lost: %q", r.Body)
	}
	if r.Signoff != "CNN" {
		t.Errorf("outlet from the byline: %q", r.Signoff)
	}
	if len(r.Stamps) != 1 || r.Stamps[0].Format("2006-01-02") != "2031-03-03" {
		t.Errorf("stamps %v", r.Stamps)
	}
	for _, s := range []string{"By JANE DOE, Associated Press Writer", "By Jane Doe and John Roe | Reuters", "BY PIOTR LIND"} {
		if !isByline(s) {
			t.Errorf("%q is a byline", s)
		}
	}
	for _, s := range []string{"By Tuesday, the talks had collapsed.", "By March the deal was done", "by the way", "By"} {
		if isByline(s) {
			t.Errorf("%q is no byline", s)
		}
	}
}

// Sign-offs and footers of other agencies and papers name the outlet (and
// a footer dates the report); none stays in the body.
func TestOtherSignOffs(t *testing.T) {
	lead := "Harbour talks resume\n\nNegotiators met again on Thursday to discuss harbour fees, officials said.\n\nThe talks went on into the night.\n\n"
	for _, c := range []struct{ tail, outlet, stamp, gone string }{
		{"==Kyodo", "Kyodo", "", "Kyodo"},
		{"PTI AB RT", "PTI", "", "PTI"},
		{"--SPA", "SPA", "", "SPA"},
		{"SOURCE: AL JAZEERA AND NEWS AGENCIES", "Al Jazeera", "", "SOURCE"},
		{"Published in Dawn, September 9th, 2031", "Dawn", "2031-09-09", "Published"},
	} {
		r := Text(lead + c.tail + "\n")
		if r.Signoff != c.outlet || strings.Contains(r.Body, c.gone) {
			t.Errorf("%q: outlet %q, body %q", c.tail, r.Signoff, r.Body)
		}
		got := ""
		if len(r.Stamps) > 0 {
			got = r.Stamps[len(r.Stamps)-1].Format("2006-01-02")
		}
		if got != c.stamp {
			t.Errorf("%q: stamps %v, want %q", c.tail, r.Stamps, c.stamp)
		}
	}
	r := Text(lead[:len(lead)-2] + " Enditem\n")
	if strings.Contains(r.Body, "Enditem") || !strings.HasSuffix(r.Body, "into the night.") {
		t.Errorf("glued end mark: %q", r.Body)
	}
}

// AFP's initials slug opens with the bureau's ("bur-jh/lth"); it is no
// part of the body.
func TestAFPSlug(t *testing.T) {
	r := Text("Farmers keep up blockade\n\nParis (AFP) - Farmers will keep blocking roads, their union said.\n\nThe minister is due to meet them on Monday.\n\nbur-jh/lth\n")
	if strings.Contains(r.Body, "bur-jh") || !strings.HasSuffix(r.Body, "on Monday.") {
		t.Errorf("body %q", r.Body)
	}
	if isEndMark("Sept/Oct") || isEndMark("a/b") || isEndMark("re-elected/x") {
		t.Error("words with a slash are no slug")
	}
}

// The wire's handling slug is no part of the headline; a label of the
// story's kind is.
func TestWireSlugOff(t *testing.T) {
	for in, want := range map[string]string{
		"UPDATE 2-Central bank holds rates":   "Central bank holds rates",
		"RPT-Central bank holds rates":        "Central bank holds rates",
		"EXCLUSIVE-Central bank weighs a cut": "EXCLUSIVE-Central bank weighs a cut",
		"Anti-war protest in Oslo":            "Anti-war protest in Oslo",
		"UPDATE - talks resume":               "UPDATE - talks resume",
	} {
		if got := wireSlugOff(in); got != want {
			t.Errorf("%q: got %q, want %q", in, got, want)
		}
	}
}

// A Markdown heading's marks are no part of the headline or the text; a
// hashtag is.
func TestHeadingMarks(t *testing.T) {
	r := Text("# Harbour talks resume\n\nNegotiators met again on Thursday to discuss harbour fees, officials said.\n\n## Background\n\nThe talks began in #March2031 and stalled twice.\n")
	if r.Headline != "Harbour talks resume" || strings.Contains(r.Body, "## ") || !strings.Contains(r.Body, "Background") || !strings.Contains(r.Body, "#March2031") {
		t.Errorf("headline %q, body %q", r.Headline, r.Body)
	}
}

// A copyright notice with its year closes old wire copy; prose about
// copyright stays.
func TestCopyrightNotice(t *testing.T) {
	r := Text("Talks resume\n\nNegotiators met again on Thursday to discuss harbour fees, officials said.\n\nCopyright law is being reformed too, officials said.\n\nCopyright 1998 The Associated Press. All rights reserved. This material may not be published.\n")
	if strings.Contains(r.Body, "Associated Press. All rights") || !strings.Contains(r.Body, "Copyright law is being reformed") {
		t.Errorf("body %q", r.Body)
	}
}

// A share toolbar with its label and a paywall's prompts are furniture
// in a text dump too.
func TestShareAndPaywallLines(t *testing.T) {
	r := Text("Talks resume\n\nNegotiators met again on Thursday to discuss harbour fees, officials said.\n\n" +
		"Share this article: Facebook Twitter Email\n\nThis article is for subscribers only.\n\nAlready a subscriber? Log in\n")
	if strings.Contains(r.Body, "Share") || strings.Contains(r.Body, "subscriber") || !strings.Contains(r.Body, "Negotiators") {
		t.Errorf("body %q", r.Body)
	}
}

// A broadcaster's page dumped as text: its stamp word and relative
// stamp, the labels of pictures with their captions, the reporter's role
// under the byline, a "Watch:" link and the topics under the story are
// furniture; the report stays whole.
func TestBroadcasterDump(t *testing.T) {
	in := "Harbour talks resume in Kestrelton\n\nPublished\n2 hours ago\n\nShare\n\nImage source, Kestrel Pictures\nImage caption,\n" +
		"Fishing boats have been stuck in port for weeks\n\nBy Jane Doe\nKestrel Europe correspondent\n\n" +
		"Talks on fishing quotas have resumed in Kestrelton, the fisheries ministry says.\n\n" +
		"Media caption,\nWatch: Boats return to port\n\n" +
		"\"We hope for a positive result,\" the minister told reporters, adding that the caption of the picture was wrong.\n\n" +
		"Related Topics\nFisheries\nKestrel\n"
	r := Text(in)
	want := "Talks on fishing quotas have resumed in Kestrelton, the fisheries ministry says.\n\n" +
		"\"We hope for a positive result,\" the minister told reporters, adding that the caption of the picture was wrong."
	if r.Body != want {
		t.Errorf("body:\n%s\nwant:\n%s", r.Body, want)
	}
	for _, s := range []string{"2 hours ago", "35 mins ago"} {
		if !agoStamp(s) {
			t.Errorf("agoStamp(%q) false", s)
		}
	}
	for _, s := range []string{"Two hours ago", "The talks began 2 hours ago", "2 years ago"} {
		if agoStamp(s) {
			t.Errorf("agoStamp(%q) true", s)
		}
	}
}

// A wire site's page dumped as text: section labels above the headline,
// the sign-up prompt, credit line, standards link and topics under the
// story; a caption with its credit in brackets.
func TestWireSiteDump(t *testing.T) {
	in := "World\nEurope\n\nNorland, Kestrel agree to resume fisheries talks\n\nBy Anna Lind\nMarch 4, 2031 10:32 AM UTC\n\n" +
		"KESTRELTON, March 4 (Reuters) - Norland and Kestrel agreed on Tuesday to resume talks next month, the two governments said.\n\n" +
		"Fishing boats in Port Norland [File: Jane Doe/Reuters]\n\n" +
		"The talks collapsed in January over cod catch limits.\n\nSign up here.\n\nReporting by Anna Lind; Editing by Tom Berg\n\n" +
		"Our Standards: The Thomson Reuters Trust Principles., opens new tab\n\nSuggested Topics:\nEurope\n"
	r := Text(in)
	if r.Headline != "Norland, Kestrel agree to resume fisheries talks" {
		t.Errorf("headline %q", r.Headline)
	}
	want := "KESTRELTON, March 4 (Reuters) - Norland and Kestrel agreed on Tuesday to resume talks next month, the two governments said.\n\n" +
		"The talks collapsed in January over cod catch limits."
	if r.Body != want {
		t.Errorf("body:\n%s\nwant:\n%s", r.Body, want)
	}
}

// A newspaper site's marks around the story ("Supported by", "SKIP
// ADVERTISEMENT", "Share full article"), its date under the byline after
// a standfirst, the contributors' line and the note on the reporter.
func TestNewspaperSiteDump(t *testing.T) {
	in := "Supported by\nSKIP ADVERTISEMENT\nNorland and Kestrel Agree to Restart Fishing Talks\n" +
		"The two countries had broken off negotiations in January over catch limits for cod.\nShare full article\nRead in app\n" +
		"By Anna Lind\nMarch 4, 2031\n" +
		"Norland and Kestrel agreed on Tuesday to restart negotiations over fishing quotas, officials from both countries said.\n" +
		"Tom Berg contributed reporting.\nAnna Lind is a correspondent covering Northern Europe.\n"
	r := Text(in)
	if r.Headline != "Norland and Kestrel Agree to Restart Fishing Talks" {
		t.Errorf("headline %q", r.Headline)
	}
	if strings.Contains(r.Body, "contributed") || strings.Contains(r.Body, "correspondent") || strings.Contains(r.Body, "Share") ||
		!strings.Contains(r.Body, "officials from both countries said.") {
		t.Errorf("body %q", r.Body)
	}
	if len(r.Stamps) == 0 || r.Stamps[0].Format("2006-01-02") != "2031-03-04" {
		t.Errorf("stamps %v", r.Stamps)
	}
	if authorNote("Talks is a word the correspondent used.") || !authorNote("Tom Berg is The Herald's diplomatic editor.") {
		t.Error("authorNote")
	}
}
