package dossier

import (
	"os"
	"regexp"
	"testing"
)

// TestDocsExample keeps docs/dossier.md honest: its example validates.
func TestDocsExample(t *testing.T) {
	doc, err := os.ReadFile("../../docs/dossier.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)```yaml\n(.*?)```").FindSubmatch(doc)
	if m == nil {
		t.Fatal("docs/dossier.md has no YAML example")
	}
	d, err := Parse("docs/dossier.md", m[1])
	if err != nil {
		t.Fatalf("the documented example does not validate:\n%v", err)
	}
	if len(d.Parties) != 2 || len(d.Issues) != 2 {
		t.Errorf("example: %d parties, %d issues", len(d.Parties), len(d.Issues))
	}
}
