package org.pramaan.chaincode.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.pramaan.contract.core.ContractViolation;
import org.pramaan.contract.core.ErrorCode;
import org.pramaan.contract.id.DepartmentCode;

class ContractExceptionTest {

    @Test
    void aViolationBecomesTheShimsRefusalWithTheCodeAsPayloadAndMessagePrefix() {
        ContractViolation violation = ErrorCode.CONFLICT.exception("certificate X already anchored with another hash");
        ContractException e = ContractException.of(violation);
        assertThat(e.getPayload()).isEqualTo("CONFLICT".getBytes(StandardCharsets.UTF_8));
        assertThat(e.getMessage()).isEqualTo("CONFLICT: certificate X already anchored with another hash");
        assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(e.detail()).isEqualTo("certificate X already anchored with another hash");
        assertThat(e.getCause()).isSameAs(violation);
    }

    @Test
    void aTransactionBodyRefusesWithTheShimsExceptionAndLetsOthersThrough() {
        assertThatThrownBy(() -> ContractException.refusing(() -> DepartmentCode.of("rev")))
                .isInstanceOfSatisfying(ContractException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(e.getPayload()).isEqualTo("INVALID_ARGUMENT".getBytes(StandardCharsets.UTF_8));
                });
        assertThat(ContractException.refusing(() -> "ok")).isEqualTo("ok");
        assertThatThrownBy(() -> ContractException.refusing(() -> {
            throw new IllegalStateException("a bug stays a bug");
        })).isInstanceOf(IllegalStateException.class);
    }
}
