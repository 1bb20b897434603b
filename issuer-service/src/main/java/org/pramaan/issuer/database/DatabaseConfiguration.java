package org.pramaan.issuer.database;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.pramaan.issuer.IssuerProperties;
import org.pramaan.service.database.ServiceDatabase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.pramaan.service.outage.DatabaseOutageAnswers;
import org.pramaan.service.outage.DatabaseOutageFilter;

/** The database: {@code DATABASE_URL} when set, otherwise the embedded PostgreSQL. */
@Configuration(proxyBeanMethods = false)
@Import({DatabaseOutageAnswers.class, DatabaseOutageFilter.class})
public class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    ServiceDatabase issuerDatabase(IssuerProperties properties,
                                   @Value("${pramaan.database.url:}") String databaseUrl,
                                   @Value("${pramaan.database.embedded-port:0}") int embeddedPort,
                                   @Value("${pramaan.database.embedded-folder:}") String embeddedFolder,
                                   @Value("${pramaan.database.embedded-name:pramaan}") String embeddedName,
                                   @Value("${pramaan.database.pool-size:10}") int poolSize) {
        Path folder = switch (embeddedFolder) {
            case "" -> properties.home().resolve("postgres");
            case "temporary" -> null;
            default -> Path.of(embeddedFolder);
        };
        return ServiceDatabase.builder("issuer").databaseUrl(databaseUrl).embeddedDirectory(folder)
                .embeddedPort(embeddedPort).embeddedDatabase(embeddedName).poolSize(poolSize).open();
    }

    // The pool closes with issuerDatabase, before the embedded server it runs on.
    @Bean(destroyMethod = "")
    DataSource dataSource(ServiceDatabase issuerDatabase) {
        return issuerDatabase.dataSource();
    }
}
