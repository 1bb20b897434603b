package org.pramaan.catalog;

/** What a citizen gets from a service. */
public enum ServiceKind {
    CERTIFICATE, INFORMATION, PAYMENT, BOOKING
}
