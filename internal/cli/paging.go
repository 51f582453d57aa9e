package cli

import "fmt"

// listNote tells on standard error how much of a list a table shows and
// how to see the rest: "Showing 1–50 of 312 statements. Next page: --offset 50."
// total < 0 when unknown (a filtered list): more says whether rows follow.
// JSON and CSV output carry no note (they are for programs).
func listNote(env *Env, format, noun string, offset, shown int, total int64, more bool) {
	if format != "table" {
		return
	}
	switch {
	case shown == 0 && offset == 0:
		fmt.Fprintf(env.Stderr, "No %s to show.\n", noun)
		return
	case shown == 0:
		fmt.Fprintf(env.Stderr, "No %s past --offset %d.\n", noun, offset)
		return
	}
	msg := fmt.Sprintf("Showing %d–%d", offset+1, offset+shown)
	if total >= 0 {
		msg += fmt.Sprintf(" of %d", total)
	}
	msg += " " + noun + "."
	if more {
		msg += fmt.Sprintf(" Next page: --offset %d", offset+shown)
		if offset > 0 {
			msg += fmt.Sprintf("; previous: --offset %d", max(0, offset-shown))
		}
		msg += " (or a larger --limit)."
	} else if offset > 0 {
		msg += fmt.Sprintf(" Previous page: --offset %d.", max(0, offset-shown))
	}
	fmt.Fprintln(env.Stderr, msg)
}
