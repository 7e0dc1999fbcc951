-- 0007: supervision-plan goals and their versions, as history: officers
-- read and add those of their own clients, never change one; supervisors
-- read the team's. A goal version's id is made from its goal and number on
-- the laptop, so the same version made on two laptops of one officer is
-- refused the second time and filed for review.

CREATE TABLE caseload.goals (
    id         uuid PRIMARY KEY,
    client_id  uuid NOT NULL REFERENCES caseload.clients (id),
    created_at text NOT NULL,
    pushed_by  name NOT NULL DEFAULT current_user,
    txid       xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX goals_by_client ON caseload.goals (client_id);
CREATE INDEX goals_by_txid ON caseload.goals (txid, id);

CREATE TABLE caseload.goal_versions (
    id           uuid PRIMARY KEY,
    goal_id      uuid NOT NULL REFERENCES caseload.goals (id),
    client_id    uuid NOT NULL REFERENCES caseload.clients (id),
    version      integer NOT NULL CHECK (version >= 1),
    domain       text NOT NULL,
    words        text NOT NULL,
    steps        text NOT NULL DEFAULT '[]',
    target_date  text NOT NULL DEFAULT '',
    status       text NOT NULL CHECK (status IN ('open','achieved','changed','dropped')),
    referral_ids text NOT NULL DEFAULT '[]',
    note         text NOT NULL DEFAULT '',
    at           text NOT NULL,
    pushed_by    name NOT NULL DEFAULT current_user,
    txid         xid8 NOT NULL DEFAULT pg_current_xact_id(),
    UNIQUE (goal_id, version)
);
CREATE INDEX goal_versions_by_client ON caseload.goal_versions (client_id);
CREATE INDEX goal_versions_by_txid ON caseload.goal_versions (txid, id);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['goals','goal_versions'] LOOP
        EXECUTE format('ALTER TABLE caseload.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE caseload.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY owner_all ON caseload.%I TO caseload_owner USING (true) WITH CHECK (true)', t);
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON caseload.%I REFERENCING NEW TABLE AS written
            FOR EACH STATEMENT EXECUTE FUNCTION caseload.audit_rows()', t || '_audit_insert', t);
        EXECUTE format('GRANT SELECT ON caseload.%I TO officer, supervisor', t);
        EXECUTE format('GRANT INSERT ON caseload.%I TO officer', t);
        EXECUTE format($p$CREATE POLICY %I ON caseload.%I FOR SELECT TO officer, supervisor
            USING (EXISTS (SELECT 1 FROM caseload.clients c WHERE c.id = client_id))$p$, t || '_read', t);
        EXECUTE format($p$CREATE POLICY %I ON caseload.%I FOR INSERT TO officer
            WITH CHECK (pushed_by = current_user
                AND EXISTS (SELECT 1 FROM caseload.clients c WHERE c.id = client_id AND c.owner = current_user))$p$, t || '_add', t);
    END LOOP;
END $$;
