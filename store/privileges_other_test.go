//go:build !linux

package store_test

import (
	"os"
	"testing"
)

// asUnprivileged skips the test when run as root, which ignores file modes;
// only Linux can drop the privilege for one test.
func asUnprivileged(t *testing.T, _ string) {
	t.Helper()
	if os.Geteuid() == 0 {
		t.Skip("root ignores file modes; run as an ordinary user")
	}
}

// umask is a no-op where the test cannot set it.
func umask(m int) int { return m }
