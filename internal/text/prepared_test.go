package text

import (
	"reflect"
	"strings"
	"testing"

	"github.com/parley-news/parley/internal/article"
)

// checkPrepared asserts that Prepare gives what the separate scanners give.
func checkPrepared(t *testing.T, p *Prepared, s string) {
	t.Helper()
	if !p.For(s) {
		t.Fatalf("Prepare(%q) not For its body", s)
	}
	if toks := Tokenize(nil, s, article.Span{0, len(s)}); !reflect.DeepEqual(p.Tokens, toks) && !(len(p.Tokens) == 0 && len(toks) == 0) {
		t.Errorf("Tokens(%q) = %v, want %v", s, p.Tokens, toks)
	}
	if paras := Paragraphs(s); !reflect.DeepEqual(p.Paragraphs, paras) && !(len(p.Paragraphs) == 0 && len(paras) == 0) {
		t.Errorf("Paragraphs(%q) = %v, want %v", s, p.Paragraphs, paras)
	}
	if sents := Sentences(s); !reflect.DeepEqual(p.Sentences, sents) && !(len(p.Sentences) == 0 && len(sents) == 0) {
		t.Errorf("Sentences(%q) = %v, want %v", s, p.Sentences, sents)
	}
	if want := asciiLowerForTest(s); p.Lower != want {
		t.Errorf("Lower(%q) = %q, want %q", s, p.Lower, want)
	}
}

func TestPrepare(t *testing.T) {
	var p *Prepared
	// One Prepared reused across texts, longer then shorter, as the
	// pipeline's pool does.
	for _, s := range []string{
		"GENEVA (Wire) - Talks resumed on Monday.\n\nMr. Lund said: “We are close.”",
		"short one",
		"",
		"Ünïcode Ärger. Second sentence here!\n\n\nThird paragraph, with U.S. officials.",
	} {
		p = Prepare(p, s)
		checkPrepared(t, p, s)
	}
	if p.For("another text") {
		t.Error("For accepted a different text")
	}
	var nilP *Prepared
	if nilP.For("") {
		t.Error("a nil Prepared is For nothing")
	}
}

func TestASCIILower(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"already lower", "already lower"},
		{"Mixed CASE Words", "mixed case words"},
		{"Ärger ÜBER", "Ärger Über"}, // non-ASCII bytes are kept
	} {
		if got := ASCIILower(c.in); got != c.want {
			t.Errorf("ASCIILower(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzPrepare(f *testing.F) {
	f.Add("Mr. Lund said: “We are close.”\n\nNext.")
	f.Add("a\n\n\nB. C")
	f.Fuzz(func(t *testing.T, s string) {
		p := Prepare(nil, strings.Repeat("Old Text. ", 5))
		p = Prepare(p, s)
		checkPrepared(t, p, s)
	})
}
