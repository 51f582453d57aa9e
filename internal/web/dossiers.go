package web

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/parley-news/parley/internal/dossier"
)

// Dossiers at runtime
//
// The server holds any number of dossiers by name; one is active and gives
// the matrix, the stance timeline and /api/v1/positions unless a request
// names another (?dossier=NAME). With Config.DossierDir the dossiers are
// the directory's NAME.yaml files: they are read at start and a save
// writes the file back (atomically). Without it they live in memory and an
// edit lasts until the server stops. A file that does not validate is kept
// with its errors, so the editor can fix it; it cannot be made active. An
// edit that does not validate is refused with its errors and changes
// nothing.

// dossierEntry is one named dossier: its YAML as written and, when it
// validates, the parsed dossier.
type dossierEntry struct {
	Name    string
	Source  []byte
	D       *dossier.Dossier // nil when Errors is not empty
	Errors  dossier.Errors
	Updated time.Time
}

// dossierSet is the server's dossiers. Entries are replaced, never
// changed in place, so a reader may keep one after unlocking.
type dossierSet struct {
	mu     sync.RWMutex
	dir    string
	items  map[string]*dossierEntry
	active string
}

// Errors of the dossier registry.
var (
	// errDossierName: a name that cannot be a dossier's.
	errDossierName = errors.New("a dossier name is 1 to 64 letters, digits, '-' or '_'")
	// errNoDossier: no dossier by that name.
	errNoDossier = errors.New("no such dossier")
	// errDossierInvalid: the dossier has errors and cannot be made active.
	errDossierInvalid = errors.New("the dossier has errors; fix them first")
)

// validDossierName keeps names safe as file names and URL segments.
func validDossierName(n string) bool {
	if n == "" || len(n) > 64 {
		return false
	}
	for i := 0; i < len(n); i++ {
		c := n[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// dossierName turns a file name into a dossier name ("talks.yaml" → "talks").
func dossierName(file string) string {
	b := filepath.Base(file)
	b = strings.TrimSuffix(strings.TrimSuffix(b, ".yaml"), ".yml")
	var out strings.Builder
	for i := 0; i < len(b) && out.Len() < 64; i++ {
		c := b[i]
		if validDossierName(string(c)) {
			out.WriteByte(c)
		} else {
			out.WriteByte('-')
		}
	}
	if out.Len() == 0 {
		return "dossier"
	}
	return out.String()
}

// newDossierSet loads the directory's dossiers (when dir is set) and adds
// first (when not nil) under its file's name; first, else the first valid
// one by name, is active.
func newDossierSet(dir string, first *dossier.Dossier, firstSource []byte) (*dossierSet, error) {
	ds := &dossierSet{dir: dir, items: map[string]*dossierEntry{}}
	if dir != "" {
		files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
		if err != nil {
			return nil, fmt.Errorf("%w: dossier directory: %w", ErrConfig, err)
		}
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return nil, fmt.Errorf("%w: dossier directory %s is not a directory", ErrConfig, dir)
		}
		for _, f := range files {
			name := dossierName(f)
			if !validDossierName(name) || filepath.Base(f) != name+".yaml" {
				continue
			}
			src, err := os.ReadFile(f)
			if err != nil {
				return nil, fmt.Errorf("%w: dossier %s: %w", ErrConfig, f, err)
			}
			ds.items[name] = parseEntry(name, src, time.Now())
		}
	}
	if first != nil {
		name := dossierName(first.File)
		if _, taken := ds.items[name]; !taken || ds.items[name].D == nil {
			src := firstSource
			if src == nil {
				src, _ = os.ReadFile(first.File)
			}
			ds.items[name] = &dossierEntry{Name: name, Source: src, D: first, Updated: time.Now()}
		}
		ds.active = name
	}
	if ds.active == "" {
		for _, n := range ds.names() {
			if ds.items[n].D != nil {
				ds.active = n
				break
			}
		}
	}
	return ds, nil
}

// parseEntry validates src as the dossier NAME; the file named in messages
// is NAME.yaml.
func parseEntry(name string, src []byte, now time.Time) *dossierEntry {
	e := &dossierEntry{Name: name, Source: src, Updated: now}
	d, err := dossier.Parse(name+".yaml", src)
	if err != nil {
		if !errors.As(err, &e.Errors) {
			e.Errors = dossier.Errors{{File: name + ".yaml", Line: 1, Col: 1, Msg: err.Error(), Kind: dossier.ErrInvalid}}
		}
		return e
	}
	e.D = d
	return e
}

func (ds *dossierSet) names() []string {
	out := make([]string, 0, len(ds.items))
	for n := range ds.items {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// list returns every entry by name.
func (ds *dossierSet) list() (items []*dossierEntry, active string) {
	ds.mu.RLock()
	defer ds.mu.RUnlock()
	for _, n := range ds.names() {
		items = append(items, ds.items[n])
	}
	return items, ds.active
}

// get returns the named entry, or the active one for "".
func (ds *dossierSet) get(name string) (*dossierEntry, error) {
	ds.mu.RLock()
	defer ds.mu.RUnlock()
	if name == "" {
		name = ds.active
		if name == "" {
			return nil, errNoDossier
		}
	}
	e, ok := ds.items[name]
	if !ok {
		return nil, errNoDossier
	}
	return e, nil
}

// current returns the dossier a request uses: ?dossier=NAME or the active
// one; nil when there is none or it does not validate.
func (ds *dossierSet) current(name string) *dossier.Dossier {
	e, err := ds.get(name)
	if err != nil {
		return nil
	}
	return e.D
}

// put validates src and, when it validates, stores it as NAME; an entry
// with errors is returned and nothing changes (the running dossier stays
// usable). created says whether NAME is new. With a directory, the file is
// written first (to a temporary file, renamed), so a failed write changes
// nothing.
func (ds *dossierSet) put(name string, src []byte) (e *dossierEntry, created bool, err error) {
	if !validDossierName(name) {
		return nil, false, errDossierName
	}
	e = parseEntry(name, src, time.Now())
	if e.D == nil {
		return e, false, nil
	}
	ds.mu.Lock()
	defer ds.mu.Unlock()
	_, exists := ds.items[name]
	if ds.dir != "" {
		if err := writeFileAtomic(filepath.Join(ds.dir, name+".yaml"), src); err != nil {
			return nil, false, fmt.Errorf("save dossier %s: %w", name, err)
		}
	}
	ds.items[name] = e
	if ds.active == "" {
		ds.active = name
	}
	return e, !exists, nil
}

// activate makes NAME the active dossier.
func (ds *dossierSet) activate(name string) error {
	ds.mu.Lock()
	defer ds.mu.Unlock()
	e, ok := ds.items[name]
	switch {
	case !ok:
		return errNoDossier
	case e.D == nil:
		return errDossierInvalid
	}
	ds.active = name
	return nil
}

func writeFileAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".parley-dossier-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, werr := f.Write(data)
	cerr := f.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(tmp, path)
	}
	if werr != nil {
		_ = os.Remove(tmp)
	}
	return werr
}
