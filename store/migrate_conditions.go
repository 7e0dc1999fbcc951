package store

import (
	"context"
	"fmt"
	"time"

	"caseload/model"
)

// convertConditions turns every client's free-text conditions into
// condition records by the model's keyword rules (kind "other" where none
// fits, the words kept exactly). The text stays in the client's record too,
// so nothing is lost if a rule reads a condition wrongly. The conditions
// are dated from the start of supervision, or the day the client was added.
func convertConditions(ctx context.Context, tx *Tx, now time.Time) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, conditions, supervision_from, created_at FROM clients WHERE trim(conditions) <> ''`)
	if err != nil {
		return fmt.Errorf("read free-text conditions: %w", err)
	}
	var list []model.Condition
	for rows.Next() {
		var id, text, from, created string
		if err := rows.Scan(&id, &text, &from, &created); err != nil {
			rows.Close()
			return fmt.Errorf("read free-text conditions: %w", err)
		}
		var d decoder
		on := d.date(from)
		if createdAt := d.time(created); on.IsZero() {
			on = model.DateOf(createdAt)
		}
		if d.err != nil {
			rows.Close()
			return fmt.Errorf("read free-text conditions of %s: %w", id, d.err)
		}
		list = append(list, model.ConditionsFromText(id, text, on)...)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read free-text conditions: %w", err)
	}
	for _, c := range list {
		c.ID, c.CreatedAt = newID(), now
		if _, err := tx.ExecContext(ctx, insertConditionSQL, conditionArgs(c)...); err != nil {
			return fmt.Errorf("convert condition %q: %w", c.Wording, err)
		}
	}
	// Nothing is due from a client who is not active (see
	// refreshConditionsDue).
	if _, err := tx.ExecContext(ctx, `UPDATE conditions SET next_due_on = '' WHERE next_due_on <> ''
		AND client_id IN (SELECT id FROM clients WHERE status <> 'active')`); err != nil {
		return fmt.Errorf("convert conditions: %w", err)
	}
	return nil
}
