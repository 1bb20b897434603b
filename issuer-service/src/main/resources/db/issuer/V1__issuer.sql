-- issuer-service state. Personal data is limited to what a certificate prints; Aadhaar numbers are
-- never stored, only their masked form (last four digits).

CREATE TABLE application (
    id               uuid PRIMARY KEY,
    service_code     varchar(40)  NOT NULL,
    department       varchar(8)   NOT NULL,
    language         varchar(2)   NOT NULL,
    phone_number     varchar(15)  NOT NULL,
    holder_name      varchar(200) NOT NULL,
    fields           jsonb        NOT NULL,
    status           varchar(16)  NOT NULL,
    submitted_at     timestamptz  NOT NULL,
    due_at           timestamptz  NOT NULL,
    decided_at       timestamptz,
    decision_reason  varchar(500),
    certificate_id   varchar(60),
    version          integer      NOT NULL DEFAULT 0
);
CREATE INDEX application_queue ON application (department, status, submitted_at);

CREATE TABLE application_transition (
    application_id uuid         NOT NULL REFERENCES application (id),
    seq            integer      NOT NULL,
    from_status    varchar(16),
    to_status      varchar(16)  NOT NULL,
    actor          varchar(100) NOT NULL,
    at             timestamptz  NOT NULL,
    reason         varchar(500),
    PRIMARY KEY (application_id, seq)
);

CREATE TABLE certificate (
    id                varchar(60)  PRIMARY KEY,
    application_id    uuid REFERENCES application (id),
    department        varchar(8)   NOT NULL,
    service_code      varchar(40)  NOT NULL,
    type              varchar(6)   NOT NULL,
    holder_name       varchar(200) NOT NULL,
    language          varchar(2)   NOT NULL,
    phone_number      varchar(15)  NOT NULL,
    fields            jsonb        NOT NULL,
    issued_at         timestamptz  NOT NULL,
    expires_at        timestamptz  NOT NULL,
    claims_hash       varchar(64)  NOT NULL,
    kid               varchar(16)  NOT NULL,
    qr_text           text         NOT NULL,
    cose              bytea        NOT NULL,
    pdf               bytea        NOT NULL,
    status            varchar(16)  NOT NULL,
    transaction_id    varchar(100),
    block_number      bigint,
    anchored_at       timestamptz,
    revoked_at        timestamptz,
    revocation_code   varchar(20),
    revocation_reason varchar(256),
    revoked_by        varchar(100)
);
CREATE INDEX certificate_department ON certificate (department, issued_at DESC);

-- Certificates waiting to be anchored: written in the transaction that stores the certificate.
CREATE TABLE anchor_outbox (
    certificate_id  varchar(60) PRIMARY KEY REFERENCES certificate (id),
    department      varchar(8)  NOT NULL,
    enqueued_at     timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      varchar(500)
);
CREATE INDEX anchor_outbox_due ON anchor_outbox (department, next_attempt_at);

-- Revocations waiting to be recorded on the ledger.
CREATE TABLE revocation_outbox (
    certificate_id  varchar(60) PRIMARY KEY REFERENCES certificate (id),
    department      varchar(8)  NOT NULL,
    reason_code     varchar(20) NOT NULL,
    reason_text     varchar(256) NOT NULL,
    enqueued_at     timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      varchar(500)
);

-- Notifications to the WhatsApp bridge, delivered at least once.
CREATE TABLE delivery_outbox (
    id              bigserial   PRIMARY KEY,
    certificate_id  varchar(60) NOT NULL REFERENCES certificate (id),
    type            varchar(10) NOT NULL,
    payload         jsonb       NOT NULL,
    enqueued_at     timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    delivered_at    timestamptz,
    last_error      varchar(500),
    UNIQUE (certificate_id, type)
);
CREATE INDEX delivery_outbox_due ON delivery_outbox (next_attempt_at) WHERE delivered_at IS NULL;

CREATE TABLE officer (
    username      varchar(60)  PRIMARY KEY,
    password_hash varchar(100) NOT NULL,
    display_name  varchar(100) NOT NULL,
    department    varchar(8),
    role          varchar(10)  NOT NULL,
    created_at    timestamptz  NOT NULL
);

-- Machine clients (the bridge, department systems): secrets are stored as BCrypt hashes only.
CREATE TABLE api_client (
    client_id     varchar(60)  PRIMARY KEY,
    secret_hash   varchar(100) NOT NULL,
    kind          varchar(20)  NOT NULL,
    departments   varchar(400) NOT NULL,
    created_at    timestamptz  NOT NULL
);
