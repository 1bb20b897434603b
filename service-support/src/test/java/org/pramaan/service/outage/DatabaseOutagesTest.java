package org.pramaan.service.outage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures are the database being away (503, try again) and which are not (the request's own fault or a bug). */
class DatabaseOutagesTest {

    @Test
    void aRollbackThatFailsBecauseTheServerDiedIsAnOutage() {
        // Seen in the PostgreSQL kill drill: the approval's statement failed, then its rollback found the socket gone;
        // the client got a 500 instead of a 503.
        TransactionSystemException failure = new TransactionSystemException("JDBC rollback failed",
                new SQLException("An I/O error occurred while sending to the backend.", "08006"));

        assertThat(DatabaseOutages.isOutage(failure)).isTrue();
    }

    @Test
    void aRollbackOnAConnectionThePoolAlreadyClosedIsAnOutageWhenTheStatementFailedForOne() {
        // The drill's second shape: the statement failed with 08006, the pool evicted the connection, and the
        // rollback got HikariCP's "Connection is closed" (no SQL state); the statement's failure is the application
        // exception the TransactionSystemException keeps aside.
        TransactionSystemException failure = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        failure.initApplicationException(new org.springframework.dao.DataAccessResourceFailureException(
                "I/O error", new SQLException("An I/O error occurred while sending to the backend.", "08006")));

        assertThat(DatabaseOutages.isOutage(failure)).isTrue();
    }

    @Test
    void aRollbackFailureAfterABugIsNotAnOutage() {
        TransactionSystemException failure = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        failure.initApplicationException(new IllegalStateException("a bug"));

        assertThat(DatabaseOutages.isOutage(failure)).isFalse();
    }

    @Test
    void everyConnectionExceptionStateIsAnOutage() {
        for (String state : new String[] {"08000", "08001", "08003", "08004", "08006", "57P01", "57P03"}) {
            assertThat(DatabaseOutages.isOutage(new RuntimeException(new SQLException("gone", state)))).as(state)
                    .isTrue();
        }
    }

    @Test
    void aConstraintViolationIsNotAnOutage() {
        DataIntegrityViolationException failure = new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505"));

        assertThat(DatabaseOutages.isOutage(failure)).isFalse();
        assertThat(DatabaseOutages.isOutage(new TransactionSystemException("no state",
                new SQLException("something else")))).isFalse();
    }
}
