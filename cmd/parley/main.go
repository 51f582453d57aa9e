// Command parley turns the news coverage of a negotiation into its record.
// See README.md; everything happens in internal/cli.
package main

import (
	"context"
	"os"

	"github.com/parley-news/parley/internal/cli"
	"golang.org/x/term"
)

func main() {
	// The first Ctrl-C or SIGTERM lets the command finish what it has in
	// hand; the second exits at once.
	ctx, stop := cli.Signals(context.Background(), os.Stderr, os.Exit)
	code := cli.Run(ctx, &cli.Env{
		Stdin:      os.Stdin,
		Stdout:     os.Stdout,
		Stderr:     os.Stderr,
		Getenv:     os.Getenv,
		IsTerminal: term.IsTerminal(int(os.Stderr.Fd())),
	}, os.Args[1:])
	stop()
	os.Exit(code)
}
