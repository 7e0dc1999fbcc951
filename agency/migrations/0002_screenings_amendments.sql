-- 0002: brief screenings and amendments travel too. Both are history:
-- officers read and add those of their own clients, never change one;
-- supervisors read the team's.

CREATE TABLE caseload.screenings (
    id         uuid PRIMARY KEY,
    client_id  uuid NOT NULL REFERENCES caseload.clients (id),
    instrument text NOT NULL CHECK (instrument IN ('phq2','phq9','gad2','gad7','auditc','readiness')),
    at         text NOT NULL,
    answers    text NOT NULL,
    total      integer NOT NULL CHECK (total >= 0),
    note       text NOT NULL DEFAULT '',
    created_at text NOT NULL,
    pushed_by  name NOT NULL DEFAULT current_user,
    txid       xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX screenings_by_client ON caseload.screenings (client_id);
CREATE INDEX screenings_by_txid ON caseload.screenings (txid, id);

-- One amendment per record: a second, made on another laptop without
-- seeing the first, is refused and filed for review.
CREATE TABLE caseload.amendments (
    id             uuid PRIMARY KEY,
    client_id      uuid NOT NULL REFERENCES caseload.clients (id),
    target_kind    text NOT NULL CHECK (target_kind IN ('checkin','stage_note','referral_event')),
    target_id      text NOT NULL UNIQUE,
    replacement_id text NOT NULL DEFAULT '',
    reason         text NOT NULL CHECK (length(trim(reason)) > 0),
    at             text NOT NULL,
    pushed_by      name NOT NULL DEFAULT current_user,
    txid           xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX amendments_by_client ON caseload.amendments (client_id);
CREATE INDEX amendments_by_txid ON caseload.amendments (txid, id);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['screenings','amendments'] LOOP
        EXECUTE format('ALTER TABLE caseload.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE caseload.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY owner_all ON caseload.%I TO caseload_owner USING (true) WITH CHECK (true)', t);
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE ON caseload.%I FOR EACH ROW EXECUTE FUNCTION caseload.audit()', t || '_audit', t);
        EXECUTE format('GRANT SELECT ON caseload.%I TO officer, supervisor', t);
        EXECUTE format('GRANT INSERT ON caseload.%I TO officer', t);
        EXECUTE format($p$CREATE POLICY %I ON caseload.%I FOR SELECT TO officer, supervisor
            USING (EXISTS (SELECT 1 FROM caseload.clients c WHERE c.id = client_id))$p$, t || '_read', t);
        EXECUTE format($p$CREATE POLICY %I ON caseload.%I FOR INSERT TO officer
            WITH CHECK (pushed_by = current_user
                AND EXISTS (SELECT 1 FROM caseload.clients c WHERE c.id = client_id AND c.owner = current_user))$p$, t || '_add', t);
    END LOOP;
END $$;
