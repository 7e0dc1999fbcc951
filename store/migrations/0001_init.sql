-- 0001: the first schema of a caseload file.
-- Times are UTC, written as 2006-01-02T15:04:05.000Z so that text order is time
-- order; dates are YYYY-MM-DD. Ids are UUIDv7 text.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE clients (
    id               TEXT PRIMARY KEY,
    name             TEXT NOT NULL CHECK (length(trim(name)) > 0),
    preferred_name   TEXT NOT NULL DEFAULT '',
    case_number      TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(case_number)) > 0),
    date_of_birth    TEXT NOT NULL DEFAULT '',
    phone            TEXT NOT NULL DEFAULT '',
    address          TEXT NOT NULL DEFAULT '',
    supervision_type TEXT NOT NULL CHECK (supervision_type IN ('probation','parole','pretrial','diversion')),
    level            TEXT NOT NULL CHECK (level IN ('low','moderate','high','intensive')),
    supervision_from TEXT NOT NULL DEFAULT '',
    supervision_to   TEXT NOT NULL DEFAULT '',
    conditions       TEXT NOT NULL DEFAULT '',
    status           TEXT NOT NULL CHECK (status IN ('active','closed','absconded','in_custody')),
    tags             TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    -- The per-client summary, kept up to date in the same transaction as every
    -- write that changes it, so that a caseload page is an index read.
    sort_name          TEXT NOT NULL COLLATE NOCASE,
    last_contact_at    TEXT NOT NULL DEFAULT '',
    last_contact_type  TEXT NOT NULL DEFAULT '',
    last_completed_at  TEXT NOT NULL DEFAULT '',
    next_appointment_at TEXT NOT NULL DEFAULT '',
    current_stage      TEXT NOT NULL DEFAULT '',
    current_stage_at   TEXT NOT NULL DEFAULT '',
    -- '' when nothing is due (the client is not active).
    next_due_at        TEXT NOT NULL DEFAULT '',
    open_referrals     INTEGER NOT NULL DEFAULT 0
) STRICT;

-- next_due_at rides along in the name and last-contact indexes so that the due
-- and overdue tabs filter while walking the index, without a row lookup each.
CREATE INDEX clients_by_name ON clients (sort_name, id, next_due_at);
-- Leads with next_due_at = '' so that clients with nothing due sort last in
-- index order (the caseload's default sort).
CREATE INDEX clients_by_due ON clients (next_due_at = '', next_due_at, sort_name, id);
CREATE INDEX clients_by_last_contact ON clients (last_contact_at, sort_name, id, next_due_at);
-- Ranges of due dates (the agenda's today, overdue and this week) in due order.
CREATE INDEX clients_due_range ON clients (next_due_at, sort_name, id) WHERE next_due_at <> '';

CREATE TABLE checkins (
    id               TEXT PRIMARY KEY,
    client_id        TEXT NOT NULL REFERENCES clients (id),
    at               TEXT NOT NULL,
    type             TEXT NOT NULL CHECK (type IN ('office','home','field','phone','video','collateral')),
    outcome          TEXT NOT NULL CHECK (outcome IN ('completed','attempted','no_show','rescheduled')),
    location         TEXT NOT NULL DEFAULT '',
    test_result      TEXT NOT NULL CHECK (test_result IN ('not_tested','negative','positive','refused','dilute','admitted')),
    substances       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(substances)),
    stage            TEXT NOT NULL DEFAULT '' CHECK (stage IN ('','precontemplation','contemplation','preparation','action','maintenance','recurrence')),
    flags            TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(flags)),
    note             TEXT NOT NULL DEFAULT '',
    sensitive        INTEGER NOT NULL DEFAULT 0 CHECK (sensitive IN (0,1)),
    next_appointment_at TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL
) STRICT;

CREATE INDEX checkins_by_client ON checkins (client_id, at, id);
CREATE INDEX checkins_by_time ON checkins (at);

CREATE TABLE stage_notes (
    id         TEXT PRIMARY KEY,
    client_id  TEXT NOT NULL REFERENCES clients (id),
    checkin_id TEXT REFERENCES checkins (id),
    at         TEXT NOT NULL,
    stage      TEXT NOT NULL CHECK (stage IN ('precontemplation','contemplation','preparation','action','maintenance','recurrence')),
    note       TEXT NOT NULL DEFAULT '',
    sensitive  INTEGER NOT NULL DEFAULT 0 CHECK (sensitive IN (0,1)),
    created_at TEXT NOT NULL
) STRICT;

CREATE INDEX stage_notes_by_client ON stage_notes (client_id, at, id);
CREATE INDEX stage_notes_by_checkin ON stage_notes (checkin_id) WHERE checkin_id IS NOT NULL;
CREATE INDEX stage_notes_by_time ON stage_notes (at);

CREATE TABLE resources (
    -- seq is the stable row number the search index refers to (a plain rowid
    -- may be renumbered by VACUUM).
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    hsds_id     TEXT UNIQUE,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    category    TEXT NOT NULL CHECK (category IN ('substance_use','residential','mental_health','employment','education','housing','peer_support','financial','medical','legal','other')),
    tags        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
    description TEXT NOT NULL DEFAULT '',
    phone       TEXT NOT NULL DEFAULT '',
    email       TEXT NOT NULL DEFAULT '',
    website     TEXT NOT NULL DEFAULT '',
    address     TEXT NOT NULL DEFAULT '',
    hours       TEXT NOT NULL DEFAULT '',
    eligibility TEXT NOT NULL DEFAULT '',
    languages   TEXT NOT NULL DEFAULT '',
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE INDEX resources_by_category ON resources (category, name COLLATE NOCASE);
CREATE INDEX resources_by_name_address ON resources (name COLLATE NOCASE, address COLLATE NOCASE);

CREATE TABLE referrals (
    id             TEXT PRIMARY KEY,
    client_id      TEXT NOT NULL REFERENCES clients (id),
    resource_id    TEXT NOT NULL REFERENCES resources (id),
    reason         TEXT NOT NULL,
    referred_on    TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('referred','scheduled','engaged','completed','declined','ineligible','waitlisted','no_show','discharged','cancelled')),
    appointment_at TEXT NOT NULL DEFAULT '',
    follow_up_on   TEXT NOT NULL DEFAULT '',
    outcome_note   TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    CHECK (status NOT IN ('referred','scheduled','engaged','waitlisted') OR follow_up_on <> '')
) STRICT;

CREATE INDEX referrals_by_client ON referrals (client_id, referred_on);
CREATE INDEX referrals_by_resource ON referrals (resource_id);
CREATE INDEX referrals_open_by_follow_up ON referrals (follow_up_on) WHERE status IN ('referred','scheduled','engaged','waitlisted');
CREATE INDEX referrals_open_by_appointment ON referrals (appointment_at) WHERE status IN ('referred','scheduled','engaged','waitlisted') AND appointment_at <> '';

CREATE TABLE referral_events (
    id             TEXT PRIMARY KEY,
    referral_id    TEXT NOT NULL REFERENCES referrals (id),
    client_id      TEXT NOT NULL REFERENCES clients (id),
    at             TEXT NOT NULL,
    from_status    TEXT NOT NULL,
    to_status      TEXT NOT NULL,
    note           TEXT NOT NULL DEFAULT '',
    follow_up_on   TEXT NOT NULL DEFAULT '',
    appointment_at TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL
) STRICT;

CREATE INDEX referral_events_by_referral ON referral_events (referral_id, at, id);
CREATE INDEX referral_events_by_client ON referral_events (client_id, at, id);
CREATE INDEX referral_events_by_time ON referral_events (at);

CREATE TABLE amendments (
    id             TEXT PRIMARY KEY,
    client_id      TEXT NOT NULL REFERENCES clients (id),
    target_kind    TEXT NOT NULL CHECK (target_kind IN ('checkin','stage_note','referral_event')),
    target_id      TEXT NOT NULL UNIQUE,
    replacement_id TEXT NOT NULL DEFAULT '',
    reason         TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    at             TEXT NOT NULL
) STRICT;

CREATE INDEX amendments_by_client ON amendments (client_id, at, id);

-- Drafts of open forms, so that a crash or a flat battery loses nothing typed.
CREATE TABLE drafts (
    key        TEXT PRIMARY KEY,
    form       TEXT NOT NULL,
    client_id  TEXT NOT NULL DEFAULT '',
    data       TEXT NOT NULL CHECK (json_valid(data)),
    updated_at TEXT NOT NULL
) STRICT;

-- Every summary that left the laptop.
CREATE TABLE exports (
    id          TEXT PRIMARY KEY,
    at          TEXT NOT NULL,
    range_from  TEXT NOT NULL,
    range_to    TEXT NOT NULL,
    client_id   TEXT NOT NULL DEFAULT '',
    format      TEXT NOT NULL,
    redacted    INTEGER NOT NULL CHECK (redacted IN (0,1)),
    records     INTEGER NOT NULL,
    destination TEXT NOT NULL,
    sha256      TEXT NOT NULL
) STRICT;

CREATE INDEX exports_by_time ON exports (at);

CREATE TABLE audit_log (
    seq       INTEGER PRIMARY KEY,
    at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    action    TEXT NOT NULL
) STRICT;

CREATE INDEX audit_log_by_time ON audit_log (at);

-- The legal record is append-only: corrections are amendments.
CREATE TRIGGER checkins_no_update BEFORE UPDATE ON checkins
BEGIN SELECT RAISE(ABORT, 'check-ins are append-only: record an amendment instead'); END;
CREATE TRIGGER checkins_no_delete BEFORE DELETE ON checkins
BEGIN SELECT RAISE(ABORT, 'check-ins are append-only: record an amendment instead'); END;
CREATE TRIGGER stage_notes_no_update BEFORE UPDATE ON stage_notes
BEGIN SELECT RAISE(ABORT, 'stage notes are append-only: record an amendment instead'); END;
CREATE TRIGGER stage_notes_no_delete BEFORE DELETE ON stage_notes
BEGIN SELECT RAISE(ABORT, 'stage notes are append-only: record an amendment instead'); END;
CREATE TRIGGER referral_events_no_update BEFORE UPDATE ON referral_events
BEGIN SELECT RAISE(ABORT, 'referral history is append-only: record an amendment instead'); END;
CREATE TRIGGER referral_events_no_delete BEFORE DELETE ON referral_events
BEGIN SELECT RAISE(ABORT, 'referral history is append-only: record an amendment instead'); END;
CREATE TRIGGER amendments_no_update BEFORE UPDATE ON amendments
BEGIN SELECT RAISE(ABORT, 'amendments are append-only'); END;
CREATE TRIGGER amendments_no_delete BEFORE DELETE ON amendments
BEGIN SELECT RAISE(ABORT, 'amendments are append-only'); END;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- Full-text search over every note. Notes never change (append-only), so
-- inserts are the only thing to keep in step.
CREATE VIRTUAL TABLE notes_fts USING fts5 (
    body,
    kind UNINDEXED,
    record_id UNINDEXED,
    client_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- A row here, written and removed inside one bulk transaction (the demo, an
-- import), pauses the note triggers: FTS5 flushes its index at every
-- statement that fires one, so a bulk load indexes its notes in one statement
-- at the end instead. No other connection ever sees the row.
CREATE TABLE fts_pause (one INTEGER PRIMARY KEY CHECK (one = 1)) STRICT;

CREATE TRIGGER checkins_fts AFTER INSERT ON checkins WHEN new.note <> '' AND NOT EXISTS (SELECT 1 FROM fts_pause)
BEGIN INSERT INTO notes_fts (body, kind, record_id, client_id) VALUES (new.note, 'checkin', new.id, new.client_id); END;
CREATE TRIGGER stage_notes_fts AFTER INSERT ON stage_notes WHEN new.note <> '' AND NOT EXISTS (SELECT 1 FROM fts_pause)
BEGIN INSERT INTO notes_fts (body, kind, record_id, client_id) VALUES (new.note, 'stage_note', new.id, new.client_id); END;
CREATE TRIGGER referral_events_fts AFTER INSERT ON referral_events WHEN new.note <> '' AND NOT EXISTS (SELECT 1 FROM fts_pause)
BEGIN INSERT INTO notes_fts (body, kind, record_id, client_id) VALUES (new.note, 'referral_event', new.id, new.client_id); END;

-- Search over the resource directory: name, description, categories and tags,
-- address. Resources are edited, so this one follows updates and deletes too.
CREATE VIRTUAL TABLE resources_fts USING fts5 (
    name, description, terms, address,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER resources_fts_insert AFTER INSERT ON resources BEGIN
    INSERT INTO resources_fts (rowid, name, description, terms, address)
    VALUES (new.seq, new.name, new.description, new.category || ' ' || new.tags, new.address);
END;
CREATE TRIGGER resources_fts_delete AFTER DELETE ON resources BEGIN
    DELETE FROM resources_fts WHERE rowid = old.seq;
END;
CREATE TRIGGER resources_fts_update AFTER UPDATE ON resources BEGIN
    DELETE FROM resources_fts WHERE rowid = old.seq;
    INSERT INTO resources_fts (rowid, name, description, terms, address)
    VALUES (new.seq, new.name, new.description, new.category || ' ' || new.tags, new.address);
END;

-- Every write, for the audit view: what changed, never the content.
CREATE TRIGGER audit_clients_insert AFTER INSERT ON clients BEGIN INSERT INTO audit_log (entity, entity_id, action) VALUES ('client', new.id, 'create'); END;
CREATE TRIGGER audit_clients_update AFTER UPDATE OF name, preferred_name, case_number, date_of_birth, phone, address, supervision_type, level, supervision_from, supervision_to, conditions, status, tags ON clients BEGIN INSERT INTO audit_log (entity, entity_id, action) VALUES ('client', new.id, 'update'); END;
CREATE TRIGGER audit_checkins_insert AFTER INSERT ON checkins BEGIN INSERT INTO audit_log (entity, entity_id, action) VALUES ('checkin', new.id, 'create'); END;
CREATE TRIGGER audit_stage_notes_insert AFTER INSERT ON stage_notes BEGIN INSERT INTO audit_log (entity, entity_id, action) VALUES ('stage_note', new.id, 'create'); END;
CREATE TRIGGER audit_resources_insert AFTER INSERT ON resources BEGIN INSERT INTO audit_log (entity, entity_id, action) VALUES ('resource', new.id, 'create'); END;
CREATE TRIGGER audit_resources_update AFTER UPDATE ON resources BEGIN INSERT INTO audit_log (entity, entity_id, action) VALUES ('resource', new.id, 'update'); END;
CREATE TRIGGER audit_resources_delete AFTER DELETE ON resources BEGIN INSERT INTO audit_log (entity, entity_id, action) VALUES ('resource', old.id, 'delete'); END;
CREATE TRIGGER audit_referrals_insert AFTER INSERT ON referrals BEGIN INSERT INTO audit_log (entity, entity_id, action) VALUES ('referral', new.id, 'create'); END;
CREATE TRIGGER audit_referral_events_insert AFTER INSERT ON referral_events BEGIN INSERT INTO audit_log (entity, entity_id, action) VALUES ('referral_event', new.id, 'create'); END;
CREATE TRIGGER audit_amendments_insert AFTER INSERT ON amendments BEGIN INSERT INTO audit_log (entity, entity_id, action) VALUES ('amendment', new.id, 'create'); END;
CREATE TRIGGER audit_settings_insert AFTER INSERT ON settings BEGIN INSERT INTO audit_log (entity, entity_id, action) VALUES ('settings', new.key, 'set'); END;
CREATE TRIGGER audit_settings_update AFTER UPDATE ON settings BEGIN INSERT INTO audit_log (entity, entity_id, action) VALUES ('settings', new.key, 'set'); END;
CREATE TRIGGER audit_exports_insert AFTER INSERT ON exports BEGIN INSERT INTO audit_log (entity, entity_id, action) VALUES ('export', new.id, 'export'); END;

-- Marks the file as a caseload database, so that Open can tell one from any
-- other SQLite file.
INSERT INTO settings (key, value) VALUES ('application', 'caseload');
