-- 0003: who a summary was made for. A summary cut to what a client's consent
-- lets go to one recipient keeps that recipient's name in the export log, so
-- the officer can see who received what; and such a summary does not move
-- the officer's own "since the last export".
ALTER TABLE exports ADD COLUMN recipient TEXT NOT NULL DEFAULT '';
