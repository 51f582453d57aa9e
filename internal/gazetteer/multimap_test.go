package gazetteer

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"
)

// TestMultimapMatchesMap holds the pointer-free table to a Go map of
// lists: keys added in random order with repeats, the table started too
// small so that it grows many times, the empty key, keys that are
// prefixes of one another, lists of one and of many, and lookups of keys
// never added.
func TestMultimapMatchesMap(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	want := map[string][]int32{}
	mm := newMultimap(1)
	keys := []string{"", "a", "ab", "abc", "ab c", "é", "a\x00b"}
	for i := range 3000 {
		keys = append(keys, fmt.Sprintf("k%d", i), fmt.Sprintf("k%d x", i))
	}
	for range 20000 {
		k := keys[r.IntN(len(keys))]
		v := int32(r.IntN(40))
		if r.IntN(3) > 0 { // most keys have one index
			v = int32(len(k))
		}
		mm.add(k, v)
		if !slices.Contains(want[k], v) {
			want[k] = append(want[k], v)
		}
	}
	mm.finish()
	for _, k := range keys {
		var one [1]int32
		got := mm.get(k, &one)
		if w := want[k]; !reflect.DeepEqual(slices.Clone(got), w) && !(len(got) == 0 && len(w) == 0) {
			t.Fatalf("get(%q) = %v, want %v", k, got, w)
		}
	}
	for _, k := range []string{"zz", "k3000", "abcd", "k1 y"} {
		var one [1]int32
		if got := mm.get(k, &one); got != nil {
			t.Errorf("get(%q) = %v, want nothing", k, got)
		}
	}
	var zero multimap
	var one [1]int32
	if got := zero.get("a", &one); got != nil {
		t.Errorf("zero table: get = %v", got)
	}
	if 2*mm.used > len(mm.slots) {
		t.Errorf("%d keys in %d slots: more than half full", mm.used, len(mm.slots))
	}
}

// FuzzParse: any file is refused with an error or read without a panic,
// and what it reads answers lookups of its own names.
func FuzzParse(f *testing.F) {
	f.Add(FormatHeader + "\nC\tUSA\tUnited States\tunited states|usa\nK\tUSAGOV\tUSA\tGOV\t\t0\t\nP\tJoe Bloggs\tUSAGOV@20200101-\tjoe bloggs\nO\tState Department\tUSAGOV\tstate department\nA\tGOV\tminister\n")
	f.Add(FormatHeader + "\r\nC\tX\tX\t\r\nP\t\t\t\n")
	f.Add("nope")
	f.Fuzz(func(t *testing.T, data string) {
		g, err := parseText(data)
		if err != nil {
			return
		}
		for i := range g.people {
			name := g.nameOf(&g.people[i])
			g.LookupPerson(name, time.Time{})
			g.Person(name, time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC))
		}
		for i := range g.orgs {
			g.LookupOrg(g.nameOf(&g.orgs[i]))
		}
		g.LookupCountry("usa")
		g.Agent("minister")
		g.CodeRole("USAGOV")
	})
}
