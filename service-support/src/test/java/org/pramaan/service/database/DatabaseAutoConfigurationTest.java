package org.pramaan.service.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The auto-configuration as a service gets it: settings bound from {@code pramaan.database.*}, a real embedded server. */
class DatabaseAutoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DatabaseAutoConfiguration.class));

    @Test
    void poolNameSizeSchemaAndEmbeddedFolderComeFromTheProperties(@TempDir Path folder) {
        context.withPropertyValues("pramaan.database.pool-name=bridge", "pramaan.database.pool-size=7",
                        "pramaan.database.schema=bridge", "pramaan.database.connect-timeout=3s",
                        "pramaan.database.embedded-folder=" + folder.resolve("pg"),
                        "pramaan.database.embedded-name=bridge_test")
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    HikariDataSource pool = started.getBean(HikariDataSource.class);
                    assertThat(pool.getPoolName()).isEqualTo("bridge");
                    assertThat(pool.getMaximumPoolSize()).isEqualTo(7);
                    assertThat(pool.getConnectionTimeout()).isEqualTo(3000);
                    assertThat(pool.getJdbcUrl()).contains("/bridge_test").contains("currentSchema=bridge");
                    assertThat(scalar(pool, "SELECT current_database()")).isEqualTo("bridge_test");
                    assertThat(started.getBean(ServiceDatabase.class).dataSource()).isSameAs(pool);
                });
        assertThat(folder.resolve("pg/PG_VERSION")).exists();
    }

    @Test
    void aUrlWithSeparateCredentialsIsUsedAndTheEmbeddedServerIsNotStarted() throws SQLException {
        try (ServiceDatabase server = ServiceDatabase.builder("server").open()) {
            String url = server.dataSource().getJdbcUrl();
            context.withPropertyValues("pramaan.database.url=" + url, "pramaan.database.user=postgres",
                            "pramaan.database.password=unused", "pramaan.database.pool-name=issuer")
                    .run(started -> {
                        HikariDataSource pool = started.getBean(HikariDataSource.class);
                        assertThat(pool.getJdbcUrl()).isEqualTo(url);
                        assertThat(pool.getUsername()).isEqualTo("postgres");
                        assertThat(pool.getMaximumPoolSize()).isEqualTo(10);
                        assertThat(scalar(pool, "SELECT current_user")).isEqualTo("postgres");
                        assertThat(started.getBean(DatabaseProperties.class).toString()).doesNotContain("unused");
                    });
        }
    }

    @Test
    void aDatabaseOfTheServiceOrTestWins() {
        context.withUserConfiguration(OwnDatabase.class).withPropertyValues("pramaan.database.url=postgres://nowhere:1/x")
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    ServiceDatabase own = started.getBean(ServiceDatabase.class);
                    assertThat(started.getBean(DataSource.class)).isSameAs(own.dataSource());
                    assertThat(own.dataSource().getPoolName()).isEqualTo("own");
                });
    }

    @Test
    void aBadUrlFailsTheStartNamingTheSetting() {
        context.withPropertyValues("pramaan.database.url=mysql://host/db").run(started ->
                assertThat(started).hasFailed().getFailure().hasStackTraceContaining("DATABASE_URL must start with"));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnDatabase {
        @Bean(destroyMethod = "close")
        ServiceDatabase ownDatabase() {
            return ServiceDatabase.builder("own").poolSize(2).open();
        }
    }

    private static String scalar(DataSource pool, String sql) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
