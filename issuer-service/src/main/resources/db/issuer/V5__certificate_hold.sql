-- A department may put a certificate on hold while it checks it, then release or revoke it. The
-- ledger records the hold's code only; what the officer wrote, and who did what when, stays here.
ALTER TABLE certificate ADD COLUMN hold_code varchar(30);
ALTER TABLE certificate ADD COLUMN held_at   timestamptz;

-- Every hold and release, with the officer's note: the department's own trail.
CREATE TABLE certificate_hold_log (
    id             bigserial    PRIMARY KEY,
    certificate_id varchar(60)  NOT NULL REFERENCES certificate (id),
    action         varchar(10)  NOT NULL,
    code           varchar(30),
    note           varchar(256),
    actor          varchar(100) NOT NULL,
    at             timestamptz  NOT NULL
);
CREATE INDEX certificate_hold_log_certificate ON certificate_hold_log (certificate_id, id);

-- Holds and releases waiting for the ledger, sent in order (id); a revocation waits for them.
CREATE TABLE hold_outbox (
    id              bigserial   PRIMARY KEY,
    certificate_id  varchar(60) NOT NULL REFERENCES certificate (id),
    department      varchar(8)  NOT NULL,
    action          varchar(10) NOT NULL,
    code            varchar(30),
    enqueued_at     timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      varchar(500)
);
CREATE INDEX hold_outbox_certificate ON hold_outbox (certificate_id, id);
