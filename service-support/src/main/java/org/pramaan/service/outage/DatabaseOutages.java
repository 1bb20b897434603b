package org.pramaan.service.outage;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;
import jakarta.servlet.http.HttpServletResponse;
import org.pramaan.service.problem.ProblemCode;
import org.pramaan.service.problem.ProblemWriter;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a database outage from every other failure, wherever it surfaces: in a controller, in a
 * filter that reads API keys, or wrapped by Spring Security as an internal authentication error
 * (which would otherwise reach the client as "401 wrong password").
 */
public final class DatabaseOutages {

    private DatabaseOutages() {
    }

    /** Whether {@code failure}, or anything that caused it, says the database could not be reached. */
    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // A rollback that fails after the statement did ("Connection is closed", no SQL state: the pool already
            // dropped the broken connection) hides the statement's own failure here, not in the cause chain.
            if (t instanceof org.springframework.transaction.TransactionSystemException rollback
                    && rollback.getApplicationException() != null && rollback.getApplicationException() != failure
                    && isOutage(rollback.getApplicationException())) {
                return true;
            }
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
                    || t instanceof CannotCreateTransactionException || t instanceof SQLTransientConnectionException
                    || (t instanceof ConnectException && failure instanceof java.sql.SQLException)
                    || (t instanceof java.sql.SQLException sql && isServerGone(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQL state class 08 (connection exception: the socket broke, even mid-rollback) and the server shutting down or
     * starting (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now).
     */
    private static boolean isServerGone(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }

    /** Writes the 503 problem answer, unless the response has already started. */
    public static void answer(HttpServletResponse response) throws IOException {
        ProblemWriter.write(response, ProblemCode.DATABASE_UNAVAILABLE, DatabaseOutageAnswers.DETAIL,
                DatabaseOutageAnswers.RETRY_AFTER);
    }
}
