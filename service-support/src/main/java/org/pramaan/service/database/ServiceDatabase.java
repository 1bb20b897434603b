package org.pramaan.service.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service's connection pool on the PostgreSQL named by {@code DATABASE_URL} or, when that is not
 * set, on an embedded PostgreSQL started for it, so the service runs on a fresh machine. Closing it
 * closes the pool and then stops the embedded server, if one was started. In the services
 * {@link DatabaseAutoConfiguration} declares it from {@link DatabaseProperties}; tools open their own:
 * <pre>{@code
 * try (ServiceDatabase database = ServiceDatabase.builder("issuer-audit").databaseUrl(url).poolSize(2).open()) {
 *     ...
 * }
 * }</pre>
 */
public final class ServiceDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceDatabase.class);

    private final HikariDataSource dataSource;
    private final EmbeddedPostgresServer embedded;

    private ServiceDatabase(HikariDataSource dataSource, EmbeddedPostgresServer embedded) {
        this.dataSource = dataSource;
        this.embedded = embedded;
    }

    /** Settings for a pool named {@code poolName} (it names the pool's threads and metrics). */
    public static Builder builder(String poolName) {
        return new Builder(poolName);
    }

    /** The pool; it closes with this object. */
    public HikariDataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        try {
            dataSource.close();
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /** What differs between the services; everything but the pool name has a default. */
    public static final class Builder {

        private final String poolName;
        private String databaseUrl = "";
        private Path embeddedDirectory;
        private int embeddedPort;
        private String embeddedDatabase = "postgres";
        private EmbeddedPostgresServer.Durability durability = EmbeddedPostgresServer.Durability.DURABLE;
        private int poolSize = 10;
        private Duration connectionTimeout = Duration.ofSeconds(2);
        private String schema;
        private String user;
        private String password;

        private Builder(String poolName) {
            this.poolName = Objects.requireNonNull(poolName, "poolName");
        }

        /** {@code DATABASE_URL}; null or blank starts the embedded server instead. */
        public Builder databaseUrl(String databaseUrl) {
            this.databaseUrl = databaseUrl == null ? "" : databaseUrl;
            return this;
        }

        /** Where the embedded server keeps its data between runs; null: a throw-away folder. */
        public Builder embeddedDirectory(Path embeddedDirectory) {
            this.embeddedDirectory = embeddedDirectory == null ? null : embeddedDirectory.toAbsolutePath();
            return this;
        }

        /** The embedded server's port; 0: any free one. */
        public Builder embeddedPort(int embeddedPort) {
            if (embeddedPort < 0) {
                throw new IllegalArgumentException("embeddedPort must be 0 or a port, got " + embeddedPort);
            }
            this.embeddedPort = embeddedPort;
            return this;
        }

        /** The database on the embedded server, created when missing. */
        public Builder embeddedDatabase(String embeddedDatabase) {
            this.embeddedDatabase = Objects.requireNonNull(embeddedDatabase, "embeddedDatabase");
            return this;
        }

        /** How the embedded server treats commits; durable unless a test asks for {@code FAST} by name. */
        public Builder embeddedDurability(EmbeddedPostgresServer.Durability durability) {
            this.durability = Objects.requireNonNull(durability, "durability");
            return this;
        }

        public Builder poolSize(int poolSize) {
            if (poolSize < 1) {
                throw new IllegalArgumentException("poolSize must be at least 1, got " + poolSize);
            }
            this.poolSize = poolSize;
            return this;
        }

        /**
         * How long a request waits for a connection before it is refused (then answered 503). Short on
         * purpose: in an outage a client learns it in about 2 s instead of hanging for Hikari's 30 s.
         */
        public Builder connectionTimeout(Duration connectionTimeout) {
            if (connectionTimeout.toMillis() < 250) {
                throw new IllegalArgumentException("connectionTimeout must be at least 250 ms, got " + connectionTimeout);
            }
            this.connectionTimeout = connectionTimeout;
            return this;
        }

        /** Signs in as {@code user} whatever the URL says (operators keep the password out of the URL this way). */
        public Builder credentials(String user, String password) {
            this.user = Objects.requireNonNull(user, "user");
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /** Sets the connections' search path ({@code currentSchema}); without it the SQL names its schema. */
        public Builder schema(String schema) {
            this.schema = Objects.requireNonNull(schema, "schema");
            return this;
        }

        /** Starts the embedded server if needed, then the pool. */
        public ServiceDatabase open() {
            EmbeddedPostgresServer server = null;
            DatabaseUrl url;
            if (databaseUrl.isBlank()) {
                server = EmbeddedPostgresServer.start(embeddedDirectory, embeddedPort, durability);
            }
            try {
                if (server != null) {
                    url = server.database(embeddedDatabase);
                } else {
                    url = DatabaseUrl.parse(databaseUrl);
                    LOG.info("PostgreSQL at {}", url);
                }
                return new ServiceDatabase(new HikariDataSource(config(url)), server);
            } catch (RuntimeException e) {
                if (server != null) {
                    server.close();
                }
                throw e;
            }
        }

        private HikariConfig config(DatabaseUrl url) {
            HikariConfig config = new HikariConfig();
            config.setPoolName(poolName);
            config.setMaximumPoolSize(poolSize);
            config.setConnectionTimeout(connectionTimeout.toMillis());
            config.setValidationTimeout(Math.min(1000, connectionTimeout.toMillis() / 2));
            // A new connection to a dead server fails within the connection timeout, not the driver's 10 s.
            config.addDataSourceProperty("connectTimeout", Long.toString(Math.max(1, connectionTimeout.toSeconds())));
            config.setJdbcUrl(schema == null ? url.jdbcUrl() : url.withSchema(schema));
            if (user != null) {
                config.setUsername(user);
                config.setPassword(password);
            } else if (url.user() != null) {
                config.setUsername(url.user());
                config.setPassword(url.password());
            }
            return config;
        }
    }
}
