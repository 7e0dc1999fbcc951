-- 0009: the agency's settings (contact intervals, caseload standards, the
-- response ladders and matrix) as records the laptops sync, one per
-- setting, merged field by field like a resource: everyone reads them,
-- supervisors add and change them. Each laptop gives a setting the same id
-- (from its name), so the table is keyed by id like every other synced
-- one; the settings table of 0001, keyed by name, gives way to it.

CREATE TABLE caseload.agency_settings (
    id         uuid PRIMARY KEY,
    name       text NOT NULL UNIQUE,
    value      text NOT NULL,
    created_at text NOT NULL,
    updated_at text NOT NULL,
    clocks     jsonb NOT NULL DEFAULT '{}',
    deleted    text NOT NULL DEFAULT '',
    txid       xid8 NOT NULL DEFAULT pg_current_xact_id(),
    -- Every laptop reads these before each write: a value it cannot read
    -- would stop them all, so the server takes none.
    CHECK (name !~ '^(interval|standard)_' OR value ~ '^[1-9][0-9]{0,4}$'),
    CHECK (name <> 'responses' OR jsonb_typeof(value::jsonb) = 'object')
);
CREATE INDEX agency_settings_by_txid ON caseload.agency_settings (txid, id);

-- No version of the app wrote the old table; rows typed into it by hand
-- are kept, under another name, for the administrator to set again in a
-- supervisor's file.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM caseload.settings) THEN
        ALTER TABLE caseload.settings RENAME TO settings_before_0009;
        RAISE NOTICE 'caseload.settings held rows: kept as caseload.settings_before_0009; set them again in a supervisor''s file';
    ELSE
        DROP TABLE caseload.settings;
    END IF;
END $$;

ALTER TABLE caseload.agency_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE caseload.agency_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON caseload.agency_settings TO caseload_owner USING (true) WITH CHECK (true);
CREATE TRIGGER agency_settings_audit_insert AFTER INSERT ON caseload.agency_settings REFERENCING NEW TABLE AS written
    FOR EACH STATEMENT EXECUTE FUNCTION caseload.audit_rows();
CREATE TRIGGER agency_settings_audit_update AFTER UPDATE ON caseload.agency_settings REFERENCING NEW TABLE AS written
    FOR EACH STATEMENT EXECUTE FUNCTION caseload.audit_rows();
CREATE TRIGGER agency_settings_txid BEFORE UPDATE ON caseload.agency_settings
    FOR EACH ROW EXECUTE FUNCTION caseload.stamp_txid();

GRANT SELECT ON caseload.agency_settings TO officer, supervisor;
GRANT INSERT, UPDATE ON caseload.agency_settings TO supervisor;
CREATE POLICY agency_settings_read ON caseload.agency_settings FOR SELECT TO officer, supervisor USING (true);
CREATE POLICY agency_settings_add ON caseload.agency_settings FOR INSERT TO supervisor WITH CHECK (true);
CREATE POLICY agency_settings_change ON caseload.agency_settings FOR UPDATE TO supervisor USING (true) WITH CHECK (true);
