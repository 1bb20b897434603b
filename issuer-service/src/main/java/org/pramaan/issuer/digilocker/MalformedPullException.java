package org.pramaan.issuer.digilocker;

/** A request body that is not a Pull URI or Pull Doc request this issuer reads; its message says what is wrong. */
public class MalformedPullException extends RuntimeException {

    public MalformedPullException(String message) {
        super(message, null, false, false);
    }
}
