-- 0006: the workload figures. Due and stage spells are the due dates and the
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
    -- local midnight after the due day: the client is overdue from then
    -- until the spell ends (model.DueSpell.OverdueFrom).
    overdue_from_at TEXT NOT NULL,
    from_at    TEXT NOT NULL,
    until_at   TEXT NOT NULL
) STRICT;

CREATE INDEX due_spells_by_client ON due_spells (client_id);
-- The contacts that fell due (model.DueSpell.FellDueIn), by due date.
CREATE INDEX due_spells_fell_due ON due_spells (due_at) WHERE from_at <= due_at AND until_at > due_day_at;
-- Overdue now is a range of the standing spells by due date (and of the few
-- that end after now); overdue at each earlier week's end follows from the
-- spells that became overdue, and those that ended, in between: short
-- ranges of the last two indexes.
CREATE INDEX due_spells_standing ON due_spells (due_at, from_at) WHERE until_at = '9999-12-31T00:00:00.000Z';
CREATE INDEX due_spells_by_until ON due_spells (until_at, from_at, due_at) WHERE until_at <> '9999-12-31T00:00:00.000Z';
CREATE INDEX due_spells_overdue_ends ON due_spells (until_at) WHERE overdue_from_at < until_at;
CREATE INDEX due_spells_overdue_starts ON due_spells (overdue_from_at) WHERE overdue_from_at < until_at;

-- The due spells' events by UTC day, kept in step with due_spells by the
-- same writes: contacts that fell due, clients who became overdue, overdue
-- spells that ended. A week is its days from here plus the hours between UTC
-- midnight and local midnight, read from the partial indexes above.
CREATE TABLE due_days (
    day  TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('fell_due', 'overdue_start', 'overdue_end')),
    -- no CHECK (n >= 0): an upsert that takes one away is checked as the
    -- insert it would have been, before it turns into the update.
    n    INTEGER NOT NULL,
    PRIMARY KEY (day, kind)
) STRICT, WITHOUT ROWID;

CREATE TABLE stage_spells (
    client_id TEXT NOT NULL REFERENCES clients (id),
    stage     TEXT NOT NULL CHECK (stage IN ('precontemplation','contemplation','preparation','action','maintenance','recurrence')),
    from_at   TEXT NOT NULL,
    until_at  TEXT NOT NULL
) STRICT;

CREATE INDEX stage_spells_by_client ON stage_spells (client_id);
-- The standing spells are the clients' current stages, counted from
-- clients_shape; each earlier week's end follows from the spells that began
-- and ended in between.
CREATE INDEX stage_spells_by_until ON stage_spells (until_at, from_at, stage);
CREATE INDEX stage_spells_by_from ON stage_spells (from_at, stage, until_at);

-- Contacts by UTC day, type, outcome and test, kept in step by a trigger
-- (check-ins are never changed or deleted; amended ones are taken away when
-- read). A week is its days from here plus the few hours between UTC
-- midnight and local midnight, read from checkins_week_figures.
CREATE TABLE checkin_days (
    day         TEXT NOT NULL,
    type        TEXT NOT NULL,
    outcome     TEXT NOT NULL,
    test_result TEXT NOT NULL,
    n           INTEGER NOT NULL CHECK (n >= 0),
    PRIMARY KEY (day, type, outcome, test_result)
) STRICT, WITHOUT ROWID;

INSERT INTO checkin_days (day, type, outcome, test_result, n)
SELECT substr(at, 1, 10), type, outcome, test_result, count(*) FROM checkins GROUP BY 1, 2, 3, 4;

CREATE TRIGGER checkin_days_count AFTER INSERT ON checkins BEGIN
    INSERT INTO checkin_days (day, type, outcome, test_result, n)
    VALUES (substr(new.at, 1, 10), new.type, new.outcome, new.test_result, 1)
    ON CONFLICT (day, type, outcome, test_result) DO UPDATE SET n = n + 1;
END;

-- A client transferred to another officer leaves with every check-in.
CREATE TRIGGER checkin_days_uncount AFTER DELETE ON checkins BEGIN
    UPDATE checkin_days SET n = n - 1
    WHERE day = substr(old.at, 1, 10) AND type = old.type AND outcome = old.outcome AND test_result = old.test_result;
END;

CREATE INDEX checkins_week_figures ON checkins (at, type, outcome, test_result);
-- The contacts that raise a signal (a risk flag, a test showing use): the
-- last 30 days of them are a short range.
CREATE INDEX checkins_signals ON checkins (at, client_id, flags, test_result)
    WHERE flags <> '[]' OR test_result IN ('positive', 'admitted');
-- The caseload's shape, read from the index alone.
CREATE INDEX clients_shape ON clients (status, level, supervision_type, current_stage);
CREATE INDEX referrals_by_date ON referrals (referred_on);
-- The status changes that closed a referral (out of the open states).
CREATE INDEX referral_events_closing ON referral_events (at, from_status, to_status)
    WHERE from_status IN ('referred','scheduled','engaged','waitlisted')
      AND to_status NOT IN ('referred','scheduled','engaged','waitlisted');

-- A file made before this version has records but no spells yet: Open
-- replays every client's record once and removes this row.
CREATE TABLE spells_backfill (one INTEGER PRIMARY KEY CHECK (one = 1)) STRICT;
INSERT INTO spells_backfill (one) SELECT 1 WHERE EXISTS (SELECT 1 FROM clients);
