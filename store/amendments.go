package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"caseload/model"
)

// ErrAlreadyAmended is returned when a record already has an amendment: the
// correction is itself amended instead, so the chain stays readable.
var ErrAlreadyAmended = errors.New("this record was already amended; amend the correction instead")

// AmendCheckIn corrects a check-in: the corrected copy is saved as a new
// check-in, the amendment points from the original to it and says why, and
// the original stays on the record, no longer counted.
func (s *Store) AmendCheckIn(ctx context.Context, originalID string, corrected model.CheckIn, reason string) (model.Amendment, error) {
	var a model.Amendment
	err := s.write(ctx, func(w *Writer) error {
		orig, err := scanCheckIn(w.queryRow("SELECT "+checkinColumns+" FROM checkins k WHERE k.id = ?", originalID))
		if err != nil {
			return fmt.Errorf("amend check-in %s: %w", originalID, notFound(err))
		}
		a = model.Amendment{ClientID: orig.ClientID, TargetKind: model.KindCheckIn, TargetID: orig.ID, Reason: reason}
		if err := a.Validate(); err != nil {
			return err
		}
		corrected.ID, corrected.ClientID, corrected.CreatedAt = "", orig.ClientID, w.now
		saved, err := w.AddCheckIn(corrected)
		if err != nil {
			return err
		}
		a.ReplacementID = saved.ID
		a, err = w.insertAmendment(a)
		if err != nil {
			return err
		}
		return w.refresh(orig.ClientID)
	})
	return a, err
}

// AmendStageNote corrects a stand-alone stage note the same way.
func (s *Store) AmendStageNote(ctx context.Context, originalID string, corrected model.StageNote, reason string) (model.Amendment, error) {
	var a model.Amendment
	err := s.write(ctx, func(w *Writer) error {
		orig, err := scanStageNote(w.queryRow("SELECT "+stageNoteColumns+" FROM stage_notes n WHERE n.id = ?", originalID))
		if err != nil {
			return fmt.Errorf("amend stage note %s: %w", originalID, notFound(err))
		}
		if orig.CheckInID != "" {
			return errors.New("this stage was recorded at a check-in: amend the check-in")
		}
		a = model.Amendment{ClientID: orig.ClientID, TargetKind: model.KindStageNote, TargetID: orig.ID, Reason: reason}
		if err := a.Validate(); err != nil {
			return err
		}
		corrected.ID, corrected.ClientID, corrected.CheckInID, corrected.CreatedAt = "", orig.ClientID, "", w.now
		saved, err := w.insertStageNote(corrected)
		if err != nil {
			return err
		}
		a.ReplacementID = saved.ID
		if a, err = w.insertAmendment(a); err != nil {
			return err
		}
		return w.refresh(orig.ClientID)
	})
	return a, err
}

// AmendReferralEvent corrects the note of a referral status change. The
// status itself is not rewritten: a wrong status is put right by a new change,
// so the referral's history stays in the order it happened.
func (s *Store) AmendReferralEvent(ctx context.Context, originalID, correctedNote, reason string) (model.Amendment, error) {
	var a model.Amendment
	err := s.write(ctx, func(w *Writer) error {
		orig, err := scanEvent(w.queryRow("SELECT "+eventColumns+" FROM referral_events e WHERE e.id = ?", originalID))
		if err != nil {
			return fmt.Errorf("amend referral change %s: %w", originalID, notFound(err))
		}
		a = model.Amendment{ClientID: orig.ClientID, TargetKind: model.KindReferralEvent, TargetID: orig.ID, Reason: reason}
		if err := a.Validate(); err != nil {
			return err
		}
		fixed := orig
		fixed.ID, fixed.Note, fixed.CreatedAt = newID(), correctedNote, w.now
		if err := w.insertEvent(fixed); err != nil {
			return err
		}
		a.ReplacementID = fixed.ID
		a, err = w.insertAmendment(a)
		return err
	})
	return a, err
}

// StrikeOut amends a check-in or stage note with no replacement: a record
// entered by mistake (the wrong client, a duplicate) stops counting but stays
// readable with the reason.
func (s *Store) StrikeOut(ctx context.Context, kind model.RecordKind, id, reason string) (model.Amendment, error) {
	var a model.Amendment
	err := s.write(ctx, func(w *Writer) error {
		var clientID string
		var err error
		switch kind {
		case model.KindCheckIn:
			err = w.queryRow("SELECT client_id FROM checkins WHERE id = ?", id).Scan(&clientID)
		case model.KindStageNote:
			err = w.queryRow("SELECT client_id FROM stage_notes WHERE id = ?", id).Scan(&clientID)
		default:
			return fmt.Errorf("a %s cannot be struck out; record a correction instead", kind)
		}
		if err != nil {
			return fmt.Errorf("strike out %s %s: %w", kind, id, notFound(err))
		}
		a = model.Amendment{ClientID: clientID, TargetKind: kind, TargetID: id, Reason: reason}
		if err := a.Validate(); err != nil {
			return err
		}
		if a, err = w.insertAmendment(a); err != nil {
			return err
		}
		return w.refresh(clientID)
	})
	return a, err
}

func (w *Writer) insertAmendment(a model.Amendment) (model.Amendment, error) {
	if a.ID == "" {
		a.ID = newID()
	}
	if a.At.IsZero() {
		a.At = w.now
	}
	_, err := w.exec(`INSERT INTO amendments (id, client_id, target_kind, target_id, replacement_id, reason, at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, a.ID, a.ClientID, a.TargetKind, a.TargetID, a.ReplacementID, a.Reason, fmtTime(a.At))
	if err != nil {
		if strings.Contains(err.Error(), "UNIQUE constraint failed: amendments.target_id") {
			return a, ErrAlreadyAmended
		}
		return a, fmt.Errorf("save amendment: %w", explain(err))
	}
	return a, nil
}

const amendmentColumns = `a.id, a.client_id, a.target_kind, a.target_id, a.replacement_id, a.reason, a.at`

func scanAmendment(row scanner) (model.Amendment, error) {
	var a model.Amendment
	var at string
	if err := row.Scan(&a.ID, &a.ClientID, &a.TargetKind, &a.TargetID, &a.ReplacementID, &a.Reason, &at); err != nil {
		return a, err
	}
	var d decoder
	a.At = d.time(at)
	return a, d.err
}
