-- 0008: the officer a client belongs to, as the agency's server says (its
-- login role); '' on a laptop that has never synced. The laptop only reads
-- it: a supervisor's file holds the team's caseloads and shows whose each
-- client is, and narrows the list to one officer.

ALTER TABLE clients ADD COLUMN owner TEXT NOT NULL DEFAULT '';

CREATE INDEX clients_by_owner ON clients (owner) WHERE owner <> '';
