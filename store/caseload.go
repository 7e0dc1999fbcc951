package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"caseload/model"
)

// caseloadWhere builds the filter and tab conditions of a caseload query.
// "Today" is the officer's local day, turned into UTC bounds so that the
// stored next_due_at text compares directly and the due index is used.
func caseloadWhere(q model.CaseloadQuery) (string, []any) {
	var conds []string
	var args []any
	if f := strings.TrimSpace(q.Filter); f != "" {
		like := "%" + escapeLike(f) + "%"
		conds = append(conds, `(c.name LIKE ? ESCAPE '\' OR c.preferred_name LIKE ? ESCAPE '\' OR c.case_number LIKE ? ESCAPE '\')`)
		args = append(args, like, like, like)
	}
	if len(q.IDs) > 0 {
		conds = append(conds, "c.id IN (SELECT value FROM json_each(?))")
		args = append(args, jsonList(q.IDs))
	}
	if q.NotCompliant {
		// Written as the partial index clients_not_compliant is (see
		// caseloadFrom).
		conds = append(conds, "c.not_compliant > 0")
	}
	if q.Owner != "" {
		conds = append(conds, "c.owner = ?")
		args = append(args, q.Owner)
	}
	now := q.Now
	if now.IsZero() {
		now = time.Now()
	}
	today := model.StartOfDay(now)
	// The unary + keeps the due-range index out of the caseload's plan: the
	// page is read in the order of the sort's own index, which carries
	// next_due_at, and stops after Limit rows; a range scan would sort the
	// whole tab first.
	switch q.Tab {
	case model.TabDue:
		conds = append(conds, "c.next_due_at <> '' AND +c.next_due_at < ?")
		args = append(args, fmtTime(today.AddDate(0, 0, model.WeekDays)))
	case model.TabOverdue:
		conds = append(conds, "c.next_due_at <> '' AND +c.next_due_at < ?")
		args = append(args, fmtTime(today))
	}
	if len(conds) == 0 {
		return "", args
	}
	return "WHERE " + strings.Join(conds, " AND "), args
}

// caseloadFrom names the table, and for the clients not in compliance the
// partial index that holds just them: the few are read and sorted, rather
// than the whole caseload walked in the sort's order for them.
func caseloadFrom(q model.CaseloadQuery) string {
	if q.NotCompliant {
		return "FROM clients c INDEXED BY clients_not_compliant "
	}
	return "FROM clients c "
}

// caseloadOrder matches the indexes of the clients table exactly, so that a
// page is read in index order and stops after Limit rows.
func caseloadOrder(s model.CaseloadSort) string {
	switch s {
	case model.SortName:
		return "c.sort_name, c.id"
	case model.SortLastContact:
		return "c.last_contact_at, c.sort_name, c.id"
	default:
		return "c.next_due_at = '', c.next_due_at, c.sort_name, c.id"
	}
}

func escapeLike(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s)
}

// CaseloadPage returns one page of the caseload: the clients matching the
// query in its order, each with what the caseload table shows.
func (s *Store) CaseloadPage(ctx context.Context, q model.CaseloadQuery) ([]model.CaseloadRow, error) {
	where, args := caseloadWhere(q)
	args = append(args, limitOrAll(q.Limit), q.Offset)
	rows, err := s.db.QueryContext(ctx, `SELECT c.id, c.name, c.preferred_name, c.case_number, c.level, c.status,
		c.current_stage, c.last_contact_at, c.next_due_at, c.open_referrals, c.not_compliant, c.owner
		`+caseloadFrom(q)+where+` ORDER BY `+caseloadOrder(q.Sort)+` LIMIT ? OFFSET ?`, args...)
	if err != nil {
		return nil, fmt.Errorf("read caseload: %w", explain(err))
	}
	defer rows.Close()
	var out []model.CaseloadRow
	for rows.Next() {
		var r model.CaseloadRow
		var last, due string
		if err := rows.Scan(&r.ClientID, &r.Name, &r.PreferredName, &r.CaseNumber, &r.Level, &r.Status, &r.Stage,
			&last, &due, &r.OpenReferrals, &r.NotCompliant, &r.Owner); err != nil {
			return nil, fmt.Errorf("read caseload: %w", err)
		}
		var d decoder
		r.LastContact, r.NextDue = d.time(last), d.time(due)
		if d.err != nil {
			return nil, fmt.Errorf("read caseload: %w", d.err)
		}
		r.HasDue = due != ""
		out = append(out, r)
	}
	return out, rows.Err()
}

// CaseloadCount counts the clients a query matches (Limit and Offset aside),
// for the tab headers and the scroll position.
func (s *Store) CaseloadCount(ctx context.Context, q model.CaseloadQuery) (int, error) {
	where, args := caseloadWhere(q)
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) "+caseloadFrom(q)+where, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count caseload: %w", explain(err))
	}
	return n, nil
}

// ClientIndexEntry is the little the caseload filter needs to match a client
// as the officer types, without loading rows.
type ClientIndexEntry struct {
	ID            string
	Name          string
	PreferredName string
	CaseNumber    string
}

// clientIndexRead reads the filter's names in name order from the
// clients_by_name index alone (migration 0021): by way of the table it was a
// read a client.
const clientIndexRead = "SELECT c.id, c.name, c.preferred_name, c.case_number FROM clients c ORDER BY c.sort_name, c.id"

// ClientIndex hands each client's id, names and case number to each, in
// name order: a few hundred kilobytes at 10,000 clients, read once so that
// filtering as you type needs no query per key. One at a time, so that the
// caller keeps them as compactly as it likes: at 100,000 clients a list of
// them all cost the app a few megabytes at its peak, for a moment.
func (s *Store) ClientIndex(ctx context.Context, each func(ClientIndexEntry)) error {
	rows, err := s.db.QueryContext(ctx, clientIndexRead)
	if err != nil {
		return fmt.Errorf("read client index: %w", explain(err))
	}
	defer rows.Close()
	for rows.Next() {
		var e ClientIndexEntry
		if err := rows.Scan(&e.ID, &e.Name, &e.PreferredName, &e.CaseNumber); err != nil {
			return fmt.Errorf("read client index: %w", err)
		}
		each(e)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read client index: %w", err)
	}
	return nil
}

// OfficerCount is one officer's number of clients in the file.
type OfficerCount struct {
	Owner   string
	Clients int
}

// Officers lists the officers whose clients the file holds, by name: one
// on an officer's laptop (none before its first sync), the team on a
// supervisor's.
func (s *Store) Officers(ctx context.Context) ([]OfficerCount, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT owner, count(*) FROM clients INDEXED BY clients_by_owner
		WHERE owner <> '' GROUP BY owner ORDER BY owner`)
	if err != nil {
		return nil, fmt.Errorf("read the officers: %w", explain(err))
	}
	defer rows.Close()
	var out []OfficerCount
	for rows.Next() {
		var o OfficerCount
		if err := rows.Scan(&o.Owner, &o.Clients); err != nil {
			return nil, fmt.Errorf("read the officers: %w", err)
		}
		out = append(out, o)
	}
	return out, rows.Err()
}
