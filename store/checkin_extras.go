package store

import (
	"context"

	"caseload/model"
)

// CheckInExtras are what the check-in form may save with the contact: the
// violation it offered (a positive or refused test, a new arrest, a no-show)
// with its response, today's community service hours or payment, and the
// plan steps ticked done in passing.
type CheckInExtras struct {
	Violation *model.Violation
	Response  *model.Response // only with a violation
	Progress  []model.ProgressEntry
	Ticks     []StepTick
}

// AddCheckInWith records a contact and its extras in one transaction, so
// that a positive test and the violation it led to are never saved apart.
// The violation is linked to the check-in.
func (s *Store) AddCheckInWith(ctx context.Context, k model.CheckIn, x CheckInExtras) (model.CheckIn, error) {
	err := s.write(ctx, func(w *Writer) error {
		var err error
		if k, err = w.AddCheckIn(k); err != nil {
			return err
		}
		for _, t := range x.Ticks {
			if err := w.tickFromCheckIn(k, t); err != nil {
				return err
			}
		}
		for i := range x.Progress {
			if x.Progress[i].At.IsZero() {
				x.Progress[i].At = k.At
			}
			if x.Progress[i], err = w.AddProgress(x.Progress[i]); err != nil {
				return err
			}
		}
		if x.Violation != nil {
			x.Violation.CheckInID, x.Violation.ClientID = k.ID, k.ClientID
			if x.Violation.At.IsZero() {
				x.Violation.At = k.At
			}
			v, err := w.RecordViolation(*x.Violation, x.Response)
			*x.Violation = v
			return err
		}
		return nil
	})
	return k, err
}
