-- The correlation id of the application a notice or message belongs to (issue 7, operations): the
-- sender logs each message under it. Nullable: chat replies outside a form have none.
ALTER TABLE delivery ADD COLUMN correlation_id text;
ALTER TABLE outbox   ADD COLUMN correlation_id text;
