-- 0005: the workload figures. Due and stage spells are the due dates and the
-- stages of change as they stood over time, rewritten for a client by every
-- write that touches the client (store/spells.go), so that a week's figures
-- are index ranges and never a read of every check-in. Open spells end at
-- '9999-12-31T00:00:00.000Z', so that "still standing" sorts last.

CREATE TABLE due_spells (
    client_id  TEXT NOT NULL REFERENCES clients (id),
    due_at     TEXT NOT NULL,
    -- local midnight of the due day, as a UTC time: a contact kept at any
    -- hour of the due day counts as due that day.
    due_day_at TEXT NOT NULL,
    from_at    TEXT NOT NULL,
    until_at   TEXT NOT NULL
) STRICT;

CREATE INDEX due_spells_by_client ON due_spells (client_id);
CREATE INDEX due_spells_by_due ON due_spells (due_at, from_at, until_at, due_day_at);
CREATE INDEX due_spells_by_until ON due_spells (until_at, from_at, due_at);

CREATE TABLE stage_spells (
    client_id TEXT NOT NULL REFERENCES clients (id),
    stage     TEXT NOT NULL CHECK (stage IN ('precontemplation','contemplation','preparation','action','maintenance','recurrence')),
    from_at   TEXT NOT NULL,
    until_at  TEXT NOT NULL
) STRICT;

CREATE INDEX stage_spells_by_client ON stage_spells (client_id);
CREATE INDEX stage_spells_by_until ON stage_spells (until_at, from_at, stage);

-- A week's contacts by type, outcome and test, and the last 30 days' flags,
-- read from the index alone.
CREATE INDEX checkins_week_figures ON checkins (at, type, outcome, test_result, client_id, flags);
-- The caseload's shape, read from the index alone.
CREATE INDEX clients_shape ON clients (status, level, supervision_type, current_stage);
CREATE INDEX referrals_by_date ON referrals (referred_on);

-- A file made before this version has records but no spells yet: Open
-- replays every client's record once and removes this row.
CREATE TABLE spells_backfill (one INTEGER PRIMARY KEY CHECK (one = 1)) STRICT;
INSERT INTO spells_backfill (one) SELECT 1 WHERE EXISTS (SELECT 1 FROM clients);
