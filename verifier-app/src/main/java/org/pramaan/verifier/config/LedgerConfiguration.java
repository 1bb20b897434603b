package org.pramaan.verifier.config;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.pramaan.ledger.Ledger;
import org.pramaan.ledger.fabric.FabricLedger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ledger as the verifier sees it: the read-only {@code verifier} identity of the connection file,
 * through the Fabric Gateway (the development peer under {@code ./pramaan up}, real Fabric in
 * production). Event checkpoints live in this service's database.
 */
@Configuration(proxyBeanMethods = false)
public class LedgerConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    FabricLedger fabricLedger(VerifierProperties properties, DataSource dataSource,
                              @Value("${verifier.ledger-evaluate-timeout:2s}") Duration evaluateTimeout) {
        return FabricLedger.connect(Path.of(properties.ledger()), dataSource,
                new FabricLedger.Settings(evaluateTimeout, null, null, null, null, null, null, null, null));
    }

    // Closed with the FabricLedger it comes from.
    @Bean(destroyMethod = "")
    Ledger ledger(FabricLedger fabricLedger) {
        return fabricLedger.ledger("verifier");
    }
}
