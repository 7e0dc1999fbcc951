package cli

import (
	"strings"
	"testing"
)

func TestLockCommandSetsThePassphraseAndIdleTime(t *testing.T) {
	path := newCaseload(t)
	code, stdout, stderr := cli(t, nil, "lock", "--db", path)
	if code != 0 || !strings.Contains(stdout, "after 15 minutes") || !strings.Contains(stdout, "no passphrase") {
		t.Fatalf("new caseload: %d %q %q; want 15 minutes and no passphrase", code, stdout, stderr)
	}
	pass := map[string]string{"CASELOAD_PASSPHRASE": "blue kettle morning"}
	code, stdout, stderr = cli(t, pass, "lock", "--db", path, "--passphrase", "--idle", "10")
	if code != 0 || !strings.Contains(stdout, "after 10 minutes") || !strings.Contains(stdout, "a passphrase unlocks it") {
		t.Fatalf("set: %d %q %q", code, stdout, stderr)
	}
	if code, _, stderr = cli(t, map[string]string{"CASELOAD_PASSPHRASE": "short"}, "lock", "--db", path, "--passphrase"); code == 0 || !strings.Contains(stderr, "at least 10") {
		t.Fatalf("a short passphrase: %d %q; want it refused", code, stderr)
	}
	if code, _, stderr = cli(t, nil, "lock", "--db", path, "--idle", "31"); code != 2 || !strings.Contains(stderr, "1 to 30") {
		t.Fatalf("--idle 31: %d %q; want a usage error", code, stderr)
	}
	code, stdout, _ = cli(t, nil, "lock", "--db", path, "--clear-passphrase")
	if code != 0 || !strings.Contains(stdout, "after 10 minutes") || !strings.Contains(stdout, "no passphrase") {
		t.Fatalf("clear: %d %q", code, stdout)
	}
}
