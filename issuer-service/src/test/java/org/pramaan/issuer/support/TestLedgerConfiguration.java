package org.pramaan.issuer.support;

import org.pramaan.issuer.ledger.LedgerConnections;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/** Puts the outage switch in front of the real department ledgers, and adds the controller with bugs. */
@TestConfiguration(proxyBeanMethods = false)
@Import(FaultyController.class)
public class TestLedgerConfiguration {

    @Bean
    @Primary
    SwitchableLedgers switchableLedgers(LedgerConnections real) {
        return new SwitchableLedgers(real);
    }
}
