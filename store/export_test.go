package store

import (
	"database/sql"
)

// DB exposes the pool to tests that must set a pragma on it (max_page_count
// to simulate a full disk).
func (s *Store) DB() *sql.DB { return s.db }

// TimeIndexes lists the indexes a fill builds at its end.
var TimeIndexes = timeIndexes
