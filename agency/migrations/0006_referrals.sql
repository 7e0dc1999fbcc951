-- 0006: referrals with their history, and consents. A referral's status
-- moves with its events: the referral merges field by field, like a client,
-- and its events are history. A consent changes once, when revoked. Both
-- name a resource of the agency's directory: officers may now add a
-- resource to it (the one they refer a client to), while changing one stays
-- the supervisors'. A resource imported from an Open Referral file has the
-- same id on every laptop, so the directory holds it once.

CREATE TABLE caseload.referrals (
    id             uuid PRIMARY KEY,
    client_id      uuid NOT NULL REFERENCES caseload.clients (id),
    resource_id    uuid NOT NULL REFERENCES caseload.resources (id),
    reason         text NOT NULL,
    referred_on    text NOT NULL,
    status         text NOT NULL CHECK (status IN ('referred','scheduled','engaged','completed','declined','ineligible',
                       'waitlisted','no_show','discharged','cancelled')),
    appointment_at text NOT NULL DEFAULT '',
    follow_up_on   text NOT NULL DEFAULT '',
    outcome_note   text NOT NULL DEFAULT '',
    sensitive      integer NOT NULL DEFAULT 0 CHECK (sensitive IN (0,1)),
    created_at     text NOT NULL,
    updated_at     text NOT NULL,
    clocks         jsonb NOT NULL DEFAULT '{}',
    deleted        text NOT NULL DEFAULT '',
    txid           xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX referrals_by_client ON caseload.referrals (client_id);
CREATE INDEX referrals_by_txid ON caseload.referrals (txid, id);

CREATE TABLE caseload.referral_events (
    id             uuid PRIMARY KEY,
    referral_id    uuid NOT NULL REFERENCES caseload.referrals (id),
    client_id      uuid NOT NULL REFERENCES caseload.clients (id),
    at             text NOT NULL,
    from_status    text NOT NULL,
    to_status      text NOT NULL,
    note           text NOT NULL DEFAULT '',
    follow_up_on   text NOT NULL DEFAULT '',
    appointment_at text NOT NULL DEFAULT '',
    sensitive      integer NOT NULL DEFAULT 0 CHECK (sensitive IN (0,1)),
    created_at     text NOT NULL,
    pushed_by      name NOT NULL DEFAULT current_user,
    txid           xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX referral_events_by_client ON caseload.referral_events (client_id);
CREATE INDEX referral_events_by_txid ON caseload.referral_events (txid, id);

CREATE TABLE caseload.consents (
    id          uuid PRIMARY KEY,
    client_id   uuid NOT NULL REFERENCES caseload.clients (id),
    resource_id uuid REFERENCES caseload.resources (id),
    person      text NOT NULL DEFAULT '',
    kinds       text NOT NULL,
    purpose     text NOT NULL,
    signed_on   text NOT NULL,
    expires_on  text NOT NULL,
    revoked_on  text NOT NULL DEFAULT '',
    created_at  text NOT NULL,
    clocks      jsonb NOT NULL DEFAULT '{}',
    deleted     text NOT NULL DEFAULT '',
    txid        xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX consents_by_client ON caseload.consents (client_id);
CREATE INDEX consents_by_txid ON caseload.consents (txid, id);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['referrals','referral_events','consents'] LOOP
        EXECUTE format('ALTER TABLE caseload.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE caseload.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY owner_all ON caseload.%I TO caseload_owner USING (true) WITH CHECK (true)', t);
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON caseload.%I REFERENCING NEW TABLE AS written
            FOR EACH STATEMENT EXECUTE FUNCTION caseload.audit_rows()', t || '_audit_insert', t);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON caseload.%I REFERENCING NEW TABLE AS written
            FOR EACH STATEMENT EXECUTE FUNCTION caseload.audit_rows()', t || '_audit_update', t);
        EXECUTE format('GRANT SELECT ON caseload.%I TO officer, supervisor', t);
        EXECUTE format($p$CREATE POLICY %I ON caseload.%I FOR SELECT TO officer, supervisor
            USING (EXISTS (SELECT 1 FROM caseload.clients c WHERE c.id = client_id))$p$, t || '_read', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['referrals','consents'] LOOP
        EXECUTE format('GRANT INSERT, UPDATE ON caseload.%I TO officer', t);
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON caseload.%I FOR EACH ROW EXECUTE FUNCTION caseload.stamp_txid()', t || '_txid', t);
        EXECUTE format($p$CREATE POLICY %I ON caseload.%I FOR INSERT TO officer
            WITH CHECK (EXISTS (SELECT 1 FROM caseload.clients c WHERE c.id = client_id AND c.owner = current_user))$p$, t || '_add', t);
        EXECUTE format($p$CREATE POLICY %I ON caseload.%I FOR UPDATE TO officer
            USING (EXISTS (SELECT 1 FROM caseload.clients c WHERE c.id = client_id AND c.owner = current_user))
            WITH CHECK (EXISTS (SELECT 1 FROM caseload.clients c WHERE c.id = client_id AND c.owner = current_user))$p$, t || '_change', t);
    END LOOP;
END $$;

GRANT INSERT ON caseload.referral_events TO officer;
CREATE POLICY referral_events_add ON caseload.referral_events FOR INSERT TO officer
    WITH CHECK (pushed_by = current_user
        AND EXISTS (SELECT 1 FROM caseload.clients c WHERE c.id = client_id AND c.owner = current_user));

-- Officers add to the directory; supervisors keep changing it.
GRANT INSERT ON caseload.resources TO officer;
CREATE POLICY resources_add_by_officers ON caseload.resources FOR INSERT TO officer WITH CHECK (true);

-- An officer logs the creation of the resource they added, as a supervisor
-- logs every change to the directory.
ALTER POLICY field_ops_add ON caseload.field_ops
    WITH CHECK (by_role = current_user AND CASE
        WHEN client_id IS NULL THEN pg_has_role(current_user, 'supervisor', 'MEMBER') OR (tbl = 'resources' AND field = '')
        ELSE EXISTS (SELECT 1 FROM caseload.clients c WHERE c.id = client_id AND c.owner = current_user) END);
