//go:build !linux

package privtest

import (
	"os"
	"testing"
)

// Drop skips the test when run as root, which ignores file modes; only
// Linux can drop the privilege for one test.
func Drop(t *testing.T, _ string) {
	t.Helper()
	if os.Geteuid() == 0 {
		t.Skip("root ignores file modes; run as an ordinary user")
	}
}
