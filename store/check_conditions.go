package store

import (
	"context"
	"fmt"
)

// checkConditions finds kept totals that disagree with the records they
// are kept from: a condition's total against its progress entries, a
// client's count of conditions not in compliance, a violation marked
// answered without a response (or the other way round).
func (s *Store) checkConditions(ctx context.Context) ([]string, error) {
	var totals, counts, answered int
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM conditions cd WHERE cd.done <> coalesce((SELECT sum(CASE p.kind WHEN 'attended' THEN 1
			WHEN 'hours' THEN p.amount WHEN 'payment' THEN p.amount ELSE 0 END) FROM condition_progress p
			WHERE p.condition_id = cd.id), 0)),
		(SELECT count(*) FROM clients c WHERE c.not_compliant <> (SELECT count(*) FROM conditions cd
			WHERE cd.client_id = c.id AND cd.status = 'not_in_compliance')),
		(SELECT count(*) FROM violations v WHERE v.answered <> EXISTS (SELECT 1 FROM responses r WHERE r.violation_id = v.id))`).
		Scan(&totals, &counts, &answered)
	if err != nil {
		return nil, explain(err)
	}
	var out []string
	if totals > 0 {
		out = append(out, fmt.Sprintf("%d condition totals do not match their progress entries", totals))
	}
	if counts > 0 {
		out = append(out, fmt.Sprintf("%d clients have a wrong count of conditions not in compliance", counts))
	}
	if answered > 0 {
		out = append(out, fmt.Sprintf("%d violations are marked answered or unanswered against their responses", answered))
	}
	return out, nil
}
