package org.pramaan.network.msp;

/** An identity or signature the channel's MSPs do not accept; the message says why, as Fabric's would. */
public final class MspException extends Exception {

    private static final long serialVersionUID = 1L;

    public MspException(String message) {
        super(message);
    }
}
