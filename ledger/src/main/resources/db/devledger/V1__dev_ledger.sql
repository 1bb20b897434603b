-- DevLedger: the contract's world state, its history and a hash-chained block log in PostgreSQL.
-- Keys are bytea so that they compare in UTF-8 byte order, as Fabric's do, and may hold the NUL
-- characters of composite keys, which text columns cannot.

CREATE TABLE chain_head (
    id            smallint PRIMARY KEY CHECK (id = 1),
    block_number  bigint   NOT NULL,
    block_hash    bytea    NOT NULL
);

CREATE TABLE block (
    block_number   bigint      PRIMARY KEY,
    tx_id          text        NOT NULL UNIQUE,
    creator_msp    text        NOT NULL,
    function_name  text        NOT NULL,
    committed_at   timestamptz NOT NULL,
    event_name     text,
    event_payload  bytea,
    data_hash      bytea       NOT NULL,
    previous_hash  bytea       NOT NULL,
    block_hash     bytea       NOT NULL
);

CREATE INDEX block_events ON block (block_number) WHERE event_name IS NOT NULL;

CREATE TABLE state (
    state_key     bytea  PRIMARY KEY,
    state_value   bytea  NOT NULL,
    version       bigint NOT NULL REFERENCES block (block_number)
);

CREATE TABLE history (
    state_key     bytea       NOT NULL,
    block_number  bigint      NOT NULL REFERENCES block (block_number),
    tx_id         text        NOT NULL,
    committed_at  timestamptz NOT NULL,
    state_value   bytea,
    deleted       boolean     NOT NULL,
    PRIMARY KEY (state_key, block_number)
);

CREATE TABLE event_checkpoint (
    subscriber    text        PRIMARY KEY,
    block_number  bigint      NOT NULL,
    updated_at    timestamptz NOT NULL
);

-- Genesis: block 0 writes nothing; its hash anchors the chain.
INSERT INTO block (block_number, tx_id, creator_msp, function_name, committed_at, data_hash, previous_hash, block_hash)
VALUES (0, 'genesis', 'none', 'genesis', now(), sha256(''::bytea), '\x'::bytea, sha256('pramaan devledger genesis'::bytea));
INSERT INTO chain_head (id, block_number, block_hash)
SELECT 1, 0, block_hash FROM block WHERE block_number = 0;
