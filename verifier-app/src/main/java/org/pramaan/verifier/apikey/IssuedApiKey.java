package org.pramaan.verifier.apikey;

/** A newly issued key: the secret is shown this once and only its hash is kept. */
public record IssuedApiKey(ApiKeyHolder holder, String secret) {

    @Override
    public String toString() {
        return "IssuedApiKey[" + holder + ", secret=***]";
    }
}
