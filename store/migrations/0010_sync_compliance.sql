-- 0010: conditions of supervision, hearings, violations and what follows
-- them reach the agency's server too. History records enter the outbox in
-- the transaction that writes them, as check-ins do; conditions, hearings,
-- jobs and custody (records that change) are queued by the store, field by
-- field.

CREATE TRIGGER condition_progress_outbox AFTER INSERT ON condition_progress
WHEN EXISTS (SELECT 1 FROM sync_state WHERE key = 'laptop_id') AND NOT EXISTS (SELECT 1 FROM sync_pulling)
BEGIN INSERT INTO sync_outbox (tbl, row_id, client_id, op) VALUES ('condition_progress', new.id, new.client_id, 'insert'); END;
CREATE TRIGGER violations_outbox AFTER INSERT ON violations
WHEN EXISTS (SELECT 1 FROM sync_state WHERE key = 'laptop_id') AND NOT EXISTS (SELECT 1 FROM sync_pulling)
BEGIN INSERT INTO sync_outbox (tbl, row_id, client_id, op) VALUES ('violations', new.id, new.client_id, 'insert'); END;
CREATE TRIGGER responses_outbox AFTER INSERT ON responses
WHEN EXISTS (SELECT 1 FROM sync_state WHERE key = 'laptop_id') AND NOT EXISTS (SELECT 1 FROM sync_pulling)
BEGIN INSERT INTO sync_outbox (tbl, row_id, client_id, op) VALUES ('responses', new.id, new.client_id, 'insert'); END;
CREATE TRIGGER incentives_outbox AFTER INSERT ON incentives
WHEN EXISTS (SELECT 1 FROM sync_state WHERE key = 'laptop_id') AND NOT EXISTS (SELECT 1 FROM sync_pulling)
BEGIN INSERT INTO sync_outbox (tbl, row_id, client_id, op) VALUES ('incentives', new.id, new.client_id, 'insert'); END;
CREATE TRIGGER arrests_outbox AFTER INSERT ON arrests
WHEN EXISTS (SELECT 1 FROM sync_state WHERE key = 'laptop_id') AND NOT EXISTS (SELECT 1 FROM sync_pulling)
BEGIN INSERT INTO sync_outbox (tbl, row_id, client_id, op) VALUES ('arrests', new.id, new.client_id, 'insert'); END;
CREATE TRIGGER relapse_plans_outbox AFTER INSERT ON relapse_plans
WHEN EXISTS (SELECT 1 FROM sync_state WHERE key = 'laptop_id') AND NOT EXISTS (SELECT 1 FROM sync_pulling)
BEGIN INSERT INTO sync_outbox (tbl, row_id, client_id, op) VALUES ('relapse_plans', new.id, new.client_id, 'insert'); END;

-- A release from custody is recorded once on a laptop; the same custody
-- released on two laptops of one officer merges like any field (the later
-- one kept, the other shown as a conflict), so a pulled release may replace
-- the one this laptop holds.
DROP TRIGGER custody_only_release;
CREATE TRIGGER custody_only_release BEFORE UPDATE ON custody
WHEN (new.id IS NOT old.id OR new.client_id IS NOT old.client_id OR new.in_at IS NOT old.in_at
  OR new.facility IS NOT old.facility OR new.reason IS NOT old.reason OR new.created_at IS NOT old.created_at
  OR old.out_at <> '' OR new.out_at = '') AND NOT EXISTS (SELECT 1 FROM sync_pulling)
BEGIN SELECT RAISE(ABORT, 'custody is append-only: only the release may be recorded, once'); END;

-- Plan versions follow one another on a laptop; a pulled version takes its
-- place whatever this laptop holds (the same version made on two laptops
-- of one officer is kept once, the other filed on the server for review).
DROP TRIGGER relapse_plans_in_order;
CREATE TRIGGER relapse_plans_in_order BEFORE INSERT ON relapse_plans
WHEN new.version <> 1 + coalesce((SELECT max(version) FROM relapse_plans WHERE client_id = new.client_id), 0)
  AND NOT EXISTS (SELECT 1 FROM sync_pulling)
BEGIN SELECT RAISE(ABORT, 'relapse-prevention plan versions follow one another: reload the plan and save again'); END;
