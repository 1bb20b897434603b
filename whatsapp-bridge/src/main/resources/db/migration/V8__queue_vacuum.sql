-- The queues' months are vacuumed after 1,000 changed rows plus 1% (PostgreSQL's default is 20%): every message sent
-- and every event processed leaves a dead entry in the partial "pending" indexes the workers' claims walk, and at 20%
-- a month of 150,000 messages carried 25,000 of them, so each claim of the outbox read 7,590 buffers to find nothing
-- due. Months made from now on get the same from MonthlyPartitions (its QUEUE_VACUUM); this sets the months already
-- made. The bridge's delivery and dead-letter tables are records, not queues, and keep the default.
DO $$
DECLARE
    part regclass;
BEGIN
    FOR part IN SELECT i.inhrelid::regclass FROM pg_inherits i
                WHERE i.inhparent IN ('inbox'::regclass, 'outbox'::regclass) LOOP
        EXECUTE format('ALTER TABLE %s SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000)',
                       part);
    END LOOP;
END $$;
