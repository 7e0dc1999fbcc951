package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// CheckReport is what a full check of the file found; every list empty
// means the file is sound.
type CheckReport struct {
	Integrity   []string // SQLite's integrity_check
	ForeignKeys []string // records pointing at records that do not exist
	Invariants  []string // the app's own rules, broken
}

// OK reports whether nothing was found.
func (r CheckReport) OK() bool {
	return len(r.Integrity) == 0 && len(r.ForeignKeys) == 0 && len(r.Invariants) == 0
}

// maxFindings bounds each list of a report: past it, more of the same says
// nothing new.
const maxFindings = 50

// appendOnlyTriggers keep the legal record unchangeable; a file without one of
// them has been tampered with.
var appendOnlyTriggers = []string{
	"checkins_no_update", "checkins_no_delete", "stage_notes_no_update", "stage_notes_no_delete",
	"referral_events_no_update", "referral_events_no_delete", "amendments_no_update", "amendments_no_delete",
	"audit_log_no_update", "audit_log_no_delete",
	"conditions_as_ordered", "conditions_no_delete", "condition_progress_no_update", "condition_progress_no_delete",
	"court_events_keep_client", "court_events_no_delete", "violations_only_answer", "violations_no_delete",
	"responses_no_update", "responses_no_delete", "incentives_no_update", "incentives_no_delete",
	"employment_keep_client", "employment_no_delete", "arrests_no_update", "arrests_no_delete",
	"custody_only_release", "custody_no_delete",
}

// FullCheck reads the whole file: SQLite's integrity and foreign-key checks,
// then the app's invariants (referral statuses follow their history, client
// summaries match their records, every note is searchable, the append-only
// triggers are in place). It takes seconds on a big file; `caseload check`
// runs it.
func (s *Store) FullCheck(ctx context.Context) (CheckReport, error) {
	var r CheckReport
	var err error
	r.Integrity, err = integrityCheck(ctx, s.db, "integrity_check")
	if errors.Is(err, ErrDamaged) {
		// So damaged that the check itself cannot read through: that is
		// its finding.
		r.Integrity = []string{"SQLite could not read the file through: it is damaged"}
		return r, nil
	}
	if err != nil {
		return r, fmt.Errorf("integrity check: %w", err)
	}
	if len(r.Integrity) > 0 {
		return r, nil // the rest would read damaged pages
	}
	if r.ForeignKeys, err = s.foreignKeyCheck(ctx); err != nil {
		return r, fmt.Errorf("foreign key check: %w", err)
	}
	for _, check := range []func(context.Context) ([]string, error){
		s.checkReferralStatuses, s.checkSummaries, s.checkNoteIndex, s.checkTriggers, s.checkConditions,
	} {
		found, err := check(ctx)
		if err != nil {
			return r, fmt.Errorf("check: %w", err)
		}
		r.Invariants = append(r.Invariants, found...)
	}
	return r, nil
}

// integrityCheck runs integrity_check or quick_check and returns its
// complaints, one a line. A row may hold several lines, the first of them
// the heading SQLite puts before a database's complaints ("*** in database
// main ***"), which is not one: counted, it made one damaged page read as
// two problems, and the app showed it as the first.
func integrityCheck(ctx context.Context, q querier, pragma string) ([]string, error) {
	rows, err := q.QueryContext(ctx, fmt.Sprintf("PRAGMA %s(%d)", pragma, maxFindings))
	if err != nil {
		return nil, explain(err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return nil, explain(err)
		}
		for _, l := range strings.Split(line, "\n") {
			if l != "ok" && l != "" && !strings.HasPrefix(l, "*** in database ") {
				problems = append(problems, l)
			}
		}
	}
	return problems, explain(rows.Err())
}

func (s *Store) foreignKeyCheck(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return nil, explain(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var table, parent string
		var rowid, fk any
		if err := rows.Scan(&table, &rowid, &parent, &fk); err != nil {
			return nil, err
		}
		if len(out) < maxFindings {
			out = append(out, fmt.Sprintf("%s row %v points at a missing %s", table, rowid, parent))
		}
	}
	return out, rows.Err()
}

// collect runs a query whose rows are one finding each, already in words.
func (s *Store) collect(ctx context.Context, query string, args ...any) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, query+fmt.Sprintf(" LIMIT %d", maxFindings), args...)
	if err != nil {
		return nil, explain(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return nil, err
		}
		out = append(out, line)
	}
	return out, rows.Err()
}

// checkReferralStatuses finds referrals whose status is not where their last
// change (amended changes replaced by their corrections) left them.
func (s *Store) checkReferralStatuses(ctx context.Context) ([]string, error) {
	return s.collect(ctx, `SELECT 'referral '||id||' is '||status||' but its history ends at '||coalesce(last, 'nothing')
		FROM (SELECT r.id, r.status, (SELECT e.to_status FROM referral_events e WHERE e.referral_id = r.id AND `+notAmended("e")+`
			ORDER BY e.at DESC, e.id DESC LIMIT 1) AS last FROM referrals r)
		WHERE last IS NULL OR last <> status`)
}

// checkSummaries recomputes every client's summary and compares it with the
// stored one, which the caseload list shows.
func (s *Store) checkSummaries(ctx context.Context) ([]string, error) {
	iv, err := readIntervals(ctx, s.db)
	if err != nil {
		return nil, err
	}
	type stored struct {
		id string
		sc summaryColumns
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, last_contact_at, last_contact_type, last_completed_at,
		next_appointment_at, current_stage, current_stage_at, next_due_at, open_referrals FROM clients ORDER BY id`)
	if err != nil {
		return nil, explain(err)
	}
	var clients []stored
	for rows.Next() {
		var c stored
		if err := rows.Scan(&c.id, &c.sc.lastAt, &c.sc.lastType, &c.sc.completed, &c.sc.appt, &c.sc.stage,
			&c.sc.stageAt, &c.sc.due, &c.sc.open); err != nil {
			rows.Close()
			return nil, err
		}
		clients = append(clients, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, explain(err)
	}
	var out []string
	for _, c := range clients {
		fresh, err := computeSummary(s.db.QueryRowContext(ctx, summaryQuery, c.id), iv)
		if err != nil {
			return nil, fmt.Errorf("summary of client %s: %w", c.id, explain(err))
		}
		if fresh != c.sc && len(out) < maxFindings {
			out = append(out, fmt.Sprintf("client %s: the caseload shows %s but the records say %s", c.id, describe(c.sc), describe(fresh)))
		}
	}
	return out, nil
}

func describe(sc summaryColumns) string {
	return fmt.Sprintf("last contact %q (%s), last completed %q, next appointment %q, stage %q since %q, due %q, %d open referrals",
		sc.lastAt, sc.lastType, sc.completed, sc.appt, sc.stage, sc.stageAt, sc.due, sc.open)
}

// noteTables are the tables whose notes the search index holds, by kind.
var noteTables = []struct{ table, kind string }{
	{"checkins", "checkin"}, {"stage_notes", "stage_note"}, {"referral_events", "referral_event"},
}

// checkNoteIndex finds notes the search would miss, and index rows for notes
// that do not exist.
func (s *Store) checkNoteIndex(ctx context.Context) ([]string, error) {
	var out []string
	for _, t := range noteTables {
		var missing, extra int
		err := s.db.QueryRowContext(ctx, `SELECT
			(SELECT count(*) FROM `+t.table+` WHERE note <> '' AND id NOT IN (SELECT record_id FROM notes_fts WHERE kind = ?1)),
			(SELECT count(*) FROM notes_fts WHERE kind = ?1 AND record_id NOT IN (SELECT id FROM `+t.table+` WHERE note <> ''))`,
			t.kind).Scan(&missing, &extra)
		if err != nil {
			return nil, explain(err)
		}
		if missing > 0 {
			out = append(out, fmt.Sprintf("%d %s notes are missing from the search index", missing, strings.ReplaceAll(t.kind, "_", " ")))
		}
		if extra > 0 {
			out = append(out, fmt.Sprintf("the search index holds %d %s notes that do not exist", extra, strings.ReplaceAll(t.kind, "_", " ")))
		}
	}
	var paused int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM fts_pause").Scan(&paused); err != nil {
		return nil, explain(err)
	}
	if paused > 0 {
		out = append(out, "the search index is paused: new notes are not being indexed")
	}
	return out, nil
}

// checkTriggers finds append-only triggers that are missing.
func (s *Store) checkTriggers(ctx context.Context) ([]string, error) {
	have := map[string]bool{}
	err := eachRow(ctx, s.db, "SELECT name FROM sqlite_master WHERE type = ?", "trigger", func(row scanner) error {
		var name string
		err := row.Scan(&name)
		have[name] = true
		return err
	})
	if err != nil {
		return nil, explain(err)
	}
	var out []string
	for _, name := range appendOnlyTriggers {
		if !have[name] {
			out = append(out, "the append-only guard "+name+" is missing: the record could be changed")
		}
	}
	return out, nil
}
