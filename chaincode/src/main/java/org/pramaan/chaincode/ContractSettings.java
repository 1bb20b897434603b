package org.pramaan.chaincode;

import java.util.Map;

/**
 * The contract's configuration, read once when the chaincode server creates the contract.
 *
 * @param maxBatch most certificates one {@code IssueCertificates} may carry ({@code PRAMAAN_MAX_BATCH},
 *                 default {@value #DEFAULT_MAX_BATCH}); it bounds the work, the write set and the
 *                 block size of one transaction
 */
public record ContractSettings(int maxBatch) {

    public static final String MAX_BATCH_VARIABLE = "PRAMAAN_MAX_BATCH";
    public static final int DEFAULT_MAX_BATCH = 1000;
    static final int MAX_BATCH_CEILING = 100_000;

    public ContractSettings {
        if (maxBatch < 1 || maxBatch > MAX_BATCH_CEILING) {
            throw new IllegalArgumentException(
                    MAX_BATCH_VARIABLE + " must be 1 to " + MAX_BATCH_CEILING + ", got " + maxBatch);
        }
    }

    public static ContractSettings defaults() {
        return new ContractSettings(DEFAULT_MAX_BATCH);
    }

    /** Settings from environment variables; a malformed value stops the server at start, not at first use. */
    public static ContractSettings fromEnvironment(Map<String, String> environment) {
        String maxBatch = environment.get(MAX_BATCH_VARIABLE);
        if (maxBatch == null || maxBatch.isBlank()) {
            return defaults();
        }
        try {
            return new ContractSettings(Integer.parseInt(maxBatch.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(MAX_BATCH_VARIABLE + " is not a number: '" + maxBatch + "'", e);
        }
    }
}
