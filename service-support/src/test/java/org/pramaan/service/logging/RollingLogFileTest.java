package org.pramaan.service.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LogFile;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/**
 * With a log file set ({@code LOG_FILE}, {@code logging.file.name}), {@code logback-masked.xml} writes the services'
 * lines to that file alone, rolled daily and by size, capped in total (retention, issue 19 part 4), still masked, in
 * plain text or the structured format of {@code LOG_FORMAT}; stdout gets none of them, so a run script's redirection
 * of stdout cannot grow without bound.
 */
@ExtendWith(OutputCaptureExtension.class)
class RollingLogFileTest {

    private static final String CONFIG = "classpath:org/pramaan/service/logging/logback-masked.xml";

    @TempDir
    Path logs;

    private final Logger log = LoggerFactory.getLogger(RollingLogFileTest.class);

    @AfterEach
    void backToStdout() {
        configure(new MockEnvironment().withProperty("logging.structured.format.console", ""));
    }

    @Test
    void linesGoToADailySizeCappedFileOnlyAndStayMasked(CapturedOutput output) throws IOException {
        Path file = logs.resolve("issuer-service.log");
        configure(new MockEnvironment().withProperty("logging.file.name", file.toString())
                .withProperty("logging.structured.format.console", ""));
        String marker = UUID.randomUUID().toString();
        log.info("{} sent to +91 98765 43210", marker);

        assertThat(output.getOut()).doesNotContain(marker);
        String written = Files.readString(file);
        assertThat(written).contains(marker).doesNotContain("98765 43210").doesNotContain("9876543210");

        SizeAndTimeBasedRollingPolicy<?> policy = policy();
        assertThat(policy.getFileNamePattern()).isEqualTo(file + ".%d{yyyy-MM-dd}.%i.gz");
        assertThat(policy.getMaxHistory()).isEqualTo(30);
        assertThat(fieldOf(policy, "totalSizeCap").toString()).isEqualTo("1 GB");
        assertThat(fieldOf(policy, "maxFileSize").toString()).isEqualTo("100 MB");
    }

    @Test
    void theCapAndHistoryAreSettableAndTheStructuredFormatGoesToTheFileToo(CapturedOutput output)
            throws IOException {
        Path file = logs.resolve("bridge.log");
        // As the environment variables would set them (logback reads both system properties and the environment).
        System.setProperty("LOG_TOTAL_SIZE_CAP", "50MB");
        System.setProperty("LOG_MAX_HISTORY", "7");
        configure(new MockEnvironment().withProperty("logging.file.name", file.toString())
                .withProperty("logging.structured.format.console", "ecs"));
        String marker = UUID.randomUUID().toString();
        log.info("{} sent to 919876543210", marker);

        assertThat(output.getOut()).doesNotContain(marker);
        String line = Files.readAllLines(file).stream().filter(l -> l.contains(marker)).findFirst().orElseThrow();
        assertThat(line).startsWith("{").doesNotContain("9876543210");
        assertThat(fieldOf(policy(), "totalSizeCap").toString()).isEqualTo("50 MB");
        assertThat(policy().getMaxHistory()).isEqualTo(7);
    }

    @Test
    void withoutAFileLinesGoToStdout(CapturedOutput output) {
        configure(new MockEnvironment().withProperty("logging.structured.format.console", ""));
        String marker = UUID.randomUUID().toString();
        log.info("{} to stdout", marker);
        assertThat(output.getOut()).contains(marker);
    }

    private static SizeAndTimeBasedRollingPolicy<?> policy() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Appender<?> appender = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("FILE");
        assertThat(appender).isInstanceOf(RollingFileAppender.class);
        assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE")).isNull();
        return (SizeAndTimeBasedRollingPolicy<?>) ((RollingFileAppender<?>) appender).getRollingPolicy();
    }

    private static Object fieldOf(Object target, String name) {
        // Logback has no getters for these: read the fields the configuration set.
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            try {
                var field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(target);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no field " + name);
    }

    /** As Spring Boot's LoggingApplicationListener does when a service starts with these settings. */
    private static void configure(MockEnvironment environment) {
        environment.withProperty("spring.application.name", "rolling-test");
        System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
        System.clearProperty("LOG_FILE");
        for (String p : new String[] {"LOGBACK_ROLLINGPOLICY_TOTAL_SIZE_CAP", "LOGBACK_ROLLINGPOLICY_MAX_HISTORY",
                "LOGBACK_ROLLINGPOLICY_MAX_FILE_SIZE", "LOGBACK_ROLLINGPOLICY_FILE_NAME_PATTERN"}) {
            System.clearProperty(p);
        }
        if (!environment.containsProperty("logging.file.name")) {
            System.clearProperty("LOG_TOTAL_SIZE_CAP");
            System.clearProperty("LOG_MAX_HISTORY");
        }
        LoggingSystem system = LoggingSystem.get(RollingLogFileTest.class.getClassLoader());
        system.cleanUp();
        system.beforeInitialize();
        system.initialize(new LoggingInitializationContext(environment), CONFIG, LogFile.get(environment));
    }
}
