package actors

import "testing"

func TestKey(t *testing.T) {
	same := [][2]string{
		{"Sergey Lavrenko", "Sergei Lavrenko"},
		{"Anthony Bright", "Antony Bright"},
		{"Kiev", "Kyiv"},
		{"Aleksandr", "Alexandr"},
		{"Mikhail", "Mihail"},
		{"José", "Jose"},
	}
	for _, p := range same {
		if Key(p[0]) != Key(p[1]) {
			t.Errorf("Key(%q)=%q != Key(%q)=%q", p[0], Key(p[0]), p[1], Key(p[1]))
		}
	}
	diff := [][2]string{{"Smith", "Jones"}, {"Anna", "Boris"}, {"Kiev", "Minsk"}}
	for _, p := range diff {
		if Key(p[0]) == Key(p[1]) {
			t.Errorf("Key(%q) == Key(%q) = %q", p[0], p[1], Key(p[0]))
		}
	}
}
