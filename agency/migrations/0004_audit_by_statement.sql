-- 0004: the server's audit log is written once per statement, from the
-- rows the statement wrote, instead of once per row: a first push inserts
-- hundreds of thousands of records, and a row trigger ran a function and
-- an insert for each. The log holds the same rows as before: who, which
-- record, insert or update.

CREATE FUNCTION caseload.audit_rows() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, caseload AS $$
BEGIN
    -- Settings are keyed by name, every other record by id.
    INSERT INTO caseload.audit_log (role, entity, entity_id, action)
    SELECT session_user, TG_TABLE_NAME, coalesce(to_jsonb(w) ->> 'id', to_jsonb(w) ->> 'key'), lower(TG_OP)
    FROM written w;
    RETURN NULL;
END $$;

DO $$
DECLARE
    t text;
BEGIN
    FOR t IN SELECT c.relname FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
             JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'caseload' AND g.tgname = c.relname || '_audit' ORDER BY 1 LOOP
        EXECUTE format('DROP TRIGGER %I ON caseload.%I', t || '_audit', t);
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON caseload.%I REFERENCING NEW TABLE AS written
            FOR EACH STATEMENT EXECUTE FUNCTION caseload.audit_rows()', t || '_audit_insert', t);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON caseload.%I REFERENCING NEW TABLE AS written
            FOR EACH STATEMENT EXECUTE FUNCTION caseload.audit_rows()', t || '_audit_update', t);
    END LOOP;
END $$;
