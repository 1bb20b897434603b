package org.pramaan.issuer.seal;

/**
 * An RFC 3161 timestamp authority: a token over a SHA-256 digest. The development TSA answers in
 * process ({@link DevelopmentTsa}); production reaches the certifying authority's TSA over HTTP
 * ({@link HttpTimestamps}).
 */
@FunctionalInterface
public interface Timestamps {

    /** The DER-encoded TimeStampToken over {@code sha256}, the SHA-256 of what is being timestamped. */
    byte[] token(byte[] sha256);
}
