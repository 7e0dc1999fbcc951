package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// Moving a new client's status behind its creation runs once per client
// when sync is set up on a big file: it must find the client's entries by
// the outbox's index, not walk every entry queued before them.
func TestStatusBehindCreationUsesTheOutboxIndex(t *testing.T) {
	st, err := Open(context.Background(), filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, q := range statusBehindCreation {
		plan := queryPlan(t, st.db, q, "0193a000-0000-7000-8000-000000000001", 100)
		if joined := strings.Join(plan, "; "); !strings.Contains(joined, "sync_outbox_by_client") {
			t.Errorf("%s\nplan: %s; want the outbox's index by client", q, joined)
		}
	}
}
