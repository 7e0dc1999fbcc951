package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"
)

func openDraftStore(t *testing.T) *Store {
	t.Helper()
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "c.db"), WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestSaveDraftTwiceKeepsTheLatest(t *testing.T) {
	ctx := context.Background()
	s := openDraftStore(t)
	for _, note := range []string{"first", "second"} {
		if err := s.SaveDraft(ctx, Draft{Key: "checkin:c1", Form: "checkin", ClientID: "c1", Data: map[string]string{"note": note}}); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Drafts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Data["note"] != "second" || got[0].ClientID != "c1" || got[0].Form != "checkin" {
		t.Fatalf("drafts = %+v, want one checkin draft for c1 with note %q", got, "second")
	}
}

func TestDeleteDraftRemovesItAndIsNotAudited(t *testing.T) {
	ctx := context.Background()
	s := openDraftStore(t)
	var before int
	if err := s.db.QueryRow("SELECT count(*) FROM audit_log").Scan(&before); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveDraft(ctx, Draft{Key: "client:new", Form: "client", Data: map[string]string{"name": "Ann"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteDraft(ctx, "client:new"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteDraft(ctx, "client:new"); err != nil {
		t.Fatalf("deleting a missing draft: %v", err)
	}
	got, err := s.Drafts(ctx)
	if err != nil || len(got) != 0 {
		t.Fatalf("drafts after delete = %+v, %v; want none", got, err)
	}
	var after int
	if err := s.db.QueryRow("SELECT count(*) FROM audit_log").Scan(&after); err != nil {
		t.Fatal(err)
	}
	if after != before {
		t.Fatalf("audit log grew from %d to %d rows for drafts; drafts are scratch and must not be audited", before, after)
	}
}
