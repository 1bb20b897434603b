-- A citizen who changes their WhatsApp number stays the same person: WhatsApp tells us with a system message
-- (user_changed_number), and everything of theirs follows them. The old number may later be given to someone
-- else, who must see none of it. A number can be given up more than once over the years, hence the time key.
CREATE TABLE number_change (
    old_id     text NOT NULL,
    new_id     text NOT NULL,
    changed_at timestamptz NOT NULL,
    PRIMARY KEY (old_id, changed_at)
);
CREATE INDEX number_change_new ON number_change (new_id);

-- Who applied through the chat: the issuer files applications under the phone number, the bridge remembers the
-- person, so notices and "my certificates" follow a number change instead of the number.
CREATE TABLE application_owner (
    application_id text PRIMARY KEY,
    citizen_id     text NOT NULL,
    submitted_at   timestamptz NOT NULL
);
CREATE INDEX application_owner_citizen ON application_owner (citizen_id);
