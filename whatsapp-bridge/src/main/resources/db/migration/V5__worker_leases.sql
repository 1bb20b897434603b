-- Workers claim rows with a lease instead of holding a row lock across a remote call (issue 15): the row names
-- its worker and how long the claim lasts; after that anyone may take it (the worker died or hung), and a worker
-- settles a row only while the row still names it.
ALTER TABLE inbox  ADD COLUMN lease_owner text;
ALTER TABLE inbox  ADD COLUMN lease_until timestamptz;
-- How often the event was claimed: one that brings its worker down every time is marked FAILED after a few tries
-- instead of holding its citizen's later messages for ever.
ALTER TABLE inbox  ADD COLUMN attempts int NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN lease_owner text;
ALTER TABLE outbox ADD COLUMN lease_until timestamptz;

-- "Does this citizen have an earlier unprocessed event?", asked for every candidate of every claim.
CREATE INDEX inbox_pending_citizen ON inbox (citizen_id, event_time, seq) WHERE processed_at IS NULL;
-- The same question for the outbox, and the claim's scan of due messages.
CREATE INDEX outbox_pending_citizen ON outbox (citizen_id, seq) WHERE state = 'PENDING';
CREATE INDEX outbox_due ON outbox (next_attempt_at, seq) WHERE state = 'PENDING';
