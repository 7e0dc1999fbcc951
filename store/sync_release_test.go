package store_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestReleaseRemovesTheClientsWholeHistoryOnceNothingWaits(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "c.db")
	s := openAt(t, path)
	if _, err := s.StartSync(ctx); err != nil {
		t.Fatal(err)
	}
	gone := newClient("X-1")
	gone.Conditions = "Curfew 9pm\nNo contact with the victim"
	gone, err := s.CreateClient(ctx, gone)
	if err != nil {
		t.Fatal(err)
	}
	stays, err := s.CreateClient(ctx, newClient("S-1"))
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{gone.ID, stays.ID} {
		if _, err := s.AddCheckIn(ctx, syncVisit(id, testNow.Add(-time.Hour))); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(conditionsOf(t, path, gone.ID)); n != 2 {
		t.Fatalf("the client has %d conditions, want the 2 written", n)
	}
	// Something waits to be pushed: the client stays.
	if released, err := s.ReleaseClient(ctx, gone.ID, "bob"); err != nil || released {
		t.Fatalf("release with changes waiting = %v, %v; want kept", released, err)
	}
	var seqs []int64
	for _, e := range outboxOps(t, s) {
		seqs = append(seqs, e.Seq)
	}
	if err := s.MarkPushed(ctx, seqs); err != nil {
		t.Fatal(err)
	}
	if released, err := s.ReleaseClient(ctx, gone.ID, "bob"); err != nil || !released {
		t.Fatalf("release = %v, %v", released, err)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, table := range []string{"clients", "checkins", "stage_notes", "conditions", "notes_fts"} {
		var n int
		if err := db.QueryRow("SELECT count(*) FROM "+table+" WHERE "+map[bool]string{true: "id", false: "client_id"}[table == "clients"]+" = ?", gone.ID).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Errorf("%d rows of the released client left in %s", n, table)
		}
	}
	if _, _, err := s.Client(ctx, stays.ID); err != nil {
		t.Errorf("the other client went too: %v", err)
	}
	var action string
	if err := db.QueryRow("SELECT action FROM audit_log WHERE entity_id = ? ORDER BY seq DESC LIMIT 1", gone.ID).Scan(&action); err != nil || action != "transferred to bob" {
		t.Errorf("audit log: %q, %v", action, err)
	}
	// History of other clients is still append-only.
	rw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer rw.Close()
	if _, err := rw.Exec("DELETE FROM checkins WHERE client_id = ?", stays.ID); err == nil || !strings.Contains(err.Error(), "append-only") {
		t.Errorf("deleting a check-in of a client not being released: %v, want the append-only refusal", err)
	}
	if n, _ := s.ClientCount(ctx); n != 1 {
		t.Errorf("%d clients left, want 1", n)
	}
}

func conditionsOf(t *testing.T, path, clientID string) []string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query("SELECT wording FROM conditions WHERE client_id = ?", clientID)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var w string
		rows.Scan(&w)
		out = append(out, w)
	}
	return out
}
