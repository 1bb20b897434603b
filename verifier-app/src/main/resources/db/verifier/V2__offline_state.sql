-- What the offline bundle is built from (docs/offline-bundle.md), kept from the ledger's events by
-- OfflineStateListener (its own event subscriber, so it reads every event from the first block):
-- every certificate the ledger has revoked or held, with the block of its last change, and the
-- block of the last event applied.
CREATE TABLE certificate_state (
    certificate_id text PRIMARY KEY,
    department     text NOT NULL,
    -- First 8 bytes of SHA-256 of the id's UTF-8, big-endian: the bundle's entry.
    id_hash        bigint NOT NULL,
    state          text NOT NULL CHECK (state IN ('REVOKED', 'HELD', 'ACTIVE')),
    -- Held at some time: a delta lists it under heldRemoved once it is no longer held.
    was_held       boolean NOT NULL,
    changed_block  bigint NOT NULL CHECK (changed_block >= 0)
);
CREATE INDEX certificate_state_changed ON certificate_state (changed_block);
CREATE INDEX certificate_state_state ON certificate_state (state) WHERE state <> 'ACTIVE';

-- One row: the block of the last event applied (the bundle's height) and of the last trust list change.
CREATE TABLE offline_height (
    singleton     boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    height        bigint NOT NULL,
    trust_height  bigint NOT NULL
);
INSERT INTO offline_height (singleton, height, trust_height) VALUES (true, 0, 0);
