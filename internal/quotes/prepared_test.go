package quotes

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/parley-news/parley/internal/text"
)

// Analyze must give the same output whether it scans the body itself or
// reads a text.Prepared; a Prepared of another text is ignored.
func TestPreparedSameOutput(t *testing.T) {
	pub := time.Date(2023, 3, 15, 0, 0, 0, 0, time.UTC)
	an, _ := New(nil, nil)
	var p *text.Prepared
	found := 0
	for _, body := range []string{
		"Anna Berg, the trade minister, said on Monday the deal was close.\n\n“We will sign it soon,” she told reporters.",
		"The Foreign Ministry said in a statement that talks would resume. Moscow says the limits are unacceptable.",
		"no capitals here, he said, and nothing more.",
	} {
		in := Input{Title: "Berg Says Deal Close", Body: body, Published: pub, Timexes: miniTimex(body, pub)}
		want := an.Analyze(context.Background(), in)
		found += len(want.Statements)
		p = text.Prepare(p, body)
		in.Text = p
		if got := an.Analyze(context.Background(), in); !reflect.DeepEqual(got, want) {
			t.Errorf("with Prepared:\n%+v\nwant\n%+v", got, want)
		}
		in.Text = text.Prepare(nil, "Another text altogether, he said.")
		if got := an.Analyze(context.Background(), in); !reflect.DeepEqual(got, want) {
			t.Errorf("with a foreign Prepared:\n%+v\nwant\n%+v", got, want)
		}
	}
	if found == 0 {
		t.Error("no statements at all: the comparison proves nothing")
	}
}
