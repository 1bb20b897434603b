package org.pramaan.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pramaan.chaincode.testing.Fixtures.batch;
import static org.pramaan.chaincode.testing.Fixtures.entry;
import static org.pramaan.chaincode.testing.Fixtures.hash;
import static org.pramaan.chaincode.testing.Fixtures.newId;
import static org.pramaan.chaincode.testing.Fixtures.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pramaan.chaincode.testing.ContractHarness;
import org.pramaan.chaincode.testing.Fixtures;
import org.pramaan.chaincode.testing.Fixtures.Signer;
import org.pramaan.chaincode.testing.Session;
import org.pramaan.chaincode.testing.TestIdentity;
import org.pramaan.contract.core.ErrorCode;

/** ListCertificates: one department's records page by page, for the auditor, the admin and its own issuers only. */
class ListCertificatesTest {

    private static final TestIdentity AUDITOR = TestIdentity.withAttributes("auditor", "AuditMSP",
            "{\"attrs\":{\"role\":\"auditor\"}}");

    private ContractHarness harness;
    private final List<String> revIds = new ArrayList<>();

    @BeforeEach
    void setUp() {
        harness = new ContractHarness(ContractSettings.defaults());
        Signer rev = Fixtures.registerDepartment(harness, "REV");
        Signer revx = Fixtures.registerDepartment(harness, "REVX");
        Signer hlt = Fixtures.registerDepartment(harness, "HLT");
        for (int i = 0; i < 5; i++) {
            String id = newId("REV", "INC");
            revIds.add(id);
            harness.as(TestIdentity.issuer("REV")).issueCertificates(batch(entry(id, hash("r" + i), rev.kid())));
        }
        // Neighbours in key order on both sides: HLT before REV, REVX right after it.
        harness.as(TestIdentity.issuer("REVX")).issueCertificates(batch(entry(newId("REVX", "INC"), hash("x"), revx.kid())));
        harness.as(TestIdentity.issuer("HLT")).issueCertificates(batch(entry(newId("HLT", "BIRTH"), hash("h"), hlt.kid())));
        revIds.sort(null);
    }

    @Test
    void pagesWalkExactlyTheDepartmentsCertificatesInIdOrder() {
        Session auditor = harness.as(AUDITOR);
        List<String> seen = new ArrayList<>();
        String bookmark = "";
        int pages = 0;
        do {
            JsonNode page = parse(auditor.listCertificates("REV", "2", bookmark));
            page.get("certificates").forEach(c -> seen.add(c.get("id").asText()));
            bookmark = page.get("bookmark").asText();
            pages++;
        } while (!bookmark.isEmpty() && pages < 10);
        assertThat(seen).containsExactlyElementsOf(revIds);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void eachListedRecordIsTheSameJsonAsReadCertificateAnswers() {
        Session auditor = harness.as(AUDITOR);
        String listing = auditor.listCertificates("REV", "100", "");
        for (String id : revIds) {
            assertThat(listing).contains(auditor.readCertificate(id));
        }
        assertThat(parse(listing).get("bookmark").asText()).isEmpty();
        assertThat(listing).startsWith("{\"certificates\":[{").endsWith("}],\"bookmark\":\"\"}");
    }

    @Test
    void theAdminAndTheDepartmentsIssuerMayListOthersMayNot() {
        assertThat(parse(harness.as(TestIdentity.admin()).listCertificates("REV", "100", ""))
                .get("certificates")).hasSize(5);
        assertThat(parse(harness.as(TestIdentity.issuer("REV")).listCertificates("REV", "100", ""))
                .get("certificates")).hasSize(5);
        harness.refused(ErrorCode.FORBIDDEN, () -> harness.as(TestIdentity.issuer("HLT")).listCertificates("REV", "100", ""));
        harness.refused(ErrorCode.FORBIDDEN, () -> harness.as(TestIdentity.withAttributes("verifier", "GovMSP",
                "{\"attrs\":{\"role\":\"verifier\"}}")).listCertificates("REV", "100", ""));
    }

    @Test
    void aBookmarkOfAnotherDepartmentOrAnOversizedPageIsRefused() {
        Session auditor = harness.as(AUDITOR);
        harness.refused(ErrorCode.INVALID_ARGUMENT, () -> auditor.listCertificates("REV", "10", newId("HLT", "BIRTH")));
        harness.refused(ErrorCode.INVALID_ARGUMENT, () -> auditor.listCertificates("REV", "10", "\u0000ISSUER\u0000"));
        harness.refused(ErrorCode.INVALID_ARGUMENT, () -> auditor.listCertificates("REV", "5001", ""));
        harness.refused(ErrorCode.INVALID_ARGUMENT, () -> auditor.listCertificates("REV", "0", ""));
    }
}
