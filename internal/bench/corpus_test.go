package bench

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestGenerateDistinctAndStable(t *testing.T) {
	seen := map[string]int{}
	for i := range 500 {
		a := Generate(1, i)
		if a.Text == "" || a.Title == "" || a.Published == "" || a.Source == "" {
			t.Fatalf("article %d incomplete: %+v", i, a)
		}
		if j, dup := seen[a.Text]; dup {
			t.Fatalf("articles %d and %d have the same text", j, i)
		}
		seen[a.Text] = i
		if b := Generate(1, i); b != a {
			t.Fatalf("article %d differs between two calls", i)
		}
		if strings.Contains(a.Text, "%!") {
			t.Fatalf("article %d has a formatting error: %s", i, a.Text)
		}
	}
	if Generate(2, 0) == Generate(1, 0) {
		t.Error("the seed does not change the corpus")
	}
}

func TestWriteCorpus(t *testing.T) {
	var buf bytes.Buffer
	n, err := WriteCorpus(&buf, 7, 10, 25)
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(buf.Len()) {
		t.Errorf("reported %d bytes, wrote %d", n, buf.Len())
	}
	sc := bufio.NewScanner(&buf)
	sc.Buffer(nil, 1<<20)
	lines := 0
	for sc.Scan() {
		var a Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("line %d: %v", lines, err)
		}
		if want := Generate(7, 10+lines); a != want {
			t.Fatalf("line %d is not article %d", lines, 10+lines)
		}
		lines++
	}
	if lines != 25 {
		t.Errorf("%d lines, want 25", lines)
	}
}

func BenchmarkGenerate(b *testing.B) {
	i := 0
	for b.Loop() {
		_ = Generate(1, i)
		i++
	}
}

func TestPercentile(t *testing.T) {
	ts := make([]time.Duration, 100)
	for i := range ts {
		ts[i] = time.Duration(i+1) * time.Millisecond
	}
	cases := []struct {
		in   []time.Duration
		p    int
		want time.Duration
	}{
		{ts, 50, 50 * time.Millisecond},
		{ts, 95, 95 * time.Millisecond},
		{ts, 100, 100 * time.Millisecond},
		{ts[:1], 95, time.Millisecond},
		{ts[:20], 95, 19 * time.Millisecond},
		{nil, 50, 0},
	}
	for _, c := range cases {
		if got := Percentile(c.in, c.p); got != c.want {
			t.Errorf("p%d of %d values = %v, want %v", c.p, len(c.in), got, c.want)
		}
	}
}

// TestCorpusPerDay: dated in order, PerDay a weekday, never a weekend; the
// texts the same as the randomly dated corpus's but for the dates.
func TestCorpusPerDay(t *testing.T) {
	c := Corpus{Seed: 3, PerDay: 4}
	prev := ""
	for i := range 60 {
		a := c.Article(i)
		d, err := time.Parse("2006-01-02", a.Published)
		if err != nil {
			t.Fatal(err)
		}
		if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
			t.Errorf("article %d on a %s", i, wd)
		}
		if i%4 == 0 && i > 0 && a.Published <= prev {
			t.Errorf("article %d dated %s, not after %s", i, a.Published, prev)
		}
		if i%4 != 0 && a.Published != prev {
			t.Errorf("article %d dated %s, want %s (4 a day)", i, a.Published, prev)
		}
		prev = a.Published
		r := Generate(3, i)
		if r.Source != a.Source || r.Outlet != a.Outlet {
			t.Errorf("article %d: %s/%s, random dating gives %s/%s", i, a.Source, a.Outlet, r.Source, r.Outlet)
		}
	}
	if got := c.Article(0).Published; got != "2031-02-03" {
		t.Errorf("first day %s", got)
	}
	if got := c.Article(20).Published; got != "2031-02-10" { // the sixth weekday: next Monday
		t.Errorf("sixth weekday %s", got)
	}
}
