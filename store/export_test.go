package store

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
)

// DB exposes the pool to tests that must set a pragma on it (max_page_count
// to simulate a full disk).
func (s *Store) DB() *sql.DB { return s.db }

// SchemaKey names the schema in a cache key: a cached benchmark database made
// with another schema is not reused.
func SchemaKey() string {
	h := sha256.New()
	for _, m := range migrations {
		b, _ := migrationFiles.ReadFile(m)
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}
