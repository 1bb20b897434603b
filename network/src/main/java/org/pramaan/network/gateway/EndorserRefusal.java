package org.pramaan.network.gateway;

/** The endorser refused a proposal before running it; the message is the one Fabric's endorser gives. */
final class EndorserRefusal extends Exception {

    private static final long serialVersionUID = 1L;

    EndorserRefusal(String message) {
        super(message);
    }
}
