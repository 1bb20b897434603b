package org.pramaan.service.database;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every service's database settings, under {@code pramaan.database}; each service's application file
 * binds them to the same environment variables:
 *
 * @param url            {@code DATABASE_URL}: {@code postgres://user:pass@host:port/db} or {@code jdbc:postgresql://...};
 *                       blank starts an embedded PostgreSQL (development)
 * @param user           {@code DATABASE_USER}: overrides the URL's user, so a password need not sit in the URL
 * @param password       {@code DATABASE_PASSWORD}: with {@code user}
 * @param poolName       names the pool's threads and its {@code hikaricp_*} metrics (the service's own name)
 * @param poolSize       {@code DATABASE_POOL_SIZE}: most connections the service holds
 * @param connectTimeout {@code DATABASE_CONNECT_TIMEOUT}: how long a request waits for a connection before it is
 *                       answered 503 (at least 250 ms)
 * @param schema         the connections' search path; blank: the SQL names its schema
 * @param embeddedFolder {@code EMBEDDED_POSTGRES_DIR}: the embedded server's data folder, kept between runs;
 *                       blank or {@code temporary}: a throw-away one
 * @param embeddedPort   {@code EMBEDDED_POSTGRES_PORT}: the embedded server's port; 0: any free one
 * @param embeddedName   {@code EMBEDDED_POSTGRES_DATABASE}: the database on the embedded server, made when missing
 */
@ConfigurationProperties("pramaan.database")
public record DatabaseProperties(@DefaultValue("") String url,
                                 @DefaultValue("") String user,
                                 @DefaultValue("") String password,
                                 @DefaultValue("service") String poolName,
                                 @DefaultValue("10") int poolSize,
                                 @DefaultValue("2s") Duration connectTimeout,
                                 @DefaultValue("") String schema,
                                 @DefaultValue("") String embeddedFolder,
                                 @DefaultValue("0") int embeddedPort,
                                 @DefaultValue("postgres") String embeddedName) {

    /** The folder's value that asks for a throw-away data folder, as a blank one does. */
    public static final String TEMPORARY = "temporary";

    public DatabaseProperties {
        url = url == null ? "" : url.strip();
        user = user == null ? "" : user.strip();
        password = password == null ? "" : password;
        schema = schema == null ? "" : schema.strip();
        embeddedFolder = embeddedFolder == null ? "" : embeddedFolder.strip();
    }

    /** The embedded server's data folder, or null for a throw-away one. */
    public Path embeddedDirectory() {
        return embeddedFolder.isEmpty() || embeddedFolder.equals(TEMPORARY) ? null : Path.of(embeddedFolder);
    }

    /** The pool these settings describe, with its embedded server when {@code url} is blank (not yet opened). */
    public ServiceDatabase.Builder builder() {
        ServiceDatabase.Builder builder = ServiceDatabase.builder(poolName).databaseUrl(url).poolSize(poolSize)
                .connectionTimeout(connectTimeout).embeddedDirectory(embeddedDirectory()).embeddedPort(embeddedPort)
                .embeddedDatabase(embeddedName);
        if (!user.isEmpty()) {
            builder.credentials(user, password);
        }
        return schema.isEmpty() ? builder : builder.schema(schema);
    }

    // The password never reaches a log through this record.
    @Override
    public String toString() {
        return "DatabaseProperties[url=" + (url.isEmpty() ? "(embedded)" : "(set)") + ", user=" + user
                + ", poolName=" + poolName + ", poolSize=" + poolSize + ", schema=" + schema + ", embeddedFolder="
                + embeddedFolder + "]";
    }
}
