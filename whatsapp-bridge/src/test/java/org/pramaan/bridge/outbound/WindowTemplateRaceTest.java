package org.pramaan.bridge.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pramaan.bridge.citizen.Citizen;
import org.pramaan.bridge.citizen.Citizens;
import org.pramaan.bridge.support.BridgeIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A delivery's text and PDF reach two outbound workers at once while the citizen's window is closed: each asks for the
 * template that reopens it. DeliveryIntegrationTest once saw two templates go out (a template costs the state money and
 * says the same thing twice); however many workers ask at once, one is queued.
 */
class WindowTemplateRaceTest extends BridgeIntegrationTest {

    @Autowired
    WindowTemplates templates;
    @Autowired
    Outbox outbox;
    @Autowired
    Citizens citizens;

    @Test
    void workersFindingTheSameClosedWindowQueueOneTemplate() throws Exception {
        Citizen citizen = citizens.ensure(newPhone(), null);
        int workers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> asked = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                asked.add(pool.submit(() -> {
                    start.await();
                    templates.ensureQueued(outbox, citizen, null);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> one : asked) {
                one.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox WHERE citizen_id = ? AND kind = 'template'",
                Integer.class, citizen.id())).as("templates queued for one closed window").isOne();
    }
}
