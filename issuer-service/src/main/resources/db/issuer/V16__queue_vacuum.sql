-- The delivery outbox's months are vacuumed after 1,000 changed rows plus 1% (PostgreSQL's default is 20%): every
-- notice delivered leaves a dead entry in the indexes its claim walks for undelivered rows. Months made from now on
-- get the same from MonthlyPartitions (its QUEUE_VACUUM); this sets the months already made.
DO $$
DECLARE
    part regclass;
BEGIN
    FOR part IN SELECT i.inhrelid::regclass FROM pg_inherits i WHERE i.inhparent = 'delivery_outbox'::regclass LOOP
        EXECUTE format('ALTER TABLE %s SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000)',
                       part);
    END LOOP;
END $$;
