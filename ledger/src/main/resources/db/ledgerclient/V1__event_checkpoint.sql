-- The ledger client's own state: where each event subscriber stopped, in fabric-gateway's
-- Checkpointer model (the block of the last event delivered and its transaction id), so a restarted
-- service resumes after that event: nothing missed, nothing repeated.

CREATE TABLE event_checkpoint (
    subscriber      text        PRIMARY KEY CHECK (length(subscriber) BETWEEN 1 AND 200),
    block_number    bigint      NOT NULL CHECK (block_number >= 0),
    transaction_id  text,
    updated_at      timestamptz NOT NULL
);
