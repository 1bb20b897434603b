-- Certificate PDFs move to the object store (issue 19, part 3): the row keeps the object's key, the SHA-256 of its
-- bytes (checked on every read) and their count. A row written from now on has no pdf bytes; rows from before keep
-- theirs until the PDF mover (certificate.LegacyPdfMover, a startup job, in batches) has stored each one and emptied
-- the column. The column itself is dropped by a later migration once every installation has moved.
ALTER TABLE certificate ALTER COLUMN pdf DROP NOT NULL;
ALTER TABLE certificate ADD COLUMN pdf_key text;
ALTER TABLE certificate ADD COLUMN pdf_sha256 bytea;
ALTER TABLE certificate ADD COLUMN pdf_size integer;
-- A certificate always has its PDF somewhere: in the store (key, hash and size together) or still in the row.
ALTER TABLE certificate ADD CONSTRAINT certificate_pdf_somewhere CHECK (
    (pdf_key IS NOT NULL AND pdf_sha256 IS NOT NULL AND octet_length(pdf_sha256) = 32 AND pdf_size IS NOT NULL)
    OR (pdf_key IS NULL AND pdf_sha256 IS NULL AND pdf_size IS NULL AND pdf IS NOT NULL));
-- What the mover still has to move, found without reading the table.
CREATE INDEX certificate_pdf_to_move ON certificate (id) WHERE pdf_key IS NULL;
