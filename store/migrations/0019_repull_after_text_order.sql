-- 0019: pages of a pull were read in the order of the text of the server's
-- transaction ids, so once the server's ids passed a power of ten ("999",
-- then "1000") a page could move this file's cursor past rows it had not
-- read, and they never came. Every pull cursor is dropped: the next sync
-- reads each stream from the start. A record already here is recognised
-- (history is inserted once, records that change merge field by field), so
-- the pull adds only what was skipped. The access changes read before are
-- acted on again by who may see the client now (a client that went to
-- another officer leaves, one that came arrives with its history); the
-- position they had reached is kept as the bound below which an arrival is
-- not noted in the audit log a second time.
INSERT INTO sync_state (key, value)
SELECT 'access_replay_until', txid || ' ' || row_id FROM sync_cursors WHERE tbl = 'access_changes';
DELETE FROM sync_cursors;
