package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"caseload/model"
)

// timelineQuery lists a page of a client's records as (kind, id, at).
const timelineQuery = `
	SELECT 'checkin', id, at FROM checkins WHERE client_id = ?1
	UNION ALL SELECT 'stage_note', id, at FROM stage_notes WHERE client_id = ?1 AND checkin_id IS NULL
	UNION ALL SELECT 'referral_event', id, at FROM referral_events WHERE client_id = ?1
	UNION ALL SELECT 'amendment', id, at FROM amendments WHERE client_id = ?1
	UNION ALL SELECT 'screening', id, at FROM screenings WHERE client_id = ?1
	UNION ALL SELECT 'goal_version', v.goal_id || '/' || v.version, v.at
		FROM goals g JOIN goal_versions v ON v.goal_id = g.id WHERE g.client_id = ?1
	ORDER BY 3 DESC, 2 DESC LIMIT ?2 OFFSET ?3`

// Timeline returns one page of a client's records, newest first: check-ins
// (with the stage noted at them), stand-alone stage notes, referral changes,
// amendments, screenings and goal changes (each goal version, with the one
// before it). Amended records stay, marked with the amendment's id. Every
// part of the union reads an index on (client_id, at) or, for goal versions,
// the client's goals by index and their versions by primary key; the
// queries are prepared once per store.
func (s *Store) Timeline(ctx context.Context, clientID string, limit, offset int) ([]model.TimelineEntry, error) {
	rows, err := preparedReads{s}.QueryContext(ctx, timelineQuery, clientID, limitOrAll(limit), offset)
	if err != nil {
		return nil, fmt.Errorf("read timeline: %w", explain(err))
	}
	var page []model.TimelineEntry
	ids := map[model.TimelineKind][]string{}
	for rows.Next() {
		var e model.TimelineEntry
		var at string
		if err := rows.Scan(&e.Kind, &e.ID, &at); err != nil {
			rows.Close()
			return nil, fmt.Errorf("read timeline: %w", err)
		}
		page = append(page, e)
		ids[e.Kind] = append(ids[e.Kind], e.ID)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read timeline: %w", err)
	}
	if len(page) == 0 {
		return nil, nil
	}
	recs, err := s.timelineRecords(ctx, ids)
	if err != nil {
		return nil, err
	}
	for i := range page {
		e := &page[i]
		switch e.Kind {
		case model.TimelineCheckIn:
			c := recs.checkins[e.ID]
			e.CheckIn, e.At = &c, c.At
		case model.TimelineStageNote:
			n := recs.notes[e.ID]
			e.StageNote, e.At = &n, n.At
		case model.TimelineReferral:
			ev := recs.events[e.ID]
			e.Event, e.At, e.ResourceName = &ev, ev.At, recs.resourceOf[ev.ReferralID]
		case model.TimelineAmendment:
			a := recs.amendments[e.ID]
			e.Amendment, e.At = &a, a.At
		case model.TimelineScreening:
			sc := recs.screenings[e.ID]
			e.Screening, e.At = &sc, sc.At
		case model.TimelineGoal:
			g := recs.goals[e.ID]
			e.Goal, e.At = &g, g.At
			if prev, ok := recs.goals[goalVersionKey(g.ID, g.Version-1)]; ok {
				e.Previous = &prev
			}
		}
		e.AmendedBy = recs.amendedBy[e.ID]
	}
	return page, nil
}

type timelineRecords struct {
	checkins   map[string]model.CheckIn
	notes      map[string]model.StageNote
	events     map[string]model.ReferralEvent
	amendments map[string]model.Amendment
	amendedBy  map[string]string
	resourceOf map[string]string
	screenings map[string]model.Screening
	goals      map[string]model.Goal // by goalVersionKey
}

// goalVersionKey is how the timeline names one goal version.
func goalVersionKey(goalID string, version int) string { return goalID + "/" + strconv.Itoa(version) }

// timelineRecords loads the records of one page, one query per kind.
func (s *Store) timelineRecords(ctx context.Context, ids map[model.TimelineKind][]string) (timelineRecords, error) {
	r := timelineRecords{
		checkins: map[string]model.CheckIn{}, notes: map[string]model.StageNote{}, events: map[string]model.ReferralEvent{},
		amendments: map[string]model.Amendment{}, amendedBy: map[string]string{}, resourceOf: map[string]string{},
		screenings: map[string]model.Screening{}, goals: map[string]model.Goal{},
	}
	q := preparedReads{s}
	var all []string
	for _, list := range ids {
		all = append(all, list...)
	}
	// A kind with nothing on the page costs no query: the client log asks
	// for one kind at a time.
	var err error
	if len(ids[model.TimelineCheckIn]) > 0 {
		err = eachRow(ctx, q, "SELECT "+checkinColumns+" FROM checkins k WHERE k.id IN (SELECT value FROM json_each(?))",
			jsonList(ids[model.TimelineCheckIn]), func(row scanner) error {
				c, err := scanCheckIn(row)
				r.checkins[c.ID] = c
				return err
			})
	}
	if err == nil && len(ids[model.TimelineStageNote]) > 0 {
		err = eachRow(ctx, q, "SELECT "+stageNoteColumns+" FROM stage_notes n WHERE n.id IN (SELECT value FROM json_each(?))",
			jsonList(ids[model.TimelineStageNote]), func(row scanner) error {
				n, err := scanStageNote(row)
				r.notes[n.ID] = n
				return err
			})
	}
	if err == nil && len(ids[model.TimelineReferral]) > 0 {
		err = eachRow(ctx, q, "SELECT "+eventColumns+", res.name FROM referral_events e JOIN referrals rf ON rf.id = e.referral_id JOIN resources res ON res.id = rf.resource_id WHERE e.id IN (SELECT value FROM json_each(?))",
			jsonList(ids[model.TimelineReferral]), func(row scanner) error {
				var name string
				ev, err := scanEvent(rowWithExtra{row, &name})
				r.events[ev.ID] = ev
				r.resourceOf[ev.ReferralID] = name
				return err
			})
	}
	if err == nil && len(ids[model.TimelineAmendment]) > 0 {
		err = eachRow(ctx, q, "SELECT "+amendmentColumns+" FROM amendments a WHERE a.id IN (SELECT value FROM json_each(?))",
			jsonList(ids[model.TimelineAmendment]), func(row scanner) error {
				a, err := scanAmendment(row)
				r.amendments[a.ID] = a
				return err
			})
	}
	if err == nil && len(ids[model.TimelineScreening]) > 0 {
		err = eachRow(ctx, q, "SELECT "+screeningColumns+" FROM screenings sc WHERE sc.id IN (SELECT value FROM json_each(?))",
			jsonList(ids[model.TimelineScreening]), func(row scanner) error {
				sc, err := scanScreening(row)
				r.screenings[sc.ID] = sc
				return err
			})
	}
	if err == nil {
		err = r.loadGoalVersions(ctx, s, ids[model.TimelineGoal])
	}
	if err == nil && len(all) > 0 {
		err = eachRow(ctx, q, "SELECT target_id, id FROM amendments WHERE target_id IN (SELECT value FROM json_each(?))",
			jsonList(all), func(row scanner) error {
				var target, id string
				err := row.Scan(&target, &id)
				r.amendedBy[target] = id
				return err
			})
	}
	if err != nil {
		return r, fmt.Errorf("read timeline: %w", explain(err))
	}
	return r, nil
}

// loadGoalVersions reads every version of the goals a page shows, so that
// each change can be told against the version before it; a goal has a
// handful of versions.
func (r *timelineRecords) loadGoalVersions(ctx context.Context, s *Store, keys []string) error {
	if len(keys) == 0 {
		return nil
	}
	seen := map[string]bool{}
	var goalIDs []string
	for _, k := range keys {
		id := k[:strings.LastIndexByte(k, '/')]
		if !seen[id] {
			seen[id] = true
			goalIDs = append(goalIDs, id)
		}
	}
	return eachRow(ctx, preparedReads{s}, "SELECT "+goalColumns+" FROM goals g JOIN goal_versions v ON v.goal_id = g.id WHERE g.id IN (SELECT value FROM json_each(?))",
		jsonList(goalIDs), func(row scanner) error {
			g, err := scanGoal(row)
			r.goals[goalVersionKey(g.ID, g.Version)] = g
			return err
		})
}

// rowWithExtra appends destinations to a scan, for a query that selects a few
// columns beyond a record's own.
type rowWithExtra struct {
	scanner
	extra *string
}

func (r rowWithExtra) Scan(dest ...any) error { return r.scanner.Scan(append(dest, r.extra)...) }

// eachRow runs a query with one argument and calls fn for every row.
func eachRow(ctx context.Context, q querier, query string, arg any, fn func(scanner) error) error {
	return eachRowArgs(ctx, q, query, []any{arg}, fn)
}

// queryList runs a query and returns every row as scan reads it.
func queryList[T any](ctx context.Context, q querier, scan func(scanner) (T, error), query string, args ...any) ([]T, error) {
	var out []T
	err := eachRowArgs(ctx, q, query, args, func(row scanner) error {
		v, err := scan(row)
		if err == nil {
			out = append(out, v)
		}
		return err
	})
	return out, err
}

// rowWithExtras appends several destinations to a scan, in order.
type rowWithExtras struct {
	scanner
	extra []any
}

func (r rowWithExtras) Scan(dest ...any) error { return r.scanner.Scan(append(dest, r.extra...)...) }
