package store

import (
	"context"
	"fmt"
	"time"

	"caseload/model"
)

// timelineKindOf maps the log's kinds that the timeline already loads.
var timelineKindOf = map[model.LogKind]model.TimelineKind{
	model.LogContact: model.TimelineCheckIn, model.LogTest: model.TimelineCheckIn, model.LogStage: model.TimelineStageNote,
	model.LogScreening: model.TimelineScreening, model.LogReferral: model.TimelineReferral, model.LogGoal: model.TimelineGoal,
	model.LogAmendment: model.TimelineAmendment,
}

// fillLog loads the records of one page of the log, one query per kind on
// the page.
func (s *Store) fillLog(ctx context.Context, page []model.LogEntry) error {
	if len(page) == 0 {
		return nil
	}
	old := map[model.TimelineKind][]string{}
	ids := map[model.LogKind][]string{}
	for _, e := range page {
		if tk, ok := timelineKindOf[e.Kind]; ok {
			old[tk] = append(old[tk], e.ID)
		} else {
			ids[e.Kind] = append(ids[e.Kind], e.ID)
		}
	}
	recs, err := s.timelineRecords(ctx, old)
	if err != nil {
		return fmt.Errorf("read log: %w", err)
	}
	n, err := s.newLogRecords(ctx, ids)
	if err != nil {
		return fmt.Errorf("read log: %w", err)
	}
	for i := range page {
		e := &page[i]
		switch e.Kind {
		case model.LogContact, model.LogTest:
			c := recs.checkins[e.ID]
			e.CheckIn, e.At = &c, c.At
		case model.LogStage:
			x := recs.notes[e.ID]
			e.StageNote, e.At = &x, x.At
		case model.LogScreening:
			x := recs.screenings[e.ID]
			e.Screening, e.At = &x, x.At
		case model.LogReferral:
			x := recs.events[e.ID]
			e.Event, e.At, e.ResourceName = &x, x.At, recs.resourceOf[x.ReferralID]
		case model.LogGoal:
			x := recs.goals[e.ID]
			e.Goal, e.At = &x, x.At
		case model.LogAmendment:
			x := recs.amendments[e.ID]
			e.Amendment, e.At = &x, x.At
		case model.LogCondition:
			x := n.conditions[e.ID]
			e.Condition, e.At, e.ConditionWording = &x, x.OrderedOn.In(x.CreatedAt.Location()), x.Wording
		case model.LogProgress:
			x := n.progress[e.ID]
			e.Progress, e.At, e.ConditionWording = &x, x.At, n.wording[e.ID]
		case model.LogCourt:
			x := n.court[e.ID]
			e.CourtEvent, e.At = &x, x.At
		case model.LogViolation:
			x := n.violations[e.ID]
			e.Violation, e.At, e.ConditionWording = &x, x.At, n.wording[e.ID]
		case model.LogResponse:
			x := n.responses[e.ID]
			e.Response, e.At = &x, x.At
		case model.LogIncentive:
			x := n.incentives[e.ID]
			e.Incentive, e.At = &x, x.At
		case model.LogEmployment:
			x := n.employment[e.ID]
			e.Employment, e.At = &x, x.StartOn.In(x.CreatedAt.Location())
		case model.LogArrest:
			x := n.arrests[e.ID]
			e.Arrest, e.At = &x, x.At
		case model.LogCustody:
			x := n.custody[e.ID]
			e.Custody, e.At = &x, x.In
		case model.LogSupervisor:
			x := n.supervisor[e.ID]
			e.Supervisor, e.At = &x, x.At
		case model.LogSync:
			x := n.conflicts[e.ID]
			e.Conflict, e.At = &x.conflict, x.at
		}
		e.AmendedBy = recs.amendedBy[e.ID]
	}
	return nil
}

type logRecords struct {
	conditions map[string]model.Condition
	progress   map[string]model.ProgressEntry
	court      map[string]model.CourtEvent
	violations map[string]model.Violation
	responses  map[string]model.Response
	incentives map[string]model.Incentive
	employment map[string]model.Employment
	arrests    map[string]model.Arrest
	custody    map[string]model.Custody
	conflicts  map[string]loggedConflict
	supervisor map[string]model.SupervisorNote
	wording    map[string]string // condition wording by progress or violation id
}

// loadByIDs reads the records of one kind by id with scan, keyed by id; no
// query when there are none.
func loadByIDs[T any](ctx context.Context, s *Store, query string, ids []string, scan func(scanner) (T, error), key func(T) string) (map[string]T, error) {
	out := map[string]T{}
	if len(ids) == 0 {
		return out, nil
	}
	err := eachRow(ctx, preparedReads{s}, query, jsonList(ids), func(row scanner) error {
		v, err := scan(row)
		out[key(v)] = v
		return err
	})
	return out, err
}

const byIDs = ` IN (SELECT value FROM json_each(?))`

func (s *Store) newLogRecords(ctx context.Context, ids map[model.LogKind][]string) (logRecords, error) {
	r := logRecords{wording: map[string]string{}}
	var err error
	if r.conditions, err = loadByIDs(ctx, s, "SELECT "+conditionColumns+" FROM conditions cd WHERE cd.id"+byIDs,
		ids[model.LogCondition], scanCondition, func(c model.Condition) string { return c.ID }); err != nil {
		return r, err
	}
	if r.progress, err = loadByIDs(ctx, s, "SELECT "+progressColumns+", cd.wording FROM condition_progress p JOIN conditions cd ON cd.id = p.condition_id WHERE p.id"+byIDs,
		ids[model.LogProgress], func(row scanner) (model.ProgressEntry, error) {
			var w string
			e, err := scanProgress(rowWithExtra{row, &w})
			r.wording[e.ID] = w
			return e, err
		}, func(e model.ProgressEntry) string { return e.ID }); err != nil {
		return r, err
	}
	if r.court, err = loadByIDs(ctx, s, "SELECT "+courtEventColumns+" FROM court_events ce WHERE ce.id"+byIDs,
		ids[model.LogCourt], scanCourtEvent, func(e model.CourtEvent) string { return e.ID }); err != nil {
		return r, err
	}
	if r.violations, err = loadByIDs(ctx, s, "SELECT "+violationColumns+", coalesce(cd.wording, '') FROM violations v LEFT JOIN conditions cd ON cd.id = v.condition_id WHERE v.id"+byIDs,
		ids[model.LogViolation], func(row scanner) (model.Violation, error) {
			var w string
			v, err := scanViolation(rowWithExtra{row, &w})
			r.wording[v.ID] = w
			return v, err
		}, func(v model.Violation) string { return v.ID }); err != nil {
		return r, err
	}
	if r.responses, err = loadByIDs(ctx, s, "SELECT "+responseColumns+" FROM responses rs WHERE rs.id"+byIDs,
		ids[model.LogResponse], scanResponse, func(x model.Response) string { return x.ID }); err != nil {
		return r, err
	}
	if r.incentives, err = loadByIDs(ctx, s, "SELECT "+incentiveColumns+" FROM incentives i WHERE i.id"+byIDs,
		ids[model.LogIncentive], scanIncentive, func(x model.Incentive) string { return x.ID }); err != nil {
		return r, err
	}
	if r.employment, err = loadByIDs(ctx, s, "SELECT "+employmentColumns+" FROM employment em WHERE em.id"+byIDs,
		ids[model.LogEmployment], scanEmployment, func(x model.Employment) string { return x.ID }); err != nil {
		return r, err
	}
	if r.arrests, err = loadByIDs(ctx, s, "SELECT "+arrestColumns+" FROM arrests ar WHERE ar.id"+byIDs,
		ids[model.LogArrest], scanArrest, func(x model.Arrest) string { return x.ID }); err != nil {
		return r, err
	}
	if r.custody, err = loadByIDs(ctx, s, "SELECT "+custodyColumns+" FROM custody cu WHERE cu.id"+byIDs,
		ids[model.LogCustody], scanCustody, func(x model.Custody) string { return x.ID }); err != nil {
		return r, err
	}
	if r.supervisor, err = loadByIDs(ctx, s, "SELECT "+supervisorNoteColumns+" FROM supervisor_notes sn WHERE sn.id"+byIDs,
		ids[model.LogSupervisor], scanSupervisorNote, func(x model.SupervisorNote) string { return x.ID }); err != nil {
		return r, err
	}
	r.conflicts, err = loadByIDs(ctx, s, `SELECT id, tbl, row_id, field, kept_value, lost_value, kept_at, lost_at, at
		FROM sync_conflicts WHERE id`+byIDs, ids[model.LogSync], scanLoggedConflict, func(x loggedConflict) string { return x.id })
	return r, err
}

// loggedConflict is a conflict as the client's log shows it: when the
// server found it, and what was kept.
type loggedConflict struct {
	id       string
	at       time.Time
	conflict model.Conflict
}

func scanLoggedConflict(row scanner) (loggedConflict, error) {
	var x loggedConflict
	var kept, lost, at string
	c := &x.conflict
	if err := row.Scan(&x.id, &c.Table, &c.Row, &c.Field, &c.Kept, &c.Lost, &kept, &lost, &at); err != nil {
		return x, err
	}
	c.Deleted = c.Kept == "(deleted)"
	var err error
	if c.KeptAt, err = model.ParseHLC(kept); err != nil {
		return x, err
	}
	if c.LostAt, err = model.ParseHLC(lost); err != nil {
		return x, err
	}
	var d decoder
	x.at = d.time(at)
	return x, d.err
}
