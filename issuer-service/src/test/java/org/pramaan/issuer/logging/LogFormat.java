package org.pramaan.issuer.logging;

import java.util.Map;
import org.springframework.boot.logging.LogFile;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The running service's logging set up again as if it had started with {@code LOG_FORMAT=format}: the same
 * {@code logging.config} and environment, as Spring Boot's LoggingApplicationListener does at start. Closing it
 * puts the service back to plain text, so the shared test context is left as it was found.
 */
final class LogFormat implements AutoCloseable {

    private static final String SOURCE = "log-format-under-test";
    private final ConfigurableEnvironment environment;

    private LogFormat(ConfigurableEnvironment environment) {
        this.environment = environment;
    }

    static LogFormat use(ConfigurableEnvironment environment, String format) {
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE,
                Map.of("logging.structured.format.console", format)));
        reinitialise(environment);
        return new LogFormat(environment);
    }

    @Override
    public void close() {
        environment.getPropertySources().remove(SOURCE);
        reinitialise(environment);
    }

    private static void reinitialise(ConfigurableEnvironment environment) {
        // Boot copies the format to a system property and keeps a stale one when the new value is empty.
        System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
        LoggingSystem system = LoggingSystem.get(LogFormat.class.getClassLoader());
        system.cleanUp();
        system.beforeInitialize();
        system.initialize(new LoggingInitializationContext(environment), environment.getProperty("logging.config"),
                LogFile.get(environment));
    }
}
