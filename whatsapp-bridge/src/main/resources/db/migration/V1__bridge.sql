-- Citizens are keyed on the phone number (wa_id) when WhatsApp gives one, else on the business-scoped user id.
CREATE TABLE citizen (
    id              text PRIMARY KEY,
    phone           text,
    user_id         text,
    display_name    text,
    language        text,
    last_inbound_at timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now()
);

-- Every message, status and error from the webhook, stored before the 200 is sent.
-- event_key is the message id (wamid), or "<wamid>:<status>" for statuses: Meta's retries collapse here.
CREATE TABLE inbox (
    seq          bigserial PRIMARY KEY,
    event_key    text NOT NULL UNIQUE,
    kind         text NOT NULL CHECK (kind IN ('MESSAGE', 'STATUS', 'ERROR')),
    citizen_id   text,
    event_time   timestamptz NOT NULL,
    payload      text NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now(),
    processed_at timestamptz,
    outcome      text
);
CREATE INDEX inbox_pending ON inbox (event_time, seq) WHERE processed_at IS NULL;

CREATE TABLE conversation (
    citizen_id text PRIMARY KEY REFERENCES citizen (id),
    step       text NOT NULL,
    data       text NOT NULL,
    updated_at timestamptz NOT NULL
);

-- Outbound queue: order per citizen is seq order; the sender never passes a pending message.
CREATE TABLE outbox (
    seq             bigserial PRIMARY KEY,
    citizen_id      text NOT NULL,
    recipient       text NOT NULL,
    kind            text NOT NULL,
    payload         text NOT NULL,
    state           text NOT NULL,
    wamid           text UNIQUE,
    attempts        int NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    error_code      int,
    error_text      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_pending ON outbox (state, next_attempt_at, seq);
CREATE INDEX outbox_citizen ON outbox (citizen_id, seq);

CREATE TABLE delivery (
    delivery_id    text PRIMARY KEY,
    type           text NOT NULL,
    certificate_id text,
    phone          text NOT NULL,
    payload        text NOT NULL,
    received_at    timestamptz NOT NULL DEFAULT now()
);
