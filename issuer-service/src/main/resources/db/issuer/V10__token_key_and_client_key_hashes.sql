-- Authentication that costs nothing per request (issue 19, part 1).
--
-- Machine clients' secrets are high-entropy random keys (at least 190 bits), so a fast SHA-256 of the key is as
-- safe to store as BCrypt and costs microseconds instead of ~50 ms. A BCrypt hash cannot be turned into a
-- SHA-256 one, and the keys live in the department systems and the bridge: instead of re-issuing them, a row
-- keeps its BCrypt hash until the key is next presented and checked, and is then upgraded to the SHA-256 form
-- (secret_hash cleared). New clients are stored with secret_sha256 only.
ALTER TABLE api_client ALTER COLUMN secret_hash DROP NOT NULL;
ALTER TABLE api_client ADD COLUMN secret_sha256 char(64);
ALTER TABLE api_client ADD CONSTRAINT api_client_has_secret CHECK (secret_hash IS NOT NULL OR secret_sha256 IS NOT NULL);

-- The key that signs officers' API tokens (HMAC-SHA256) when none is configured (ISSUER_TOKEN_SECRET): made
-- once by whichever instance starts first, so every instance on this database accepts the others' tokens.
CREATE TABLE token_key (
    id          smallint     PRIMARY KEY CHECK (id = 1),
    secret      bytea        NOT NULL,
    created_at  timestamptz  NOT NULL
);
