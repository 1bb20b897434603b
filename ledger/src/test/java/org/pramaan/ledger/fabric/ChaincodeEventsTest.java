package org.pramaan.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pramaan.contract.certificate.CertificateStatus;
import org.pramaan.contract.certificate.ClaimsHash;
import org.pramaan.contract.certificate.ReasonCode;
import org.pramaan.contract.core.Json;
import org.pramaan.contract.event.CertificateEvents;
import org.pramaan.contract.event.IssuerChange;
import org.pramaan.contract.id.CertificateId;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.contract.id.KeyId;
import org.pramaan.ledger.LedgerEvent;

/** The chaincode's events as typed ledger events: the contract's payloads, exactly as the contract writes them. */
class ChaincodeEventsTest {

    private static final CertificateId ID = CertificateId.of("REV-INC-2026-7K3M9QX2HD4TZP8W-0");
    private static final DepartmentCode REV = DepartmentCode.of("REV");

    @Test
    void anIssuedEventCarriesItsIdsAndWhereItWasCommitted() {
        CertificateEvents.Issued payload = new CertificateEvents.Issued(REV, List.of(ID));

        LedgerEvent event = ChaincodeEvents.parse(CertificateEvents.ISSUED, Json.write(payload), "tx1", 7);

        assertThat(event).isEqualTo(new LedgerEvent.CertificateIssued(payload, "tx1", 7));
        assertThat(event.name()).isEqualTo("CertificateIssued");
    }

    @Test
    void anIssuedEventCarriesWhatEachRecordHoldsForAVerdict() {
        Instant at = Instant.parse("2026-04-02T08:30:00.123456789Z");
        ClaimsHash hash = ClaimsHash.of("ab".repeat(32));
        CertificateEvents.Issued payload = new CertificateEvents.Issued(REV, List.of(ID), at,
                List.of(new CertificateEvents.Anchored(ID, hash, Instant.parse("2031-04-02T00:00:00Z"))));

        LedgerEvent event = ChaincodeEvents.parse(CertificateEvents.ISSUED, Json.write(payload), "tx1", 7);

        assertThat(event).isInstanceOfSatisfying(LedgerEvent.CertificateIssued.class, issued -> {
            assertThat(issued.payload()).isEqualTo(payload);
            assertThat(issued.payload().certificates().get(0).claimsHash()).isEqualTo(hash);
        });
    }

    @Test
    void theIssuedEventOfAnOlderContractStillReads() {
        byte[] bytes = "{\"department\":\"REV\",\"ids\":[\"REV-INC-2026-7K3M9QX2HD4TZP8W-0\"]}".getBytes(StandardCharsets.UTF_8);

        LedgerEvent event = ChaincodeEvents.parse(CertificateEvents.ISSUED, bytes, "tx1", 7);

        assertThat(event).isInstanceOfSatisfying(LedgerEvent.CertificateIssued.class, issued -> {
            assertThat(issued.payload().ids()).containsExactly(ID);
            assertThat(issued.payload().issuedAt()).isNull();
            assertThat(issued.payload().certificates()).isEmpty();
        });
    }

    @Test
    void aSupersededEventNamesTheReplacement() {
        CertificateId replacement = CertificateId.generate(REV, "INC", java.time.Year.of(2026));
        CertificateEvents.Revoked payload = new CertificateEvents.Revoked(ID, REV, CertificateStatus.SUPERSEDED,
                ReasonCode.SUPERSEDED, Instant.parse("2026-04-02T08:30:00Z"), replacement);

        LedgerEvent event = ChaincodeEvents.parse(CertificateEvents.REVOKED, Json.write(payload), "tx2", 8);

        assertThat(event).isInstanceOfSatisfying(LedgerEvent.CertificateRevoked.class,
                revoked -> assertThat(revoked.payload().replacedBy()).isEqualTo(replacement));
    }

    @Test
    void aRevokedEventCarriesTheRevocation() {
        CertificateEvents.Revoked payload = new CertificateEvents.Revoked(ID, REV, CertificateStatus.SUPERSEDED,
                ReasonCode.SUPERSEDED, Instant.parse("2026-04-02T08:30:00Z"));
        byte[] bytes = ("{\"id\":\"REV-INC-2026-7K3M9QX2HD4TZP8W-0\",\"department\":\"REV\",\"status\":\"SUPERSEDED\","
                + "\"reasonCode\":\"SUPERSEDED\",\"revokedAt\":\"2026-04-02T08:30:00Z\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(Json.write(payload)).isEqualTo(bytes);

        LedgerEvent event = ChaincodeEvents.parse("CertificateRevoked", bytes, "tx2", 8);

        assertThat(event).isInstanceOfSatisfying(LedgerEvent.CertificateRevoked.class, revoked -> {
            assertThat(revoked.payload()).isEqualTo(payload);
            assertThat(revoked.transactionId()).isEqualTo("tx2");
            assertThat(revoked.blockNumber()).isEqualTo(8);
        });
    }

    @Test
    void anIssuerChangedEventCarriesTheChange() {
        IssuerChange change = new IssuerChange(REV, IssuerChange.Kind.SIGNER_REVOKED, KeyId.of("0123456789abcdef"));

        LedgerEvent event = ChaincodeEvents.parse("IssuerChanged", Json.write(change), "tx3", 9);

        assertThat(event).isEqualTo(new LedgerEvent.IssuerChanged(change, "tx3", 9));
    }

    @Test
    void anEventOfAnotherNameIsDeliveredAsUnknownWithItsBytes() {
        byte[] payload = "{\"anything\":1}".getBytes(StandardCharsets.UTF_8);

        LedgerEvent event = ChaincodeEvents.parse("CertificateRenamed", payload, "tx4", 10);

        assertThat(event).isInstanceOfSatisfying(LedgerEvent.Unknown.class, unknown -> {
            assertThat(unknown.name()).isEqualTo("CertificateRenamed");
            assertThat(unknown.payload()).isEqualTo(payload);
            assertThat(unknown.problem()).contains("no such event");
            assertThat(unknown.transactionId()).isEqualTo("tx4");
            assertThat(unknown.blockNumber()).isEqualTo(10);
        });
    }

    @Test
    void aKnownEventWhosePayloadDoesNotReadIsDeliveredAsUnknownNotThrown() {
        byte[] payload = "{\"department\":\"REV\",\"ids\":[\"not-an-id\"]}".getBytes(StandardCharsets.UTF_8);

        LedgerEvent event = ChaincodeEvents.parse(CertificateEvents.ISSUED, payload, "tx5", 11);

        assertThat(event).isInstanceOfSatisfying(LedgerEvent.Unknown.class, unknown -> {
            assertThat(unknown.name()).isEqualTo(CertificateEvents.ISSUED);
            assertThat(unknown.problem()).contains("INVALID_ARGUMENT").contains("not-an-id");
            assertThat(unknown.payloadText()).isEqualTo("{\"department\":\"REV\",\"ids\":[\"not-an-id\"]}");
        });
        assertThat(ChaincodeEvents.parse(IssuerChange.EVENT, new byte[] {'{'}, "tx6", 12))
                .isInstanceOf(LedgerEvent.Unknown.class);
    }
}
