package tui

import (
	"context"
	"database/sql"
	"testing"
	"time"
)

// In a supervisor's file every key that would open a form for an officer's
// record says why not instead, and the caseload's last line says the file
// is read only; the resource directory stays the supervisor's to keep.
func TestASupervisorsFileOpensNoFormForAnOfficersRecord(t *testing.T) {
	st := fixtureStore(t)
	ctx := context.Background()
	if err := st.SetServerURL(ctx, "postgres://lead@agency.example/caseload"); err != nil {
		t.Fatal(err)
	}
	if err := st.NoteSynced(ctx, frozen.Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := st.NoteRoleKind(ctx, "supervisor"); err != nil {
		t.Fatal(err)
	}
	h := start(t, st, 120, 40)
	h.mustSee("read only · synced")
	for _, k := range []string{"c", "n", "e"} {
		h.keys(k)
		if _, ok := h.app.top().(*recordForm); ok {
			t.Fatalf("%s opened a form in a supervisor's file", k)
		}
		h.mustSee("This is a supervisor's file, read only")
		h.keys("esc")
	}
	// On the client's screen too.
	h.keys("enter")
	h.mustSee("[Timeline]")
	h.keys("c")
	if _, ok := h.app.top().(*recordForm); ok {
		t.Fatal("c on the client opened a form in a supervisor's file")
	}
	h.mustSee("supervisor's file")
}

// The same keys open their forms in an officer's file.
func TestAnOfficersFileOpensTheForms(t *testing.T) {
	st := fixtureStore(t)
	if err := st.NoteRoleKind(context.Background(), "officer"); err != nil {
		t.Fatal(err)
	}
	h := start(t, st, 120, 40)
	h.keys("c")
	if _, ok := h.app.top().(*recordForm); !ok {
		t.Fatalf("c opened no form in an officer's file:\n%s", h.screen())
	}
}

// In a supervisor's file the workload follows the caseload: narrowed to one
// officer with o, W shows that officer's week, and their figures alone.
func TestTheWorkloadFollowsTheOfficerTheCaseloadIsNarrowedTo(t *testing.T) {
	path := fixtureFile(t)
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE clients SET owner = CASE WHEN case_number IN ('CR-1001', 'CR-1002') THEN 'jsmith' ELSE 'mlopez' END`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	st := openStore(t, path)
	t.Cleanup(func() { st.Close() })
	h := start(t, st, 120, 40)
	h.keys("W")
	h.mustSee("your week")
	whole := h.app.top().(*workloadView).workload
	h.keys("esc", "o")
	h.mustSee("jsmith")
	h.keys("W")
	h.mustSee("jsmith's week")
	got := h.app.top().(*workloadView).workload
	want, err := st.WorkloadOf(context.Background(), frozen, workloadWeeks, "jsmith")
	if err != nil {
		t.Fatal(err)
	}
	if got.Shape.Active != want.Shape.Active || got.Shape.Active == whole.Shape.Active {
		t.Errorf("jsmith's workload counts %d active clients, want %d (the whole file's is %d)", got.Shape.Active, want.Shape.Active, whole.Shape.Active)
	}
}
