package store

import (
	"context"
	"database/sql"
	"fmt"

	"caseload/model"
)

// loadCompliance reads the conditions of supervision a summary of the range
// shows: conditions ordered or progressed in it (with every entry up to its
// end), hearings dated in it, violations dated or answered in it (with
// their responses up to its end), incentives given in it, and jobs started,
// ended or verified in it. Each is a range on a time index, or the
// client's index for one client (see complianceReads).
func loadCompliance(ctx context.Context, conn *sql.Conn, q SummaryQuery, rec *model.SummaryRecords, seen map[string]bool) error {
	from, to := fmtTime(q.From), fmtTime(q.To)
	reads := complianceReads(q.ClientID != "")
	args := []any{from, to}
	if q.ClientID != "" {
		args = append(args, q.ClientID)
	}
	cr := &rec.Compliance

	// Conditions: by their entries in the range, and those ordered in it.
	index := map[string]int{}
	err := eachRowArgs(ctx, conn, reads.conditions, args,
		func(row scanner) error {
			c, err := scanCondition(row)
			if err != nil {
				return err
			}
			addCondition(cr, index, c)
			seen[c.ClientID] = true
			return nil
		})
	if err != nil {
		return fmt.Errorf("read conditions: %w", err)
	}
	if len(index) > 0 {
		if err := loadPriorTotals(ctx, conn, cr, index, from); err != nil {
			return err
		}
		err = eachRowArgs(ctx, conn, reads.progress, args,
			func(row scanner) error {
				e, err := scanProgress(row)
				if err != nil {
					return err
				}
				return addEntry(cr, index, e)
			})
		if err != nil {
			return fmt.Errorf("read condition progress: %w", err)
		}
	}

	err = eachRowArgs(ctx, conn, reads.courtEvents, args,
		func(row scanner) error {
			e, err := scanCourtEvent(row)
			cr.CourtEvents, seen[e.ClientID] = append(cr.CourtEvents, e), true
			return err
		})
	if err != nil {
		return fmt.Errorf("read court events: %w", err)
	}

	vindex := map[string]int{}
	err = eachRowArgs(ctx, conn, reads.violations, args,
		func(row scanner) error {
			va, err := scanViolationActivity(row)
			if err != nil {
				return err
			}
			addViolation(cr, vindex, va)
			seen[va.Violation.ClientID] = true
			return nil
		})
	if err != nil {
		return fmt.Errorf("read violations: %w", err)
	}
	if err := loadResponses(ctx, conn, cr, vindex, to); err != nil {
		return err
	}

	err = eachRowArgs(ctx, conn, reads.incentives, args,
		func(row scanner) error {
			x, err := scanSummaryIncentive(row)
			cr.Incentives, seen[x.Incentive.ClientID] = append(cr.Incentives, x), true
			return err
		})
	if err != nil {
		return fmt.Errorf("read incentives: %w", err)
	}

	// Jobs carry dates, not times: a day counts when it falls in the range.
	dfrom, dto := model.DateOf(q.From).String(), model.DateOf(q.To.Add(-1)).String()
	err = eachRowArgs(ctx, conn, reads.employment, append([]any{dfrom, dto}, args[2:]...), func(row scanner) error {
		x, err := scanEmployment(row)
		cr.Employment, seen[x.ClientID] = append(cr.Employment, x), true
		return err
	})
	if err != nil {
		return fmt.Errorf("read jobs: %w", err)
	}
	return nil
}

// addCondition adds a condition read to cr; index tells where each
// condition read so far is.
func addCondition(cr *model.ComplianceRecords, index map[string]int, c model.Condition) {
	index[c.ID] = len(cr.Conditions)
	cr.Conditions = append(cr.Conditions, model.ConditionActivity{Condition: c})
}

// addEntry adds a progress entry in the range to its condition, which was
// read with it: that is how the conditions are found.
func addEntry(cr *model.ComplianceRecords, index map[string]int, e model.ProgressEntry) error {
	i, ok := index[e.ConditionID]
	if !ok {
		return fmt.Errorf("progress %s: its condition %s was not read", e.ID, e.ConditionID)
	}
	cr.Conditions[i].Entries = append(cr.Conditions[i].Entries, e)
	return nil
}

// addViolation adds a violation read to cr; vindex tells where each
// violation read so far is.
func addViolation(cr *model.ComplianceRecords, vindex map[string]int, va model.ViolationActivity) {
	vindex[va.Violation.ID] = len(cr.Violations)
	cr.Violations = append(cr.Violations, va)
}

// scanViolationActivity reads a row of the violations read: the violation
// and its condition's kind and wording.
func scanViolationActivity(row scanner) (model.ViolationActivity, error) {
	var va model.ViolationActivity
	var err error
	va.Violation, err = scanViolation(rowWithExtras{row, []any{&va.ConditionKind, &va.ConditionWording}})
	return va, err
}

// scanSummaryIncentive reads a row of the incentives read: the incentive
// and its condition's kind.
func scanSummaryIncentive(row scanner) (model.SummaryIncentive, error) {
	var x model.SummaryIncentive
	var err error
	x.Incentive, err = scanIncentive(rowWithExtras{row, []any{&x.ConditionKind}})
	return x, err
}

// loadPriorTotals adds up the progress of the conditions read (index: where
// each is in cr.Conditions) before the range: before the range each entry
// only adds to the totals and may change the status, so it is counted as it
// is read, from the kind, amount and status on the condition's index, in
// order. The entries in the range are kept whole, to be shown.
func loadPriorTotals(ctx context.Context, conn *sql.Conn, cr *model.ComplianceRecords, index map[string]int, from string) error {
	if len(index) == 0 {
		return nil
	}
	err := eachRowArgs(ctx, conn, progressTotalsRead, []any{jsonList(keys(index)), from}, func(row scanner) error {
		var e model.ProgressEntry
		if err := row.Scan(&e.ConditionID, &e.Kind, &e.Amount, &e.Status); err != nil {
			return err
		}
		ca := &cr.Conditions[index[e.ConditionID]]
		ca.Condition = ca.Condition.Apply(e)
		ca.Prior.Add(e)
		return nil
	})
	if err != nil {
		return fmt.Errorf("read condition progress: %w", err)
	}
	return nil
}

// loadResponses reads the responses up to the end of the range (to) to the
// violations read (vindex: where each is in cr.Violations).
func loadResponses(ctx context.Context, conn *sql.Conn, cr *model.ComplianceRecords, vindex map[string]int, to string) error {
	if len(vindex) == 0 {
		return nil
	}
	err := eachRowArgs(ctx, conn, "SELECT "+responseColumns+` FROM responses rs
		WHERE rs.violation_id IN (SELECT value FROM json_each(?1)) AND rs.at < ?2`, []any{jsonList(keys(vindex)), to},
		func(row scanner) error {
			r, err := scanResponse(row)
			i := vindex[r.ViolationID]
			cr.Violations[i].Responses = append(cr.Violations[i].Responses, r)
			return err
		})
	if err != nil {
		return fmt.Errorf("read responses: %w", err)
	}
	return nil
}

// progressTotalsRead reads the progress of the conditions ?1 before the
// range (?2), in the order it happened: what counts toward the totals, from
// the condition's covering index.
const progressTotalsRead = `SELECT p.condition_id, p.kind, p.amount, p.status FROM condition_progress p
	WHERE p.condition_id IN (SELECT value FROM json_each(?1)) AND p.at < ?2 ORDER BY p.condition_id, p.at, p.id`

// summaryReads are the compliance reads of a summary, by range.
type summaryReads struct {
	conditions, progress, courtEvents, violations, incentives, employment string
}

// complianceReads builds the reads for a whole caseload (each a range on a
// time index: a day's export must not scan every condition the file holds)
// or for one client (a range on the client's index). ?1 and ?2 are the
// range, ?3 the client: a whole caseload's reads leave ?3 out, so that the
// planner never weighs a condition that is true for every row.
func complianceReads(oneClient bool) summaryReads {
	client := func(alias string) string {
		if oneClient {
			return " AND " + alias + ".client_id = ?3"
		}
		return ""
	}
	// Each range is read in rowid order (inRowOrder): a range on a
	// time index, then the rows in the order they lie in the file.
	inRange := func(table, alias string) string {
		return inRowOrder(table, alias, alias+".at >= ?1 AND "+alias+".at < ?2"+client(alias))
	}
	return summaryReads{
		// The ids of a union come sorted: its rows are looked up in the
		// order of their ids, which is nearly their rows' order.
		conditions: `SELECT ` + conditionColumns + ` FROM conditions cd WHERE cd.id IN (
			SELECT p.condition_id FROM condition_progress p WHERE p.at >= ?1 AND p.at < ?2` + client("p") + `
			UNION SELECT c2.id FROM conditions c2 WHERE c2.at >= ?1 AND c2.at < ?2` + client("c2") + `)`,
		// Every entry in the range is on a condition the summary shows
		// (that is how the conditions above are found), so the entries
		// shown whole are the range's, by the time index.
		progress:    "SELECT " + progressColumns + ` FROM condition_progress p WHERE ` + inRange("condition_progress", "p"),
		courtEvents: "SELECT " + courtEventColumns + ` FROM court_events ce WHERE ` + inRange("court_events", "ce"),
		violations: "SELECT " + violationColumns + `, coalesce(cd.kind, ''), coalesce(cd.wording, '') FROM violations v
			LEFT JOIN conditions cd ON cd.id = v.condition_id WHERE v.id IN (
			SELECT v2.id FROM violations v2 WHERE v2.at >= ?1 AND v2.at < ?2` + client("v2") + `
			UNION SELECT rs.violation_id FROM responses rs WHERE rs.at >= ?1 AND rs.at < ?2` + client("rs") + `)`,
		incentives: "SELECT " + incentiveColumns + `, coalesce(cd.kind, '') FROM incentives i
			LEFT JOIN conditions cd ON cd.id = i.condition_id WHERE ` + inRange("incentives", "i"),
		// Jobs carry dates: a job counts when it started, ended or was
		// verified in the range, each date a range on its own index.
		employment: "SELECT " + employmentColumns + ` FROM employment em WHERE (em.start_on BETWEEN ?1 AND ?2
			OR em.end_on BETWEEN ?1 AND ?2 OR em.verified_on BETWEEN ?1 AND ?2)` + client("em"),
	}
}

// all lists the reads, for the test that each uses an index.
func (r summaryReads) all() []string {
	return []string{r.conditions, r.progress, r.courtEvents, r.violations, r.incentives, r.employment}
}
