package org.pramaan.network.ledger;

/** The peer's PostgreSQL failed; the operation cannot go on. */
public final class LedgerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
