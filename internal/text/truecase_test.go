package text

import (
	"strings"
	"testing"
)

func TestCaseCapsLines(t *testing.T) {
	body := "\n\nFormer minister Anna Berg says the harbour plan is dead. She told NATO envoys and the DuVernay panel so on Monday."
	tests := []struct{ name, in, want string }{
		{"headline in capitals", "ANNA BERG SAYS HARBOUR PLAN IS DEAD" + body, "Anna Berg says harbour plan is dead" + body},
		{"acronym and own spelling kept", "NATO ENVOYS MEET DUVERNAY PANEL" + body, "NATO envoys meet DuVernay panel" + body},
		{"unseen words read lower", "BERG'S GAMBLE FAILS AT LAST" + body, "Berg's gamble fails at last" + body},
		{"title case headline", "Former Minister Says Harbour Plan Is Dead" + body, "Former minister says harbour plan is dead" + body},
		{"a dateline stays", "PORT LAVELLE, NORLAND (AP) _ THE TALKS" + body, "PORT LAVELLE, NORLAND (AP) _ THE TALKS" + body},
		{"three words are too few", "ANNA BERG SAYS" + body, "ANNA BERG SAYS" + body},
		{"a text in capitals stays", "ANNA BERG SAYS HARBOUR PLAN IS DEAD\n\nTHE TALKS FAILED ON MONDAY, OFFICIALS SAID.", "ANNA BERG SAYS HARBOUR PLAN IS DEAD\n\nTHE TALKS FAILED ON MONDAY, OFFICIALS SAID."},
		{"a title-case line below the first stays", "The harbour talks.\nFormer Minister Says Harbour Plan Is Dead" + body, "The harbour talks.\nFormer Minister Says Harbour Plan Is Dead" + body},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CaseCapsLines(tt.in); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// FuzzCaseCapsLines: offsets hold (the same length, only ASCII letters
// changed, each to its other case), and a text with no line in capitals or
// title case comes back as it is.
func FuzzCaseCapsLines(f *testing.F) {
	for _, s := range []string{"ANNA BERG SAYS THE PLAN IS DEAD\n\nBerg says so.", "Anna Berg Says Plan Is Dead\nShe says so.", "A\nB", "\xe2\x80 ABC DEF GHI JKL", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// CaseLine changes the case of ASCII letters only, as CaseCapsLines
		{
			line, _, _ := strings.Cut(s, "\n")
			got := CaseLine(line, s)
			if len(got) != len(line) {
				t.Fatalf("CaseLine: length %d, want %d", len(got), len(line))
			}
			for i := 0; i < len(line); i++ {
				if got[i] != line[i] && !(isASCIILetter(line[i]) && (got[i] == line[i]+'a'-'A' || got[i] == line[i]-'a'+'A')) {
					t.Fatalf("CaseLine: byte %d: %q became %q", i, line[i], got[i])
				}
			}
		}
		got := CaseCapsLines(s)
		if len(got) != len(s) {
			t.Fatalf("length %d, want %d", len(got), len(s))
		}
		for i := 0; i < len(s); i++ {
			if got[i] != s[i] && !(isASCIILetter(s[i]) && (got[i] == s[i]+'a'-'A' || got[i] == s[i]-'a'+'A')) {
				t.Fatalf("byte %d: %q became %q", i, s[i], got[i])
			}
		}
		if !strings.Contains(s, "\n") && got != s && !titleCased(s) {
			_, lo, _ := lineLetters(s)
			if lo > 0 {
				t.Fatalf("a mixed-case line changed: %q → %q", s, got)
			}
		}
	})
}

// A headline in capitals is cased as its report writes the words.
func TestCaseLine(t *testing.T) {
	body := "Premier Khrushchev warned the West on Tuesday. The Soviet leader spoke on radio about Berlin."
	for in, want := range map[string]string{
		"KHRUSHCHEV WARNS WEST ON BERLIN":   "Khrushchev warns West on Berlin",
		"Khrushchev warns West":             "Khrushchev warns West", // not in capitals
		"NO":                                "NO",                    // too short
		"SOVIET LEADER SPEAKS ABOUT BERLIN": "Soviet leader speaks about Berlin",
		"KHRUSHCHEV TO SPEAK AGAIN IN MAY":  "Khrushchev to speak again in May",
		// an acronym the report never writes keeps its capitals
		"SOVIET FM WARNS WEST ON BERLIN": "Soviet FM warns West on Berlin",
		"SOVIET PM TO SPEAK ON RADIO":    "Soviet PM to speak on radio",
	} {
		if got := CaseLine(in, body); got != want {
			t.Errorf("CaseLine(%q) = %q, want %q", in, got, want)
		}
	}
	if got := CaseLine("KHRUSHCHEV WARNS WEST ON BERLIN", "ALL OF THIS TEXT IS IN CAPITALS, a telex"); got != "KHRUSHCHEV WARNS WEST ON BERLIN" {
		t.Errorf("telex body: %q", got)
	}
}
