-- 0012: a supervisor's file holds the team's caseloads as the agency's
-- server sends them, read only: the records are the officers', and change
-- only on their laptops. The sync notes whose file it is (sync_state
-- role_kind, from the server's list of staff). Every change to a synced
-- record enters the outbox, so one guard there refuses them all; the
-- records that do not travel yet are guarded one by one. Pulls, the
-- release of a transferred client and what a laptop works out for itself
-- (summaries, totals) write no outbox entry and pass.

CREATE TRIGGER outbox_supervisor_file BEFORE INSERT ON sync_outbox
WHEN (SELECT value FROM sync_state WHERE key = 'role_kind') = 'supervisor'
BEGIN SELECT RAISE(ABORT, 'a supervisor''s file is read only'); END;

CREATE TRIGGER referrals_supervisor_file BEFORE INSERT ON referrals
WHEN (SELECT value FROM sync_state WHERE key = 'role_kind') = 'supervisor'
BEGIN SELECT RAISE(ABORT, 'a supervisor''s file is read only'); END;
CREATE TRIGGER referrals_supervisor_file_update BEFORE UPDATE ON referrals
WHEN (SELECT value FROM sync_state WHERE key = 'role_kind') = 'supervisor'
BEGIN SELECT RAISE(ABORT, 'a supervisor''s file is read only'); END;
CREATE TRIGGER referral_events_supervisor_file BEFORE INSERT ON referral_events
WHEN (SELECT value FROM sync_state WHERE key = 'role_kind') = 'supervisor'
BEGIN SELECT RAISE(ABORT, 'a supervisor''s file is read only'); END;
CREATE TRIGGER goals_supervisor_file BEFORE INSERT ON goals
WHEN (SELECT value FROM sync_state WHERE key = 'role_kind') = 'supervisor'
BEGIN SELECT RAISE(ABORT, 'a supervisor''s file is read only'); END;
CREATE TRIGGER goal_versions_supervisor_file BEFORE INSERT ON goal_versions
WHEN (SELECT value FROM sync_state WHERE key = 'role_kind') = 'supervisor'
BEGIN SELECT RAISE(ABORT, 'a supervisor''s file is read only'); END;
CREATE TRIGGER consents_supervisor_file BEFORE INSERT ON consents
WHEN (SELECT value FROM sync_state WHERE key = 'role_kind') = 'supervisor'
BEGIN SELECT RAISE(ABORT, 'a supervisor''s file is read only'); END;
CREATE TRIGGER consents_supervisor_file_update BEFORE UPDATE ON consents
WHEN (SELECT value FROM sync_state WHERE key = 'role_kind') = 'supervisor'
BEGIN SELECT RAISE(ABORT, 'a supervisor''s file is read only'); END;
