-- The bridge contract (interfaces.md): idempotent submissions per client and channel reference, and
-- delivery notices with their own id, about certificates (ISSUED, REVOKED) or applications (REJECTED).

ALTER TABLE application ADD COLUMN submitted_by      varchar(100);
ALTER TABLE application ADD COLUMN channel_reference varchar(200);
-- A retried submission (the bridge crashed before it saw the answer) finds the first one.
CREATE UNIQUE INDEX application_channel_reference ON application (submitted_by, channel_reference)
    WHERE channel_reference IS NOT NULL;
CREATE INDEX application_phone ON application (phone_number, submitted_at DESC);
CREATE INDEX certificate_phone ON certificate (phone_number, issued_at DESC);

-- The id the bridge deduplicates on: made once with the row, so every retry carries the same one.
ALTER TABLE delivery_outbox ADD COLUMN delivery_id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE delivery_outbox ADD CONSTRAINT delivery_outbox_delivery_id UNIQUE (delivery_id);
ALTER TABLE delivery_outbox ADD COLUMN application_id uuid REFERENCES application (id);
-- A rejection has no certificate. (certificate_id, type) stays unique for certificates (NULLs are distinct).
ALTER TABLE delivery_outbox ALTER COLUMN certificate_id DROP NOT NULL;
ALTER TABLE delivery_outbox ADD CONSTRAINT delivery_outbox_subject
    CHECK (certificate_id IS NOT NULL OR application_id IS NOT NULL);
CREATE UNIQUE INDEX delivery_outbox_rejection ON delivery_outbox (application_id) WHERE type = 'REJECTED';
-- Notices queued before this version carry their id in the payload from now on.
UPDATE delivery_outbox SET payload = jsonb_set(payload, '{deliveryId}', to_jsonb(delivery_id::text));
