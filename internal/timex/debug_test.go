package timex

import (
	"fmt"
	"os"
	"testing"
	"time"
)

func TestDebugTag(t *testing.T) {
	s := os.Getenv("TX")
	if s == "" {
		t.Skip()
	}
	a, _ := time.Parse("2006-01-02", os.Getenv("TA"))
	for _, x := range New().Tag(s, a) {
		fmt.Printf("%q %s %s %v\n", x.Text, x.Type, x.Value, x.Span)
	}
}
