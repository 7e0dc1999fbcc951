-- 0011: clients whose pulled records have not yet been summed up. A pull
-- saves page after page, each with its cursor in one transaction; working
-- out a client's summary (last contact, next due date, workload history,
-- condition totals) after every page cost more than saving the records.
-- Each page names its clients here instead, in its own transaction, and the
-- end of the pull works each one out once. A pull cut off leaves them here:
-- the next sync, or the next opening of the file, finishes the work.
CREATE TABLE sync_stale (client_id TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
