package store_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"caseload/model"
	"caseload/store"
)

// pathTo finds, from the lifecycle itself, the shortest run of changes that
// takes a new referral to each status.
func pathTo(t *testing.T) map[model.ReferralStatus][]model.ReferralStatus {
	t.Helper()
	paths := map[model.ReferralStatus][]model.ReferralStatus{model.ReferralReferred: nil}
	queue := []model.ReferralStatus{model.ReferralReferred}
	for len(queue) > 0 {
		from := queue[0]
		queue = queue[1:]
		for _, to := range model.NextStatuses(from) {
			if _, seen := paths[to]; !seen {
				paths[to] = append(append([]model.ReferralStatus(nil), paths[from]...), to)
				queue = append(queue, to)
			}
		}
	}
	for _, o := range model.ReferralStatuses() {
		if _, ok := paths[o.Value]; !ok {
			t.Fatalf("no referral can reach %s", o.Value)
		}
	}
	return paths
}

// change makes a status change that is complete for its target: a follow-up
// date while the referral stays open, an appointment when it is scheduled.
func change(to model.ReferralStatus, at time.Time, note string) store.StatusChange {
	ch := store.StatusChange{To: to, At: at, Note: note}
	if to.Open() {
		ch.FollowUpOn = model.DateOf(at).AddDays(10)
	}
	if to == model.ReferralScheduled {
		ch.AppointmentAt = at.AddDate(0, 0, 3)
	}
	return ch
}

func TestReferralStatusChangesFollowTheLifecycle(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 3, 10, 10, 0, 0, 0, time.Local)
	s, path := openFrozen(t, now)
	client := fixtureClient(t, s, "Ada Lovelace", "C-1", model.LevelHigh, model.StatusActive)
	res := fixtureResource(t, s, model.Resource{Name: "Harbor Recovery", Category: model.CategorySubstanceUse})
	paths := pathTo(t)
	count := tableCounter(t, path)
	refused := map[model.ReferralStatus]model.Referral{}
	on := model.DateOf(now).AddDays(-5)
	statuses := model.ReferralStatuses()
	for _, from := range statuses {
		for _, to := range statuses {
			t.Run(fmt.Sprintf("%s to %s", from.Value, to.Value), func(t *testing.T) {
				// A refused change leaves the referral as it was, so one
				// referral per status serves every refused change from it.
				ref, ok := refused[from.Value]
				if !ok || model.CanMove(from.Value, to.Value) {
					walk := make([]store.StatusChange, 0, len(paths[from.Value]))
					for i, st := range paths[from.Value] {
						walk = append(walk, change(st, now.Add(time.Duration(i-4)*time.Hour), "step"))
					}
					ref = fixtureReferral(t, s, client.ID, res.ID, on, on.AddDays(7), walk...)
					if !model.CanMove(from.Value, to.Value) {
						refused[from.Value] = ref
					}
				}
				before := count(touchedTables...)
				ch := change(to.Value, now.Add(-time.Minute), "moved to "+string(to.Value))
				ev, err := s.ChangeReferralStatus(ctx, ref.ID, ch)
				after, err2 := s.Referral(ctx, ref.ID)
				if err2 != nil {
					t.Fatal(err2)
				}
				if !model.CanMove(from.Value, to.Value) {
					var te model.ErrTransition
					if !errors.As(err, &te) || te.From != from.Value || te.To != to.Value {
						t.Fatalf("err = %v; want the lifecycle to refuse %s → %s", err, from.Value, to.Value)
					}
					if got := count(touchedTables...); fmt.Sprint(got) != fmt.Sprint(before) {
						t.Errorf("a refused change wrote rows: before %v, after %v", before, got)
					}
					if after != ref {
						t.Errorf("a refused change altered the referral:\n was %+v\n now %+v", ref, after)
					}
					return
				}
				if err != nil {
					t.Fatalf("%s → %s is allowed, got %v", from.Value, to.Value, err)
				}
				if got := count("referral_events")["referral_events"]; got != before["referral_events"]+1 {
					t.Errorf("referral events %d → %d; want one more", before["referral_events"], got)
				}
				history, err := s.ReferralHistory(ctx, ref.ID)
				if err != nil {
					t.Fatal(err)
				}
				last := history[len(history)-1]
				if last.ID != ev.ID || last.From != from.Value || last.To != to.Value || !last.At.Equal(ch.At) ||
					last.Note != ch.Note || last.FollowUpOn != ch.FollowUpOn {
					t.Errorf("recorded event %+v; want %s → %s at %v with note %q and follow-up %v",
						last, from.Value, to.Value, ch.At, ch.Note, ch.FollowUpOn)
				}
				if after.Status != to.Value || after.FollowUpOn != ch.FollowUpOn {
					t.Errorf("referral is %s with follow-up %v; want %s and %v", after.Status, after.FollowUpOn, to.Value, ch.FollowUpOn)
				}
				if !to.Value.Open() && after.OutcomeNote != ch.Note {
					t.Errorf("closing note %q not kept as the outcome (got %q)", ch.Note, after.OutcomeNote)
				}
			})
		}
	}
}

func TestOpenReferralChangeWithoutFollowUpWritesNothing(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 3, 10, 10, 0, 0, 0, time.Local)
	s, path := openFrozen(t, now)
	client := fixtureClient(t, s, "Ben Okafor", "C-2", model.LevelHigh, model.StatusActive)
	res := fixtureResource(t, s, model.Resource{Name: "Open Door", Category: model.CategoryMentalHealth})
	ref := fixtureReferral(t, s, client.ID, res.ID, model.DateOf(now), model.DateOf(now).AddDays(7))
	before := rowCounts(t, path)
	_, err := s.ChangeReferralStatus(ctx, ref.ID, store.StatusChange{To: model.ReferralScheduled, Note: "booked"})
	if model.FieldErrors(err).For(model.FieldFollowUp) == "" {
		t.Fatalf("err = %v; want the follow-up date asked for", err)
	}
	if got := rowCounts(t, path); fmt.Sprint(got) != fmt.Sprint(before) {
		t.Errorf("rows changed: %v → %v", before, got)
	}
}

func TestChangeOfAMissingReferralIsNotFound(t *testing.T) {
	s, _ := openFrozen(t, time.Now())
	_, err := s.ChangeReferralStatus(context.Background(), "no-such-id", change(model.ReferralScheduled, time.Now(), ""))
	if !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("err = %v; want ErrNotFound", err)
	}
}
