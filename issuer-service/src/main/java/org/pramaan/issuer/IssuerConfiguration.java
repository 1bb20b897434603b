package org.pramaan.issuer;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Beans every part of the service shares. */
@Configuration(proxyBeanMethods = false)
public class IssuerConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    JdbcClient jdbcClient(javax.sql.DataSource dataSource) {
        return JdbcClient.create(dataSource);
    }
}
