package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// ExitInterrupted is the exit status after a second interruption.
const ExitInterrupted = 130

// Signals returns a context that ends at the first SIGINT or SIGTERM: the
// commands then stop reading and finish what they have in hand (ingest
// saves what it analysed). A second signal ends the process at once with
// exit(ExitInterrupted). stop releases the signals.
func Signals(parent context.Context, stderr io.Writer, exit func(int)) (ctx context.Context, stop func()) {
	ch := make(chan os.Signal, 2)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	ctx, stopWatch := interruptOn(parent, ch, stderr, exit)
	return ctx, func() {
		signal.Stop(ch)
		stopWatch()
	}
}

// interruptOn is Signals on a channel of signals (tests send their own).
func interruptOn(parent context.Context, ch <-chan os.Signal, stderr io.Writer, exit func(int)) (context.Context, func()) {
	ctx, cancel := context.WithCancel(parent)
	done := make(chan struct{})
	go func() {
		select {
		case <-ch:
		case <-done:
			return
		}
		fmt.Fprintln(stderr, "parley: interrupted; finishing what is in hand (interrupt again to stop at once)")
		cancel()
		select {
		case <-ch:
			fmt.Fprintln(stderr, "parley: stopped")
			exit(ExitInterrupted)
		case <-done:
		}
	}()
	return ctx, func() {
		close(done)
		cancel()
	}
}
