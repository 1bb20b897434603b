package org.pramaan.verifier.config;

import java.io.IOException;
import java.time.Clock;
import javax.sql.DataSource;
import org.pramaan.ledger.Ledger;
import org.pramaan.ledger.dev.DevIdentities;
import org.pramaan.ledger.dev.DevLedger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ledger as the verifier sees it: a read-only identity ({@code role=verifier}). With
 * {@code LEDGER=dev} that is DevLedger on the service's own database, shared with the issuer.
 */
@Configuration(proxyBeanMethods = false)
public class LedgerConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    Ledger ledger(VerifierProperties properties, DataSource dataSource, Clock clock) throws IOException {
        if (!"dev".equals(properties.ledger())) {
            throw new IllegalStateException("LEDGER=" + properties.ledger() + " is not supported by this build of the"
                    + " verifier yet; use LEDGER=dev (the ledger module has no Fabric client yet)");
        }
        DevIdentities identities = DevIdentities.open(properties.home().resolve("ledger"), clock);
        return DevLedger.open(dataSource, identities.verifier(), DevLedger.Settings.of(identities.organisations()), clock);
    }
}
