-- 0013: the resource directory, referrals with their history, and consents
-- reach the agency's server too. Referral events enter the outbox in the
-- transaction that writes them; resources, referrals and consents (records
-- that change) are queued by the store, field by field. A resource imported
-- from an Open Referral file gets the same id on every laptop (made from
-- its Open Referral id); the migration's step gives the resources already
-- imported that id, and their referrals and consents follow.

CREATE TRIGGER referral_events_outbox AFTER INSERT ON referral_events
WHEN EXISTS (SELECT 1 FROM sync_state WHERE key = 'laptop_id') AND NOT EXISTS (SELECT 1 FROM sync_pulling)
BEGIN INSERT INTO sync_outbox (tbl, row_id, client_id, op) VALUES ('referral_events', new.id, new.client_id, 'insert'); END;

-- A consent is revoked once on a laptop; the same consent revoked on two
-- laptops of one officer merges like any field, so a pulled revocation may
-- replace the one this laptop holds (and the step below may point a consent
-- at its resource's new id).
DROP TRIGGER consents_only_revoke;
CREATE TRIGGER consents_only_revoke BEFORE UPDATE ON consents
WHEN (new.id IS NOT old.id OR new.client_id IS NOT old.client_id OR new.resource_id IS NOT old.resource_id
  OR new.person IS NOT old.person OR new.kinds IS NOT old.kinds OR new.purpose IS NOT old.purpose
  OR new.signed_on IS NOT old.signed_on OR new.expires_on IS NOT old.expires_on OR new.created_at IS NOT old.created_at
  OR old.revoked_on <> '' OR new.revoked_on = '') AND NOT EXISTS (SELECT 1 FROM sync_pulling)
BEGIN SELECT RAISE(ABORT, 'consents are append-only: only a revocation may be recorded, once'); END;

-- The resource directory is a supervisor's to keep: their file takes a
-- change to a resource, and to nothing else.
DROP TRIGGER outbox_supervisor_file;
CREATE TRIGGER outbox_supervisor_file BEFORE INSERT ON sync_outbox
WHEN (SELECT value FROM sync_state WHERE key = 'role_kind') = 'supervisor' AND new.tbl <> 'resources'
BEGIN SELECT RAISE(ABORT, 'a supervisor''s file is read only'); END;
DROP TRIGGER referrals_supervisor_file;
DROP TRIGGER referrals_supervisor_file_update;
DROP TRIGGER referral_events_supervisor_file;
DROP TRIGGER consents_supervisor_file;
DROP TRIGGER consents_supervisor_file_update;
