-- Items of signed webhook notifications the bridge could not understand or store (issue: one bad event made the
-- whole POST fail and Meta retried it for days). Kept for an operator, never processed automatically.
CREATE TABLE dead_letter (
    id          bigserial PRIMARY KEY,
    reason      text NOT NULL,
    detail      text NOT NULL,
    raw         text NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dead_letter_received ON dead_letter (received_at DESC);
