-- 0009: a summary of a range reads conditions ordered in it, responses given
-- in it and jobs started, ended or verified in it. Without these indexes
-- each of those reads scanned its whole table: a one-day export of a
-- 10,000-client caseload read every condition the file holds.

CREATE INDEX conditions_by_time ON conditions (at);
CREATE INDEX responses_by_time ON responses (at);
CREATE INDEX employment_by_start ON employment (start_on);
CREATE INDEX employment_by_end ON employment (end_on);
CREATE INDEX employment_by_verified ON employment (verified_on);
