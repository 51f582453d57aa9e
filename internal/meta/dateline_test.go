package meta

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestParseDateline(t *testing.T) {
	tests := []struct {
		in           string
		place        string
		region       string
		outlet       string
		month        time.Month
		day, year    int
		rest         string // the text right after the dateline
		notADateline bool
	}{
		{in: "MOSCOW, January 26. /TASS/. The minister said", place: "Moscow", outlet: "TASS", month: 1, day: 26, rest: "The minister"},
		{in: "BRUSSELS, December 3. /TASS/. Talks", place: "Brussels", outlet: "TASS", month: 12, day: 3, rest: "Talks"},
		{in: "NEW YORK, Jan. 5, 2023. /TASS/ - Talks", place: "New York", outlet: "TASS", month: 1, day: 5, year: 2023, rest: "Talks"},
		{in: "MOSCOW (Sputnik) - Russian officials", place: "Moscow", outlet: "Sputnik", rest: "Russian"},
		{in: "Moscow-. Russia has said", place: "Moscow", rest: "Russia"},
		{in: "Washington (AFP) – The White House", place: "Washington", outlet: "AFP", rest: "The White"},
		{in: "LONDON (Reuters) - Britain said", place: "London", outlet: "Reuters", rest: "Britain"},
		{in: "BRUSSELS, Jan 13 (Reuters) - NATO", place: "Brussels", outlet: "Reuters", month: 1, day: 13, rest: "NATO"},
		{in: "NAIROBI, Kenya (AP) _ Bombs", place: "Nairobi", region: "Kenya", outlet: "AP", rest: "Bombs"},
		{in: "KYIV, Ukraine — Officials", place: "Kyiv", region: "Ukraine", rest: "Officials"},
		{in: "TOKYO, Feb. 24 Kyodo - Japan will", place: "Tokyo", outlet: "Kyodo", month: 2, day: 24, rest: "Japan"},
		{in: "Riyadh, January 12, 2031, SPA -- The minister", place: "Riyadh", outlet: "SPA", month: 1, day: 12, year: 2031, rest: "The"},
		{in: "(CNN) - Ukrainian and Russian delegations", outlet: "CNN", rest: "Ukrainian"},
		// title case with a country or state after the city, or a capital
		{in: "Doha, Qatar - Mediators said", place: "Doha", region: "Qatar", rest: "Mediators"},
		{in: "Kabul, Afghanistan — The talks", place: "Kabul", region: "Afghanistan", rest: "The talks"},
		{in: "Doha – Mediators said", place: "Doha", rest: "Mediators"},
		{in: "Nairobi, Oct. 3 — Bombs", place: "Nairobi", month: 10, day: 3, rest: "Bombs"},
		{in: "Russia - which has the largest", notADateline: true},
		{in: "Berlin, Russian - has said", notADateline: true},
		{in: "LONDON/DUBAI, Oct 2 (Reuters) - OPEC+ is", place: "London", outlet: "Reuters", month: 10, day: 2, rest: "OPEC+"},
		{in: "NEW YORK/LONDON (Reuters) - Oil", place: "New York", outlet: "Reuters", rest: "Oil"},
		{in: "Madrid, Apr 7 (EFE).- Spain and Morocco", place: "Madrid", outlet: "EFE", month: 4, day: 7, rest: "Spain"},
		{in: "PARIS, July 10.--Foreign Minister", place: "Paris", month: 7, day: 10, rest: "Foreign"},
		{in: "GENEVA, May 20--Premier Khrushchev", place: "Geneva", month: 5, day: 20, rest: "Premier"},
		{in: "GENEVA—Premier Khrushchev", place: "Geneva", rest: "Premier"},
		{in: "Geneva--Premier Khrushchev", notADateline: true},
		{in: "NATO-Russia talks", notADateline: true},
		{in: "Nov 14 (Reuters) - Oil prices rose", outlet: "Reuters", month: 11, day: 14, rest: "Oil"},
		{in: "May 3 (Unknown Wire) - Oil", notADateline: true},
		{in: "AUGUSTA, Ga. (AP) — Officials", place: "Augusta", region: "Ga", outlet: "AP", rest: "Officials"},
		{in: "MARSEILLE, France (AFP) - Officials", place: "Marseille", region: "France", outlet: "AFP", rest: "Officials"},
		{in: "May Day marchers (Reuters) - said", notADateline: true},
		// a known place in capitals alone on its line
		{in: "ANKARA", place: "Ankara", rest: ""},
		{in: "RUSSIAN", notADateline: true},
		{in: "New Delhi, Mar 3 (PTI) External Affairs Minister", place: "New Delhi", outlet: "PTI", month: 3, day: 3, rest: "External"},
		{in: "Geneva (Unknown Wire) The talks", notADateline: true},
		{in: "(AP) — The Senate voted on Tuesday", outlet: "AP", rest: "The Senate"},
		{in: "(Unknown Outlet) - Text", notADateline: true},
		{in: "(The talks) - resumed", notADateline: true},
		{in: "SEOUL, March 3 Yonhap -- North Korea", place: "Seoul", outlet: "Yonhap", month: 3, day: 3, rest: "North"},
		{in: "BEIJING, March 3 Xinhua -- Chinese", place: "Beijing", outlet: "Xinhua", month: 3, day: 3, rest: "Chinese"},
		{in: "Tokyo Officials - said", notADateline: true},
		{in: "WASHINGTON — The Senate", place: "Washington", rest: "The Senate"},
		{in: "RIO DE JANEIRO (AP) — Police", place: "Rio de Janeiro", outlet: "AP", rest: "Police"},
		{in: "BERLIN, 12 March 2022 (dpa) - Germany", place: "Berlin", outlet: "dpa", month: 3, day: 12, year: 2022, rest: "Germany"},
		{in: "GENEVA (Associated Press) -- Diplomats", place: "Geneva", outlet: "AP", rest: "Diplomats"},
		{in: "Moscow — and Washington — disagree", notADateline: true},
		{in: "Moscow said on Monday that", notADateline: true},
		{in: "The talks (in Geneva) - ended", notADateline: true},
		{in: "", notADateline: true},
		{in: "\"We are ready,\" he said.", notADateline: true},
		// a place and a date alone on their line
		{in: "NEW DELHI, OCTOBER 13, 2031", place: "New Delhi", month: 10, day: 13, year: 2031, rest: ""},
		{in: "Moscow, 26 January 2031.", place: "Moscow", month: 1, day: 26, year: 2031, rest: ""},
		{in: "NEW DELHI, OCTOBER 13, 2031 India said", notADateline: true},
		{in: "NATO SUMMIT 2031", notADateline: true},
		// a transcript's heading names no place; an unknown town may
		{in: "Department Press Briefing, March 9", notADateline: true},
		// a page's dateline paragraph ending in its dash
		{in: "DOHA, May 6 —", place: "Doha", month: 5, day: 6, rest: ""},
		{in: "KESTRELTON —", notADateline: true},
		{in: "BREAKING NEWS —", notADateline: true},
		{in: "Statement by the President, May 2", notADateline: true},
		{in: "Kestrelton, 26 January 2031.", place: "Kestrelton", month: 1, day: 26, year: 2031, rest: ""},
		// the colon of South Asian papers: a known place, or a date
		{in: "NEW DELHI: India and China agreed", place: "New Delhi", rest: "India"},
		{in: "ISLAMABAD, Oct 13: Pakistan said", place: "Islamabad", month: 10, day: 13, rest: "Pakistan"},
		{in: "BREAKING: China said", notADateline: true},
		{in: "PRICE: Good afternoon", notADateline: true},
		{in: "RUSSIAN: yes", notADateline: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, ok := ParseDateline(tt.in)
			if tt.notADateline {
				if ok {
					t.Fatalf("ParseDateline(%q) = %+v, want none", tt.in, d)
				}
				return
			}
			if !ok {
				t.Fatalf("ParseDateline(%q): no dateline", tt.in)
			}
			if d.Place != tt.place || d.Region != tt.region || d.Outlet != tt.outlet {
				t.Errorf("place/region/outlet = %q/%q/%q, want %q/%q/%q", d.Place, d.Region, d.Outlet, tt.place, tt.region, tt.outlet)
			}
			if d.Month != tt.month || d.Day != tt.day || d.Year != tt.year {
				t.Errorf("date = %v %d %d, want %v %d %d", d.Month, d.Day, d.Year, tt.month, tt.day, tt.year)
			}
			if !strings.HasPrefix(tt.in[d.Len:], tt.rest) {
				t.Errorf("after dateline: %q, want it to start with %q", tt.in[d.Len:], tt.rest)
			}
		})
	}
}

func TestCanonicalOutlet(t *testing.T) {
	for in, want := range map[string]string{
		"Sputnik International": "Sputnik", "/TASS/": "TASS", "The Associated Press": "AP",
		"reuters": "Reuters", "The Northern Ledger": "The Northern Ledger", "": "",
	} {
		if got := CanonicalOutlet(in); got != want {
			t.Errorf("CanonicalOutlet(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzParseDateline(f *testing.F) {
	for _, s := range []string{"MOSCOW, January 26. /TASS/. Text", "LONDON (Reuters) - x", "Moscow-. x", "KYIV, Ukraine — x", "A (b) _", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := ParseDateline(s)
		if !ok {
			return
		}
		if d.Len <= 0 || d.Len > len(s) {
			t.Fatalf("Len %d out of range for %q", d.Len, s)
		}
		if utf8.ValidString(s) && !utf8.ValidString(s[:d.Len]) {
			t.Fatalf("Len %d splits a rune in %q", d.Len, s)
		}
		// A dateline names a place, or at least the service that filed
		// the report ("(CNN) -").
		if d.Place == "" && d.Outlet == "" {
			t.Fatalf("dateline without a place or an outlet in %q", s)
		}
		if d.Month != 0 && (d.Day < 1 || d.Day > 31) {
			t.Fatalf("bad day %d in %q", d.Day, s)
		}
	})
}

func TestNotDatelines(t *testing.T) {
	for _, s := range []string{
		"Rep. Trey Gowdy (R-S.C.) said that claim smacked of hypocrisy",
		"However, Rep. Stephen Lynch (D-Mass.) said the law does not require it",
		"Rep. Jane Doe (D-Calif.) - who chairs the panel - said",
		"ORLOV (through translator): The deal is not dead.",
	} {
		if d, ok := ParseDateline(s); ok {
			t.Errorf("ParseDateline(%q) = %+v, want none", s, d)
		}
	}
}

func BenchmarkParseDateline(b *testing.B) {
	lines := []string{
		"MOSCOW, January 26. /TASS/. Russia received some answers on the proposals, the deputy minister said on Wednesday.",
		"LONDON (Reuters) - Britain said on Tuesday it would send envoys to the talks.",
		"The delegation said that the quota talks would resume after the holiday on Monday.",
		"Lakeland Deputy Foreign Minister Irena Volk Lakeland Foreign Ministry/NAP",
	}
	for b.Loop() {
		for _, l := range lines {
			ParseDateline(l)
		}
	}
}
