-- Anchoring retries end: after pramaan.anchoring.max-attempts failures a certificate is parked (kept,
-- no longer tried, listed in the console) instead of being retried for ever.
ALTER TABLE anchor_outbox ADD COLUMN parked_at timestamptz;
CREATE INDEX anchor_outbox_parked ON anchor_outbox (department, parked_at) WHERE parked_at IS NOT NULL;
-- Re-issue after a key compromise: the old certificate names its replacement, here and (SupersedeCertificate)
-- on the ledger once the replacement is anchored.
ALTER TABLE certificate ADD COLUMN replaced_by varchar(60);
ALTER TABLE revocation_outbox ADD COLUMN replaced_by varchar(60);
-- The citizen hears once that a certificate is delayed for want of a signing key, however often it is tried.
CREATE UNIQUE INDEX delivery_outbox_delay ON delivery_outbox (application_id) WHERE type = 'DELAYED';
