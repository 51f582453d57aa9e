package storetest

import (
	"database/sql"
	"os"
	"testing"

	_ "modernc.org/sqlite" // the driver, for dbstat
)

// DamageSQLitePage overwrites the header of the last leaf page of table in
// the closed SQLite file at path with 0xA5 bytes: a bit flip a disk could
// make in article data, away from the schema the open reads. The page is
// found with dbstat, so the damage does not move with the file's layout.
func DamageSQLitePage(t testing.TB, path, table string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	var page, size int64
	err = db.QueryRow(`SELECT pageno, pgsize FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno DESC LIMIT 1`, table).Scan(&page, &size)
	db.Close()
	if err != nil {
		t.Fatalf("leaf page of %s: %v", table, err)
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	junk := []byte{0xA5, 0xA5, 0xA5, 0xA5, 0xA5, 0xA5, 0xA5, 0xA5, 0xA5, 0xA5, 0xA5, 0xA5}
	// dbstat numbers pages from 1; page 1 holds the file header first.
	if _, err := f.WriteAt(junk, (page-1)*size); err != nil {
		t.Fatal(err)
	}
}
