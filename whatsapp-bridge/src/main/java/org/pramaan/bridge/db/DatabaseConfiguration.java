package org.pramaan.bridge.db;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.pramaan.bridge.config.DatabaseProperties;
import org.pramaan.service.database.ServiceDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.pramaan.service.outage.DatabaseOutageAnswers;
import org.pramaan.service.outage.DatabaseOutageFilter;

/** PostgreSQL from DATABASE_URL, or an embedded one so the bridge runs on a fresh machine. */
@Configuration(proxyBeanMethods = false)
@Import({DatabaseOutageAnswers.class, DatabaseOutageFilter.class})
public class DatabaseConfiguration {

    /** The bridge's SQL names no schema; the connections' search path supplies it. */
    static final String SCHEMA = "bridge";

    @Bean(destroyMethod = "close")
    ServiceDatabase bridgeDatabase(DatabaseProperties properties) {
        String folder = properties.embeddedDirectory();
        return ServiceDatabase.builder("bridge").databaseUrl(properties.url())
                .embeddedDirectory(folder == null || folder.isBlank() ? null : Path.of(folder))
                .poolSize(20).schema(SCHEMA).open();
    }

    // The pool closes with bridgeDatabase, before the embedded server it runs on.
    @Bean(destroyMethod = "")
    HikariDataSource dataSource(ServiceDatabase bridgeDatabase) {
        return bridgeDatabase.dataSource();
    }
}
