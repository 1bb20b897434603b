package org.pramaan.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.pramaan.ledger.TestDatabase;

class PostgresCheckpointerTest {

    private final DataSource database = TestDatabase.fresh();

    @Test
    void aCheckpointOutlivesItsProcessAndIsKeptPerSubscriber() throws Exception {
        PostgresCheckpointer.migrate(database);
        PostgresCheckpointer first = new PostgresCheckpointer(database, "verifier-cache", Clock.systemUTC());
        assertThat(first.getBlockNumber()).isEmpty();
        assertThat(first.lastEventBlock()).isZero();

        first.checkpointTransaction(7, "tx-7");
        first.checkpointTransaction(9, "tx-9");

        PostgresCheckpointer again = new PostgresCheckpointer(database, "verifier-cache", Clock.systemUTC());
        assertThat(again.getBlockNumber()).hasValue(9);
        assertThat(again.getTransactionId()).hasValue("tx-9");
        assertThat(again.lastEventBlock()).isEqualTo(9);
        assertThat(new PostgresCheckpointer(database, "issuer-outbox", Clock.systemUTC()).getBlockNumber()).isEmpty();

        again.checkpointBlock(12);
        PostgresCheckpointer afterBlock = new PostgresCheckpointer(database, "verifier-cache", Clock.systemUTC());
        assertThat(afterBlock.getBlockNumber()).hasValue(13);
        assertThat(afterBlock.getTransactionId()).isEmpty();
        assertThat(afterBlock.lastEventBlock()).isEqualTo(12);
    }
}
