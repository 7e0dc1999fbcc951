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
	today := model.StartOfDay(now)
	tomorrow := today.AddDate(0, 0, 1)
	t0, t1 := fmtTime(today), fmtTime(tomorrow)
	tWeek, tSoon := fmtTime(today.AddDate(0, 0, model.WeekDays)), fmtTime(tomorrow.AddDate(0, 0, model.WeekDays))
	q := agendaQuery{ctx: ctx, s: s, limit: limit}
	ag := model.Agenda{Now: now}

	// Today's lists are short (one day of appointments): read whole, merged
	// by time.
	reporting := q.items(model.AgendaToday, `SELECT `+agendaClientColumns+`, c.next_due_at, '', '', '', '', ''
		FROM clients c WHERE c.next_due_at <> '' AND c.next_due_at >= ?1 AND c.next_due_at < ?2
		AND c.next_due_at = c.next_appointment_at ORDER BY c.next_due_at, c.sort_name, c.id`, 0, t0, t1)
	referralsToday := q.items(model.AgendaToday, referralAgendaSelect+` AND r.appointment_at <> ''
		AND r.appointment_at >= ?1 AND r.appointment_at < ?2 ORDER BY r.appointment_at, r.rowid`, 0, t0, t1)
	todayItems := append(reporting, referralsToday...)
	slices.SortStableFunc(todayItems, func(a, b model.AgendaItem) int { return a.At.Compare(b.At) })
	ag.Sections = append(ag.Sections, q.cut(model.AgendaToday, todayItems, len(todayItems)))

	overdue := q.items(model.AgendaContactOverdue, `SELECT `+agendaClientColumns+`, c.next_due_at, '', '', '', '', ''
		FROM clients c WHERE c.next_due_at <> '' AND c.next_due_at < ?1
		ORDER BY c.next_due_at, c.sort_name, c.id`, limit, t0)
	ag.Sections = append(ag.Sections, q.cut(model.AgendaContactOverdue, overdue,
		q.count(overdue, `SELECT count(*) FROM clients c WHERE c.next_due_at <> '' AND c.next_due_at < ?1`, t0)))

	due := q.items(model.AgendaContactDue, `SELECT `+agendaClientColumns+`, c.next_due_at, '', '', '', '', ''
		FROM clients c WHERE c.next_due_at <> '' AND c.next_due_at >= ?1 AND c.next_due_at < ?3
		AND NOT (c.next_due_at < ?2 AND c.next_due_at = c.next_appointment_at)
		ORDER BY c.next_due_at, c.sort_name, c.id`, limit, t0, t1, tWeek)
	dueTotal := q.count(due, `SELECT count(*) FROM clients c WHERE c.next_due_at <> '' AND c.next_due_at >= ?1
		AND c.next_due_at < ?2`, t0, tWeek) - len(reporting)
	ag.Sections = append(ag.Sections, q.cut(model.AgendaContactDue, due, dueTotal))

	follow := q.items(model.AgendaFollowUpOverdue, referralAgendaSelect+` AND r.follow_up_on < ?1
		ORDER BY r.follow_up_on, r.rowid`, limit, model.DateOf(now).String())
	ag.Sections = append(ag.Sections, q.cut(model.AgendaFollowUpOverdue, follow,
		q.count(follow, `SELECT count(*) FROM referrals r WHERE r.status IN (`+openStatuses+`) AND r.follow_up_on < ?1`,
			model.DateOf(now).String())))

	soon := q.items(model.AgendaReferralSoon, referralAgendaSelect+` AND r.appointment_at <> ''
		AND r.appointment_at >= ?1 AND r.appointment_at < ?2 ORDER BY r.appointment_at, r.rowid`, limit, t1, tSoon)
	ag.Sections = append(ag.Sections, q.cut(model.AgendaReferralSoon, soon,
		q.count(soon, `SELECT count(*) FROM referrals r WHERE r.status IN (`+openStatuses+`) AND r.appointment_at <> ''
		AND r.appointment_at >= ?1 AND r.appointment_at < ?2`, t1, tSoon)))

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
	return model.AgendaSection{Kind: kind, Items: items, Total: max(total, len(items))}
}

// count counts a heading's rows, unless the items read are all there is.
func (q *agendaQuery) count(items []model.AgendaItem, query string, args ...any) int {
	if q.err != nil || q.limit <= 0 || len(items) < q.limit {
		return len(items)
	}
	var n int
	if err := q.s.db.QueryRowContext(q.ctx, query, args...).Scan(&n); err != nil {
		q.err = explain(err)
	}
	return n
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
