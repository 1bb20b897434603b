package org.pramaan.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pramaan.chaincode.testing.Fixtures.batch;
import static org.pramaan.chaincode.testing.Fixtures.entry;
import static org.pramaan.chaincode.testing.Fixtures.hash;
import static org.pramaan.chaincode.testing.Fixtures.json;
import static org.pramaan.chaincode.testing.Fixtures.newId;
import static org.pramaan.chaincode.testing.Fixtures.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pramaan.contract.core.ErrorCode;
import org.pramaan.chaincode.testing.ContractHarness;
import org.pramaan.chaincode.testing.Fixtures;
import org.pramaan.chaincode.testing.Fixtures.Signer;
import org.pramaan.chaincode.testing.InMemoryLedger;
import org.pramaan.chaincode.testing.Session;
import org.pramaan.chaincode.testing.TestIdentity;

class IssueCertificatesTest {

    private ContractHarness harness;
    private Signer signer;
    private Session rev;

    @BeforeEach
    void setUp() {
        harness = new ContractHarness(new ContractSettings(3));
        signer = Fixtures.registerDepartment(harness, "REV");
        rev = harness.as(TestIdentity.issuer("REV"));
    }

    @Test
    void aBatchIsAnchoredWithTheTransactionTimeAndOneEvent() {
        String first = newId("REV", "INC");
        String second = newId("REV", "CASTE");

        JsonNode outcome = parse(rev.issueCertificates(batch(entry(first, hash("1"), signer.kid()),
                entry(second, hash("2"), signer.kid()))));

        assertThat(outcome.get("issued")).extracting(JsonNode::asText).containsExactly(first, second);
        assertThat(outcome.get("unchanged")).isEmpty();
        JsonNode record = parse(rev.readCertificate(second));
        assertThat(record.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(record.get("type").asText()).isEqualTo("CASTE");
        assertThat(record.get("claimsHash").asText()).isEqualTo(hash("2"));
        assertThat(record.get("kid").asText()).isEqualTo(signer.kid());
        assertThat(record.get("issuedAt").asText()).isEqualTo(harness.now().toString());
        assertThat(record.get("validUntil").asText()).isEqualTo(Fixtures.VALID_UNTIL.toString());
        assertThat(record.has("revokedAt")).isFalse();

        InMemoryLedger.Event event = harness.lastEvent().orElseThrow();
        assertThat(event.name()).isEqualTo("CertificateIssued");
        // What a verifier needs to answer from its own copy of the ledger: the transaction time and, per certificate,
        // the claims hash and end of validity, in the order of the ids.
        String until = Fixtures.VALID_UNTIL.toString();
        assertThat(event.payloadText()).isEqualTo("{\"department\":\"REV\",\"ids\":[\"" + first + "\",\"" + second
                + "\"],\"issuedAt\":\"" + harness.now() + "\",\"certificates\":["
                + "{\"id\":\"" + first + "\",\"claimsHash\":\"" + hash("1") + "\",\"validUntil\":\"" + until + "\"},"
                + "{\"id\":\"" + second + "\",\"claimsHash\":\"" + hash("2") + "\",\"validUntil\":\"" + until + "\"}]}");
    }

    @Test
    void recordsHoldOnlyTheAnchoredFields() {
        String id = newId("REV", "INC");
        rev.issueCertificates(batch(entry(id, hash("1"), signer.kid())));
        List<String> fields = new ArrayList<>();
        parse(rev.readCertificate(id)).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("id", "department", "type", "claimsHash", "kid", "issuedAt", "validUntil",
                "status");
    }

    @Test
    void aRetriedBatchSucceedsWithoutChangeAndWithoutEvent() {
        String id = newId("REV", "INC");
        String batch = batch(entry(id, hash("1"), signer.kid()));
        rev.issueCertificates(batch);
        Map<String, String> state = harness.stateAsText();
        int events = harness.ledger().events().size();

        harness.advance(java.time.Duration.ofMinutes(5));
        JsonNode outcome = parse(rev.issueCertificates(batch));

        assertThat(outcome.get("issued")).isEmpty();
        assertThat(outcome.get("unchanged")).extracting(JsonNode::asText).containsExactly(id);
        assertThat(harness.stateAsText()).isEqualTo(state);
        assertThat(harness.ledger().events()).hasSize(events);
        assertThat(harness.lastEvent()).isEmpty();
    }

    @Test
    void aBatchMixingRetriesAndNewCertificatesAnnouncesOnlyTheNewOnes() {
        String old = newId("REV", "INC");
        rev.issueCertificates(batch(entry(old, hash("1"), signer.kid())));
        String fresh = newId("REV", "INC");

        JsonNode outcome = parse(rev.issueCertificates(batch(entry(old, hash("1"), signer.kid()),
                entry(fresh, hash("2"), signer.kid()))));

        assertThat(outcome.get("issued")).extracting(JsonNode::asText).containsExactly(fresh);
        assertThat(outcome.get("unchanged")).extracting(JsonNode::asText).containsExactly(old);
        assertThat(harness.lastEvent().orElseThrow().payloadText()).contains(fresh).doesNotContain(old);
    }

    @Test
    void theSameIdWithAnotherHashIsAConflictAndNothingOfTheBatchIsWritten() {
        String id = newId("REV", "INC");
        rev.issueCertificates(batch(entry(id, hash("1"), signer.kid())));
        String innocent = newId("REV", "INC");

        String refusal = harness.refused(ErrorCode.CONFLICT, () -> rev.issueCertificates(batch(
                entry(innocent, hash("2"), signer.kid()), entry(id, hash("tampered"), signer.kid())))).getMessage();

        assertThat(refusal).isEqualTo("CONFLICT: certificate " + id + " already anchored with another hash");
        harness.refused(ErrorCode.NOT_FOUND, () -> rev.readCertificate(innocent));
    }

    @Test
    void theSameIdAndHashWithOtherFieldsIsAConflict() {
        String id = newId("REV", "INC");
        rev.issueCertificates(batch(entry(id, hash("1"), signer.kid())));
        Map<String, Object> changed = entry(id, hash("1"), signer.kid());
        changed.put("validUntil", "2032-01-01T00:00:00Z");
        harness.refused(ErrorCode.CONFLICT, () -> rev.issueCertificates(batch(changed)));
    }

    @Test
    void duplicateIdsInOneBatchAreRefused() {
        String id = newId("REV", "INC");
        String refusal = harness.refused(ErrorCode.INVALID_ARGUMENT, () -> rev.issueCertificates(batch(
                entry(id, hash("1"), signer.kid()), entry(id, hash("1"), signer.kid())))).getMessage();
        assertThat(refusal).contains(id).contains("twice");
    }

    @Test
    void aBatchOverTheConfiguredMaximumIsRefused() {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            entries.add(entry(newId("REV", "INC"), hash("n" + i), signer.kid()));
        }
        String refusal = harness.refused(ErrorCode.BATCH_TOO_LARGE, () -> rev.issueCertificates(batch(entries)))
                .getMessage();
        assertThat(refusal).contains("4").contains("at most 3");

        rev.issueCertificates(batch(entries.subList(0, 3)));
    }

    @Test
    void theDefaultMaximumIsAThousand() {
        ContractHarness defaults = new ContractHarness();
        Signer key = Fixtures.registerDepartment(defaults, "REV");
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            entries.add(entry(newId("REV", "INC"), hash("n" + i), key.kid()));
        }
        Session issuer = defaults.as(TestIdentity.issuer("REV"));
        defaults.refused(ErrorCode.BATCH_TOO_LARGE, () -> issuer.issueCertificates(batch(entries)));
        assertThat(parse(issuer.issueCertificates(batch(entries.subList(0, 1000)))).get("issued")).hasSize(1000);
    }

    @Test
    void anEmptyBatchIsRefused() {
        harness.refused(ErrorCode.INVALID_ARGUMENT, () -> rev.issueCertificates("{\"certificates\":[]}"));
    }

    @Test
    void anUnknownFieldIsRefusedByName() {
        Map<String, Object> withName = entry(newId("REV", "INC"), hash("1"), signer.kid());
        withName.put("holderName", "Ravi Kumar");
        String refusal = harness.refused(ErrorCode.INVALID_ARGUMENT, () -> rev.issueCertificates(batch(withName)))
                .getMessage();
        assertThat(refusal).contains("'holderName'").contains("certificates[0]");

        Map<String, Object> top = new LinkedHashMap<>();
        top.put("certificates", List.of(entry(newId("REV", "INC"), hash("1"), signer.kid())));
        top.put("priority", "high");
        assertThat(harness.refused(ErrorCode.INVALID_ARGUMENT, () -> rev.issueCertificates(json(top))).getMessage())
                .contains("'priority'");
    }

    @Test
    void malformedFieldsAreRefusedNamingTheValue() {
        String id = newId("REV", "INC");
        assertRefusedWith(with(entry(id, hash("1"), signer.kid()), "claimsHash", hash("1").toUpperCase()),
                "claimsHash must be 64 lower-case hex");
        assertRefusedWith(with(entry(id, hash("1"), signer.kid()), "kid", "ABCDEF0123456789"), "kid must be");
        assertRefusedWith(with(entry(id, hash("1"), signer.kid()), "validUntil", "next year"), "'next year'");
        assertRefusedWith(with(entry(id, hash("1"), signer.kid()), "type", "CASTE"), "differs from the id's INC");
        assertRefusedWith(with(entry(id, hash("1"), signer.kid()), "department", "HLTH"), "differs from the id's REV");
        assertRefusedWith(with(entry(id, hash("1"), signer.kid()), "id", id.substring(0, id.length() - 1)
                + (id.endsWith("0") ? "1" : "0")), "wrong check character");
        assertRefusedWith(with(entry(id, hash("1"), signer.kid()), "claimsHash", 12345), "claimsHash");
        Map<String, Object> missing = entry(id, hash("1"), signer.kid());
        missing.remove("kid");
        assertRefusedWith(missing, "field 'kid' is missing");
    }

    @Test
    void malformedJsonIsRefused() {
        harness.refused(ErrorCode.INVALID_ARGUMENT, () -> rev.issueCertificates("{\"certificates\":["));
        harness.refused(ErrorCode.INVALID_ARGUMENT, () -> rev.issueCertificates("{\"certificates\":[]} {}"));
        harness.refused(ErrorCode.INVALID_ARGUMENT, () -> rev.issueCertificates(
                "{\"certificates\":[],\"certificates\":[]}"));
        harness.refused(ErrorCode.INVALID_ARGUMENT, () -> rev.issueCertificates("[]"));
        harness.refused(ErrorCode.INVALID_ARGUMENT, () -> rev.issueCertificates(""));
    }

    @Test
    void validUntilMustBeAfterTheTransactionTime() {
        Map<String, Object> expired = entry(newId("REV", "INC"), hash("1"), signer.kid());
        expired.put("validUntil", harness.now().toString());
        assertThat(harness.refused(ErrorCode.INVALID_ARGUMENT, () -> rev.issueCertificates(batch(expired))).getMessage())
                .contains("not after the transaction time");
    }

    private void assertRefusedWith(Map<String, Object> entry, String expected) {
        assertThat(harness.refused(ErrorCode.INVALID_ARGUMENT, () -> rev.issueCertificates(batch(entry))).getMessage())
                .startsWith("INVALID_ARGUMENT: ").contains(expected);
    }

    private static Map<String, Object> with(Map<String, Object> entry, String field, Object value) {
        entry.put(field, value);
        return entry;
    }
}
