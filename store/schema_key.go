package store

import (
	"crypto/sha256"
	"encoding/hex"
)

// SchemaKey names the schema, for the key of a cached file: a benchmark's
// demo database made with other migrations is not reused.
func SchemaKey() string {
	h := sha256.New()
	for _, m := range migrations {
		b, _ := migrationFiles.ReadFile(m)
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}
