-- 0004: court-ordered conditions and their progress, court events,
-- violations and the responses to them, incentives, employment, arrests and
-- custody: what a client's log is made of. History is append-only; the few
-- columns that may change say so. The clients' free-text conditions are
-- turned into condition records by the step that runs with this file
-- (store/migrate_conditions.go); the text itself stays as it was.

CREATE TABLE conditions (
    id                  TEXT PRIMARY KEY,
    client_id           TEXT NOT NULL REFERENCES clients (id),
    kind                TEXT NOT NULL CHECK (kind IN ('report','no_new_offence','substance_testing','substance_use_treatment',
        'mental_health_treatment','programme','community_service','payment','curfew','electronic_monitoring','no_contact',
        'stay_away','employment','education','travel_restriction','other')),
    wording             TEXT NOT NULL CHECK (length(trim(wording)) > 0),
    ordered_on          TEXT NOT NULL CHECK (ordered_on <> ''),
    due_by              TEXT NOT NULL DEFAULT '' CHECK (due_by = '' OR due_by >= ordered_on),
    -- minutes, cents or sessions, by kind; 0 when none.
    target              INTEGER NOT NULL DEFAULT 0 CHECK (target >= 0),
    instalment          INTEGER NOT NULL DEFAULT 0 CHECK (instalment >= 0),
    first_instalment_on TEXT NOT NULL DEFAULT '',
    whom                TEXT NOT NULL DEFAULT '',
    status              TEXT NOT NULL CHECK (status IN ('not_started','in_progress','in_compliance','not_in_compliance',
        'completed','modified','waived')),
    -- When the log lists it: the start of the day it was ordered.
    at                  TEXT NOT NULL,
    created_at          TEXT NOT NULL,
    -- Kept from the progress entries in the same transaction as each one,
    -- so that the agenda and the caseload read an index, not the entries.
    done                INTEGER NOT NULL DEFAULT 0,
    next_due_on         TEXT NOT NULL DEFAULT '',
    CHECK (instalment = 0 OR (kind = 'payment' AND first_instalment_on <> ''))
) STRICT;

CREATE INDEX conditions_by_client ON conditions (client_id, at, id);
CREATE INDEX conditions_due ON conditions (next_due_on, client_id) WHERE next_due_on <> '';

CREATE TABLE condition_progress (
    id           TEXT PRIMARY KEY,
    condition_id TEXT NOT NULL REFERENCES conditions (id),
    client_id    TEXT NOT NULL REFERENCES clients (id),
    kind         TEXT NOT NULL CHECK (kind IN ('hours','payment','attended','missed','status')),
    at           TEXT NOT NULL,
    amount       INTEGER NOT NULL DEFAULT 0 CHECK ((kind IN ('hours','payment')) = (amount > 0) AND amount >= 0),
    place        TEXT NOT NULL DEFAULT '',
    receipt      TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL DEFAULT '',
    from_status  TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    CHECK ((kind = 'status') = (status <> ''))
) STRICT;

CREATE INDEX condition_progress_by_condition ON condition_progress (condition_id, at, id);
CREATE INDEX condition_progress_by_client ON condition_progress (client_id, at, id);
CREATE INDEX condition_progress_by_time ON condition_progress (at);

CREATE TABLE court_events (
    id              TEXT PRIMARY KEY,
    client_id       TEXT NOT NULL REFERENCES clients (id),
    kind            TEXT NOT NULL CHECK (kind IN ('sentencing','review','status_conference','violation_hearing',
        'revocation_hearing','early_termination_hearing','other')),
    at              TEXT NOT NULL,
    court           TEXT NOT NULL DEFAULT '',
    courtroom       TEXT NOT NULL DEFAULT '',
    judge           TEXT NOT NULL DEFAULT '',
    officer_attends INTEGER NOT NULL DEFAULT 0 CHECK (officer_attends IN (0,1)),
    report_due_on   TEXT NOT NULL DEFAULT '',
    outcome         TEXT NOT NULL DEFAULT '' CHECK (outcome IN ('','continued','conditions_modified','sanction_imposed',
        'revoked','terminated_early','other')),
    outcome_note    TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;

CREATE INDEX court_events_by_client ON court_events (client_id, at, id);
CREATE INDEX court_events_by_time ON court_events (at);

CREATE TABLE violations (
    id           TEXT PRIMARY KEY,
    client_id    TEXT NOT NULL REFERENCES clients (id),
    kind         TEXT NOT NULL CHECK (kind IN ('missed_contact','positive_or_refused_test','missed_treatment','new_arrest',
        'curfew_or_monitoring','failure_to_pay','failure_community_service','absconding','other')),
    at           TEXT NOT NULL,
    seriousness  TEXT NOT NULL CHECK (seriousness IN ('low','medium','high')),
    description  TEXT NOT NULL DEFAULT '',
    checkin_id   TEXT REFERENCES checkins (id),
    condition_id TEXT REFERENCES conditions (id),
    sensitive    INTEGER NOT NULL DEFAULT 0 CHECK (sensitive IN (0,1)),
    created_at   TEXT NOT NULL,
    -- Set, once, by the first response: the agenda lists the unanswered.
    answered     INTEGER NOT NULL DEFAULT 0 CHECK (answered IN (0,1))
) STRICT;

CREATE INDEX violations_by_client ON violations (client_id, at, id);
CREATE INDEX violations_unanswered ON violations (at, id) WHERE answered = 0;
CREATE INDEX violations_by_time ON violations (at);

CREATE TABLE responses (
    id           TEXT PRIMARY KEY,
    violation_id TEXT NOT NULL REFERENCES violations (id),
    client_id    TEXT NOT NULL REFERENCES clients (id),
    at           TEXT NOT NULL,
    step_key     TEXT NOT NULL CHECK (step_key <> ''),
    step_label   TEXT NOT NULL CHECK (step_label <> ''),
    tier         INTEGER NOT NULL CHECK (tier BETWEEN 1 AND 3),
    suggested    TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL
) STRICT;

CREATE INDEX responses_by_client ON responses (client_id, at, id);
CREATE INDEX responses_by_violation ON responses (violation_id, at);

CREATE TABLE incentives (
    id           TEXT PRIMARY KEY,
    client_id    TEXT NOT NULL REFERENCES clients (id),
    at           TEXT NOT NULL,
    step_key     TEXT NOT NULL CHECK (step_key <> ''),
    step_label   TEXT NOT NULL CHECK (step_label <> ''),
    tier         INTEGER NOT NULL CHECK (tier BETWEEN 1 AND 3),
    condition_id TEXT REFERENCES conditions (id),
    reason       TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL
) STRICT;

CREATE INDEX incentives_by_client ON incentives (client_id, at, id);
CREATE INDEX incentives_by_time ON incentives (at);

CREATE TABLE employment (
    id             TEXT PRIMARY KEY,
    client_id      TEXT NOT NULL REFERENCES clients (id),
    employer       TEXT NOT NULL CHECK (length(trim(employer)) > 0),
    position       TEXT NOT NULL DEFAULT '',
    start_on       TEXT NOT NULL CHECK (start_on <> ''),
    end_on         TEXT NOT NULL DEFAULT '' CHECK (end_on = '' OR end_on >= start_on),
    hours_per_week INTEGER NOT NULL DEFAULT 0 CHECK (hours_per_week BETWEEN 0 AND 100),
    verified_by    TEXT NOT NULL DEFAULT '' CHECK (verified_by IN ('','pay_stub','employer_call','site_visit')),
    verified_on    TEXT NOT NULL DEFAULT '',
    -- When the log lists it: the start of its first day.
    at             TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    CHECK ((verified_by = '') = (verified_on = ''))
) STRICT;

CREATE INDEX employment_by_client ON employment (client_id, at, id);

CREATE TABLE arrests (
    id         TEXT PRIMARY KEY,
    client_id  TEXT NOT NULL REFERENCES clients (id),
    at         TEXT NOT NULL,
    agency     TEXT NOT NULL CHECK (length(trim(agency)) > 0),
    charges    TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
) STRICT;

CREATE INDEX arrests_by_client ON arrests (client_id, at, id);

CREATE TABLE custody (
    id         TEXT PRIMARY KEY,
    client_id  TEXT NOT NULL REFERENCES clients (id),
    in_at      TEXT NOT NULL,
    out_at     TEXT NOT NULL DEFAULT '' CHECK (out_at = '' OR out_at > in_at),
    facility   TEXT NOT NULL CHECK (length(trim(facility)) > 0),
    reason     TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
) STRICT;

CREATE INDEX custody_by_client ON custody (client_id, in_at, id);

-- A referral's reason and a change's note may be marked as substance-use
-- information, as a check-in's note is.
ALTER TABLE referrals ADD COLUMN sensitive INTEGER NOT NULL DEFAULT 0 CHECK (sensitive IN (0,1));
ALTER TABLE referral_events ADD COLUMN sensitive INTEGER NOT NULL DEFAULT 0 CHECK (sensitive IN (0,1));

-- How many of a client's conditions are not in compliance, kept with the
-- conditions, for the caseload's badge.
ALTER TABLE clients ADD COLUMN not_compliant INTEGER NOT NULL DEFAULT 0;
CREATE INDEX clients_not_compliant ON clients (id) WHERE not_compliant > 0;

-- The log's drug-test filter: a client's check-ins with a test, in order.
CREATE INDEX checkins_tests_by_client ON checkins (client_id, at, id) WHERE test_result <> 'not_tested';

-- What the court ordered never changes: a change by the court is a new
-- condition. Only the status and the kept totals move.
CREATE TRIGGER conditions_as_ordered BEFORE UPDATE ON conditions
WHEN new.id IS NOT old.id OR new.client_id IS NOT old.client_id OR new.kind IS NOT old.kind
  OR new.wording IS NOT old.wording OR new.ordered_on IS NOT old.ordered_on OR new.due_by IS NOT old.due_by
  OR new.target IS NOT old.target OR new.instalment IS NOT old.instalment
  OR new.first_instalment_on IS NOT old.first_instalment_on OR new.whom IS NOT old.whom
  OR new.at IS NOT old.at OR new.created_at IS NOT old.created_at
BEGIN SELECT RAISE(ABORT, 'a condition stays as the court ordered it: record a new condition and mark this one modified'); END;
CREATE TRIGGER conditions_no_delete BEFORE DELETE ON conditions
BEGIN SELECT RAISE(ABORT, 'conditions are kept: mark one waived or modified instead'); END;
CREATE TRIGGER condition_progress_no_update BEFORE UPDATE ON condition_progress
BEGIN SELECT RAISE(ABORT, 'progress on a condition is append-only: record a new entry instead'); END;
CREATE TRIGGER condition_progress_no_delete BEFORE DELETE ON condition_progress
BEGIN SELECT RAISE(ABORT, 'progress on a condition is append-only: record a new entry instead'); END;
CREATE TRIGGER court_events_keep_client BEFORE UPDATE ON court_events
WHEN new.id IS NOT old.id OR new.client_id IS NOT old.client_id OR new.created_at IS NOT old.created_at
BEGIN SELECT RAISE(ABORT, 'a court event stays with its client'); END;
CREATE TRIGGER court_events_no_delete BEFORE DELETE ON court_events
BEGIN SELECT RAISE(ABORT, 'court events are kept: record the outcome instead'); END;
CREATE TRIGGER violations_only_answer BEFORE UPDATE ON violations
WHEN new.id IS NOT old.id OR new.client_id IS NOT old.client_id OR new.kind IS NOT old.kind OR new.at IS NOT old.at
  OR new.seriousness IS NOT old.seriousness OR new.description IS NOT old.description
  OR new.checkin_id IS NOT old.checkin_id OR new.condition_id IS NOT old.condition_id
  OR new.sensitive IS NOT old.sensitive OR new.created_at IS NOT old.created_at OR new.answered < old.answered
BEGIN SELECT RAISE(ABORT, 'violations are append-only: only a response may be recorded'); END;
CREATE TRIGGER violations_no_delete BEFORE DELETE ON violations
BEGIN SELECT RAISE(ABORT, 'violations are append-only'); END;
CREATE TRIGGER responses_no_update BEFORE UPDATE ON responses
BEGIN SELECT RAISE(ABORT, 'responses are append-only'); END;
CREATE TRIGGER responses_no_delete BEFORE DELETE ON responses
BEGIN SELECT RAISE(ABORT, 'responses are append-only'); END;
CREATE TRIGGER incentives_no_update BEFORE UPDATE ON incentives
BEGIN SELECT RAISE(ABORT, 'incentives are append-only'); END;
CREATE TRIGGER incentives_no_delete BEFORE DELETE ON incentives
BEGIN SELECT RAISE(ABORT, 'incentives are append-only'); END;
CREATE TRIGGER employment_keep_client BEFORE UPDATE ON employment
WHEN new.id IS NOT old.id OR new.client_id IS NOT old.client_id OR new.created_at IS NOT old.created_at
BEGIN SELECT RAISE(ABORT, 'a job stays with its client'); END;
CREATE TRIGGER employment_no_delete BEFORE DELETE ON employment
BEGIN SELECT RAISE(ABORT, 'jobs are kept: give an end date instead'); END;
CREATE TRIGGER arrests_no_update BEFORE UPDATE ON arrests
BEGIN SELECT RAISE(ABORT, 'arrests are append-only'); END;
CREATE TRIGGER arrests_no_delete BEFORE DELETE ON arrests
BEGIN SELECT RAISE(ABORT, 'arrests are append-only'); END;
CREATE TRIGGER custody_only_release BEFORE UPDATE ON custody
WHEN new.id IS NOT old.id OR new.client_id IS NOT old.client_id OR new.in_at IS NOT old.in_at
  OR new.facility IS NOT old.facility OR new.reason IS NOT old.reason OR new.created_at IS NOT old.created_at
  OR old.out_at <> '' OR new.out_at = ''
BEGIN SELECT RAISE(ABORT, 'custody is append-only: only the release may be recorded, once'); END;
CREATE TRIGGER custody_no_delete BEFORE DELETE ON custody
BEGIN SELECT RAISE(ABORT, 'custody is append-only'); END;

CREATE TRIGGER audit_conditions_insert AFTER INSERT ON conditions BEGIN INSERT INTO audit_log (entity, entity_id, action) VALUES ('condition', new.id, 'create'); END;
CREATE TRIGGER audit_conditions_status AFTER UPDATE OF status ON conditions WHEN new.status IS NOT old.status BEGIN INSERT INTO audit_log (entity, entity_id, action) VALUES ('condition', new.id, 'update'); END;
CREATE TRIGGER audit_condition_progress_insert AFTER INSERT ON condition_progress BEGIN INSERT INTO audit_log (entity, entity_id, action) VALUES ('condition_progress', new.id, 'create'); END;
CREATE TRIGGER audit_court_events_insert AFTER INSERT ON court_events BEGIN INSERT INTO audit_log (entity, entity_id, action) VALUES ('court_event', new.id, 'create'); END;
CREATE TRIGGER audit_court_events_update AFTER UPDATE ON court_events BEGIN INSERT INTO audit_log (entity, entity_id, action) VALUES ('court_event', new.id, 'update'); END;
CREATE TRIGGER audit_violations_insert AFTER INSERT ON violations BEGIN INSERT INTO audit_log (entity, entity_id, action) VALUES ('violation', new.id, 'create'); END;
CREATE TRIGGER audit_responses_insert AFTER INSERT ON responses BEGIN INSERT INTO audit_log (entity, entity_id, action) VALUES ('response', new.id, 'create'); END;
CREATE TRIGGER audit_incentives_insert AFTER INSERT ON incentives BEGIN INSERT INTO audit_log (entity, entity_id, action) VALUES ('incentive', new.id, 'create'); END;
CREATE TRIGGER audit_employment_insert AFTER INSERT ON employment BEGIN INSERT INTO audit_log (entity, entity_id, action) VALUES ('employment', new.id, 'create'); END;
CREATE TRIGGER audit_employment_update AFTER UPDATE ON employment BEGIN INSERT INTO audit_log (entity, entity_id, action) VALUES ('employment', new.id, 'update'); END;
CREATE TRIGGER audit_arrests_insert AFTER INSERT ON arrests BEGIN INSERT INTO audit_log (entity, entity_id, action) VALUES ('arrest', new.id, 'create'); END;
CREATE TRIGGER audit_custody_insert AFTER INSERT ON custody BEGIN INSERT INTO audit_log (entity, entity_id, action) VALUES ('custody', new.id, 'create'); END;
CREATE TRIGGER audit_custody_release AFTER UPDATE OF out_at ON custody BEGIN INSERT INTO audit_log (entity, entity_id, action) VALUES ('custody', new.id, 'release'); END;
