package org.pramaan.verifier.ledger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.pramaan.ledger.EventSubscription;
import org.springframework.stereotype.Component;

/**
 * Whether the verifier's copy of the ledger (kept by {@code follow.LedgerFollower}) is current enough to answer a
 * first check without asking the ledger. The development peer, like Fabric's Gateway, tells a client no
 * block height outside the events, so currency is judged from the event stream itself and from the ledger's
 * own clock:
 *
 * <ol>
 *   <li>the copy is enabled ({@code VERIFIER_PROJECTION_ENABLED});</li>
 *   <li>the event stream is connected: the ledger client has it open and it has not failed since
 *       ({@link EventSubscription#connectedSince()}); a failed or closed stream is not;</li>
 *   <li>the ledger answered within the contact window ({@link LedgerHealth}, fed by the trust list's refresh
 *       every 30 s): a peer that stopped answering without breaking the stream is noticed. A call that failed
 *       since (a refresh past its deadline on a loaded machine) does not count against it: it used to send every
 *       first check to the ledger at once, the slowest path to the very peer that was slow, until the next
 *       success (the bench saw 2,700-3,200 ledger timeouts after one late refresh);</li>
 *   <li>and the stream is caught up: either the last event applied was committed (its ledger time) at most
 *       {@code max-lag} ago, or the stream has been connected and silent for {@code quiet} with no event in
 *       hand, so the peer has nothing left to send. A stream replaying old blocks (after a restart or an outage)
 *       delivers old events back to back, so it is neither, and the ledger answers until it has caught up.</li>
 * </ol>
 *
 * <p>Not current only ever costs speed: the ledger is asked, as it was before the copy existed. While the copy
 * is current a revocation reaches its answers when its event is applied, as it reaches the offline bundle.
 */
@Component
public class ProjectionCurrency {

    private final Clock clock;
    private final LedgerHealth health;
    private final ProjectionProperties properties;
    private final AtomicInteger applying = new AtomicInteger();
    private volatile EventSubscription subscription;
    /** The ledger time of the last event applied (its transaction time), if it said one. */
    private volatile Instant lastCommitted;
    /** When (this clock) the last event was applied. */
    private volatile Instant lastApplied;

    public ProjectionCurrency(Clock clock, LedgerHealth health, ProjectionProperties properties, MeterRegistry meters) {
        this.clock = clock;
        this.health = health;
        this.properties = properties;
        Gauge.builder("verifier.projection.current", this, currency -> currency.current() ? 1 : 0)
                .description("1 while first checks are answered from the verifier's copy of the ledger")
                .register(meters);
    }

    /** The stream that keeps the copy; null when it stopped. */
    public void following(EventSubscription subscription) {
        this.subscription = subscription;
    }

    /** An event is being applied: until {@link #applied} the stream is not silent. */
    public void applying() {
        applying.incrementAndGet();
    }

    /** An event was applied (or failed to be, and comes again); {@code committedAt} its ledger time, if known. */
    public void applied(Optional<Instant> committedAt) {
        committedAt.ifPresent(at -> lastCommitted = at);
        lastApplied = clock.instant();
        applying.decrementAndGet();
    }

    public boolean current() {
        EventSubscription running = subscription;
        if (!properties.enabled() || running == null || !health.answeredWithinWindow()) {
            return false;
        }
        Optional<Instant> connected = running.connectedSince();
        if (connected.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        Instant committed = lastCommitted;
        if (committed != null && Duration.between(committed, now).compareTo(properties.maxLag()) <= 0
                && lastApplied != null && !lastApplied.isBefore(connected.get())) {
            return true;
        }
        Instant applied = lastApplied;
        Instant silentSince = applied == null || applied.isBefore(connected.get()) ? connected.get() : applied;
        return applying.get() == 0 && Duration.between(silentSince, now).compareTo(properties.quiet()) >= 0;
    }
}
