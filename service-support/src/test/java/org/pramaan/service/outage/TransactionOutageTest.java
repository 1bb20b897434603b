package org.pramaan.service.outage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionSystemException;

/**
 * PostgreSQL killed mid-transaction: the rollback fails over the broken socket and Spring reports "JDBC rollback
 * failed". The fault drill saw that answered 500; nothing was committed, so it is an outage, 503 with Retry-After.
 */
class TransactionOutageTest {

    private final DatabaseOutageAnswers answers = new DatabaseOutageAnswers();

    @Test
    void aRollbackThatFailedBecauseTheServerWentAwayIsAnOutage() {
        TransactionSystemException e = new TransactionSystemException("JDBC rollback failed",
                new SQLException("An I/O error occurred while sending to the backend.", "08006"));

        ResponseEntity<ProblemDetail> answer = answers.transactionNotEnded(e);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(answer.getBody().getProperties()).containsEntry("code", "database-unavailable");
    }

    @Test
    void anyOtherFailureToEndATransactionIsABug() {
        TransactionSystemException e = new TransactionSystemException("could not commit",
                new IllegalStateException("not a database outage"));

        ResponseEntity<ProblemDetail> answer = answers.transactionNotEnded(e);

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getBody().getProperties()).containsEntry("code", "internal-error");
    }
}
