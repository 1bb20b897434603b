package org.pramaan.bridge.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pramaan.bridge.config.DatabaseProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** PostgreSQL from DATABASE_URL, or an embedded one so the bridge runs on a fresh machine. */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    static final String SCHEMA = "bridge";
    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(DatabaseProperties properties) {
        if (properties.url() != null && !properties.url().isBlank()) {
            return EmbeddedDatabase.none();
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            String folder = properties.embeddedDirectory();
            if (folder != null && !folder.isBlank()) {
                Path dir = Path.of(folder).toAbsolutePath();
                Files.createDirectories(dir);
                builder.setDataDirectory(dir).setCleanDataDirectory(false);
            }
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL on port {} (set DATABASE_URL to use your own server)", postgres.getPort());
            return EmbeddedDatabase.of(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties properties, EmbeddedDatabase embedded) {
        DatabaseUrl url = embedded.url().orElseGet(() -> DatabaseUrl.parse(properties.url()));
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url.withSchema(SCHEMA));
        config.setUsername(url.user());
        config.setPassword(url.password());
        config.setMaximumPoolSize(20);
        config.setPoolName("bridge");
        return new HikariDataSource(config);
    }

    /** The embedded server's lifetime, tied to the application context. */
    public static final class EmbeddedDatabase implements AutoCloseable {
        private final EmbeddedPostgres postgres;

        private EmbeddedDatabase(EmbeddedPostgres postgres) {
            this.postgres = postgres;
        }

        static EmbeddedDatabase none() {
            return new EmbeddedDatabase(null);
        }

        static EmbeddedDatabase of(EmbeddedPostgres postgres) {
            return new EmbeddedDatabase(postgres);
        }

        java.util.Optional<DatabaseUrl> url() {
            return java.util.Optional.ofNullable(postgres).map(p ->
                    new DatabaseUrl("jdbc:postgresql://127.0.0.1:" + p.getPort() + "/postgres", "postgres", "postgres"));
        }

        @Override
        public void close() {
            if (postgres != null) {
                try {
                    postgres.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

}
