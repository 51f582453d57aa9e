package fileerr

import (
	"errors"
	"testing"
)

func TestErrors(t *testing.T) {
	kind := errors.New("invalid")
	es := Errors{
		{File: "d.yaml", Line: 3, Col: 7, Msg: "there is no month 13", Kind: kind},
		{File: "d.yaml", Line: 9, Col: 1, Msg: "issue without phrases", Kind: kind},
	}
	want := "d.yaml:3:7: there is no month 13\nd.yaml:9:1: issue without phrases"
	if es.Error() != want {
		t.Errorf("got %q, want %q", es.Error(), want)
	}
	var err error = es
	if !errors.Is(err, kind) {
		t.Error("Errors does not wrap its kind")
	}
	var one *Error
	if !errors.As(err, &one) || one.Line != 3 {
		t.Errorf("errors.As gave %+v", one)
	}
}
