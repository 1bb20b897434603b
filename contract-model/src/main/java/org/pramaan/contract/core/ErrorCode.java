package org.pramaan.contract.core;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a transaction was refused. The code travels twice: as the whole payload of the chaincode's
 * error response (UTF-8 name) for clients that see chaincode responses, and as the prefix of the
 * message ({@code CONFLICT: ...}) because the Fabric Gateway hands clients only the endorsers'
 * messages, not the payload. Inside the records it is carried by a {@link ContractViolation}.
 */
public enum ErrorCode {
    /** Malformed input: bad JSON, unknown field, bad id, hash, kid, instant or reason. */
    INVALID_ARGUMENT,
    /** The caller's identity lacks the role or department the transaction needs. */
    FORBIDDEN,
    /** No such certificate, issuer or signer key. */
    NOT_FOUND,
    /** The ledger already holds something different under the same id. */
    CONFLICT,
    /** The department is suspended. */
    ISSUER_INACTIVE,
    /** The signer key is unknown for the department, revoked, or outside its validity. */
    KEY_NOT_VALID,
    /** More certificates in one batch than the configured maximum. */
    BATCH_TOO_LARGE,
    /** A stored value cannot be read back; never caused by the caller. */
    CORRUPT_STATE,
    /** The chaincode server's own configuration is invalid; never caused by the caller. */
    MISCONFIGURED;

    private static final Pattern IN_MESSAGE = Pattern.compile("\\b([A-Z_]+): ");

    public ContractViolation exception(String detail) {
        return new ContractViolation(this, detail);
    }

    /** The payload of the chaincode's error response with this code. */
    public byte[] payload() {
        return name().getBytes(StandardCharsets.UTF_8);
    }

    /** The code in an exception payload, if it is one of ours. */
    public static Optional<ErrorCode> fromPayload(byte[] payload) {
        if (payload == null) {
            return Optional.empty();
        }
        return byName(new String(payload, StandardCharsets.UTF_8));
    }

    /**
     * The first code found in an error text such as a gateway's
     * {@code chaincode response 500, CONFLICT: certificate ... already anchored with another hash}.
     */
    public static Optional<ErrorCode> fromMessage(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher m = IN_MESSAGE.matcher(message);
        while (m.find()) {
            Optional<ErrorCode> code = byName(m.group(1));
            if (code.isPresent()) {
                return code;
            }
        }
        return Optional.empty();
    }

    private static Optional<ErrorCode> byName(String name) {
        for (ErrorCode code : values()) {
            if (code.name().equals(name)) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }
}
