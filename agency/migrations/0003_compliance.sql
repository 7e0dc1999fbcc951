-- 0003: the conditions of supervision and what follows them. Conditions,
-- hearings, jobs and custody change (a status, an outcome, an end date, a
-- release) and merge field by field, like clients: officers insert and
-- update those of their own clients. Progress, violations, responses,
-- incentives, arrests and relapse-prevention plans are history: officers
-- read and add those of their own clients, never change one. Supervisors
-- read the team's. What each laptop works out for itself (a condition's
-- total and next due date, whether a violation has had its response) is not
-- kept here.

CREATE TABLE caseload.conditions (
    id                  uuid PRIMARY KEY,
    client_id           uuid NOT NULL REFERENCES caseload.clients (id),
    kind                text NOT NULL CHECK (kind IN ('report','no_new_offence','substance_testing','substance_use_treatment',
                            'mental_health_treatment','programme','community_service','payment','curfew','electronic_monitoring',
                            'no_contact','stay_away','employment','education','travel_restriction','other')),
    wording             text NOT NULL,
    ordered_on          text NOT NULL,
    due_by              text NOT NULL DEFAULT '',
    target              bigint NOT NULL DEFAULT 0,
    instalment          bigint NOT NULL DEFAULT 0,
    first_instalment_on text NOT NULL DEFAULT '',
    whom                text NOT NULL DEFAULT '',
    status              text NOT NULL CHECK (status IN ('not_started','in_progress','in_compliance','not_in_compliance',
                            'completed','modified','waived')),
    at                  text NOT NULL,
    created_at          text NOT NULL,
    clocks              jsonb NOT NULL DEFAULT '{}',
    deleted             text NOT NULL DEFAULT '',
    txid                xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX conditions_by_client ON caseload.conditions (client_id);
CREATE INDEX conditions_by_txid ON caseload.conditions (txid, id);

CREATE TABLE caseload.condition_progress (
    id           uuid PRIMARY KEY,
    condition_id uuid NOT NULL REFERENCES caseload.conditions (id),
    client_id    uuid NOT NULL REFERENCES caseload.clients (id),
    kind         text NOT NULL CHECK (kind IN ('hours','payment','attended','missed','status')),
    at           text NOT NULL,
    amount       bigint NOT NULL DEFAULT 0,
    place        text NOT NULL DEFAULT '',
    receipt      text NOT NULL DEFAULT '',
    status       text NOT NULL DEFAULT '',
    from_status  text NOT NULL DEFAULT '',
    note         text NOT NULL DEFAULT '',
    created_at   text NOT NULL,
    pushed_by    name NOT NULL DEFAULT current_user,
    txid         xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX condition_progress_by_client ON caseload.condition_progress (client_id);
CREATE INDEX condition_progress_by_txid ON caseload.condition_progress (txid, id);

CREATE TABLE caseload.violations (
    id           uuid PRIMARY KEY,
    client_id    uuid NOT NULL REFERENCES caseload.clients (id),
    kind         text NOT NULL CHECK (kind IN ('missed_contact','positive_or_refused_test','missed_treatment','new_arrest',
                     'curfew_or_monitoring','failure_to_pay','failure_community_service','absconding','other')),
    at           text NOT NULL,
    seriousness  text NOT NULL CHECK (seriousness IN ('low','medium','high')),
    description  text NOT NULL DEFAULT '',
    checkin_id   uuid REFERENCES caseload.checkins (id),
    condition_id uuid REFERENCES caseload.conditions (id),
    sensitive    integer NOT NULL DEFAULT 0 CHECK (sensitive IN (0,1)),
    created_at   text NOT NULL,
    pushed_by    name NOT NULL DEFAULT current_user,
    txid         xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX violations_by_client ON caseload.violations (client_id);
CREATE INDEX violations_by_txid ON caseload.violations (txid, id);

CREATE TABLE caseload.responses (
    id           uuid PRIMARY KEY,
    violation_id uuid NOT NULL REFERENCES caseload.violations (id),
    client_id    uuid NOT NULL REFERENCES caseload.clients (id),
    at           text NOT NULL,
    step_key     text NOT NULL,
    step_label   text NOT NULL,
    tier         integer NOT NULL CHECK (tier BETWEEN 1 AND 3),
    suggested    text NOT NULL DEFAULT '',
    note         text NOT NULL DEFAULT '',
    created_at   text NOT NULL,
    pushed_by    name NOT NULL DEFAULT current_user,
    txid         xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX responses_by_client ON caseload.responses (client_id);
CREATE INDEX responses_by_txid ON caseload.responses (txid, id);

CREATE TABLE caseload.incentives (
    id           uuid PRIMARY KEY,
    client_id    uuid NOT NULL REFERENCES caseload.clients (id),
    at           text NOT NULL,
    step_key     text NOT NULL,
    step_label   text NOT NULL,
    tier         integer NOT NULL CHECK (tier BETWEEN 1 AND 3),
    condition_id uuid REFERENCES caseload.conditions (id),
    reason       text NOT NULL DEFAULT '',
    created_at   text NOT NULL,
    pushed_by    name NOT NULL DEFAULT current_user,
    txid         xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX incentives_by_client ON caseload.incentives (client_id);
CREATE INDEX incentives_by_txid ON caseload.incentives (txid, id);

CREATE TABLE caseload.arrests (
    id         uuid PRIMARY KEY,
    client_id  uuid NOT NULL REFERENCES caseload.clients (id),
    at         text NOT NULL,
    agency     text NOT NULL,
    charges    text NOT NULL DEFAULT '',
    created_at text NOT NULL,
    pushed_by  name NOT NULL DEFAULT current_user,
    txid       xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX arrests_by_client ON caseload.arrests (client_id);
CREATE INDEX arrests_by_txid ON caseload.arrests (txid, id);

CREATE TABLE caseload.custody (
    id         uuid PRIMARY KEY,
    client_id  uuid NOT NULL REFERENCES caseload.clients (id),
    in_at      text NOT NULL,
    out_at     text NOT NULL DEFAULT '',
    facility   text NOT NULL,
    reason     text NOT NULL DEFAULT '',
    created_at text NOT NULL,
    clocks     jsonb NOT NULL DEFAULT '{}',
    deleted    text NOT NULL DEFAULT '',
    txid       xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX custody_by_client ON caseload.custody (client_id);
CREATE INDEX custody_by_txid ON caseload.custody (txid, id);

CREATE TABLE caseload.court_events (
    id              uuid PRIMARY KEY,
    client_id       uuid NOT NULL REFERENCES caseload.clients (id),
    kind            text NOT NULL CHECK (kind IN ('sentencing','review','status_conference','violation_hearing',
                        'revocation_hearing','early_termination_hearing','other')),
    at              text NOT NULL,
    court           text NOT NULL DEFAULT '',
    courtroom       text NOT NULL DEFAULT '',
    judge           text NOT NULL DEFAULT '',
    officer_attends integer NOT NULL DEFAULT 0 CHECK (officer_attends IN (0,1)),
    report_due_on   text NOT NULL DEFAULT '',
    outcome         text NOT NULL DEFAULT '' CHECK (outcome IN ('','continued','conditions_modified','sanction_imposed',
                        'revoked','terminated_early','other')),
    outcome_note    text NOT NULL DEFAULT '',
    created_at      text NOT NULL,
    updated_at      text NOT NULL,
    clocks          jsonb NOT NULL DEFAULT '{}',
    deleted         text NOT NULL DEFAULT '',
    txid            xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX court_events_by_client ON caseload.court_events (client_id);
CREATE INDEX court_events_by_txid ON caseload.court_events (txid, id);

CREATE TABLE caseload.employment (
    id             uuid PRIMARY KEY,
    client_id      uuid NOT NULL REFERENCES caseload.clients (id),
    employer       text NOT NULL,
    position       text NOT NULL DEFAULT '',
    start_on       text NOT NULL,
    end_on         text NOT NULL DEFAULT '',
    hours_per_week integer NOT NULL DEFAULT 0,
    verified_by    text NOT NULL DEFAULT '' CHECK (verified_by IN ('','pay_stub','employer_call','site_visit')),
    verified_on    text NOT NULL DEFAULT '',
    at             text NOT NULL,
    created_at     text NOT NULL,
    updated_at     text NOT NULL,
    clocks         jsonb NOT NULL DEFAULT '{}',
    deleted        text NOT NULL DEFAULT '',
    txid           xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX employment_by_client ON caseload.employment (client_id);
CREATE INDEX employment_by_txid ON caseload.employment (txid, id);

CREATE TABLE caseload.relapse_plans (
    id            uuid PRIMARY KEY,
    client_id     uuid NOT NULL REFERENCES caseload.clients (id),
    version       integer NOT NULL CHECK (version >= 1),
    people        text NOT NULL DEFAULT '[]',
    places        text NOT NULL DEFAULT '[]',
    feelings      text NOT NULL DEFAULT '[]',
    situations    text NOT NULL DEFAULT '[]',
    warning_signs text NOT NULL DEFAULT '[]',
    coping        text NOT NULL DEFAULT '[]',
    supports      text NOT NULL DEFAULT '[]',
    note          text NOT NULL DEFAULT '',
    at            text NOT NULL,
    pushed_by     name NOT NULL DEFAULT current_user,
    txid          xid8 NOT NULL DEFAULT pg_current_xact_id(),
    -- The same version made on two laptops of one officer: the second is
    -- refused and filed for review.
    UNIQUE (client_id, version)
);
CREATE INDEX relapse_plans_by_txid ON caseload.relapse_plans (txid, id);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['conditions','condition_progress','violations','responses','incentives','arrests','custody',
            'court_events','employment','relapse_plans'] LOOP
        EXECUTE format('ALTER TABLE caseload.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE caseload.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY owner_all ON caseload.%I TO caseload_owner USING (true) WITH CHECK (true)', t);
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE ON caseload.%I FOR EACH ROW EXECUTE FUNCTION caseload.audit()', t || '_audit', t);
        EXECUTE format('GRANT SELECT ON caseload.%I TO officer, supervisor', t);
        EXECUTE format($p$CREATE POLICY %I ON caseload.%I FOR SELECT TO officer, supervisor
            USING (EXISTS (SELECT 1 FROM caseload.clients c WHERE c.id = client_id))$p$, t || '_read', t);
    END LOOP;
    -- History: officers add their own clients' records, never change one.
    FOREACH t IN ARRAY ARRAY['condition_progress','violations','responses','incentives','arrests','relapse_plans'] LOOP
        EXECUTE format('GRANT INSERT ON caseload.%I TO officer', t);
        EXECUTE format($p$CREATE POLICY %I ON caseload.%I FOR INSERT TO officer
            WITH CHECK (pushed_by = current_user
                AND EXISTS (SELECT 1 FROM caseload.clients c WHERE c.id = client_id AND c.owner = current_user))$p$, t || '_add', t);
    END LOOP;
    -- Records that change: officers add and change their own clients'; a
    -- change moves the row past the laptops' cursors. Nobody deletes.
    FOREACH t IN ARRAY ARRAY['conditions','custody','court_events','employment'] LOOP
        EXECUTE format('GRANT INSERT, UPDATE ON caseload.%I TO officer', t);
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON caseload.%I FOR EACH ROW EXECUTE FUNCTION caseload.stamp_txid()', t || '_txid', t);
        EXECUTE format($p$CREATE POLICY %I ON caseload.%I FOR INSERT TO officer
            WITH CHECK (EXISTS (SELECT 1 FROM caseload.clients c WHERE c.id = client_id AND c.owner = current_user))$p$, t || '_add', t);
        EXECUTE format($p$CREATE POLICY %I ON caseload.%I FOR UPDATE TO officer
            USING (EXISTS (SELECT 1 FROM caseload.clients c WHERE c.id = client_id AND c.owner = current_user))
            WITH CHECK (EXISTS (SELECT 1 FROM caseload.clients c WHERE c.id = client_id AND c.owner = current_user))$p$, t || '_change', t);
    END LOOP;
END $$;
