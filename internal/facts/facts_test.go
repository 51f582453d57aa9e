package facts

import (
	"strings"
	"testing"
)

func stmt(article int64, outlet, date, actor, text string) Item {
	return Item{Kind: Statement, Date: date, Actor: actor, Text: text,
		Report: Report{ArticleID: article, Outlet: outlet, Source: outlet + ".txt", Published: date, Text: text}}
}

func TestMerge(t *testing.T) {
	items := []Item{
		// One saying, three outlets: full, truncated, paraphrased.
		stmt(1, "Wire A", "2031-03-03", "Helen Marchetti", "we came here to settle the quotas, not to argue about tariffs; every tonne we agree on is a job we keep"),
		stmt(2, "Wire B", "2031-03-03", "Helen Marchetti", "we came here to settle the quotas, not to argue about tariffs"),
		stmt(3, "Wire C", "", "Marchetti", "Canada came to settle the quotas and not argue about the tariffs"),
		// Same speaker, same day, something else: a separate fact.
		stmt(1, "Wire A", "2031-03-03", "Helen Marchetti", "the Mexican delegation shares this approach"),
		// Same words, another speaker: a separate fact.
		stmt(4, "Wire B", "2031-03-03", "Daniel Okafor", "we came here to settle the quotas, not to argue about tariffs"),
		// Same speaker and words, a date a week apart: a separate fact.
		stmt(5, "Wire A", "2031-03-10", "Helen Marchetti", "we came here to settle the quotas, not to argue about tariffs"),
		// Events: one publication reported twice, and a meeting.
		{Kind: Event, Type: "PUBLISH", Date: "2031-02-14", Actor: "Canada", Text: "the three governments published a joint framework", Report: Report{ArticleID: 1, Outlet: "Wire A"}},
		{Kind: Event, Type: "PUBLISH", Date: "2031-02-14", Actor: "Canadian Trade Ministry", Party: "Canada", Text: "the framework disclosed by the Canadian side", Report: Report{ArticleID: 2, Outlet: "Wire B"}},
		{Kind: Event, Type: "CONSULT", Date: "2031-02-14", Actor: "Canada", Text: "published the joint framework for the talks", Report: Report{ArticleID: 2, Outlet: "Wire B"}},
	}
	facts := Merge(items, Options{})
	if len(facts) != 6 {
		for _, f := range facts {
			t.Logf("%s %s %s %q %d reports", f.Date, f.Kind, f.Actor, f.Text, len(f.Reports))
		}
		t.Fatalf("got %d facts, want 6", len(facts))
	}
	var saying *Fact
	for i := range facts {
		if strings.Contains(facts[i].Text, "every tonne") {
			saying = &facts[i]
		}
	}
	if saying == nil || len(saying.Reports) != 3 || strings.Join(saying.Outlets, ",") != "Wire A,Wire B,Wire C" || saying.Date != "2031-03-03" {
		t.Errorf("the saying was not merged across three outlets: %+v", saying)
	}
	if facts[0].Date != "2031-02-14" || facts[len(facts)-1].Date == "" && facts[0].Date == "" {
		t.Errorf("facts not in date order: first %q", facts[0].Date)
	}
	for i, f := range facts {
		if f.ID != i+1 {
			t.Errorf("fact %d has id %d", i, f.ID)
		}
	}
	// Deterministic.
	again := Merge(items, Options{})
	for i := range facts {
		if facts[i].Text != again[i].Text || len(facts[i].Reports) != len(again[i].Reports) {
			t.Fatalf("Merge is not deterministic at %d", i)
		}
	}
}

func TestSyndicated(t *testing.T) {
	story := "Canada, Mexico and the United States agreed on steel and aluminium quotas on Friday, ending three weeks of talks, officials said. " +
		"The tariffs will be lifted over eighteen months, the Canadian trade minister told a joint news conference in Ottawa. " +
		"The dairy question was left for a later round, the ministers said, and the quotas will be reviewed every year."
	copyText := "UPDATED: " + strings.Replace(story, "the ministers said, and the quotas will be reviewed every year.", "the ministers said.", 1)
	independent := "Three countries settled their quarrel over metal quotas after talks in Ottawa that lasted three weeks. " +
		"Ministers said tariffs would disappear within a year and a half and that farm trade would be discussed later."
	got := Syndicated([]Text{
		{ArticleID: 7, Published: "2031-03-22", Body: copyText},
		{ArticleID: 3, Published: "2031-03-21", Body: story},
		{ArticleID: 9, Published: "2031-03-21", Body: independent},
	}, 0)
	if len(got) != 1 || got[7] != 3 {
		t.Errorf("Syndicated = %v, want 7 → 3 only", got)
	}
}

func BenchmarkMerge(b *testing.B) {
	var items []Item
	for i := range 2000 {
		items = append(items, stmt(int64(i), "Wire", "2031-03-03", []string{"A B", "C D", "E F", "G H"}[i%4],
			strings.Repeat("word", 1)+" the quotas and tariffs number "+string(rune('a'+i%26))+" of the talks"))
	}
	b.ResetTimer()
	for b.Loop() {
		Merge(items, Options{})
	}
}
