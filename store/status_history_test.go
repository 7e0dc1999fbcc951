package store_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"caseload/model"
	"caseload/store"
)

// A case closed today still counts in the weeks it was open: the client was
// due at the start of supervision on 5 January and seen that day, due again
// on the 19th (high level), overdue from the 20th, and the case closed on 9
// February; the weeks after count them no more.
func TestPastWeeksCountAClientWhileTheCaseWasOpen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "caseload.db")
	at := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 10, 0, 0, 0, time.Local) }
	clock := func(t time.Time) store.Option { return store.WithClock(func() time.Time { return t }) }

	s := openAt(t, path, clock(at(time.January, 5)))
	c := newClient("HIST-1")
	c.Level, c.SupervisionFrom = model.LevelHigh, model.DateOf(at(time.January, 5))
	c, err := s.CreateClient(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddCheckIn(ctx, model.CheckIn{ClientID: c.ID, At: at(time.January, 5), Type: model.ContactOffice,
		Outcome: model.OutcomeCompleted, Test: model.TestNotTested}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s = openAt(t, path, clock(at(time.February, 9)))
	c.Status = model.StatusClosed
	if _, err := s.UpdateClient(ctx, c); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s = openAt(t, path)
	wl, err := s.Workload(ctx, testNow, 12)
	if err != nil {
		t.Fatal(err)
	}
	var due, unstaged int
	for _, w := range wl.Weeks {
		due += w.Due
		end := w.Week.ReadAt(testNow)
		switch {
		case end.After(at(time.January, 20)) && end.Before(at(time.February, 9)) && w.Overdue != 1:
			t.Errorf("week of %s: %d overdue, want the client, whose case was open and due on the 19th", w.Week.Start.Format(time.DateOnly), w.Overdue)
		case end.After(at(time.February, 9)) && (w.Overdue != 0 || w.Stages[""] != 0):
			t.Errorf("week of %s: %d overdue, %d active without a stage; the case was closed", w.Week.Start.Format(time.DateOnly), w.Overdue, w.Stages[""])
		}
		if end.After(at(time.January, 5)) && end.Before(at(time.February, 9)) {
			unstaged += w.Stages[""]
		}
	}
	if due != 2 {
		t.Errorf("%d contacts due over the weeks, want 2: at the start of supervision on 5 January and on the 19th", due)
	}
	if unstaged == 0 {
		t.Error("the weeks the case was open do not count the client in the caseload's stages")
	}
	compareWorkload(t, wl, expectedWorkload(t, path, testNow, 12))
}
