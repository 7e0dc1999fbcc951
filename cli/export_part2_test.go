package cli

import (
	"strings"
	"testing"
)

// The demo, exported redacted through the command line over its whole two
// years, holds no referral to a substance-use resource, no substance-use
// condition and no test violation; exported in full, it holds them and the
// notice.
func TestRedactedDemoExportLeavesOutEverySubstanceUseRecord(t *testing.T) {
	db := demoDB(t, "60")
	protected := []string{"Residential treatment after repeated positive tests", "Substance-use assessment and outpatient treatment",
		"Complete substance-use assessment and follow recommendations", "Random drug and alcohol testing",
		"Positive or refused test", "Outpatient group"}
	for _, redact := range []bool{false, true} {
		args := []string{"export", "--db", db, "--from", "2020-01-01", "--format", "md", "-o", "-"}
		if redact {
			args = append(args, "--redact")
		}
		code, stdout, stderr := cli(t, nil, args...)
		if code != 0 {
			t.Fatalf("redact=%v: exit %d: %s", redact, code, stderr)
		}
		found := 0
		for _, p := range protected {
			if strings.Contains(stdout, p) {
				found++
				if redact {
					t.Errorf("the redacted export holds %q", p)
				}
			}
		}
		if !redact && found < 3 {
			t.Errorf("the full export holds only %d of the protected texts: the test would prove nothing", found)
		}
		if !strings.Contains(stdout, "### Conditions") || !strings.Contains(stdout, "### Violations and responses") {
			t.Errorf("redact=%v: the export lacks the conditions of supervision", redact)
		}
	}
}
