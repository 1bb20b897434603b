package org.pramaan.contract.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.contract.issuer.IssuerNames;
import org.pramaan.contract.issuer.IssuerRecord;
import org.pramaan.contract.issuer.IssuerRegistration;
import org.pramaan.contract.issuer.IssuerStatus;

class JsonTest {

    private static final String REGISTRATION =
            "{\"department\":\"REV\",\"names\":{\"en\":\"Revenue\",\"te\":\"రెవెన్యూ\",\"hi\":\"राजस्व\"}}";

    @Test
    void writesComponentsOnlyInDeclaredOrderWithoutNullsAndWithRawUnicode() {
        IssuerRecord record = new IssuerRecord(DepartmentCode.of("REV"), new IssuerNames("Revenue", "రెవెన్యూ", "राजस्व"),
                IssuerStatus.ACTIVE, null, List.of());
        assertThat(record.isActive()).isTrue();
        assertThat(Json.writeString(record)).isEqualTo("{\"department\":\"REV\",\"names\":{\"en\":\"Revenue\","
                + "\"te\":\"రెవెన్యూ\",\"hi\":\"राजस्व\"},\"status\":\"ACTIVE\",\"signers\":[]}");
    }

    @Test
    void keepsInstantsAsIsoTextWithTheirFullPrecision() {
        record Stamp(Instant at) {
        }
        assertThat(Json.writeString(new Stamp(Instant.parse("2026-03-01T10:00:00.000000001Z"))))
                .isEqualTo("{\"at\":\"2026-03-01T10:00:00.000000001Z\"}");
    }

    @Test
    void readsAWellFormedArgument() {
        IssuerRegistration registration = Json.readArgument(REGISTRATION, IssuerRegistration.class, "issuerJson");
        assertThat(registration.department()).isEqualTo(DepartmentCode.of("REV"));
        assertThat(registration.names().hi()).isEqualTo("राजस्व");
    }

    @Test
    void refusesDuplicateKeys() {
        String duplicated = "{\"department\":\"REV\",\"department\":\"HLTH\","
                + "\"names\":{\"en\":\"a\",\"te\":\"b\",\"hi\":\"c\"}}";
        assertInvalid(duplicated, "department");
    }

    @Test
    void refusesUnknownFieldsNamingThemAndWhereTheyAre() {
        assertInvalid("{\"department\":\"REV\",\"names\":{\"en\":\"a\",\"te\":\"b\",\"hi\":\"c\",\"ur\":\"d\"}}",
                "unknown field 'ur' in issuerJson at names");
        assertInvalid("{\"department\":\"REV\",\"aadhaar\":\"1234\",\"names\":{\"en\":\"a\",\"te\":\"b\",\"hi\":\"c\"}}",
                "unknown field 'aadhaar' in issuerJson");
    }

    @Test
    void refusesNumbersAndBooleansWhereTextBelongs() {
        assertInvalid("{\"department\":\"REV\",\"names\":{\"en\":1,\"te\":\"b\",\"hi\":\"c\"}}", "names.en");
        assertInvalid("{\"department\":true,\"names\":{\"en\":\"a\",\"te\":\"b\",\"hi\":\"c\"}}", "department");
    }

    @Test
    void refusesTrailingContentNullAndNonJson() {
        assertInvalid(REGISTRATION + "{}", "issuerJson");
        assertInvalid("null", "JSON null");
        assertInvalid("department=REV", "not valid JSON");
        assertInvalid(null, "'issuerJson' is missing");
    }

    @Test
    void unreadableStoredStateIsCorruptNotTheCallersFault() {
        assertThatThrownBy(() -> Json.readState("{\"department\":1}".getBytes(StandardCharsets.UTF_8),
                IssuerRecord.class, "\u0000ISSUER\u0000REV\u0000"))
                .isInstanceOfSatisfying(ContractViolation.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CORRUPT_STATE))
                .hasMessageContaining("~ISSUER~REV~");
    }

    private static void assertInvalid(String json, String expected) {
        assertThatThrownBy(() -> Json.readArgument(json, IssuerRegistration.class, "issuerJson"))
                .isInstanceOfSatisfying(ContractViolation.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining(expected);
    }
}
