// Package cli is Parley's command line: one function per command, each with
// its own flags and --help. main only calls Run.
//
// Exit status: 0 when every input was done, 1 when some input failed (each
// failure is one line on standard error), 2 for a usage error.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"unicode/utf8"
)

// Exit statuses.
const (
	ExitOK      = 0
	ExitFailed  = 1
	ExitUsage   = 2
	exitUnknown = ExitUsage
)

// Env is what a command reads and writes: no globals.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	// IsTerminal reports whether standard error is a terminal (for progress bars).
	IsTerminal bool
}

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *Env, args []string) int
}

func commands() []command {
	return []command{
		{"ingest", "read inputs, analyse them and store the articles", runIngest},
		{"extract", "read inputs and print the analysed articles as JSON Lines (no store)", runExtract},
		{"articles", "list stored articles, or search them (--q)", runArticles},
		{"statements", "list stored statements with filters (speaker, dates, outlet, kind)", runStatements},
		{"dossier", "check dossier files (parties and issues of a negotiation)", runDossier},
		{"positions", "print each party's stance on each issue of a dossier, with evidence", runPositions},
		{"timeline", "print events and dated statements in order, each fact once with all its reports", runTimeline},
		{"actors", "list the actors: names, titles, affiliations, aliases", runActors},
		{"report", "write an HTML report: timeline and position matrix as SVG and PNG", runReport},
		{"watch", "watch feeds, sitemaps, folders and pages; analyse and store what is new", runWatch},
		{"worker", "work the job queue: analyse and store enqueued documents (--until-idle)", runWorker},
		{"jobs", "list failed and retrying jobs of the queue; retry one (--retry ID)", runJobs},
		{"correct", "correct a statement, add one, merge or split actors, set a stance cell (audit-logged)", runCorrect},
		{"corrections", "list the corrections analysts made, newest first (the audit log)", runCorrections},
		{"export", "write everything stored as JSON Lines that 'parley ingest' reads back (--events: PLOVER)", runExport},
		{"reanalyze", "redo the analyses of stored articles made by an older pipeline", runReanalyze},
		{"serve", "serve the web app and the JSON API (--demo: the example corpus)", runServe},
		{"bench", "measure ingest, database size and page latencies on a synthetic corpus", runBench},
		{"version", "print the version of Parley and of its analyses", runVersion},
	}
}

// Run runs the command named in args (without the program name) and returns
// the exit status.
func Run(ctx context.Context, env *Env, args []string) int {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	// "parley help CMD" is "parley CMD --help".
	if len(args) >= 2 && args[0] == "help" {
		args = []string{args[1], "--help"}
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(env.Stderr)
		if len(args) == 0 {
			return ExitUsage
		}
		return ExitOK
	}
	var names []string
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, env, args[1:])
		}
		names = append(names, c.name)
	}
	fmt.Fprintf(env.Stderr, "parley: unknown command %q\n", args[0])
	if s := suggest(args[0], names); len(s) > 0 {
		fmt.Fprintf(env.Stderr, "Did you mean: parley %s?\n", strings.Join(s, ", parley "))
	}
	fmt.Fprintln(env.Stderr, "Run 'parley help' for the list of commands.")
	return exitUnknown
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Parley turns the news coverage of a negotiation into its record.")
	fmt.Fprintln(w, "\nUsage: parley COMMAND [flags] [INPUT...]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-11s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'parley help COMMAND' (or 'parley COMMAND --help') for a command's flags.")
	fmt.Fprintln(w, "Guides in the repository: README.md; docs/dossier.md (dossier files), docs/events.md (event types),\n  docs/data.md (export, CSV, PLOVER events, alerts), docs/extract.md (extract fields).")
	fmt.Fprintln(w, "Exit status: 0 all inputs done, 1 some input failed, 2 usage error.")
}

// newFlags returns a flag set whose --help prints the command's usage to
// standard error and whose errors are usage errors.
func newFlags(env *Env, name, args, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "Usage: parley %s %s\n\n%s\n\nFlags:\n", name, args, about)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags (interspersed with arguments, as users type them) and
// returns the exit status to stop with, or -1 to go on.
func parse(fs *flag.FlagSet, args []string) (rest []string, stop int) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, ExitOK
			}
			return nil, ExitUsage
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		// "-" is standard input, an argument, not a flag.
		positional = append(positional, args[0])
		args = args[1:]
		if len(args) > 0 && args[0] == "--" {
			positional = append(positional, args[1:]...)
			break
		}
	}
	return positional, -1
}

// logger returns the logger commands pass to the stages: warnings and
// errors on standard error, debug detail with PARLEY_DEBUG=1.
func logger(env *Env) *slog.Logger {
	level := slog.LevelWarn
	if env.Getenv("PARLEY_DEBUG") != "" {
		level = slog.LevelDebug
	}
	return slog.New(slog.NewTextHandler(env.Stderr, &slog.HandlerOptions{Level: level}))
}

// inputError prints one failed input as one line; control characters from
// file names or a record's "source" are escaped, never sent to the terminal.
func inputError(env *Env, err error) {
	msg := strings.ReplaceAll(plain(err), "\n", " ")
	fmt.Fprintf(env.Stderr, "parley: %s\n", escapeControl(msg))
}

// escapeControl makes s safe to print on a terminal as one line: control
// characters (C0, DEL, C1), bidirectional overrides and invalid UTF-8 are
// written as Go escapes (\x1b, \u202e), a backslash before them stays.
func escapeControl(s string) string {
	clean := true
	for _, r := range s {
		if needsEscape(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i, w := 0, 0; i < len(s); i += w {
		r, size := utf8.DecodeRuneInString(s[i:])
		w = size
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, "\\x%02x", s[i])
		case needsEscape(r) && r < 0x100:
			fmt.Fprintf(&b, "\\x%02x", r)
		case needsEscape(r):
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func needsEscape(r rune) bool {
	return r < 0x20 || (r >= 0x7f && r < 0xa0) || r == utf8.RuneError ||
		(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c
}
