package store

import (
	"context"
	"fmt"

	"caseload/model"
)

// StageNote returns one stage note by id.
func (s *Store) StageNote(ctx context.Context, id string) (model.StageNote, error) {
	n, err := scanStageNote(s.db.QueryRowContext(ctx, "SELECT "+stageNoteColumns+" FROM stage_notes n WHERE n.id = ?", id))
	if err != nil {
		return n, fmt.Errorf("read stage note %s: %w", id, notFound(err))
	}
	return n, nil
}

// ReferralEvent returns one referral status change by id, with the name of
// the resource the referral is to.
func (s *Store) ReferralEvent(ctx context.Context, id string) (model.ReferralEvent, string, error) {
	var name string
	ev, err := scanEvent(rowWithExtra{s.db.QueryRowContext(ctx, "SELECT "+eventColumns+`, res.name FROM referral_events e
		JOIN referrals rf ON rf.id = e.referral_id JOIN resources res ON res.id = rf.resource_id WHERE e.id = ?`, id), &name})
	if err != nil {
		return ev, "", fmt.Errorf("read referral change %s: %w", id, notFound(err))
	}
	return ev, name, nil
}
