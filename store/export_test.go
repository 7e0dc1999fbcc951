package store

import "database/sql"

// DB exposes the pool to tests that must set a pragma on it (max_page_count
// to simulate a full disk).
func (s *Store) DB() *sql.DB { return s.db }

// SetScryptWorkFactor makes encryption cheap in tests; it returns the old
// factor.
func SetScryptWorkFactor(n int) int {
	old := scryptWorkFactor
	scryptWorkFactor = n
	return old
}
