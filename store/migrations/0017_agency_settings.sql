-- 0017: the agency's settings (the contact intervals, the caseload
-- standards, the response ladders and matrix) move out of the file's own
-- settings into a table of their own, synced like the resource directory:
-- every laptop reads them, a supervisor's file changes them, and a change
-- reaches every officer's laptop with the next sync. The officer's own
-- settings (name, export folder, lock, sync on start and quit) stay in
-- `settings`, on the laptop. Each setting is a record named by its key,
-- with the same id on every laptop (the migration's step fills them in).

CREATE TABLE agency_settings (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    value      TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

CREATE TRIGGER audit_agency_settings_insert AFTER INSERT ON agency_settings
BEGIN INSERT INTO audit_log (entity, entity_id, action) VALUES ('settings', new.name, 'set'); END;
CREATE TRIGGER audit_agency_settings_update AFTER UPDATE ON agency_settings
BEGIN INSERT INTO audit_log (entity, entity_id, action) VALUES ('settings', new.name, 'set'); END;

-- In a file that syncs, only a supervisor's changes them; an officer's
-- takes them from the server (the store says so next to the field first).
CREATE TRIGGER agency_settings_by_supervisors BEFORE INSERT ON agency_settings
WHEN EXISTS (SELECT 1 FROM sync_state WHERE key = 'laptop_id')
  AND coalesce((SELECT value FROM sync_state WHERE key = 'role_kind'), '') <> 'supervisor'
  AND NOT EXISTS (SELECT 1 FROM sync_pulling)
BEGIN SELECT RAISE(ABORT, 'the agency''s settings are changed in a supervisor''s file'); END;
CREATE TRIGGER agency_settings_by_supervisors_update BEFORE UPDATE ON agency_settings
WHEN EXISTS (SELECT 1 FROM sync_state WHERE key = 'laptop_id')
  AND coalesce((SELECT value FROM sync_state WHERE key = 'role_kind'), '') <> 'supervisor'
  AND NOT EXISTS (SELECT 1 FROM sync_pulling)
BEGIN SELECT RAISE(ABORT, 'the agency''s settings are changed in a supervisor''s file'); END;
CREATE TRIGGER agency_settings_no_delete BEFORE DELETE ON agency_settings
WHEN NOT EXISTS (SELECT 1 FROM sync_pulling)
BEGIN SELECT RAISE(ABORT, 'an agency setting is changed, never removed'); END;

-- A supervisor's file sends the resource directory, its notes and these.
DROP TRIGGER outbox_supervisor_file;
CREATE TRIGGER outbox_supervisor_file BEFORE INSERT ON sync_outbox
WHEN (SELECT value FROM sync_state WHERE key = 'role_kind') = 'supervisor'
  AND new.tbl NOT IN ('resources', 'supervisor_notes', 'agency_settings')
BEGIN SELECT RAISE(ABORT, 'a supervisor''s file is read only'); END;
