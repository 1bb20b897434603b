package org.pramaan.verifier.config;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.pramaan.service.database.ServiceDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.pramaan.service.outage.DatabaseOutageAnswers;
import org.pramaan.service.outage.DatabaseOutageFilter;

/**
 * PostgreSQL from {@code DATABASE_URL}, or, when it is not set, an embedded server started in this
 * process so the verifier runs on a fresh machine.
 */
@Configuration(proxyBeanMethods = false)
@Import({DatabaseOutageAnswers.class, DatabaseOutageFilter.class})
public class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    ServiceDatabase verifierDatabase(VerifierProperties properties) {
        String folder = properties.embeddedDatabaseDir();
        return ServiceDatabase.builder("verifier").databaseUrl(properties.databaseUrl())
                .embeddedDirectory(folder.isBlank() ? null : Path.of(folder)).poolSize(12).open();
    }

    // The pool closes with verifierDatabase, before the embedded server it runs on.
    @Bean(destroyMethod = "")
    HikariDataSource dataSource(ServiceDatabase verifierDatabase) {
        return verifierDatabase.dataSource();
    }
}
