-- An officer's designation ("Tahsildar, Vijayawada Rural"), printed on the certificates they approve under
-- their name, as a paper certificate carries its issuing officer's. Optional: a certificate approved by an
-- officer without one carries the name alone.
ALTER TABLE officer ADD COLUMN designation varchar(100);
