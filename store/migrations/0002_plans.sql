-- 0002: supervision plans, relapse-prevention plans, consent to share and
-- brief screenings. Plans and screenings are part of the record: they are
-- never changed in place; a change is a new version with the next number.

CREATE TABLE screenings (
    id         TEXT PRIMARY KEY,
    client_id  TEXT NOT NULL REFERENCES clients (id),
    instrument TEXT NOT NULL CHECK (instrument IN ('phq2','phq9','gad2','gad7','auditc','readiness')),
    at         TEXT NOT NULL,
    -- The points of each answer, in the published order of the questions.
    answers    TEXT NOT NULL CHECK (json_valid(answers) AND json_type(answers) = 'array' AND json_array_length(answers) > 0),
    -- The total as scored when saved, so that a list needs no JSON.
    total      INTEGER NOT NULL CHECK (total >= 0),
    note       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
) STRICT;

CREATE INDEX screenings_by_client ON screenings (client_id, at, id);
CREATE INDEX screenings_by_time ON screenings (at);

-- A goal is its id and owner; what it says lives in its versions.
CREATE TABLE goals (
    id         TEXT PRIMARY KEY,
    client_id  TEXT NOT NULL REFERENCES clients (id),
    created_at TEXT NOT NULL
) STRICT;

CREATE INDEX goals_by_client ON goals (client_id, created_at, id);

CREATE TABLE goal_versions (
    goal_id      TEXT NOT NULL REFERENCES goals (id),
    version      INTEGER NOT NULL CHECK (version >= 1),
    domain       TEXT NOT NULL CHECK (domain IN ('substance_use','mental_health','employment','education','housing','family','finances','thinking','other')),
    words        TEXT NOT NULL CHECK (length(trim(words)) > 0),
    steps        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(steps)),
    target_date  TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL CHECK (status IN ('open','achieved','changed','dropped')),
    referral_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(referral_ids)),
    note         TEXT NOT NULL DEFAULT '',
    at           TEXT NOT NULL,
    PRIMARY KEY (goal_id, version)
) STRICT, WITHOUT ROWID;

CREATE TABLE relapse_plans (
    id            TEXT PRIMARY KEY,
    client_id     TEXT NOT NULL REFERENCES clients (id),
    version       INTEGER NOT NULL CHECK (version >= 1),
    people        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(people)),
    places        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(places)),
    feelings      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(feelings)),
    situations    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(situations)),
    warning_signs TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(warning_signs)),
    coping        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(coping)),
    supports      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(supports)),
    note          TEXT NOT NULL DEFAULT '',
    at            TEXT NOT NULL,
    UNIQUE (client_id, version)
) STRICT;

-- A consent is kept as signed; the one change allowed is recording, once,
-- the day the client revoked it.
CREATE TABLE consents (
    id          TEXT PRIMARY KEY,
    client_id   TEXT NOT NULL REFERENCES clients (id),
    resource_id TEXT REFERENCES resources (id),
    person      TEXT NOT NULL DEFAULT '',
    kinds       TEXT NOT NULL CHECK (json_valid(kinds) AND json_type(kinds) = 'array' AND json_array_length(kinds) > 0),
    purpose     TEXT NOT NULL CHECK (length(trim(purpose)) > 0),
    signed_on   TEXT NOT NULL CHECK (signed_on <> ''),
    expires_on  TEXT NOT NULL CHECK (expires_on >= signed_on),
    revoked_on  TEXT NOT NULL DEFAULT '' CHECK (revoked_on = '' OR revoked_on >= signed_on),
    created_at  TEXT NOT NULL,
    CHECK ((resource_id IS NULL) <> (person = ''))
) STRICT;

CREATE INDEX consents_by_client ON consents (client_id, signed_on, id);
CREATE INDEX consents_by_resource ON consents (resource_id) WHERE resource_id IS NOT NULL;

-- Versions follow one another without gaps, so "the latest version" is
-- always the current state and no save can be lost to a race.
CREATE TRIGGER goal_versions_in_order BEFORE INSERT ON goal_versions
WHEN new.version <> 1 + coalesce((SELECT max(version) FROM goal_versions WHERE goal_id = new.goal_id), 0)
BEGIN SELECT RAISE(ABORT, 'goal versions follow one another: reload the goal and save again'); END;
CREATE TRIGGER relapse_plans_in_order BEFORE INSERT ON relapse_plans
WHEN new.version <> 1 + coalesce((SELECT max(version) FROM relapse_plans WHERE client_id = new.client_id), 0)
BEGIN SELECT RAISE(ABORT, 'relapse-prevention plan versions follow one another: reload the plan and save again'); END;

CREATE TRIGGER screenings_no_update BEFORE UPDATE ON screenings
BEGIN SELECT RAISE(ABORT, 'screenings are append-only: record a new screening instead'); END;
CREATE TRIGGER screenings_no_delete BEFORE DELETE ON screenings
BEGIN SELECT RAISE(ABORT, 'screenings are append-only: record a new screening instead'); END;
CREATE TRIGGER goals_no_update BEFORE UPDATE ON goals
BEGIN SELECT RAISE(ABORT, 'goals are append-only: save a new version instead'); END;
CREATE TRIGGER goals_no_delete BEFORE DELETE ON goals
BEGIN SELECT RAISE(ABORT, 'goals are append-only: save a new version instead'); END;
CREATE TRIGGER goal_versions_no_update BEFORE UPDATE ON goal_versions
BEGIN SELECT RAISE(ABORT, 'goal history is append-only: save a new version instead'); END;
CREATE TRIGGER goal_versions_no_delete BEFORE DELETE ON goal_versions
BEGIN SELECT RAISE(ABORT, 'goal history is append-only: save a new version instead'); END;
CREATE TRIGGER relapse_plans_no_update BEFORE UPDATE ON relapse_plans
BEGIN SELECT RAISE(ABORT, 'relapse-prevention plans are append-only: save a new version instead'); END;
CREATE TRIGGER relapse_plans_no_delete BEFORE DELETE ON relapse_plans
BEGIN SELECT RAISE(ABORT, 'relapse-prevention plans are append-only: save a new version instead'); END;
CREATE TRIGGER consents_no_delete BEFORE DELETE ON consents
BEGIN SELECT RAISE(ABORT, 'consents are append-only: record a revocation instead'); END;
CREATE TRIGGER consents_only_revoke BEFORE UPDATE ON consents
WHEN new.id IS NOT old.id OR new.client_id IS NOT old.client_id OR new.resource_id IS NOT old.resource_id
  OR new.person IS NOT old.person OR new.kinds IS NOT old.kinds OR new.purpose IS NOT old.purpose
  OR new.signed_on IS NOT old.signed_on OR new.expires_on IS NOT old.expires_on OR new.created_at IS NOT old.created_at
  OR old.revoked_on <> '' OR new.revoked_on = ''
BEGIN SELECT RAISE(ABORT, 'consents are append-only: only a revocation may be recorded, once'); END;

CREATE TRIGGER audit_screenings_insert AFTER INSERT ON screenings BEGIN INSERT INTO audit_log (entity, entity_id, action) VALUES ('screening', new.id, 'create'); END;
CREATE TRIGGER audit_goal_versions_insert AFTER INSERT ON goal_versions BEGIN INSERT INTO audit_log (entity, entity_id, action) VALUES ('goal', new.goal_id, CASE new.version WHEN 1 THEN 'create' ELSE 'update' END); END;
CREATE TRIGGER audit_relapse_plans_insert AFTER INSERT ON relapse_plans BEGIN INSERT INTO audit_log (entity, entity_id, action) VALUES ('relapse_plan', new.id, CASE new.version WHEN 1 THEN 'create' ELSE 'update' END); END;
CREATE TRIGGER audit_consents_insert AFTER INSERT ON consents BEGIN INSERT INTO audit_log (entity, entity_id, action) VALUES ('consent', new.id, 'create'); END;
CREATE TRIGGER audit_consents_revoke AFTER UPDATE OF revoked_on ON consents BEGIN INSERT INTO audit_log (entity, entity_id, action) VALUES ('consent', new.id, 'revoke'); END;
