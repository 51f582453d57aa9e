package actors

import (
	"reflect"
	"testing"
	"time"

	"github.com/parley-news/parley/internal/article"
	"github.com/parley-news/parley/internal/text"
)

// A Book Reset for a new article must find what a new Book finds.
func TestBookResetLikeNew(t *testing.T) {
	reused := NewBook(nil, time.Time{})
	for _, body := range []string{
		"Foreign Minister Anna Berg met Sergei Petrov in Oslo. Later Ms. Berg spoke to the Foreign Ministry.",
		"Petrov said the Defence Ministry would reply. Berg declined to comment.",
		"The European Commission and Mr. Lund met in Brussels.",
	} {
		toks := text.Tokenize(nil, body, article.Span{0, len(body)})
		fresh := NewBook(nil, time.Time{})
		want := Find(body, toks, fresh)
		reused.Reset(nil, time.Time{})
		got := Find(body, toks, reused)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: after Reset\n%+v\nwant\n%+v", body, got, want)
		}
		if !reflect.DeepEqual(reused.Actors(), fresh.Actors()) {
			t.Errorf("%q: actors after Reset\n%+v\nwant\n%+v", body, reused.Actors(), fresh.Actors())
		}
	}
}
