package org.pramaan.ledger.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pramaan.chaincode.certificate.CertificateRequest;
import org.pramaan.chaincode.certificate.ReasonCode;
import org.pramaan.chaincode.certificate.RevocationReason;
import org.pramaan.credential.keys.CertificateAuthority;
import org.pramaan.ledger.Ledger;
import org.pramaan.ledger.LedgerErrorCode;
import org.pramaan.ledger.LedgerException;
import org.pramaan.ledger.LedgerFixtures;
import org.pramaan.ledger.identity.IdentityMinter;
import org.pramaan.ledger.identity.LedgerIdentity;

/** What DevLedger promises beyond the shared contract suite. */
class DevLedgerTest {

    private static final Set<String> RECORD_FIELDS = Set.of("id", "department", "type", "claimsHash", "kid", "issuedAt",
            "validUntil", "status", "revokedAt", "revocationReason");

    private final DataSource database = TestDatabase.fresh();
    private final List<Ledger> opened = new ArrayList<>();

    @BeforeEach
    void registerRevenue() {
        Ledger admin = open(LedgerFixtures.ADMIN);
        admin.registerIssuer(LedgerFixtures.department("REV", "Revenue"));
        admin.addSignerKey("REV", LedgerFixtures.signer(LedgerFixtures.REV_SIGNER));
    }

    @AfterEach
    void close() {
        opened.forEach(Ledger::close);
    }

    @Test
    void anIdentityFromAnUnknownCaIsRefusedBeforeAnythingRuns() {
        CertificateAuthority stranger = CertificateAuthority.createRoot("Stranger CA", LedgerFixtures.FROM, Duration.ofDays(365));
        LedgerIdentity impostor = new IdentityMinter(LedgerFixtures.GOV, stranger)
                .mint("impostor", Map.of("role", "admin"), LedgerFixtures.FROM, Duration.ofDays(365));
        LedgerIdentity unknownOrganisation = new IdentityMinter("ShadowMSP", stranger)
                .mint("shadow", Map.of("role", "admin"), LedgerFixtures.FROM, Duration.ofDays(365));

        assertThatThrownBy(() -> open(impostor)).isInstanceOfSatisfying(LedgerException.class,
                e -> assertThat(e.code()).isEqualTo(LedgerErrorCode.FORBIDDEN));
        assertThatThrownBy(() -> open(unknownOrganisation)).hasMessageContaining("belongs to no organisation");
    }

    @Test
    void theWorldStateHoldsOnlyRecordFieldsNoPersonalData() throws Exception {
        open(LedgerFixtures.REV_ISSUER).issue(List.of(LedgerFixtures.revenueCertificate(1), LedgerFixtures.revenueCertificate(2)));
        ObjectMapper json = new ObjectMapper();
        int certificates = 0;
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT state_key, state_value FROM devledger.state")) {
            while (row.next()) {
                String key = new String(row.getBytes(1), java.nio.charset.StandardCharsets.UTF_8);
                if (key.startsWith("\u0000CERT\u0000")) {
                    certificates++;
                    JsonNode record = json.readTree(row.getBytes(2));
                    Set<String> fields = new HashSet<>();
                    record.fieldNames().forEachRemaining(fields::add);
                    assertThat(RECORD_FIELDS).containsAll(fields);
                }
            }
        }
        assertThat(certificates).isEqualTo(2);
    }

    @Test
    void aTransactionWhoseReadsChangedBeforeCommitIsRefused() throws Exception {
        CertificateRequest request = LedgerFixtures.revenueCertificate(1);
        open(LedgerFixtures.REV_ISSUER).issue(List.of(request));
        DevTransactor first = transactor(LedgerFixtures.REV_ISSUER);
        String id = request.id().toString();

        // Two revocations read the same record; the second to commit must be refused, not lost.
        try (Connection a = database.getConnection(); Connection b = database.getConnection()) {
            DevTransactor.Simulation one = first.simulate(a, "RevokeCertificate", id, "FRAUD", "forged income proof");
            DevTransactor.Simulation two = first.simulate(b, "RevokeCertificate", id, "DATA_CORRECTED", "typo in address");
            one.commit();
            assertThatThrownBy(two::commit).isInstanceOfSatisfying(LedgerException.class,
                    e -> assertThat(e.code()).isEqualTo(LedgerErrorCode.MVCC_READ_CONFLICT));
        }
        assertThat(open(LedgerFixtures.VERIFIER).read(id).orElseThrow().revocationReason().code()).isEqualTo(ReasonCode.FRAUD);
    }

    @Test
    void processesIssuingAtOnceAllCommitOnOneUnbrokenChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Integer>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            Ledger ledger = open(LedgerFixtures.REV_ISSUER);
            int writer = w;
            writers.add(() -> {
                int issued = 0;
                for (int i = 0; i < 10; i++) {
                    issued += ledger.issue(List.of(LedgerFixtures.revenueCertificate(writer * 100 + i))).value().issued().size();
                }
                return issued;
            });
        }
        int total = 0;
        for (Future<Integer> result : pool.invokeAll(writers)) {
            total += result.get();
        }
        pool.shutdown();

        assertThat(total).isEqualTo(40);
        assertThat(ChainAudit.verify(database)).isEmpty();
    }

    @Test
    void anEditedBlockBreaksTheChain() throws Exception {
        open(LedgerFixtures.REV_ISSUER).issue(List.of(LedgerFixtures.revenueCertificate(1)));
        assertThat(ChainAudit.verify(database)).isEmpty();
        try (Connection connection = database.getConnection();
             PreparedStatement edit = connection.prepareStatement(
                     "UPDATE devledger.block SET data_hash = sha256('forged'::bytea) WHERE block_number = 2")) {
            edit.executeUpdate();
        }

        assertThat(ChainAudit.verify(database)).hasValueSatisfying(b -> assertThat(b.blockNumber()).isEqualTo(2));
    }

    @Test
    void revokingRetriesAfterAConflictAndThenSeesTheFirstRevocation() {
        CertificateRequest request = LedgerFixtures.revenueCertificate(1);
        open(LedgerFixtures.REV_ISSUER).issue(List.of(request));
        Ledger ledger = open(LedgerFixtures.REV_ISSUER);

        ledger.revoke(request.id().toString(), new RevocationReason(ReasonCode.FRAUD, "forged"));

        assertThatThrownBy(() -> ledger.revoke(request.id().toString(), new RevocationReason(ReasonCode.OTHER, "x")))
                .isInstanceOfSatisfying(LedgerException.class, e -> assertThat(e.code()).isEqualTo(LedgerErrorCode.CONFLICT));
    }

    private Ledger open(LedgerIdentity identity) {
        Ledger ledger = DevLedger.open(database, identity, DevLedger.Settings.of(LedgerFixtures.organisations()), Clock.systemUTC());
        opened.add(ledger);
        return ledger;
    }

    private DevTransactor transactor(LedgerIdentity identity) {
        return new DevTransactor(database, identity, new ContractDispatcher(new org.pramaan.chaincode.CertificateContract()),
                Clock.systemUTC(), "certificates", Duration.ofMillis(200));
    }
}
