-- Retention (issue 19, part 4): the tables that grow with every message become monthly partitions, so the
-- retention job (service-support's MonthlyPartitions, RETENTION_PERIOD, 90 days) drops a whole month once it is
-- older than the period and holds no unsettled row, instead of deleting row by row.
--
--   inbox        by received_at; unsettled: processed_at IS NULL
--   outbox       by created_at;  unsettled: state PENDING or WAITING_WINDOW
--   delivery     by received_at; a record only (the dedup of issuer-service's deliveryIds)
--   dead_letter  by received_at; a record only (kept for an operator for the period)
--
-- What changed in each table, and nothing else: it is rebuilt partitioned with the same columns, defaults, checks
-- and sequence (LIKE ... INCLUDING DEFAULTS INCLUDING CONSTRAINTS), rows copied; the primary key gains the
-- partition key; each table-wide UNIQUE (inbox.event_key, outbox.wamid, delivery.delivery_id) becomes a unique index
-- on each month (PostgreSQL allows a unique index on the parent only with the partition key in it), and the inserts
-- look across all months before inserting, so a repeat is refused for as long as its first copy is kept. The other
-- indexes are as before; outbox gains outbox_waiting. Triggers are not copied: a trigger on these tables belongs
-- in a later migration, on the partitioned table.
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

-- inbox
CREATE TABLE inbox_partitioned (LIKE inbox INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY RANGE (received_at);
ALTER SEQUENCE inbox_seq_seq OWNED BY inbox_partitioned.seq;
SELECT pg_temp.month_partitions('inbox_partitioned', 'inbox', (SELECT min(received_at) FROM inbox),
                                ARRAY['event_key:(event_key)']);
INSERT INTO inbox_partitioned SELECT * FROM inbox;
DROP TABLE inbox;
ALTER TABLE inbox_partitioned RENAME TO inbox;
ALTER TABLE inbox ADD PRIMARY KEY (seq, received_at);
CREATE INDEX inbox_pending ON inbox (event_time, seq) WHERE processed_at IS NULL;
CREATE INDEX inbox_pending_citizen ON inbox (citizen_id, event_time, seq) WHERE processed_at IS NULL;

-- outbox
CREATE TABLE outbox_partitioned (LIKE outbox INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY RANGE (created_at);
ALTER SEQUENCE outbox_seq_seq OWNED BY outbox_partitioned.seq;
SELECT pg_temp.month_partitions('outbox_partitioned', 'outbox', (SELECT min(created_at) FROM outbox),
                                ARRAY['wamid:(wamid)']);
INSERT INTO outbox_partitioned SELECT * FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_partitioned RENAME TO outbox;
ALTER TABLE outbox ADD PRIMARY KEY (seq, created_at);
CREATE INDEX outbox_pending ON outbox (state, next_attempt_at, seq);
CREATE INDEX outbox_citizen ON outbox (citizen_id, seq);
CREATE INDEX outbox_pending_citizen ON outbox (citizen_id, seq) WHERE state = 'PENDING';
CREATE INDEX outbox_due ON outbox (next_attempt_at, seq) WHERE state = 'PENDING';
-- Messages waiting for the citizen to open a window: released per citizen, and what keeps an old month.
CREATE INDEX outbox_waiting ON outbox (citizen_id) WHERE state = 'WAITING_WINDOW';

-- delivery
CREATE TABLE delivery_partitioned (LIKE delivery INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
    PARTITION BY RANGE (received_at);
SELECT pg_temp.month_partitions('delivery_partitioned', 'delivery', (SELECT min(received_at) FROM delivery),
                                ARRAY['delivery_id:(delivery_id)']);
INSERT INTO delivery_partitioned SELECT * FROM delivery;
DROP TABLE delivery;
ALTER TABLE delivery_partitioned RENAME TO delivery;
ALTER TABLE delivery ADD PRIMARY KEY (delivery_id, received_at);

-- dead_letter
CREATE TABLE dead_letter_partitioned (LIKE dead_letter INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
    PARTITION BY RANGE (received_at);
ALTER SEQUENCE dead_letter_id_seq OWNED BY dead_letter_partitioned.id;
SELECT pg_temp.month_partitions('dead_letter_partitioned', 'dead_letter',
                                (SELECT min(received_at) FROM dead_letter), ARRAY[]::text[]);
INSERT INTO dead_letter_partitioned SELECT * FROM dead_letter;
DROP TABLE dead_letter;
ALTER TABLE dead_letter_partitioned RENAME TO dead_letter;
ALTER TABLE dead_letter ADD PRIMARY KEY (id, received_at);
CREATE INDEX dead_letter_received ON dead_letter (received_at DESC);
