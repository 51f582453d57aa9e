package watch

import (
	"errors"
	"fmt"
	"github.com/parley-news/parley/internal/fileerr"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// ErrInvalid is wrapped by every problem in a sources file.
var ErrInvalid = errors.New("invalid sources file")

// Kinds of source.
const (
	KindFeed    = "feed"    // RSS, Atom or JSON Feed
	KindSitemap = "sitemap" // a (news) sitemap
	KindFolder  = "folder"  // a folder files are dropped into
	KindURL     = "url"     // one page, fetched again when it changes
)

// Source is one watched source.
type Source struct {
	Name string `json:"name"`
	Kind string `json:"kind"`
	// Target is the feed, sitemap or page URL, or the folder path.
	Target string `json:"target"`
	// Every is how often it is polled.
	Every time.Duration `json:"every"`
	// Timeout bounds each fetch; MaxBytes each response body.
	Timeout  time.Duration `json:"timeout"`
	MaxBytes int64         `json:"max_bytes"`
	// AllowPrivate lets the links found in it (feed items, sitemap
	// entries, redirects) lead to loopback, private or link-local
	// addresses. The configured Target itself is the operator's choice and
	// is fetched wherever it points.
	AllowPrivate bool `json:"allow_private"`
	// MaxItems caps the new items taken from one poll (default 100).
	MaxItems int `json:"max_items"`
	// Outlet names the outlet of its articles when the page does not.
	Outlet string `json:"outlet,omitempty"`
}

// Config is a sources file.
type Config struct {
	File    string
	Sources []Source
	// Rate is the least time between two requests to one host.
	Rate time.Duration
	// UserAgent is sent with every request and matched in robots.txt.
	UserAgent string
}

// Defaults used when a sources file says nothing.
const (
	DefaultEvery    = 15 * time.Minute
	DefaultTimeout  = 30 * time.Second
	DefaultMaxBytes = 10 << 20
	DefaultRate     = time.Second
	DefaultMaxItems = 100
	DefaultAgent    = "ParleyBot/1 (+news negotiation record)"
	// MinEvery is the shortest schedule accepted: polling faster is rude.
	MinEvery = 10 * time.Second
)

// Error is one problem in the file: file:line:col: message. Every Error
// wraps ErrInvalid.
type Error = fileerr.Error

// Errors is every problem found in one file, in file order.
type Errors = fileerr.Errors

// Load reads and validates a sources file.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("sources: %w", err)
	}
	return Parse(path, data)
}

type parser struct {
	file string
	errs Errors
}

func (p *parser) errorf(n *yaml.Node, format string, args ...any) {
	line, col := 1, 1
	if n != nil {
		line, col = n.Line, n.Column
	}
	p.errs = append(p.errs, &Error{File: p.file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...), Kind: ErrInvalid})
}

// Parse validates a sources file's content; file names it in errors.
//
//	defaults:            # optional; each also settable per source
//	  every: 15m         # poll schedule (at least 10s)
//	  timeout: 30s       # per request
//	  max_bytes: 10MB    # per response (B, KB, MB)
//	  max_items: 100     # new items per poll
//	  allow_private: false
//	rate: 1s             # least time between requests to one host
//	user_agent: ParleyBot/1
//	sources:
//	  - name: wire       # unique
//	    feed: https://example.org/rss.xml   # or sitemap:, folder:, url:
//	    every: 5m
func Parse(file string, data []byte) (*Config, error) {
	p := &parser{file: file}
	cfg := &Config{File: file, Rate: DefaultRate, UserAgent: DefaultAgent}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line := 1
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		if _, scanErr := fmt.Sscanf(msg, "line %d:", &line); scanErr == nil {
			if i := strings.Index(msg, ": "); i > 0 {
				msg = msg[i+2:]
			}
		}
		return nil, Errors{{File: file, Line: line, Col: 1, Msg: msg, Kind: ErrInvalid}}
	}
	if len(doc.Content) == 0 {
		return nil, Errors{{File: file, Line: 1, Col: 1, Msg: "empty sources file: want a mapping with sources:", Kind: ErrInvalid}}
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		p.errorf(root, "want a mapping with sources:, found %s", kindName(root))
		return nil, p.errs
	}
	def := Source{Every: DefaultEvery, Timeout: DefaultTimeout, MaxBytes: DefaultMaxBytes, MaxItems: DefaultMaxItems}
	var sourcesNode *yaml.Node
	p.fields(root, func(k, v *yaml.Node) {
		switch k.Value {
		case "defaults":
			if v.Kind != yaml.MappingNode {
				p.errorf(v, "defaults: want a mapping, found %s", kindName(v))
				return
			}
			p.fields(v, func(k, v *yaml.Node) {
				if !p.setting(&def, k, v) {
					p.errorf(k, "defaults: unknown key %q (want every, timeout, max_bytes, max_items, allow_private)", k.Value)
				}
			})
		case "rate":
			if d, ok := p.duration(v); ok {
				cfg.Rate = d
			}
		case "user_agent":
			if s, ok := p.str(v); ok && s != "" {
				cfg.UserAgent = s
			}
		case "sources":
			sourcesNode = v
		default:
			p.errorf(k, "unknown key %q (want defaults, rate, user_agent, sources)", k.Value)
		}
	})
	switch {
	case sourcesNode == nil:
		p.errorf(root, "no sources: list the sources to watch")
	case sourcesNode.Kind != yaml.SequenceNode:
		p.errorf(sourcesNode, "sources: want a list, found %s", kindName(sourcesNode))
	case len(sourcesNode.Content) == 0:
		p.errorf(sourcesNode, "sources: the list is empty")
	default:
		names := map[string]int{}
		for _, n := range sourcesNode.Content {
			s, ok := p.source(n, def)
			if !ok {
				continue
			}
			if line, dup := names[s.Name]; dup {
				p.errorf(n, "duplicate source name %q (first at line %d)", s.Name, line)
				continue
			}
			names[s.Name] = n.Line
			cfg.Sources = append(cfg.Sources, s)
		}
	}
	if len(p.errs) > 0 {
		sort.SliceStable(p.errs, func(i, j int) bool {
			if p.errs[i].Line != p.errs[j].Line {
				return p.errs[i].Line < p.errs[j].Line
			}
			return p.errs[i].Col < p.errs[j].Col
		})
		return nil, p.errs
	}
	return cfg, nil
}

// fields calls fn for each key of mapping m, reporting duplicate keys.
func (p *parser) fields(m *yaml.Node, fn func(k, v *yaml.Node)) {
	seen := map[string]bool{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if seen[k.Value] {
			p.errorf(k, "duplicate key %q", k.Value)
			continue
		}
		seen[k.Value] = true
		fn(k, v)
	}
}

// setting applies a per-source setting; false for an unknown key.
func (p *parser) setting(s *Source, k, v *yaml.Node) bool {
	switch k.Value {
	case "every":
		if d, ok := p.duration(v); ok {
			if d < MinEvery {
				p.errorf(v, "every: %v is too often (at least %v)", d, MinEvery)
			} else {
				s.Every = d
			}
		}
	case "timeout":
		if d, ok := p.duration(v); ok {
			if d <= 0 {
				p.errorf(v, "timeout: want a positive duration")
			} else {
				s.Timeout = d
			}
		}
	case "max_bytes":
		if n, ok := p.size(v); ok {
			s.MaxBytes = n
		}
	case "max_items":
		if n, err := strconv.Atoi(v.Value); err != nil || v.Kind != yaml.ScalarNode || n <= 0 {
			p.errorf(v, "max_items: want a positive number, found %q", v.Value)
		} else {
			s.MaxItems = n
		}
	case "allow_private":
		var b bool
		if v.Kind != yaml.ScalarNode || v.Decode(&b) != nil {
			p.errorf(v, "allow_private: want true or false, found %q", v.Value)
		} else {
			s.AllowPrivate = b
		}
	default:
		return false
	}
	return true
}

func (p *parser) source(n *yaml.Node, def Source) (Source, bool) {
	s := def
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "source: want a mapping with name and one of feed, sitemap, folder, url; found %s", kindName(n))
		return s, false
	}
	before := len(p.errs)
	var kindNode *yaml.Node
	p.fields(n, func(k, v *yaml.Node) {
		switch k.Value {
		case "name":
			s.Name, _ = p.str(v)
		case "outlet":
			s.Outlet, _ = p.str(v)
		case KindFeed, KindSitemap, KindFolder, KindURL:
			if kindNode != nil {
				p.errorf(k, "%s: a source has one of feed, sitemap, folder, url (already %s at line %d)", k.Value, s.Kind, kindNode.Line)
				return
			}
			kindNode = k
			s.Kind = k.Value
			target, ok := p.str(v)
			if !ok {
				return
			}
			s.Target = target
			if k.Value == KindFolder {
				if target == "" {
					p.errorf(v, "folder: want a path")
				}
				return
			}
			u, err := url.Parse(target)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				p.errorf(v, "%s: want an http(s) URL, found %q", k.Value, target)
			}
		default:
			if !p.setting(&s, k, v) {
				p.errorf(k, "unknown key %q (want name, feed, sitemap, folder, url, outlet, every, timeout, max_bytes, max_items, allow_private)", k.Value)
			}
		}
	})
	if strings.TrimSpace(s.Name) == "" {
		p.errorf(n, "source without a name")
	}
	if kindNode == nil {
		p.errorf(n, "source %q: give one of feed, sitemap, folder, url", s.Name)
	}
	return s, len(p.errs) == before
}

func (p *parser) str(v *yaml.Node) (string, bool) {
	if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
		p.errorf(v, "want a string, found %s", kindName(v))
		return "", false
	}
	return strings.TrimSpace(v.Value), true
}

func (p *parser) duration(v *yaml.Node) (time.Duration, bool) {
	d, err := time.ParseDuration(v.Value)
	if v.Kind != yaml.ScalarNode || err != nil {
		p.errorf(v, "want a duration such as 90s, 15m or 1h, found %q", v.Value)
		return 0, false
	}
	return d, true
}

// size reads 1048576, 512KB, 10MB or 1GB.
func (p *parser) size(v *yaml.Node) (int64, bool) {
	s := strings.ToUpper(strings.TrimSpace(v.Value))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		m      int64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(s, u.suffix) {
			s, mult = strings.TrimSpace(strings.TrimSuffix(s, u.suffix)), u.m
			break
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if v.Kind != yaml.ScalarNode || err != nil || n <= 0 || n > (1<<40)/mult {
		p.errorf(v, "max_bytes: want a size such as 500KB or 10MB, found %q", v.Value)
		return 0, false
	}
	return n * mult, true
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	if n.Tag == "!!null" {
		return "nothing"
	}
	return fmt.Sprintf("%q", n.Value)
}
