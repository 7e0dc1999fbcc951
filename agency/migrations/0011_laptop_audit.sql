-- 0011: each laptop's own audit log reaches the server: every write the
-- laptop made or took (a record created, changed, pulled, a summary
-- exported, a setting set), what and when, never the content. It is the
-- laptop's ledger, kept by the agency beside the server's own log of the
-- writes it received, so that a lost laptop's record of what was done on
-- it is not lost with it. Append-only: a login adds its own laptops' lines
-- and reads them; a supervisor reads the team's; nobody changes one.

CREATE TABLE caseload.laptop_audit (
    laptop_id uuid NOT NULL,
    seq       bigint NOT NULL,
    at        text NOT NULL,
    entity    text NOT NULL,
    entity_id text NOT NULL,
    action    text NOT NULL,
    pushed_by name NOT NULL DEFAULT current_user,
    received  timestamptz NOT NULL DEFAULT now(),
    -- Keyed under the login that sent them, so no login can take the
    -- place of another's lines; and by the time as well as the number, so
    -- that a file restored from a backup, numbering its new lines again
    -- from where the backup stopped, adds them beside the old ones.
    PRIMARY KEY (pushed_by, laptop_id, seq, at)
);

ALTER TABLE caseload.laptop_audit ENABLE ROW LEVEL SECURITY;
ALTER TABLE caseload.laptop_audit FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON caseload.laptop_audit TO caseload_owner USING (true) WITH CHECK (true);
GRANT SELECT, INSERT ON caseload.laptop_audit TO officer, supervisor;
CREATE POLICY laptop_audit_read ON caseload.laptop_audit FOR SELECT TO officer, supervisor
    USING (caseload.sees(pushed_by, current_user));
CREATE POLICY laptop_audit_add ON caseload.laptop_audit FOR INSERT TO officer, supervisor
    WITH CHECK (pushed_by = current_user);
