package tui

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"caseload/model"
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
	if err := st.FinishSync(ctx, frozen.Add(-time.Hour), 0); err != nil {
		t.Fatal(err)
	}
	if err := st.NoteRoleKind(ctx, "supervisor"); err != nil {
		t.Fatal(err)
	}
	h := start(t, st, 120, 40)
	h.mustSee("read only · synced")
	// The caseload's help line offers neither a check-in nor a new client.
	if help := lastLine(h.screen()); strings.Contains(help, "check-in") || strings.Contains(help, "add") {
		t.Errorf("the caseload's help line in a supervisor's file offers a write: %q", help)
	}
	for _, k := range []string{"c", "n", "e"} {
		h.keys(k)
		if _, ok := h.app.top().(*recordForm); ok {
			t.Fatalf("%s opened a form in a supervisor's file", k)
		}
		h.mustSee("This is a supervisor's file, read only")
		h.keys("esc")
	}
	// On the client's screen too; its help line offers only what the file
	// does.
	h.keys("enter")
	h.mustSee("[Timeline]")
	help := lastLine(h.screen())
	for _, gone := range []string{"check-in", "edit", "amend"} {
		if strings.Contains(help, gone) {
			t.Errorf("the help line of a supervisor's client offers %q: %q", gone, help)
		}
	}
	if !strings.Contains(help, "n supervisor note") {
		t.Errorf("the help line of a supervisor's client does not offer the note: %q", help)
	}
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

// In a supervisor's file n on a client writes the supervisor's note: the
// form opens, an empty note is refused beside the field with the words
// kept, and a saved note is in the client's log, signed.
func TestASupervisorWritesANoteOnAClient(t *testing.T) {
	st := fixtureStore(t)
	ctx := context.Background()
	if err := st.SetServerURL(ctx, "postgres://lead@agency.example/caseload"); err != nil {
		t.Fatal(err)
	}
	if err := st.NoteRoleKind(ctx, "supervisor"); err != nil {
		t.Fatal(err)
	}
	h := start(t, st, 120, 40)
	h.keys("enter")
	h.mustSee("[Timeline]")
	h.mustSee("n supervisor note")
	h.keys("n")
	f, ok := h.app.top().(*recordForm)
	if !ok || f.kind != "supervisor_note" {
		t.Fatalf("n in a supervisor's file opened %T, want the supervisor note form:\n%s", h.app.top(), h.screen())
	}
	h.mustSee("Supervisor note ·")
	h.keys("ctrl+s")
	if _, ok := h.app.top().(*recordForm); !ok {
		t.Fatal("an empty note was saved")
	}
	h.mustSee("required")
	for _, r := range "Call me after the home visit." {
		h.keys(string(r))
	}
	h.keys("ctrl+s")
	if _, ok := h.app.top().(*recordForm); ok {
		t.Fatalf("the note was not saved:\n%s", h.screen())
	}
	h.mustSee("Supervisor note saved")
	c := h.app.client().client
	page, err := st.ClientLog(ctx, model.LogQuery{ClientID: c.ID, Kind: model.LogSupervisor})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Entries) != 1 || page.Entries[0].Supervisor.Note != "Call me after the home visit." || page.Entries[0].Supervisor.By != "lead" {
		t.Fatalf("the log holds %+v, want the note signed by the login", page.Entries)
	}
}

// lastLine is the screen's last line with something on it.
func lastLine(screen string) string {
	lines := strings.Split(strings.TrimRight(screen, "\n "), "\n")
	return lines[len(lines)-1]
}
