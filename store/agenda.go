package store

import (
	"context"
	"fmt"
	"time"

	"caseload/model"
)

// agendaClientColumns start every agenda query; then come when, and for a
// referral its id, resource id and name, status and follow-up date.
const agendaClientColumns = `c.id, c.name, c.preferred_name, c.case_number`

// referralAgendaSelect reads open referrals with their client and resource;
// its status list matches the partial indexes on referrals exactly.
// Referrals show whatever their client's status: closing a case does not
// close its referrals, so the agenda keeps asking until someone does.
const referralAgendaSelect = `SELECT ` + agendaClientColumns + `, r.appointment_at, r.id, r.resource_id,
	coalesce(s.name, ''), r.status, r.follow_up_on
	FROM referrals r JOIN clients c ON c.id = r.client_id LEFT JOIN resources s ON s.id = r.resource_id
	WHERE r.status IN (` + openStatuses + `)`

// Agenda returns what needs doing now, heading by heading (model.AgendaKinds):
// clients reporting today by appointment and referral appointments today;
// contacts overdue; contacts due in the coming week (those reporting today
// aside); open referrals past their follow-up date; referral appointments in
// the 7 days after today. "Today" is now's local day. Contacts come from the
// clients' kept next-due dates, so only active clients appear.
//
// limit caps each heading (0 for all) and Total still counts everything. The
// agenda screen asks for a screenful: every heading is then an index range
// read in index order that stops at the limit, and counted from the index
// alone, which keeps a 10,000-client caseload in a few milliseconds.
func (s *Store) Agenda(ctx context.Context, now time.Time, limit int) (model.Agenda, error) {
	day := model.StartOfDay(now)
	tomorrow := day.AddDate(0, 0, 1)
	t0, t1 := fmtTime(day), fmtTime(tomorrow)
	tWeek, tSoon := fmtTime(day.AddDate(0, 0, model.WeekDays)), fmtTime(tomorrow.AddDate(0, 0, model.WeekDays))
	q := agendaQuery{ctx: ctx, s: s, limit: limit}
	ag := model.Agenda{Now: now}

	// Today is short (one day of appointments): read whole, clients
	// reporting and referral appointments together in time order.
	today := q.items(model.AgendaToday, `SELECT `+agendaClientColumns+`, c.next_due_at, '', '', '', '', ''
		FROM clients c WHERE c.next_due_at <> '' AND c.next_due_at >= ?1 AND c.next_due_at < ?2
		AND c.next_due_at = c.next_appointment_at
		UNION ALL `+referralAgendaSelect+` AND r.appointment_at <> '' AND r.appointment_at >= ?1 AND r.appointment_at < ?2
		ORDER BY 5, 2`, 0, t0, t1)
	reporting := 0
	for _, it := range today {
		if !it.IsReferral() {
			reporting++
		}
	}
	overdue := q.items(model.AgendaContactOverdue, `SELECT `+agendaClientColumns+`, c.next_due_at, '', '', '', '', ''
		FROM clients c WHERE c.next_due_at <> '' AND c.next_due_at < ?1
		ORDER BY c.next_due_at, c.sort_name, c.id`, limit, t0)
	due := q.items(model.AgendaContactDue, `SELECT `+agendaClientColumns+`, c.next_due_at, '', '', '', '', ''
		FROM clients c WHERE c.next_due_at <> '' AND c.next_due_at >= ?1 AND c.next_due_at < ?3
		AND NOT (c.next_due_at < ?2 AND c.next_due_at = c.next_appointment_at)
		ORDER BY c.next_due_at, c.sort_name, c.id`, limit, t0, t1, tWeek)
	follow := q.items(model.AgendaFollowUpOverdue, referralAgendaSelect+` AND r.follow_up_on < ?1
		ORDER BY r.follow_up_on, r.rowid`, limit, model.DateOf(now).String())
	soon := q.items(model.AgendaReferralSoon, referralAgendaSelect+` AND r.appointment_at <> ''
		AND r.appointment_at >= ?1 AND r.appointment_at < ?2 ORDER BY r.appointment_at, r.rowid`, limit, t1, tSoon)

	totals := []int{len(overdue), len(due), len(follow), len(soon)}
	if limit > 0 && q.err == nil {
		// One query counts every cut heading from the indexes alone; the
		// week's contacts less today's reporting are the ones due.
		err := s.db.QueryRowContext(ctx, `SELECT
			(SELECT count(*) FROM clients c WHERE c.next_due_at <> '' AND c.next_due_at < ?1),
			(SELECT count(*) FROM clients c WHERE c.next_due_at <> '' AND c.next_due_at >= ?1 AND c.next_due_at < ?2) - ?6,
			(SELECT count(*) FROM referrals r WHERE r.status IN (`+openStatuses+`) AND r.follow_up_on < ?3),
			(SELECT count(*) FROM referrals r WHERE r.status IN (`+openStatuses+`) AND r.appointment_at <> ''
				AND r.appointment_at >= ?4 AND r.appointment_at < ?5)`,
			t0, tWeek, model.DateOf(now).String(), t1, tSoon, reporting).Scan(&totals[0], &totals[1], &totals[2], &totals[3])
		if err != nil {
			q.err = explain(err)
		}
	}
	ag.Sections = []model.AgendaSection{
		q.cut(model.AgendaToday, today, len(today)),
		q.cut(model.AgendaContactOverdue, overdue, totals[0]),
		q.cut(model.AgendaContactDue, due, totals[1]),
		q.cut(model.AgendaFollowUpOverdue, follow, totals[2]),
		q.cut(model.AgendaReferralSoon, soon, totals[3]),
	}
	if q.err != nil {
		return model.Agenda{}, fmt.Errorf("read agenda: %w", q.err)
	}
	return ag, nil
}

// agendaQuery runs the agenda's queries, keeping the first error so that
// Agenda reads as its list of headings.
type agendaQuery struct {
	ctx   context.Context
	s     *Store
	limit int
	err   error
}

// cut keeps the first limit items of a heading.
func (q *agendaQuery) cut(kind model.AgendaKind, items []model.AgendaItem, total int) model.AgendaSection {
	if q.limit > 0 && len(items) > q.limit {
		items = items[:q.limit]
	}
	return model.AgendaSection{Kind: kind, Items: items, Total: total}
}

// items reads up to limit rows (0 for all); the query's own arguments are
// numbered ?1, ?2, … and the limit follows them.
func (q *agendaQuery) items(kind model.AgendaKind, query string, limit int, args ...any) []model.AgendaItem {
	if q.err != nil {
		return nil
	}
	query += fmt.Sprintf(" LIMIT ?%d", len(args)+1)
	rows, err := q.s.db.QueryContext(q.ctx, query, append(args, limitOrAll(limit))...)
	if err != nil {
		q.err = explain(err)
		return nil
	}
	defer rows.Close()
	var out []model.AgendaItem
	for rows.Next() {
		it := model.AgendaItem{Kind: kind}
		var at, follow string
		if err := rows.Scan(&it.ClientID, &it.ClientName, &it.PreferredName, &it.CaseNumber, &at, &it.ReferralID,
			&it.ResourceID, &it.ResourceName, &it.ReferralStatus, &follow); err != nil {
			q.err = err
			return nil
		}
		var d decoder
		it.At, it.FollowUpOn = d.time(at), d.date(follow)
		if d.err != nil {
			q.err = d.err
			return nil
		}
		out = append(out, it)
	}
	if err := rows.Err(); err != nil {
		q.err = err
	}
	return out
}
