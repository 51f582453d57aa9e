package dossier

import (
	"testing"

	"github.com/parley-news/parley/internal/store"
)

// TestOverrides: a cell correction of this dossier sets its cell (the
// newest wins), keeps the computed stance beside it, adds a cell the
// statements do not fill, and other dossiers' corrections are ignored.
func TestOverrides(t *testing.T) {
	d := testDossier(t)
	cell := func(id int64, dossierName, party, issue, stance string) store.Correction {
		return store.Correction{ID: id, Kind: store.CorrectCell, Note: "note " + stance, By: "ana",
			Cell: &store.Cell{Dossier: dossierName, Party: party, Issue: issue, Stance: stance}}
	}
	base := Positions(d, testStatements(), Options{})
	tests := []struct {
		name        string
		cs          []store.Correction
		issue, part string
		want        Stance
		computed    Stance
		overridden  bool
	}{
		{"none", nil, "water-share", "Freedonia", For, "", false},
		{"override", []store.Correction{cell(1, d.Name(), "Freedonia", "water-share", "against")}, "water-share", "Freedonia", Against, For, true},
		{"newest wins", []store.Correction{cell(2, d.Name(), "Freedonia", "water-share", "counter"), cell(1, d.Name(), "Freedonia", "water-share", "against")},
			"water-share", "Freedonia", Counter, For, true},
		{"party by alias, case of dossier name", []store.Correction{cell(1, "  "+d.Name(), "freedonia", "water-share", "conditional")},
			"water-share", "Freedonia", Conditional, For, true},
		{"other dossier", []store.Correction{cell(1, "Another talk", "Freedonia", "water-share", "against")}, "water-share", "Freedonia", For, "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ps := Positions(d, testStatements(), Options{Corrections: tc.cs})
			c := findCell(ps, tc.issue, tc.part)
			if c == nil {
				t.Fatalf("no cell %s/%s", tc.issue, tc.part)
			}
			if c.Stance != tc.want || (c.Override != nil) != tc.overridden {
				t.Fatalf("cell = %s override %+v, want %s overridden %v", c.Stance, c.Override, tc.want, tc.overridden)
			}
			if c.Override != nil && (c.Override.Computed != tc.computed || c.Override.Note == "" || c.Override.By != "ana") {
				t.Errorf("override = %+v, want computed %s with note and who", c.Override, tc.computed)
			}
			if !tc.overridden && len(ps) != len(base) {
				t.Errorf("%d cells, want %d", len(ps), len(base))
			}
		})
	}
	// A cell the statements leave empty appears, overridden, in dossier order.
	var empty *Issue
	for _, is := range d.Issues {
		if findCell(base, is.ID, d.Parties[0].Name) == nil {
			empty = &is
			break
		}
	}
	if empty == nil {
		t.Skip("every cell of the first party has evidence")
	}
	ps := Positions(d, testStatements(), Options{Corrections: []store.Correction{cell(1, d.Name(), d.Parties[0].Name, empty.ID, "for")}})
	c := findCell(ps, empty.ID, d.Parties[0].Name)
	if c == nil || c.Stance != For || c.Override == nil || c.Override.Computed != "" || len(ps) != len(base)+1 {
		t.Errorf("added cell = %+v (%d cells, base %d)", c, len(ps), len(base))
	}
}
