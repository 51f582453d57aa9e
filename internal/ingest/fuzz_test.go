package ingest

import (
	"context"
	"errors"
	"net/netip"
	"strings"
	"testing"
)

// fuzzRead reads data as the named container and checks what every
// reader must hold: no panic, every failure an *InputError, every document
// within the caps.
func fuzzRead(t *testing.T, ext string, data []byte) {
	cfg := DefaultConfig()
	cfg.MaxText = 4 << 10
	cfg.MaxRecord = 64 << 10
	cfg.FollowFeedLinks = false
	r := New(cfg, nil, strings.NewReader(""))
	emit := func(d Document, err error) bool {
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v is not an *InputError", err)
			}
			return true
		}
		if int64(len(d.Text)) > cfg.MaxText || int64(len(d.HTML)) > 8*cfg.MaxText {
			t.Fatalf("document over the caps: %d text, %d HTML bytes", len(d.Text), len(d.HTML))
		}
		return true
	}
	capped := func(d Document, err error) bool {
		if err == nil {
			if err = r.tooLarge(d); err != nil {
				return emit(Document{}, &InputError{Source: d.Source, Err: err})
			}
		}
		return emit(d, err)
	}
	r.content(context.Background(), "fuzz"+ext, ext, data, capped)
}

func FuzzJSONLines(f *testing.F) {
	f.Add([]byte(`{"text": "Talks resumed.", "source": "a"}` + "\n" + `{"html": "<p>x</p>"}`))
	f.Add([]byte("\n\n{not json\n"))
	f.Add([]byte(`{"text": "x", "published": "2031-03-03"}`))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, ".jsonl", data) })
}

func FuzzWARC(f *testing.F) {
	rec := warcRecord("https://example.org/a", "text/plain", "Story A.")
	f.Add([]byte(rec))
	f.Add([]byte(rec[:len(rec)-5]))
	f.Add([]byte("WARC/1.0\r\nWARC-Type: request\r\nContent-Length: 0\r\n\r\n\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, ".warc", data) })
}

func FuzzPublicAddr(f *testing.F) {
	for _, s := range []string{"127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::7f00:1", "93.184.216.34", "fe80::1%eth0", "2001:db8::1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !PublicAddr(s) {
			return
		}
		a, err := netip.ParseAddr(s)
		if err != nil {
			t.Fatalf("%q is not an address but public", s)
		}
		a = a.Unmap()
		if a.IsLoopback() || a.IsPrivate() || a.IsLinkLocalUnicast() || a.IsUnspecified() || a.IsMulticast() {
			t.Fatalf("%q is public", s)
		}
	})
}
