-- The ledger client saves a subscriber's checkpoint after its handler returns (at least once), so an event
-- applied just before the verifier was killed comes again after the restart. LedgerFollower records each
-- event's transaction id in the same database transaction as its effect and applies a redelivered one no
-- more (a Fabric transaction sets at most one chaincode event). Rows of blocks long behind the checkpoint
-- are dropped as new events arrive: redelivery starts at the checkpoint's block.
CREATE TABLE applied_event (
    transaction_id text PRIMARY KEY,
    block_number   bigint NOT NULL
);
CREATE INDEX applied_event_block ON applied_event (block_number);
