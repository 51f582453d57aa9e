package timex

import (
	"os"
	"testing"
	"time"
)

// TestDebugTag prints the tagger's output for TX (anchor TA, YYYY-MM-DD):
//
//	TA=2022-01-26 TX="They met on Monday." go test ./internal/timex -run TestDebugTag -v
func TestDebugTag(t *testing.T) {
	s := os.Getenv("TX")
	if s == "" {
		t.Skip("TX not set")
	}
	a, _ := time.Parse("2006-01-02", os.Getenv("TA"))
	for _, x := range New().Tag(s, a) {
		if s[x.Span[0]:x.Span[1]] != x.Text {
			t.Errorf("span %v does not hold %q", x.Span, x.Text)
		}
		t.Logf("%q %s %s %v", x.Text, x.Type, x.Value, x.Span)
	}
}
