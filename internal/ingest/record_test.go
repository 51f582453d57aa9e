package ingest

import (
	"encoding/json"
	"reflect"
	"testing"
)

// sameAsEncodingJSON fails when decodeRecord and json.Unmarshal disagree
// on line: the record, or whether it is an error.
func sameAsEncodingJSON(t *testing.T, line []byte) {
	t.Helper()
	var want, got record
	werr := json.Unmarshal(line, &want)
	gerr := decodeRecord(line, &got)
	if (werr == nil) != (gerr == nil) {
		t.Fatalf("%q: error %v, encoding/json %v", line, gerr, werr)
	}
	if werr == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("%q: got %+v, encoding/json %+v", line, show(got), show(want))
	}
}

func show(r record) []any {
	p := func(s *string) any {
		if s == nil {
			return nil
		}
		return *s
	}
	return []any{p(r.Text), p(r.HTML), r.Source, r.Title, r.Published, r.URL, r.Outlet}
}

var recordCases = []struct {
	line string
	fast bool // decodeRecordFast takes it
}{
	{`{"source":"a","title":"T","outlet":"O","published":"2031-07-30","text":"A \"b\" \\ \/ \n\t\r\b\f é"}`, true},
	{` { "text" : "x" , "html":"<p>" , "url":"u" } `, true},
	{`{}`, true},
	{`{"text":"\u00e9\u2028\ud83d\ude00 \ud83d x \udc00 \ud83d\u0041"}`, true},
	{`{"text":"<a> &amp; \u003c"}`, true},
	{`{"Text":"case-insensitive key"}`, false},
	{`{"text":null}`, false},
	{`{"text":"a","text":"b"}`, false},
	{`{"text":"a","extra":1}`, false},
	{`{"text":"a","extra":{"x":[1,2]}}`, false},
	{"{\"text\":\"bad \xff utf-8\"}", false},
	{"{\"text\":\"bad \xff \\n utf-8\"}", false},
	{"{\"text\":\"good é \\n \xe2\x80\x9c\"}", true},
	{"{\"text\":\"raw\x01control\"}", false},
	{`{"text":"bad \x escape"}`, false},
	{`{"text":"bad \u12 escape"}`, false},
	{`{"text":"unterminated}`, false},
	{`{"text":"a"} trailing`, false},
	{`{"text":"a",}`, false},
	{`{"text" "a"}`, false},
	{`["text"]`, false},
	{`{"title":5}`, false},
	{``, false},
}

func TestDecodeRecord(t *testing.T) {
	for _, tc := range recordCases {
		var r record
		if got := decodeRecordFast([]byte(tc.line), &r); got != tc.fast {
			t.Errorf("%q: fast path %v, want %v", tc.line, got, tc.fast)
		}
		sameAsEncodingJSON(t, []byte(tc.line))
	}
}

func FuzzDecodeRecord(f *testing.F) {
	for _, tc := range recordCases {
		f.Add([]byte(tc.line))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		sameAsEncodingJSON(t, line)
	})
}

func BenchmarkDecodeRecord(b *testing.B) {
	line := []byte(`{"source":"s-1","title":"A title","outlet":"Wire","published":"2031-07-30","text":"` +
		`GENEVA, Jul. 30 — The minister told reporters on Wednesday that \"talks\" would resume.\n\n` +
		`Another paragraph follows with more words in it, and “quotes” in it.\n\nAnd a third one."}`)
	b.SetBytes(int64(len(line)))
	for b.Loop() {
		var r record
		if err := decodeRecord(line, &r); err != nil {
			b.Fatal(err)
		}
	}
}
