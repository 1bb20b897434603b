package org.pramaan.verifier.apikey;

/** What a key may do: a client verifies; an administrator also issues and revokes keys. */
public enum ApiKeyRole {
    ADMIN,
    CLIENT
}
