-- Issue 13 items 3, 5, 8: a short reference people can read out, rejection reason codes, and a phone search
-- by the number's last digits that uses an index.

-- Filled for new applications on insert; older ones get theirs from the service at start (ReferenceBackfill),
-- because the check character is computed in Java.
ALTER TABLE application ADD COLUMN reference varchar(24);
CREATE UNIQUE INDEX application_reference ON application (reference);

-- A rejection's code from RejectionCode (catalog); decision_reason stays the officer's optional note.
ALTER TABLE application ADD COLUMN rejection_code varchar(32);
ALTER TABLE application_transition ADD COLUMN reason_code varchar(32);

-- "Last 4+ digits" is a prefix of the reversed number: one B-tree range scan, no new copy of the number.
CREATE INDEX application_phone_suffix ON application (reverse(phone_number) text_pattern_ops);
