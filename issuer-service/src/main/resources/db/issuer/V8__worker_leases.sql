-- Worker leases: a worker claims queued rows by writing its name and a lease end in one short statement,
-- calls the ledger or the bridge with no transaction open, and settles each row only while the row still
-- names it. A worker that dies leaves its rows to whoever claims them once lease_until has passed; no row
-- lock is ever held across a remote call.
ALTER TABLE anchor_outbox ADD COLUMN lease_owner varchar(64);
ALTER TABLE anchor_outbox ADD COLUMN lease_until timestamptz;
ALTER TABLE revocation_outbox ADD COLUMN lease_owner varchar(64);
ALTER TABLE revocation_outbox ADD COLUMN lease_until timestamptz;
ALTER TABLE hold_outbox ADD COLUMN lease_owner varchar(64);
ALTER TABLE hold_outbox ADD COLUMN lease_until timestamptz;
ALTER TABLE delivery_outbox ADD COLUMN lease_owner varchar(64);
ALTER TABLE delivery_outbox ADD COLUMN lease_until timestamptz;

-- The claims read only rows that may be due: anchoring by department in queue order (parked rows never),
-- deliveries not yet delivered in id order, revocations in queue order. The hold outbox is small and
-- already indexed by certificate.
DROP INDEX anchor_outbox_due;
CREATE INDEX anchor_outbox_due ON anchor_outbox (department, enqueued_at, certificate_id)
    WHERE parked_at IS NULL;
DROP INDEX delivery_outbox_due;
CREATE INDEX delivery_outbox_due ON delivery_outbox (id) WHERE delivered_at IS NULL;
CREATE INDEX revocation_outbox_due ON revocation_outbox (enqueued_at);
