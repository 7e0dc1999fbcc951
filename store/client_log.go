package store

import (
	"context"
	"fmt"
	"strings"

	"caseload/model"
)

// logBranches list, per kind, a client's records as (kind, id, at) after a
// cursor: ?1 is the client, (?2, ?3) the (at, id) the page starts after.
// Each reads an index on (client_id, at, id) backwards from the cursor, so
// a page costs the same on the first day and after ten years.
var logBranches = map[model.LogKind]string{
	model.LogContact:   `SELECT 'contact', id, at FROM checkins WHERE client_id = ?1 AND (at, id) < (?2, ?3)`,
	model.LogTest:      `SELECT 'test', id, at FROM checkins WHERE client_id = ?1 AND test_result <> 'not_tested' AND (at, id) < (?2, ?3)`,
	model.LogStage:     `SELECT 'stage', id, at FROM stage_notes WHERE client_id = ?1 AND checkin_id IS NULL AND (at, id) < (?2, ?3)`,
	model.LogScreening: `SELECT 'screening', id, at FROM screenings WHERE client_id = ?1 AND (at, id) < (?2, ?3)`,
	model.LogReferral:  `SELECT 'referral', id, at FROM referral_events WHERE client_id = ?1 AND (at, id) < (?2, ?3)`,
	model.LogGoal: `SELECT 'goal', v.goal_id || '/' || v.version, v.at FROM goals g JOIN goal_versions v ON v.goal_id = g.id
		WHERE g.client_id = ?1 AND (v.at, v.goal_id || '/' || v.version) < (?2, ?3)`,
	model.LogCondition:  `SELECT 'condition', id, at FROM conditions WHERE client_id = ?1 AND (at, id) < (?2, ?3)`,
	model.LogProgress:   `SELECT 'progress', id, at FROM condition_progress WHERE client_id = ?1 AND (at, id) < (?2, ?3)`,
	model.LogCourt:      `SELECT 'court', id, at FROM court_events WHERE client_id = ?1 AND (at, id) < (?2, ?3)`,
	model.LogViolation:  `SELECT 'violation', id, at FROM violations WHERE client_id = ?1 AND (at, id) < (?2, ?3)`,
	model.LogResponse:   `SELECT 'response', id, at FROM responses WHERE client_id = ?1 AND (at, id) < (?2, ?3)`,
	model.LogIncentive:  `SELECT 'incentive', id, at FROM incentives WHERE client_id = ?1 AND (at, id) < (?2, ?3)`,
	model.LogEmployment: `SELECT 'employment', id, at FROM employment WHERE client_id = ?1 AND (at, id) < (?2, ?3)`,
	model.LogArrest:     `SELECT 'arrest', id, at FROM arrests WHERE client_id = ?1 AND (at, id) < (?2, ?3)`,
	model.LogCustody:    `SELECT 'custody', id, in_at FROM custody WHERE client_id = ?1 AND (in_at, id) < (?2, ?3)`,
	model.LogAmendment:  `SELECT 'amendment', id, at FROM amendments WHERE client_id = ?1 AND (at, id) < (?2, ?3)`,
	model.LogSync:       `SELECT 'sync', id, at FROM sync_conflicts WHERE client_id = ?1 AND (at, id) < (?2, ?3)`,
	model.LogSupervisor: `SELECT 'supervisor', id, at FROM supervisor_notes WHERE client_id = ?1 AND (at, id) < (?2, ?3)`,
}

// logTail orders a page newest first and cuts it.
const logTail = ` ORDER BY 3 DESC, 2 DESC LIMIT ?4`

// logQueries holds the query of each filter and of the whole log, built
// once: the whole log is every kind but drug tests, which are check-ins
// already listed as contacts.
var logQueries = buildLogQueries()

func buildLogQueries() map[model.LogKind]string {
	out := map[model.LogKind]string{}
	var all []string
	for _, o := range model.LogKinds() {
		out[o.Value] = logBranches[o.Value] + logTail
		if o.Value != model.LogTest {
			all = append(all, logBranches[o.Value])
		}
	}
	out[""] = strings.Join(all, "\nUNION ALL ") + logTail
	return out
}

// logEnd sorts after every stored time, so the first page starts there.
const logEnd = "~"

// ClientLog returns one page of a client's log: every kind of record (or
// one, with q.Kind), newest first, from after q.After. The page's Next
// cursor asks for the page after it.
func (s *Store) ClientLog(ctx context.Context, q model.LogQuery) (model.LogPage, error) {
	query, ok := logQueries[q.Kind]
	if !ok {
		return model.LogPage{}, fmt.Errorf("read log: unknown kind %q", q.Kind)
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 40
	}
	at, id := logEnd, ""
	if !q.After.IsZero() {
		at, id = fmtTime(q.After.At), q.After.ID
	}
	rows, err := preparedReads{s}.QueryContext(ctx, query, q.ClientID, at, id, limit+1)
	if err != nil {
		return model.LogPage{}, fmt.Errorf("read log: %w", explain(err))
	}
	var page model.LogPage
	var stamps []string
	for rows.Next() {
		var e model.LogEntry
		var stamp string
		if err := rows.Scan(&e.Kind, &e.ID, &stamp); err != nil {
			rows.Close()
			return model.LogPage{}, fmt.Errorf("read log: %w", err)
		}
		page.Entries = append(page.Entries, e)
		stamps = append(stamps, stamp)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return model.LogPage{}, fmt.Errorf("read log: %w", explain(err))
	}
	more := len(page.Entries) > limit
	if more {
		page.Entries, stamps = page.Entries[:limit], stamps[:limit]
	}
	if err := s.fillLog(ctx, page.Entries); err != nil {
		return model.LogPage{}, err
	}
	if more {
		last := page.Entries[limit-1]
		var d decoder
		page.Next = model.LogCursor{At: d.time(stamps[limit-1]), ID: last.ID}
		if d.err != nil {
			return model.LogPage{}, fmt.Errorf("read log: %w", d.err)
		}
	}
	return page, nil
}
