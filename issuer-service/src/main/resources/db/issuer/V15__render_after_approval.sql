-- Approving before the PDF exists (issue 19): an approval stores the signed credential, its anchoring row and a
-- rendering row in one transaction and answers; the rendering worker (rendering.RenderingWorker) renders the
-- PDF/A, seals it with the key that signed the credential, puts it in the object store and records it here.

-- A certificate's PDF is in the store, still in the row (before the mover), or not rendered yet (a rendering row
-- waits for it).
ALTER TABLE certificate DROP CONSTRAINT certificate_pdf_somewhere;
ALTER TABLE certificate ADD CONSTRAINT certificate_pdf_somewhere CHECK (
    (pdf_key IS NOT NULL AND pdf_sha256 IS NOT NULL AND octet_length(pdf_sha256) = 32 AND pdf_size IS NOT NULL)
    OR (pdf_key IS NULL AND pdf_sha256 IS NULL AND pdf_size IS NULL));
-- What the renderer needs that the row lacked: the approving officer printed on the certificate (null when a
-- department system issued it), the holder's name in English letters as printed beside the name, and when the PDF
-- was ready (null for rows from before: their PDF was made with the approval).
ALTER TABLE certificate ADD COLUMN signatory_name varchar(100);
ALTER TABLE certificate ADD COLUMN signatory_designation varchar(100);
ALTER TABLE certificate ADD COLUMN holder_latin varchar(300);
ALTER TABLE certificate ADD COLUMN pdf_ready_at timestamptz;

-- The mover takes rows whose PDF is in the row only; a row waiting for rendering has none.
DROP INDEX certificate_pdf_to_move;
CREATE INDEX certificate_pdf_to_move ON certificate (id) WHERE pdf_key IS NULL AND pdf IS NOT NULL;

-- Certificates waiting for their PDF, claimed with a lease like the other queues. A row is removed when its PDF is
-- recorded; one that fails is tried again with a backoff (attempts, last_error say why).
CREATE TABLE render_outbox (
    certificate_id  varchar(60) PRIMARY KEY REFERENCES certificate (id),
    enqueued_at     timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      varchar(500),
    lease_owner     varchar(64),
    lease_until     timestamptz
);
CREATE INDEX render_outbox_due ON render_outbox (next_attempt_at, certificate_id);
