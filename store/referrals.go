package store

import (
	"context"
	"fmt"
	"time"

	"caseload/model"
)

const referralColumns = `r.id, r.client_id, r.resource_id, r.reason, r.referred_on, r.status, r.appointment_at,
	r.follow_up_on, r.outcome_note, r.created_at, r.updated_at, r.sensitive`

func scanReferral(row scanner) (model.Referral, error) {
	var r model.Referral
	var on, appt, follow, created, updated string
	if err := row.Scan(&r.ID, &r.ClientID, &r.ResourceID, &r.Reason, &on, &r.Status, &appt, &follow, &r.OutcomeNote,
		&created, &updated, &r.Sensitive); err != nil {
		return r, err
	}
	var d decoder
	r.ReferredOn, r.FollowUpOn = d.date(on), d.date(follow)
	r.AppointmentAt, r.CreatedAt, r.UpdatedAt = d.time(appt), d.time(created), d.time(updated)
	return r, d.err
}

const eventColumns = `e.id, e.referral_id, e.client_id, e.at, e.from_status, e.to_status, e.note, e.follow_up_on,
	e.appointment_at, e.created_at, e.sensitive`

func scanEvent(row scanner) (model.ReferralEvent, error) {
	var e model.ReferralEvent
	var at, follow, appt, created string
	if err := row.Scan(&e.ID, &e.ReferralID, &e.ClientID, &at, &e.From, &e.To, &e.Note, &follow, &appt, &created, &e.Sensitive); err != nil {
		return e, err
	}
	var d decoder
	e.At, e.AppointmentAt, e.CreatedAt = d.time(at), d.time(appt), d.time(created)
	e.FollowUpOn = d.date(follow)
	return e, d.err
}

// CreateReferral refers a client to a resource: the referral and its first
// event (to referred) are written together.
func (s *Store) CreateReferral(ctx context.Context, r model.Referral, note string) (model.Referral, error) {
	err := s.write(ctx, func(w *Writer) error {
		var err error
		r, err = w.CreateReferral(r, note)
		return err
	})
	return r, err
}

// CreateReferral refers a client in the writer's transaction.
func (w *Writer) CreateReferral(r model.Referral, note string) (model.Referral, error) {
	r.Status = model.ReferralReferred
	if r.FollowUpOn.IsZero() && !r.ReferredOn.IsZero() {
		r.FollowUpOn = r.ReferredOn.AddDays(model.DefaultFollowUpDays)
	}
	if err := r.Validate(); err != nil {
		return r, err
	}
	if r.ID == "" {
		r.ID = newID()
	}
	if r.CreatedAt.IsZero() {
		r.CreatedAt = w.now
	}
	r.UpdatedAt = r.CreatedAt
	_, err := w.exec(`INSERT INTO referrals (id, client_id, resource_id, reason, referred_on, status,
		appointment_at, follow_up_on, outcome_note, created_at, updated_at, sensitive) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.ID, r.ClientID, r.ResourceID, r.Reason, r.ReferredOn.String(), r.Status, fmtTime(r.AppointmentAt),
		r.FollowUpOn.String(), r.OutcomeNote, fmtTime(r.CreatedAt), fmtTime(r.UpdatedAt), boolInt(r.Sensitive))
	if err != nil {
		return r, fmt.Errorf("save referral: %w", explain(err))
	}
	if err := w.recordCreate(SyncReferrals, r.ID, r.ClientID); err != nil {
		return r, err
	}
	at := r.CreatedAt
	if model.DateOf(at.In(time.Local)) != r.ReferredOn {
		at = r.ReferredOn.In(time.Local).Add(9 * time.Hour)
	}
	ev := model.ReferralEvent{ReferralID: r.ID, ClientID: r.ClientID, At: at, To: model.ReferralReferred,
		Note: note, FollowUpOn: r.FollowUpOn, AppointmentAt: r.AppointmentAt, CreatedAt: r.CreatedAt, Sensitive: r.Sensitive}
	if err := ev.Validate(); err != nil {
		return r, err
	}
	ev.ID = newID()
	if err := w.insertEvent(ev); err != nil {
		return r, err
	}
	return r, w.refresh(r.ClientID)
}

// StatusChange is what the officer records when a referral moves on.
type StatusChange struct {
	To            model.ReferralStatus
	At            time.Time
	Note          string
	FollowUpOn    model.Date // required while the referral stays open
	AppointmentAt time.Time
	// Sensitive marks a note that holds substance-use information.
	Sensitive bool
}

// ChangeReferralStatus moves a referral along its lifecycle. A change the
// lifecycle forbids is refused here, not only in the form, and nothing is
// written.
func (s *Store) ChangeReferralStatus(ctx context.Context, referralID string, ch StatusChange) (model.ReferralEvent, error) {
	var ev model.ReferralEvent
	err := s.write(ctx, func(w *Writer) error {
		var err error
		ev, err = w.ChangeReferralStatus(referralID, ch)
		return err
	})
	return ev, err
}

// ChangeReferralStatus moves a referral in the writer's transaction.
func (w *Writer) ChangeReferralStatus(referralID string, ch StatusChange) (model.ReferralEvent, error) {
	r, err := scanReferral(w.queryRow("SELECT "+referralColumns+" FROM referrals r WHERE r.id = ?", referralID))
	if err != nil {
		return model.ReferralEvent{}, fmt.Errorf("change referral %s: %w", referralID, notFound(err))
	}
	if ch.At.IsZero() {
		ch.At = w.now
	}
	ev := model.ReferralEvent{ID: newID(), ReferralID: r.ID, ClientID: r.ClientID, At: ch.At, From: r.Status, To: ch.To,
		Note: ch.Note, FollowUpOn: ch.FollowUpOn, AppointmentAt: ch.AppointmentAt, CreatedAt: w.now, Sensitive: ch.Sensitive}
	if !model.CanMove(r.Status, ch.To) {
		return ev, model.ErrTransition{From: r.Status, To: ch.To}
	}
	if err := ev.Validate(); err != nil {
		return ev, err
	}
	next := r.Apply(ev)
	next.UpdatedAt = w.now
	before, err := w.fieldsBeforeEdit(SyncReferrals, r.ID)
	if err != nil {
		return ev, err
	}
	if _, err := w.exec(`UPDATE referrals SET status = ?, follow_up_on = ?, appointment_at = ?,
		outcome_note = ?, updated_at = ? WHERE id = ?`,
		next.Status, next.FollowUpOn.String(), fmtTime(next.AppointmentAt), next.OutcomeNote, fmtTime(next.UpdatedAt), r.ID); err != nil {
		return ev, fmt.Errorf("save referral status: %w", explain(err))
	}
	if err := w.recordUpdate(SyncReferrals, r.ID, r.ClientID, before); err != nil {
		return ev, err
	}
	if err := w.insertEvent(ev); err != nil {
		return ev, err
	}
	return ev, w.refresh(r.ClientID)
}

func (w *Writer) insertEvent(e model.ReferralEvent) error {
	_, err := w.exec(`INSERT INTO referral_events (id, referral_id, client_id, at, from_status, to_status,
		note, follow_up_on, appointment_at, created_at, sensitive) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.ID, e.ReferralID, e.ClientID, fmtTime(e.At), e.From, e.To, e.Note, e.FollowUpOn.String(),
		fmtTime(e.AppointmentAt), fmtTime(e.CreatedAt), boolInt(e.Sensitive))
	if err != nil {
		return fmt.Errorf("save referral history: %w", explain(err))
	}
	w.noteWritten("referral_event", e.ID, e.Note)
	return nil
}

// Referral returns one referral.
func (s *Store) Referral(ctx context.Context, id string) (model.Referral, error) {
	r, err := scanReferral(s.db.QueryRowContext(ctx, "SELECT "+referralColumns+" FROM referrals r WHERE r.id = ?", id))
	if err != nil {
		return r, fmt.Errorf("read referral %s: %w", id, notFound(err))
	}
	return r, nil
}

// Referrals lists a client's referrals, newest first.
func (s *Store) Referrals(ctx context.Context, clientID string) ([]model.Referral, error) {
	out, err := queryList(ctx, s.db, scanReferral, "SELECT "+referralColumns+` FROM referrals r WHERE r.client_id = ?
		ORDER BY r.referred_on DESC, r.id DESC`, clientID)
	if err != nil {
		return nil, fmt.Errorf("list referrals: %w", explain(err))
	}
	return out, nil
}

// ReferralHistory lists a referral's status changes, oldest first, amended
// ones included (the timeline marks them).
func (s *Store) ReferralHistory(ctx context.Context, referralID string) ([]model.ReferralEvent, error) {
	out, err := queryList(ctx, s.db, scanEvent, "SELECT "+eventColumns+` FROM referral_events e WHERE e.referral_id = ?
		ORDER BY e.at, e.id`, referralID)
	if err != nil {
		return nil, fmt.Errorf("read referral history: %w", explain(err))
	}
	return out, nil
}
