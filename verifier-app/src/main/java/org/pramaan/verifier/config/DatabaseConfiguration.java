package org.pramaan.verifier.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * PostgreSQL from {@code DATABASE_URL}, or, when it is not set, an embedded server started in this
 * process so the verifier runs on a fresh machine. The DevLedger tables live in the same database.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(VerifierProperties properties) {
        if (!properties.databaseUrl().isBlank()) {
            return EmbeddedDatabase.none();
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (!properties.embeddedDatabaseDir().isBlank()) {
                Path dir = Path.of(properties.embeddedDatabaseDir());
                Files.createDirectories(dir);
                builder.setDataDirectory(dir).setCleanDataDirectory(false);
            }
            EmbeddedPostgres server = builder.start();
            LOG.info("DATABASE_URL is not set: started an embedded PostgreSQL on port {}", server.getPort());
            return EmbeddedDatabase.of(server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL; set DATABASE_URL to use a server", e);
        }
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(VerifierProperties properties, EmbeddedDatabase embedded) {
        HikariConfig config = new HikariConfig();
        if (properties.databaseUrl().isBlank()) {
            config.setJdbcUrl(embedded.jdbcUrl());
            config.setUsername("postgres");
            config.setPassword("postgres");
        } else {
            DatabaseUrl url = DatabaseUrl.parse(properties.databaseUrl());
            LOG.info("PostgreSQL at {}", url);
            config.setJdbcUrl(url.jdbcUrl());
            config.setUsername(url.user());
            config.setPassword(url.password());
        }
        config.setPoolName("verifier");
        config.setMaximumPoolSize(12);
        return new HikariDataSource(config);
    }

    /** The embedded server when one was started; closing stops it. */
    public static final class EmbeddedDatabase implements AutoCloseable {

        private final EmbeddedPostgres server;

        private EmbeddedDatabase(EmbeddedPostgres server) {
            this.server = server;
        }

        static EmbeddedDatabase none() {
            return new EmbeddedDatabase(null);
        }

        static EmbeddedDatabase of(EmbeddedPostgres server) {
            return new EmbeddedDatabase(server);
        }

        String jdbcUrl() {
            return server.getJdbcUrl("postgres", "postgres");
        }

        @Override
        public void close() throws IOException {
            if (server != null) {
                server.close();
            }
        }
    }
}
