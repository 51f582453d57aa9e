package cli

import (
	"context"
	"encoding/json"
	"os"
	"testing"
)

// TestMain lets a test run the CLI in a child process (the test binary run
// again with PARLEY_TEST_ARGS set), for what needs a process of its own:
// its peak memory, signals, a second process on the same database.
func TestMain(m *testing.M) {
	if args := os.Getenv("PARLEY_TEST_ARGS"); args != "" {
		var argv []string
		if err := json.Unmarshal([]byte(args), &argv); err != nil {
			os.Exit(99)
		}
		ctx, stop := Signals(context.Background(), os.Stderr, os.Exit)
		code := Run(ctx, &Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}, argv)
		stop()
		os.Exit(code)
	}
	os.Exit(m.Run())
}
