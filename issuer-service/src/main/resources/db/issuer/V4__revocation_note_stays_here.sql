-- An officer's note on a revocation may name the applicant: it is personal data, and the DPDP Act
-- 2023 may require it erased. The ledger cannot erase anything, so it now takes the reason's code
-- only; the note stays in certificate.revocation_reason, here, where it can be. The outbox that feeds
-- the ledger keeps nothing the ledger does not take.
ALTER TABLE revocation_outbox DROP COLUMN reason_text;
