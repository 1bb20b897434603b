-- The correlation id that follows one application from the bridge to the ledger and back (issue 7,
-- operations): kept with every row whose later, asynchronous handling should log under it.
-- Nullable: rows made before this version, and certificates issued outside a request, have none.
ALTER TABLE application     ADD COLUMN correlation_id varchar(64);
ALTER TABLE certificate     ADD COLUMN correlation_id varchar(64);
ALTER TABLE delivery_outbox ADD COLUMN correlation_id varchar(64);
