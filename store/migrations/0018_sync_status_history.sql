-- 0018: a client's status history travels with the agency sync, as
-- history: the workload's past weeks count a client in the weeks the case
-- was open (0007), and a supervisor's file or a new laptop that took only
-- each client's status of today would count every closed case as closed
-- from the day it was opened. Each change gets an id, so that it is
-- inserted once on the server. A change this file records while it takes
-- a pull (the status a pulled client arrives with) is a provisional
-- stand-in, never sent, made only while the client's own history has not
-- come: that history replaces it when it arrives (store.ApplyPulled), and
-- is not sent back. On a file that synced before, the step of this
-- migration marks as stand-ins the changes of clients it did not create.

DROP TRIGGER client_status_new;
DROP TRIGGER client_status_changed;

-- Each change takes an id (a random, version 4 UUID for those already
-- recorded); provisional marks what a pull brought.
ALTER TABLE client_status_changes ADD COLUMN id TEXT NOT NULL DEFAULT '';
ALTER TABLE client_status_changes ADD COLUMN provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1));
UPDATE client_status_changes SET id =
    lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' ||
    substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
CREATE UNIQUE INDEX client_status_changes_by_id ON client_status_changes (id);

-- A change made here is recorded as it happens. Two at the same moment (one
-- write changing a client twice) make one change, keeping its id, which
-- may already wait in the outbox.
CREATE TRIGGER client_status_new AFTER INSERT ON clients WHEN NOT EXISTS (SELECT 1 FROM sync_pulling) BEGIN
    INSERT INTO client_status_changes (id, client_id, at, status, delta) SELECT
        lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' ||
        substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))),
        new.id, new.created_at, new.status, 0 WHERE true
    ON CONFLICT (client_id, at) DO UPDATE SET status = excluded.status, provisional = 0;
END;

CREATE TRIGGER client_status_changed AFTER UPDATE OF status ON clients
WHEN old.status <> new.status AND NOT EXISTS (SELECT 1 FROM sync_pulling) BEGIN
    INSERT INTO client_status_changes (id, client_id, at, status, delta) SELECT
        lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' ||
        substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))),
        new.id,
        CASE WHEN new.updated_at > old.updated_at THEN new.updated_at
             ELSE strftime('%Y-%m-%dT%H:%M:%fZ', 'now') END,
        new.status, (new.status = 'active') - (old.status = 'active') WHERE true
    ON CONFLICT (client_id, at) DO UPDATE SET status = excluded.status,
        delta = max(-1, min(1, delta + excluded.delta)), provisional = 0;
END;

-- A status taken from a pull is a stand-in, and only for a client whose
-- history has not come: it never takes the place of a change recorded
-- where it happened.
CREATE TRIGGER client_status_new_pulled AFTER INSERT ON clients WHEN EXISTS (SELECT 1 FROM sync_pulling) BEGIN
    INSERT OR IGNORE INTO client_status_changes (id, client_id, at, status, delta, provisional) SELECT
        lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' ||
        substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))),
        new.id, new.created_at, new.status, 0, 1
    WHERE NOT EXISTS (SELECT 1 FROM client_status_changes WHERE client_id = new.id AND provisional = 0);
END;

CREATE TRIGGER client_status_changed_pulled AFTER UPDATE OF status ON clients
WHEN old.status <> new.status AND EXISTS (SELECT 1 FROM sync_pulling) BEGIN
    INSERT OR IGNORE INTO client_status_changes (id, client_id, at, status, delta, provisional) SELECT
        lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' ||
        substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))),
        new.id,
        CASE WHEN new.updated_at > old.updated_at THEN new.updated_at
             ELSE strftime('%Y-%m-%dT%H:%M:%fZ', 'now') END,
        new.status, (new.status = 'active') - (old.status = 'active'), 1
    WHERE NOT EXISTS (SELECT 1 FROM client_status_changes WHERE client_id = new.id AND provisional = 0);
END;

CREATE TRIGGER client_status_changes_outbox AFTER INSERT ON client_status_changes
WHEN new.provisional = 0 AND EXISTS (SELECT 1 FROM sync_state WHERE key = 'laptop_id') AND NOT EXISTS (SELECT 1 FROM sync_pulling)
BEGIN INSERT INTO sync_outbox (tbl, row_id, client_id, op) VALUES ('client_status_changes', new.id, new.client_id, 'insert'); END;
