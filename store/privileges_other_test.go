//go:build !linux

package store_test

// umask is a no-op where the test cannot set it.
func umask(m int) int { return m }
