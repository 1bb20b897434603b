package org.pramaan.contract.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {

    @Test
    void anExceptionCarriesTheCodeAsPayloadAndMessagePrefix() {
        ContractViolation e = ErrorCode.CONFLICT.exception("certificate X already anchored with another hash");
        assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(e.code().payload()).isEqualTo("CONFLICT".getBytes(StandardCharsets.UTF_8));
        assertThat(e).isInstanceOf(IllegalArgumentException.class);
        assertThat(e.getMessage()).isEqualTo("CONFLICT: certificate X already anchored with another hash");
        assertThat(e.detail()).isEqualTo("certificate X already anchored with another hash");
        assertThat(e.at("certificates[3]").getMessage()).endsWith("(at certificates[3])");
    }

    @Test
    void clientsRecoverTheCodeFromPayloadOrGatewayMessage() {
        assertThat(ErrorCode.fromPayload("KEY_NOT_VALID".getBytes(StandardCharsets.UTF_8)))
                .contains(ErrorCode.KEY_NOT_VALID);
        assertThat(ErrorCode.fromPayload("SOMETHING".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(ErrorCode.fromPayload(null)).isEmpty();
        assertThat(ErrorCode.fromMessage("chaincode response 500, BATCH_TOO_LARGE: the batch holds 1001"))
                .contains(ErrorCode.BATCH_TOO_LARGE);
        assertThat(ErrorCode.fromMessage("NOTE: FORBIDDEN: identity ...")).contains(ErrorCode.FORBIDDEN);
        assertThat(ErrorCode.fromMessage("failed to endorse transaction")).isEmpty();
        assertThat(ErrorCode.fromMessage(null)).isEmpty();
    }
}
