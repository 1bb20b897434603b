package org.pramaan.issuer.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.pramaan.issuer.IssuerProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The database: {@code DATABASE_URL} when set, otherwise the embedded PostgreSQL. */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    DataSource dataSource(IssuerProperties properties,
                          @Value("${pramaan.database.url:}") String databaseUrl,
                          @Value("${pramaan.database.embedded-port:0}") int embeddedPort,
                          @Value("${pramaan.database.embedded-folder:}") String embeddedFolder,
                          @Value("${pramaan.database.embedded-name:pramaan}") String embeddedName,
                          @Value("${pramaan.database.pool-size:10}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("issuer");
        config.setMaximumPoolSize(poolSize);
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            DatabaseUrl url = DatabaseUrl.parse(databaseUrl);
            config.setJdbcUrl(url.jdbcUrl());
            if (url.user() != null) {
                config.setUsername(url.user());
                config.setPassword(url.password());
            }
        } else {
            Path folder = switch (embeddedFolder) {
                case "" -> properties.home().resolve("postgres");
                case "temporary" -> null;
                default -> Path.of(embeddedFolder);
            };
            config.setJdbcUrl(EmbeddedDatabase.jdbcUrl(folder, embeddedPort, embeddedName));
            config.setUsername("postgres");
        }
        return new HikariDataSource(config);
    }
}
