-- 0015: a summary reads, for each condition worked on in its range, every
-- progress entry up to the end of the range (the totals are as of then).
-- Before the range only the kind, amount and status of each entry count,
-- so the condition's index carries them: the totals are read from the
-- index's few pages, not from one table page per entry. The time indexes
-- carry the id each summary looks up next, for the same reason.

DROP INDEX IF EXISTS condition_progress_by_condition;
CREATE INDEX condition_progress_by_condition ON condition_progress (condition_id, at, id, kind, amount, status);

DROP INDEX IF EXISTS condition_progress_by_time;
CREATE INDEX condition_progress_by_time ON condition_progress (at, condition_id);

DROP INDEX IF EXISTS responses_by_time;
CREATE INDEX responses_by_time ON responses (at, violation_id);

DROP INDEX IF EXISTS violations_by_time;
CREATE INDEX violations_by_time ON violations (at, id, client_id);
