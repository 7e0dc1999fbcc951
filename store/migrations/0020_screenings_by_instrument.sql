-- 0020: the workload counts this month's PHQ-9 safety prompts, a range of
-- the screenings by time with one instrument. The time index held the time
-- alone, so every screening of the month was looked up in the table to see
-- its instrument (2,011 reads at 100,000 clients five days into a month,
-- for 340 PHQ-9s); carrying the instrument, it sends to the table only the
-- screenings that are asked for. A summary's range by time reads it as
-- before.

DROP INDEX IF EXISTS screenings_by_time;
CREATE INDEX screenings_by_time ON screenings (at, instrument);
