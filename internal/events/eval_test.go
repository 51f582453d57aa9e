package events

// The evaluation harness: runs only with PARLEY_EVALDATA=/work/shared/evaldata.
// It types each gold sentence of the PLOVER gold-standard records (and, as
// a second check, the PETRARCH2 unit-test records, WEIS roots mapped to
// PLOVER) and reports event-type accuracy with a confusion summary. The
// sentences are read at test time only; none is copied into the project.

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/parley-news/parley/internal/actors"
	"github.com/parley-news/parley/internal/quotes"
	"github.com/parley-news/parley/internal/timex"
)

// ploverGold maps the labels of the 2016 gold-standard records to PLOVER
// 2021 categories (DEMAND became REQUEST, DISAPPROVE and INVESTIGATE became
// ACCUSE modes, FIGHT became ASSAULT).
var ploverGold = map[string]string{"DEMAND": Request, "DISAPPROVE": Accuse, "INVESTIGATE": Accuse, "FIGHT": Assault}

// weisRoot maps the root (first two digits) of the PETRARCH2 unit-test
// codes to PLOVER. Those records are coded with the validation codebook
// shipped beside them, which follows WEIS numbering (032 "visit", 042
// "endorse", 064 "grant diplomatic recognition"), not CAMEO 1.1: so WEIS
// roots are mapped here. 02 (comment) and the codebook's private test codes
// (34, 80, 90, 91) have no PLOVER category and are left out.
var weisRoot = map[string]string{
	"01": Concede, "03": Consult, "04": Support, "05": Agree, "06": Support, "07": Aid, "08": Agree,
	"09": Request, "10": Agree, "11": Reject, "12": Accuse, "13": Accuse, "14": Reject, "15": Request,
	"16": Threaten, "17": Threaten, "18": Protest, "19": Sanction, "20": Sanction, "21": Coerce, "22": Assault,
}

// goldSentence is a typed gold sentence; sources are the gold source
// actors' texts (PLOVER records only).
type goldSentence struct {
	text, label string
	sources     []string
}

// primary types one sentence: the first event Extract finds, "NONE" if none,
// and its actor's name.
func primary(t testing.TB, x *Extractor, q *quotes.Analyzer, s string) (string, string) {
	ctx := context.Background()
	out := q.Analyze(ctx, quotes.Input{Body: s})
	ev := x.Extract(ctx, Input{Body: s, Mentions: out.Mentions, Statements: out.Statements, Actors: out.Actors})
	if len(ev) == 0 {
		return "NONE", ""
	}
	return ev[0].Type, ev[0].Actor.Name
}

// sameActor compares a predicted actor with a gold source text: equal,
// one inside the other ("Syrian officers" / "Syria"), or the same country
// through the gazetteer ("Hungarian" → Hungary).
func sameActor(pred, gold string) bool {
	if pred == "" || gold == "" {
		return false
	}
	p, g := strings.ToLower(pred), strings.ToLower(gold)
	if strings.Contains(p, g) || strings.Contains(g, p) {
		return true
	}
	for _, w := range strings.Fields(gold) {
		if c, _, ok := actors.Place(w); ok && c == pred {
			return true
		}
		if c, ok := actors.Demonym(w); ok && c == pred {
			return true
		}
	}
	return false
}

func score(t *testing.T, name string, gold []goldSentence) {
	x, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	q, err := quotes.New(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	conf := map[string]map[string]int{}
	right, withSrc, actorOK := 0, 0, 0
	for _, g := range gold {
		p, actor := primary(t, x, q, g.text)
		if p == g.label && len(g.sources) > 0 {
			withSrc++
			for _, s := range g.sources {
				if sameActor(actor, s) {
					actorOK++
					break
				}
			}
		}
		if conf[g.label] == nil {
			conf[g.label] = map[string]int{}
		}
		conf[g.label][p]++
		if p == g.label {
			right++
		}
		if os.Getenv("PARLEY_EVAL_VERBOSE") != "" && p != g.label && !strings.Contains(name, "held-out") {
			t.Logf("gold %-9s got %-9s | %s", g.label, p, g.text)
		}
		if os.Getenv("PARLEY_EVAL_VERBOSE") == "actors" && p == g.label && len(g.sources) > 0 {
			t.Logf("actor %-25q gold %q", actor, g.sources)
		}
	}
	labels := make([]string, 0, len(conf))
	for l := range conf {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	for _, l := range labels {
		var parts []string
		n, ok := 0, conf[l][l]
		for p, c := range conf[l] {
			n += c
			if p != l {
				parts = append(parts, fmt.Sprintf("%s:%d", p, c))
			}
		}
		sort.Strings(parts)
		t.Logf("%-10s %3d/%-3d  confused with %s", l, ok, n, strings.Join(parts, " "))
	}
	t.Logf("%s event-type accuracy: %d/%d = %.3f", name, right, len(gold), float64(right)/float64(max(len(gold), 1)))
	if withSrc > 0 {
		t.Logf("%s actor accuracy on correctly typed sentences: %d/%d = %.3f", name, actorOK, withSrc, float64(actorOK)/float64(withSrc))
	}
}

func TestEvalPLOVER(t *testing.T) {
	root := os.Getenv("PARLEY_EVALDATA")
	if root == "" {
		t.Skip("PARLEY_EVALDATA not set")
	}
	data, err := os.ReadFile(filepath.Join(root, "plover-gsr", "gold_standard_records", "PLOVER_GSR_CAMEO.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var recs []struct {
		Event  string          `json:"event"`
		Text   string          `json:"text"`
		Source json.RawMessage `json:"source"`
	}
	if err := json.Unmarshal(data, &recs); err != nil {
		t.Fatal(err)
	}
	var gold []goldSentence
	for _, r := range recs {
		if r.Text == "" || r.Event == "" || r.Event == "DOCUMENT" {
			continue
		}
		l := r.Event
		if m, ok := ploverGold[l]; ok {
			l = m
		}
		var src []struct {
			ActorText string `json:"actorText"`
		}
		_ = json.Unmarshal(r.Source, &src) // "" or absent: no sources
		g := goldSentence{text: r.Text, label: l}
		for _, s := range src {
			g.sources = append(g.sources, s.ActorText)
		}
		gold = append(gold, g)
	}
	score(t, "PLOVER-GSR", gold)
	// The held-out fold: every fifth record. Rules are tuned on the other
	// four folds only (PARLEY_EVAL_VERBOSE lists errors there, never here);
	// the first lexicon, written before this split, had seen all records.
	var tune, held []goldSentence
	for i, g := range gold {
		if i%5 == 4 {
			held = append(held, g)
		} else {
			tune = append(tune, g)
		}
	}
	score(t, "PLOVER-GSR tuning folds", tune)
	score(t, "PLOVER-GSR held-out fold (every 5th record)", held)
}

func TestEvalPetrarch(t *testing.T) {
	root := os.Getenv("PARLEY_EVALDATA")
	if root == "" {
		t.Skip("PARLEY_EVALDATA not set")
	}
	f, err := os.Open(filepath.Join(root, "petrarch2-unittest", "PETR.UnitTest.records.xml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var doc struct {
		Sentences []struct {
			Text   string `xml:"Text"`
			Events []struct {
				Code string `xml:"eventcode,attr"`
			} `xml:"EventCoding"`
		} `xml:"Sentences>Sentence"`
	}
	dec := xml.NewDecoder(f)
	dec.Strict = false
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	var gold []goldSentence
	for _, s := range doc.Sentences {
		if len(s.Events) == 0 || len(s.Events[0].Code) < 2 {
			continue
		}
		l, ok := weisRoot[s.Events[0].Code[:2]]
		if !ok {
			continue
		}
		gold = append(gold, goldSentence{text: strings.Join(strings.Fields(s.Text), " "), label: l})
	}
	score(t, "PETRARCH2-unittest", gold)
}

// TestDump prints the events of the articles matching PARLEY_EVENTS_DUMP
// (a glob of text files), run through the timex and statements stages: a
// tool for reading the output on real coverage.
func TestDump(t *testing.T) {
	glob := os.Getenv("PARLEY_EVENTS_DUMP")
	if glob == "" {
		t.Skip("PARLEY_EVENTS_DUMP not set")
	}
	files, _ := filepath.Glob(glob)
	x, _ := New(nil)
	q, _ := quotes.New(nil, nil)
	tg := timex.New()
	ctx := context.Background()
	n, size := 0, 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		body := string(b)
		var pub time.Time
		ts := tg.Tag(body, pub)
		out := q.Analyze(ctx, quotes.Input{Body: body, Timexes: ts})
		for _, e := range x.Extract(ctx, Input{Body: body, Timexes: ts, Mentions: out.Mentions, Statements: out.Statements, Actors: out.Actors}) {
			tg := ""
			if e.Target != nil {
				tg = e.Target.Name
			}
			t.Logf("%-10s %-9s %-8s | %s -> %s | %.100s", e.Date, e.Type, e.Mode, e.Actor.Name, tg, e.Text)
			n++
		}
		size += len(body)
	}
	t.Logf("%d events in %d files, %d bytes", n, len(files), size)
}
