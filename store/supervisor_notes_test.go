package store

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"caseload/model"
)

// A supervisor note is written only in a supervisor's file, needs words,
// lands in the client's log, and is never changed or removed after.
func TestSupervisorNotesAreTheSupervisorsAndStayAsWritten(t *testing.T) {
	ctx := context.Background()
	st := openSummaryStore(t)
	c, err := st.CreateClient(ctx, model.Client{Name: "Ann Lee", CaseNumber: "A-1", SupervisionType: model.SupervisionProbation,
		Level: model.LevelHigh, Status: model.StatusActive})
	if err != nil {
		t.Fatal(err)
	}
	at := st.now().Add(-time.Hour)
	note := model.SupervisorNote{ClientID: c.ID, At: at, By: "Pat Lead", Note: "Review the curfew at the next visit."}
	if _, err := st.AddSupervisorNote(ctx, note); !errors.Is(err, ErrNotSupervisorFile) {
		t.Fatalf("a note in an officer's file: %v, want it refused", err)
	}
	if err := st.NoteRoleKind(ctx, "supervisor"); err != nil {
		t.Fatal(err)
	}
	empty := note
	empty.Note = "  "
	var ve *model.ValidationError
	if _, err := st.AddSupervisorNote(ctx, empty); !errors.As(err, &ve) || ve.Fields[0].Field != model.FieldNote {
		t.Fatalf("a note without words: %v, want the note field named", err)
	}
	// Unsigned, the note takes the name the file's settings give.
	set, err := st.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	set.OfficerName = "Pat Lead"
	if err := st.SaveSettings(ctx, set); err != nil {
		t.Fatal(err)
	}
	unsigned := note
	unsigned.By = ""
	saved, err := st.AddSupervisorNote(ctx, unsigned)
	if err != nil {
		t.Fatal(err)
	}
	if saved.By != "Pat Lead" {
		t.Errorf("the unsigned note is by %q, want the file's name", saved.By)
	}
	page, err := st.ClientLog(ctx, model.LogQuery{ClientID: c.ID})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range page.Entries {
		if e.Kind == model.LogSupervisor && e.Supervisor != nil && e.Supervisor.ID == saved.ID && e.Supervisor.Note == note.Note && e.Supervisor.By == "Pat Lead" {
			found = true
		}
	}
	if !found {
		t.Errorf("the client's log holds %+v, want the supervisor's note", page.Entries)
	}
	for _, q := range []string{"UPDATE supervisor_notes SET note = 'changed'", "DELETE FROM supervisor_notes"} {
		if _, err := st.db.Exec(q); err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s: %v, want it refused", q, err)
		}
	}
}
