package actors

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// ErrInvalid is wrapped by every validation error of a curated actors file.
var ErrInvalid = errors.New("invalid actors file")

// Role is a title held over a period. Zero From or To means open-ended.
type Role struct {
	Title       string
	Affiliation string
	From, To    time.Time
}

// Known is one curated actor.
type Known struct {
	Name    string
	Kind    string // PERSON, ORG, GPE
	Aliases []string
	Roles   []Role
}

// RoleAt returns the role the actor held at t (the first that covers it);
// with a zero t, the last role listed.
func (k *Known) RoleAt(t time.Time) (Role, bool) {
	if len(k.Roles) == 0 {
		return Role{}, false
	}
	if t.IsZero() {
		return k.Roles[len(k.Roles)-1], true
	}
	for _, r := range k.Roles {
		if (r.From.IsZero() || !t.Before(r.From)) && (r.To.IsZero() || !t.After(r.To)) {
			return r, true
		}
	}
	return Role{}, false
}

// Registry is a curated, read-only set of known actors with aliases and
// dated roles. It is immutable after loading and safe for concurrent use.
type Registry struct {
	actors []Known
	byKey  map[string][]int // Key(name or alias) → actors
}

// yaml shapes; strings for dates so that errors can name the line.
type fileDoc struct {
	Actors []fileActor `yaml:"actors"`
}
type fileActor struct {
	Name    string     `yaml:"name"`
	Kind    string     `yaml:"kind"`
	Aliases []string   `yaml:"aliases"`
	Roles   []fileRole `yaml:"roles"`
}
type fileRole struct {
	Title       string `yaml:"title"`
	Affiliation string `yaml:"affiliation"`
	From        string `yaml:"from"`
	To          string `yaml:"to"`
}

// Load reads a curated actors YAML file.
func Load(path string) (*Registry, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	return Parse(data, path)
}

// Parse reads a curated actors file from data; name is used in errors,
// which take the form "name:line: message" and wrap ErrInvalid.
//
//	actors:
//	  - name: Jane Example
//	    kind: PERSON            # PERSON (default), ORG or GPE
//	    aliases: [J. Example]
//	    roles:
//	      - {title: Foreign Minister, affiliation: Freedonia, from: 2019-05-01, to: 2023-02-28}
func Parse(data []byte, name string) (*Registry, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, fmt.Errorf("%s: %w: %w", name, ErrInvalid, err)
	}
	reg := &Registry{byKey: map[string][]int{}}
	if len(root.Content) == 0 {
		return reg, nil
	}
	doc := root.Content[0]
	var actorsNode *yaml.Node
	if doc.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(doc.Content); i += 2 {
			if doc.Content[i].Value == "actors" {
				actorsNode = doc.Content[i+1]
			} else {
				return nil, fmt.Errorf("%s:%d: %w: unknown key %q", name, doc.Content[i].Line, ErrInvalid, doc.Content[i].Value)
			}
		}
	} else {
		return nil, fmt.Errorf("%s:%d: %w: want a mapping with key actors", name, doc.Line, ErrInvalid)
	}
	if actorsNode == nil {
		return reg, nil
	}
	if actorsNode.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("%s:%d: %w: actors must be a list", name, actorsNode.Line, ErrInvalid)
	}
	for _, n := range actorsNode.Content {
		var fa fileActor
		if err := n.Decode(&fa); err != nil {
			return nil, fmt.Errorf("%s:%d: %w: %w", name, n.Line, ErrInvalid, err)
		}
		if strings.TrimSpace(fa.Name) == "" {
			return nil, fmt.Errorf("%s:%d: %w: actor without a name", name, n.Line, ErrInvalid)
		}
		k := Known{Name: strings.TrimSpace(fa.Name), Kind: strings.ToUpper(strings.TrimSpace(fa.Kind)), Aliases: fa.Aliases}
		if k.Kind == "" {
			k.Kind = "PERSON"
		}
		if k.Kind != "PERSON" && k.Kind != "ORG" && k.Kind != "GPE" {
			return nil, fmt.Errorf("%s:%d: %w: kind %q: want PERSON, ORG or GPE", name, n.Line, ErrInvalid, fa.Kind)
		}
		roleNodes := findKey(n, "roles")
		for ri, fr := range fa.Roles {
			line := n.Line
			if roleNodes != nil && ri < len(roleNodes.Content) {
				line = roleNodes.Content[ri].Line
			}
			if strings.TrimSpace(fr.Title) == "" {
				return nil, fmt.Errorf("%s:%d: %w: role without a title", name, line, ErrInvalid)
			}
			r := Role{Title: strings.TrimSpace(fr.Title), Affiliation: strings.TrimSpace(fr.Affiliation)}
			var err error
			if r.From, err = parseDate(fr.From); err != nil {
				return nil, fmt.Errorf("%s:%d: %w: from: %w", name, line, ErrInvalid, err)
			}
			if r.To, err = parseDate(fr.To); err != nil {
				return nil, fmt.Errorf("%s:%d: %w: to: %w", name, line, ErrInvalid, err)
			}
			if !r.From.IsZero() && !r.To.IsZero() && r.To.Before(r.From) {
				return nil, fmt.Errorf("%s:%d: %w: role ends before it starts", name, line, ErrInvalid)
			}
			k.Roles = append(k.Roles, r)
		}
		idx := len(reg.actors)
		reg.actors = append(reg.actors, k)
		for _, a := range append([]string{k.Name}, k.Aliases...) {
			key := Key(a)
			if key != "" {
				reg.byKey[key] = append(reg.byKey[key], idx)
			}
		}
	}
	return reg, nil
}

func findKey(n *yaml.Node, key string) *yaml.Node {
	if n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// parseDate accepts YYYY, YYYY-MM or YYYY-MM-DD; empty is zero.
func parseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("bad date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
}

// Len returns the number of curated actors.
func (r *Registry) Len() int {
	if r == nil {
		return 0
	}
	return len(r.actors)
}

// Lookup finds a curated actor by name or alias (spelling variants allowed).
func (r *Registry) Lookup(name string) (Known, bool) {
	if r == nil {
		return Known{}, false
	}
	if ids := r.byKey[Key(name)]; len(ids) > 0 {
		return r.actors[ids[0]], true
	}
	return Known{}, false
}

// Holder returns the actor who held a title at t. phrase is a role
// phrase such as "foreign minister" or "freedonian foreign minister": it
// must end with the role's title (case-insensitive); words before the
// title must name the role's affiliation (the country or its demonym,
// compared by a common stem). affiliation, when not empty, must equal the
// role's. A zero t accepts any period.
func (r *Registry) Holder(phrase, affiliation string, t time.Time) (Known, Role, bool) {
	if r == nil {
		return Known{}, Role{}, false
	}
	phrase = strings.ToLower(strings.Join(strings.Fields(phrase), " "))
	for i := range r.actors {
		k := &r.actors[i]
		for _, ro := range k.Roles {
			title := strings.ToLower(ro.Title)
			if !strings.HasSuffix(phrase, title) {
				continue
			}
			rest := strings.TrimSpace(strings.TrimSuffix(phrase, title))
			if rest != "" && !sameStem(rest, strings.ToLower(ro.Affiliation)) {
				continue
			}
			if affiliation != "" && !strings.EqualFold(ro.Affiliation, affiliation) {
				continue
			}
			if !t.IsZero() && ((!ro.From.IsZero() && t.Before(ro.From)) || (!ro.To.IsZero() && t.After(ro.To))) {
				continue
			}
			return *k, ro, true
		}
	}
	return Known{}, Role{}, false
}

// sameStem reports whether a demonym-like word and a place name share a
// stem: "freedonian"/"freedonia", "norwegian"/"norway".
func sameStem(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	need := len(b) - 2
	if need > 5 {
		need = 5
	}
	if need < 3 {
		need = len(b)
	}
	return n >= need
}
