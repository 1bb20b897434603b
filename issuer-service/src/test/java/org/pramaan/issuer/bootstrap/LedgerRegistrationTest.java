package org.pramaan.issuer.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.pramaan.issuer.ledger.LedgerConnections;
import org.pramaan.issuer.support.IntegrationTest;
import org.pramaan.ledger.Ledger;
import org.pramaan.ledger.LedgerErrorCode;
import org.pramaan.ledger.LedgerException;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A peer slow to answer while the issuer starts (a loaded machine: `./pramaan up` once stopped with "evaluate of
 * ReadIssuer failed: DEADLINE_EXCEEDED") is waited for: registration tries again instead of stopping the service.
 */
class LedgerRegistrationTest extends IntegrationTest {

    @Autowired
    LedgerRegistration registration;

    @Autowired
    LedgerConnections connections;

    @Test
    void aLedgerThatDoesNotAnswerAtFirstIsWaitedFor() {
        Ledger real = connections.admin();
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger refusalsLeft = new AtomicInteger(3);
        Ledger slowAtFirst = (Ledger) Proxy.newProxyInstance(Ledger.class.getClassLoader(), new Class<?>[] {Ledger.class},
                (proxy, method, args) -> {
                    calls.incrementAndGet();
                    if (refusalsLeft.getAndDecrement() > 0) {
                        throw new LedgerException(LedgerErrorCode.UNAVAILABLE, null,
                                "evaluate of ReadIssuer failed: DEADLINE_EXCEEDED (the test's slow peer)");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });

        registration.registerAll(slowAtFirst);

        // Every department read once, and the three refused calls made again.
        assertThat(calls.get()).isGreaterThanOrEqualTo(3 + 1);
        assertThat(refusalsLeft.get()).isNegative();
    }
}
