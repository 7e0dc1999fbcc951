-- 0021: after its first frame the app reads every client's name, preferred
-- name and case number, in name order, for the filter. Read by
-- clients_by_name, each client was then looked up in the table: a read a
-- client, 99,306 at 100,000 clients. The index carries what the filter
-- reads, so the filter's names are read from it alone (its few thousand
-- pages); next_due_at stays where it was, for the caseload sorted by name.

DROP INDEX IF EXISTS clients_by_name;
CREATE INDEX clients_by_name ON clients (sort_name, id, next_due_at, name, preferred_name, case_number);
