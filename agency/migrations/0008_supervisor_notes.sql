-- 0008: a supervisor's notes on the team's clients, as history: the
-- supervisor adds them for the clients of the team (the clients they may
-- read), never changes one; the officer of the client and the supervisor
-- read them. Officers cannot write one: they have no INSERT on the table.

CREATE TABLE caseload.supervisor_notes (
    id         uuid PRIMARY KEY,
    client_id  uuid NOT NULL REFERENCES caseload.clients (id),
    at         text NOT NULL,
    author     text NOT NULL CHECK (length(trim(author)) > 0),
    note       text NOT NULL CHECK (length(trim(note)) > 0),
    created_at text NOT NULL,
    pushed_by  name NOT NULL DEFAULT current_user,
    txid       xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX supervisor_notes_by_client ON caseload.supervisor_notes (client_id);
CREATE INDEX supervisor_notes_by_txid ON caseload.supervisor_notes (txid, id);

ALTER TABLE caseload.supervisor_notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE caseload.supervisor_notes FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON caseload.supervisor_notes TO caseload_owner USING (true) WITH CHECK (true);
CREATE TRIGGER supervisor_notes_audit_insert AFTER INSERT ON caseload.supervisor_notes REFERENCING NEW TABLE AS written
    FOR EACH STATEMENT EXECUTE FUNCTION caseload.audit_rows();
GRANT SELECT ON caseload.supervisor_notes TO officer, supervisor;
GRANT INSERT ON caseload.supervisor_notes TO supervisor;
CREATE POLICY supervisor_notes_read ON caseload.supervisor_notes FOR SELECT TO officer, supervisor
    USING (EXISTS (SELECT 1 FROM caseload.clients c WHERE c.id = client_id));
CREATE POLICY supervisor_notes_add ON caseload.supervisor_notes FOR INSERT TO supervisor
    WITH CHECK (pushed_by = current_user AND EXISTS (SELECT 1 FROM caseload.clients c WHERE c.id = client_id));
