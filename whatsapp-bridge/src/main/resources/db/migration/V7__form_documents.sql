-- Issue 13 item 4: the supporting documents a citizen sent for the form in progress, kept until the application that
-- carries them is acknowledged by issuer-service (which stores them in the object store with the application), then
-- deleted; also deleted when the form is started again, cancelled or expires. At most one file per document and citizen.
CREATE TABLE form_document (
    citizen_id   text         NOT NULL,
    document_key varchar(12)  NOT NULL,
    service_code varchar(40)  NOT NULL,
    bytes        bytea        NOT NULL,
    sha256       bytea        NOT NULL,
    mime_type    varchar(40)  NOT NULL,
    file_name    varchar(200),
    received_at  timestamptz  NOT NULL,
    PRIMARY KEY (citizen_id, document_key)
);
