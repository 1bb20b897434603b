-- The reconciliation of the issuer's records with the ledger (issue 17, part 3). It walks one
-- department at a time in certificate id order, a ledger page at a time; the cursor is where it
-- stopped, so a pass resumes after a restart or across the scheduled slices instead of starting over.
CREATE TABLE audit_cursor (
    id                     smallint    PRIMARY KEY CHECK (id = 1),
    department             varchar(8),
    after_id               varchar(60),
    pass_started_at        timestamptz,
    pass_certificates      bigint      NOT NULL DEFAULT 0,
    last_pass_started_at   timestamptz,
    last_pass_completed_at timestamptz,
    last_pass_certificates bigint
);
INSERT INTO audit_cursor (id) VALUES (1);

-- What the latest look at each certificate found wrong; a range audited again replaces its rows.
-- detail names statuses, key ids, hashes and dates only: never what the certificate says.
CREATE TABLE audit_mismatch (
    certificate_id varchar(60)  NOT NULL,
    kind           varchar(20)  NOT NULL,
    department     varchar(8)   NOT NULL,
    detail         varchar(300) NOT NULL,
    found_at       timestamptz  NOT NULL,
    PRIMARY KEY (certificate_id, kind)
);
CREATE INDEX audit_mismatch_order ON audit_mismatch ((certificate_id COLLATE "C"));

-- The ledger lists ids in byte order; this index gives the issuer's rows in the same order.
CREATE INDEX certificate_audit_order ON certificate ((id COLLATE "C"));
