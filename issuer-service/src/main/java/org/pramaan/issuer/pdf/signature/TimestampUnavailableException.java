package org.pramaan.issuer.pdf.signature;

/** The timestamp authority could not be reached or refused: the certificate is not issued half-signed. */
public class TimestampUnavailableException extends RuntimeException {

    public TimestampUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
