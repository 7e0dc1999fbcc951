package store

import (
	"context"
	"fmt"
	"slices"
	"time"

	"caseload/model"
)

// agendaClientColumns start every agenda query; then come when, and for a
// referral its id, resource id and name, status and follow-up date.
const agendaClientColumns = `c.id, c.name, c.preferred_name, c.case_number`

// Agenda returns what needs doing now, heading by heading (model.AgendaKinds):
// clients reporting today by appointment and referral appointments today;
// contacts overdue; contacts due in the coming week; open referrals past their
// follow-up date; referral appointments in the 7 days after today. "Today" is
// now's local day. Contacts come from the clients' kept next-due dates, so
// only active clients appear; referrals of closed cases are left out. limit
// caps each heading (0 for all); Total still counts everything.
func (s *Store) Agenda(ctx context.Context, now time.Time, limit int) (model.Agenda, error) {
	today := model.StartOfDay(now)
	tomorrow := today.AddDate(0, 0, 1)
	t0, t1, tWeek := fmtTime(today), fmtTime(tomorrow), fmtTime(today.AddDate(0, 0, model.WeekDays))
	tSoon := fmtTime(tomorrow.AddDate(0, 0, model.WeekDays))
	ag := model.Agenda{Now: now}
	q := agendaQuery{ctx: ctx, s: s, limit: limit}

	reporting := q.items(model.AgendaToday, `SELECT `+agendaClientColumns+`, c.next_due_at, '', '', '', '', ''
		FROM clients c WHERE c.next_due_at <> '' AND c.next_due_at >= ?1 AND c.next_due_at < ?2
		AND c.next_due_at = c.next_appointment_at
		ORDER BY c.next_due_at, c.sort_name, c.id`, t0, t1)
	apptsToday := q.items(model.AgendaToday, referralAgendaSelect+` AND r.appointment_at <> ''
		AND r.appointment_at >= ?1 AND r.appointment_at < ?2
		ORDER BY r.appointment_at, c.sort_name, r.id`, t0, t1)
	todayItems := append(reporting, apptsToday...)
	slices.SortStableFunc(todayItems, func(a, b model.AgendaItem) int { return a.At.Compare(b.At) })
	ag.Sections = append(ag.Sections, q.cut(model.AgendaToday, todayItems))

	ag.Sections = append(ag.Sections, q.section(model.AgendaContactOverdue, `SELECT `+agendaClientColumns+`,
		c.next_due_at, '', '', '', '', '' FROM clients c WHERE c.next_due_at <> '' AND c.next_due_at < ?1
		ORDER BY c.next_due_at, c.sort_name, c.id`, t0))
	ag.Sections = append(ag.Sections, q.section(model.AgendaContactDue, `SELECT `+agendaClientColumns+`,
		c.next_due_at, '', '', '', '', '' FROM clients c WHERE c.next_due_at <> '' AND c.next_due_at >= ?1 AND c.next_due_at < ?3
		AND NOT (c.next_due_at < ?2 AND c.next_due_at = c.next_appointment_at)
		ORDER BY c.next_due_at, c.sort_name, c.id`, t0, t1, tWeek))
	ag.Sections = append(ag.Sections, q.section(model.AgendaFollowUpOverdue, referralAgendaSelect+`
		AND r.follow_up_on < ?1 ORDER BY r.follow_up_on, c.sort_name, r.id`, model.DateOf(now).String()))
	ag.Sections = append(ag.Sections, q.section(model.AgendaReferralSoon, referralAgendaSelect+` AND r.appointment_at <> ''
		AND r.appointment_at >= ?1 AND r.appointment_at < ?2
		ORDER BY r.appointment_at, c.sort_name, r.id`, t1, tSoon))
	if q.err != nil {
		return model.Agenda{}, fmt.Errorf("read agenda: %w", q.err)
	}
	return ag, nil
}

// referralAgendaSelect reads open referrals with their client and resource;
// its status list matches the partial indexes on referrals exactly.
const referralAgendaSelect = `SELECT ` + agendaClientColumns + `, r.appointment_at, r.id, r.resource_id,
	coalesce(s.name, ''), r.status, r.follow_up_on
	FROM referrals r JOIN clients c ON c.id = r.client_id LEFT JOIN resources s ON s.id = r.resource_id
	WHERE r.status IN (` + openStatuses + `) AND c.status <> 'closed'`

// agendaQuery runs the agenda's queries, keeping the first error so that
// Agenda reads as its list of headings.
type agendaQuery struct {
	ctx   context.Context
	s     *Store
	limit int
	err   error
}

// section reads one heading, cut to the limit.
func (q *agendaQuery) section(kind model.AgendaKind, query string, args ...any) model.AgendaSection {
	return q.cut(kind, q.items(kind, query, args...))
}

// cut keeps the first limit items and counts them all. The queries read
// every matching row: at 10,000 clients that is at most a few thousand index
// entries, cheaper than a second query to count them.
func (q *agendaQuery) cut(kind model.AgendaKind, items []model.AgendaItem) model.AgendaSection {
	sec := model.AgendaSection{Kind: kind, Items: items, Total: len(items)}
	if q.limit > 0 && len(items) > q.limit {
		sec.Items = items[:q.limit]
	}
	return sec
}

func (q *agendaQuery) items(kind model.AgendaKind, query string, args ...any) []model.AgendaItem {
	if q.err != nil {
		return nil
	}
	rows, err := q.s.db.QueryContext(q.ctx, query, args...)
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
