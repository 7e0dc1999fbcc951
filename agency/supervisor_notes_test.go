package agency

import (
	"context"
	"errors"
	"testing"
	"time"

	"caseload/model"
	"caseload/store"
)

// A supervisor writes a note on a client of the team in their own file;
// the next syncs bring it to the officer's laptop, into the client's log.
// An officer's file writes none, and on the server neither an officer nor
// another team's supervisor can add one.
func TestASupervisorsNoteReachesTheOfficer(t *testing.T) {
	ctx := context.Background()
	s := newTestServer(t)
	lead := s.staff(Supervisor, "lead", "")
	other := s.staff(Supervisor, "other", "")
	aliceRole := s.staff(Officer, "alice", lead)
	alice := s.laptop(aliceRole)
	c := alice.addClient("A-1")
	alice.sync()

	sup := s.laptop(lead)
	sup.sync() // the file learns it is a supervisor's, and takes the team's caseloads
	note := model.SupervisorNote{ClientID: c.ID, At: sup.now.Add(-time.Minute), By: "Pat Lead",
		Note: "Ask about the new job at the next visit.\nCase review on Friday."}
	saved, err := sup.st.AddSupervisorNote(ctx, note)
	if err != nil {
		t.Fatalf("the supervisor's note: %v", err)
	}
	if r := sup.sync(); r.Pushed != 1 || r.Rejected != 0 {
		var reason string
		s.admin.QueryRow(ctx, "SELECT coalesce(string_agg(reason, '; '), '') FROM caseload.rejected").Scan(&reason)
		t.Errorf("the supervisor's sync: %s (%s); want the note sent", describe(r), reason)
	}
	sup.outboxEmpty()
	if n := count(t, s.admin, "SELECT count(*) FROM caseload.supervisor_notes WHERE id = $1 AND pushed_by = $2", saved.ID, lead); n != 1 {
		t.Fatalf("the server holds %d of the note pushed by %s", n, lead)
	}

	alice.sync()
	page, err := alice.st.ClientLog(ctx, model.LogQuery{ClientID: c.ID, Kind: model.LogSupervisor})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Entries) != 1 || page.Entries[0].Supervisor == nil {
		t.Fatalf("the officer's log of supervisor notes holds %+v, want the note", page.Entries)
	}
	got := *page.Entries[0].Supervisor
	if got.Note != note.Note || got.By != note.By || !got.At.Equal(saved.At) {
		t.Errorf("the officer reads %+v, want %+v", got, saved)
	}
	sameOnBothSides(t, s, alice)

	// An officer's file writes no supervisor note, and sends nothing.
	_, err = alice.st.AddSupervisorNote(ctx, model.SupervisorNote{ClientID: c.ID, At: alice.now, By: "alice", Note: "mine"})
	if !errors.Is(err, store.ErrNotSupervisorFile) {
		t.Errorf("a supervisor note in an officer's file: %v, want it refused", err)
	}
	alice.outboxEmpty()

	// On the server: an officer has no right to add one, and a supervisor
	// of another team cannot add one for a client not theirs to see.
	insert := `INSERT INTO caseload.supervisor_notes (id, client_id, at, author, note, created_at)
		VALUES (gen_random_uuid(), $1, '2026-12-01T10:00:00.000Z', 'x', 'y', '2026-12-01T10:00:00.000Z')`
	_, err = s.as(aliceRole).Exec(ctx, insert, c.ID)
	wantRefused(t, "an officer adds a supervisor note", err, "permission denied")
	_, err = s.as(other).Exec(ctx, insert, c.ID)
	wantRefused(t, "another team's supervisor adds a note", err, "row-level security")
	if n := count(t, s.admin, "SELECT count(*) FROM caseload.supervisor_notes"); n != 1 {
		t.Errorf("the server holds %d supervisor notes, want the one", n)
	}
}
