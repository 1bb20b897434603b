package org.pramaan.service.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services' logging configuration ({@code logback-masked.xml}) set up by Spring Boot's logging system as a
 * service starts it, in each format {@code LOG_FORMAT} may choose: a line carrying a phone number, an Aadhaar number
 * and an exception quoting both (as a driver's "Failing row contains" does) comes out in that format with both
 * numbers masked in the message, the stack trace and the context (MDC and key-value pairs).
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogMaskingTest {

    private static final String CONFIG = "classpath:org/pramaan/service/logging/logback-masked.xml";
    private static final String PHONE = "+91 98765 43210";
    private static final String AADHAAR = "2341 2341 2346";
    /** An Indian mobile (with or without 91) or a 12-digit Aadhaar number, not part of a longer token. */
    private static final Pattern PERSONAL_NUMBER = Pattern.compile(
            "(?<![0-9A-Za-z_-])(?:(?:\\+?91[ -]?)?[6-9][0-9]{4}[ -]?[0-9]{5}|[2-9][0-9]{3}[ -]?[0-9]{4}[ -]?[0-9]{4})"
                    + "(?![0-9A-Za-z_-])");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Logger log = LoggerFactory.getLogger(StructuredLogMaskingTest.class);

    @AfterEach
    void backToPlainText() {
        configure("");
        MDC.clear();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecs", "logstash", "gelf"})
    void everyStructuredFormatMasksMessageStackTraceAndContext(String format, CapturedOutput output) {
        configure(format);
        String marker = logOneLineWithPersonalNumbers();

        List<String> lines = output.getOut().lines().filter(l -> l.contains(marker)).toList();
        assertThat(lines).as("one %s line", format).hasSize(1);
        String line = lines.get(0);
        assertThat(line).as("LOG_FORMAT=%s gives JSON", format).startsWith("{");
        JsonNode json = JSON.readTree(line);
        assertThat(json.has(messageField(format))).as("a %s object: %s", format, line).isTrue();
        assertThat(line).as("the stack trace is there").contains("IllegalStateException", "Failing row contains");
        assertThat(PERSONAL_NUMBER.matcher(line).results().map(m -> m.group()).toList())
                .as("unmasked numbers in %s", line).isEmpty();
        assertThat(line).contains("XXXXXX3210", "XXXX XXXX 2346");
    }

    @Test
    void plainTextMasksMessageAndStackTrace(CapturedOutput output) {
        configure("");
        String marker = logOneLineWithPersonalNumbers();

        String logged = output.getOut().substring(output.getOut().indexOf(marker));
        assertThat(logged).contains("IllegalStateException", "XXXXXX3210", "XXXX XXXX 2346");
        assertThat(PERSONAL_NUMBER.matcher(logged).results().map(m -> m.group()).toList()).isEmpty();
    }

    private String logOneLineWithPersonalNumbers() {
        String marker = "masking-" + UUID.randomUUID();
        MDC.put("citizen", PHONE);
        IllegalStateException failure = new IllegalStateException("Failing row contains (" + PHONE + ", " + AADHAAR + ")");
        failure.setStackTrace(new StackTraceElement[] {failure.getStackTrace()[0]}); // a short line to read
        log.atWarn().addKeyValue("aadhaar", AADHAAR).setCause(failure)
                .log("{} application from {} with Aadhaar {}", marker, PHONE, AADHAAR);
        MDC.clear();
        return marker;
    }

    private static String messageField(String format) {
        return Map.of("ecs", "message", "logstash", "message", "gelf", "short_message").get(format);
    }

    /** As Spring Boot's LoggingApplicationListener does when a service starts with these settings. */
    private static void configure(String format) {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.application.name", "masking-test")
                .withProperty("logging.structured.format.console", format);
        // Boot copies the format to a system property and leaves a stale one when the new value is empty; a
        // service's JVM starts without it.
        System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
        LoggingSystem system = LoggingSystem.get(StructuredLogMaskingTest.class.getClassLoader());
        system.cleanUp();
        system.beforeInitialize();
        system.initialize(new LoggingInitializationContext(environment), CONFIG, null);
    }
}
