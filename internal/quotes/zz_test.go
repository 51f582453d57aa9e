package quotes

import (
	"context"
	"fmt"
	"testing"
)

func TestZZ(t *testing.T) {
	an, _ := New(nil, nil)
	for _, b := range []string{
		"State Department spokesman Ned Price said the offer stood.",
		"Pentagon press secretary John Kirby said no troops would move.",
		"Foreign Ministry spokeswoman Maria Zakharova said Moscow would respond.",
		"Kremlin spokesman Dmitry Peskov said the talks were useful.",
		"Chinese Foreign Ministry spokesperson Mao Ning said Beijing opposed the sanctions.",
		"Hamas official Osama Hamdan said the group would study the proposal.",
		"Israeli government spokesman David Mencer said the army would continue.",
		"EU foreign policy chief Josep Borrell said the bloc was united.",
		"NATO Secretary-General Jens Stoltenberg said allies would meet.",
		"Iran's Supreme Leader Ayatollah Ali Khamenei said the talks were pointless.",
		"White House national security adviser Jake Sullivan said the talks were useful.",
		"Ukrainian presidential adviser Mykhailo Podolyak said Kyiv would not cede land.",
		"Taliban spokesman Zabihullah Mujahid said the group wanted recognition.",
		"Houthi spokesman Mohammed Abdulsalam said the attacks would continue.",
	} {
		out := an.Analyze(context.Background(), Input{Body: b})
		for _, s := range out.Statements {
			fmt.Printf("%-22s | %-28s | %s\n", s.Speaker.Name, s.Speaker.Title, s.Speaker.Affiliation)
		}
	}
}
