package store

import "fmt"

// What each laptop works out for itself from the records it holds, never
// sent: a condition's total and next due date, a client's count of
// conditions not in compliance, whether a violation has had its response.
// A pulled record brings these up to date in the transaction that saves it,
// so a pulled file passes `caseload check` as a typed one does.

// afterPulled brings the kept values a pulled record touches up to date;
// id is the record's, clientID its client's.
func (w *Writer) afterPulled(t SyncTable, id, clientID string, row PulledRow) error {
	switch t.Name {
	case SyncClients.Name:
		return w.refresh(id)
	case SyncConditions.Name:
		return w.recountCondition(id, clientID)
	case SyncConditionProgress.Name:
		conditionID, _ := row.Values["condition_id"].(string)
		return w.recountCondition(conditionID, clientID)
	case SyncViolations.Name, SyncResponses.Name:
		violationID := id
		if t.Name == SyncResponses.Name {
			violationID, _ = row.Values["violation_id"].(string)
		}
		_, err := w.exec(`UPDATE violations SET answered = 1 WHERE id = ?1 AND answered = 0
			AND EXISTS (SELECT 1 FROM responses WHERE violation_id = ?1)`, violationID)
		if err != nil {
			return fmt.Errorf("mark violation %s answered: %w", violationID, explain(err))
		}
	}
	return nil
}

// recountCondition totals a condition's progress, then its client's due
// dates and count of conditions not in compliance.
func (w *Writer) recountCondition(conditionID, clientID string) error {
	_, err := w.exec(`UPDATE conditions SET done = coalesce((SELECT sum(CASE p.kind WHEN 'attended' THEN 1
		WHEN 'hours' THEN p.amount WHEN 'payment' THEN p.amount ELSE 0 END) FROM condition_progress p
		WHERE p.condition_id = ?1), 0) WHERE id = ?1`, conditionID)
	if err != nil {
		return fmt.Errorf("total condition %s: %w", conditionID, explain(err))
	}
	if err := w.refreshConditionsDue(clientID); err != nil {
		return err
	}
	return w.countNotCompliant(clientID)
}
