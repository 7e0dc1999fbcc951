-- 0016: a supervisor's notes on the team's clients. A supervisor's file is
-- read only but for the resource directory, transfers and these: a note is
-- written there, travels through the agency's server as history, and
-- stays in the client's log on the officer's laptop. Only a supervisor's
-- file writes one; any file takes one pulled.

CREATE TABLE supervisor_notes (
    id         TEXT PRIMARY KEY,
    client_id  TEXT NOT NULL REFERENCES clients (id),
    at         TEXT NOT NULL,
    author     TEXT NOT NULL CHECK (length(trim(author)) > 0),
    note       TEXT NOT NULL CHECK (length(trim(note)) > 0),
    created_at TEXT NOT NULL
) STRICT;

CREATE INDEX supervisor_notes_by_client ON supervisor_notes (client_id, at, id);

CREATE TRIGGER supervisor_notes_only_supervisor BEFORE INSERT ON supervisor_notes
WHEN coalesce((SELECT value FROM sync_state WHERE key = 'role_kind'), '') <> 'supervisor'
  AND NOT EXISTS (SELECT 1 FROM sync_pulling)
BEGIN SELECT RAISE(ABORT, 'only a supervisor''s file writes a supervisor note'); END;
CREATE TRIGGER supervisor_notes_no_update BEFORE UPDATE ON supervisor_notes
WHEN NOT EXISTS (SELECT 1 FROM sync_pulling)
BEGIN SELECT RAISE(ABORT, 'supervisor notes are append-only'); END;
CREATE TRIGGER supervisor_notes_no_delete BEFORE DELETE ON supervisor_notes
WHEN NOT EXISTS (SELECT 1 FROM sync_releasing WHERE client_id = old.client_id)
BEGIN SELECT RAISE(ABORT, 'supervisor notes are append-only'); END;

CREATE TRIGGER supervisor_notes_outbox AFTER INSERT ON supervisor_notes
WHEN EXISTS (SELECT 1 FROM sync_state WHERE key = 'laptop_id') AND NOT EXISTS (SELECT 1 FROM sync_pulling)
BEGIN INSERT INTO sync_outbox (tbl, row_id, client_id, op) VALUES ('supervisor_notes', new.id, new.client_id, 'insert'); END;

CREATE TRIGGER audit_supervisor_notes_insert AFTER INSERT ON supervisor_notes
BEGIN INSERT INTO audit_log (entity, entity_id, action) VALUES ('supervisor_note', new.id, 'create'); END;

-- A supervisor's file sends the resource directory and these notes.
DROP TRIGGER outbox_supervisor_file;
CREATE TRIGGER outbox_supervisor_file BEFORE INSERT ON sync_outbox
WHEN (SELECT value FROM sync_state WHERE key = 'role_kind') = 'supervisor' AND new.tbl NOT IN ('resources', 'supervisor_notes')
BEGIN SELECT RAISE(ABORT, 'a supervisor''s file is read only'); END;
