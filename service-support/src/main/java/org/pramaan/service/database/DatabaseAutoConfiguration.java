package org.pramaan.service.database;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.pramaan.service.outage.DatabaseOutageAnswers;
import org.pramaan.service.outage.DatabaseOutageFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The service's database from {@link DatabaseProperties}: {@code DATABASE_URL}, or an embedded PostgreSQL
 * in development; database outages answered 503. Before Boot's own DataSource so that one stands back;
 * a service or a test declaring its own {@link ServiceDatabase} or {@link DataSource} wins.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@EnableConfigurationProperties(DatabaseProperties.class)
@Import({DatabaseOutageAnswers.class, DatabaseOutageFilter.class})
public class DatabaseAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    ServiceDatabase serviceDatabase(DatabaseProperties properties) {
        return properties.builder().open();
    }

    // The pool closes with serviceDatabase, before the embedded server it runs on.
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean(DataSource.class)
    HikariDataSource dataSource(ServiceDatabase serviceDatabase) {
        return serviceDatabase.dataSource();
    }
}
