-- 0010: each client's status over time, as history: the laptop where the
-- status changed records the change and pushes it once; every laptop that
-- may see the client pulls it, so the workload's past weeks count a client
-- in the weeks the case was open on a supervisor's file and on a
-- replacement laptop as on the officer's own.

CREATE TABLE caseload.client_status_changes (
    id        uuid PRIMARY KEY,
    client_id uuid NOT NULL REFERENCES caseload.clients (id),
    at        text NOT NULL,
    status    text NOT NULL CHECK (status IN ('active', 'closed', 'absconded', 'in_custody')),
    delta     integer NOT NULL CHECK (delta IN (-1, 0, 1)),
    pushed_by name NOT NULL DEFAULT current_user,
    txid      xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX client_status_changes_by_client ON caseload.client_status_changes (client_id);
CREATE INDEX client_status_changes_by_txid ON caseload.client_status_changes (txid, id);

ALTER TABLE caseload.client_status_changes ENABLE ROW LEVEL SECURITY;
ALTER TABLE caseload.client_status_changes FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON caseload.client_status_changes TO caseload_owner USING (true) WITH CHECK (true);
CREATE TRIGGER client_status_changes_audit_insert AFTER INSERT ON caseload.client_status_changes
    REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION caseload.audit_rows();
GRANT SELECT ON caseload.client_status_changes TO officer, supervisor;
GRANT INSERT ON caseload.client_status_changes TO officer;
CREATE POLICY client_status_changes_read ON caseload.client_status_changes FOR SELECT TO officer, supervisor
    USING (EXISTS (SELECT 1 FROM caseload.clients c WHERE c.id = client_id));
CREATE POLICY client_status_changes_add ON caseload.client_status_changes FOR INSERT TO officer
    WITH CHECK (pushed_by = current_user
        AND EXISTS (SELECT 1 FROM caseload.clients c WHERE c.id = client_id AND c.owner = current_user));
