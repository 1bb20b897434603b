-- Issue 13 item 4: the supporting documents a citizen sent in the chat, stored with the application. The bytes live in
-- the object store (key documents/<department>/<sha256 hex>: the same file sent twice is one object); the row keeps
-- what the officer sees and what each read is checked against. Written in the transaction that stores the
-- application, after the object was written and read back.
CREATE TABLE application_document (
    application_id uuid         NOT NULL REFERENCES application (id),
    document_key   varchar(12)  NOT NULL,
    object_key     varchar(120) NOT NULL,
    sha256         bytea        NOT NULL,
    size_bytes     bigint       NOT NULL,
    mime_type      varchar(40)  NOT NULL,
    file_name      varchar(200),
    received_at    timestamptz  NOT NULL,
    PRIMARY KEY (application_id, document_key)
);
