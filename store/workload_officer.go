package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"caseload/model"
)

// WorkloadOf is the workload of one officer's clients in a supervisor's
// file (which holds the team's caseloads), or the whole file's when owner
// is "".
//
// The whole file's figures come from the day counters, which are kept for
// the file and not per officer. One officer's are worked out from that
// officer's records, run through the same rules of the model: a caseload of
// a few hundred clients is read in a few milliseconds, in one snapshot.
func (s *Store) WorkloadOf(ctx context.Context, now time.Time, weeks int, owner string) (model.Workload, error) {
	if owner == "" {
		return s.Workload(ctx, now, weeks)
	}
	if weeks < 1 || weeks > MaxWorkloadWeeks {
		return model.Workload{}, fmt.Errorf("workload: weeks must be between 1 and %d, not %d", MaxWorkloadWeeks, weeks)
	}
	standards, err := readStandards(ctx, s.db)
	if err != nil {
		return model.Workload{}, err
	}
	wl := model.Workload{Now: now, Standards: standards, Weeks: model.NewWeekFigures(model.LastWeeks(now, weeks))}
	err = s.readOne(ctx, func(conn *sql.Conn) error {
		r := officerReader{ctx: ctx, q: conn, owner: owner}
		return r.read(&wl)
	})
	if err != nil {
		return model.Workload{}, fmt.Errorf("read %s's workload: %w", owner, explain(err))
	}
	wl.Load = model.LoadOf(wl.Shape.ByLevel, standards)
	return wl, nil
}

// officerReader reads one officer's records for the workload.
type officerReader struct {
	ctx   context.Context
	q     querier
	owner string
	d     decoder
}

// ofOwner narrows a query on a client's records to the officer's clients.
const ofOwner = ` client_id IN (SELECT id FROM clients INDEXED BY clients_by_owner WHERE owner = ?1 AND owner <> '')`

// each runs a query of the officer's records (?1 is the officer).
func (r *officerReader) each(query string, fn func(row scanner) error) error {
	return eachRowArgs(r.ctx, r.q, query, []any{r.owner}, fn)
}

func (r *officerReader) read(wl *model.Workload) error {
	intervals, err := readIntervals(r.ctx, r.q)
	if err != nil {
		return err
	}
	amended := map[string]bool{}
	err = r.each(`SELECT target_id FROM amendments WHERE`+ofOwner, func(row scanner) error {
		var id string
		err := row.Scan(&id)
		amended[id] = true
		return err
	})
	if err != nil {
		return err
	}
	clients := map[string]model.DueInput{}
	var shape []model.ShapeTally
	err = r.each(`SELECT id, status, level, supervision_type, supervision_from, created_at, current_stage FROM clients
		WHERE id IN (SELECT id FROM clients INDEXED BY clients_by_owner WHERE owner = ?1 AND owner <> '')`, func(row scanner) error {
		var id, from, created string
		var in model.DueInput
		var typ model.SupervisionType
		var stage model.Stage
		if err := row.Scan(&id, &in.Status, &in.Level, &typ, &from, &created, &stage); err != nil {
			return err
		}
		in.SupervisionFrom, in.Created, in.Location = r.d.date(from), r.d.time(created), time.Local
		clients[id] = in
		if in.Status == model.StatusActive {
			shape = append(shape, model.ShapeTally{Level: in.Level, Type: typ, Stage: stage, N: 1})
		}
		return nil
	})
	if err != nil {
		return err
	}
	wl.Shape = model.ShapeOf(shape)
	// Past weeks count a client while the case was active, by its history.
	err = r.each(`SELECT client_id, at, status FROM client_status_changes WHERE`+ofOwner+` ORDER BY client_id, at`,
		func(row scanner) error {
			var id, at string
			var status model.ClientStatus
			if err := row.Scan(&id, &at, &status); err != nil {
				return err
			}
			in := clients[id]
			in.History = append(in.History, model.StatusChange{At: r.d.time(at), Status: status})
			clients[id] = in
			return nil
		})
	if err != nil {
		return err
	}

	var contacts []model.ContactTally
	var signals []model.SignalContact
	due := map[string][]model.DueContact{}
	err = r.each(`SELECT id, client_id, at, type, outcome, test_result, flags, next_appointment_at FROM checkins WHERE`+ofOwner,
		func(row scanner) error {
			var id, client, at, flags, appt string
			var t model.ContactTally
			if err := row.Scan(&id, &client, &at, &t.Type, &t.Outcome, &t.Test, &flags, &appt); err != nil {
				return err
			}
			if amended[id] {
				return nil
			}
			t.At, t.N = r.d.time(at), 1
			contacts = append(contacts, t)
			signals = append(signals, model.SignalContact{ClientID: client, At: t.At, Test: t.Test, Flags: decodeList[model.RiskFlag](&r.d, flags)})
			due[client] = append(due[client], model.DueContact{At: t.At, Completed: t.Outcome == model.OutcomeCompleted,
				NextAppointment: r.d.time(appt)})
			return nil
		})
	if err != nil {
		return err
	}
	model.AddContacts(wl.Weeks, contacts)
	var spells []model.DueSpell
	for id, in := range clients {
		spells = append(spells, model.DueSpells(in, due[id], intervals)...)
	}
	model.AddDue(wl.Weeks, spells, wl.Now)

	marks := map[string][]model.StageMark{}
	err = r.each(`SELECT id, client_id, coalesce(checkin_id, ''), at, stage FROM stage_notes WHERE`+ofOwner, func(row scanner) error {
		var id, client, checkin, at string
		var stage model.Stage
		if err := row.Scan(&id, &client, &checkin, &at, &stage); err != nil {
			return err
		}
		if !amended[id] && !amended[checkin] {
			marks[client] = append(marks[client], model.StageMark{At: r.d.time(at), Stage: stage})
		}
		return nil
	})
	if err != nil {
		return err
	}
	var stageSpells []model.StageSpell
	for id, in := range clients {
		stageSpells = append(stageSpells, model.StageSpellsWhileActive(marks[id], in)...)
	}
	model.AddStages(wl.Weeks, stageSpells, func(t time.Time) int {
		n := 0
		for _, in := range clients {
			if model.ActiveAt(in, t) {
				n++
			}
		}
		return n
	}, wl.Now)

	var made, closed []model.ReferralTally
	err = r.each(`SELECT referred_on FROM referrals WHERE`+ofOwner, func(row scanner) error {
		var on string
		err := row.Scan(&on)
		made = append(made, model.ReferralTally{On: r.d.date(on), N: 1})
		return err
	})
	if err != nil {
		return err
	}
	err = r.each(`SELECT id, at, from_status, to_status FROM referral_events WHERE`+ofOwner, func(row scanner) error {
		var id, at string
		var from, to model.ReferralStatus
		if err := row.Scan(&id, &at, &from, &to); err != nil {
			return err
		}
		if !amended[id] && model.ClosesReferral(from, to) {
			closed = append(closed, model.ReferralTally{At: r.d.time(at), N: 1})
		}
		return nil
	})
	if err != nil {
		return err
	}
	model.AddReferrals(wl.Weeks, made, closed)

	var violations []model.Violation
	err = r.each(`SELECT client_id, at FROM violations WHERE`+ofOwner, func(row scanner) error {
		var v model.Violation
		var at string
		err := row.Scan(&v.ClientID, &at)
		v.At = r.d.time(at)
		violations = append(violations, v)
		return err
	})
	if err != nil {
		return err
	}
	var screenings []model.Screening
	err = r.each(`SELECT instrument, at, answers FROM screenings WHERE`+ofOwner, func(row scanner) error {
		var sc model.Screening
		var at, answers string
		err := row.Scan(&sc.Instrument, &at, &answers)
		sc.At, sc.Answers = r.d.time(at), decodeList[int](&r.d, answers)
		screenings = append(screenings, sc)
		return err
	})
	if err != nil {
		return err
	}
	wl.Signals = model.SignalsOf(wl.Now, signals, violations, screenings)
	return r.d.err
}
