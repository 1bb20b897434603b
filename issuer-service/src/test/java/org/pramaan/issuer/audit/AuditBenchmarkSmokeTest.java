package org.pramaan.issuer.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pramaan.network.DevNetwork;
import org.pramaan.network.DevNetworkSettings;

/**
 * The audit benchmark at a small size, so that {@code mvn verify} keeps it working: 3,000 seeded
 * certificates on a network of its own, audited through the peer, all compared, none mismatched.
 * The full million runs only as {@code ./pramaan bench audit}.
 */
class AuditBenchmarkSmokeTest {

    @Test
    void aSmallRunAuditsEverySeededCertificateAndFindsNothingWrong() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AuditBenchmark.Result result;
        try (DevNetwork network = DevNetwork.start(DevNetworkSettings.fromSystemProperties()
                .withDepartments(List.of(AuditBenchmark.DEPARTMENT)))) {
            result = AuditBenchmark.run(network, 3_000, 500, new PrintStream(out, true, StandardCharsets.UTF_8));
        }
        assertThat(result.auditCompared()).isEqualTo(3_000);
        assertThat(result.baselineCompared()).isEqualTo(3_000);
        assertThat(result.mismatches()).isZero();
        assertThat(AuditBenchmark.report(result)).contains("certificates/s");
    }
}
