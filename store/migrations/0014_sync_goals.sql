-- 0014: supervision-plan goals and their versions reach the agency's server
-- too, as history. A goal version is named by its goal and number; to
-- travel it takes an id (made from the two, the same on every laptop) and
-- its client's id, which the migration's step fills in for the versions
-- already saved.

ALTER TABLE goal_versions ADD COLUMN id TEXT;
ALTER TABLE goal_versions ADD COLUMN client_id TEXT;
CREATE UNIQUE INDEX goal_versions_by_id ON goal_versions (id);

-- A pulled version, and the step filling in the new columns, make way
-- through the append-only rules as a pull does; a pulled version takes its
-- place whatever this laptop holds (the same version made on two laptops of
-- one officer is kept once, the other filed on the server for review).
DROP TRIGGER goal_versions_no_update;
CREATE TRIGGER goal_versions_no_update BEFORE UPDATE ON goal_versions
WHEN NOT EXISTS (SELECT 1 FROM sync_pulling)
BEGIN SELECT RAISE(ABORT, 'goal history is append-only: save a new version instead'); END;
DROP TRIGGER goal_versions_in_order;
CREATE TRIGGER goal_versions_in_order BEFORE INSERT ON goal_versions
WHEN new.version <> 1 + coalesce((SELECT max(version) FROM goal_versions WHERE goal_id = new.goal_id), 0)
  AND NOT EXISTS (SELECT 1 FROM sync_pulling)
BEGIN SELECT RAISE(ABORT, 'goal versions follow one another: reload the goal and save again'); END;

CREATE TRIGGER goals_outbox AFTER INSERT ON goals
WHEN EXISTS (SELECT 1 FROM sync_state WHERE key = 'laptop_id') AND NOT EXISTS (SELECT 1 FROM sync_pulling)
BEGIN INSERT INTO sync_outbox (tbl, row_id, client_id, op) VALUES ('goals', new.id, new.client_id, 'insert'); END;
CREATE TRIGGER goal_versions_outbox AFTER INSERT ON goal_versions
WHEN EXISTS (SELECT 1 FROM sync_state WHERE key = 'laptop_id') AND NOT EXISTS (SELECT 1 FROM sync_pulling)
BEGIN INSERT INTO sync_outbox (tbl, row_id, client_id, op) VALUES ('goal_versions', new.id, new.client_id, 'insert'); END;

-- Goals now travel: a supervisor's file is guarded at the outbox, and
-- takes pulled goals.
DROP TRIGGER goals_supervisor_file;
DROP TRIGGER goal_versions_supervisor_file;
