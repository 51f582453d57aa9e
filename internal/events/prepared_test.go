package events

import (
	"context"
	"reflect"
	"testing"

	"github.com/parley-news/parley/internal/text"
)

// Extract must give the same events whether it scans the body itself or
// reads a text.Prepared; a Prepared of another text is ignored.
func TestPreparedSameOutput(t *testing.T) {
	x, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	var p *text.Prepared
	for _, c := range []struct{ body, when string }{
		{"Norway and Chile signed a fisheries accord on Tuesday. The ministers met in Oslo.", "on Tuesday"},
		{"PERU RECALLS ENVOY. Lima recalled its ambassador on Friday after the talks collapsed.", "on Friday"},
	} {
		in := input(c.body, "2024-05-10", tx{c.when, "2024-05-07"})
		want := x.Extract(context.Background(), in)
		if len(want) == 0 {
			t.Fatalf("no events in %q: the comparison would prove nothing", c.body)
		}
		p = text.Prepare(p, c.body)
		in.Text = p
		if got := x.Extract(context.Background(), in); !reflect.DeepEqual(got, want) {
			t.Errorf("with Prepared:\n%+v\nwant\n%+v", got, want)
		}
		in.Text = text.Prepare(nil, "Another text: Peru met Chile.")
		if got := x.Extract(context.Background(), in); !reflect.DeepEqual(got, want) {
			t.Errorf("with a foreign Prepared:\n%+v\nwant\n%+v", got, want)
		}
	}
}
