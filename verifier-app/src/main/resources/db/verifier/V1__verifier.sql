-- Block and transaction that anchored each certificate, from CertificateIssued events.
CREATE TABLE anchor (
    certificate_id text PRIMARY KEY,
    transaction_id text NOT NULL,
    block_number   bigint NOT NULL,
    recorded_at    timestamptz NOT NULL DEFAULT now()
);

-- API keys of banks, employers, the bridge and administrators. Only a SHA-256 of the key is kept:
-- keys are 256 random bits, so a fast hash is as safe as a slow one and costs nothing per request.
CREATE TABLE api_key (
    id            uuid PRIMARY KEY,
    name          text NOT NULL,
    key_hash      text NOT NULL UNIQUE,
    key_prefix    text NOT NULL,
    role          text NOT NULL CHECK (role IN ('ADMIN', 'CLIENT')),
    per_minute    integer NOT NULL CHECK (per_minute > 0),
    created_at    timestamptz NOT NULL DEFAULT now(),
    revoked_at    timestamptz,
    usage_count   bigint NOT NULL DEFAULT 0,
    last_used_at  timestamptz
);
