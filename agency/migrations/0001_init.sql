-- 0001: the agency's server: who works here, the caseloads, and the rules of
-- who sees what, enforced by PostgreSQL's row-level security.
--
-- Runs as caseload_owner (the migration runner sets the role), so that every
-- table belongs to that NOLOGIN role and no officer or supervisor owns
-- anything. Policies look at current_user only: a custom setting
-- (current_setting) can be set by any session, and laptops connect directly.
--
-- Record columns mirror the laptop's file (times as UTC text, lists as JSON
-- text) so that a record reads back byte for byte. Every synced row carries
-- txid, the id of the transaction that last wrote it: laptops pull in
-- (txid, id) order below the oldest transaction still running, so a row
-- whose transaction commits late is never skipped.

-- Officers and supervisors: one login role each, and the team a supervisor
-- leads.
CREATE TABLE caseload.staff (
    role       name PRIMARY KEY,
    kind       text NOT NULL CHECK (kind IN ('officer', 'supervisor')),
    supervisor name REFERENCES caseload.staff (role),
    added_at   timestamptz NOT NULL DEFAULT now()
);

-- supervises(owner): whether the current role is owner or leads owner's
-- team. SECURITY DEFINER so that it reads staff whatever the caller may; it
-- takes the caller's name as an argument, because inside it current_user is
-- the function's owner.
CREATE FUNCTION caseload.sees(owner name, caller name) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, caseload AS $$
    SELECT owner = caller
        OR EXISTS (SELECT 1 FROM caseload.staff s WHERE s.role = owner AND s.supervisor = caller)
$$;

-- stamp_txid: every write of a synced row moves it past the laptops' cursors.
CREATE FUNCTION caseload.stamp_txid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.txid := pg_current_xact_id();
    RETURN NEW;
END $$;

CREATE TABLE caseload.clients (
    id               uuid PRIMARY KEY,
    owner            name NOT NULL DEFAULT current_user,
    name             text NOT NULL,
    preferred_name   text NOT NULL DEFAULT '',
    case_number      text NOT NULL,
    date_of_birth    text NOT NULL DEFAULT '',
    phone            text NOT NULL DEFAULT '',
    address          text NOT NULL DEFAULT '',
    supervision_type text NOT NULL CHECK (supervision_type IN ('probation','parole','pretrial','diversion')),
    level            text NOT NULL CHECK (level IN ('low','moderate','high','intensive')),
    supervision_from text NOT NULL DEFAULT '',
    supervision_to   text NOT NULL DEFAULT '',
    conditions       text NOT NULL DEFAULT '',
    status           text NOT NULL CHECK (status IN ('active','closed','absconded','in_custody')),
    tags             text NOT NULL DEFAULT '[]',
    created_at       text NOT NULL,
    updated_at       text NOT NULL,
    -- The hybrid logical clock stamp of each field's last write, and of
    -- the delete ('' while the row lives): the server applies a field
    -- operation only when it is later.
    clocks           jsonb NOT NULL DEFAULT '{}',
    deleted          text NOT NULL DEFAULT '',
    txid             xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE UNIQUE INDEX clients_case_number ON caseload.clients (lower(case_number));
CREATE INDEX clients_by_owner ON caseload.clients (owner);
CREATE INDEX clients_by_txid ON caseload.clients (txid, id);

CREATE TABLE caseload.checkins (
    id               uuid PRIMARY KEY,
    client_id        uuid NOT NULL REFERENCES caseload.clients (id),
    at               text NOT NULL,
    type             text NOT NULL CHECK (type IN ('office','home','field','phone','video','collateral')),
    outcome          text NOT NULL CHECK (outcome IN ('completed','attempted','no_show','rescheduled')),
    location         text NOT NULL DEFAULT '',
    test_result      text NOT NULL CHECK (test_result IN ('not_tested','negative','positive','refused','dilute','admitted')),
    substances       text NOT NULL DEFAULT '[]',
    stage            text NOT NULL DEFAULT '',
    flags            text NOT NULL DEFAULT '[]',
    note             text NOT NULL DEFAULT '',
    sensitive        integer NOT NULL DEFAULT 0 CHECK (sensitive IN (0,1)),
    next_appointment_at text NOT NULL DEFAULT '',
    created_at       text NOT NULL,
    pushed_by        name NOT NULL DEFAULT current_user,
    txid             xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX checkins_by_client ON caseload.checkins (client_id);
CREATE INDEX checkins_by_txid ON caseload.checkins (txid, id);

CREATE TABLE caseload.stage_notes (
    id         uuid PRIMARY KEY,
    client_id  uuid NOT NULL REFERENCES caseload.clients (id),
    checkin_id uuid REFERENCES caseload.checkins (id),
    at         text NOT NULL,
    stage      text NOT NULL CHECK (stage IN ('precontemplation','contemplation','preparation','action','maintenance','recurrence')),
    note       text NOT NULL DEFAULT '',
    sensitive  integer NOT NULL DEFAULT 0 CHECK (sensitive IN (0,1)),
    created_at text NOT NULL,
    pushed_by  name NOT NULL DEFAULT current_user,
    txid       xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX stage_notes_by_client ON caseload.stage_notes (client_id);
CREATE INDEX stage_notes_by_txid ON caseload.stage_notes (txid, id);

-- Agency-wide records: readable by everyone, written by supervisors.
CREATE TABLE caseload.resources (
    id          uuid PRIMARY KEY,
    hsds_id     text,
    name        text NOT NULL,
    category    text NOT NULL,
    tags        text NOT NULL DEFAULT '[]',
    description text NOT NULL DEFAULT '',
    phone       text NOT NULL DEFAULT '',
    email       text NOT NULL DEFAULT '',
    website     text NOT NULL DEFAULT '',
    address     text NOT NULL DEFAULT '',
    hours       text NOT NULL DEFAULT '',
    eligibility text NOT NULL DEFAULT '',
    languages   text NOT NULL DEFAULT '',
    notes       text NOT NULL DEFAULT '',
    created_at  text NOT NULL,
    updated_at  text NOT NULL,
    clocks      jsonb NOT NULL DEFAULT '{}',
    deleted     text NOT NULL DEFAULT '',
    txid        xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX resources_by_txid ON caseload.resources (txid, id);

CREATE TABLE caseload.settings (
    key     text PRIMARY KEY,
    value   text NOT NULL,
    clocks  jsonb NOT NULL DEFAULT '{}',
    deleted text NOT NULL DEFAULT '',
    txid    xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX settings_by_txid ON caseload.settings (txid, key);

-- The same field changed on two laptops: the later write is kept, and both
-- officers see what the other one wrote.
CREATE TABLE caseload.conflicts (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    client_id  uuid REFERENCES caseload.clients (id),
    tbl        text NOT NULL,
    row_id     text NOT NULL,
    field      text NOT NULL,
    kept_value text NOT NULL,
    lost_value text NOT NULL,
    kept_at    text NOT NULL,
    lost_at    text NOT NULL,
    by_role    name NOT NULL DEFAULT current_user,
    at         timestamptz NOT NULL DEFAULT now(),
    txid       xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX conflicts_by_txid ON caseload.conflicts (txid, id);

-- Pushed records the server would not apply (a resend that differs from
-- what it holds, a record for a client no longer on the sender's caseload):
-- kept for a supervisor to review, never lost.
CREATE TABLE caseload.rejected (
    id        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tbl       text NOT NULL,
    row_id    text NOT NULL,
    client_id uuid,
    reason    text NOT NULL,
    content   jsonb NOT NULL,
    pushed_by name NOT NULL DEFAULT current_user,
    at        timestamptz NOT NULL DEFAULT now(),
    txid      xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX rejected_by_pusher ON caseload.rejected (pushed_by);
-- A resend of a rejected record (after a lost reply) is filed once.
CREATE UNIQUE INDEX rejected_once ON caseload.rejected (tbl, row_id, pushed_by, md5(content::text));

-- Every field operation the server has received, applied or not: the
-- history of each changing record, and how a resend is recognised.
-- field '' is a record's creation (value: its fields as a JSON object).
CREATE TABLE caseload.field_ops (
    tbl       text NOT NULL,
    row_id    text NOT NULL,
    field     text NOT NULL,
    at        text NOT NULL,
    base      text NOT NULL DEFAULT '',
    value     text NOT NULL,
    client_id uuid REFERENCES caseload.clients (id),
    by_role   name NOT NULL DEFAULT current_user,
    received  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tbl, row_id, field, at)
);

-- A case moving to another officer. The trigger moves the owner and writes
-- an access change both officers can read: the old one can no longer see
-- the client, so this row is how their laptop learns to let it go.
CREATE TABLE caseload.transfers (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    client_id  uuid NOT NULL REFERENCES caseload.clients (id),
    from_owner name NOT NULL,
    to_owner   name NOT NULL REFERENCES caseload.staff (role),
    by_role    name NOT NULL DEFAULT current_user,
    at         timestamptz NOT NULL DEFAULT now(),
    txid       xid8 NOT NULL DEFAULT pg_current_xact_id(),
    CHECK (from_owner <> to_owner)
);

CREATE TABLE caseload.access_changes (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    client_id   uuid NOT NULL REFERENCES caseload.clients (id),
    from_owner  name NOT NULL,
    to_owner    name NOT NULL,
    transfer_id uuid NOT NULL REFERENCES caseload.transfers (id),
    at          timestamptz NOT NULL DEFAULT now(),
    txid        xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX access_changes_by_txid ON caseload.access_changes (txid, id);

CREATE FUNCTION caseload.transfer_client() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, caseload AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM caseload.staff WHERE role = NEW.to_owner AND kind = 'officer') THEN
        RAISE EXCEPTION 'cannot transfer to %: not an officer of the agency', NEW.to_owner;
    END IF;
    UPDATE caseload.clients SET owner = NEW.to_owner WHERE id = NEW.client_id AND owner = NEW.from_owner;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'client % is not on the caseload of %', NEW.client_id, NEW.from_owner;
    END IF;
    INSERT INTO caseload.access_changes (client_id, from_owner, to_owner, transfer_id)
    VALUES (NEW.client_id, NEW.from_owner, NEW.to_owner, NEW.id);
    RETURN NEW;
END $$;
CREATE TRIGGER transfers_move_owner AFTER INSERT ON caseload.transfers
FOR EACH ROW EXECUTE FUNCTION caseload.transfer_client();

-- Each laptop's last sync, for `caseload server status`.
CREATE TABLE caseload.laptops (
    id           uuid PRIMARY KEY,
    role         name NOT NULL DEFAULT current_user,
    last_sync_at timestamptz NOT NULL DEFAULT now(),
    pushed       bigint NOT NULL DEFAULT 0,
    pulled       bigint NOT NULL DEFAULT 0
);

-- Every write that reaches the server, whoever made it: what changed and
-- who did it, never the content.
CREATE TABLE caseload.audit_log (
    seq       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at        timestamptz NOT NULL DEFAULT now(),
    role      name NOT NULL DEFAULT current_user,
    entity    text NOT NULL,
    entity_id text NOT NULL,
    action    text NOT NULL
);

-- audit: runs as the owner (officers may not write the audit log
-- themselves), recording the session's user.
CREATE FUNCTION caseload.audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, caseload AS $$
BEGIN
    -- Settings are keyed by name, every other record by id.
    INSERT INTO caseload.audit_log (role, entity, entity_id, action)
    VALUES (session_user, TG_TABLE_NAME, coalesce(to_jsonb(NEW) ->> 'id', to_jsonb(NEW) ->> 'key'), lower(TG_OP));
    RETURN NULL;
END $$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['clients','checkins','stage_notes','resources','settings','conflicts','rejected','transfers'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE ON caseload.%I FOR EACH ROW EXECUTE FUNCTION caseload.audit()', t || '_audit', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['clients','resources','settings'] LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON caseload.%I FOR EACH ROW EXECUTE FUNCTION caseload.stamp_txid()', t || '_txid', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['staff','clients','checkins','stage_notes','resources','settings','field_ops','conflicts','rejected','transfers','access_changes','laptops','audit_log'] LOOP
        EXECUTE format('ALTER TABLE caseload.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE caseload.%I FORCE ROW LEVEL SECURITY', t);
        -- The owner's triggers (transfers, the audit log) work on every row.
        EXECUTE format('CREATE POLICY owner_all ON caseload.%I TO caseload_owner USING (true) WITH CHECK (true)', t);
    END LOOP;
END $$;

GRANT USAGE ON SCHEMA caseload TO officer, supervisor;

-- Staff: everyone may read who works here (a transfer names its officer).
GRANT SELECT ON caseload.staff TO officer, supervisor;
CREATE POLICY staff_read ON caseload.staff FOR SELECT TO officer, supervisor USING (true);

-- Clients: an officer reads and writes their own; a supervisor reads the
-- team's. Nobody deletes: a delete is a tombstone, an update.
GRANT SELECT ON caseload.clients TO officer, supervisor;
GRANT INSERT, UPDATE ON caseload.clients TO officer;
CREATE POLICY clients_read ON caseload.clients FOR SELECT TO officer, supervisor
    USING (caseload.sees(owner, current_user));
CREATE POLICY clients_add ON caseload.clients FOR INSERT TO officer
    WITH CHECK (owner = current_user);
CREATE POLICY clients_change ON caseload.clients FOR UPDATE TO officer
    USING (owner = current_user) WITH CHECK (owner = current_user);

-- History: officers read and add the records of their own clients, never
-- change or remove one; supervisors read the team's.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['checkins','stage_notes'] LOOP
        EXECUTE format('GRANT SELECT ON caseload.%I TO officer, supervisor', t);
        EXECUTE format('GRANT INSERT ON caseload.%I TO officer', t);
        EXECUTE format($p$CREATE POLICY %I ON caseload.%I FOR SELECT TO officer, supervisor
            USING (EXISTS (SELECT 1 FROM caseload.clients c WHERE c.id = client_id))$p$, t || '_read', t);
        EXECUTE format($p$CREATE POLICY %I ON caseload.%I FOR INSERT TO officer
            WITH CHECK (pushed_by = current_user
                AND EXISTS (SELECT 1 FROM caseload.clients c WHERE c.id = client_id AND c.owner = current_user))$p$, t || '_add', t);
    END LOOP;
END $$;

-- Resources and agency settings: read by all, written by supervisors.
GRANT SELECT ON caseload.resources, caseload.settings TO officer, supervisor;
GRANT INSERT, UPDATE ON caseload.resources, caseload.settings TO supervisor;
CREATE POLICY resources_read ON caseload.resources FOR SELECT TO officer, supervisor USING (true);
CREATE POLICY resources_add ON caseload.resources FOR INSERT TO supervisor WITH CHECK (true);
CREATE POLICY resources_change ON caseload.resources FOR UPDATE TO supervisor USING (true) WITH CHECK (true);
CREATE POLICY settings_read ON caseload.settings FOR SELECT TO officer, supervisor USING (true);
CREATE POLICY settings_add ON caseload.settings FOR INSERT TO supervisor WITH CHECK (true);
CREATE POLICY settings_change ON caseload.settings FOR UPDATE TO supervisor USING (true) WITH CHECK (true);

-- Field operations: history, like check-ins; agency records' by
-- supervisors.
GRANT SELECT, INSERT ON caseload.field_ops TO officer, supervisor;
CREATE POLICY field_ops_read ON caseload.field_ops FOR SELECT TO officer, supervisor
    USING (client_id IS NULL OR EXISTS (SELECT 1 FROM caseload.clients c WHERE c.id = client_id));
CREATE POLICY field_ops_add ON caseload.field_ops FOR INSERT TO officer, supervisor
    WITH CHECK (by_role = current_user AND CASE WHEN client_id IS NULL THEN pg_has_role(current_user, 'supervisor', 'MEMBER')
        ELSE EXISTS (SELECT 1 FROM caseload.clients c WHERE c.id = client_id AND c.owner = current_user) END);

-- Conflicts: seen by whoever sees the record (agency records: everyone).
GRANT SELECT, INSERT ON caseload.conflicts TO officer, supervisor;
CREATE POLICY conflicts_read ON caseload.conflicts FOR SELECT TO officer, supervisor
    USING (client_id IS NULL OR EXISTS (SELECT 1 FROM caseload.clients c WHERE c.id = client_id));
CREATE POLICY conflicts_add ON caseload.conflicts FOR INSERT TO officer, supervisor
    WITH CHECK (by_role = current_user
        AND (client_id IS NULL OR EXISTS (SELECT 1 FROM caseload.clients c WHERE c.id = client_id)));

-- Rejected rows: filed by their sender, read by the sender and the team's
-- supervisor.
GRANT SELECT, INSERT ON caseload.rejected TO officer, supervisor;
CREATE POLICY rejected_read ON caseload.rejected FOR SELECT TO officer, supervisor
    USING (caseload.sees(pushed_by, current_user));
CREATE POLICY rejected_add ON caseload.rejected FOR INSERT TO officer, supervisor
    WITH CHECK (pushed_by = current_user);

-- Transfers: the officer giving the case, or their supervisor.
GRANT SELECT, INSERT ON caseload.transfers TO officer, supervisor;
CREATE POLICY transfers_read ON caseload.transfers FOR SELECT TO officer, supervisor
    USING (caseload.sees(from_owner, current_user) OR caseload.sees(to_owner, current_user));
CREATE POLICY transfers_add ON caseload.transfers FOR INSERT TO officer, supervisor
    WITH CHECK (by_role = current_user AND caseload.sees(from_owner, current_user)
        AND EXISTS (SELECT 1 FROM caseload.clients c WHERE c.id = client_id AND c.owner = from_owner));

GRANT SELECT ON caseload.access_changes TO officer, supervisor;
CREATE POLICY access_changes_read ON caseload.access_changes FOR SELECT TO officer, supervisor
    USING (caseload.sees(from_owner, current_user) OR caseload.sees(to_owner, current_user));

GRANT SELECT, INSERT, UPDATE ON caseload.laptops TO officer, supervisor;
CREATE POLICY laptops_read ON caseload.laptops FOR SELECT TO officer, supervisor
    USING (caseload.sees(role, current_user));
CREATE POLICY laptops_add ON caseload.laptops FOR INSERT TO officer, supervisor
    WITH CHECK (role = current_user);
CREATE POLICY laptops_change ON caseload.laptops FOR UPDATE TO officer, supervisor
    USING (role = current_user) WITH CHECK (role = current_user);

GRANT SELECT ON caseload.audit_log TO officer, supervisor;
CREATE POLICY audit_log_read ON caseload.audit_log FOR SELECT TO officer, supervisor
    USING (caseload.sees(role, current_user));
