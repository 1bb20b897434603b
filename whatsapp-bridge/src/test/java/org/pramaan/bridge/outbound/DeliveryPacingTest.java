package org.pramaan.bridge.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pramaan.bridge.citizen.Citizen;
import org.pramaan.bridge.citizen.Citizens;
import org.pramaan.bridge.citizen.Language;
import org.pramaan.bridge.support.BridgeIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Delivery at WhatsApp's pace against the Graph API stand-in enforcing Meta's limits (80 messages/s for the number,
 * a burst then one message per interval per recipient): the bridge drains a backlog at its number's tier without
 * tripping it, and when the stand-in's tier is lower than the bridge believes (130429) or a recipient's pacing is
 * exceeded (131056) it backs off and delivers everything, in order, without spending attempts.
 */
class DeliveryPacingTest extends BridgeIntegrationTest {

    @Autowired
    Outbox outbox;
    @Autowired
    Citizens citizens;

    @AfterEach
    void metasDefaults() {
        graph.limits(80, 45, Duration.ofSeconds(6));
    }

    private Citizen citizenInWindow() {
        String phone = newPhone();
        citizens.noteInbound(phone, null, "T", Instant.now());
        citizens.chooseLanguage(phone, Language.EN);
        return citizens.find(phone).orElseThrow();
    }

    /** Messages that failed, or took more than the one attempt that succeeded. */
    private int failedOrAttempted(List<Citizen> to) {
        return jdbc.queryForObject("SELECT count(*) FROM outbox WHERE citizen_id = ANY (?) AND (state = 'FAILED'"
                + " OR attempts > 1)", Integer.class, (Object) to.stream().map(Citizen::id).toArray(String[]::new));
    }

    private void awaitQuiet() {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM outbox WHERE state = 'PENDING'", Integer.class) == 0);
    }

    @Test
    void aBacklogDrainsAtTheNumbersTierWithoutTrippingIt() {
        List<Citizen> to = new ArrayList<>();
        IntStream.range(0, 400).forEach(i -> to.add(citizenInWindow()));
        awaitQuiet();
        long throttledBefore = graph.throttled();
        long start = System.nanoTime();
        to.forEach(c -> outbox.enqueue(c, Replies.text("notice")));
        await().atMost(Duration.ofSeconds(60)).until(() -> to.stream().allMatch(c -> !graph.sentTo(c.phone(), 0).isEmpty()));
        double seconds = (System.nanoTime() - start) / 1e9;
        double perSecond = to.size() / seconds;
        System.out.printf("delivery pacing: %d messages in %.2f s = %.1f messages/s (tier 80)%n", to.size(), seconds,
                perSecond);
        assertThat(graph.throttled()).as("the stand-in never answered 130429 or 131056").isEqualTo(throttledBefore);
        assertThat(perSecond).as("never faster than the tier (80/s, with the first second's bucket)")
                .isLessThanOrEqualTo(80 * 1.15);
        assertThat(perSecond).as("not far below the tier either").isGreaterThan(30);
        assertThat(failedOrAttempted(to)).isZero();
    }

    @Test
    void overTheNumbersRealTierTheBridgePausesTheNumberAndDeliversEverything() {
        List<Citizen> to = new ArrayList<>();
        IntStream.range(0, 100).forEach(i -> to.add(citizenInWindow()));
        awaitQuiet();
        graph.limits(20, 45, Duration.ofSeconds(6)); // the bridge believes 80/s; Meta says 20/s
        long throttledBefore = graph.throttled();
        long start = System.nanoTime();
        to.forEach(c -> outbox.enqueue(c, Replies.text("notice")));
        await().atMost(Duration.ofSeconds(60)).until(() -> to.stream().allMatch(c -> !graph.sentTo(c.phone(), 0).isEmpty()));
        double seconds = (System.nanoTime() - start) / 1e9;
        long refused = graph.throttled() - throttledBefore;
        System.out.printf("over a 20/s tier: %d messages in %.2f s, %d answered 130429%n", to.size(), seconds, refused);
        assertThat(refused).as("the stand-in refused some: the test exercised 130429").isPositive();
        assertThat(refused).as("the number paused instead of hammering: far fewer refusals than messages")
                .isLessThan(to.size());
        assertThat(failedOrAttempted(to)).as("a throughput answer spends no attempt and fails nothing").isZero();
        to.forEach(c -> assertThat(graph.sentTo(c.phone(), 0)).hasSize(1));
    }

    @Test
    void tooManyToOneRecipientSlowsDownForThatRecipientOnlyAndKeepsTheOrder() {
        Citizen busy = citizenInWindow();
        Citizen other = citizenInWindow();
        awaitQuiet();
        graph.limits(80, 2, Duration.ofSeconds(1)); // Meta takes 3 back to back from one user, then one a second
        long throttledBefore = graph.throttled();
        IntStream.range(0, 4).forEach(i -> outbox.enqueue(busy, Replies.text("message " + i)));
        List<String> bodies = await().atMost(Duration.ofSeconds(30))
                .until(() -> graph.sentTo(busy.phone(), 0), l -> l.size() >= 4).stream()
                .map(s -> s.body().path("text").path("body").asString()).toList();
        assertThat(bodies).containsExactly("message 0", "message 1", "message 2", "message 3");
        assertThat(graph.throttled() - throttledBefore).as("131056 was answered and honoured").isPositive();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox WHERE citizen_id = ? AND state = 'FAILED'",
                Integer.class, busy.id())).isZero();
        // Someone else is not held up by the busy recipient's pacing.
        long start = System.nanoTime();
        outbox.enqueue(other, Replies.text("hello"));
        awaitMessages(other.phone(), 1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }
}
