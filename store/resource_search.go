package store

import (
	"context"
	"fmt"

	"caseload/model"
)

// resourceMatch ranks directory matches with the name weighing most, then
// categories and tags, then the address, then the description: a search for
// "housing" should put the Housing Authority before a clinic that mentions
// housing once. Ties keep the order resources were added in.
const resourceMatch = `SELECT rowid, bm25(resources_fts, 10.0, 1.0, 4.0, 2.0) AS score
	FROM resources_fts WHERE resources_fts MATCH ?1`

// SearchResources returns one page of the resource directory: the resources
// holding every word of q.Text (each as a word prefix) in their name,
// description, category, tags or address, best match first; with no text,
// every resource by name. q.Category narrows to one category.
func (s *Store) SearchResources(ctx context.Context, q model.ResourceQuery) ([]model.Resource, error) {
	match := ftsQuery(q.Text)
	if match == "" {
		return s.Resources(ctx, q.Category, q.Limit, q.Offset)
	}
	// Without a category the page is cut inside the index, so only its rows
	// are joined to the table; a category needs the table to filter on.
	query := "SELECT " + resourceColumns + " FROM (" + resourceMatch + ` ORDER BY score, rowid LIMIT ?3 OFFSET ?4) f
		JOIN resources r ON r.seq = f.rowid ORDER BY f.score, f.rowid`
	if q.Category != "" {
		query = "SELECT " + resourceColumns + " FROM (" + resourceMatch + `) f
		JOIN resources r ON r.seq = f.rowid WHERE r.category = ?2
		ORDER BY f.score, f.rowid LIMIT ?3 OFFSET ?4`
	}
	rows, err := s.db.QueryContext(ctx, query, match, string(q.Category), limitOrAll(q.Limit), q.Offset)
	if err != nil {
		return nil, fmt.Errorf("search resources: %w", explain(err))
	}
	defer rows.Close()
	var out []model.Resource
	for rows.Next() {
		r, err := scanResource(rows)
		if err != nil {
			return nil, fmt.Errorf("search resources: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// CountResources counts the resources a query matches, Limit and Offset
// aside, for the directory's header and scroll position.
func (s *Store) CountResources(ctx context.Context, q model.ResourceQuery) (int, error) {
	var n int
	var err error
	if match := ftsQuery(q.Text); match != "" {
		err = s.db.QueryRowContext(ctx, "SELECT count(*) FROM ("+resourceMatch+`) f
			JOIN resources r ON r.seq = f.rowid WHERE (?2 = '' OR r.category = ?2)`, match, string(q.Category)).Scan(&n)
	} else {
		err = s.db.QueryRowContext(ctx, "SELECT count(*) FROM resources r WHERE (?1 = '' OR r.category = ?1)",
			string(q.Category)).Scan(&n)
	}
	if err != nil {
		return 0, fmt.Errorf("count resources: %w", explain(err))
	}
	return n, nil
}

// ResourceReferrals lists the clients referred to a resource and where each
// referral stands: open referrals first, then the newest.
func (s *Store) ResourceReferrals(ctx context.Context, resourceID string) ([]model.ResourceReferral, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT r.id, c.id, c.name, c.case_number, r.status, r.referred_on,
		r.appointment_at, r.follow_up_on
		FROM referrals r JOIN clients c ON c.id = r.client_id
		WHERE r.resource_id = ?
		ORDER BY r.status NOT IN (`+openStatuses+`), r.referred_on DESC, c.sort_name, r.id`, resourceID)
	if err != nil {
		return nil, fmt.Errorf("list referrals to resource %s: %w", resourceID, explain(err))
	}
	defer rows.Close()
	var out []model.ResourceReferral
	for rows.Next() {
		var rr model.ResourceReferral
		var on, appt, follow string
		if err := rows.Scan(&rr.ReferralID, &rr.ClientID, &rr.ClientName, &rr.CaseNumber, &rr.Status, &on, &appt, &follow); err != nil {
			return nil, fmt.Errorf("list referrals to resource %s: %w", resourceID, err)
		}
		var d decoder
		rr.ReferredOn, rr.AppointmentAt, rr.FollowUpOn = d.date(on), d.time(appt), d.date(follow)
		if d.err != nil {
			return nil, fmt.Errorf("list referrals to resource %s: %w", resourceID, d.err)
		}
		out = append(out, rr)
	}
	return out, rows.Err()
}

// openStatuses is the SQL list of the open referral statuses (see
// model.ReferralStatus.Open), written exactly as in the schema's partial
// indexes so that SQLite uses them.
const openStatuses = "'referred','scheduled','engaged','waitlisted'"
