-- The cold path's copy of the ledger (LedgerProjection, docs/architecture.md "Verifier"): what each
-- certificate's record holds that a verdict needs, so a first check costs no ledger query. Kept from the
-- same events as the offline bundle, by the one subscriber (LedgerFollower).
--
-- From CertificateIssued events that carry it (contracts since the event names the claims hash); rows from
-- older events have these null and such certificates are asked of the ledger, as before. Times are the
-- ledger's ISO-8601 text, to the nanosecond (timestamptz keeps microseconds, and answers must not change
-- with where they came from).
ALTER TABLE anchor
    ADD COLUMN claims_hash text CHECK (claims_hash ~ '^[0-9a-f]{64}$'),
    ADD COLUMN valid_until text,
    ADD COLUMN anchored_at text;

-- A revocation as its CertificateRevoked event says it: the code, the time and, for a superseded
-- certificate, the replacement (null from older events: then the ledger is asked).
ALTER TABLE certificate_state
    ADD COLUMN reason_code text,
    ADD COLUMN revoked_at  text,
    ADD COLUMN replaced_by text;
