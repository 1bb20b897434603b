package org.pramaan.chaincode;

import java.util.Map;
import org.pramaan.chaincode.core.ContractException;
import org.pramaan.contract.core.ErrorCode;

/**
 * The contract's configuration.
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

    /** Settings from environment variables; a malformed value is {@link ErrorCode#MISCONFIGURED}. */
    public static ContractSettings fromEnvironment(Map<String, String> environment) {
        String maxBatch = environment.get(MAX_BATCH_VARIABLE);
        if (maxBatch == null || maxBatch.isBlank()) {
            return defaults();
        }
        try {
            return new ContractSettings(Integer.parseInt(maxBatch.strip()));
        } catch (NumberFormatException e) {
            throw ContractException.of(ErrorCode.MISCONFIGURED.exception(
                    MAX_BATCH_VARIABLE + " is not a whole number: '" + maxBatch + "'"));
        } catch (IllegalArgumentException e) {
            throw ContractException.of(ErrorCode.MISCONFIGURED.exception(e.getMessage()));
        }
    }

    /**
     * The settings of this process, read from its environment once. The shim creates a new contract
     * object for every transaction, so reading in the constructor would read the environment each
     * time; a malformed value fails every transaction with the same message instead of the server.
     */
    public static ContractSettings ofProcess() {
        return ProcessEnvironment.settings();
    }

    private static final class ProcessEnvironment {
        private static final ContractSettings SETTINGS;
        private static final String PROBLEM;

        static {
            ContractSettings settings = null;
            String problem = null;
            try {
                settings = fromEnvironment(System.getenv());
            } catch (ContractException e) {
                problem = e.detail();
            }
            SETTINGS = settings;
            PROBLEM = problem;
        }

        static ContractSettings settings() {
            if (PROBLEM != null) {
                throw ContractException.of(ErrorCode.MISCONFIGURED.exception(PROBLEM));
            }
            return SETTINGS;
        }
    }
}
