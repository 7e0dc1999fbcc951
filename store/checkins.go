package store

import (
	"context"
	"fmt"

	"caseload/model"
)

const checkinColumns = `k.id, k.client_id, k.at, k.type, k.outcome, k.location, k.test_result, k.substances, k.stage,
	k.flags, k.note, k.sensitive, k.next_appointment_at, k.created_at`

func scanCheckIn(row scanner) (model.CheckIn, error) {
	var c model.CheckIn
	var at, subs, flags, appt, created string
	if err := row.Scan(&c.ID, &c.ClientID, &at, &c.Type, &c.Outcome, &c.Location, &c.Test, &subs, &c.Stage,
		&flags, &c.Note, &c.Sensitive, &appt, &created); err != nil {
		return c, err
	}
	var d decoder
	c.At, c.NextAppointment, c.CreatedAt = d.time(at), d.time(appt), d.time(created)
	c.Substances = decodeList[string](&d, subs)
	c.Flags = decodeList[model.RiskFlag](&d, flags)
	return c, d.err
}

// AddCheckIn records a contact. When it carries a stage, a stage note is
// written with it in the same transaction, and the client's summary follows.
func (s *Store) AddCheckIn(ctx context.Context, c model.CheckIn) (model.CheckIn, error) {
	err := s.write(ctx, func(w *Writer) error {
		var err error
		c, err = w.AddCheckIn(c)
		return err
	})
	return c, err
}

// AddCheckIn records a contact in the writer's transaction.
func (w *Writer) AddCheckIn(c model.CheckIn) (model.CheckIn, error) {
	if err := c.Validate(w.now); err != nil {
		return c, err
	}
	if c.ID == "" {
		c.ID = newID()
	}
	if c.CreatedAt.IsZero() {
		c.CreatedAt = w.now
	}
	_, err := w.exec(`INSERT INTO checkins (id, client_id, at, type, outcome, location, test_result,
		substances, stage, flags, note, sensitive, next_appointment_at, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		c.ID, c.ClientID, fmtTime(c.At), c.Type, c.Outcome, c.Location, c.Test, jsonList(c.Substances), c.Stage,
		jsonList(c.Flags), c.Note, boolInt(c.Sensitive), fmtTime(c.NextAppointment), fmtTime(c.CreatedAt))
	if err != nil {
		return c, fmt.Errorf("save check-in: %w", explain(err))
	}
	w.noteWritten("checkin", c.ID, c.Note)
	if c.Stage != "" {
		note := model.StageNote{ClientID: c.ClientID, CheckInID: c.ID, At: c.At, Stage: c.Stage, CreatedAt: c.CreatedAt}
		if _, err := w.insertStageNote(note); err != nil {
			return c, err
		}
	}
	return c, w.refresh(c.ClientID)
}

// CheckIn returns one check-in by id.
func (s *Store) CheckIn(ctx context.Context, id string) (model.CheckIn, error) {
	c, err := scanCheckIn(s.db.QueryRowContext(ctx, "SELECT "+checkinColumns+" FROM checkins k WHERE k.id = ?", id))
	if err != nil {
		return c, fmt.Errorf("read check-in %s: %w", id, notFound(err))
	}
	return c, nil
}

// LastCheckIn returns the client's latest check-in that is not amended, for
// the defaults of the next one; ErrNotFound when there is none.
func (s *Store) LastCheckIn(ctx context.Context, clientID string) (model.CheckIn, error) {
	c, err := scanCheckIn(s.db.QueryRowContext(ctx, "SELECT "+checkinColumns+` FROM checkins k
		WHERE k.client_id = ? AND `+notAmended("k")+` ORDER BY k.at DESC, k.id DESC LIMIT 1`, clientID))
	if err != nil {
		return c, fmt.Errorf("read last check-in: %w", notFound(err))
	}
	return c, nil
}
