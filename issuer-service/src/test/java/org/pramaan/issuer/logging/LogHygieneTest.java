package org.pramaan.issuer.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pramaan.issuer.bootstrap.DevCredentials;
import org.pramaan.issuer.support.ApiClient.Answer;
import org.pramaan.issuer.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the review found in issuer-service.log: every development password and API key, in clear. The sign-ins are
 * made again (the admin's row removed first) and a citizen's application goes from submission to delivery; the
 * captured output may hold no secret of dev.env and no unmasked phone or Aadhaar number, in plain text and in each
 * structured format {@code LOG_FORMAT} may choose (ecs, logstash, gelf: one JSON object per line).
 */
@ExtendWith(OutputCaptureExtension.class)
class LogHygieneTest extends IntegrationTest {

    /** An Indian mobile (with or without 91) or a 12-digit Aadhaar number, not part of a longer token. */
    static final Pattern PERSONAL_NUMBER = Pattern.compile(
            "(?<![0-9A-Za-z_-])(?:(?:\\+?91[ -]?)?[6-9][0-9]{4}[ -]?[0-9]{5}|[2-9][0-9]{3}[ -]?[0-9]{4}[ -]?[0-9]{4})"
                    + "(?![0-9A-Za-z_-])");

    @Autowired
    DevCredentials devCredentials;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConfigurableEnvironment environment;

    @ParameterizedTest(name = "LOG_FORMAT={0}")
    @ValueSource(strings = {"", "ecs", "logstash", "gelf"})
    void noSecretAndNoPersonalNumberReachesTheLog(String format, CapturedOutput output) {
        try (LogFormat ignored = LogFormat.use(environment, format)) {
            applyAndDeliver(format, output);
        }
    }

    private void applyAndDeliver(String format, CapturedOutput output) {
        jdbc.sql("DELETE FROM issuer.officer WHERE username = 'admin'").update();
        devCredentials.run(null);

        String reference = "log-" + UUID.randomUUID();
        Answer submitted = bridge().post("/api/v1/applications", Map.of("serviceCode", "REV-INCOME", "language", "te",
                "phoneNumber", "+91 98765 43210", "channelReference", reference, "fields", Map.of(
                        "nm", "Kondapalli Ramesh", "ai", "96000", "ah", "2341 2341 2346", "pc", "520001",
                        "mb", "9123456789")));
        assertThat(submitted.status()).isEqualTo(201);
        String id = submitted.json().get("id").asString();
        assertThat(officer("REV").post("/api/v1/applications/" + id + "/approve", Map.of()).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> BRIDGE.received().stream()
                .anyMatch(r -> r.body().contains(id) && r.body().contains("ISSUED")));

        String log = output.getAll();
        List<String> submittedLines = log.lines().filter(l -> l.contains("application " + id + " submitted")).toList();
        assertThat(submittedLines).as("the submission was logged").hasSize(1);
        if (!format.isEmpty()) {
            assertThat(submittedLines.get(0)).as("LOG_FORMAT=%s gives JSON", format).startsWith("{").endsWith("}");
        }
        devEnv().forEach((name, value) -> {
            if (value.length() >= 12 && !name.endsWith("_USER") && !name.endsWith("_ID")) {
                assertThat(log).as("the log holds %s", name).doesNotContain(value);
            }
        });
        assertThat(log).as("the sign-ins were made while captured").contains("ISSUER_ADMIN_PASSWORD");
        assertThat(PERSONAL_NUMBER.matcher(log).results().map(m -> m.group()).toList())
                .as("unmasked phone or Aadhaar numbers").isEmpty();
    }
}
