package store

import (
	"strings"
	"testing"

	"github.com/parley-news/parley/internal/article"
)

// TestApplyCorrections: anchors are found at their offsets, moved with
// the text, by overlap when a new pipeline draws a span differently, and
// flagged when the passage is gone; the input is never modified.
func TestApplyCorrections(t *testing.T) {
	body := `Envoy Mara Lind said the border would open. Minister Otto Brandt said talks would resume.`
	at := func(b, sub string) article.Span {
		i := strings.Index(b, sub)
		if i < 0 {
			t.Fatalf("%q not in %q", sub, b)
		}
		return article.Span{i, i + len(sub)}
	}
	st := func(b, speaker, sentence string) article.Statement {
		sp := at(b, sentence)
		return article.Statement{Speaker: article.Actor{Name: speaker}, Kind: article.Indirect, Text: sentence, Span: sp, TextSpan: sp}
	}
	first, second := "Envoy Mara Lind said the border would open.", "Minister Otto Brandt said talks would resume."
	fix := func(anchorBody, sentence string, e Edit) Correction {
		an, err := AnchorAt("src", anchorBody, at(anchorBody, sentence))
		if err != nil {
			t.Fatal(err)
		}
		return Correction{ID: 1, Kind: CorrectStatement, Anchor: an, Edit: &e, Note: "n"}
	}
	moved := "UPDATE: background first. " + body
	tests := []struct {
		name     string
		body     string
		sts      func(b string) []article.Statement
		c        Correction
		source   string
		status   string
		speakers string
	}{
		{"at its offsets", body, func(b string) []article.Statement {
			return []article.Statement{st(b, "Mara Lind", first), st(b, "Otto Brandt", second)}
		},
			fix(body, second, Edit{Speaker: "Lena Brandt"}), "src", Applied, "Mara Lind|Lena Brandt"},
		{"moved with the text", moved, func(b string) []article.Statement {
			return []article.Statement{st(b, "Mara Lind", first), st(b, "Otto Brandt", second)}
		},
			fix(body, second, Edit{Speaker: "Lena Brandt"}), "src", Applied, "Mara Lind|Lena Brandt"},
		{"narrower span of a new pipeline", body, func(b string) []article.Statement {
			return []article.Statement{st(b, "Mara Lind", first), st(b, "Otto Brandt", "talks would resume")}
		}, fix(body, second, Edit{Speaker: "Lena Brandt"}), "src", Applied, "Mara Lind|Lena Brandt"},
		{"passage gone", strings.Replace(body, second, "Nothing more was said.", 1), func(b string) []article.Statement { return []article.Statement{st(b, "Mara Lind", first)} },
			fix(body, second, Edit{Speaker: "Lena Brandt"}), "src", NeedsReview, "Mara Lind"},
		{"no statement there any more", body, func(b string) []article.Statement { return []article.Statement{st(b, "Mara Lind", first)} },
			fix(body, second, Edit{Speaker: "Lena Brandt"}), "src", NeedsReview, "Mara Lind"},
		{"deleted one already gone", body, func(b string) []article.Statement { return []article.Statement{st(b, "Mara Lind", first)} },
			fix(body, second, Edit{Delete: true}), "src", Applied, "Mara Lind"},
		{"delete", body, func(b string) []article.Statement {
			return []article.Statement{st(b, "Mara Lind", first), st(b, "Otto Brandt", second)}
		},
			fix(body, first, Edit{Delete: true}), "src", Applied, "Otto Brandt"},
		{"other article", body, func(b string) []article.Statement {
			return []article.Statement{st(b, "Mara Lind", first), st(b, "Otto Brandt", second)}
		},
			fix(body, second, Edit{Speaker: "Lena Brandt"}), "elsewhere", "", "Mara Lind|Otto Brandt"},
		{"merge", body, func(b string) []article.Statement {
			return []article.Statement{st(b, "Mara Lind", first), st(b, "Otto Brandt", second)}
		},
			Correction{ID: 1, Kind: CorrectMerge, Actor: "otto brandt", Into: "Mara Lind", Note: "n"}, "src", "", "Mara Lind|Mara Lind"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &article.Article{Body: tc.body, Statements: tc.sts(tc.body)}
			keep := a.Statements[0].Speaker.Name
			out, res, _ := ApplyCorrections(tc.source, a, []Correction{tc.c})
			var got []string
			for _, s := range out.Statements {
				got = append(got, s.Speaker.Name)
			}
			if strings.Join(got, "|") != tc.speakers {
				t.Errorf("speakers = %q, want %s", got, tc.speakers)
			}
			status := ""
			if len(res) > 0 {
				status = res[0].Status
				if status == NeedsReview && res[0].Problem == "" {
					t.Error("flagged without a problem")
				}
			}
			if status != tc.status {
				t.Errorf("status = %q, want %q", status, tc.status)
			}
			if a.Statements[0].Speaker.Name != keep {
				t.Error("the input was modified")
			}
		})
	}
}
