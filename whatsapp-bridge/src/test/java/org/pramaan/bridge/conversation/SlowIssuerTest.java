package org.pramaan.bridge.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.pramaan.bridge.support.BridgeIntegrationTest;
import org.pramaan.bridge.support.StandInIssuer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 15: an issuer that answers one citizen's requests only after 10 s delays that citizen alone. Everyone else's
 * "status" is answered meanwhile, well under the 10 s, because the inbox works different citizens on different
 * threads and holds no lock or transaction while the issuer answers.
 */
class SlowIssuerTest extends BridgeIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(SlowIssuerTest.class);
    private static final int OTHERS = 12;

    private int start(String phone) {
        say(phone, "hi");
        tap(phone, "lang:en");
        return awaitMessages(phone, 3).size();
    }

    @Test
    void aSlowIssuerDelaysOnlyTheCitizenItConcerns() {
        String slow = newPhone();
        List<String> others = new ArrayList<>();
        for (int i = 0; i < OTHERS; i++) {
            others.add(newPhone());
        }
        int slowSeen = start(slow);
        Map<String, Integer> seen = new ConcurrentHashMap<>();
        others.forEach(p -> seen.put(p, start(p)));
        ISSUER.slowPhones.add(slow);
        try {
            long asked = System.nanoTime();
            say(slow, "status");
            // Let a worker take the slow citizen's turn and wait on the issuer before the others ask.
            await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM inbox WHERE citizen_id = ? AND processed_at IS NULL AND lease_owner IS NOT NULL",
                    Integer.class, slow) == 1);
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            others.forEach(p -> {
                sentAt.put(p, System.nanoTime());
                say(p, "status");
            });
            Map<String, Duration> answeredIn = new ConcurrentHashMap<>();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
                for (String p : others) {
                    if (!answeredIn.containsKey(p) && graph.sentTo(p, 0).size() > seen.get(p)) {
                        answeredIn.put(p, Duration.ofNanos(System.nanoTime() - sentAt.get(p)));
                    }
                }
                return answeredIn.size() == OTHERS;
            });
            String slowAnswer = bodyText(next(slow, slowSeen));
            Duration slowTook = Duration.ofNanos(System.nanoTime() - asked);
            Duration worst = answeredIn.values().stream().max(Duration::compareTo).orElseThrow();
            log.info("slow issuer: the slow citizen answered after {} ms; {} others answered within {} ms at most",
                    slowTook.toMillis(), OTHERS, worst.toMillis());

            assertThat(slowAnswer).contains("no applications");
            assertThat(slowTook).as("the slow citizen waits for the issuer").isGreaterThanOrEqualTo(StandInIssuer.SLOW);
            assertThat(worst).as("the other citizens are not held up by the slow one")
                    .isLessThan(StandInIssuer.SLOW.dividedBy(2));
            others.forEach(p -> assertThat(bodyText(graph.sentTo(p, 0).get(seen.get(p)).body()))
                    .contains("no applications"));
        } finally {
            ISSUER.slowPhones.remove(slow);
        }
    }
}
