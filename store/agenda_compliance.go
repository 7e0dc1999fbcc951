package store

import (
	"context"
	"fmt"
	"time"

	"caseload/model"
)

// ComplianceAgenda returns the agenda's headings of the conditions of
// supervision (model.ComplianceAgendaKinds): hearings from today to
// model.CourtEventWindowDays ahead; conditions with something due in that
// window or already past (the kept due date is empty for a client who is
// not active); violations without a response. Each is an index range read in order that stops at limit (0
// for all), and Total counts the whole heading from the same index.
func (s *Store) ComplianceAgenda(ctx context.Context, now time.Time, limit int) ([]model.AgendaSection, error) {
	day := model.StartOfDay(now)
	today := model.DateOf(now)
	end := day.AddDate(0, 0, model.CourtEventWindowDays+1)
	dueBy := today.AddDays(model.CourtEventWindowDays + 1).String()
	lim := limitOrAll(limit)

	// Every statement is prepared once per store: parsing these joins costs
	// about as much as running them for a screenful.
	q := preparedReads{s}
	court := model.AgendaSection{Kind: model.AgendaCourtSoon}
	due := model.AgendaSection{Kind: model.AgendaConditionDue}
	open := model.AgendaSection{Kind: model.AgendaUnanswered}
	// One statement counts the three headings from their indexes alone.
	err := q.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM court_events WHERE at >= ?1 AND at < ?2),
		(SELECT count(*) FROM conditions WHERE next_due_on <> '' AND next_due_on < ?3),
		(SELECT count(*) FROM violations WHERE answered = 0)`, fmtTime(day), fmtTime(end), dueBy).
		Scan(&court.Total, &due.Total, &open.Total)
	if err != nil {
		return nil, fmt.Errorf("count the agenda's conditions of supervision: %w", explain(err))
	}
	err = eachRowArgs(ctx, q, `SELECT `+agendaClientColumns+`, `+courtEventColumns+` FROM court_events ce
		JOIN clients c ON c.id = ce.client_id WHERE ce.at >= ?1 AND ce.at < ?2 ORDER BY ce.at, ce.id LIMIT ?3`,
		[]any{fmtTime(day), fmtTime(end), lim}, func(row scanner) error {
			it := model.AgendaItem{Kind: model.AgendaCourtSoon}
			e, err := scanCourtEvent(agendaRow{row, &it})
			it.Court, it.At = &e, e.At
			court.Items = append(court.Items, it)
			return err
		})
	if err != nil {
		return nil, fmt.Errorf("read court events for the agenda: %w", explain(err))
	}

	err = eachRowArgs(ctx, q, `SELECT `+agendaClientColumns+`, `+conditionColumns+`, cd.done FROM conditions cd
		JOIN clients c ON c.id = cd.client_id WHERE cd.next_due_on <> '' AND cd.next_due_on < ?1
		ORDER BY cd.next_due_on, cd.client_id LIMIT ?2`, []any{dueBy, lim}, func(row scanner) error {
		it := model.AgendaItem{Kind: model.AgendaConditionDue}
		var done int64
		c, err := scanCondition(rowWithExtras{agendaRow{row, &it}, []any{&done}})
		p := model.ProgressWith(c, done, 0, today)
		it.Condition, it.Due, it.Owed, it.ProgressText = &c, p.NextDue, p.NextOwed, p.Text
		due.Items = append(due.Items, it)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read conditions due for the agenda: %w", explain(err))
	}

	err = eachRowArgs(ctx, q, `SELECT `+agendaClientColumns+`, `+violationColumns+` FROM violations v
		JOIN clients c ON c.id = v.client_id WHERE v.answered = 0 ORDER BY v.at, v.id LIMIT ?1`, []any{lim},
		func(row scanner) error {
			it := model.AgendaItem{Kind: model.AgendaUnanswered}
			v, err := scanViolation(agendaRow{row, &it})
			it.Violation, it.At = &v, v.At
			open.Items = append(open.Items, it)
			return err
		})
	if err != nil {
		return nil, fmt.Errorf("read unanswered violations for the agenda: %w", explain(err))
	}
	return []model.AgendaSection{court, due, open}, nil
}

// agendaRow reads agendaClientColumns into an agenda item, then the rest of
// the row as the record's own scan asks.
type agendaRow struct {
	scanner
	it *model.AgendaItem
}

func (r agendaRow) Scan(dest ...any) error {
	return r.scanner.Scan(append([]any{&r.it.ClientID, &r.it.ClientName, &r.it.PreferredName, &r.it.CaseNumber}, dest...)...)
}
