-- Retention (issue 19, part 4): the delivery outbox, the one issuer table that grows with every certificate event
-- and is never emptied (the other outboxes delete a row once the ledger took it), becomes monthly partitions by
-- enqueued_at. The retention job (service-support's MonthlyPartitions, RETENTION_PERIOD, 90 days) drops a whole month
-- once it is older than the period and no notice in it is still undelivered (delivered_at IS NULL): pending work is
-- never dropped. Certificates, their transitions, holds and audit trail are not partitioned and never pruned.
--
-- What changed in delivery_outbox, and nothing else: it is rebuilt partitioned with the same columns, defaults,
-- checks and sequence (LIKE ... INCLUDING DEFAULTS INCLUDING CONSTRAINTS), rows copied, its two foreign keys made
-- again; the primary key is (id, enqueued_at); the table-wide uniques (delivery_id; certificate and type; an
-- application's REJECTED and DELAYED notices) become unique indexes on each month, and DeliveryOutbox's insert looks
-- across all months first, so a repeat is still refused while its first copy is kept. delivery_outbox_due is as
-- before. Triggers are not copied: a trigger on this table belongs in a later migration, on the partitioned table.
SET LOCAL TIME ZONE 'UTC';

-- Makes <base>_pYYYYMM partitions of parent from the month of first_at (this month if null) to three months ahead,
-- each with the unique indexes listed as 'suffix:definition'. The job names them the same way.
CREATE FUNCTION pg_temp.month_partitions(parent text, base text, first_at timestamptz, uniques text[])
    RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    m    timestamptz := date_trunc('month', coalesce(least(first_at, now()), now()));
    last timestamptz := date_trunc('month', now()) + interval '3 months';
    part text;
    u    text;
BEGIN
    WHILE m <= last LOOP
        part := base || '_p' || to_char(m, 'YYYYMM');
        EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', part, parent, m,
                       m + interval '1 month');
        FOREACH u IN ARRAY uniques LOOP
            EXECUTE format('CREATE UNIQUE INDEX %I ON %I %s', part || '_' || split_part(u, ':', 1), part,
                           substr(u, strpos(u, ':') + 1));
        END LOOP;
        m := m + interval '1 month';
    END LOOP;
END $$;

CREATE TABLE delivery_outbox_partitioned (LIKE delivery_outbox INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
    PARTITION BY RANGE (enqueued_at);
ALTER SEQUENCE delivery_outbox_id_seq OWNED BY delivery_outbox_partitioned.id;
SELECT pg_temp.month_partitions('delivery_outbox_partitioned', 'delivery_outbox',
        (SELECT min(enqueued_at) FROM delivery_outbox),
        ARRAY['delivery_id:(delivery_id)',
              'certificate_type:(certificate_id, type)',
              'rejection:(application_id) WHERE type = ''REJECTED''',
              'delay:(application_id) WHERE type = ''DELAYED''']);
INSERT INTO delivery_outbox_partitioned SELECT * FROM delivery_outbox;
DROP TABLE delivery_outbox;
ALTER TABLE delivery_outbox_partitioned RENAME TO delivery_outbox;
ALTER TABLE delivery_outbox ADD PRIMARY KEY (id, enqueued_at);
ALTER TABLE delivery_outbox ADD FOREIGN KEY (certificate_id) REFERENCES certificate (id);
ALTER TABLE delivery_outbox ADD FOREIGN KEY (application_id) REFERENCES application (id);
CREATE INDEX delivery_outbox_due ON delivery_outbox (id) WHERE delivered_at IS NULL;
