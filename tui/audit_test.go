package tui

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"caseload/store"
)

// auditStore is an empty file with a known tail to its audit log: 45
// entries with fixed times and ids (the log stamps itself with the real
// clock, so a golden screen needs its own), an export and a hostile id.
func auditStore(t testing.TB) *store.Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "caseload.db")
	st := openStore(t, path)
	t.Cleanup(func() { st.Close() })
	// A second connection of the same driver: the store keeps its pool to
	// itself, and the log is only ever written by triggers in the app.
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	if _, err := db.ExecContext(ctx, `INSERT INTO exports (id, at, range_from, range_to, format, redacted, records, destination, sha256)
		VALUES ('x-1', '2026-11-20T16:00:00.000Z', '', '', 'markdown', 1, 12, '/media/usb/court-summary.md', 'abc')`); err != nil {
		t.Fatal(err)
	}
	kinds := []struct{ entity, action string }{
		{"client", "create"}, {"checkin", "create"}, {"stage_note", "create"}, {"referral", "create"},
		{"referral_event", "create"}, {"amendment", "create"}, {"client", "update"}, {"settings", "set"},
	}
	for i := range 45 {
		k := kinds[i%len(kinds)]
		id := fmt.Sprintf("019a0000-0000-7000-8000-%012d", i)
		switch i {
		case 40:
			k.entity, k.action, id = "export", "export", "x-1"
		case 43:
			id = "\x1b[2Jevil\u202eid"
		}
		at := fmt.Sprintf("2026-11-%02dT%02d:%02d:00.000Z", 20+i/15, 8+i%15/2, i%60)
		if _, err := db.ExecContext(ctx, "INSERT INTO audit_log (at, entity, entity_id, action) VALUES (?, ?, ?, ?)",
			at, k.entity, id, k.action); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

func TestAuditScreen(t *testing.T) {
	for _, size := range sizes {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			h := start(t, auditStore(t), size[0], size[1])
			h.keys("L")
			golden.RequireEqual(t, []byte(h.screen()))
		})
	}
}

func TestAuditLogPagesNewestFirstAndReadsOnlyWhatFits(t *testing.T) {
	h := start(t, auditStore(t), 80, 24)
	h.keys("L")
	v := h.app.audit()
	if screenOf(h.app) != screenAudit || v == nil {
		t.Fatal("L from the caseload did not open the audit log")
	}
	rows := auditRows(24)
	if len(v.entries) != rows || !v.more {
		t.Fatalf("first page holds %d entries (more: %v), want the %d that fit and more to come", len(v.entries), v.more, rows)
	}
	newest := v.entries[0].Seq
	for i := 1; i < len(v.entries); i++ {
		if v.entries[i].Seq >= v.entries[i-1].Seq {
			t.Fatal("the audit log is not newest first")
		}
	}
	h.keys("pgdown")
	if v.page.offset != rows || v.entries[0].Seq != newest-int64(rows) {
		t.Fatalf("page down: offset %d, first seq %d; want %d and %d", v.page.offset, v.entries[0].Seq, rows, newest-int64(rows))
	}
	h.mustSee(fmt.Sprintf("Entries %d–", rows+1))
	h.keys("pgdown", "pgdown", "pgdown")
	if v.more || v.page.offset+len(v.entries) != v.total {
		t.Fatalf("at the end: offset %d + %d entries, total %d, more %v", v.page.offset, len(v.entries), v.total, v.more)
	}
	h.keys("pgup")
	if len(v.entries) != rows {
		t.Fatalf("page up shows %d entries, want %d", len(v.entries), rows)
	}
	h.keys("home")
	if v.page.offset != 0 || v.entries[0].Seq != newest {
		t.Fatal("home did not go back to the newest entry")
	}
	h.send(tea.WindowSizeMsg{Width: 80, Height: 30})
	if len(v.entries) != auditRows(30) || v.entries[0].Seq != newest {
		t.Fatalf("after growing the window: %d entries from seq %d, want %d from %d", len(v.entries), v.entries[0].Seq, auditRows(30), newest)
	}
	h.keys("esc")
	if screenOf(h.app) != screenCaseload || h.app.audit() != nil {
		t.Fatal("esc did not go back to the caseload")
	}
}

func TestAuditLogShowsNewWritesWhenOpened(t *testing.T) {
	h := start(t, fixtureStore(t), 80, 24)
	h.keys("L")
	before := h.app.audit().entries[0].Seq
	h.keys("esc", "/", "c", "a", "r", "enter", "c", "2", "2", "4")
	h.typeText("Home visit.")
	h.keys("ctrl+s")
	h.mustSee("Check-in saved.")
	h.keys("L")
	var found bool
	for _, e := range h.app.audit().entries {
		found = found || e.Seq > before && e.Entity == "checkin" && e.Action == "create"
	}
	if !found {
		t.Fatalf("the audit log does not show the check-in just saved:\n%s", h.screen())
	}
	h.mustSee("create  check-in")
}
