-- 0007: a client's status over time, so that the workload's past weeks count
-- a client in the weeks the case was open, not by the status it has today
-- (model.DueSpells). Kept by triggers, so that every way a status changes
-- (the client form, an import, a pull from the agency) is recorded: a new
-- client from when it was made, a change from the row's updated_at when the
-- same write moved it, else from the moment of the write.

CREATE TABLE client_status_changes (
    client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    at        TEXT NOT NULL,
    status    TEXT NOT NULL CHECK (status IN ('active', 'closed', 'absconded', 'in_custody')),
    -- +1 when the client became active, -1 when they stopped being active,
    -- 0 for a change between two other statuses and for the first status,
    -- which stands from the beginning (a client is often entered long after
    -- supervision began; model.DueSpells): the active caseload at an earlier
    -- week's end is today's less the sum of the deltas since.
    delta     INTEGER NOT NULL CHECK (delta IN (-1, 0, 1)),
    PRIMARY KEY (client_id, at)
) STRICT, WITHOUT ROWID;

CREATE INDEX client_status_deltas ON client_status_changes (at, delta) WHERE delta <> 0;

-- What a file from before knew: each client's status since it was made.
INSERT INTO client_status_changes (client_id, at, status, delta) SELECT id, created_at, status, 0 FROM clients;

CREATE TRIGGER client_status_new AFTER INSERT ON clients BEGIN
    INSERT OR REPLACE INTO client_status_changes (client_id, at, status, delta)
    VALUES (new.id, new.created_at, new.status, 0);
END;

CREATE TRIGGER client_status_changed AFTER UPDATE OF status ON clients WHEN old.status <> new.status BEGIN
    INSERT OR REPLACE INTO client_status_changes (client_id, at, status, delta) VALUES (new.id,
        CASE WHEN new.updated_at > old.updated_at THEN new.updated_at
             ELSE strftime('%Y-%m-%dT%H:%M:%fZ', 'now') END,
        new.status, (new.status = 'active') - (old.status = 'active'));
END;
