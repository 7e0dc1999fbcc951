-- 0005: agency sync. Nothing here is used until the officer sets up sync
-- (sync_state then holds the laptop's id): a caseload that never syncs pays
-- nothing for it.

-- The laptop's id and its hybrid logical clock's last reading.
CREATE TABLE sync_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- The outbox: every change not yet on the server, in the order made.
--   insert: a history record, pushed whole by id (row_id);
--   create: a new record that changes later; value is its fields as a JSON
--           object, all stamped at;
--   set:    one field of such a record; value is the new value, base the
--           stamp of the value it replaced as this laptop knew it.
CREATE TABLE sync_outbox (
    seq       INTEGER PRIMARY KEY,
    tbl       TEXT NOT NULL,
    row_id    TEXT NOT NULL,
    client_id TEXT NOT NULL DEFAULT '',
    op        TEXT NOT NULL CHECK (op IN ('insert', 'create', 'set', 'delete')),
    field     TEXT NOT NULL DEFAULT '',
    value     TEXT NOT NULL DEFAULT '',
    at        TEXT NOT NULL DEFAULT '',
    base      TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX sync_outbox_by_client ON sync_outbox (client_id) WHERE client_id <> '';

-- The stamp of each field's last write as this laptop knows it. field ''
-- holds a record's creation stamp, which every field has until it changes.
CREATE TABLE sync_fields (
    tbl    TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field  TEXT NOT NULL,
    at     TEXT NOT NULL,
    PRIMARY KEY (tbl, row_id, field)
) STRICT, WITHOUT ROWID;

-- How far each table has been pulled: the server's (transaction id, row id)
-- of the last row applied.
CREATE TABLE sync_cursors (
    tbl    TEXT PRIMARY KEY,
    txid   TEXT NOT NULL,
    row_id TEXT NOT NULL
) STRICT;

-- Changes lost to a concurrent change on another laptop, as the server
-- recorded them: shown to the officer, never dropped.
CREATE TABLE sync_conflicts (
    id         TEXT PRIMARY KEY,
    client_id  TEXT NOT NULL DEFAULT '',
    tbl        TEXT NOT NULL,
    row_id     TEXT NOT NULL,
    field      TEXT NOT NULL,
    kept_value TEXT NOT NULL,
    lost_value TEXT NOT NULL,
    kept_at    TEXT NOT NULL,
    lost_at    TEXT NOT NULL,
    by_role    TEXT NOT NULL,
    at         TEXT NOT NULL
) STRICT;
CREATE INDEX sync_conflicts_by_client ON sync_conflicts (client_id, at);

-- A row here, written and removed inside the transaction that applies a
-- pulled page, keeps pulled records out of the outbox. No other connection
-- ever sees it.
CREATE TABLE sync_pulling (one INTEGER PRIMARY KEY CHECK (one = 1)) STRICT;

-- History records enter the outbox in the transaction that writes them.
CREATE TRIGGER checkins_outbox AFTER INSERT ON checkins
WHEN EXISTS (SELECT 1 FROM sync_state WHERE key = 'laptop_id') AND NOT EXISTS (SELECT 1 FROM sync_pulling)
BEGIN INSERT INTO sync_outbox (tbl, row_id, client_id, op) VALUES ('checkins', new.id, new.client_id, 'insert'); END;
CREATE TRIGGER stage_notes_outbox AFTER INSERT ON stage_notes
WHEN EXISTS (SELECT 1 FROM sync_state WHERE key = 'laptop_id') AND NOT EXISTS (SELECT 1 FROM sync_pulling)
BEGIN INSERT INTO sync_outbox (tbl, row_id, client_id, op) VALUES ('stage_notes', new.id, new.client_id, 'insert'); END;

-- A client transferred to another officer leaves this laptop (the server
-- keeps the record): its history is deleted here once nothing of it waits
-- to be pushed. A row in sync_releasing, written and removed inside the
-- transaction that deletes, lets the append-only rules make way for that
-- one client; sync_releases holds the transfers still waiting for their
-- last changes to leave.
CREATE TABLE sync_releasing (client_id TEXT PRIMARY KEY) STRICT;
CREATE TABLE sync_releases (
    client_id TEXT PRIMARY KEY,
    to_owner  TEXT NOT NULL
) STRICT;

DROP TRIGGER checkins_no_delete;
CREATE TRIGGER checkins_no_delete BEFORE DELETE ON checkins
WHEN NOT EXISTS (SELECT 1 FROM sync_releasing WHERE client_id = old.client_id)
BEGIN SELECT RAISE(ABORT, 'check-ins are append-only: record an amendment instead'); END;
DROP TRIGGER stage_notes_no_delete;
CREATE TRIGGER stage_notes_no_delete BEFORE DELETE ON stage_notes
WHEN NOT EXISTS (SELECT 1 FROM sync_releasing WHERE client_id = old.client_id)
BEGIN SELECT RAISE(ABORT, 'stage notes are append-only: record an amendment instead'); END;
DROP TRIGGER referral_events_no_delete;
CREATE TRIGGER referral_events_no_delete BEFORE DELETE ON referral_events
WHEN NOT EXISTS (SELECT 1 FROM sync_releasing WHERE client_id = old.client_id)
BEGIN SELECT RAISE(ABORT, 'referral history is append-only: record an amendment instead'); END;
DROP TRIGGER amendments_no_delete;
CREATE TRIGGER amendments_no_delete BEFORE DELETE ON amendments
WHEN NOT EXISTS (SELECT 1 FROM sync_releasing WHERE client_id = old.client_id)
BEGIN SELECT RAISE(ABORT, 'amendments are append-only'); END;
DROP TRIGGER screenings_no_delete;
CREATE TRIGGER screenings_no_delete BEFORE DELETE ON screenings
WHEN NOT EXISTS (SELECT 1 FROM sync_releasing WHERE client_id = old.client_id)
BEGIN SELECT RAISE(ABORT, 'screenings are append-only: record a new screening instead'); END;
DROP TRIGGER goals_no_delete;
CREATE TRIGGER goals_no_delete BEFORE DELETE ON goals
WHEN NOT EXISTS (SELECT 1 FROM sync_releasing WHERE client_id = old.client_id)
BEGIN SELECT RAISE(ABORT, 'goals are append-only: save a new version instead'); END;
DROP TRIGGER goal_versions_no_delete;
CREATE TRIGGER goal_versions_no_delete BEFORE DELETE ON goal_versions
WHEN NOT EXISTS (SELECT 1 FROM sync_releasing r JOIN goals g ON g.client_id = r.client_id WHERE g.id = old.goal_id)
BEGIN SELECT RAISE(ABORT, 'goal history is append-only: save a new version instead'); END;
DROP TRIGGER relapse_plans_no_delete;
CREATE TRIGGER relapse_plans_no_delete BEFORE DELETE ON relapse_plans
WHEN NOT EXISTS (SELECT 1 FROM sync_releasing WHERE client_id = old.client_id)
BEGIN SELECT RAISE(ABORT, 'relapse-prevention plans are append-only: save a new version instead'); END;
DROP TRIGGER consents_no_delete;
CREATE TRIGGER consents_no_delete BEFORE DELETE ON consents
WHEN NOT EXISTS (SELECT 1 FROM sync_releasing WHERE client_id = old.client_id)
BEGIN SELECT RAISE(ABORT, 'consents are append-only: record a revocation instead'); END;

CREATE TRIGGER screenings_outbox AFTER INSERT ON screenings
WHEN EXISTS (SELECT 1 FROM sync_state WHERE key = 'laptop_id') AND NOT EXISTS (SELECT 1 FROM sync_pulling)
BEGIN INSERT INTO sync_outbox (tbl, row_id, client_id, op) VALUES ('screenings', new.id, new.client_id, 'insert'); END;
CREATE TRIGGER amendments_outbox AFTER INSERT ON amendments
WHEN EXISTS (SELECT 1 FROM sync_state WHERE key = 'laptop_id') AND NOT EXISTS (SELECT 1 FROM sync_pulling)
BEGIN INSERT INTO sync_outbox (tbl, row_id, client_id, op) VALUES ('amendments', new.id, new.client_id, 'insert'); END;

-- The records of conditions, court events and conduct make way the same way.
DROP TRIGGER conditions_no_delete;
CREATE TRIGGER conditions_no_delete BEFORE DELETE ON conditions
WHEN NOT EXISTS (SELECT 1 FROM sync_releasing WHERE client_id = old.client_id)
BEGIN SELECT RAISE(ABORT, 'conditions are kept: mark one waived or modified instead'); END;
DROP TRIGGER condition_progress_no_delete;
CREATE TRIGGER condition_progress_no_delete BEFORE DELETE ON condition_progress
WHEN NOT EXISTS (SELECT 1 FROM sync_releasing WHERE client_id = old.client_id)
BEGIN SELECT RAISE(ABORT, 'progress on a condition is append-only: record a new entry instead'); END;
DROP TRIGGER court_events_no_delete;
CREATE TRIGGER court_events_no_delete BEFORE DELETE ON court_events
WHEN NOT EXISTS (SELECT 1 FROM sync_releasing WHERE client_id = old.client_id)
BEGIN SELECT RAISE(ABORT, 'court events are kept: record the outcome instead'); END;
DROP TRIGGER violations_no_delete;
CREATE TRIGGER violations_no_delete BEFORE DELETE ON violations
WHEN NOT EXISTS (SELECT 1 FROM sync_releasing WHERE client_id = old.client_id)
BEGIN SELECT RAISE(ABORT, 'violations are append-only'); END;
DROP TRIGGER responses_no_delete;
CREATE TRIGGER responses_no_delete BEFORE DELETE ON responses
WHEN NOT EXISTS (SELECT 1 FROM sync_releasing WHERE client_id = old.client_id)
BEGIN SELECT RAISE(ABORT, 'responses are append-only'); END;
DROP TRIGGER incentives_no_delete;
CREATE TRIGGER incentives_no_delete BEFORE DELETE ON incentives
WHEN NOT EXISTS (SELECT 1 FROM sync_releasing WHERE client_id = old.client_id)
BEGIN SELECT RAISE(ABORT, 'incentives are append-only'); END;
DROP TRIGGER employment_no_delete;
CREATE TRIGGER employment_no_delete BEFORE DELETE ON employment
WHEN NOT EXISTS (SELECT 1 FROM sync_releasing WHERE client_id = old.client_id)
BEGIN SELECT RAISE(ABORT, 'jobs are kept: give an end date instead'); END;
DROP TRIGGER arrests_no_delete;
CREATE TRIGGER arrests_no_delete BEFORE DELETE ON arrests
WHEN NOT EXISTS (SELECT 1 FROM sync_releasing WHERE client_id = old.client_id)
BEGIN SELECT RAISE(ABORT, 'arrests are append-only'); END;
DROP TRIGGER custody_no_delete;
CREATE TRIGGER custody_no_delete BEFORE DELETE ON custody
WHEN NOT EXISTS (SELECT 1 FROM sync_releasing WHERE client_id = old.client_id)
BEGIN SELECT RAISE(ABORT, 'custody is append-only'); END;
