-- The development peer's ledger: blocks as Fabric Block protos, hash-chained by Fabric's header rule,
-- the transaction index (CommitStatus, duplicate tx ids), the world state with Fabric versions
-- (block number, transaction number), key history, and the valid transactions' chaincode events.
-- Keys are bytea so that they order by their UTF-8 bytes, as Fabric's do, and may hold U+0000.

CREATE TABLE devpeer.block (
    block_number   bigint      PRIMARY KEY,
    header_hash    bytea       NOT NULL,
    previous_hash  bytea       NOT NULL,
    data_hash      bytea       NOT NULL,
    block_bytes    bytea       NOT NULL,
    tx_count       integer     NOT NULL,
    committed_at   timestamptz NOT NULL
);

CREATE TABLE devpeer.tx_index (
    tx_id            text    PRIMARY KEY,
    block_number     bigint  NOT NULL REFERENCES devpeer.block (block_number),
    tx_number        integer NOT NULL,
    validation_code  integer NOT NULL
);

CREATE TABLE devpeer.state (
    state_key     bytea   PRIMARY KEY,
    state_value   bytea   NOT NULL,
    block_number  bigint  NOT NULL,
    tx_number     integer NOT NULL
);

CREATE TABLE devpeer.history (
    state_key     bytea       NOT NULL,
    block_number  bigint      NOT NULL REFERENCES devpeer.block (block_number),
    tx_number     integer     NOT NULL,
    tx_id         text        NOT NULL,
    tx_timestamp  timestamptz NOT NULL,
    state_value   bytea,
    is_delete     boolean     NOT NULL,
    PRIMARY KEY (state_key, block_number, tx_number)
);

CREATE TABLE devpeer.chaincode_event (
    block_number  bigint  NOT NULL REFERENCES devpeer.block (block_number),
    tx_number     integer NOT NULL,
    tx_id         text    NOT NULL,
    chaincode_id  text    NOT NULL,
    event_name    text    NOT NULL,
    payload       bytea   NOT NULL,
    PRIMARY KEY (block_number, tx_number)
);
